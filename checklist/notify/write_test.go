package notify

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func digest8(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}

func batch() Batch {
	return Batch{
		Workspace: "martin", CabinetName: "Cabinet Martin & Associés", SenderEmail: "claire.martin@cabinet-martin.fr",
		Date: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC),
		Clients: []Recipient{
			// No SIREN, names that fold to the same ASCII: the old naming
			// (SIREN + slug) wrote both into one file.
			{ID: "cli-1", Name: "Café Élise", PendingInvoices: -1},
			{ID: "cli-2", Name: "Cafe Elise", PendingInvoices: -1, ContactEmail: "elise@cafe.fr"},
			{ID: "../../x", Name: "../../etc/passwd", PendingInvoices: -1},
		},
	}
}

func TestWriteAllUniqueSafeFiles(t *testing.T) {
	root := t.TempDir()
	var seen []string
	w, err := WriteAll(context.Background(), root, batch(), func(p string) { seen = append(seen, p) })
	if err != nil {
		t.Fatal(err)
	}
	if w.Dir != filepath.Join(root, "martin") {
		t.Errorf("dir %s", w.Dir)
	}
	entries, _ := os.ReadDir(w.Dir)
	if len(entries) != 3 || len(w.Paths) != 3 || len(seen) != 3 {
		t.Fatalf("%d files, %d paths, %d callbacks, want 3", len(entries), len(w.Paths), len(seen))
	}
	if w.NoContact != 2 {
		t.Errorf("no contact = %d", w.NoContact)
	}
	st, _ := os.Stat(w.Dir)
	if st.Mode().Perm() != 0o700 {
		t.Errorf("dir mode %v", st.Mode().Perm())
	}
	for _, p := range w.Paths {
		if filepath.Dir(p) != w.Dir {
			t.Errorf("%s written outside %s", p, w.Dir)
		}
		st, err := os.Stat(p)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v", p, err)
		}
		f, _ := os.Open(p)
		m, err := mail.ReadMessage(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		from, err := m.Header.AddressList("From")
		if err != nil || from[0].Name != "Cabinet Martin & Associés" {
			t.Errorf("From %v %v: the sender is the cabinet", from, err)
		}
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func TestWriteAllWorkspaceFolders(t *testing.T) {
	root := t.TempDir()
	a, b := batch(), batch()
	b.Workspace = "dupont"
	wa, err := WriteAll(context.Background(), root, a, nil)
	if err != nil {
		t.Fatal(err)
	}
	wb, err := WriteAll(context.Background(), root, b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if wa.Dir == wb.Dir {
		t.Fatal("two workspaces share a folder")
	}
	if d := Dir(root, "../../evil"); filepath.Dir(d) != root {
		t.Errorf("workspace folder %s climbs out of %s", d, root)
	}
}

func TestWriteAllRefusesDuplicateNames(t *testing.T) {
	b := batch()
	b.Clients = append(b.Clients, b.Clients[0])
	if _, err := WriteAll(context.Background(), t.TempDir(), b, nil); err == nil || !strings.Contains(err.Error(), "même fichier") {
		t.Fatalf("duplicate id: %v", err)
	}
}

func TestWriteAllSenderName(t *testing.T) {
	b := batch()
	b.SenderName = "Claire Martin"
	w, err := WriteAll(context.Background(), t.TempDir(), b, nil)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(w.Paths[0])
	defer f.Close()
	m, _ := mail.ReadMessage(f)
	if from, _ := m.Header.AddressList("From"); len(from) != 1 || from[0].Name != "Claire Martin" {
		t.Errorf("From %v", from)
	}
}

func TestWriteFileErrorIsPlain(t *testing.T) {
	root := t.TempDir()
	blocker := filepath.Join(root, "martin")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := WriteAll(context.Background(), root, batch(), nil)
	if err == nil || strings.Contains(err.Error(), "mkdir") || strings.Contains(err.Error(), "not a directory") {
		t.Fatalf("error: %v", err)
	}
}
