package checklist

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/connectors"
)

var t0 = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func snapshot() connectors.V1Snapshot {
	num := connectors.Numbering{Prefix: "FAC-", LastNumber: 142, Padding: 4}
	return connectors.V1Snapshot{
		Client: connectors.Client{ID: "c1", LegalName: "Boulangerie Lefèvre & Fils", SIREN: "552008443"},
		Invoices: connectors.InvoiceCounts{
			Purchases: connectors.DirectionCounts{Pending: 3, AcceptedPaid: 100, AcceptedUnpaid: 10},
			Sales:     connectors.DirectionCounts{Pending: 1, AcceptedPaid: 28, AcceptedUnpaid: 4},
		},
		Archives: connectors.ArchiveCounts{Documents: 412},
		Articles: []connectors.Article{{Code: "A1"}, {Code: "A2", Problems: []connectors.ArticleProblem{connectors.ProblemZeroPrice}}},
		Partners: connectors.PartnerCounts{Customers: 20, Suppliers: 7},
		BankAccounts: []connectors.BankAccount{
			{IBAN: "FR7630006000011234567890189", External: true},
		},
		ReceptionEmail: "factures@lefevre.fr",
		PaymentAccount: true,
		Numbering:      &num,
	}
}

func TestPendingAndArticlesEvidence(t *testing.T) {
	ev, n := PendingInvoicesEvidence(snapshot(), t0)
	if ev.OK || n != 4 || len(ev.Findings) != 2 {
		t.Fatalf("pending: ok=%v n=%d findings=%v", ev.OK, n, ev.Findings)
	}
	if got := FindingText(ev.Findings[0]).FR; got != "3 factures d'achat à accepter" {
		t.Errorf("finding text %q", got)
	}
	if ev.Facts[FactAcceptedPaid] != "128" || ev.Facts[FactAcceptedUnpaid] != "14" || ev.Facts[FactNumbering] != "FAC-0142" {
		t.Errorf("facts %v", ev.Facts)
	}
	if ev.Facts[FactExternalIBANs] == "" || ev.Facts[FactExternalIBANs] == "FR7630006000011234567890189" {
		t.Errorf("external IBANs must be kept masked: %q", ev.Facts[FactExternalIBANs])
	}
	a := ArticlesEvidence(snapshot(), t0)
	if a.OK || len(a.Findings) != 1 || a.Findings[0].Count != 1 {
		t.Errorf("articles: %+v", a)
	}
	s := snapshot()
	s.Invoices = connectors.InvoiceCounts{}
	s.Articles = nil
	if ev, n := PendingInvoicesEvidence(s, t0); !ev.OK || n != 0 {
		t.Error("no pending invoice should pass")
	}
}

type fakeV1 struct {
	connectors.V1
	snap connectors.V1Snapshot
	err  error
}

func (f fakeV1) ClientSnapshot(ctx context.Context, id string) (connectors.V1Snapshot, error) {
	return f.snap, f.err
}

func TestCheckClient(t *testing.T) {
	p, a, n, err := CheckClient(context.Background(), fakeV1{snap: snapshot()}, "c1", t0)
	if err != nil || p == nil || a == nil || n != 4 {
		t.Fatalf("got %v %v %d %v", p, a, n, err)
	}
	_, _, _, err = CheckClient(context.Background(), fakeV1{err: connectors.ErrNotFound}, "c1", t0)
	if !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("error not passed through: %v", err)
	}
}

func TestIdentityEvidence(t *testing.T) {
	want := connectors.Cabinet{SIREN: "552 008 443", LegalName: "Cabinet Martin & Associés", ManagerEmail: "c.martin@cabinet-martin.fr"}
	reg := connectors.RegistrationStatus{Registered: true, Identity: connectors.Cabinet{SIREN: "552008443", LegalName: "CABINET MARTIN  & ASSOCIÉS", ManagerEmail: "C.Martin@cabinet-martin.fr"}}
	if ev := IdentityEvidence(want, reg, t0); !ev.OK {
		t.Errorf("same identity refused: %+v", ev.Findings)
	}
	reg.Identity.SIREN = "404833048"
	ev := IdentityEvidence(want, reg, t0)
	if ev.OK || len(ev.Findings) != 1 || ev.Findings[0].Code != "siren_mismatch" {
		t.Errorf("SIREN mismatch not found: %+v", ev.Findings)
	}
	reg.Registered = false
	if ev := IdentityEvidence(want, reg, t0); len(ev.Findings) != 2 {
		t.Errorf("not registered not found: %+v", ev.Findings)
	}
}

func TestReconcile(t *testing.T) {
	v1 := SnapshotFacts(snapshot())
	inv := connectors.Inventory{
		Invoices: connectors.InvoiceCounts{
			Purchases: connectors.DirectionCounts{AcceptedPaid: 100, AcceptedUnpaid: 10},
			Sales:     connectors.DirectionCounts{AcceptedPaid: 28, AcceptedUnpaid: 4},
		},
		Archives:       connectors.ArchiveCounts{Documents: 409},
		Articles:       2,
		Partners:       connectors.PartnerCounts{Customers: 20, Suppliers: 7},
		ReceptionEmail: "factures@lefevre.fr",
		PaymentAccount: true,
	}
	lines := Reconcile(v1, inv, true)
	want := map[string]ReconState{
		"accepted_documents": ReconMigrated,
		"archived_documents": ReconGap,
		"articles":           ReconMigrated,
		"partners":           ReconMigrated,
		"reception_email":    ReconMigrated,
		"payment_account":    ReconMigrated,
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		if l.State != want[l.Item] {
			t.Errorf("%s: %s (V1 %s, V2 %s), want %s", l.Item, l.State, l.V1, l.V2, want[l.Item])
		}
	}
	if ReconOK(lines) {
		t.Error("a gap must never read as done")
	}
	ev := &Evidence{Facts: map[string]string{}}
	ReconEvidence(lines, ev)
	if ev.OK || len(ev.Findings) != 1 || ev.Facts["archived_documents.v1"] != "412" {
		t.Errorf("evidence %+v", ev)
	}
	// Nothing captured before the switch: every line is "à vérifier", never "migré".
	for _, l := range Reconcile(map[string]string{}, inv, false) {
		if l.State != ReconToCheck {
			t.Errorf("%s without V1 figure: %s", l.Item, l.State)
		}
	}
	inv.PaymentAccount = false
	inv.Archives.Documents = 412
	for _, l := range Reconcile(v1, inv, true) {
		if l.Item == "payment_account" && l.State != ReconGap {
			t.Errorf("lost payment account: %s", l.State)
		}
	}
}

func TestProposedNumberingAndSubscription(t *testing.T) {
	n, ok := ProposedNumbering(Record{"prefix": "FAC-", "number": "0142"})
	if !ok || n.Next().String() != "FAC-0143" {
		t.Errorf("next number %v %v", n, ok)
	}
	n, ok = ProposedNumbering(Record{"prefix": "F", "number": "999", "padding": "3"})
	if !ok || n.Next().String() != "F1000" {
		t.Errorf("padding overflow %v", n.Next())
	}
	if _, ok := ProposedNumbering(Record{"number": "x"}); ok {
		t.Error("bad number accepted")
	}
}

// The readiness check's findings read as sentences, not codes.
func TestFindingTextBlockers(t *testing.T) {
	for _, kind := range []BlockerKind{BlockRegistration, BlockCabinetPreparation, BlockPendingInvoices, BlockClientPreparation, BlockStepBlocked} {
		txt := FindingText(Finding{Code: "blocker." + string(kind), Count: 7})
		for _, s := range []string{txt.FR, txt.EN} {
			if strings.Contains(s, "blocker") || !strings.Contains(s, "7 ") {
				t.Errorf("%s: %q", kind, s)
			}
		}
	}
}
