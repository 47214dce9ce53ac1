package tui

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/bascule-cli/bascule/checklist"
)

// teamShared is teamEnv's team on one shared engine, as bascule serve runs
// it: each program is a person's handle.
func teamShared(t *testing.T) (*sharedEnv, *fakeTeam) {
	t.Helper()
	s := newSharedEnv(t, 40)
	_, ft := teamEnv("")
	s.env.opts.Team = ft
	s.eng.SetTeam(ft)
	return s, ft
}

// teamProgram is one member's program on the shared engine.
func (s *sharedEnv) teamProgram(t *testing.T, ft *fakeTeam, name string) Model {
	t.Helper()
	ps, _ := ft.Portfolios("")
	m, _ := s.program(t, checklist.TeamMember(ps, name), checklist.French)
	nm, _ := m.Update(m.teamLoadCmd()()) // as Init reads it
	return nm.(Model)
}

// runCmds runs the commands of cmd whose function's name holds one of
// names (batches are opened), and returns their messages: the live wait,
// the timers and the like are left alone.
func runCmds(cmd tea.Cmd, names ...string) []tea.Msg {
	if cmd == nil {
		return nil
	}
	name := funcName(cmd)
	if strings.Contains(name, "compactCmds") { // tea.Batch, maybe inlined
		batch, _ := cmd().(tea.BatchMsg)
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, runCmds(c, names...)...)
		}
		return out
	}
	for _, n := range names {
		if strings.Contains(name, n) {
			return []tea.Msg{cmd()}
		}
	}
	return nil
}

// liveTeamUpdate hands the program its queued events, checks that Update
// read nothing, then runs the command that reads the team and hands its
// answer to Update, again without a read.
func liveTeamUpdate(t *testing.T, m Model, ft *fakeTeam) Model {
	t.Helper()
	msg, ok := m.live.wait()().(liveMsg)
	if !ok || msg.closed {
		t.Fatalf("no live events: %+v", msg)
	}
	reads := ft.reads
	nm, cmd := m.Update(msg)
	if ft.reads != reads {
		t.Fatal("Update read the team store for a live event")
	}
	msgs := runCmds(cmd, "liveTeam")
	if len(msgs) != 1 {
		t.Fatalf("the team's event gave %d team commands", len(msgs))
	}
	reads = ft.reads
	nm, _ = nm.(Model).Update(msgs[0])
	if ft.reads != reads {
		t.Fatal("Update read the team store for the team's answer")
	}
	return nm.(Model)
}

func dashIDs(m Model) []string {
	var ids []string
	for _, i := range m.dash.ix.filtered {
		ids = append(ids, m.run.Clients[i].ID)
	}
	slices.Sort(ids) // the dashboard's order is its own
	return ids
}

// An admin assigns a client to Claire in his session: Claire's open
// program, on "mes dossiers", lists it at once and says who changed her
// portfolio, with no read of the store in Update.
func TestLiveAssignmentUpdatesMesDossiers(t *testing.T) {
	s, ft := teamShared(t)
	claire := s.teamProgram(t, ft, "Claire")
	alice := s.teamProgram(t, ft, "Alice")
	nm, cmd := claire.Update(keyMsg("M"))
	claire = nm.(Model)
	for _, msg := range runCmds(cmd, "readTeamCmd") {
		nm, _ = claire.Update(msg)
		claire = nm.(Model)
	}
	if got := dashIDs(claire); !slices.Equal(got, []string{"c00001", "c00003"}) {
		t.Fatalf("Claire's dossiers before: %v", got)
	}
	if _, err := alice.eng.AssignPortfolio("Claire", []string{"c00007"}); err != nil {
		t.Fatal(err)
	}
	claire = liveTeamUpdate(t, claire, ft)
	if got := dashIDs(claire); !slices.Equal(got, []string{"c00001", "c00003", "c00007"}) {
		t.Errorf("Claire's dossiers after: %v", got)
	}
	if view := ansi.Strip(claire.View()); !strings.Contains(view, "Alice a changé votre portefeuille : 3 clients.") {
		t.Errorf("Claire's screen does not say it:\n%s", view)
	}
	// Taken back for Marc: gone from her list.
	if _, err := alice.eng.AssignPortfolio("Marc", []string{"c00001"}); err != nil {
		t.Fatal(err)
	}
	claire = liveTeamUpdate(t, claire, ft)
	if got := dashIDs(claire); !slices.Equal(got, []string{"c00003", "c00007"}) {
		t.Errorf("Claire's dossiers once c00001 went to Marc: %v", got)
	}
}

// A company user's client list follows his portfolio; a member removed
// from the team is told, and what he does next is refused.
func TestLiveTeamChangeForCompanyUserAndRemoval(t *testing.T) {
	s, ft := teamShared(t)
	zoe := s.teamProgram(t, ft, "Zoé")
	claire := s.teamProgram(t, ft, "Claire")
	if len(zoe.run.Clients) != 1 {
		t.Fatalf("Zoé's program holds %d clients", len(zoe.run.Clients))
	}
	err := s.eng.ChangeTeam(func(string) error {
		ft.mu.Lock()
		defer ft.mu.Unlock()
		ft.ps[3].Clients = []string{"c00005", "c00006"}
		ft.ps = slices.Delete(ft.ps, 1, 2) // Claire leaves
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	zoe = liveTeamUpdate(t, zoe, ft)
	if len(zoe.run.Clients) != 2 || !strings.Contains(ansi.Strip(zoe.View()), "Clients (2)") {
		t.Errorf("Zoé's dossiers: %d\n%s", len(zoe.run.Clients), ansi.Strip(zoe.View()))
	}
	claire = liveTeamUpdate(t, claire, ft)
	view := ansi.Strip(claire.View())
	if !strings.Contains(view, "C. Martin vous a retiré de l'équipe") {
		t.Errorf("Claire is not told:\n%s", view)
	}
	if _, err := claire.eng.Apply(checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepClientLogo, Client: "c00003"},
		Status: statusPtr(checklist.StatusDone)}); err == nil || !strings.Contains(claire.errText(err), "ne fait plus partie de l'équipe") {
		t.Errorf("Claire's change after her removal: %v", err)
	}
}

// The team screen open in an admin's program shows a new portfolio at once.
func TestLiveTeamScreenFollows(t *testing.T) {
	s, ft := teamShared(t)
	alice := s.teamProgram(t, ft, "Alice")
	nm, cmd := alice.Update(keyMsg("e"))
	alice = nm.(Model)
	for _, msg := range runCmds(cmd, "openTeam") {
		nm, _ = alice.Update(msg)
		alice = nm.(Model)
	}
	if _, err := s.eng.AssignPortfolio("Marc", []string{"c00010", "c00011", "c00012"}); err != nil {
		t.Fatal(err)
	}
	alice = liveTeamUpdate(t, alice, ft)
	if alice.Screen() != "team" || alice.team.figs == nil {
		t.Fatalf("screen %s, figures %v", alice.Screen(), alice.team.figs)
	}
	i := slices.IndexFunc(alice.team.figs.People, func(p checklist.PersonFigures) bool { return p.Person == "Marc" })
	if i < 0 || alice.team.figs.People[i].Progress.Clients != 3 {
		t.Errorf("Marc's figures on Alice's team screen: %+v", alice.team.figs.People)
	}
}
