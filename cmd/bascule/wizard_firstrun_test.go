package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// TestImportV1ExportForFirstRun: a V1 export as French Excel writes it
// gives the active clients as dossiers and its bad rows as messages.
func TestImportV1ExportForFirstRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.csv")
	if err := os.WriteFile(path, frenchExcelCSV(t), 0o600); err != nil {
		t.Fatal(err)
	}
	env := &appEnv{lang: checklist.French}
	ds, rows, err := env.importV1Export(path)
	t.Log(rows)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].Name != "Client actif" || ds[0].SIREN != "334175221" || ds[0].PendingInvoices != -1 {
		t.Fatalf("dossiers %+v", ds)
	}
	if len(rows) < 3 || !strings.Contains(strings.Join(rows, "\n"), "SIREN") {
		t.Fatalf("row errors %q", rows)
	}
	env.lang = checklist.English
	_, rowsEN, _ := env.importV1Export(path)
	if len(rowsEN) != len(rows) || !strings.HasPrefix(rowsEN[0], "row ") {
		t.Fatalf("row errors in English %q", rowsEN)
	}
	env.lang = checklist.French
	if _, _, err := env.importV1Export(filepath.Join(t.TempDir(), "absent.csv")); err == nil || !strings.Contains(err.Error(), "impossible d'ouvrir") || !strings.Contains(err.Error(), "introuvable") || strings.Contains(err.Error(), "no such file") {
		t.Fatalf("absent file: %v", err)
	}
}

// TestWizardWorkspacesCreate: files mode records the dossiers read, API
// mode the V1/V2 configuration; demo mode keeps the operator typed. The
// API ports are built from the configuration and the sealed secret.
func TestWizardWorkspacesCreate(t *testing.T) {
	env := &appEnv{getenv: func(string) string { return "" }, guide: checklist.Default(), lang: checklist.French}
	db, err := store.Open(filepath.Join(t.TempDir(), "b.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	wss := wizardWorkspaces{DB: db, env: env}
	ctx := context.Background()

	create := func(a engine.NewWorkspace) (store.Workspace, error) {
		a.DemoID, a.DemoV1 = wss.DemoID(), wss.DemoV1
		res, err := engine.CreateWorkspace(ctx, wss, a)
		return res.Workspace, err
	}
	files, err := create(engine.NewWorkspace{Mode: tui.ModeFiles, SIREN: "552008443", LegalName: "Cabinet Martin", Operator: "C. Martin",
		ExportPath: "clients.csv", ImportDossiers: func(string) ([]checklist.Dossier, []string, error) {
			return []checklist.Dossier{{ID: "c1", Name: "Client actif", SIREN: "334175221", PendingInvoices: -1}}, nil, nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	run, err := db.LoadRun(files.ID, env.guide)
	if err != nil || len(run.Clients) != 1 || run.Clients[0].Name != "Client actif" {
		t.Fatalf("files workspace run: %v %+v", err, run)
	}
	// The whole cabinet is kept: one Workspace type from the store to the
	// screens (a mapper once dropped the address).
	if err := db.CreateWorkspace(store.Workspace{ID: "404833048", Mode: tui.ModeFiles, Operator: "C. Martin",
		Cabinet: connectors.Cabinet{SIREN: "404833048", LegalName: "Cabinet Lefèvre", Address: "2 place du Marché, Lyon"}}); err != nil {
		t.Fatal(err)
	}
	listed, err := wss.ListWorkspaces()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range listed {
		if w.ID == "404833048" && w.Cabinet.Address != "2 place du Marché, Lyon" {
			t.Fatalf("address lost: %+v", w.Cabinet)
		}
	}

	api, err := create(engine.NewWorkspace{Mode: tui.ModeAPI, SIREN: "732829320", LegalName: "Cabinet Dupont", Operator: "L. Dupont",
		V1URL: "https://v1.example.fr", V2URL: "https://v2.example.fr", ClientID: "bascule", Secrets: db,
		ClientSecret: []byte("s3cr3t"), Passphrase: []byte("phrase du cabinet")})
	if err != nil {
		t.Fatal(err)
	}
	if api.V1URL != "https://v1.example.fr" || api.V2URL != "https://v2.example.fr" || api.ClientID != "bascule" {
		t.Fatalf("api workspace %+v", api)
	}
	if _, err := env.wizardPorts(db, api, nil); err == nil || !strings.Contains(err.Error(), "phrase secrète") {
		t.Fatalf("ports without a passphrase: %v", err)
	}
	if _, err := env.wizardPorts(db, api, []byte("mauvaise")); !errors.Is(err, store.ErrWrongPassphrase) {
		t.Fatalf("wrong passphrase: %v", err)
	}
	ports, err := env.wizardPorts(db, api, []byte("phrase du cabinet"))
	if err != nil || ports.V1 == nil || ports.V2 == nil {
		t.Fatalf("api ports: %+v %v", ports, err)
	}
	// Not a terminal and no BASCULE_PASSPHRASE: offline, no question.
	env.stdin = strings.NewReader("")
	if p, err := env.startPassphrase(db, api.ID); p != nil || err != nil {
		t.Fatalf("startPassphrase without a terminal: %q %v", p, err)
	}
	env.getenv = func(k string) string {
		if k == envPassphrase {
			return "phrase du cabinet"
		}
		return ""
	}
	if p, err := env.startPassphrase(db, api.ID); string(p) != "phrase du cabinet" || err != nil {
		t.Fatalf("startPassphrase from the environment: %q %v", p, err)
	}

	demo, err := create(engine.NewWorkspace{Mode: tui.ModeDemo, Operator: "Claire"})
	if err != nil || demo.ID != demoWorkspaceID || demo.Operator != "Claire" || demo.Cabinet.LegalName == "" {
		t.Fatalf("demo workspace %+v %v", demo, err)
	}
}
