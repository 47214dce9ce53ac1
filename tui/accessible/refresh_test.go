package accessible

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/sandbox"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// The main menu's last entry refreshes the clients from V1 through the
// engine: on the simulated platform, the client V1 gained gets a dossier
// and the one it lost is marked; files mode does not offer it.
func TestAccessibleRefreshClients(t *testing.T) {
	p := sandbox.New(sandbox.Options{Seed: 1, Clients: 5, Now: func() time.Time { return testNow }})
	path := filepath.Join(t.TempDir(), "bascule.db")
	db, err := store.Open(path, store.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	sws := store.Workspace{ID: "demo", Operator: "C. Martin", Mode: "demo", Cabinet: store.Cabinet{SIREN: sandbox.CabinetSIREN, LegalName: "Cabinet Martin"}}
	if err := db.CreateWorkspace(sws); err != nil {
		t.Fatal(err)
	}
	ds, err := engine.ActiveDossiers(context.Background(), p.V1())
	if err != nil || len(ds) < 2 {
		t.Fatalf("%d dossiers, %v", len(ds), err)
	}
	if err := db.PutDossiers(sws.ID, ds, "test"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	taken := map[string]bool{}
	for _, c := range p.Clients() {
		taken[c.SIREN] = true
	}
	siren := ""
	for x := 100000000; siren == ""; x++ {
		if s := fmt.Sprint(x); ident.ValidateSIREN(s) == nil && !taken[s] {
			siren = s
		}
	}
	if err := p.AddClient(connectors.Client{ID: "cli-nouveau", LegalName: "Nouvelle Épicerie", SIREN: siren, Status: connectors.StatusActive}); err != nil {
		t.Fatal(err)
	}
	if err := p.SetClientStatus(ds[0].ID, connectors.StatusDraft); err != nil {
		t.Fatal(err)
	}
	ws := tui.Workspace{ID: sws.ID, Operator: sws.Operator, Mode: tui.ModeDemo, Cabinet: connectors.Cabinet{SIREN: sandbox.CabinetSIREN, LegalName: "Cabinet Martin"}}
	opts := func(db *store.DB) Options {
		return Options{Store: db, Secrets: db, Workspace: &ws, Ports: tui.Ports{V1: p.V1()}}
	}
	out := runOpts(t, path, opts, "q", "n", "q")
	menu := ""
	for i := 1; i < 12; i++ {
		if line := fmt.Sprintf("%d. Actualiser les clients depuis V1", i); strings.Contains(out, line) {
			menu = fmt.Sprint(i)
		}
	}
	if menu == "" {
		t.Fatalf("no refresh entry in the menu:\n%s", out)
	}
	out = runOpts(t, path, opts, menu, "q")
	t.Log("\n" + out)
	mustContain(t, out, "Clients de V1 : 1 dossier ajouté, 0 mis à jour, 1 absent de V1", ds[0].Name+" : plus sur la liste de V1, dossier conservé")
	db, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	run, err := db.LoadRun(ws.ID, checklist.Default())
	if err != nil || run.ClientIndex("cli-nouveau") < 0 || !run.Clients[0].LeftV1 {
		t.Fatalf("after the refresh: %v, %+v", err, run.Clients)
	}

	fpath, fws := openTestStore(t)
	if out := runScript(t, fpath, fws, checklist.French, "q"); strings.Contains(out, "Actualiser les clients depuis V1") {
		t.Fatal("files mode offers a refresh from V1")
	}
}
