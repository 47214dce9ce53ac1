package checklist

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func dossiers(n int, paymentEvery int) []Dossier {
	ds := make([]Dossier, n)
	for i := range ds {
		ds[i] = Dossier{ID: fmt.Sprintf("c%05d", i), Name: fmt.Sprintf("Client %d", i), SIREN: "552008443",
			Payment: paymentEvery > 0 && i%paymentEvery == 0, PendingInvoices: -1}
	}
	return ds
}

// resolveAll marks every step of phase ph done, for the cabinet and clients.
func resolveAll(r *Run, ph Phase) {
	for pos, s := range r.Guide.StepsFor(ScopeCabinet) {
		if s.Phase == ph {
			r.Cabinet[pos] = StatusDone
		}
	}
	for pos, s := range r.Guide.ClientSideSteps() {
		if s.Phase != ph {
			continue
		}
		for i := range r.Clients {
			if r.applies(&r.Clients[i], s) {
				r.Clients[i].Steps[pos] = StatusDone
			}
		}
	}
	for i := range r.Clients {
		r.Clients[i].PendingInvoices = 0
	}
}

func setDone(t *testing.T, r *Run, ref Ref) {
	t.Helper()
	if err := r.CheckTransition(ref, StatusDone, ""); err != nil {
		t.Fatalf("%s: %v", ref, err)
	}
	if err := r.SetStatus(ref, StatusDone); err != nil {
		t.Fatal(err)
	}
}

func readyForRequest(t *testing.T, r *Run) {
	resolveAll(r, PhasePreparation)
	resolveAll(r, PhaseRegistration)
	setDone(t, r, Ref{Step: "request.notify_clients"})
	setDone(t, r, Ref{Step: CabinetPendingStep})
	setDone(t, r, Ref{Step: "request.client_checks"})
}

func TestRequestGate(t *testing.T) {
	g := Default()
	submit := Ref{Step: "request.submit"}

	t.Run("blocked until everything is ready", func(t *testing.T) {
		r := NewRun(g, dossiers(3, 2))
		// Ticked before the control step had its own gate (an old run).
		_ = r.SetStatus(Ref{Step: "request.client_checks"}, StatusDone)
		err := r.CheckTransition(submit, StatusDone, "")
		var ce *Error
		if !errors.As(err, &ce) || ce.Code != "gate_closed" {
			t.Fatalf("want gate_closed, got %v", err)
		}
		kinds := BlockerSummary(ce.Blockers)
		if kinds[BlockCabinetPreparation] != 3 || kinds[BlockRegistration] != 5 || kinds[BlockPendingInvoices] != 3 || kinds[BlockCabinetPendingInvoices] != 1 || kinds[BlockClientPreparation] != 3 {
			t.Errorf("blockers by kind: %v", kinds)
		}
	})

	t.Run("pending invoices block even when steps are ticked", func(t *testing.T) {
		r := NewRun(g, dossiers(3, 0))
		readyForRequest(t, r)
		r.Clients[1].PendingInvoices = 4
		err := r.CheckTransition(submit, StatusDone, "")
		var ce *Error
		if !errors.As(err, &ce) || len(ce.Blockers) != 1 || ce.Blockers[0].Client != "c00001" || ce.Blockers[0].Count != 4 {
			t.Fatalf("want exactly the pending invoices of c00001, got %v", err)
		}
		if ce.Blockers[0].Message.FR != "Client 1 : 4 factures en attente d'acceptation sur V1" {
			t.Errorf("message: %q", ce.Blockers[0].Message.FR)
		}
	})

	t.Run("ready", func(t *testing.T) {
		r := NewRun(g, dossiers(3, 2))
		readyForRequest(t, r)
		if bs := r.RequestBlockers(); len(bs) != 0 {
			t.Fatalf("unexpected blockers: %v", bs)
		}
		setDone(t, r, submit)
	})

	t.Run("override with a reason lets it pass and stays visible", func(t *testing.T) {
		r := NewRun(g, dossiers(3, 2))
		r.Overrides = append(r.Overrides, Override{Gate: GateRequestReadiness, Reason: "client 2 fermé", By: "C. Martin", At: time.Now()})
		setDone(t, r, Ref{Step: "request.client_checks"})
		setDone(t, r, submit)
		if o, ok := r.Override(GateRequestReadiness); !ok || o.Reason != "client 2 fermé" {
			t.Errorf("override lost: %v", o)
		}
		if len(r.RequestBlockers()) == 0 {
			t.Error("an override must not hide the blockers")
		}
	})
}

func TestTransitionRules(t *testing.T) {
	g := Default()
	r := NewRun(g, dossiers(2, 2))
	cases := []struct {
		name   string
		ref    Ref
		to     Status
		reason string
		code   string
	}{
		{"blocked needs a reason", Ref{Step: "preparation.cabinet.collaborators"}, StatusBlocked, " ", "reason_required"},
		{"not applicable needs a reason", Ref{Step: "preparation.client.logo", Client: "c00000"}, StatusNotApplicable, "", "reason_required"},
		{"blocked with a reason", Ref{Step: "preparation.cabinet.collaborators"}, StatusBlocked, "attente RH", ""},
		{"unknown step", Ref{Step: "nope"}, StatusDone, "", "unknown_step"},
		{"unknown client", Ref{Step: "preparation.client.logo", Client: "zz"}, StatusDone, "", "unknown_client"},
		{"client step without client", Ref{Step: "preparation.client.logo"}, StatusDone, "", "client_required"},
		{"cabinet step with client", Ref{Step: "registration.comptexpert", Client: "c00000"}, StatusDone, "", "cabinet_step"},
		{"payment step on non-payment client", Ref{Step: "preparation.payment.statements", Client: "c00001"}, StatusDone, "", "not_payment_client"},
		{"payment step on payment client", Ref{Step: "preparation.payment.statements", Client: "c00000"}, StatusDone, "", ""},
		{"requirement missing", Ref{Step: "registration.activate"}, StatusDone, "", "requirements"},
		{"reconciliation closed before migration", Ref{Step: "reconciliation.client.users", Client: "c00000"}, StatusDone, "", "gate_closed"},
		{"reconciliation in progress also closed", Ref{Step: "reconciliation.cabinet.roles"}, StatusInProgress, "", "gate_closed"},
		{"going back is allowed", Ref{Step: "reconciliation.client.users", Client: "c00000"}, StatusTodo, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := r.CheckTransition(c.ref, c.to, c.reason)
			var ce *Error
			switch {
			case c.code == "" && err != nil:
				t.Fatalf("unexpected error %v", err)
			case c.code != "" && (!errors.As(err, &ce) || ce.Code != c.code):
				t.Fatalf("want %s, got %v", c.code, err)
			case ce != nil && (ce.Message.FR == "" || ce.Message.EN == ""):
				t.Fatalf("message missing in a language: %+v", ce.Message)
			}
		})
	}
}

func TestReconciliationOpensAfterSuccess(t *testing.T) {
	g := Default()
	r := NewRun(g, dossiers(2, 0))
	readyForRequest(t, r)
	setDone(t, r, Ref{Step: "request.submit"})
	ref := Ref{Step: "reconciliation.client.numbering", Client: "c00001"}
	if err := r.CheckTransition(ref, StatusDone, ""); err == nil {
		t.Fatal("reconciliation open before the answer")
	}
	setDone(t, r, Ref{Step: "request.answer"})
	if !r.Migrated() {
		t.Fatal("migration not recorded")
	}
	setDone(t, r, ref)
}

func TestProgressAndTimeLeft(t *testing.T) {
	g := Default()
	cases := []struct {
		clients, paymentEvery int
		prepLeft              time.Duration
	}{
		{1, 0, 5*time.Minute + 10*time.Minute},
		{120, 0, 5*time.Minute + 120*10*time.Minute}, // "120 clients ≈ 20 h"
		{120, 4, 5*time.Minute + 120*10*time.Minute + 30*10*time.Minute},
		{12000, 0, 5*time.Minute + 12000*10*time.Minute},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%d clients", c.clients), func(t *testing.T) {
			r := NewRun(g, dossiers(c.clients, c.paymentEvery))
			p := r.Progress()
			prep := p.Phase(PhasePreparation)
			if prep.Remaining != c.prepLeft {
				t.Errorf("preparation left %v, want %v", prep.Remaining, c.prepLeft)
			}
			if prep.Done != 0 || prep.Percent() != 0 {
				t.Errorf("nothing done yet: %+v", prep)
			}
			payments := 0
			if c.paymentEvery > 0 {
				payments = (c.clients + c.paymentEvery - 1) / c.paymentEvery
			}
			wantTotal := 3 + 5*c.clients + 2*payments
			if prep.Total != wantTotal {
				t.Errorf("preparation total %d, want %d", prep.Total, wantTotal)
			}
			resolveAll(r, PhasePreparation)
			p = r.Progress()
			if !p.Phase(PhasePreparation).Complete() || p.Phase(PhasePreparation).Remaining != 0 || p.Phase(PhasePreparation).Percent() != 100 {
				t.Errorf("after resolving: %+v", p.Phase(PhasePreparation))
			}
			if p.Phase(PhaseRegistration).Remaining != 5*time.Minute {
				t.Errorf("registration left %v", p.Phase(PhaseRegistration).Remaining)
			}
		})
	}
	r := NewRun(g, dossiers(120, 0))
	if got := r.Progress().Phase(PhasePreparation).Remaining.Round(time.Hour); got != 20*time.Hour {
		t.Errorf("120 clients: %v of preparation, the guide's figures give about 20 h", got)
	}
}

func TestNextStep(t *testing.T) {
	g := Default()
	r := NewRun(g, dossiers(3, 0))
	n, ok := r.NextStep()
	if !ok || n.Ref.Step != "preparation.cabinet.collaborators" {
		t.Fatalf("first step: %+v", n.Ref)
	}
	resolveAll(r, PhasePreparation)
	r.Clients[1].Steps[0] = StatusTodo
	n, _ = r.NextStep()
	if n.Ref != (Ref{Step: "preparation.client.pending_invoices", Client: "c00001"}) || n.Client == nil || n.Client.Name != "Client 1" {
		t.Fatalf("want client 1's pending invoices, got %+v", n.Ref)
	}
	r.Clients[1].Steps[0] = StatusBlocked
	n, _ = r.NextStep()
	if n.Ref.Step != "registration.comptexpert" {
		t.Fatalf("a blocked step is passed over: got %+v", n.Ref)
	}
	// registration.activate needs identity and mobile app first.
	r.Cabinet[g.posInRun["registration.comptexpert"]] = StatusDone
	r.Cabinet[g.posInRun["registration.identity"]] = StatusDone
	n, _ = r.NextStep()
	if n.Ref.Step != "registration.mobile_app" {
		t.Fatalf("got %+v", n.Ref)
	}
}

func TestAnswerDue(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no tzdata")
	}
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, paris) }
	cases := []struct {
		name      string
		submitted time.Time
		due       time.Time
	}{
		{"Tuesday", at(2026, 11, 24, 15, 0), at(2026, 11, 27, 15, 0)},
		{"Friday across the weekend", at(2026, 11, 27, 10, 30), at(2026, 12, 2, 10, 30)},
		{"Saturday", at(2026, 11, 28, 11, 0), at(2026, 12, 3, 0, 0)},
		{"before 1 May", at(2026, 4, 30, 9, 0), at(2026, 5, 6, 9, 0)},
		{"before 8 May", at(2026, 5, 7, 9, 0), at(2026, 5, 13, 9, 0)},
		{"Ascension", at(2026, 5, 13, 9, 0), at(2026, 5, 19, 9, 0)},
		{"Christmas", at(2026, 12, 24, 16, 0), at(2026, 12, 30, 16, 0)},
		{"New Year", at(2026, 12, 30, 16, 0), at(2027, 1, 5, 16, 0)},
		{"UTC input", time.Date(2026, 11, 24, 23, 30, 0, 0, time.UTC), at(2026, 11, 30, 0, 30)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := AnswerDue(c.submitted)
			if !d.At.Equal(c.due) {
				t.Errorf("due %v, want %v", d.At.In(paris), c.due)
			}
			if !d.Estimate {
				t.Error("the due date is an estimate")
			}
			if d.Late(c.due.Add(-time.Minute)) || !d.Late(c.due.Add(time.Minute)) {
				t.Error("late flag wrong")
			}
		})
	}
}

func TestFormValidation(t *testing.T) {
	g := Default()
	ext, _ := g.Step("preparation.payment.external_accounts")
	bad := Capture{Items: []Record{{"iban": "FR7630006000011234567890188", "validated": "oui"}}}
	errs := ext.Form.Validate(bad)
	if len(errs) != 1 || errs[0].Field != "iban" || errs[0].Message.FR == "" {
		t.Fatalf("invalid IBAN not reported: %+v", errs)
	}
	good := Capture{Items: []Record{{"iban": "fr76 3000 6000 0112 3456 7890 189", "validated": "oui"}}}
	if errs := ext.Form.Validate(good); len(errs) != 0 {
		t.Fatalf("valid IBAN refused: %v", errs)
	}
	n := ext.Form.Normalize(good)
	if n.Items[0]["iban"] != "FR7630006000011234567890189" || n.Items[0]["validated"] != "true" {
		t.Errorf("normalised: %v", n.Items[0])
	}
	users, _ := g.Step("preparation.client.users")
	errs = users.Form.Validate(Capture{Items: []Record{{"name": "A", "email": "pas-un-mail", "roles": "gestionnaire, pi\x1b[2Jrate", "reinvite": "peut-être"}}})
	fields := map[string]bool{}
	for _, e := range errs {
		fields[e.Field] = true
	}
	if !fields["email"] || !fields["roles"] || !fields["reinvite"] {
		t.Errorf("errors: %+v", errs)
	}
	api, _ := g.Step("preparation.cabinet.api_connections")
	n = api.Form.Normalize(Capture{Items: []Record{{"software": "myunisoft", "credential": "s3cr3t"}}})
	if _, ok := n.Items[0]["credential"]; ok {
		t.Error("a secret field must never be kept in a capture")
	}
	num, _ := g.Step("preparation.client.numbering")
	if errs := num.Form.Validate(Capture{Items: []Record{{"prefix": "FAC-", "number": "-3"}}}); len(errs) != 1 {
		t.Errorf("negative number accepted: %v", errs)
	}
	if errs := num.Form.Validate(Capture{Items: []Record{{}, {}}}); len(errs) == 0 {
		t.Error("two items in a single form accepted")
	}
}

func BenchmarkRunProgress12k(b *testing.B) {
	g := Default()
	ds := dossiers(12000, 4)
	b.ReportAllocs()
	for b.Loop() {
		r := NewRun(g, ds)
		p := r.Progress()
		if p.All.Total == 0 {
			b.Fatal("empty progress")
		}
	}
}

func TestClientIndex(t *testing.T) {
	r := NewRun(Default(), dossiers(5, 0))
	if r.ClientIndex("c00003") != 3 || r.ClientIndex("nope") != -1 {
		t.Fatal("lookup")
	}
	r.Clients[0], r.Clients[3] = r.Clients[3], r.Clients[0] // reordered in place
	if r.ClientIndex("c00003") != 0 || r.ClientIndex("c00000") != 3 {
		t.Fatal("stale index after reordering")
	}
	r.Clients = append(r.Clients, ClientRun{Dossier: Dossier{ID: "new"}})
	if r.ClientIndex("new") != 5 {
		t.Fatal("stale index after append")
	}
	r.Reindex()
	if r.ClientIndex("new") != 5 || r.ClientIndex("c00003") != 0 {
		t.Fatal("reindex")
	}
}

// BenchmarkRequestBlockers12k is what the request screen recomputes after
// each key: every client's unresolved preparation and registration steps.
func BenchmarkRequestBlockers12k(b *testing.B) {
	r := NewRun(Default(), dossiers(12000, 4))
	b.ReportAllocs()
	for b.Loop() {
		if len(r.RequestBlockers()) == 0 {
			b.Fatal("no blocker in a fresh run")
		}
	}
}
