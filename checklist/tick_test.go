package checklist

import (
	"errors"
	"testing"
	"time"
)

// A tick that goes against what is known (points blocking the request, a
// check that found invoices pending) must ask for a reason, recorded as an
// override; on the old rules both ticks passed silently.
func TestTickAgainstEvidenceNeedsAnOverride(t *testing.T) {
	g := Default()
	checked := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	pendingRef := Ref{Step: pendingInvoicesStep, Client: "c00001"}
	logoRef := Ref{Step: "preparation.client.logo", Client: "c00000"}
	controlRef := Ref{Step: "request.client_checks"}
	failed := &Evidence{Source: "v1", At: checked, Findings: []Finding{{Code: "pending_purchases", Count: 4}}}
	passed := &Evidence{Source: "v1", At: checked, OK: true}

	cases := []struct {
		name     string
		setup    func(r *Run)
		ref      Ref
		to       Status
		latest   *Evidence
		wantCode string // "" when the change passes
		wantGate string
	}{
		{name: "control ticked while points block", ref: controlRef, to: StatusDone,
			wantCode: "gate_closed", wantGate: GateRequestReadiness},
		{name: "control ticked with the readiness override", ref: controlRef, to: StatusDone,
			setup: func(r *Run) {
				r.Overrides = append(r.Overrides, Override{Gate: GateRequestReadiness, Reason: "client fermé", At: checked})
			}},
		{name: "control ticked when all is ready", ref: controlRef, to: StatusDone,
			setup: func(r *Run) {
				resolveAll(r, PhasePreparation)
				resolveAll(r, PhaseRegistration)
				_ = r.SetStatus(Ref{Step: CabinetPendingStep}, StatusDone)
			}},
		{name: "control set in progress while points block", ref: controlRef, to: StatusInProgress},
		{name: "pending invoices ticked after the check found 4", ref: pendingRef, to: StatusDone,
			setup: func(r *Run) { r.Clients[1].PendingInvoices = 4 }, wantCode: "contradicts_evidence", wantGate: TickGate(pendingRef)},
		{name: "pending invoices ticked with the step's override", ref: pendingRef, to: StatusDone,
			setup: func(r *Run) {
				r.Clients[1].PendingInvoices = 4
				r.Overrides = append(r.Overrides, Override{Gate: TickGate(pendingRef), Reason: "acceptées à l'instant", At: checked})
			}},
		{name: "pending invoices ticked once none are left", ref: pendingRef, to: StatusDone,
			setup: func(r *Run) { r.Clients[1].PendingInvoices = 0 }},
		{name: "pending invoices ticked never checked", ref: pendingRef, to: StatusDone},
		{name: "pending invoices: a new check found none, the old count aside", ref: pendingRef, to: StatusDone, latest: passed,
			setup: func(r *Run) { r.Clients[1].PendingInvoices = 4 }},
		{name: "pending invoices: the check found some", ref: pendingRef, to: StatusDone, latest: failed,
			wantCode: "contradicts_evidence", wantGate: TickGate(pendingRef)},
		{name: "pending invoices marked blocked", ref: pendingRef, to: StatusBlocked,
			setup: func(r *Run) { r.Clients[1].PendingInvoices = 4 }},
		{name: "a step ticked against a failed check", ref: logoRef, to: StatusDone, latest: failed,
			wantCode: "contradicts_evidence", wantGate: TickGate(logoRef)},
		{name: "a step ticked against a failed check, override older than the check", ref: logoRef, to: StatusDone, latest: failed,
			setup: func(r *Run) {
				r.Overrides = append(r.Overrides, Override{Gate: TickGate(logoRef), Reason: "vu", At: checked.Add(-time.Hour)})
			},
			wantCode: "contradicts_evidence", wantGate: TickGate(logoRef)},
		{name: "a step ticked against a failed check, overridden since", ref: logoRef, to: StatusDone, latest: failed,
			setup: func(r *Run) {
				r.Overrides = append(r.Overrides, Override{Gate: TickGate(logoRef), Reason: "vu", At: checked.Add(time.Minute)})
			}},
		{name: "a step ticked after a passed check", ref: logoRef, to: StatusDone, latest: passed},
		{name: "articles ticked after a check that leaves them to judge", ref: Ref{Step: "preparation.client.articles", Client: "c00000"}, to: StatusDone,
			latest: &Evidence{Source: "v1", At: checked, Findings: []Finding{{Code: FindingArticlesToJudge, Count: 2}}}},
		{name: "a step set in progress after a failed check", ref: logoRef, to: StatusInProgress, latest: failed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := NewRun(g, dossiers(2, 0))
			if c.setup != nil {
				c.setup(r)
			}
			reason := ""
			if c.to.NeedsReason() {
				reason = "client injoignable"
			}
			err := r.CheckChange(c.ref, c.to, reason, c.latest)
			if c.wantCode == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var ce *Error
			if !errors.As(err, &ce) || ce.Code != c.wantCode || ce.Gate != c.wantGate {
				t.Fatalf("want %s on gate %q, got %#v", c.wantCode, c.wantGate, err)
			}
			if ce.Message.FR == "" || ce.Message.EN == "" {
				t.Error("message missing in a language")
			}
		})
	}
}

func TestTickGateRoundTrip(t *testing.T) {
	g := Default()
	r := NewRun(g, dossiers(2, 0))
	for _, ref := range []Ref{{Step: "request.client_checks"}, {Step: pendingInvoicesStep, Client: "c00001"}} {
		back, ok := TickGateRef(TickGate(ref))
		if !ok || back != ref {
			t.Errorf("%v came back as %v, %v", ref, back, ok)
		}
	}
	if _, ok := TickGateRef(GateRequestReadiness); ok {
		t.Error("the readiness gate is not a tick gate")
	}
	got := r.GateTitle(TickGate(Ref{Step: pendingInvoicesStep, Client: "c00001"})).FR
	if want := "Client 1 — « Accepter les factures en attente » cochée malgré la dernière vérification"; got != want {
		t.Errorf("gate title %q", got)
	}
}
