package checklist

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist/workdays"
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

func TestTeamFigures(t *testing.T) {
	g := Default()
	cal := workdays.Calendar{Location: workdays.Paris()}
	r := NewRun(g, dossiers(4, 0))
	for pos := range r.Clients[0].Steps {
		r.Clients[0].Steps[pos] = StatusDone
	}
	ps := []Portfolio{
		{Person: "Claire", Role: "collaborateur", Clients: []string{"c00000", "c00001"}},
		{Person: "Marc", Role: "collaborateur", Clients: []string{"c00002"}, Since: at(t, "2026-12-17 08:00")},
		{Person: "Zoé", Role: "entreprise", Clients: []string{"c00003"}},
	}
	now := at(t, "2026-12-18 15:00")
	evs := []Event{
		stepEv(t, "2026-12-14 10:00", "Claire", "todo", "done"),
		stepEv(t, "2026-12-15 10:00", "Claire", "todo", "done"),
		stepEv(t, "2026-12-18 10:00", "Marc", "todo", "done"),
	}
	f := r.TeamFigures(ps, evs, time.Time{}, now, cal)
	if len(f.People) != 3 {
		t.Fatalf("people: %+v", f.People)
	}
	claire, marc, zoe := f.People[0], f.People[1], f.People[2]
	left := r.ClientsProgress([]string{"c00001"}).StepsLeft()
	if claire.Progress.Clients != 2 || claire.Progress.ClientsDone != 1 || claire.Progress.StepsLeft() != left {
		t.Errorf("Claire: %+v", claire.Progress)
	}
	// Claire: 2 steps over 5 days; Marc joined Thursday: 1 step over 2 days.
	if claire.Finish.Pace.Steps != 2 || claire.Finish.Pace.Days != 5 || !claire.Finish.Pace.From.Equal(at(t, "2026-12-14 00:00")) || !claire.Finish.Known ||
		claire.Finish.Days != (left*5+1)/2 {
		t.Errorf("Claire's estimate: %+v", claire.Finish)
	}
	if marc.Finish.Pace.Days != 2 || marc.Finish.Pace.Steps != 1 {
		t.Errorf("Marc's pace: %+v", marc.Finish.Pace)
	}
	if zoe.Finish.Known || zoe.Finish.Done || zoe.Role != "entreprise" {
		t.Errorf("Zoé (no work yet): %+v", zoe)
	}
	// Zoé's company is no cabinet portfolio: c00003 is unassigned.
	if f.Unassigned.Clients != 1 {
		t.Errorf("unassigned: %+v", f.Unassigned)
	}
	open := r.OpenTally(r.Progress())
	if f.Cabinet.Progress.Clients != 4 || f.Cabinet.Progress.ClientsDone != 1 || f.Cabinet.Progress.Steps != open ||
		f.Cabinet.Finish.Pace.Steps != 3 || f.Cabinet.Finish.Remaining != open.Total-open.Done {
		t.Errorf("cabinet: %+v", f.Cabinet)
	}
	// No team: only the cabinet's figures, every client unassigned.
	if nf := r.TeamFigures(nil, nil, time.Time{}, now, cal); len(nf.People) != 0 || nf.Unassigned.Clients != 4 || nf.Cabinet.Finish.Known {
		t.Errorf("no team: %+v", nf)
	}
}

// BenchmarkTeamFigures12k: a 12,000-client run shared by 20 collaborators
// (600 clients each), with 20,000 step events in the window; compare with
// BenchmarkRunProgress12k (which also builds the run).
func BenchmarkTeamFigures12k(b *testing.B) {
	g := Default()
	r := NewRun(g, dossiers(12000, 4))
	ps := make([]Portfolio, 20)
	for i := range ps {
		ps[i] = Portfolio{Person: fmt.Sprintf("P%02d", i), Role: "collaborateur"}
		for c := i * 600; c < (i+1)*600; c++ {
			ps[i].Clients = append(ps[i].Clients, fmt.Sprintf("c%05d", c))
		}
	}
	now := time.Date(2026, 12, 18, 15, 0, 0, 0, time.UTC)
	evs := make([]Event, 20000)
	for i := range evs {
		evs[i] = Event{At: now.Add(-time.Duration(i) * time.Minute), Who: ps[i%20].Person, Action: ActionStep, From: "todo", To: "done"}
	}
	cal := WorkCalendar()
	b.ReportAllocs()
	for b.Loop() {
		f := r.TeamFigures(ps, evs, time.Time{}, now, cal)
		if len(f.People) != 20 || !f.Cabinet.Finish.Known {
			b.Fatal("figures")
		}
	}
}

// openTallies (one walk) agrees with clientOpenTally (ClientProgress's rule)
// for every client, before and after the switch.
func TestOpenTalliesMatchClientProgress(t *testing.T) {
	g := Default()
	r := NewRun(g, dossiers(9, 2))
	for ci := range r.Clients {
		for pos := range r.Clients[ci].Steps {
			r.Clients[ci].Steps[pos] = Status((ci + pos) % 5)
		}
	}
	for _, migrated := range []bool{false, true} {
		if migrated {
			for i, s := range g.StepsFor(ScopeCabinet) {
				if s.ID == StepRequestAnswer {
					r.Cabinet[i] = StatusDone
				}
			}
		}
		open := r.openPhases()
		for ci, got := range r.openTallies() {
			if want := r.clientOpenTally(ci, &open); got != want {
				t.Errorf("migrated %v, client %d: %+v, want %+v", migrated, ci, got, want)
			}
		}
	}
}
