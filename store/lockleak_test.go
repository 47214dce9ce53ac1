package store_test

import (
	"encoding/binary"
	"errors"
	"hash/fnv"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/store"
)

// TestFailedOpenReleasesLock: meta pages whose freelist page lies far past the
// end of the file (checksums fixed up) made bbolt fault inside bolt.Open after
// mapping the file, and the mapping kept the lock: the next Open in the same
// process said "in use". Both opens must report the damage instead.
func TestFailedOpenReleasesLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, _ := os.ReadFile(path)
	for _, off := range []int{0, 4096} {
		m := b[off+16 : off+16+64]
		binary.LittleEndian.PutUint64(m[32:], 1<<35) // freelist pgid
		h := fnv.New64a()
		h.Write(m[:56])
		binary.LittleEndian.PutUint64(m[56:], h.Sum64())
	}
	os.WriteFile(path, b, 0o600)
	_, err1 := store.Open(path, store.Options{Timeout: 100 * time.Millisecond})
	_, err2 := store.Open(path, store.Options{Timeout: 100 * time.Millisecond})
	if !errors.Is(err1, store.ErrDamaged) || !errors.Is(err2, store.ErrDamaged) {
		t.Fatalf("want the damage reported twice, got %v, then %v", err1, err2)
	}
}
