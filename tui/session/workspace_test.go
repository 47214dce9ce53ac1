package session

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
)

// memWorkspaces is WorkspaceStore and SecretSealer in memory.
type memWorkspaces struct {
	ws       map[string]checklist.Workspace
	dossiers map[string][]checklist.Dossier
	secrets  map[string]string // ws/name -> value|passphrase
	updates  int
}

func newMemWorkspaces() *memWorkspaces {
	return &memWorkspaces{ws: map[string]checklist.Workspace{}, dossiers: map[string][]checklist.Dossier{}, secrets: map[string]string{}}
}

func (m *memWorkspaces) Workspace(id string) (checklist.Workspace, error) {
	w, ok := m.ws[id]
	if !ok {
		return w, checklist.ErrNotFound
	}
	return w, nil
}

func (m *memWorkspaces) CreateWorkspace(w checklist.Workspace) error {
	if _, ok := m.ws[w.ID]; ok {
		return checklist.ErrExists
	}
	m.ws[w.ID] = w
	return nil
}

func (m *memWorkspaces) UpdateWorkspace(w checklist.Workspace) error {
	m.updates++
	m.ws[w.ID] = w
	return nil
}

func (m *memWorkspaces) PutDossiers(ws string, ds []checklist.Dossier, _ string) error {
	m.dossiers[ws] = ds
	return nil
}

func (m *memWorkspaces) PutSecret(ws, name string, value, pass []byte) error {
	m.secrets[ws+"/"+name] = string(value) + "|" + string(pass)
	return nil
}

// simV1 is the demo's simulated V1: a cabinet, an active and a draft
// client over two pages.
type simV1 struct {
	connectors.V1
	calls int
}

func (v *simV1) Cabinet(context.Context) (connectors.CabinetSnapshot, error) {
	v.calls++
	return connectors.CabinetSnapshot{Cabinet: connectors.Cabinet{SIREN: "552008443", LegalName: "Cabinet Démo", Address: "1 rue de la Paix"}}, nil
}

func (v *simV1) ListClients(_ context.Context, p connectors.Page) ([]connectors.Client, string, error) {
	if p.Cursor == "" {
		return []connectors.Client{{ID: "c1", LegalName: "Active", SIREN: "732829320", Status: connectors.StatusActive}}, "p2", nil
	}
	return []connectors.Client{{ID: "c2", LegalName: "Draft", Status: connectors.StatusDraft}}, "", nil
}

const hostileText = "\x1b[31m\u202e"

func TestCreateWorkspaceFilesSanitisesAndImports(t *testing.T) {
	st := newMemWorkspaces()
	var asked string
	res, err := CreateWorkspace(context.Background(), st, NewWorkspace{Mode: checklist.ModeFiles,
		SIREN: " 552 008 443 ", LegalName: hostileText + "Cabinet Martin", Email: " C.Martin@Cabinet-Martin.fr ", Operator: "C. Martin" + hostileText,
		ExportPath: "clients" + hostileText + ".csv",
		ImportDossiers: func(path string) ([]checklist.Dossier, []string, error) {
			asked = path
			return []checklist.Dossier{{ID: "c1", Name: hostileText + "Boulangerie", SIREN: "732829320"}}, []string{"ligne 3" + hostileText}, nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	w := res.Workspace
	if w.ID != "552008443" || w.Mode != checklist.ModeFiles || res.Imported != 1 || len(res.RowErrors) != 1 {
		t.Fatalf("created %+v", res)
	}
	for what, v := range map[string]string{"legal name": w.Cabinet.LegalName, "operator": w.Operator, "path": asked,
		"dossier": st.dossiers[w.ID][0].Name, "row": res.RowErrors[0]} {
		if strings.ContainsAny(v, "\x1b\u202e") {
			t.Errorf("%s not sanitised: %q", what, v)
		}
	}
	if w.Cabinet.ManagerEmail != "C.Martin@cabinet-martin.fr" { // trimmed, domain in lower case
		t.Errorf("e-mail %q not normalised", w.Cabinet.ManagerEmail)
	}
}

func TestCreateWorkspaceFilesImportFailureCreatesNothing(t *testing.T) {
	st := newMemWorkspaces()
	res, err := CreateWorkspace(context.Background(), st, NewWorkspace{Mode: checklist.ModeFiles, SIREN: "552008443",
		ImportDossiers: func(string) ([]checklist.Dossier, []string, error) { return nil, nil, errors.New("absent.csv") }})
	if err == nil || !res.ImportFailed || len(st.ws) != 0 {
		t.Fatalf("res %+v err %v, %d workspaces", res, err, len(st.ws))
	}
}

func TestCreateWorkspaceAPISealsTheSecret(t *testing.T) {
	for _, tc := range []struct {
		v2URL string
		want  []string
	}{
		{"", []string{SecretV1ClientSecret}},
		{"https://v2.example.fr", []string{SecretV1ClientSecret, SecretV2ClientSecret}},
	} {
		st := newMemWorkspaces()
		res, err := CreateWorkspace(context.Background(), st, NewWorkspace{Mode: checklist.ModeAPI, SIREN: "552008443", LegalName: "Cabinet Martin",
			V1URL: "https://v1.example.fr", V2URL: tc.v2URL, ClientID: "bascule", ClientSecret: []byte(" s3cr3t \n"), Passphrase: []byte("phrase"), Secrets: st})
		if err != nil {
			t.Fatal(err)
		}
		if res.Workspace.V1URL != "https://v1.example.fr" || res.Workspace.ClientID != "bascule" {
			t.Fatalf("api workspace %+v", res.Workspace)
		}
		if len(st.secrets) != len(tc.want) {
			t.Fatalf("secrets %v, want %v", st.secrets, tc.want)
		}
		for _, n := range tc.want {
			if st.secrets["552008443/"+n] != "s3cr3t|phrase" {
				t.Errorf("secret %s: %q", n, st.secrets["552008443/"+n])
			}
		}
	}
	// Without a vault the workspace exists but the secret is not sealed: said.
	st := newMemWorkspaces()
	_, err := CreateWorkspace(context.Background(), st, NewWorkspace{Mode: checklist.ModeAPI, SIREN: "552008443"})
	if err == nil || len(st.ws) != 1 {
		t.Fatalf("no vault: %v", err)
	}
}

func TestCreateWorkspaceDemoOnceThenFound(t *testing.T) {
	st := newMemWorkspaces()
	v1 := &simV1{}
	a := NewWorkspace{Mode: checklist.ModeDemo, DemoID: "demo", DemoV1: func() connectors.V1 { return v1 }}
	res, err := CreateWorkspace(context.Background(), st, a)
	if err != nil {
		t.Fatal(err)
	}
	w := res.Workspace
	if w.ID != "demo" || w.Mode != checklist.ModeDemo || !w.Demo || w.Operator != demoOperator || w.Cabinet.Address != "1 rue de la Paix" {
		t.Fatalf("demo %+v", w)
	}
	if ds := st.dossiers["demo"]; len(ds) != 1 || ds[0].ID != "c1" || ds[0].PendingInvoices != -1 {
		t.Fatalf("demo dossiers %+v (active clients only, both pages read)", ds)
	}
	// Found again, the simulated V1 not rebuilt; a typed operator replaces
	// the recorded one.
	a.Operator = "Claire"
	res, err = CreateWorkspace(context.Background(), st, a)
	if err != nil || res.Workspace.Operator != "Claire" || v1.calls != 1 || st.updates != 1 {
		t.Fatalf("second run %+v %v, %d V1 reads, %d updates", res.Workspace, err, v1.calls, st.updates)
	}
	if _, err := CreateWorkspace(context.Background(), newMemWorkspaces(), NewWorkspace{Mode: checklist.ModeDemo}); err == nil {
		t.Fatal("a demo without its simulated platform was created")
	}
}

func TestCreateWorkspaceWithoutStore(t *testing.T) {
	if _, err := CreateWorkspace(context.Background(), nil, NewWorkspace{Mode: checklist.ModeFiles}); err == nil {
		t.Fatal("created without a store")
	}
}
