package store

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// Opening the store removes what a backup cut short by a crash left beside
// the database (atomicfile's temporary files, a minute old), and nothing
// else; a read-only open removes nothing.
func TestOpenRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bascule.db")
	old := time.Now().Add(-2 * time.Minute)
	for _, name := range []string{".bascule-123.tmp", "notes.tmp"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	names := func() []string {
		es, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return out
	}
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	got := names()
	if slices.Contains(got, ".bascule-123.tmp") || !slices.Contains(got, "notes.tmp") {
		t.Fatalf("after open: %v", got)
	}

	p := filepath.Join(dir, ".bascule-456.tmp")
	if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, old, old); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if !slices.Contains(names(), ".bascule-456.tmp") {
		t.Fatal("a read-only open removed a file")
	}
}
