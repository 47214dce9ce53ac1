package main

import (
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
)

// seedNoSIREN creates a files-mode workspace whose two clients have no SIREN
// and names that fold to the same ASCII.
func seedNoSIREN(t *testing.T, h *harness, mode, v1URL string) {
	t.Helper()
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ws := store.Workspace{ID: "martin", Cabinet: store.Cabinet{SIREN: "552008443", LegalName: "Cabinet Martin",
		ManagerEmail: "claire@cabinet-martin.fr"}, Operator: "cmartin", Mode: checklist.Mode(mode), V1URL: v1URL, ClientID: "bascule"}
	if err := db.CreateWorkspace(ws); err != nil {
		t.Fatal(err)
	}
	if err := db.PutDossiers("martin", []checklist.Dossier{
		{ID: "a1", Name: "Café Élise", PendingInvoices: -1},
		{ID: "a2", Name: "Cafe Elise", PendingInvoices: -1},
	}, "test"); err != nil {
		t.Fatal(err)
	}
	if mode == "api" {
		if err := db.PutSecret("martin", secretV1ClientSecret, []byte("sandbox"), []byte("phrase du cabinet")); err != nil {
			t.Fatal(err)
		}
	}
}

func readFrom(t *testing.T, path string) *mail.Address {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := mail.ReadMessage(f)
	if err != nil {
		t.Fatal(err)
	}
	from, err := m.Header.AddressList("From")
	if err != nil || len(from) != 1 {
		t.Fatalf("From of %s: %v", path, err)
	}
	return from[0]
}

// TestNotifyFilesPerClient: two clients without SIREN whose names fold to
// the same ASCII get two files (they overwrote each other), in the
// workspace's own folder; the sender is the cabinet, not the operator's
// login; --from accepts "Nom <adresse>".
func TestNotifyFilesPerClient(t *testing.T) {
	h := newHarness(t)
	seedNoSIREN(t, h, "files", "")
	out := t.TempDir()
	r := h.want(0, "notify", "--workspace", "martin", "--out", out)
	paths := strings.Fields(r.stdout)
	entries, _ := os.ReadDir(filepath.Join(out, "martin"))
	if len(paths) != 2 || len(entries) != 2 {
		t.Fatalf("%d paths printed, %d files in %s/martin, want 2 and 2:\n%s", len(paths), len(entries), out, r.stdout)
	}
	if from := readFrom(t, paths[0]); from.Name != "Cabinet Martin" || from.Address != "claire@cabinet-martin.fr" {
		t.Errorf("From %v, want the cabinet", from)
	}
	r = h.want(0, "notify", "--workspace", "martin", "--out", out, "--from", "Claire Martin <claire.martin@cabinet-martin.fr>")
	if from := readFrom(t, strings.Fields(r.stdout)[0]); from.Name != "Claire Martin" || from.Address != "claire.martin@cabinet-martin.fr" {
		t.Errorf("From %v", from)
	}
	h.want(2, "notify", "--workspace", "martin", "--out", out, "--from", "Claire <pas une adresse")

	// A second workspace in the same output folder keeps its own folder.
	h.want(0, "notify", "--demo", "--demo-clients", "3", "--out", out)
	if entries, _ := os.ReadDir(filepath.Join(out, "martin")); len(entries) != 2 {
		t.Errorf("the demo wrote into martin's folder: %d files", len(entries))
	}
	if entries, _ := os.ReadDir(filepath.Join(out, "demo-3")); len(entries) == 0 {
		t.Error("no folder for the demo workspace")
	}
}

// TestNotifyWrongPassphrase: a passphrase that does not open the V1
// credentials fails (exit 1) instead of writing messages without
// recipients.
func TestNotifyWrongPassphrase(t *testing.T) {
	h := newHarness(t)
	seedNoSIREN(t, h, "api", "http://127.0.0.1:9")
	out := t.TempDir()
	h.env[envPassphrase] = "pas la bonne phrase"
	r := h.want(1, "notify", "--workspace", "martin", "--out", out)
	if !strings.Contains(r.stderr, "phrase secrète") {
		t.Errorf("stderr: %q", r.stderr)
	}
	if entries, _ := os.ReadDir(filepath.Join(out, "martin")); len(entries) != 0 {
		t.Errorf("%d messages written with a wrong passphrase", len(entries))
	}
}
