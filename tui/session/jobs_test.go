package session

import (
	"context"
	"errors"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/sandbox"
)

// Every step done on V2 for the user has its job in the table; the manual
// ones have none.
func TestJobTable(t *testing.T) {
	g := checklist.Default()
	for _, s := range g.Steps {
		if s.Phase != checklist.PhaseReconciliation {
			continue
		}
		// The document bank accounts are never noted in phase 1: no job
		// (the IBANs noted are the external accounts').
		want := (s.Kind == checklist.KindConnectorAction || s.Kind == checklist.KindConnectorCheck) && s.ID != checklist.StepReconClientBankAccounts
		if got := HasJob(s.ID); got != want {
			t.Errorf("%s (%v): HasJob %v, want %v", s.ID, s.Kind, got, want)
		}
	}
	for _, id := range []string{checklist.StepClientPendingInvoices, checklist.StepClientArticles} {
		if !HasJob(id) || !HasCheck(id) {
			t.Errorf("%s: the preparation's V1 checks run in bulk too", id)
		}
	}
	if Job(JobDeps{Run: checklist.NewRun(g, nil)}, checklist.Ref{Step: checklist.StepReconClientNumbering, Client: "nobody"}) != nil {
		t.Error("a job for an unknown client")
	}
}

// A V2 re-creation through the engine: what preparation noted is set on V2
// under an idempotency key (a second run does not write twice), and the
// status follows the evidence rule once the migration is recorded.
func TestRunJobNumbering(t *testing.T) {
	p, ds := sandboxPorts(t, 3)
	ctx := context.Background()
	p.CompleteRegistration()
	if err := p.AcceptAllPending(); err != nil {
		t.Fatal(err)
	}
	if _, err := p.V2().SubmitMigration(ctx, connectors.MigrationSubmission{CabinetSIREN: sandbox.CabinetSIREN,
		RequestedBy: sandbox.ManagerEmail, IdempotencyKey: "k1"}); err != nil {
		t.Fatal(err)
	}
	if err := p.FinishMigration(); err != nil {
		t.Fatal(err)
	}
	fs := newFakeStore(ds)
	c := ds[0].ID
	fs.states[checklist.Ref{Step: checklist.StepRequestAnswer}] = checklist.StepState{Status: checklist.StatusDone}
	fs.states[checklist.Ref{Step: checklist.StepClientNumbering, Client: c}] = checklist.StepState{Status: checklist.StatusDone,
		Capture: &checklist.Capture{Items: []checklist.Record{{"prefix": "FA-", "number": "41", "padding": "4"}}}}
	e := open(t, fs, Ports{V1: p.V1(), V2: p.V2()})
	ref := checklist.Ref{Step: checklist.StepReconClientNumbering, Client: c}
	res, st, err := e.RunJob(ctx, ref, "seed")
	if err != nil {
		t.Fatal(err)
	}
	if st.Status != checklist.StatusDone || res.Evidence.Facts["next"] != "FA-0042" {
		t.Fatalf("numbering: status %s, facts %v, summary %q", st.Status, res.Evidence.Facts, res.Summary)
	}
	if _, _, err := e.RunJob(ctx, ref, "seed"); err != nil {
		t.Fatal(err)
	}
	if n := p.SideEffects()["v2.SetNumbering"]; n != 1 {
		t.Fatalf("%d numbering writes on V2, want 1 (the retry replays)", n)
	}
	// Nothing noted: the job says so and records nothing.
	other := checklist.Ref{Step: checklist.StepReconClientUsers, Client: ds[1].ID}
	if _, _, err := e.RunJob(ctx, other, "seed"); !errors.Is(err, ErrNothingNoted) {
		t.Fatalf("users with nothing noted: %v", err)
	}
	if _, _, err := open(t, fs, Ports{}).RunJob(ctx, ref, "seed"); !errors.Is(err, ErrNoConnector) {
		t.Fatalf("offline: %v", err)
	}
}
