//go:build unix

package store

import (
	"errors"
	"os"
	"testing"
	"time"
)

// The lock beside the file keeps a second bascule out while the database
// file itself is being replaced, when bbolt's own lock is let go.
func TestSessionLock(t *testing.T) {
	db, path := tempDB(t)
	seedWS(t, db, "w", 5)
	backup, err := db.Backup()
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path + ".lock")
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("lock file: %v %v", fi, err)
	}
	quick := Options{Timeout: 200 * time.Millisecond}
	if _, err := Open(path, quick); !errors.Is(err, ErrInUse) {
		t.Fatalf("second Open: want in use, got %v", err)
	}
	if err := Restore(path, backup); !errors.Is(err, ErrInUse) {
		t.Fatalf("Restore while open: want in use, got %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	// The moment of a swap: only the lock file is held.
	lock, err := lockSession(path, time.Second, false)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := Open(path, quick); !errors.Is(err, ErrInUse) {
		t.Fatalf("Open during a swap: want in use, got %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("in use told after %v", d)
	}
	lock.release()

	db, err = Open(path, quick)
	if err != nil {
		t.Fatal(err)
	}
	// Read-only opens share the lock with each other.
	db.Close()
	ro1, err := Open(path, Options{Timeout: 200 * time.Millisecond, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro1.Close()
	ro2, err := Open(path, Options{Timeout: 200 * time.Millisecond, ReadOnly: true})
	if err != nil {
		t.Fatalf("second read-only Open: %v", err)
	}
	ro2.Close()
	if _, err := Open(path, quick); !errors.Is(err, ErrInUse) {
		t.Fatalf("Open for writing beside a reader: want in use, got %v", err)
	}
}
