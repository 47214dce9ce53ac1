package session

import (
	"context"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/sandbox"
)

// The request gate is the engine's: closed, nothing goes to V2; overridden,
// the request goes once (a retry replays), is recorded, and V2's answer
// ticks "request.answer".
func TestSubmitRequestAndAnswer(t *testing.T) {
	p, ds := sandboxPorts(t, 2)
	p.CompleteRegistration()
	if err := p.AcceptAllPending(); err != nil {
		t.Fatal(err)
	}
	fs := newFakeStore(ds)
	e := open(t, fs, Ports{V1: p.V1(), V2: p.V2()})
	ctx := context.Background()
	sub := connectors.MigrationSubmission{CabinetSIREN: sandbox.CabinetSIREN, RequestedBy: sandbox.ManagerEmail, IdempotencyKey: "k1"}
	if _, _, err := e.SubmitRequest(ctx, sub); err == nil {
		t.Fatal("the request went with its gate closed")
	}
	if n := p.SideEffects()["v2.SubmitMigration"]; n != 0 {
		t.Fatalf("%d submissions with the gate closed", n)
	}
	// The gate's other requirements (the steps before the request) done by
	// hand, the blockers overridden.
	if _, err := e.AddOverride(checklist.GateRequestReadiness, "le cabinet assume"); err != nil {
		t.Fatal(err)
	}
	done := checklist.StatusDone
	for _, id := range []string{checklist.StepRequestNotifyClients, checklist.StepRequestClientChecks} {
		if _, err := e.Apply(checklist.StepChange{Ref: checklist.Ref{Step: id}, Status: &done}); err != nil {
			t.Fatal(err)
		}
	}
	rec, st, err := e.SubmitRequest(ctx, sub)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Reference == "" || st.Status != checklist.StatusDone || e.Snapshot().Request.Reference != rec.Reference {
		t.Fatalf("submitted: %+v, step %s", rec, st.Status)
	}
	if err := p.FinishMigration(); err != nil {
		t.Fatal(err)
	}
	req, err := p.V2().MigrationStatus(ctx, rec.Reference)
	if err != nil {
		t.Fatal(err)
	}
	if _, st, err = e.RecordAnswer(req); err != nil || st.Status != checklist.StatusDone || !e.Snapshot().Migrated() {
		t.Fatalf("answer: %s, %v", st.Status, err)
	}
}
