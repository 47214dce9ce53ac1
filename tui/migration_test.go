package tui

import (
	"context"

	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/sandbox"
	"github.com/bascule-cli/bascule/store"
)

var _ MigrationStore = (*store.DB)(nil)
var _ Demo = (*sandbox.Platform)(nil)

// sandboxEnv is the demo platform and a real store: the whole migration,
// end to end, in the model.
type sandboxEnv struct {
	p    *sandbox.Platform
	db   *store.DB
	opts Options
	dir  string
}

func newSandboxEnv(t *testing.T, n int, drop ...sandbox.DropRule) *sandboxEnv {
	t.Helper()
	clock := func() time.Time { return testNow }
	p := sandbox.New(sandbox.Options{Seed: 1, Clients: n, Drop: drop, Now: clock})
	dir := t.TempDir()
	db, err := store.Open(filepath.Join(dir, "bascule.db"), store.Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
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
	sw := store.Workspace{ID: "ws1", Operator: "C. Martin", Mode: "demo", Cabinet: store.Cabinet{SIREN: cab.Cabinet.SIREN,
		LegalName: cab.Cabinet.LegalName, ManagerEmail: cab.Cabinet.ManagerEmail}}
	if err := db.CreateWorkspace(sw); err != nil {
		t.Fatal(err)
	}
	if err := db.PutDossiers("ws1", ds, "test"); err != nil {
		t.Fatal(err)
	}
	g := checklist.Default()
	run, err := db.LoadRun("ws1", g)
	if err != nil {
		t.Fatal(err)
	}
	ws := Workspace{ID: "ws1", Cabinet: cab.Cabinet, Operator: "C. Martin", Mode: ModeDemo, Created: testNow}
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
	files, _ := filepath.Glob(filepath.Join(e.dir, "out", "annonces", "*.eml"))
	if len(files) != len(e.opts.Run.Clients) {
		t.Fatalf("%d .eml written, want %d", len(files), len(e.opts.Run.Clients))
	}
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
	d.mustSee("7/7 faites")

	// Reconciliation of every client: the control, then the numbering.
	d.key("esc")
	sweep(d, "Contrôler sur V2 : Contrôler ce qui a migré")
	for _, c := range e.opts.Run.Clients {
		if st := mustState(t, e.db, "reconciliation.client.control", c.ID); st.Status != checklist.StatusDone {
			t.Fatalf("%s: control %+v", c.Name, st.Evidence)
		}
	}
	d.key("r")
	d.mustSee("Rapprochement", "Documents archivés", "✓ migré")
	d.mustNotSee("écart")
}

func mustState(t *testing.T, db *store.DB, step, client string) checklist.StepState {
	t.Helper()
	st, err := db.StepState("ws1", checklist.Ref{Step: step, Client: client})
	if err != nil {
		t.Fatal(err)
	}
	return st
}
