package tui

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"
)

// TestBulkResultsScroll: a bulk action on 40 clients at 80×24 reports every
// client; the report scrolls and says how many lines are hidden (issue 15,
// point 8).
func TestBulkResultsScroll(t *testing.T) {
	env := newTestEnv(40)
	d := newDriver(t, env.opts, 80, 24)
	d.key("ctrl+a", "a")
	d.mustSee("> Vérifier sur V1 : Accepter les factures en attente")
	d.key("enter", "o", "enter")
	d.mustSee("Action en lot terminée", "lignes au-dessus (↑)")
	a := d.m.migState().actions
	first, last := d.m.run.Clients[a.results[0].ci].Name, d.m.run.Clients[a.results[len(a.results)-1].ci].Name
	// The newest lines are shown at the end of the run.
	d.mustSee(last, "au-dessus (↑)")
	d.mustNotSee(" " + first + " ")
	d.key("home")
	d.mustSee(first, "de plus (↓)")
	d.mustNotSee("au-dessus")
	for range 40 {
		d.key("down")
	}
	d.mustSee(last)
}

// TestBulkReportWrapsMessages: a long message is wrapped under the
// client's name, never cut mid-word.
func TestBulkReportWrapsMessages(t *testing.T) {
	env := newTestEnv(3)
	d := newDriver(t, env.opts, 80, 24)
	long := "le numéro proposé dépasse la longueur autorisée par V2 : réduisez le padding de la numérotation notée en préparation puis relancez"
	d.m.migState().actions = &actionsScreen{follow: true, results: []bulkResult{{ci: 0, text: long}, {ci: 1, ok: true, text: "ok"}}}
	lines := d.m.reportLines()
	var words []string
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > 80 {
			t.Fatalf("line of %d cells: %q", w, l)
		}
		words = append(words, strings.Fields(l)...)
	}
	joined := strings.Join(words, " ")
	if !strings.Contains(joined, long) {
		t.Fatalf("message not whole:\n%s", strings.Join(lines, "\n"))
	}
	if len(lines) < 3 {
		t.Fatalf("long message not wrapped: %q", lines)
	}
}

// TestDashboardHelpListsEveryKey: the full help names every dashboard key
// (issue 15, point 9).
func TestDashboardHelpListsEveryKey(t *testing.T) {
	k := newDashKeys(checklist.French, newGlobalKeys(checklist.French))
	k.Demo.SetEnabled(true)
	var full []string
	for _, col := range k.FullHelp() {
		for _, b := range col {
			full = append(full, b.Help().Key)
		}
	}
	all := strings.Join(full, " ")
	v := reflect.ValueOf(k)
	for i := range v.NumField() {
		if !v.Type().Field(i).IsExported() {
			continue
		}
		b, ok := v.Field(i).Interface().(key.Binding)
		if !ok {
			continue
		}
		if !strings.Contains(all, b.Help().Key) {
			t.Errorf("%s (%s) missing from the dashboard's full help %q", v.Type().Field(i).Name, b.Help().Key, all)
		}
	}
	for _, want := range []string{"c", "i", "d", "r", "R", "t", "a", "m", "v", "D", "g", "?", "q"} {
		if !slices.Contains(full, want) {
			t.Errorf("key %q missing from the full help %q", want, all)
		}
	}
}

// TestOneKeyPerMeaning drives the keys of issue 15, point 9: ctrl+a
// selects all (twice still all), g opens the next step, enter after the
// migration opens the client's validation, enter marks a manual
// reconciliation step done, y confirms like o.
func TestOneKeyPerMeaning(t *testing.T) {
	env := newTestEnv(6)
	d := newDriver(t, env.opts, 100, 30)
	d.key("ctrl+a")
	d.mustSee("6 sélectionné")
	d.key("ctrl+a")
	if d.m.dash.nMarked != 6 {
		t.Fatalf("ctrl+a twice leaves %d of 6 selected", d.m.dash.nMarked)
	}
	d.key("esc")
	// g: the next step, its screen open on it.
	next := d.m.dash.sum.next
	d.key("g")
	if d.m.Screen() != "steps" || d.m.steps.selected().ID != next.Step.ID {
		t.Fatalf("g opened %s on %v, want the steps of %s", d.m.Screen(), d.m.steps.selected(), next.Step.ID)
	}
	d.key("esc")

	m := migratedEnv()
	d = newDriver(t, m.opts, 100, 30)
	d.key("enter")
	if d.m.Screen() != "reconciliation" {
		t.Fatalf("enter on a client after the migration opened %s", d.m.Screen())
	}
	// A manual item: enter marks it done, as in the other lists.
	r := d.m.migState().recon
	manual := -1
	for i, st := range r.steps {
		if st.Kind == checklist.KindManual {
			manual = i
			break
		}
	}
	if manual < 0 {
		t.Fatal("no manual reconciliation step")
	}
	for range manual {
		d.key("down")
	}
	ref := d.m.reconRef(r.steps[manual])
	d.key("enter")
	if st, _ := d.m.run.Status(ref); st != checklist.StatusDone {
		t.Fatalf("enter on a manual step left it %v", st)
	}
	// space again asks; y answers yes like o.
	d.key(" ")
	d.mustSee("(o/n)")
	d.key("y")
	if st, _ := d.m.run.Status(ref); st != checklist.StatusTodo {
		t.Fatalf("y did not confirm: %v", st)
	}
}

// TestOverrideSettlesTheControl: after an override the control step is
// settled by it, and the message says the request may go only when it can
// (issue 15, point 15).
func TestOverrideSettlesTheControl(t *testing.T) {
	env := newTestEnv(10)
	d := newDriver(t, env.opts, 120, 40)
	d.key("d", "down", "down")
	d.mustSee("Ce qui bloque la demande")
	d.key("o")
	d.typeText("accord écrit du cabinet")
	d.key("enter")
	d.mustSee("Dérogation enregistrée ; elle règle « Contrôler la préparation de tous les clients » : la demande peut partir")
	st := env.store.state(refOf("request.client_checks", ""))
	if st.Status != checklist.StatusDone || st.Evidence == nil || st.Evidence.Facts["override"] != "accord écrit du cabinet" {
		t.Fatalf("control after the override: %+v", st)
	}
	if err := d.m.run.CheckTransition(refOf("request.submit", ""), checklist.StatusDone, ""); err != nil {
		t.Fatalf("the message says the request may go, the rules say %v", err)
	}
}

// TestAfterOverrideSaysWhatIsLeft: when the control is not settled the
// message names what is left instead of "la demande peut partir".
func TestAfterOverrideSaysWhatIsLeft(t *testing.T) {
	env := newTestEnv(3)
	d := newDriver(t, env.opts, 100, 30)
	d.m.run.Overrides = append(d.m.run.Overrides, checklist.Override{Gate: checklist.GateRequestReadiness, Reason: "r"})
	text := d.m.afterOverrideText(false)
	if strings.Contains(text, "peut partir") || !strings.Contains(text, "Reste avant l'envoi") {
		t.Fatalf("message: %q", text)
	}
}

// TestDemoSaysHowPendingInvoicesAreSettled: in the demo, the dashboard and
// the pending-invoices step say that D settles them.
func TestDemoSaysHowPendingInvoicesAreSettled(t *testing.T) {
	e := newSandboxEnv(t, 5)
	d := newDriver(t, e.opts, 100, 30)
	sweep(d, "Vérifier sur V1 : Accepter les factures en attente")
	if d.m.dash.sum.pendingClients == 0 {
		t.Skip("the sandbox has no pending invoices with this seed")
	}
	d.mustSee("Démo : D puis 2")
	d.key("d", "down", "down")
	d.mustSee("Démo : D puis 2", "Ce qui bloque la demande")
	d.key("esc", "D")
	d.mustSee("Accepter toutes les factures en attente sur V1")
}

// TestNotApplicableCarriedIntoReconciliation: a step set aside in
// preparation is said so in the reconciliation, with what V1 held.
func TestNotApplicableCarriedIntoReconciliation(t *testing.T) {
	env := migratedEnv()
	c := env.opts.Run.Clients[0] // a payment client, the first row once sorted
	env.store.states[refOf("preparation.payment.external_accounts", c.ID)] = checklist.StepState{
		Status: checklist.StatusNotApplicable, Reason: "aucun compte externe"}
	env.opts.Run, _ = env.store.LoadRun("ws1", env.opts.Guide)
	d := newDriver(t, env.opts, 120, 40)
	openClient(d, c.ID)
	r := d.m.migState().recon
	for i, st := range r.steps {
		if st.ID == "reconciliation.payment.external_accounts" {
			for range i {
				d.key("down")
			}
		}
	}
	d.mustSee("→ sans objet en préparation (aucun compte externe), mais V1 a 1 compte")
	// Enter on it says the same, not "Rien n'a été noté".
	d.key("enter", "o")
	d.mustSee("Sans objet en préparation (aucun compte externe), mais V1 a 1 compte")
	d.mustNotSee("Rien n'a été noté")
}

// TestSameIBANNotOfferedTwice: the IBANs noted for a payment client's
// external accounts are offered by "Reconnecter les comptes externes" only.
func TestSameIBANNotOfferedTwice(t *testing.T) {
	env := migratedEnv()
	c := env.opts.Run.Clients[0] // a payment client, the first row once sorted
	env.store.states[refOf("preparation.payment.external_accounts", c.ID)] = checklist.StepState{Status: checklist.StatusDone,
		Capture: &checklist.Capture{Items: []checklist.Record{{"iban": "FR1420041010050500013M02606", "validated": "true"}}}}
	env.opts.Run, _ = env.store.LoadRun("ws1", env.opts.Guide)
	d := newDriver(t, env.opts, 120, 40)
	openClient(d, c.ID)
	masked := ident.MaskIBAN("FR1420041010050500013M02606")
	if n := strings.Count(d.view(), masked); n != 1 {
		t.Fatalf("IBAN %s offered %d times:\n%s", masked, n, d.view())
	}
	if d.m.jobFor(refOf("reconciliation.client.bank_accounts", c.ID)) != nil {
		t.Fatal("the document bank accounts still re-create the external IBANs")
	}
}

// TestBulkStepListByPhase: after the migration the `m` list gives the
// preparation steps, then the reconciliation ones, whatever their scope.
func TestBulkStepListByPhase(t *testing.T) {
	g := checklist.Default()
	steps := clientStepsByPhase(g, checklist.PhasePreparation, checklist.PhaseReconciliation)
	seenRecon := false
	for _, st := range steps {
		if st.Phase == checklist.PhaseReconciliation {
			seenRecon = true
		} else if seenRecon {
			t.Fatalf("%s (preparation) after a reconciliation step", st.ID)
		}
	}
	env := migratedEnv()
	d := newDriver(t, env.opts, 120, 40)
	d.key("x", "m", "enter")
	d.mustSee("Validation · ")
	v := d.view()
	if strings.Index(v, "Préparation · Noter les IBAN") > strings.Index(v, "Validation · ") {
		t.Fatalf("payment preparation listed after the reconciliation:\n%s", v)
	}
}

// openClient moves the dashboard's cursor to the client id and opens it.
func openClient(d *driver, id string) {
	d.t.Helper()
	for range len(d.m.run.Clients) {
		if ci := d.m.dash.current(); ci >= 0 && d.m.run.Clients[ci].ID == id {
			d.key("enter")
			return
		}
		d.key("down")
	}
	d.t.Fatalf("client %s not on the dashboard", id)
}

// TestSummaryRowsWholeAt80: at 80×24 every §4 element reads whole, and
// client names are not cut at 20 characters on the dashboard (issue 15,
// point 7).
func TestSummaryRowsWholeAt80(t *testing.T) {
	env := migratedEnv()
	d := newDriver(t, env.opts, 80, 24)
	d.mustSee("Boucherie Lefèvre & Fils") // 24 characters
	d.key("t")
	seen := map[string]bool{}
	for range 10 {
		for _, l := range d.m.migState().summary.rep.CabinetLines {
			if strings.Contains(d.view(), l.Element) {
				seen[l.Element] = true
			}
		}
		for _, l := range d.m.migState().summary.rep.CompanyLines {
			if strings.Contains(d.view(), l.Element) {
				seen[l.Element] = true
			}
		}
		d.key("pgdown")
	}
	rep := d.m.migState().summary.rep
	if want := len(rep.CabinetLines) + len(rep.CompanyLines); len(seen) != want {
		t.Fatalf("%d of %d §4 elements read whole at 80 columns: %v", len(seen), want, seen)
	}
}

// TestFilesModeWritesTheV2ImportFile: in files mode "Importer les
// clients…" writes V2's import file through the files writer, instead of
// asking (o/n) and then saying there is no connector (issue 15, point 13).
func TestFilesModeWritesTheV2ImportFile(t *testing.T) {
	env := migratedEnv()
	env.opts.Ports.V2 = nil
	env.opts.OutDir = t.TempDir()
	var from, to string
	env.opts.WriteV2Import = func(f, o string) (V2ImportFiles, error) {
		from, to = f, o
		return V2ImportFiles{Paths: []string{o}, Clients: 3}, nil
	}
	env.store.states[refOf("preparation.cabinet.inactive_clients_export", "")] = checklist.StepState{Status: checklist.StatusDone,
		Capture: &checklist.Capture{Items: []checklist.Record{{"file": "exports/clients-v1.csv", "rows": "3"}}}}
	d := newDriver(t, env.opts, 120, 40)
	d.key("R")
	r := d.m.migState().recon
	for i, st := range r.steps {
		if st.ID == "reconciliation.cabinet.inactive_clients_import" {
			for range i {
				d.key("down")
			}
		}
	}
	d.mustSee("Entrée écrit le fichier d'import V2 depuis exports/clients-v1.csv")
	d.key("enter")
	d.mustSee("Écrire le fichier d'import V2", "(o/n)")
	d.key("o")
	d.mustSee("3 clients écrits pour V2", "importez-le sur V2")
	d.mustNotSee("Aucun connecteur")
	if from != "exports/clients-v1.csv" || !strings.HasSuffix(to, "import-v2.xlsx") {
		t.Fatalf("wrote from %q to %q", from, to)
	}
	st := env.store.state(refOf("reconciliation.cabinet.inactive_clients_import", ""))
	if st.Evidence == nil || st.Evidence.Facts["clients"] != "3" || st.Status != checklist.StatusInProgress {
		t.Fatalf("step after writing: %+v", st)
	}
}

// TestFilesModePrefillsInactiveClients: the export read at first run
// pre-fills "Exporter la liste des clients inactifs" with its path and its
// non-active clients; the step stays to do (issue 15, point 13).
func TestFilesModePrefillsInactiveClients(t *testing.T) {
	env, _ := firstRunEnv()
	env.opts.ImportDossiers = func(path string) ([]checklist.Dossier, []string, error) {
		return testDossiers(3), nil, nil
	}
	var counted string
	env.opts.CountInactive = func(path string) (int, error) { counted = path; return 2, nil }
	d := newDriver(t, env.opts, 100, 30)
	filesFirstRun(d)
	d.typeText("clients-v1.csv")
	d.key("enter")
	d.mustSee("3 dossiers créés depuis l'export V1")
	ref := refOf("preparation.cabinet.inactive_clients_export", "")
	st := env.store.state(ref)
	abs, _ := filepath.Abs("clients-v1.csv")
	if counted != "clients-v1.csv" || st.Capture == nil || len(st.Capture.Items) != 1 ||
		st.Capture.Items[0]["file"] != abs || st.Capture.Items[0]["rows"] != "2" {
		t.Fatalf("counted %q, step %+v", counted, st)
	}
	if st.Status != checklist.StatusTodo {
		t.Fatalf("pre-filled step is %v, want to do", st.Status)
	}
}

// TestSummarySpaceAsksBeforeUndoing: space ticks "synthèse relue"; a second
// press asks, n keeps it, o undoes it (issue 15, point 9).
func TestSummarySpaceAsksBeforeUndoing(t *testing.T) {
	env := migratedEnv()
	d := newDriver(t, env.opts, 100, 30)
	d.key("t", " ")
	ref := refOf("summary.report", "")
	if st, _ := d.m.run.Status(ref); st != checklist.StatusDone {
		t.Fatalf("space left the summary %v", st)
	}
	d.key(" ")
	d.mustSee("(o/n)")
	d.key("n")
	if st, _ := d.m.run.Status(ref); st != checklist.StatusDone {
		t.Fatalf("n undid the summary: %v", st)
	}
	d.key(" ", "o")
	if st, _ := d.m.run.Status(ref); st != checklist.StatusTodo {
		t.Fatalf("o did not undo: %v", st)
	}
}

// TestCapturedSummaryWrapped: what was captured reads whole under the
// steps, wrapped at the width (issue 15, point 7: "Saisi : 2
// collaborateurs (… · Admin" was cut).
func TestCapturedSummaryWrapped(t *testing.T) {
	env := newTestEnv(3)
	ref := refOf("preparation.cabinet.collaborators", "")
	env.store.states[ref] = checklist.StepState{Status: checklist.StatusDone, Capture: &checklist.Capture{Items: []checklist.Record{
		{"name": "Sophie Durand-Lefèvre", "email": "sophie.durand-lefevre@cabinet-martin-et-associes.fr", "v1_role": "Administrateur",
			"v2_roles": "Administrateur, Gestionnaire", "reinvite": "true"},
		{"name": "Paul Roux", "email": "paul@cabinet-martin.fr", "reinvite": "true"}}}}
	env.opts.Run, _ = env.store.LoadRun("ws1", env.opts.Guide)
	d := newDriver(t, env.opts, 80, 24)
	d.key("c", "up")
	v := d.view()
	var words []string
	for _, l := range strings.Split(v, "\n") {
		if ansi.StringWidth(l) > 80 {
			t.Fatalf("line wider than 80: %q", l)
		}
		words = append(words, strings.Fields(l)...)
	}
	joined := strings.Join(words, " ")
	if !strings.Contains(joined, "Saisi : 2 collaborateurs (") || !strings.Contains(joined, "Administrateur, Gestionnaire") || !strings.Contains(joined, ", …)") {
		t.Fatalf("captured summary not whole:\n%s", v)
	}
}

// TestReconDetailStaysWithTheComparison: at 80×24 the comparison's lines
// and the selected item's detail both show (issue 15, point 7).
func TestReconDetailStaysWithTheComparison(t *testing.T) {
	env := migratedEnv()
	d := newDriver(t, env.opts, 80, 24)
	d.key("r")
	d.mustSee("✗ écart (3)", "Compte de paiement Banqup", "Contrôler ce qui a migré · en cours · §3.3", "Vérifiez sur V2 ce qui migre seul",
		"Données non transférées automatiquement")
	// What does not fit is marked cut, on the line above the help's rule.
	lines := strings.Split(d.view(), "\n")
	if last := strings.TrimSpace(lines[len(lines)-4]); last != "…" && !strings.HasSuffix(last, "(guide §3.3)") {
		t.Fatalf("the detail ends on %q, neither whole nor marked cut:\n%s", last, d.view())
	}
}
