package checklist

import (
	"slices"
	"testing"
	"time"
)

func TestClientsProgress(t *testing.T) {
	g := Default()
	r := NewRun(g, dossiers(4, 2)) // c00000 and c00002 use the payment services
	prep := 0
	var prepTime time.Duration
	for _, s := range g.ClientSideSteps() {
		if s.Phase == PhasePreparation && s.Scope == ScopeClient {
			prep++
		}
	}
	// c00001: every client step of every phase done: its open work is done.
	for pos := range r.Clients[1].Steps {
		r.Clients[1].Steps[pos] = StatusDone
	}
	// c00003: one preparation step done.
	side := g.ClientSideSteps()
	for pos, s := range side {
		if s.Phase == PhasePreparation && s.Scope == ScopeClient {
			r.Clients[3].Steps[pos] = StatusDone
			break
		}
	}
	for i := range r.Clients {
		prepTime += r.ClientLeft(i).Work
	}
	cases := []struct {
		name      string
		ids       []string
		clients   int
		done      int
		stepsLeft int
	}{
		{"none", nil, 0, 0, 0},
		{"a finished client", []string{"c00001"}, 1, 1, 0},
		{"a client with one step done", []string{"c00003"}, 1, 0, prep - 1},
		{"an unknown id is skipped", []string{"c00003", "gone"}, 1, 0, prep - 1},
		{"both", []string{"c00001", "c00003"}, 2, 1, prep - 1},
	}
	for _, c := range cases {
		p := r.ClientsProgress(c.ids)
		if p.Clients != c.clients || p.ClientsDone != c.done || p.StepsLeft() != c.stepsLeft {
			t.Errorf("%s: %+v (left %d), want %d clients, %d done, %d steps left", c.name, p, p.StepsLeft(), c.clients, c.done, c.stepsLeft)
		}
	}
	// Before the switch only the open work counts: the validation steps of
	// a client are not in its figures.
	all := r.ClientsProgress([]string{"c00000", "c00001", "c00002", "c00003"})
	if all.Left.Work != prepTime || all.Left.Untimed != r.OpenTally(r.Progress()).Untimed-cabinetUntimed(r) {
		t.Errorf("time left %v (+%d untimed), want the clients' preparation %v", all.Left.Work, all.Left.Untimed, prepTime)
	}
	if LeftOf(all.Steps) != all.Left {
		t.Errorf("Left is not LeftOf(Steps)")
	}
}

// cabinetUntimed counts the open cabinet steps the guide does not time.
func cabinetUntimed(r *Run) int {
	n := 0
	for pos, s := range r.Guide.StepsFor(ScopeCabinet) {
		if r.openPhase(s.Phase) && !r.Cabinet[pos].Resolved() && r.Guide.estimates[r.Guide.byID[s.ID]].Nominal() == 0 {
			n++
		}
	}
	return n
}

func TestOpenTallyFollowsTheSwitch(t *testing.T) {
	g := Default()
	r := NewRun(g, dossiers(2, 0))
	p := r.Progress()
	before := r.OpenTally(p)
	if before.Total != p.All.Total-p.Phase(PhaseReconciliation).Total-p.Phase(PhaseSummary).Total {
		t.Fatalf("before the switch: %+v of %+v", before, p.All)
	}
	for i, s := range g.StepsFor(ScopeCabinet) {
		if s.ID == StepRequestAnswer {
			r.Cabinet[i] = StatusDone
		}
	}
	if after := r.OpenTally(r.Progress()); after.Total != p.All.Total {
		t.Fatalf("after the switch: %+v, want every step (%d)", after, p.All.Total)
	}
}

func TestUnassignedAndHas(t *testing.T) {
	r := NewRun(Default(), dossiers(4, 0))
	ps := []Portfolio{{Person: "Claire", Clients: []string{"c00000", "c00002"}}, {Person: "Marc", Clients: []string{"c00003"}}}
	if got := r.Unassigned(ps); !slices.Equal(got, []string{"c00001"}) {
		t.Fatalf("Unassigned = %v", got)
	}
	if !ps[0].Has("c00002") || ps[0].Has("c00001") {
		t.Fatal("Has")
	}
	if got := r.Unassigned(nil); len(got) != 4 {
		t.Fatalf("no team: %v", got)
	}
}
