package checklist

import (
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/connectors"
)

// One test per point of issue 13: what bascule adds is no longer shown as
// the guide's.

func step(t *testing.T, g *Guide, id string) *Step {
	t.Helper()
	s, ok := g.Step(id)
	if !ok {
		t.Fatalf("step %s missing", id)
	}
	return s
}

// 1. No invented plan list; nothing is subscribed without the client's choice.
func TestPoint1NoInventedPlans(t *testing.T) {
	g := Default()
	for id, txt := range allTexts(g) {
		for _, plan := range []string{"Essentiel", "Premium", "Standard"} {
			if strings.Contains(txt.FR, plan) {
				t.Errorf("%s: invented plan %q", id, plan)
			}
		}
	}
	chosen, ok := step(t, g, "reconciliation.client.subscription").Form.Field("chosen")
	if !ok || chosen.Type != FieldText || len(chosen.Options) != 0 {
		t.Errorf("the chosen plan is free text, not a list: %+v", chosen)
	}
	if _, f := ChosenPlan(nil, nil); f == nil || f.Code != FindingNoPlanChosen {
		t.Errorf("no capture, no plan: %v", f)
	}
	if _, f := ChosenPlan(&Capture{Items: []Record{{"previous": "Pro", "chosen": " "}}}, nil); f == nil {
		t.Error("a blank choice is no choice")
	}
	if p, f := ChosenPlan(&Capture{Items: []Record{{"chosen": "Offre PME"}}}, nil); f != nil || p != "Offre PME" {
		t.Errorf("the client's choice: %q %v", p, f)
	}
	if _, f := ChosenPlan(&Capture{Items: []Record{{"chosen": "Offre PME"}}}, []string{"Solo", "Équipe"}); f == nil || f.Code != FindingPlanUnknown {
		t.Errorf("a plan outside V2's list: %v", f)
	}
	if p, f := ChosenPlan(&Capture{Items: []Record{{"chosen": "équipe"}}}, []string{"Solo", "Équipe"}); f != nil || p != "équipe" {
		t.Errorf("a plan of V2's list: %q %v", p, f)
	}
}

// 2. No default role; the roles check wants exactly the roles noted.
func TestPoint2NoDefaultRole(t *testing.T) {
	rs := []Record{
		{"name": "Ana Roy", "email": "ana@x.fr", "v2_roles": "comptable", "reinvite": "true"},
		{"name": "Bo Lee", "email": "bo@x.fr", "v2_roles": "", "reinvite": "true"},
		{"name": "Cy Vo", "email": "cy@x.fr", "v2_roles": "administrateur, Auditeur", "reinvite": "true"},
		{"name": "Di", "email": "di@x.fr", "v2_roles": "comptable", "reinvite": "false"},
	}
	ok, missing := Invitees(rs, "v2_roles", true)
	if len(ok) != 2 || ok[0].Roles[0] != connectors.RoleAccountant || ok[1].Roles[1] != "Auditeur" {
		t.Errorf("invitees: %+v", ok)
	}
	if len(missing) != 1 || missing[0].Code != FindingRoleNotNoted || missing[0].Detail != "bo@x.fr" {
		t.Errorf("a person with no role is asked for, not invited: %+v", missing)
	}
	cases := []struct {
		name    string
		members []connectors.User
		want    []string
	}{
		{"exact", []connectors.User{{Email: "ANA@x.fr", Roles: []string{"Comptable"}}, {Email: "cy@x.fr", Roles: []string{"Auditeur", "Administrateur"}}}, nil},
		{"any role is not enough", []connectors.User{{Email: "ana@x.fr", Roles: []string{"Administrateur"}}, {Email: "cy@x.fr", Roles: []string{"Administrateur", "Auditeur"}}}, []string{FindingRolesDiffer}},
		{"one more role", []connectors.User{{Email: "ana@x.fr", Roles: []string{"Comptable", "Administrateur"}}, {Email: "cy@x.fr", Roles: []string{"Administrateur", "Auditeur"}}}, []string{FindingRolesDiffer}},
		{"no role", []connectors.User{{Email: "ana@x.fr"}, {Email: "cy@x.fr", Roles: []string{"Administrateur", "Auditeur"}}}, []string{FindingRolesDiffer}},
		{"not a member", []connectors.User{{Email: "cy@x.fr", Roles: []string{"Administrateur", "Auditeur"}}}, []string{FindingMemberMissing}},
	}
	for _, c := range cases {
		got := RolesFindings(ok, c.members)
		var codes []string
		for _, f := range got {
			codes = append(codes, f.Code)
		}
		if strings.Join(codes, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	for _, f := range RolesFindings(ok, nil) {
		if FindingText(f).FR == f.Code {
			t.Errorf("%s has no sentence", f.Code)
		}
	}
}

// 3. The guide's three company roles, free text for the others; the
// cabinet's list is labelled as bascule's.
func TestPoint3CompanyRoles(t *testing.T) {
	g := Default()
	roles, _ := step(t, g, "preparation.client.users").Form.Field("roles")
	var vals []string
	for _, o := range roles.Options {
		vals = append(vals, o.Value)
	}
	if strings.Join(vals, ",") != "gestionnaire,visualisation,services_paiement" || roles.OptionsSource != FromGuide("3.4") || !roles.FreeText {
		t.Errorf("company roles: %v %v free=%v", vals, roles.OptionsSource, roles.FreeText)
	}
	if msg := roles.Validate("gestionnaire, Responsable financier"); msg != nil {
		t.Errorf("a V1 role outside the list must be recordable: %v", msg.FR)
	}
	if msg := roles.Validate("gestionnaire, \u202eevil"); msg == nil {
		t.Error("free text with a bidi override accepted")
	}
	cab, _ := step(t, g, "preparation.cabinet.collaborators").Form.Field("v2_roles")
	if cab.OptionsSource.Kind != SourceBascule || !strings.Contains(cab.OptionsLabel().FR, "liste de bascule") {
		t.Errorf("cabinet roles not labelled bascule's: %v", cab.OptionsLabel())
	}
	if l := roles.OptionsLabel(); !strings.Contains(l.FR, "guide §3.4") || !strings.Contains(l.FR, "texte libre") {
		t.Errorf("company roles label: %q", l.FR)
	}
}

// 4. The Banqup payment account is two items: kept, and a new subscription
// request made (date or reference).
func TestPoint4PaymentAccountTwoItems(t *testing.T) {
	g := Default()
	line := func(id string) SummaryLine {
		for _, l := range g.Table {
			if l.ID == id {
				return l
			}
		}
		t.Fatalf("§4 line %s missing", id)
		return SummaryLine{}
	}
	if got := line("company.payment_account").Steps; len(got) != 2 || got[1] != "reconciliation.payment.subscription_request" {
		t.Errorf("payment account steps: %v", got)
	}
	req := step(t, g, "reconciliation.payment.subscription_request")
	if req.Scope != ScopePayment || req.Form == nil || !strings.Contains(req.Help.FR, "nouvelle demande de souscription") {
		t.Fatalf("subscription request step: %+v", req)
	}
	for _, c := range []struct {
		rec  Record
		errs int
	}{{Record{}, 1}, {Record{"date": "02/03/2026"}, 0}, {Record{"reference": "SR-42"}, 0}, {Record{"date": "31/02/2026"}, 1}} {
		if errs := req.Form.Validate(Capture{Items: []Record{c.rec}}); len(errs) != c.errs {
			t.Errorf("%v: %v", c.rec, errs)
		}
	}
	if strings.Contains(step(t, g, "reconciliation.payment.payment_account").Title.FR, "souscription") {
		t.Error("the account check no longer stands for the request")
	}
}

// 5. "72 h (jours ouvrés)", never "72 h ouvrées".
func TestPoint5WorkingDays(t *testing.T) {
	g := Default()
	for id, txt := range allTexts(g) {
		if strings.Contains(txt.FR, "ouvrées") || strings.Contains(txt.EN, "working hours") {
			t.Errorf("%s: %q reads as working hours", id, txt.FR)
		}
	}
	if !strings.Contains(step(t, g, "request.answer").Title.FR, "(sous 72 h, jours ouvrés)") {
		t.Error("request answer title")
	}
}

// 6. The phase is "Validation et réintégration", never "Rapprochement".
func TestPoint6PhaseName(t *testing.T) {
	g := Default()
	if PhaseReconciliation.Title().FR != "Validation et réintégration" {
		t.Errorf("phase title %q", PhaseReconciliation.Title().FR)
	}
	for id, txt := range allTexts(g) {
		if strings.Contains(strings.ToLower(txt.FR), "rapprochement") {
			t.Errorf("%s: %q", id, txt.FR)
		}
	}
	r := NewRun(g, dossiers(1, 0))
	err := r.CheckTransition(Ref{Step: "reconciliation.client.users", Client: "c00000"}, StatusDone, "")
	if err == nil || strings.Contains(strings.ToLower(err.Error()), "rapprochement") {
		t.Errorf("gate message: %v", err)
	}
}

// 7. Exporting the statements is optional: it never blocks the request.
func TestPoint7StatementsOptional(t *testing.T) {
	g := Default()
	if !step(t, g, "preparation.payment.statements").Optional {
		t.Fatal("statements export is not optional")
	}
	r := NewRun(g, dossiers(2, 1))
	readyForRequest(t, r)
	pos, _ := g.Position("preparation.payment.statements")
	r.Clients[0].Steps[pos] = StatusTodo
	if bs := r.RequestBlockers(); len(bs) != 0 {
		t.Errorf("the statements block the request: %v", bs)
	}
	pos, _ = g.Position("preparation.payment.external_accounts")
	r.Clients[0].Steps[pos] = StatusTodo
	if bs := r.RequestBlockers(); len(bs) != 1 || strings.Contains(bs[0].Message.FR, "relevés") {
		t.Errorf("only the IBANs block: %v", bs)
	}
}

// 8. The §3.3 lists are the items of the control step.
func TestPoint8ControlItems(t *testing.T) {
	g := Default()
	items := g.ItemsOf(ControlStep)
	if len(items) != 13 {
		t.Fatalf("%d items, want 5 + 8", len(items))
	}
	var titles []string
	for i, it := range items {
		if it.Migrated != (i < 5) || it.Source != FromGuide("3.3") || it.List != ControlListTitle(it.Migrated) || len(it.Steps) == 0 {
			t.Errorf("item %d: %+v", i, it)
		}
		titles = append(titles, it.Title.FR)
	}
	all := strings.Join(titles, "|")
	for _, want := range []string{"Clients et fournisseurs", "E-mail de réception des factures d'achat", "Factures non acceptées ou en brouillon", "Relevés de transaction"} {
		if !strings.Contains(all, want) {
			t.Errorf("%q not among the items", want)
		}
	}
	if g.ItemsOf("reconciliation.client.users") != nil {
		t.Error("only the control step has items")
	}
	items[0].Steps[0] = "changed"
	if g.Transfers[0].Steps[0] == "changed" {
		t.Error("ControlItems must not share the guide's slices")
	}
}

// 9. The MyUnisoft warning keeps the guide's condition.
func TestPoint9MyUnisoftCondition(t *testing.T) {
	g := Default()
	for _, id := range []string{"preparation.cabinet.api_connections", "reconciliation.cabinet.api_connections"} {
		w := step(t, g, id).Warning.FR
		if !strings.Contains(w, "si vous souhaitez utiliser V1 et V2 simultanément") {
			t.Errorf("%s: %q", id, w)
		}
	}
}

// 10. One login story: the app's QR code for the firm's onboarding (help
// centre), a personal password for invited collaborators (guide §3.4).
func TestPoint10OneLoginStory(t *testing.T) {
	g := Default()
	for id, txt := range allTexts(g) {
		if strings.Contains(txt.FR, "connexions suivantes") {
			t.Errorf("%s: later logins by QR code contradict §3.4: %q", id, txt.FR)
		}
	}
	app := step(t, g, "registration.mobile_app")
	if strings.Contains(app.Help.FR, "QR") || !strings.Contains(app.Note.FR, "centre d'aide") || !strings.Contains(app.Note.FR, "mot de passe personnel (guide §3.4)") {
		t.Errorf("mobile app: help %q note %q", app.Help.FR, app.Note.FR)
	}
	if c := step(t, g, "reconciliation.cabinet.collaborators"); !strings.Contains(c.Help.FR, "mot de passe personnel") || c.HelpSource != FromGuide("3.4") {
		t.Errorf("collaborators: %q", c.Help.FR)
	}
}

// 11. The 500-row split is bascule's default after Banqup's cap, not V2's.
func TestPoint11ImportRowsNote(t *testing.T) {
	n := ImportRowsNote()
	if n.Source.Kind != SourceBascule || !strings.Contains(n.Text.FR, "500") || !strings.Contains(n.Text.FR, "Banqup") || strings.Contains(n.Text.FR, "limite de V2") {
		t.Errorf("note: %+v", n)
	}
	if s := step(t, Default(), "reconciliation.cabinet.inactive_clients_import"); s.Note != n.Text {
		t.Error("the import step carries the note")
	}
}

// 12. V1's read-only state is seen per company space.
func TestPoint12ReadOnlyPerSpace(t *testing.T) {
	g := Default()
	s := step(t, g, "reconciliation.client.v1_read_only")
	if s.Scope != ScopeClient || s.Kind != KindConnectorCheck || s.HelpSource != FromGuide("3.2") {
		t.Errorf("per-space step: %+v", s)
	}
	for _, l := range g.Table {
		if l.ID == "company.v1_access" && (len(l.Steps) != 2 || l.Steps[1] != s.ID) {
			t.Errorf("§4 read-only line: %v", l.Steps)
		}
	}
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	if ev := SpaceReadOnlyEvidence(true, now); !ev.OK || ev.Facts[FactV1ReadOnly] != "true" {
		t.Errorf("read-only: %+v", ev)
	}
	if ev := SpaceReadOnlyEvidence(false, now); ev.OK || len(ev.Findings) != 1 || FindingText(ev.Findings[0]).FR == ev.Findings[0].Code {
		t.Errorf("writable: %+v", ev)
	}
}

// 13. The article check shows what it found; a person ticks.
func TestPoint13ArticlesPersonTicks(t *testing.T) {
	g := Default()
	if !step(t, g, "preparation.client.articles").PersonTicks {
		t.Error("articles step: a person ticks")
	}
	clean := connectors.V1Snapshot{Articles: []connectors.Article{{}, {}}}
	ev := ArticlesEvidence(clean, time.Now())
	if ev.OK || len(ev.Findings) != 1 || ev.Findings[0].Code != FindingArticlesToJudge || ev.Findings[0].Count != 2 {
		t.Fatalf("clean base: %+v", ev)
	}
	if txt := FindingText(ev.Findings[0]).FR; !strings.Contains(txt, "2 articles lus") || !strings.Contains(txt, "cochez") {
		t.Errorf("finding text: %q", txt)
	}
}

// 14. The firm's own V1 dossier is checked for pending invoices before the request.
func TestPoint14CabinetPendingInvoices(t *testing.T) {
	g := Default()
	r := NewRun(g, dossiers(1, 0))
	readyForRequest(t, r)
	pos, _ := g.Position(CabinetPendingStep)
	r.Cabinet[pos] = StatusInProgress
	bs := r.RequestBlockers()
	if len(bs) != 1 || bs[0].Step != CabinetPendingStep || bs[0].Kind != BlockCabinetPendingInvoices || !strings.Contains(bs[0].Message.FR, "Dossier du cabinet") {
		t.Fatalf("blockers: %v", bs)
	}
	if err := r.CheckTransition(Ref{Step: "request.submit"}, StatusDone, ""); err == nil {
		t.Error("the request went through with the firm's own invoices unchecked")
	}
}

// 15. The §2 help warns that draft invoices are not transferred.
func TestPoint15DraftsWarning(t *testing.T) {
	s := step(t, Default(), "preparation.client.pending_invoices")
	if !strings.Contains(s.Help.FR, "brouillon") || !strings.Contains(s.HelpSource.Section, "3.3") {
		t.Errorf("help %q source %v", s.Help.FR, s.HelpSource)
	}
}

// 16. The notice carries the subscription sentence, from the guide's §4.
func TestPoint16NoticeSubscription(t *testing.T) {
	n := NoticeSubscription()
	if n.Source != FromGuide("4") || !strings.Contains(n.Text.FR, "nouvel abonnement") || n.Text.EN == "" {
		t.Errorf("notice sentence: %+v", n)
	}
	if s := step(t, Default(), "request.notify_clients"); !strings.Contains(s.Note.FR, "abonnement") {
		t.Errorf("the notify step says nothing of it: %q", s.Note.FR)
	}
}
