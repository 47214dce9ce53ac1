package tui

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/session"
)

// A burst of the others' changes moves the dashboard's summary and rows
// step by step (moveStep): the screen is the one a full recomputation
// draws, after every message, whatever the changes (statuses back and
// forth, pending-invoice counts, the cabinet's steps).
func TestLiveBurstDrawsLikeAFullRecompute(t *testing.T) {
	for seed := range uint64(3) {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			s := newSharedEnv(t, 40)
			viewer, _ := s.program(t, checklist.Member{Name: "Marc", Role: checklist.TeamAdmin}, checklist.French)
			_, writer := s.program(t, checklist.Member{Name: "Claire", Role: checklist.TeamAdmin}, checklist.French)
			// The cabinet's preparation done first: the next step is then a
			// client's, which the bursts move.
			prep := cabinetPrep(s.env.opts.Guide)
			for _, id := range prep {
				if _, err := writer.Apply(StepChange{Ref: checklist.Ref{Step: id}, Status: statusPtr(checklist.StatusDone)}); err != nil {
					t.Fatal(err)
				}
			}
			viewer = followBurst(t, viewer, len(prep))
			if !viewer.dash.sum.hasNext || viewer.dash.sum.next.Client == nil {
				t.Fatalf("the next step is not a client's: %+v", viewer.dash.sum.next.Ref)
			}
			rng := rand.New(rand.NewPCG(seed, 16))
			for range 4 {
				items := burst(s.env.opts.Run, rng, 60)
				n := 0
				for _, err := range writer.ApplyBatch(context.Background(), items) {
					if err == nil {
						n++
					}
				}
				if n == 0 {
					t.Fatal("the rules refused every change of the burst")
				}
				viewer = followBurst(t, viewer, n)
			}
			if _, err := writer.Apply(StepChange{Ref: checklist.Ref{Step: prep[0]}, Status: statusPtr(checklist.StatusInProgress)}); err != nil {
				t.Fatal(err)
			}
			followBurst(t, viewer, 1)
		})
	}
}

// cabinetPrep is the cabinet's preparation steps.
func cabinetPrep(g *checklist.Guide) []string {
	var ids []string
	for _, st := range g.StepsFor(checklist.ScopeCabinet) {
		if st.Phase == checklist.PhasePreparation {
			ids = append(ids, st.ID)
		}
	}
	return ids
}

// burst is n changes of random client steps to random statuses, some with
// a pending-invoice count.
func burst(run *checklist.Run, rng *rand.Rand, n int) []session.BatchItem {
	steps := []string{checklist.StepClientPendingInvoices, checklist.StepClientArticles, checklist.StepClientLogo,
		checklist.StepClientUsers, checklist.StepClientNumbering}
	items := make([]session.BatchItem, n)
	for i := range items {
		to := checklist.Status(rng.IntN(5))
		ch := StepChange{Ref: checklist.Ref{Step: steps[rng.IntN(len(steps))], Client: run.Clients[rng.IntN(len(run.Clients))].ID}, Status: &to}
		if to == checklist.StatusBlocked || to == checklist.StatusNotApplicable {
			ch.Reason = "raison"
		}
		items[i].Change = ch
		if rng.IntN(3) == 0 {
			p := rng.IntN(3)
			items[i].Pending = &p
		}
	}
	return items
}

// followBurst hands the program the events until it has seen n step
// changes, checking after each message that its summary, rows and screen
// are what a full recomputation gives.
func followBurst(t *testing.T, m Model, n int) Model {
	t.Helper()
	for n > 0 {
		msg, ok := m.live.wait()().(liveMsg)
		if !ok || msg.closed {
			t.Fatalf("no live events: %+v", msg)
		}
		for _, ev := range msg.events {
			if ev.Kind == session.KindStep {
				n--
			}
		}
		nm, _ := m.Update(msg)
		m = nm.(Model)
		got, gotSum, gotStats := m.View(), m.dash.sum, append([]rowStat(nil), m.dash.ix.stats...)
		m.dash.refreshSummary(m.run) // what runChanged computes from the whole run
		for ci := range m.run.Clients {
			if want := m.cols.stat(&m.run.Clients[ci]); gotStats[ci] != want {
				t.Fatalf("client %d's row: %+v, want %+v", ci, gotStats[ci], want)
			}
		}
		if gotSum != m.dash.sum {
			t.Fatalf("summary after %d events:\n got %+v\nwant %+v", len(msg.events), gotSum, m.dash.sum)
		}
		if want := m.View(); got != want {
			t.Fatalf("screen after %d events:\n%s\nwant\n%s", len(msg.events), got, want)
		}
	}
	return m
}
