package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
)

var testKDF = &kdfParams{KDF: "argon2id", Time: 1, Memory: 64, Threads: 1}

type clock struct{ t time.Time }

func (c *clock) now() time.Time { c.t = c.t.Add(time.Second); return c.t }

func openTest(t testing.TB, path string) *DB {
	t.Helper()
	c := &clock{t: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)}
	db, err := Open(path, Options{Now: c.now, kdf: testKDF})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func tempDB(t testing.TB) (*DB, string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "data", "bascule.db")
	return openTest(t, p), p
}

func dossiers(n int) []checklist.Dossier {
	out := make([]checklist.Dossier, n)
	for i := range out {
		out[i] = checklist.Dossier{ID: fmt.Sprintf("c%05d", i), Name: fmt.Sprintf("Client %d", i),
			SIREN: "552008443", Payment: i%3 == 0, PendingInvoices: -1}
	}
	return out
}

func seedWS(t testing.TB, db *DB, id string, n int) {
	t.Helper()
	if err := db.CreateWorkspace(Workspace{ID: id, Cabinet: Cabinet{SIREN: "552008443", LegalName: "Cabinet Martin"}, Operator: "C. Martin", Mode: "demo"}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutDossiers(id, dossiers(n), "C. Martin"); err != nil {
		t.Fatal(err)
	}
}

func st(s checklist.Status) *checklist.Status { return &s }
func str(s string) *string                    { return &s }

// seededRun opens a fresh database with a workspace "w" of n clients and
// returns its run.
func seededRun(t testing.TB, n int) (*DB, string, *checklist.Run) {
	t.Helper()
	db, path := tempDB(t)
	seedWS(t, db, "w", n)
	run, err := db.LoadRun("w", checklist.Default())
	if err != nil {
		t.Fatal(err)
	}
	return db, path, run
}
