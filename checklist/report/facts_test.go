package report

import (
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
)

func TestFactLabels(t *testing.T) {
	g := checklist.Default()
	for _, c := range []struct {
		key, fr, en string
	}{
		{checklist.FactPendingPurchases, "achats en attente", "pending purchases"},
		{"space_activated", "espace cabinet actif", "firm space active"},
		{"articles.v1", "Catalogue produits / base articles (V1)", "Product catalogue / article base (V1)"},
		{"partners.state", "Clients et fournisseurs (verdict)", "Customers and suppliers (verdict)"},
		{"blockers.pending_invoices", "points bloquants (factures en attente)", "blocking points (pending invoices)"},
		{"blockers.nouveau", "points bloquants (nouveau)", "blocking points (nouveau)"},
		{"comapi.AP/Transfer", "fichiers V1 achats, à transférer", "V1 files purchases, to transfer"},
		{"comapi.XX/Y", "fichiers V1 XX/Y", "V1 files XX/Y"},
		{"export_sha256", "empreinte SHA-256 de « export »", "SHA-256 fingerprint of “export”"},
		{"export.2_clients", "clients dans « export » n° 2", "clients in “export” no. 2"},
		{"nouveau_fait", "nouveau_fait", "nouveau_fait"},
	} {
		if got := FactLabel(g, c.key, checklist.French); got != c.fr {
			t.Errorf("FactLabel(%q, fr) = %q, want %q", c.key, got, c.fr)
		}
		if got := FactLabel(nil, c.key, checklist.English); got != c.en {
			t.Errorf("FactLabel(%q, en) = %q, want %q", c.key, got, c.en)
		}
	}
	if v := FactValue("articles.state", "gap", checklist.French); v != "écart" {
		t.Errorf("state value %q", v)
	}
	if v := FactValue(checklist.FactV1ReadOnly, "true", checklist.English); v != "yes" {
		t.Errorf("bool value %q", v)
	}
}

// Every fact key checklist declares has a name: none reaches a reader raw.
func TestEveryDeclaredFactNamed(t *testing.T) {
	for _, k := range []string{checklist.FactPendingPurchases, checklist.FactPendingSales, checklist.FactAcceptedPaid,
		checklist.FactAcceptedUnpaid, checklist.FactArchived, checklist.FactArticles, checklist.FactInvalidArticles,
		checklist.FactCustomers, checklist.FactSuppliers, checklist.FactReceptionEmail, checklist.FactPaymentAccount,
		checklist.FactUsers, checklist.FactNumbering, checklist.FactSubscription, checklist.FactBankAccounts,
		checklist.FactExternalIBANs, checklist.FactLogoSHA256, checklist.FactV1ReadOnly, checklist.FactRegistrationMissing} {
		if _, ok := factNames[k]; !ok {
			t.Errorf("fact %q has no name", k)
		}
	}
}

// The evidence summary of step list --json and of the reports names its
// facts and findings: no raw key.
func TestEvidenceSummaryReadable(t *testing.T) {
	ev := checklist.Evidence{Source: "v1", At: time.Date(2026, 3, 2, 10, 30, 0, 0, time.UTC), OK: false,
		Facts:    map[string]string{"pending_purchases": "3", "pending_sales": "0", "articles.state": "gap"},
		Findings: []checklist.Finding{{Code: "pending_purchases", Count: 3}, {Code: "gap.articles", Detail: "V1 12, V2 10"}}}
	got := evidenceSummary(nil, ev, checklist.French, time.UTC)
	want := "V1, 02/03/2026 10:30 : écart (Catalogue produits / base articles (verdict) : écart ; achats en attente : 3 ; ventes en attente : 0 ; " +
		"3 factures d'achat à accepter ; écart sur « Catalogue produits / base articles » : V1 12, V2 10)"
	if got != want {
		t.Errorf("summary\n got %q\nwant %q", got, want)
	}
	for _, raw := range []string{"pending_purchases", "gap.articles", "articles.state"} {
		if strings.Contains(got, raw) {
			t.Errorf("raw key %q in %q", raw, got)
		}
	}
	en := evidenceSummary(nil, ev, checklist.English, time.UTC)
	if !strings.Contains(en, "pending purchases: 3") || !strings.Contains(en, "3 purchase invoices to accept") {
		t.Errorf("english summary %q", en)
	}
}
