package checklist

import (
	"strings"
	"testing"
	"time"
)

// TestEveryGuideStepExists lists every step of the guide by section and checks
// that it exists with the right phase, scope and section. If a line of the
// guide is dropped from steps.go, this table says which.
func TestEveryGuideStepExists(t *testing.T) {
	g := Default()
	want := []struct {
		section string
		id      string
		phase   Phase
		scope   Scope
		kind    Kind
	}{
		// §2, for the cabinet
		{"2", "preparation.cabinet.collaborators", PhasePreparation, ScopeCabinet, KindCapture},
		{"2", "preparation.cabinet.inactive_clients_export", PhasePreparation, ScopeCabinet, KindCapture},
		{"2", "preparation.cabinet.api_connections", PhasePreparation, ScopeCabinet, KindCapture},
		// §2, for each client company
		{"2", "preparation.client.pending_invoices", PhasePreparation, ScopeClient, KindConnectorCheck},
		{"2", "preparation.client.articles", PhasePreparation, ScopeClient, KindConnectorCheck},
		{"2", "preparation.client.logo", PhasePreparation, ScopeClient, KindCapture},
		{"2", "preparation.client.users", PhasePreparation, ScopeClient, KindCapture},
		{"2", "preparation.client.numbering", PhasePreparation, ScopeClient, KindCapture},
		// §2, for each payment-services client
		{"2", "preparation.payment.external_accounts", PhasePreparation, ScopePayment, KindCapture},
		{"2", "preparation.payment.statements", PhasePreparation, ScopePayment, KindCapture},
		// §3.1
		{"3.1", "registration.comptexpert", PhaseRegistration, ScopeCabinet, KindManual},
		{"3.1", "registration.identity", PhaseRegistration, ScopeCabinet, KindConnectorCheck},
		{"3.1", "registration.mobile_app", PhaseRegistration, ScopeCabinet, KindManual},
		{"3.1", "registration.activate", PhaseRegistration, ScopeCabinet, KindConnectorCheck},
		{"3.1", "registration.cabinet_dossier", PhaseRegistration, ScopeCabinet, KindConnectorCheck},
		// §3.2
		{"3.2", "request.notify_clients", PhaseRequest, ScopeCabinet, KindManual},
		{"3.2", "request.client_checks", PhaseRequest, ScopeCabinet, KindConnectorCheck},
		{"3.2", "request.submit", PhaseRequest, ScopeCabinet, KindConnectorAction},
		{"3.2", "request.answer", PhaseRequest, ScopeCabinet, KindConnectorCheck},
		{"3.2", "request.admin_invitation", PhaseRequest, ScopeCabinet, KindManual},
		{"3.2", "request.first_login", PhaseRequest, ScopeCabinet, KindManual},
		{"3.2", "request.v1_read_only", PhaseRequest, ScopeCabinet, KindConnectorCheck},
		// §3.3
		{"3.3", "reconciliation.cabinet.dossier_control", PhaseReconciliation, ScopeCabinet, KindConnectorCheck},
		{"3.3", "reconciliation.client.control", PhaseReconciliation, ScopeClient, KindConnectorCheck},
		{"3.3", "reconciliation.client.settings", PhaseReconciliation, ScopeClient, KindManual},
		{"3.3", "reconciliation.payment.external_accounts", PhaseReconciliation, ScopePayment, KindConnectorAction},
		{"3.3", "reconciliation.payment.statements", PhaseReconciliation, ScopePayment, KindManual},
		// §3.4, cabinet
		{"3.4", "reconciliation.cabinet.collaborators", PhaseReconciliation, ScopeCabinet, KindConnectorAction},
		{"3.4", "reconciliation.cabinet.roles", PhaseReconciliation, ScopeCabinet, KindConnectorCheck},
		{"3.4", "reconciliation.cabinet.api_connections", PhaseReconciliation, ScopeCabinet, KindConnectorAction},
		{"3.4", "reconciliation.cabinet.inactive_clients_import", PhaseReconciliation, ScopeCabinet, KindConnectorAction},
		// §3.4, each client company
		{"3.4", "reconciliation.client.profile", PhaseReconciliation, ScopeClient, KindConnectorAction},
		{"3.4", "reconciliation.client.users", PhaseReconciliation, ScopeClient, KindConnectorAction},
		{"3.4", "reconciliation.client.bank_accounts", PhaseReconciliation, ScopeClient, KindConnectorAction},
		{"3.4", "reconciliation.client.numbering", PhaseReconciliation, ScopeClient, KindConnectorAction},
		// §2 intro (payment account kept, new subscription request) and §4
		{"2", "reconciliation.payment.payment_account", PhaseReconciliation, ScopePayment, KindConnectorCheck},
		{"2", "reconciliation.payment.subscription_request", PhaseReconciliation, ScopePayment, KindCapture},
		{"3.2", "request.cabinet_pending_invoices", PhaseRequest, ScopeCabinet, KindConnectorCheck},
		{"3.2", "reconciliation.client.v1_read_only", PhaseReconciliation, ScopeClient, KindConnectorCheck},
		{"4", "reconciliation.client.subscription", PhaseReconciliation, ScopeClient, KindConnectorAction},
		{"4", "summary.report", PhaseSummary, ScopeCabinet, KindManual},
	}
	if len(want) != len(g.Steps) {
		t.Errorf("guide has %d steps, the table lists %d: add the new step to this table", len(g.Steps), len(want))
	}
	for _, w := range want {
		s, ok := g.Step(w.id)
		if !ok {
			t.Errorf("§%s: step %s missing", w.section, w.id)
			continue
		}
		if s.Section != w.section || s.Phase != w.phase || s.Scope != w.scope || s.Kind != w.kind {
			t.Errorf("%s: got §%s %v %v %v, want §%s %v %v %v", w.id, s.Section, s.Phase, s.Scope, s.Kind, w.section, w.phase, w.scope, w.kind)
		}
	}
}

func TestStepsAreComplete(t *testing.T) {
	g := Default()
	for _, s := range g.Steps {
		if s.Title.FR == "" || s.Title.EN == "" || s.Help.FR == "" || s.Help.EN == "" {
			t.Errorf("%s: title and help are needed in both languages", s.ID)
		}
		if !strings.HasPrefix(s.ID, s.Phase.String()+".") && s.ID != s.Phase.String() {
			t.Errorf("%s: id does not start with its phase %s", s.ID, s.Phase)
		}
		if s.Section == "" {
			t.Errorf("%s: no guide section", s.ID)
		}
		if s.Kind == KindCapture && s.Form == nil {
			t.Errorf("%s: a capture step needs a form", s.ID)
		}
		if s.Form != nil {
			for _, f := range s.Form.Fields {
				if f.Label.FR == "" || f.Label.EN == "" {
					t.Errorf("%s.%s: field label missing", s.ID, f.ID)
				}
				if (f.Type == FieldChoice || f.Type == FieldMultiChoice) && len(f.Options) == 0 {
					t.Errorf("%s.%s: choice without options", s.ID, f.ID)
				}
			}
		}
	}
}

// TestGuideDurations checks the durations the guide gives.
func TestGuideDurations(t *testing.T) {
	g := Default()
	sum := func(scope Scope, phase Phase) time.Duration {
		var d time.Duration
		for _, s := range g.StepsFor(scope) {
			if s.Phase == phase {
				d += g.Estimate(s).Nominal()
			}
		}
		return d
	}
	cases := []struct {
		name string
		got  time.Duration
		want time.Duration
	}{
		{"cabinet preparation", sum(ScopeCabinet, PhasePreparation), 5 * time.Minute},
		{"each client", sum(ScopeClient, PhasePreparation), 10 * time.Minute},
		{"each payment client", sum(ScopePayment, PhasePreparation), 10 * time.Minute},
		{"registration", sum(ScopeCabinet, PhaseRegistration), 5 * time.Minute},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: %v, guide says %v", c.name, c.got, c.want)
		}
	}
	api, _ := g.Step("reconciliation.cabinet.api_connections")
	if e := g.Estimate(api); e.Min != 5*time.Minute || e.Max != 10*time.Minute {
		t.Errorf("API connections: %v, guide says 5 to 10 min", e)
	}
	imp, _ := g.Step("reconciliation.cabinet.inactive_clients_import")
	if e := g.Estimate(imp); e.Nominal() != 10*time.Minute {
		t.Errorf("client import: %v, guide says about 10 min", e)
	}
}

func TestFAQTitles(t *testing.T) {
	g := Default()
	want := map[string]string{
		"preparation.client.logo":                        "Trouver les informations et le logo de mon dossier",
		"preparation.client.users":                       "Liste des utilisateurs de mon dossier",
		"preparation.client.numbering":                   "Où trouver ma numérotation automatique ?",
		"registration.comptexpert":                       "Comment inscrire mon cabinet sur la nouvelle plateforme ?",
		"reconciliation.cabinet.collaborators":           "Comment inviter les utilisateurs de mon cabinet ?",
		"reconciliation.cabinet.api_connections":         "Comment connecter mon outil comptable ?",
		"reconciliation.cabinet.inactive_clients_import": "Importer mes clients",
		"reconciliation.client.users":                    "Comment ajouter un utilisateur à mon entreprise ?",
		"reconciliation.client.numbering":                "Comment paramétrer la numérotation automatique des factures de vente ?",
	}
	for id, faq := range want {
		s, ok := g.Step(id)
		if !ok || s.FAQ != faq {
			t.Errorf("%s: FAQ %q, want %q", id, s.FAQ, faq)
		}
	}
	api, _ := g.Step("preparation.cabinet.api_connections")
	if !strings.Contains(api.Warning.FR, "MyUnisoft") || !strings.Contains(api.Warning.FR, "token") {
		t.Errorf("the MyUnisoft token warning is missing: %q", api.Warning.FR)
	}
}

// TestSummaryTableMapsToSteps: every §4 line and every §3.3 item maps to at
// least one step, and every step maps back to a guide section that exists.
func TestSummaryTableMapsToSteps(t *testing.T) {
	g := Default()
	if len(g.Table) != 19 {
		t.Errorf("§4 has 19 lines (5 cabinet, 14 company), got %d", len(g.Table))
	}
	cab, comp := 0, 0
	for _, l := range g.Table {
		if l.Environment == EnvCabinet {
			cab++
		} else {
			comp++
		}
		if len(l.Steps) == 0 {
			t.Errorf("§4 %s: no step handles it", l.ID)
		}
		if l.Migrated == MigratedNo && l.Action.IsZero() {
			t.Errorf("§4 %s: not migrated but no manual action", l.ID)
		}
	}
	if cab != 5 || comp != 14 {
		t.Errorf("§4: %d cabinet and %d company lines, want 5 and 14", cab, comp)
	}
	migrated, notMigrated := 0, 0
	for _, it := range g.Transfers {
		if len(it.Steps) == 0 {
			t.Errorf("§3.3 %s: no step", it.ID)
		}
		if it.Migrated {
			migrated++
		} else {
			notMigrated++
		}
	}
	if migrated != 5 || notMigrated != 8 {
		t.Errorf("§3.3 lists 5 migrated and 8 not transferred, got %d and %d", migrated, notMigrated)
	}
	sections := map[string]bool{"2": true, "3.1": true, "3.2": true, "3.3": true, "3.4": true, "4": true}
	for _, s := range g.Steps {
		if !sections[s.Section] {
			t.Errorf("%s: section %q is not a section of the guide", s.ID, s.Section)
		}
	}
}

func TestNewGuideRejectsBadData(t *testing.T) {
	ss := []Step{{ID: "a"}, {ID: "a"}}
	if _, err := newGuide(nil, ss, nil, nil); err == nil {
		t.Error("duplicate ids accepted")
	}
	if _, err := newGuide(nil, []Step{{ID: "a", Requires: []string{"b"}}}, nil, nil); err == nil {
		t.Error("unknown requirement accepted")
	}
	if _, err := newGuide(nil, []Step{{ID: "a"}}, []SummaryLine{{ID: "l", Steps: []string{"zz"}}}, nil); err == nil {
		t.Error("§4 line with unknown step accepted")
	}
	if _, err := newGuide(nil, []Step{{ID: "a", Group: "g"}}, nil, nil); err == nil {
		t.Error("unknown group accepted")
	}
}

func TestLang(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		flag string
		env  map[string]string
		want Lang
	}{
		{"", nil, French},
		{"en", nil, English},
		{"", map[string]string{"LANG": "en_GB.UTF-8"}, English},
		{"", map[string]string{"LANG": "fr_FR.UTF-8"}, French},
		{"", map[string]string{"LC_ALL": "fr_FR", "LANG": "en_US"}, French},
		{"fr", map[string]string{"LANG": "en_US"}, French},
		{"", map[string]string{"LANG": "C"}, French},
	}
	for _, c := range cases {
		if got := DetectLang(c.flag, env(c.env)); got != c.want {
			t.Errorf("DetectLang(%q, %v) = %s, want %s", c.flag, c.env, got, c.want)
		}
	}
}
