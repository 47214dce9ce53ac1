package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/comapi"
	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/sandbox"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// freeSIREN returns a valid SIREN no client of p has.
func freeSIREN(t *testing.T, p *sandbox.Platform) string {
	taken := map[string]bool{}
	for _, c := range p.Clients() {
		taken[c.SIREN] = true
	}
	for n := 100000000; n < 100100000; n++ {
		s := fmt.Sprint(n)
		if ident.ValidateSIREN(s) == nil && !taken[s] {
			return s
		}
	}
	t.Fatal("no free SIREN")
	return ""
}

// TestAPIWorkspaceFromV1AndRefresh: a workspace created in API mode against
// the demo platform over loopback HTTP gets its active clients' dossiers;
// after V1 gains a client, `clients refresh` adds it and keeps the work done.
func TestAPIWorkspaceFromV1AndRefresh(t *testing.T) {
	ctx := context.Background()
	p := sandbox.New(sandbox.Options{Seed: 1})
	hs := httptest.NewServer(httpapi.NewServer(p.V1(), p.V2(), httpapi.ServerOptions{Files: p.V1Files()}))
	defer hs.Close()
	active := 0
	for _, c := range p.Clients() {
		if !c.Status.Inactive() {
			active++
		}
	}
	if len(p.Clients()) != 40 || active == 0 {
		t.Fatalf("demo platform has %d clients, %d active", len(p.Clients()), active)
	}

	h := newHarness(t)
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	env := &appEnv{getenv: func(string) string { return "" }, now: time.Now, guide: checklist.Default()}
	cab, err := p.V1().Cabinet(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// As the first run (full screen or accessible) creates it.
	pass := []byte("phrase du cabinet")
	res, err := engine.CreateWorkspace(ctx, wizardWorkspaces{DB: db, env: env}, engine.NewWorkspace{Mode: tui.ModeAPI,
		SIREN: cab.Cabinet.SIREN, LegalName: cab.Cabinet.LegalName, Email: "claire.martin@example.fr", Operator: "C. Martin",
		V1URL: hs.URL, V2URL: hs.URL, ClientID: "bascule", ClientSecret: []byte("sandbox"), Passphrase: pass,
		Secrets: seedingSecrets{DB: db, guide: env.guide}})
	if err != nil {
		t.Fatal(err)
	}
	ws := res.Workspace.ID
	run, err := db.LoadRun(ws, env.guide)
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Clients) != active {
		t.Fatalf("%d dossiers after creation, want the %d active clients", len(run.Clients), active)
	}
	// Work done before the refresh must survive it.
	note := "relancé par téléphone"
	kept := checklist.Ref{Client: run.Clients[0].ID, Step: stepV1Facts}
	if _, err := db.ApplyStep(ws, run, store.StepChange{Ref: kept, Note: &note, By: "C. Martin"}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	siren := freeSIREN(t, p)
	if err := p.AddClient(connectors.Client{ID: "cli-nouveau", LegalName: "Nouvelle Épicerie SARL", SIREN: siren}); err != nil {
		t.Fatal(err)
	}
	h.env[envPassphrase] = string(pass)
	r := h.want(0, "clients", "refresh", "--workspace", ws)
	if !strings.Contains(r.stdout, "1 dossier ajouté, 0 mis à jour") || !strings.Contains(r.stdout, "+ cli-nouveau") {
		t.Fatalf("refresh output:\n%s", r.stdout)
	}
	db, err = store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	run, err = db.LoadRun(ws, env.guide)
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Clients) != active+1 || run.ClientIndex("cli-nouveau") < 0 {
		t.Fatalf("%d dossiers after refresh, want %d with cli-nouveau", len(run.Clients), active+1)
	}
	if st, err := db.StepState(ws, kept); err != nil || st.Note != note {
		t.Fatalf("work done lost by the refresh: %+v, %v", st, err)
	}

	db.Close()

	// A client that leaves V1 is marked, kept with its work; back, unmarked.
	gone := run.Clients[0].ID
	absent := func() bool {
		db, err := store.Open(h.db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		st, err := db.StepState(ws, kept)
		if err != nil || st.Note != note {
			t.Fatalf("work done lost: %+v, %v", st, err)
		}
		run, err := db.LoadRun(ws, env.guide)
		if err != nil || run.ClientIndex(gone) < 0 {
			t.Fatalf("dossier %s deleted: %v", gone, err)
		}
		return run.Clients[run.ClientIndex(gone)].LeftV1
	}
	if err := p.SetClientStatus(gone, connectors.StatusDraft); err != nil {
		t.Fatal(err)
	}
	r = h.want(0, "clients", "refresh", "--workspace", ws)
	if !strings.Contains(r.stdout, "1 absent de V1") || !strings.Contains(r.stdout, "! "+gone) || !absent() {
		t.Fatalf("client gone from V1 not marked:\n%s", r.stdout)
	}
	// A sweep rewrites the V1 checks' evidence of every dossier: the mark,
	// the dossier's own, stays (it was a finding of that evidence before).
	h.want(0, "sweep", "--workspace", ws)
	if !absent() {
		t.Fatal("a sweep after the refresh took the mark away")
	}
	if err := p.SetClientStatus(gone, connectors.StatusActive); err != nil {
		t.Fatal(err)
	}
	r = h.want(0, "clients", "refresh", "--workspace", ws)
	if !strings.Contains(r.stdout, "0 absent de V1") || absent() {
		t.Fatalf("client back on V1 still marked:\n%s", r.stdout)
	}

	// The file-export API of the same platform, over HTTP.
	h.env[envComapiKey] = "sandbox"
	base := hs.URL + httpapi.PathComapiPrefix
	r = h.want(0, "v1files", "clients", "--workspace", ws, "--url", base, "--software-id", "bascule-test")
	if !strings.Contains(r.stdout, siren) || !strings.Contains(r.stdout, "41 entreprises sur V1") {
		t.Fatalf("v1files clients:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout+r.stderr, "sandbox") {
		t.Fatal("the API key was printed")
	}
	// The key sealed in the workspace serves when the environment has none.
	delete(h.env, envComapiKey)
	h.stdin = "sandbox\n"
	if r := h.want(0, "v1files", "key", "--workspace", ws); strings.Contains(r.stdout+r.stderr, "sandbox") {
		t.Fatal("the key was printed")
	}
	h.stdin = ""
	h.want(0, "v1files", "clients", "--workspace", ws, "--url", base, "--software-id", "bascule-test")

	// comapi has no status: refreshing from it adds the inactive clients,
	// matched to the existing dossiers by SIREN.
	inactive := 41 - (active + 1)
	r = h.want(0, "clients", "refresh", "--source", "comapi", "--workspace", ws, "--url", base, "--software-id", "bascule-test")
	if want := fmt.Sprintf("%s, 0 mis à jour, %s, 0 absent", checklist.Count(inactive, "dossier ajouté", "dossiers ajoutés", "", "").FR, checklist.FormatInt(checklist.French, active+1)+" "+checklist.Plural(checklist.French, active+1, "inchangé", "inchangés")); !strings.Contains(r.stdout, want) {
		t.Fatalf("refresh from comapi, want %q:\n%s", want, r.stdout)
	}
	h.env[envComapiKey] = "wrong"
	if r := h.run("v1files", "clients", "--workspace", ws, "--url", base, "--software-id", "x"); r.code == 0 || !strings.Contains(r.stderr, "clé d'API") {
		t.Fatalf("wrong key: exit %d, %q", r.code, r.stderr)
	}
}

// TestV1FilesDemo: counts kept as evidence (V1's side of the archived line)
// and an archive downloaded with its manifest, on the demo.
func TestV1FilesDemo(t *testing.T) {
	h := newHarness(t)
	h.want(0, "status", "--demo")
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	run, err := db.LoadRun("demo", checklist.Default())
	if err != nil {
		t.Fatal(err)
	}
	id := run.Clients[0].ID
	db.Close()

	r := h.want(0, "v1files", "count", "--demo", "--client", id)
	if !strings.Contains(r.stdout, "AP/Archived") {
		t.Fatalf("count:\n%s", r.stdout)
	}
	db, err = store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := db.StepState("demo", checklist.Ref{Client: id, Step: stepV1Facts})
	db.Close()
	if err != nil || st.Evidence == nil || st.Evidence.Facts["comapi.archived"] == "" ||
		st.Evidence.Facts[checklist.FactArchived] == "" {
		t.Fatalf("counts not kept as evidence: %+v, %v", st.Evidence, err)
	}

	r = h.want(0, "v1files", "count", "--demo")
	if n := strings.Count(r.stdout, "AP/Transfer"); n != len(run.Clients) {
		t.Fatalf("%d count lines for %d dossiers:\n%s", n, len(run.Clients), r.stdout)
	}
	if r := h.run("v1files", "count", "--demo", "--client", "nope"); r.code != exitFailure || !strings.Contains(r.stderr, "introuvable") {
		t.Fatalf("unknown client: exit %d, %q", r.code, r.stderr)
	}

	out := filepath.Join(t.TempDir(), "historique")
	r = h.want(0, "v1files", "download", "--demo", "--client", id, "--out", out)
	if !strings.Contains(r.stdout, comapi.ManifestName) {
		t.Fatalf("download:\n%s", r.stdout)
	}
	if _, err := os.Stat(filepath.Join(out, comapi.ManifestName)); err != nil {
		t.Fatal(err)
	}
	h.want(2, "v1files", "download", "--demo", "--client", id)
	if r := h.want(0, "clients", "refresh", "--demo"); !strings.Contains(r.stdout, "0 dossier ajouté, 0 mis à jour") {
		t.Fatalf("refresh of an unchanged demo:\n%s", r.stdout)
	}
	h.want(2, "clients", "refresh", "--demo", "--source", "fichier")
}

// TestAPIWorkspaceV1Unreachable: a V1 that does not answer at creation does
// not fail the first run (the workspace and its secret exist); the
// workspace opens without dossiers and a refresh fills it later.
func TestAPIWorkspaceV1Unreachable(t *testing.T) {
	ctx := context.Background()
	p := sandbox.New(sandbox.Options{Seed: 5, Clients: 6})
	hs := httptest.NewServer(httpapi.NewServer(p.V1(), p.V2(), httpapi.ServerOptions{}))
	url := hs.URL
	hs.Close() // nothing listens there any more
	h := newHarness(t)
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	env := &appEnv{getenv: func(string) string { return "" }, now: time.Now, guide: checklist.Default()}
	res, err := engine.CreateWorkspace(ctx, wizardWorkspaces{DB: db, env: env}, engine.NewWorkspace{Mode: tui.ModeAPI,
		SIREN: "552008443", LegalName: "Cabinet Martin", Operator: "C. Martin",
		V1URL: url, ClientID: "bascule", ClientSecret: []byte("sandbox"), Passphrase: []byte("phrase du cabinet"),
		Secrets: seedingSecrets{DB: db, guide: env.guide}})
	if err != nil {
		t.Fatalf("first run failed on an unreachable V1: %v", err)
	}
	run, err := db.LoadRun(res.Workspace.ID, env.guide)
	if err != nil || len(run.Clients) != 0 {
		t.Fatalf("run %v, %v", run, err)
	}
	// V1 answers again at the same address.
	ws, err := db.Workspace(res.Workspace.ID)
	if err != nil {
		t.Fatal(err)
	}
	hs2 := httptest.NewServer(httpapi.NewServer(p.V1(), p.V2(), httpapi.ServerOptions{}))
	defer hs2.Close()
	ws.V1URL = hs2.URL
	if err := db.UpdateWorkspace(ws); err != nil {
		t.Fatal(err)
	}
	db.Close()
	h.env[envPassphrase] = "phrase du cabinet"
	r := h.want(0, "clients", "refresh", "--workspace", ws.ID)
	active := 0
	for _, c := range p.Clients() {
		if !c.Status.Inactive() {
			active++
		}
	}
	if want := checklist.Count(active, "dossier ajouté", "dossiers ajoutés", "", "").FR; !strings.Contains(r.stdout, want) {
		t.Fatalf("want %q:\n%s", want, r.stdout)
	}
}
