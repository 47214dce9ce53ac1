package tui

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
)

// fakeWorkspaces is the store the first-run screen creates workspaces in,
// through the engine: created lists them in order, as they stand after any
// update, and dossiers holds their dossiers.
type fakeWorkspaces struct {
	mu       sync.Mutex
	created  []Workspace
	dossiers map[string][]checklist.Dossier
}

func (f *fakeWorkspaces) ListWorkspaces() ([]Workspace, error) { return nil, nil }

func (f *fakeWorkspaces) Workspace(id string) (Workspace, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, w := range f.created {
		if w.ID == id {
			return w, nil
		}
	}
	return Workspace{}, checklist.ErrNotFound
}

func (f *fakeWorkspaces) CreateWorkspace(w Workspace) error {
	if _, err := f.Workspace(w.ID); err == nil {
		return checklist.ErrExists
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.created = append(f.created, w)
	return nil
}

func (f *fakeWorkspaces) UpdateWorkspace(w Workspace) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.created {
		if f.created[i].ID == w.ID {
			f.created[i] = w
			return nil
		}
	}
	return checklist.ErrNotFound
}

func (f *fakeWorkspaces) PutDossiers(ws string, ds []checklist.Dossier, _ string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.dossiers == nil {
		f.dossiers = map[string][]checklist.Dossier{}
	}
	f.dossiers[ws] = ds
	return nil
}

// Demo is the simulated platform of the demo: testCabinet with one active
// and one draft client.
func (f *fakeWorkspaces) DemoID() string { return "demo" }

func (f *fakeWorkspaces) DemoV1() connectors.V1 { return demoV1{} }

type demoV1 struct{ connectors.V1 }

func (demoV1) Cabinet(context.Context) (connectors.CabinetSnapshot, error) {
	return connectors.CabinetSnapshot{Cabinet: testCabinet}, nil
}

func (demoV1) ListClients(context.Context, connectors.Page) ([]connectors.Client, string, error) {
	return []connectors.Client{
		{ID: "c1", LegalName: "Boulangerie Lefèvre", SIREN: "732829320", Status: connectors.StatusActive},
		{ID: "c2", LegalName: "Brouillon SARL", SIREN: "404833048", Status: connectors.StatusDraft},
	}, "", nil
}

func firstRunEnv() (*testEnv, *fakeWorkspaces) {
	env := newTestEnv(5)
	wss := &fakeWorkspaces{}
	env.opts.Workspace, env.opts.Run, env.opts.Workspaces = nil, nil, wss
	return env, wss
}

func TestFirstRunDemoSaysTheDemoCabinetIsUsed(t *testing.T) {
	env, wss := firstRunEnv()
	d := newDriver(t, env.opts, 100, 30)
	d.mustSee("Nouvel espace de travail", "Démonstration (plateforme simulée)")
	d.key("enter")
	d.mustSee("Cabinet de démonstration", "cabinet fictif de la plateforme simulée", "Votre nom (opérateur)")
	d.mustNotSee("SIREN *")
	d.typeText("Claire Martin")
	d.key("enter")
	if len(wss.created) != 1 || wss.created[0].Mode != ModeDemo || wss.created[0].Operator != "Claire Martin" {
		t.Fatalf("created %+v", wss.created)
	}
	d.mustSee("Clients (5)", "opérateur : Claire Martin")
}

func TestFirstRunFilesImportsTheV1Export(t *testing.T) {
	env, wss := firstRunEnv()
	var asked string
	env.opts.ImportDossiers = func(path string) ([]checklist.Dossier, []string, error) {
		asked = path
		if path == "absent.csv" {
			return nil, nil, errors.New("impossible d'ouvrir l'export V1 \"absent.csv\"")
		}
		return testDossiers(3), []string{"ligne 4, SIREN : SIREN invalide (clé de contrôle)", "ligne 7, Raison sociale : champ vide"}, nil
	}
	d := newDriver(t, env.opts, 100, 30)
	d.key("down", "enter")
	d.mustSee("Identité du cabinet", "SIREN *")
	d.typeText("552 008 443")
	d.key("enter")
	d.typeText("Cabinet Martin & Associés")
	d.key("enter")
	d.typeText("c.martin@cabinet-martin.fr")
	d.key("enter")
	d.typeText("C. Martin")
	d.key("enter")
	d.mustSee("Fichier d'export des clients V1 (CSV ou xlsx)")
	d.typeText("absent.csv")
	d.key("enter")
	d.mustSee("impossible d'ouvrir l'export V1")
	if len(wss.created) != 0 {
		t.Fatal("a workspace was created without its dossiers")
	}
	// The form comes back with what was typed: only the path changes.
	d.key("enter", "enter", "enter", "enter", "enter")
	for range len("absent.csv") {
		d.key("backspace")
	}
	d.typeText("clients-v1.csv")
	d.key("enter")
	d.mustSee("3 dossiers créés depuis l'export V1, 2 lignes refusées :", "• ligne 4, SIREN : SIREN invalide", "entrée continuer")
	if asked != "clients-v1.csv" || len(wss.created) != 1 || len(wss.dossiers[wss.created[0].ID]) != 3 || wss.created[0].ID != "552008443" {
		t.Fatalf("asked %q, created %+v", asked, wss.created)
	}
	d.key("enter")
	d.mustSee("Clients (5)") // the fake store's run
}

func TestFirstRunAPISealsTheClientSecret(t *testing.T) {
	env, wss := firstRunEnv()
	sec := &fakeSecrets{values: map[string]string{}}
	env.opts.Secrets = sec
	var connectPass []byte
	env.opts.Connect = func(w Workspace, pass []byte) (Ports, error) {
		connectPass = pass
		return Ports{V1: env.v1, V2: env.v2}, nil
	}
	d := newDriver(t, env.opts, 100, 40)
	d.key("down", "down", "enter")
	d.typeText("552008443")
	d.key("enter")
	d.typeText("Cabinet Martin")
	d.key("enter")
	d.typeText("c.martin@cabinet-martin.fr")
	d.key("enter")
	d.typeText("C. Martin")
	d.key("enter")
	d.mustSee("Adresse de l'API V1 *", "Secret client *", "Phrase secrète de l'espace *")
	d.typeText("https://v1.example.fr")
	d.key("enter")
	d.typeText("https://v2.example.fr")
	d.key("enter")
	d.typeText("bascule-cabinet")
	d.key("enter")
	d.typeText("s3cr3t-client")
	d.mustNotSee("s3cr3t-client")
	d.key("enter")
	d.typeText("ma phrase du cabinet")
	d.key("enter")
	d.typeText("ma frase du cabinet")
	d.key("enter")
	d.mustSee("les deux saisies diffèrent")
	d.mustNotSee("ma frase du cabinet", "ma phrase du cabinet")
	for range len("ma frase du cabinet") {
		d.key("backspace")
	}
	d.typeText("ma phrase du cabinet")
	d.key("enter")
	d.mustSee("Clients (5)")
	w := wss.created[0]
	if w.Mode != ModeAPI || w.V1URL != "https://v1.example.fr" || w.V2URL != "https://v2.example.fr" || w.ClientID != "bascule-cabinet" {
		t.Fatalf("created %+v", w)
	}
	if sec.values[SecretV1ClientSecret] != "s3cr3t-client" || sec.values[SecretV2ClientSecret] != "s3cr3t-client" || sec.pass != "ma phrase du cabinet" {
		t.Fatalf("vault %+v", sec)
	}
	if string(connectPass) != "ma phrase du cabinet" {
		t.Fatalf("the ports were built without the passphrase: %q", connectPass)
	}
}
