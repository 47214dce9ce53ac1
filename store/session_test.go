package store

import (
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
)

// closeUnclean ends a session the way a crash or kill -9 does: the file is
// let go without the freelist written by Close.
func closeUnclean(t *testing.T, db *DB) {
	t.Helper()
	db.mu.Lock()
	defer db.mu.Unlock()
	if err := db.bolt.Close(); err != nil {
		t.Fatal(err)
	}
	db.bolt = nil
	db.lock.release() // a process that dies lets its locks go
	db.lock = nil
}

func freelistSynced(t *testing.T, path string) bool {
	t.Helper()
	m, err := precheck(path)
	if err != nil {
		t.Fatal(err)
	}
	return m.freelist != noFreelist
}

// A session writes no freelist at each commit; Close writes it once.
func TestSessionFreelist(t *testing.T) {
	db, path, run := seededRun(t, 20)
	if _, err := db.ApplyStep("w", run, StepChange{Ref: checklist.Ref{Step: "preparation.client.articles", Client: run.Clients[3].ID}, Status: st(checklist.StatusDone), By: "t"}); err != nil {
		t.Fatal(err)
	}
	if freelistSynced(t, path) {
		t.Fatal("the freelist was written during the session")
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if !freelistSynced(t, path) {
		t.Fatal("Close did not write the freelist")
	}
	db = openTest(t, path)
	if err := db.Check(); err != nil {
		t.Fatal(err)
	}
}

// After a session that did not end with Close, Open rebuilds the freelist:
// every change is there, the file checks, and the next Close writes the
// freelist again.
func TestUncleanSessionReopens(t *testing.T) {
	db, path, run := seededRun(t, 50)
	for i, c := range run.Clients {
		if _, err := db.ApplyStep("w", run, StepChange{Ref: checklist.Ref{Step: "preparation.client.articles", Client: c.ID}, Status: st(checklist.StatusDone), Note: str(strings.Repeat("n", i)), By: "t"}); err != nil {
			t.Fatal(err)
		}
	}
	closeUnclean(t, db)
	if freelistSynced(t, path) {
		t.Fatal("fixture: the freelist is on disk")
	}
	for round := range 2 {
		db = openTest(t, path)
		if err := db.Check(); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		got, err := db.LoadRun("w", checklist.Default())
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range got.Clients {
			if s, _ := got.Status(checklist.Ref{Step: "preparation.client.articles", Client: c.ID}); s != checklist.StatusDone {
				t.Fatalf("round %d: %s lost its change", round, c.ID)
			}
		}
		// More changes on the rebuilt freelist, then the other way out.
		if _, err := db.ApplyStep("w", got, StepChange{Ref: checklist.Ref{Step: "preparation.client.logo", Client: got.Clients[round].ID}, Status: st(checklist.StatusDone), By: "t"}); err != nil {
			t.Fatal(err)
		}
		if round == 0 {
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			if !freelistSynced(t, path) {
				t.Fatal("Close did not write the freelist")
			}
		} else {
			closeUnclean(t, db)
		}
	}
}

// leafEdit finds the first leaf page holding a key for which edit returns
// true (edit gets the page and the element's key, value and element
// offsets) and returns the changed file.
func leafEdit(t *testing.T, raw []byte, edit func(pg []byte, elem, key, val int) bool) []byte {
	t.Helper()
	out := append([]byte(nil), raw...)
	le := binary.LittleEndian
	for p := 2; (p+1)*4096 <= len(out); p++ {
		pg := out[p*4096 : (p+1)*4096]
		if le.Uint64(pg) != uint64(p) || le.Uint16(pg[8:]) != pageLeaf {
			continue
		}
		for i := 0; i < int(le.Uint16(pg[10:])); i++ {
			e := 16 + 16*i
			pos, ks := int(le.Uint32(pg[e+4:])), int(le.Uint32(pg[e+8:]))
			if e+pos+ks > len(pg) {
				continue
			}
			if edit(pg, e, e+pos, e+pos+ks) {
				return out
			}
		}
	}
	t.Fatal("fixture: no leaf element to edit")
	return nil
}

// Damage in a file whose last session did not end with Close: bbolt would
// read every page in a goroutine of its own to rebuild the freelist. Open
// must report the damage (never a crash), and leave the file free: once the
// good bytes are back, the next Open in the same process works.
func TestUncleanDamage(t *testing.T) {
	db, path := tempDB(t)
	seedWS(t, db, "w", 300)
	fillPersonal(t, db, "w")
	closeUnclean(t, db)
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	cases := map[string]func(pg []byte, elem, key, val int) bool{
		// A value said to be 1 GiB long: its bytes lie past the end.
		"value past the end": func(pg []byte, elem, key, val int) bool {
			if !strings.HasPrefix(string(pg[key:val]), "cc00010") {
				return false
			}
			le.PutUint32(pg[elem+12:], 1<<30)
			return true
		},
		// A key said to start 1 GiB further: bbolt's check reads keys.
		"key past the end": func(pg []byte, elem, key, val int) bool {
			if !strings.HasPrefix(string(pg[key:val]), "cc00020") {
				return false
			}
			le.PutUint32(pg[elem+4:], 1<<30)
			return true
		},
		// A key zeroed: it now sorts before the one in front of it.
		"keys out of order": func(pg []byte, elem, key, val int) bool {
			if elem < 16+16*5 || val-key < 4 {
				return false
			}
			clear(pg[key:val])
			return true
		},
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			// Files are replaced, not rewritten in place: a goroutine bbolt
			// left behind may still be reading the old one's mapping.
			if err := replaceFile(path, leafEdit(t, orig, edit)); err != nil {
				t.Fatal(err)
			}
			_, err := Open(path, Options{Timeout: 200 * time.Millisecond})
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("Open: want DamagedError, got %v", err)
			}
			// Found by the read-only walk, before bbolt's own (see
			// walkAddresses).
			if strings.Contains(err.Error(), "freepages") {
				t.Fatalf("found by bbolt's walk, not the read-only one: %v", err)
			}
			if err := replaceFile(path, orig); err != nil {
				t.Fatal(err)
			}
			db, err := Open(path, Options{Timeout: 200 * time.Millisecond})
			if err != nil {
				t.Fatalf("Open after repair: %v", err)
			}
			closeUnclean(t, db)
		})
	}
}

// A freelist page of the wrong type made bbolt panic after mapping the
// file, and the mapping kept the lock for the rest of the process.
func TestGarbageFreelistPage(t *testing.T) {
	db, path := tempDB(t)
	seedWS(t, db, "w", 100)
	db.Close()
	m, err := precheck(path)
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := os.ReadFile(path)
	bad := append([]byte(nil), orig...)
	for i := int(m.freelist) * 4096; i < int(m.freelist+1)*4096; i++ {
		bad[i] = 0xFF ^ byte(i*7)
	}
	os.WriteFile(path, bad, 0o600)
	for range 2 {
		if _, err := Open(path, Options{Timeout: 200 * time.Millisecond}); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "liste libre") {
			t.Fatalf("Open: want DamagedError naming the freelist, got %v", err)
		}
	}
	os.WriteFile(path, orig, 0o600)
	db, err = Open(path, Options{Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
}

// A branch page whose element says its key lies far away: bbolt's check
// reads branch keys in a goroutine of its own, where the fault would kill
// the process; Open's walk must catch it first, clean or unclean file.
func TestBranchKeyPastTheEnd(t *testing.T) {
	for _, clean := range []bool{true, false} {
		db, path := tempDB(t)
		seedWS(t, db, "w", 800)
		if clean {
			db.Close()
		} else {
			closeUnclean(t, db)
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		le := binary.LittleEndian
		found := false
		for p := 2; (p+1)*4096 <= len(raw) && !found; p++ {
			pg := raw[p*4096 : (p+1)*4096]
			if le.Uint64(pg) == uint64(p) && le.Uint16(pg[8:]) == pageBranch && le.Uint16(pg[10:]) > 2 {
				le.PutUint32(pg[16+16*1:], 1<<30) // element 1's key offset
				found = true
			}
		}
		if !found {
			t.Fatal("fixture: no branch page")
		}
		os.WriteFile(path, raw, 0o600)
		_, err = Open(path, Options{Timeout: 200 * time.Millisecond})
		if !errors.Is(err, ErrDamaged) {
			t.Fatalf("clean=%v: want DamagedError, got %v", clean, err)
		}
	}
}

// replaceFile puts b at path through a new file and a rename.
func replaceFile(path string, b []byte) error {
	if err := os.WriteFile(path+".new", b, 0o600); err != nil {
		return err
	}
	return os.Rename(path+".new", path)
}

// A read-only open reads everything, writes nothing, and leaves the file as
// it was, even at Close.
func TestReadOnly(t *testing.T) {
	db, path := tempDB(t)
	seedWS(t, db, "w", 40)
	db.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	run, err := ro.LoadRun("w", checklist.Default())
	if err != nil || len(run.Clients) != 40 {
		t.Fatalf("LoadRun: %d clients, %v", len(run.Clients), err)
	}
	_, err = ro.ApplyStep("w", run, StepChange{Ref: checklist.Ref{Step: "preparation.client.articles", Client: run.Clients[0].ID}, Status: st(checklist.StatusDone), By: "t"})
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("ApplyStep: want ErrReadOnly, got %v", err)
	}
	if err := ro.Check(); err != nil {
		t.Fatal(err)
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Fatal("a read-only session changed the file")
	}
}
