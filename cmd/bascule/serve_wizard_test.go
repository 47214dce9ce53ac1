package main

import (
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// wizard is one full-screen session over SSH.
type wizard struct {
	s        *gossh.Session
	out, err *lockedBuffer
}

func (h *teamHarness) openWizard(who string) wizard {
	h.t.Helper()
	c, err := h.dial(h.keys[who], nil)
	if err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { c.Close() })
	s, err := c.NewSession()
	if err != nil {
		h.t.Fatal(err)
	}
	w := wizard{s: s, out: newLockedBuffer(), err: newLockedBuffer()}
	s.Stdout, s.Stderr = w.out, w.err
	if err := s.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		h.t.Fatal(err)
	}
	if err := s.Shell(); err != nil {
		h.t.Fatal(err)
	}
	return w
}

// A wizard session: a terminal opens the full-screen program, a third
// session of the same key is refused, and a session left without a
// keystroke is closed, saying why. The idle time runs out when the test
// says so (a fake idle clock), once both sessions have drawn: a loaded
// machine that draws slowly is not an idle user.
func TestServeWizardSessions(t *testing.T) {
	h := newTeamHarness(t)
	clock := newFakeIdleClock()
	h.config.idleClock = clock.start
	h.start()
	a, b := h.openWizard("Claire"), h.openWizard("Claire")
	third := h.openWizard("Claire")
	if err := third.s.Wait(); err == nil || !strings.Contains(third.err.String(), "déjà 2 session") {
		t.Errorf("third session of one key: %v, %q", err, third.err.String())
	}
	for _, w := range []wizard{a, b} {
		w.out.waitFor(t, "Cabinet Martin")
	}
	for range 2 {
		tm := <-clock.started
		if tm.d != h.config.idle {
			t.Errorf("idle timer of %v, want the configured %v", tm.d, h.config.idle)
		}
		tm.fire()
	}
	for _, w := range []wizard{a, b} {
		_ = w.s.Wait() // closed for idleness
		if !strings.Contains(w.err.String(), "sans activité") {
			t.Errorf("idle session closed without saying why: %q", w.err.String())
		}
	}
	// The sessions ended: the key may open new ones.
	h.wantRemote(0, "Claire", "step list --client cli-00002 --json")
}

// A keystroke starts the idle time again; a session that ends stops its
// timer.
func TestServeIdleClockFollowsKeys(t *testing.T) {
	h := newTeamHarness(t)
	clock := newFakeIdleClock()
	h.config.idleClock = clock.start
	h.start()
	c, err := h.dial(h.keys["Claire"], nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out := newLockedBuffer()
	s.Stdout, s.Stderr = out, newLockedBuffer()
	in, err := s.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	// With an open input the server asks the terminal its background:
	// answer as a terminal does (a dark one).
	out.waitFor(t, "\x1b]11;?")
	if _, err := in.Write([]byte("\x1b]11;rgb:0000/0000/0000\x07\x1b[?62c")); err != nil {
		t.Fatal(err)
	}
	out.waitFor(t, "Cabinet Martin")
	tm := <-clock.started
	if _, err := in.Write([]byte("j")); err != nil {
		t.Fatal(err)
	}
	select {
	case d := <-tm.resets:
		if d != h.config.idle {
			t.Errorf("a keystroke set the idle timer to %v, want %v", d, h.config.idle)
		}
	case <-time.After(30 * time.Second): // a failure's limit, not a measure
		t.Fatal("a keystroke did not start the idle time again")
	}
	if _, err := in.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
	_ = s.Wait()
	select {
	case <-tm.stopped:
	case <-time.After(30 * time.Second):
		t.Fatal("the session's end left its idle timer running")
	}
}

// fakeIdleClock hands the test each session's idle timer.
type fakeIdleClock struct{ started chan *fakeIdleTimer }

func newFakeIdleClock() *fakeIdleClock { return &fakeIdleClock{started: make(chan *fakeIdleTimer, 8)} }

func (c *fakeIdleClock) start(d time.Duration, fire func()) idleTimer {
	t := &fakeIdleTimer{d: d, fire: fire, resets: make(chan time.Duration, 64), stopped: make(chan struct{})}
	c.started <- t
	return t
}

// fakeIdleTimer runs out only when the test calls fire; it says when it is
// reset and stopped.
type fakeIdleTimer struct {
	d       time.Duration
	fire    func()
	resets  chan time.Duration
	stopped chan struct{}
	stop    sync.Once
}

func (t *fakeIdleTimer) Reset(d time.Duration) bool {
	select {
	case t.resets <- d:
	default: // the test reads the first ones only
	}
	return true
}

func (t *fakeIdleTimer) Stop() bool {
	t.stop.Do(func() { close(t.stopped) })
	return true
}

// An "entreprise" user's wizard lists only his company; a collaborator's
// lists the others too.
func TestServeWizardEntreprise(t *testing.T) {
	h := newTeamHarness(t)
	var names map[string]string
	func() {
		db, err := store.Open(h.db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		run, err := db.LoadRun("demo", checklist.Default())
		if err != nil {
			t.Fatal(err)
		}
		names = map[string]string{}
		for _, c := range run.Clients {
			names[c.ID] = c.Name
		}
	}()
	h.start()
	claire := h.openWizard("Claire")
	claire.out.waitFor(t, names["cli-00001"]) // the first client of the list
	eric := h.openWizard("Eric")
	eric.out.waitFor(t, names["cli-00003"])
	if strings.Contains(eric.out.String(), names["cli-00001"]) || strings.Contains(eric.out.String(), names["cli-00002"]) {
		t.Errorf("the entreprise user's wizard shows other clients:\n%q", eric.out.String())
	}
}

// A session that panics ends alone: its user reads why, the server and
// the other sessions go on.
func TestServePanicEndsOneSession(t *testing.T) {
	h := newTeamHarness(t)
	h.config.newModel = func(tui.Options) tea.Model { panic("boom") }
	h.start()
	w := h.openWizard("Alice")
	if err := w.s.Wait(); err == nil {
		t.Error("the panicking session ended without an error status")
	}
	if !strings.Contains(w.err.String(), "erreur interne") {
		t.Errorf("the user was not told: %q", w.err.String())
	}
	h.wantRemote(0, "Claire", "status --json")
	if !strings.Contains(h.log.String(), "panic") {
		t.Errorf("the server's log lacks the panic:\n%s", h.log.String())
	}
}

// The store a served session reads from: the member's view of the shared
// engine (an "entreprise" run holds only his dossiers, another client's
// step is not read), the audit filtered the same way, and no write that
// would bypass the engine.
func TestMemberStore(t *testing.T) {
	h := newTeamHarness(t)
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	g := checklist.Default()
	eng, err := engine.Open(engine.Config{Workspace: "demo", Store: db, Guide: g})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	eric, _ := db.Member("demo", "Eric")
	claire, _ := db.Member("demo", "Claire")
	inProgress := checklist.StatusInProgress
	for _, c := range []string{"cli-00002", "cli-00003"} {
		if _, err := eng.Apply(checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepClientLogo, Client: c}, Status: &inProgress}); err != nil {
			t.Fatal(err)
		}
	}
	es := memberStore{db: db, h: eng.As(memberOf(eric))}
	run, err := es.LoadRun("demo", g)
	if err != nil || len(run.Clients) != 1 || run.Clients[0].ID != "cli-00003" || run.ClientIndex("cli-00002") >= 0 {
		t.Fatalf("entreprise run: %d clients, %v", len(run.Clients), err)
	}
	if _, err := es.StepState("demo", checklist.Ref{Step: checklist.StepClientLogo, Client: "cli-00002"}); err == nil {
		t.Error("an entreprise user read another client's step")
	}
	evs, err := es.Events("demo", time.Time{})
	if err != nil || len(evs) == 0 {
		t.Fatalf("entreprise audit: %d events, %v", len(evs), err)
	}
	for _, e := range evs {
		if e.Ref.Client != "cli-00003" {
			t.Errorf("the entreprise user reads %+v", e)
		}
	}
	cs := memberStore{db: db, h: eng.As(memberOf(claire))}
	if full, _ := cs.LoadRun("demo", g); len(full.Clients) < 3 {
		t.Fatalf("a collaborator's run lost clients: %d", len(full.Clients))
	}
	if all, _ := cs.Events("demo", time.Time{}); len(all) <= len(evs) {
		t.Errorf("a collaborator reads %d audit events, the entreprise user %d", len(all), len(evs))
	}
	ch := store.StepChange{Ref: checklist.Ref{Step: checklist.StepClientLogo, Client: "cli-00002"}, Status: &inProgress}
	if _, err := cs.ApplyStep("demo", full(t, cs, g), ch); err == nil {
		t.Error("a write bypassed the engine")
	}
	if errs := cs.ApplySteps("demo", full(t, cs, g), []store.StepChange{ch}); errs[0] == nil {
		t.Error("a bulk write bypassed the engine")
	}
	if cs.SetPendingInvoices("demo", "cli-00002", 3) == nil || cs.PutDossiers("demo", nil, "x") == nil {
		t.Error("a dossier write bypassed the engine")
	}
}

func full(t *testing.T, s memberStore, g *checklist.Guide) *checklist.Run {
	t.Helper()
	r, err := s.LoadRun("demo", g)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
