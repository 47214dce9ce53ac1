package main

import (
	"bufio"
	"bytes"
	"context"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/sandbox"
	"github.com/bascule-cli/bascule/store"
)

// failingV1 wraps the demo's V1 and fails for one client, as a flaky
// platform would.
type failingV1 struct {
	connectors.V1
	fail string
}

func (f failingV1) ClientSnapshot(ctx context.Context, id string) (connectors.V1Snapshot, error) {
	if id == f.fail {
		return connectors.V1Snapshot{}, &connectors.Error{Op: "v1.ClientSnapshot", Kind: connectors.ErrUnavailable}
	}
	return f.V1.ClientSnapshot(ctx, id)
}

func TestSweepContinuesOnError(t *testing.T) {
	h := newHarness(t)
	h.want(0, "status", "--demo")
	var out, errb bytes.Buffer
	env := &appEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" },
		now: time.Now, dbFlag: h.db, demo: true}
	if err := env.resolve(nil); err != nil {
		t.Fatal(err)
	}
	s, err := env.openSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bad := s.run.Clients[3].ID
	err = runSweep(context.Background(), env, s, failingV1{V1: demoPlatform(demoOptions{}).V1(), fail: bad}, 4)
	if code := env.finish(context.Background(), err); code != exitFailure {
		t.Fatalf("exit %d with a failed client, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != len(s.run.Clients) {
		t.Errorf("%d result lines for %d clients", len(lines), len(s.run.Clients))
	}
	if !strings.Contains(lines[3], bad) || !strings.Contains(lines[3], "ERREUR") {
		t.Errorf("failed client line: %q", lines[3])
	}
	if !strings.Contains(errb.String(), "1 en échec") {
		t.Errorf("stderr: %q", errb.String())
	}
	// The others were saved.
	if n := s.run.Clients[4].PendingInvoices; n < 0 {
		t.Errorf("client after the failure not recorded: %d", n)
	}
}

// TestSweepAPIMode: `bascule sweep` on an API-mode workspace, against the
// simulated platform served over loopback HTTP, the client secret read from
// the store with BASCULE_PASSPHRASE; without the passphrase (and no
// terminal to type it) it says what is missing.
func TestSweepAPIMode(t *testing.T) {
	ctx := context.Background()
	p := sandbox.New(sandbox.Options{Seed: 3, Clients: 12})
	hs := httptest.NewServer(httpapi.NewServer(p.V1(), p.V2(), httpapi.ServerOptions{}))
	defer hs.Close()
	cab, err := p.V1().Cabinet(ctx)
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t)
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ws := store.Workspace{ID: "martin", Cabinet: store.Cabinet{SIREN: cab.Cabinet.SIREN, LegalName: cab.Cabinet.LegalName},
		Operator: "C. Martin", Mode: "api", V1URL: hs.URL, V2URL: hs.URL, ClientID: "bascule"}
	if err := db.CreateWorkspace(ws); err != nil {
		t.Fatal(err)
	}
	var ds []checklist.Dossier
	for _, c := range cab.Clients {
		if !c.Status.Inactive() {
			ds = append(ds, checklist.Dossier{ID: c.ID, Name: c.LegalName, SIREN: c.SIREN, PendingInvoices: -1})
		}
	}
	if err := db.PutDossiers("martin", ds, "C. Martin"); err != nil {
		t.Fatal(err)
	}
	if err := db.PutSecret("martin", secretV1ClientSecret, []byte("sandbox"), []byte("phrase du cabinet")); err != nil {
		t.Fatal(err)
	}
	db.Close()

	r := h.run("sweep", "--workspace", "martin")
	if r.code != exitFailure || !strings.Contains(r.stderr, "la phrase secrète est requise") {
		t.Fatalf("without passphrase: exit %d, stderr %q", r.code, r.stderr)
	}
	h.env[envPassphrase] = "pas la bonne"
	if r := h.run("sweep", "--workspace", "martin"); r.code == 0 || strings.Contains(r.stderr, "sandbox") || !strings.Contains(r.stderr, "phrase secrète") {
		t.Fatalf("wrong passphrase: exit %d, stderr %q", r.code, r.stderr)
	}
	h.env[envPassphrase] = "phrase du cabinet"
	r = h.want(0, "sweep", "--workspace", "martin")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != len(ds) {
		t.Fatalf("%d result lines for %d clients:\n%s", len(lines), len(ds), r.stdout)
	}
	if strings.Contains(r.stdout+r.stderr, "sandbox") {
		t.Fatal("the client secret was printed")
	}
	// The results are in the store: every dossier has its pending count.
	db, err = store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	run, err := db.LoadRun("martin", checklist.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range run.Clients {
		if c.PendingInvoices < 0 {
			t.Errorf("%s: no pending count recorded", c.ID)
		}
	}
}

// savedCheckWriter is stdout for a sweep: at every line printed it reads the
// database, as a reader after kill -9 would, and records the clients
// printed before their result was saved.
type savedCheckWriter struct {
	t       *testing.T
	s       *session
	buf     bytes.Buffer
	printed int
	unsaved []string
}

func (w *savedCheckWriter) Write(p []byte) (int, error) {
	w.buf.Write(p)
	for _, l := range strings.Split(strings.TrimSpace(string(p)), "\n") {
		id, _, _ := strings.Cut(l, "\t")
		w.printed++
		st, err := w.s.db.StepState(w.s.ws.ID, checklist.Ref{Step: "preparation.client.pending_invoices", Client: id})
		if err != nil || st.Evidence == nil {
			w.unsaved = append(w.unsaved, id)
		}
	}
	return len(p), nil
}

// TestSweepSavedBeforeShown: every result line printed is already in the
// database when it appears (it was printed before the batch was saved:
// after kill -9, 835 printed, 500 saved).
func TestSweepSavedBeforeShown(t *testing.T) {
	h := newHarness(t)
	h.want(0, "status", "--demo")
	var errb bytes.Buffer
	env := &appEnv{stdin: strings.NewReader(""), stderr: &errb, getenv: func(string) string { return "" },
		now: time.Now, dbFlag: h.db, demo: true}
	if err := env.resolve(nil); err != nil {
		t.Fatal(err)
	}
	s, err := env.openSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w := &savedCheckWriter{t: t, s: s}
	env.stdout = w
	if err := runSweep(context.Background(), env, s, demoPlatform(demoOptions{}).V1(), 4); err != nil {
		t.Fatal(err)
	}
	if w.printed != len(s.run.Clients) {
		t.Fatalf("%d lines printed for %d clients", w.printed, len(s.run.Clients))
	}
	if len(w.unsaved) > 0 {
		t.Fatalf("%d line(s) printed before their result was saved, first %s", len(w.unsaved), w.unsaved[0])
	}
}

// TestSweepKill9PrintedSaved runs the real binary, kills it with SIGKILL as
// soon as it has printed a result, and reopens the database: every line
// printed must be saved (835 printed, 500 saved before).
func TestSweepKill9PrintedSaved(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a child process")
	}
	bin := testBinary(t)
	db := filepath.Join(t.TempDir(), "bascule.db")
	base := []string{"--db", db, "--demo-clients", "1500"}
	if out, err := exec.Command(bin, append(base, "status")...).CombinedOutput(); err != nil {
		t.Fatalf("status: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, append(base, "sweep")...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	var printed []string
	if sc.Scan() {
		printed = append(printed, sc.Text())
		_ = cmd.Process.Kill()
	}
	for sc.Scan() { // what reached the pipe before the kill was printed too
		printed = append(printed, sc.Text())
	}
	_ = cmd.Wait()
	if len(printed) == 0 {
		t.Fatal("nothing printed")
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	unsaved := 0
	for _, l := range printed {
		id, _, _ := strings.Cut(l, "\t")
		st, err := s.StepState("demo-1500", checklist.Ref{Step: "preparation.client.pending_invoices", Client: id})
		if err != nil || st.Evidence == nil {
			unsaved++
		}
	}
	t.Logf("%d line(s) printed before the kill", len(printed))
	if unsaved > 0 {
		t.Errorf("%d of %d printed line(s) not in the database", unsaved, len(printed))
	}
}
