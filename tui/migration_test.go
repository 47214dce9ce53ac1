package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/sandbox"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui/i18n"
)

var _ MigrationStore = (*store.DB)(nil)
var _ Demo = (*sandbox.Platform)(nil)

// sandboxEnv is the demo platform behind the ports and the in-memory store
// (fast, and a failure points at the model, not the file): the whole migration,
// end to end, in the model.
type sandboxEnv struct {
	p    *sandbox.Platform
	db   *fakeStore
	opts Options
	dir  string
}

func newSandboxEnv(t *testing.T, n int, drop ...sandbox.DropRule) *sandboxEnv {
	t.Helper()
	clock := func() time.Time { return testNow }
	p := sandbox.New(sandbox.Options{Seed: 1, Clients: n, Drop: drop, Now: clock})
	dir := t.TempDir()
	ctx := context.Background()
	cab, err := p.V1().Cabinet(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ds []checklist.Dossier
	for _, c := range cab.Clients {
		if !c.Status.Inactive() {
			ds = append(ds, checklist.Dossier{ID: c.ID, Name: c.LegalName, SIREN: c.SIREN, Payment: c.PaymentServices, PendingInvoices: -1})
		}
	}
	g := checklist.Default()
	db := newFakeStore(g, ds)
	run, err := db.LoadRun("ws1", g)
	if err != nil {
		t.Fatal(err)
	}
	ws := Workspace{ID: "ws1", Cabinet: cab.Cabinet, Operator: "C. Martin", Mode: ModeDemo, CreatedAt: testNow}
	return &sandboxEnv{p: p, db: db, dir: dir, opts: Options{Guide: g, Store: db, Workspace: &ws, Run: run,
		Ports: Ports{V1: p.V1(), V2: p.V2(), Demo: p}, Lang: checklist.French, NoColor: true,
		Now: clock, StatusTTL: time.Hour, OutDir: filepath.Join(dir, "out"), PollEvery: time.Hour}}
}

// prepare marks every preparation and registration step done in the store
// (what issue 5's screens do), the platform's side played by the demo.
func (e *sandboxEnv) prepare(t *testing.T) {
	t.Helper()
	e.p.CompleteRegistration()
	if err := e.p.AcceptAllPending(); err != nil {
		t.Fatal(err)
	}
	run := e.opts.Run
	var chs []StepChange
	for _, st := range e.opts.Guide.StepsFor(checklist.ScopeCabinet) {
		if st.Phase == checklist.PhasePreparation || st.Phase == checklist.PhaseRegistration {
			chs = append(chs, StepChange{Ref: checklist.Ref{Step: st.ID}, Status: statusPtr(checklist.StatusDone), By: "test"})
		}
	}
	for _, c := range run.Clients {
		for _, st := range e.opts.Guide.ClientSideSteps() {
			if st.Phase != checklist.PhasePreparation || st.ID == "preparation.client.pending_invoices" ||
				st.Scope == checklist.ScopePayment && !c.Payment {
				continue
			}
			chs = append(chs, StepChange{Ref: checklist.Ref{Step: st.ID, Client: c.ID}, Status: statusPtr(checklist.StatusDone), By: "test"})
		}
	}
	for i, err := range e.db.ApplySteps("ws1", run, chs) {
		if err != nil {
			t.Fatalf("%v: %v", chs[i].Ref, err)
		}
	}
}

// sweepPending checks every client's pending invoices on V1 through the
// bulk action screen, which keeps the V1 facts reconciliation needs.
func sweep(d *driver, action string) {
	d.t.Helper()
	d.key("ctrl+a", "a")
	d.mustSee("Action en lot pour")
	for range 20 {
		if strings.Contains(d.view(), "> "+action) || strings.Contains(d.view(), "▸ "+action) {
			break
		}
		d.key("down")
	}
	d.key("enter", "o", "enter")
	d.mustSee("Action en lot terminée")
	d.key("esc")
}

func TestMigrationWithSandbox(t *testing.T) {
	e := newSandboxEnv(t, 5)
	e.prepare(t)
	d := newDriver(t, e.opts, 120, 40)
	sweep(d, "Vérifier sur V1 : Accepter les factures en attente")
	for _, c := range e.opts.Run.Clients {
		if st := mustState(t, e.db, "preparation.client.pending_invoices", c.ID); st.Status != checklist.StatusDone || st.Evidence == nil {
			t.Fatalf("%s: pending check %+v", c.Name, st)
		}
	}

	// The request (§3.2).
	d.key("d")
	d.mustSee("Demande de migration", "Prévenir les clients de la migration")
	d.key("enter")
	d.mustSee("messages écrits")
	files, _ := filepath.Glob(filepath.Join(e.dir, "out", "annonces", "*", "*.eml"))
	if len(files) != len(e.opts.Run.Clients) {
		t.Fatalf("%d .eml written, want %d", len(files), len(e.opts.Run.Clients))
	}
	d.key("down", "v")
	d.mustSee("dossier du cabinet : 0 facture en attente")
	d.key("down", "v")
	d.mustSee("Rien ne bloque")
	d.key("down", "enter")
	d.mustSee("tapez le SIREN du cabinet")
	d.typeText("552 008 444")
	d.key("enter")
	d.mustSee("Ce n'est pas le SIREN du cabinet")
	if e.p.SideEffects()["v2.SubmitMigration"] != 0 {
		t.Fatal("a wrong SIREN submitted the request")
	}
	d.key("enter")
	d.typeText("552 008 443")
	d.key("enter")
	d.mustSee("MIG-", "migration réussie")
	if !d.m.run.Migrated() {
		t.Fatalf("the poll did not record the answer:\n%s", d.view())
	}
	d.mustSee("V1 est en lecture seule")
	// A retry never submits twice.
	if _, err := e.p.V2().SubmitMigration(context.Background(), connectors.MigrationSubmission{
		CabinetSIREN: "552008443", RequestedBy: sandbox.ManagerEmail, IdempotencyKey: RequestKey(*e.opts.Workspace)}); err != nil {
		t.Fatal(err)
	}
	if n := e.p.SideEffects()["v2.SubmitMigration"]; n != 1 {
		t.Fatalf("%d submissions", n)
	}
	d.key("down", "down", " ", "down", " ", "down", "enter")
	d.mustSee("8/8 faites")

	// Reconciliation of every client: the control, then the numbering.
	d.key("esc")
	sweep(d, "Contrôler sur V2 : Contrôler ce qui a migré")
	for _, c := range e.opts.Run.Clients {
		if st := mustState(t, e.db, "reconciliation.client.control", c.ID); st.Status != checklist.StatusDone {
			t.Fatalf("%s: control %+v", c.Name, st.Evidence)
		}
	}
	d.key("r")
	d.mustSee("Validation et réintégration", "Documents archivés", "✓ migré")
	d.mustNotSee("écart")
}

func mustState(t *testing.T, db *fakeStore, step, client string) checklist.StepState {
	t.Helper()
	return db.state(checklist.Ref{Step: step, Client: client})
}

// migrate runs the request on the model: readiness check, submission with
// the cabinet's SIREN, the answer polled at once (the sandbox has no delay).
func migrate(t *testing.T, d *driver) {
	t.Helper()
	d.key("d", "down", "v", "down", "v", "down", "enter")
	d.typeText("552008443")
	d.key("enter")
	if !d.m.run.Migrated() {
		t.Fatalf("not migrated:\n%s", d.view())
	}
	d.key("esc")
}

// TestReconciliationGapNeverDone: the sandbox loses archived documents of
// every client; the control shows an écart with both figures and the step
// never becomes done, neither by the check nor by hand.
func TestReconciliationGapNeverDone(t *testing.T) {
	e := newSandboxEnv(t, 4, sandbox.DropRule{ClientSIREN: sandbox.AllSIRENs, Item: sandbox.ItemArchivedDocuments, Count: 3})
	e.prepare(t)
	d := newDriver(t, e.opts, 120, 40)
	sweep(d, "Vérifier sur V1 : Accepter les factures en attente")
	migrate(t, d)
	d.key("r", "enter")
	d.mustSee("Documents archivés", "✗ écart", "Base articles", "✓ migré", "1 écart")
	ci := d.m.dash.current()
	c := d.m.run.Clients[ci]
	st := mustState(t, e.db, "reconciliation.client.control", c.ID)
	if st.Status == checklist.StatusDone || st.Evidence == nil || st.Evidence.OK {
		t.Fatalf("a gap was recorded as done: %+v", st)
	}
	v1, _ := strconvAtoi(st.Evidence.Facts["archived_documents.v1"])
	v2, _ := strconvAtoi(st.Evidence.Facts["archived_documents.v2"])
	if v1-v2 != 3 {
		t.Fatalf("archived V1 %d, V2 %d: want a gap of 3", v1, v2)
	}
	d.mustSee("V1 "+st.Evidence.Facts["archived_documents.v1"], "V2 "+st.Evidence.Facts["archived_documents.v2"])
	d.key(" ")
	d.mustSee("Un écart ne peut pas être coché fait")
	if st := mustState(t, e.db, "reconciliation.client.control", c.ID); st.Status == checklist.StatusDone {
		t.Fatal("space ticked a gap done")
	}
	// In bulk too: every client has the gap, none is done.
	d.key("esc")
	sweep(d, "Contrôler sur V2 : Contrôler ce qui a migré")
	d.mustSee("Action en lot terminée : 0 réussie, 4 à reprendre")
	for _, c := range d.m.run.Clients {
		if st, _ := d.m.run.Status(checklist.Ref{Step: "reconciliation.client.control", Client: c.ID}); st == checklist.StatusDone {
			t.Fatalf("%s: gap marked done", c.Name)
		}
	}
}

func strconvAtoi(s string) (int, error) {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, os.ErrInvalid
		}
		n = n*10 + int(r-'0')
	}
	return n, nil
}

// TestRequestGateOverrideAndManualRequest: the blockers grouped by kind,
// the override that needs a reason and stays visible, a request recorded
// by hand, the estimated answer date and "en retard" once passed.
func TestRequestGateOverrideAndManualRequest(t *testing.T) {
	env := newTestEnv(10)
	now := testNow
	env.opts.Now = func() time.Time { return now }
	d := newDriver(t, env.opts, 120, 40)
	d.key("d", "down", "down")
	d.mustSee("Ce qui bloque la demande", "Factures en attente du dossier du cabinet (§3.2) — 1", "Factures en attente sur V1 (§2) — ", "Inscription (§3.1) — 5")
	d.key("pgdown")
	d.mustSee("Préparation des clients (§2) — 10")
	// Ticking the control while points block asks for the override's
	// reason (issue 15, point 4): an empty one ticks nothing.
	d.key(" ")
	d.mustSee("« Contrôler la préparation de tous les clients » ne peut pas être cochée", "Raison de la dérogation")
	d.key("enter")
	d.mustSee("Une dérogation demande une raison : rien n'a été coché.")
	if st := env.store.state(refOf("request.client_checks", "")); st.Status == checklist.StatusDone {
		t.Fatal("the control was ticked without a reason")
	}
	d.key(" ")
	d.typeText("accord du client, factures traitées sur V2")
	d.key("enter")
	d.mustSee("Dérogation par C. Martin le 12/03/2026 à 11:14 : accord du client, factures traitées sur V2")
	if st := env.store.state(refOf("request.client_checks", "")); st.Status != checklist.StatusDone {
		t.Fatalf("the control is not ticked after the override: %+v", st)
	}
	d.key("down", "o")
	d.mustSee("Une dérogation est déjà enregistrée.")
	d.key("h")
	d.mustSee("Demande de migration faite à la main", "Date de la demande")
	d.key("enter")
	d.typeText("FORM-2026-118")
	d.key("enter")
	d.mustSee("FORM-2026-118 envoyée le 12/03/2026 à 11:14, heure de Paris (faite à la main)", "réponse estimée le 17/03/2026 à 11:14 (estimation", "dans 5 j")
	if st := env.store.state(refOf("request.submit", "")); st.Status != checklist.StatusDone || st.Capture == nil {
		t.Fatalf("submit step: %+v", st)
	}
	// The override is still shown after the request.
	d.key("up")
	d.mustSee("Dérogation par C. Martin")
	now = testNow.Add(6 * 24 * time.Hour)
	d.key("down", "down")
	d.mustSee("en retard de")
}

// TestBulkActionReportsEachClientAndGoesOn: one client's numbering is
// refused by V2; the others are set, and each client has its line.
func TestBulkActionReportsEachClientAndGoesOn(t *testing.T) {
	e := newSandboxEnv(t, 4)
	e.prepare(t)
	bad := e.opts.Run.Clients[1]
	if _, err := e.db.ApplyStep("ws1", e.opts.Run, StepChange{Ref: checklist.Ref{Step: "preparation.client.numbering", Client: bad.ID},
		Capture: &checklist.Capture{Items: []checklist.Record{{"prefix": "F-", "number": "12", "padding": "30"}}}, By: "test"}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, e.opts, 120, 40)
	sweep(d, "Vérifier sur V1 : Accepter les factures en attente")
	migrate(t, d)
	d.key("ctrl+a", "a")
	for range 8 {
		if strings.Contains(d.view(), "> Recréer sur V2 : Configurer la numérotation") {
			break
		}
		d.key("down")
	}
	d.key("enter", "o", "enter")
	d.mustSee("Action en lot terminée", bad.Name, "padding", "prochaine facture")
	if n := e.p.SideEffects()["v2.SetNumbering"]; n < 1 {
		t.Fatalf("%d numberings set", n)
	}
	for _, c := range d.m.run.Clients {
		st, _ := d.m.run.Status(checklist.Ref{Step: "reconciliation.client.numbering", Client: c.ID})
		if c.ID == bad.ID && st == checklist.StatusDone {
			t.Fatal("a refused numbering is done")
		}
	}
	// Again: the same keys replay on V2, nothing acts twice.
	before := e.p.SideEffects()["v2.SetNumbering"]
	d.key("esc", "ctrl+a", "a")
	for range 8 {
		if strings.Contains(d.view(), "> Recréer sur V2 : Configurer la numérotation") {
			break
		}
		d.key("down")
	}
	d.key("enter", "o", "enter")
	d.mustSee("Action en lot terminée")
	if after := e.p.SideEffects()["v2.SetNumbering"]; after != before {
		t.Fatalf("a retry acted again on V2: %d → %d", before, after)
	}
}

// The fake store keeps overrides and the request in the run only.
func (f *fakeStore) AddOverride(ws string, run *checklist.Run, o checklist.Override) error {
	run.Overrides = append(run.Overrides, o)
	return nil
}

func (f *fakeStore) SetRequest(ws string, run *checklist.Run, r checklist.RequestRecord, by string) error {
	run.Request = r
	return nil
}

func (f *fakeStore) Events(ws string, since time.Time) ([]store.Event, error) { return nil, nil }

func (v *fakeV2) MigrationStatus(ctx context.Context, ref string) (connectors.MigrationRequest, error) {
	return connectors.MigrationRequest{}, &connectors.Error{Op: "v2.MigrationStatus", Kind: connectors.ErrNotFound, French: "demande inconnue", English: "unknown request"}
}

func TestMigrationScreensInEnglish(t *testing.T) {
	e := newSandboxEnv(t, 3)
	e.opts.Lang = checklist.English
	e.prepare(t)
	d := newDriver(t, e.opts, 120, 40)
	d.key("d", "down", "down")
	d.mustSee("Migration request", "What blocks the request", "Invoices pending on V1 (§2)")
	d.key("esc", "t")
	d.mustSee("Summary §4", "Firm space", "Company spaces", "clients")
	d.key("tab")
	d.mustSee("Left to do, and who does it", "Done during the session")
}

// TestGateLinesWindow: the blocker list writes only the lines in its
// window; they are the lines of the whole list at any scroll position.
func TestGateLinesWindow(t *testing.T) {
	env := newTestEnv(25)
	d := newDriver(t, env.opts, 120, 40)
	d.key("d", "down", "down")
	m := &d.m
	r := m.migState().req
	var full []string
	for _, g := range blockerKinds(m.lang) {
		var items []string
		for _, b := range r.blockers {
			if b.Kind == g.kind {
				items = append(items, "   · "+b.Message.In(m.lang))
			}
		}
		if len(items) > 0 {
			full = append(full, "  "+m.st.Header.Render(fmt.Sprintf("%s — %d", g.title, len(items))))
			full = append(full, items...)
		}
	}
	if len(full) < 40 {
		t.Fatalf("fixture: %d lines", len(full))
	}
	for _, rows := range []int{3, 7, 20} {
		for scroll := 0; scroll <= len(full)+2; scroll++ {
			r.scroll = scroll
			got := m.gateLines(rows)[1:] // after the title line
			start := max(0, min(scroll, len(full)-rows))
			end := min(len(full), start+rows)
			want := full[start:end]
			if end < len(full) {
				want = append(slices.Clone(want), m.st.Muted.Render("   … "+nouns(checklist.French, len(full)-end, i18n.Noun{One: "ligne de plus", Many: "lignes de plus"})))
			}
			if !slices.Equal(got, want) {
				t.Fatalf("rows %d, scroll %d:\n got %q\nwant %q", rows, scroll, got, want)
			}
		}
	}
}

// TestRequestBlockersFollowTheRun: the request screen lists what blocks the
// request as the run is now, after a change saved while it is open, without
// recomputing it at every key.
func TestRequestBlockersFollowTheRun(t *testing.T) {
	env := newTestEnv(4)
	d := newDriver(t, env.opts, 120, 40)
	d.key("d", "down", "down")
	m := &d.m
	c := m.run.Clients[2]
	open := func() int {
		for _, b := range m.migState().req.blockers {
			if b.Kind == checklist.BlockClientPreparation && b.Client == c.ID {
				return b.Count
			}
		}
		return 0
	}
	before := open()
	if before == 0 {
		t.Fatal("fixture: the client's preparation is not blocking")
	}
	done := checklist.StatusDone
	d.send(stepAppliedMsg{change: StepChange{Ref: checklist.Ref{Step: "preparation.client.articles", Client: c.ID}, Status: &done},
		state: checklist.StepState{Status: done}})
	if got := open(); got != before-1 {
		t.Fatalf("open preparation steps of %s: %d after the change, want %d", c.ID, got, before-1)
	}
	if !strings.Contains(d.view(), "Ce qui bloque la demande") {
		t.Fatal("not on the request screen any more")
	}
}
