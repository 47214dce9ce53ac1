package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/session"
)

// sharedEnv is one workspace's engine shared by several programs, as
// `bascule serve` sets it up.
type sharedEnv struct {
	env *testEnv
	eng *session.Engine
}

func newSharedEnv(t testing.TB, n int) *sharedEnv {
	t.Helper()
	env := newTestEnv(n)
	eng, err := session.Open(session.Config{Workspace: "ws1", Cabinet: testCabinet, Operator: "C. Martin", Store: env.store,
		Guide: env.opts.Guide, Run: session.CloneRun(env.opts.Run), Now: env.opts.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(eng.Close)
	return &sharedEnv{env: env, eng: eng}
}

// program is one person's program on the shared engine, 120×40.
func (s *sharedEnv) program(t testing.TB, m checklist.Member, lang checklist.Lang) (Model, *session.Engine) {
	t.Helper()
	h := s.eng.As(m)
	t.Cleanup(h.Close)
	opts := s.env.opts
	opts.Engine, opts.Run, opts.Lang = h, h.Snapshot(), lang
	nm, _ := New(opts).Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	return nm.(Model), h
}

// nextLive waits for the program's next events (they are already queued
// when this is called) and hands them to Update.
func nextLive(t *testing.T, m Model) Model {
	t.Helper()
	msg, ok := m.live.wait()().(liveMsg)
	if !ok || msg.closed {
		t.Fatalf("no live events: %+v", msg)
	}
	nm, _ := m.Update(msg)
	return nm.(Model)
}

// Another person's change shows at once in a program on the same engine,
// who made it is said on the status line when the dossier is open, and
// who is on the dossier is shown.
func TestLiveSeesTheOthers(t *testing.T) {
	s := newSharedEnv(t, 20)
	claire, _ := s.program(t, checklist.Member{Name: "Claire", Role: checklist.TeamCollaborateur, Clients: []string{"c00001"}}, checklist.French)
	marc, marcH := s.program(t, checklist.Member{Name: "Marc", Role: checklist.TeamAdmin}, checklist.French)
	claireH := claire.opts.Engine
	ci := marc.run.ClientIndex("c00001")
	marc.openSteps(ci, checklist.PhasePreparation)
	if here := marc.announce(); here == nil {
		t.Fatal("opening a dossier told the engine nothing")
	} else {
		here()
	}
	ref := checklist.Ref{Step: checklist.StepClientLogo, Client: "c00001"}
	if _, err := claireH.Apply(checklist.StepChange{Ref: ref, Status: statusPtr(checklist.StatusInProgress)}); err != nil {
		t.Fatal(err)
	}
	marc = nextLive(t, marc) // Marc's own presence, then Claire's change
	for i := 0; i < 3; i++ {
		if st, _ := marc.run.Status(ref); st == checklist.StatusInProgress {
			break
		}
		marc = nextLive(t, marc)
	}
	if st, _ := marc.run.Status(ref); st != checklist.StatusInProgress {
		t.Fatalf("Marc's run has %v", st)
	}
	step, _ := marc.opts.Guide.Step(ref.Step)
	said := "Claire a changé « " + step.Title.In(checklist.French) + " » : " + checklist.StatusInProgress.Title().In(checklist.French)
	if view := ansi.Strip(marc.View()); !strings.Contains(view, said) {
		t.Errorf("Marc's screen does not say %q:\n%s", said, view)
	}
	// Claire opens the same dossier: Marc reads it once his status line has
	// passed; an entreprise user of another client sees nothing of it.
	claireH.Here("c00001")
	marc = nextLive(t, marc)
	marc.status = status{}
	if view := ansi.Strip(marc.View()); !strings.Contains(view, "Claire est sur ce dossier") {
		t.Errorf("Marc's screen lacks Claire's presence:\n%s", view)
	}
	if got := marcH.Presence(); len(got) != 2 {
		t.Errorf("presence %+v", got)
	}
	// Back on the dashboard Marc sees where Claire is.
	marc.goBack()
	if cmd := marc.announce(); cmd != nil {
		cmd()
	}
	if view := ansi.Strip(marc.View()); !strings.Contains(view, "En ligne : Claire ("+marc.run.Clients[ci].Name+")") {
		t.Errorf("Marc's dashboard lacks who is online:\n%s", view)
	}
}

// In English, and for several people.
func TestOnDossierWording(t *testing.T) {
	for _, c := range []struct {
		lang  checklist.Lang
		names []string
		want  string
	}{
		{checklist.French, []string{"Claire"}, "Claire est sur ce dossier"},
		{checklist.French, []string{"Claire", "Marc"}, "Claire et Marc sont sur ce dossier"},
		{checklist.French, []string{"Claire", "Marc", "Léa"}, "Claire, Marc et Léa sont sur ce dossier"},
		{checklist.English, []string{"Claire"}, "Claire is on this dossier"},
		{checklist.English, []string{"Claire", "Marc"}, "Claire and Marc are on this dossier"},
	} {
		if got := onDossier(c.lang, c.names); got != c.want {
			t.Errorf("%v: %q, want %q", c.names, got, c.want)
		}
	}
}

// A company user's program on the shared engine holds his dossier only,
// and nothing of another client's change reaches it.
func TestLiveCompanyUserSeesHisDossierOnly(t *testing.T) {
	s := newSharedEnv(t, 20)
	eric, _ := s.program(t, checklist.Member{Name: "Eric", Role: checklist.TeamEntreprise, Clients: []string{"c00003"}}, checklist.French)
	if len(eric.run.Clients) != 1 {
		t.Fatalf("the company user's program holds %d clients", len(eric.run.Clients))
	}
	if _, err := s.eng.Apply(checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepClientLogo, Client: "c00001"}, Status: statusPtr(checklist.StatusDone)}); err != nil {
		t.Fatal(err)
	}
	mine := checklist.Ref{Step: checklist.StepClientLogo, Client: "c00003"}
	if _, err := s.eng.Apply(checklist.StepChange{Ref: mine, Status: statusPtr(checklist.StatusInProgress)}); err != nil {
		t.Fatal(err)
	}
	msg := eric.live.wait()().(liveMsg)
	if len(msg.events) == 0 || msg.events[0].Ref != mine {
		t.Fatalf("the company user received %+v", msg.events)
	}
}

// This program's own answer arrives after someone else's later change of
// the same step (the answer and the events travel apart): the later change
// stays on screen.
func TestLiveLatestWinsOnScreen(t *testing.T) {
	s := newSharedEnv(t, 20)
	marc, marcH := s.program(t, checklist.Member{Name: "Marc", Role: checklist.TeamAdmin}, checklist.French)
	_, claireH := s.program(t, checklist.Member{Name: "Claire", Role: checklist.TeamAdmin}, checklist.French)
	ref := checklist.Ref{Step: checklist.StepClientLogo, Client: "c00001"}
	ch := StepChange{Ref: ref, Status: statusPtr(checklist.StatusDone)}
	answer, err := marcH.Apply(ch)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := claireH.Apply(StepChange{Ref: ref, Status: statusPtr(checklist.StatusBlocked), Reason: "logo flou"}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if st, _ := marc.run.Status(ref); st == checklist.StatusBlocked {
			break
		}
		marc = nextLive(t, marc)
	}
	nm, _ := marc.Update(stepAppliedMsg{change: ch, state: answer})
	marc = nm.(Model)
	if st, _ := marc.run.Status(ref); st != checklist.StatusBlocked {
		t.Errorf("Marc's late answer undid Claire's later change: %v", st)
	}
	if st, _ := s.eng.Status(ref); st != checklist.StatusBlocked {
		t.Errorf("the engine has %v", st)
	}
}

// The commands that tell the engine where this program is may run in any
// order: the engine ends up with where it is now.
func TestLivePresenceFollowsTheLatest(t *testing.T) {
	s := newSharedEnv(t, 20)
	marc, marcH := s.program(t, checklist.Member{Name: "Marc", Role: checklist.TeamAdmin}, checklist.French)
	marc.openSteps(marc.run.ClientIndex("c00002"), checklist.PhasePreparation)
	toDossier := marc.announce()
	marc.goBack()
	toDashboard := marc.announce()
	if toDossier == nil || toDashboard == nil {
		t.Fatal("a move was not announced")
	}
	toDashboard()
	toDossier() // late
	if got := marcH.Presence(); len(got) != 1 || got[0].Client != "" {
		t.Errorf("presence %+v, want Marc on the dashboard", got)
	}
}
