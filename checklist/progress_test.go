package checklist

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// The incremental forms of Progress and NextStep give what the full walk
// gives, after any sequence of changes, from every stage of a migration.
func TestIncrementalProgressAndNext(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T, r *Run)
		// cabinet is how often (1 in n) a change is to a cabinet step.
		cabinet int
	}{
		{"fresh run", func(*testing.T, *Run) {}, 10},
		{"preparation done", func(_ *testing.T, r *Run) { resolveAll(r, PhasePreparation) }, 10},
		{"migrated", func(t *testing.T, r *Run) {
			readyForRequest(t, r)
			resolveAll(r, PhaseRequest)
		}, 20},
		{"client steps only", func(*testing.T, *Run) {}, 0},
	}
	for ci, c := range cases {
		for seed := range uint64(5) {
			t.Run(fmt.Sprintf("%s/seed %d", c.name, seed), func(t *testing.T) {
				r := NewRun(Default(), dossiers(7, 3))
				c.setup(t, r)
				checkIncremental(t, r, rand.New(rand.NewPCG(uint64(ci), seed)), c.cabinet, 400)
			})
		}
	}
}

// checkIncremental makes n random status changes, each followed by the
// incremental updates, and compares them with the full computations.
func checkIncremental(t *testing.T, r *Run, rng *rand.Rand, cabinetOdds, n int) {
	t.Helper()
	g := r.Guide
	p := r.Progress()
	next, had := r.NextStep()
	side := g.ClientSideSteps()
	for i := range n {
		var ref Ref
		switch {
		case had && rng.IntN(3) == 0:
			ref = next.Ref // the answer itself: the walk resumes after it
		case cabinetOdds > 0 && rng.IntN(cabinetOdds) == 0:
			cab := g.StepsFor(ScopeCabinet)
			ref = Ref{Step: cab[rng.IntN(len(cab))].ID}
		default:
			ref = Ref{Step: side[rng.IntN(len(side))].ID, Client: r.Clients[rng.IntN(len(r.Clients))].ID}
		}
		from, err := r.Status(ref)
		if err != nil {
			continue // a payment step of a client without payment
		}
		to := Status(rng.IntN(int(statusCount)))
		if err := r.SetStatus(ref, to); err != nil {
			t.Fatal(err)
		}
		if err := r.MoveProgress(&p, ref, from, to); err != nil {
			t.Fatal(err)
		}
		next, had = r.NextAfter(next, had, ref)
		if want := r.Progress(); p != want {
			t.Fatalf("change %d (%s %v→%v): progress %+v, walk gives %+v", i, ref, from, to, p.All, want.All)
		}
		want, wantOK := r.NextStep()
		if had != wantOK || next.Ref != want.Ref || next.Step != want.Step || (next.Client == nil) != (want.Client == nil) ||
			(next.Client != nil && next.Client.ID != want.Client.ID) {
			t.Fatalf("change %d (%s %v→%v): next %v %v, walk gives %v %v", i, ref, from, to, next.Ref, had, want.Ref, wantOK)
		}
	}
}

func TestMoveProgressRefusesUnknownRefs(t *testing.T) {
	r := NewRun(Default(), dossiers(2, 0))
	p := r.Progress()
	for _, ref := range []Ref{
		{Step: "no.such.step"},
		{Step: StepClientLogo, Client: "nobody"},
		{Step: StepClientLogo}, // a client step without its client
	} {
		if err := r.MoveProgress(&p, ref, StatusTodo, StatusDone); err == nil {
			t.Errorf("%s: accepted", ref)
		}
	}
	if p != r.Progress() {
		t.Error("a refused move changed the progress")
	}
}
