package checklist

import (
	"reflect"
	"testing"
	"time"
)

func TestStatusFromEvidence(t *testing.T) {
	g := Default()
	step := func(id string) *Step {
		s, ok := g.Step(id)
		if !ok {
			t.Fatalf("no step %s", id)
		}
		return s
	}
	pass, fail := Evidence{OK: true}, Evidence{OK: false}
	const none = Status(255)
	cases := []struct {
		name string
		step string
		cur  Status
		ev   Evidence
		want Status // none: leave the status as it is
	}{
		{"passed check ticks a todo step", StepClientPendingInvoices, StatusTodo, pass, StatusDone},
		{"passed check ticks a started step", StepClientPendingInvoices, StatusInProgress, pass, StatusDone},
		{"failed check starts a todo step", StepClientPendingInvoices, StatusTodo, fail, StatusInProgress},
		{"failed check leaves a started step", StepClientPendingInvoices, StatusInProgress, fail, none},
		{"failed check never unticks", StepClientPendingInvoices, StatusDone, fail, none},
		{"passed check on done: nothing to record", StepClientPendingInvoices, StatusDone, pass, none},
		{"not applicable is a human decision (pass)", StepClientPendingInvoices, StatusNotApplicable, pass, none},
		{"not applicable is a human decision (fail)", StepClientPendingInvoices, StatusNotApplicable, fail, none},
		{"blocked is a human decision (pass)", StepRegistrationIdentity, StatusBlocked, pass, none},
		{"blocked is a human decision (fail)", StepRegistrationIdentity, StatusBlocked, fail, none},
		{"article base: a person ticks, even when the check passes", StepClientArticles, StatusTodo, pass, none},
		{"article base: a person ticks, started", StepClientArticles, StatusInProgress, pass, none},
		{"article base: findings start the step", StepClientArticles, StatusTodo, fail, StatusInProgress},
		{"V1 still writable: wait, not work", StepRequestV1ReadOnly, StatusTodo, fail, none},
		{"V1 read-only ticks", StepRequestV1ReadOnly, StatusTodo, pass, StatusDone},
		{"answer pending: wait", StepRequestAnswer, StatusTodo, fail, none},
		{"registration not yet: started", StepRegistrationActivate, StatusTodo, fail, StatusInProgress},
		{"V2 job done ticks", StepReconClientNumbering, StatusTodo, pass, StatusDone},
		{"V2 job with failures starts", StepReconClientUsers, StatusTodo, fail, StatusInProgress},
		{"readiness with blockers starts", StepRequestClientChecks, StatusTodo, fail, StatusInProgress},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := StatusFromEvidence(step(c.step), c.cur, c.ev)
			switch {
			case c.want == none && ok:
				t.Errorf("got %s, want the status left at %s", got, c.cur)
			case c.want != none && (!ok || got != c.want):
				t.Errorf("got %s (ok %v), want %s", got, ok, c.want)
			}
		})
	}
	if _, ok := StatusFromEvidence(nil, StatusTodo, pass); ok {
		t.Error("an unknown step got a status")
	}
}

// A passed check that the rules refuse (here a requirement missing) records
// the evidence alone.
func TestStatusAfterEvidence(t *testing.T) {
	g := Default()
	r := NewRun(g, dossiers(2, 0))
	c := r.Clients[0].ID
	ok := Evidence{OK: true}
	if to, set := r.StatusAfterEvidence(Ref{Step: StepClientPendingInvoices, Client: c}, ok); !set || to != StatusDone {
		t.Fatalf("pending invoices: got %s %v, want done", to, set)
	}
	// Reconciliation stays closed before the migration succeeded.
	if to, set := r.StatusAfterEvidence(Ref{Step: StepReconClientNumbering, Client: c}, ok); set {
		t.Fatalf("reconciliation before the migration: got %s", to)
	}
	if _, set := r.StatusAfterEvidence(Ref{Step: "no.such.step", Client: c}, ok); set {
		t.Fatal("unknown step got a status")
	}
	if _, set := r.StatusAfterEvidence(Ref{Step: StepClientPendingInvoices, Client: "nobody"}, ok); set {
		t.Fatal("unknown client got a status")
	}
}

// The readiness evidence lists its findings in the same order every time
// (it was a map's order), so that two front ends record the same bytes.
func TestReadinessEvidenceStable(t *testing.T) {
	bs := []Blocker{{Kind: BlockRegistration}, {Kind: BlockPendingInvoices}, {Kind: BlockClientPreparation}, {Kind: BlockPendingInvoices}}
	now := time.Date(2026, 3, 12, 10, 0, 0, 0, time.UTC)
	first := ReadinessEvidence(bs, now)
	if first.OK || first.Facts["blockers"] != "4" || first.Facts["blockers.pending_invoices"] != "2" {
		t.Fatalf("evidence %+v", first)
	}
	for range 50 {
		if again := ReadinessEvidence(bs, now); !reflect.DeepEqual(again, first) {
			t.Fatalf("order changed: %+v then %+v", first.Findings, again.Findings)
		}
	}
	if ev := ReadinessEvidence(nil, now); !ev.OK || len(ev.Findings) != 0 {
		t.Fatalf("no blocker: %+v", ev)
	}
}

func TestStatusAfterCapture(t *testing.T) {
	const none = Status(255)
	for _, c := range []struct{ cur, to, want Status }{
		{StatusTodo, StatusInProgress, StatusInProgress},
		{StatusTodo, StatusDone, StatusDone},
		{StatusInProgress, StatusDone, StatusDone},
		{StatusInProgress, StatusInProgress, none},
		{StatusDone, StatusInProgress, none}, // an edit keeps a done step done
		{StatusNotApplicable, StatusInProgress, none},
		{StatusBlocked, StatusInProgress, StatusInProgress},
		{StatusDone, StatusDone, none},
	} {
		got, ok := StatusAfterCapture(c.cur, c.to)
		if (c.want == none) == ok || (ok && got != c.want) {
			t.Errorf("%s asking %s: got %s %v, want %s", c.cur, c.to, got, ok, c.want)
		}
	}
}
