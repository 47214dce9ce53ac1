package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/bascule-cli/bascule/checklist"
)

// A database emptied to 0 bytes while its backups hold the cabinet's work
// is damaged: Open names the good backup and writes nothing over the file.
func TestEmptyFileWithBackups(t *testing.T) {
	db, path := tempDB(t)
	seedWS(t, db, "w", 20)
	good, err := db.Backup()
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, name := range []string{"zero", "missing"} {
		if name == "zero" {
			os.WriteFile(path, nil, 0o600)
		} else {
			os.Remove(path)
		}
		_, err := Open(path, Options{})
		var de *DamagedError
		if !errors.As(err, &de) || de.NewestBackup != good || !strings.Contains(err.Error(), "bascule restore "+good) {
			t.Fatalf("%s: want DamagedError naming %s, got %v", name, good, err)
		}
		if strings.Contains(err.Error(), "bascule db") {
			t.Fatalf("names a command that does not exist: %v", err)
		}
		if st, err := os.Stat(path); name == "zero" && (err != nil || st.Size() != 0) || name == "missing" && err == nil {
			t.Fatalf("%s: Open wrote over the file", name)
		}
	}
	// The good backup is the one to restore, and restoring it works.
	if b, ok := GoodBackup(path); !ok || b.Path != good {
		t.Fatalf("GoodBackup = %v %v", b, ok)
	}
	if err := Restore(path, good); err != nil {
		t.Fatal(err)
	}
	db = openTest(t, path)
	if run, err := db.LoadRun("w", checklist.Default()); err != nil || len(run.Clients) != 20 {
		t.Fatalf("restored: %v", err)
	}
}

// A database without any workspace does not back up over backups that hold
// one: the new copy is dropped and the five kept stay as they were.
func TestBackupRefusesEmptyOverData(t *testing.T) {
	dir := t.TempDir()
	full := filepath.Join(dir, "full", "bascule.db")
	fdb := openTest(t, full)
	seedWS(t, fdb, "w", 5)
	fdb.Close()
	path := filepath.Join(dir, "bascule.db")
	db := openTest(t, path) // no workspace, no backup yet
	raw, _ := os.ReadFile(full)
	good := path + ".backup-20261101T080000Z"
	if err := os.WriteFile(good, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	for range 7 {
		if p, err := db.Backup(); !errors.Is(err, ErrDamaged) || p != "" {
			t.Fatalf("Backup of an empty database over a good backup: %q %v", p, err)
		}
	}
	if bs, _ := Backups(path); len(bs) != 1 || bs[0].Path != good {
		t.Fatalf("backups = %v", paths(bs))
	}
	if _, err := db.SessionBackup(0); !errors.Is(err, ErrDamaged) {
		t.Fatalf("SessionBackup: %v", err)
	}
}

// flipIn flips one byte of the first occurrence of needle in the file.
func flipIn(t *testing.T, path string, needle []byte, at int) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(raw, needle)
	if i < 0 {
		t.Fatalf("%q not in the file", needle)
	}
	raw[i+at] ^= 0x01
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

// A flipped byte in a value is damage naming the client, never a
// silently different name or status.
func TestByteFlipNamesClient(t *testing.T) {
	cases := []struct {
		name, needle string
		at           int
		client       string
	}{
		{"client name", "Client 17", 7, "c00017"},
		{"step status", `"status":`, 9, "c00003"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db, path, run := seededRun(t, 30)
			ref := checklist.Ref{Step: "preparation.client.articles", Client: "c00003"}
			if _, err := db.ApplyStep("w", run, StepChange{Ref: ref, Status: st(checklist.StatusDone), By: "x"}); err != nil {
				t.Fatal(err)
			}
			db.Close()
			flipIn(t, path, []byte(tc.needle), tc.at)
			_, err := Open(path, Options{})
			var re *RecordError
			if !errors.Is(err, ErrDamaged) || !errors.As(err, &re) || re.Client != tc.client || !strings.Contains(err.Error(), tc.client) {
				t.Fatalf("want damage naming %s, got %v", tc.client, err)
			}
		})
	}
}

// A record whose checksum holds but whose content does not decode: Open
// lets it through (it decodes only summaries), Verify names its client,
// and a backup holding it is not offered for restore.
func TestUndecodableRecord(t *testing.T) {
	db, path, run := seededRun(t, 200)
	if _, err := db.Backup(); err != nil {
		t.Fatal(err)
	}
	good, _ := GoodBackup(path)
	ref := checklist.Ref{Step: "preparation.client.articles", Client: "c00168"}
	if _, err := db.ApplyStep("w", run, StepChange{Ref: ref, Status: st(checklist.StatusDone)}); err != nil {
		t.Fatal(err)
	}
	if err := db.update(func(tx *bolt.Tx) error {
		w, _ := getWS(tx, "w")
		return w.put(stepKey(ref.Client, ref.Step), []byte(`{"v":1,"d":{"status":[`))
	}); err != nil {
		t.Fatal(err)
	}
	err := db.Verify()
	var re *RecordError
	var de *DamagedError
	if !errors.As(err, &de) || !errors.As(err, &re) || re.Client != "c00168" || de.NewestBackup != good.Path {
		t.Fatalf("Verify = %v", err)
	}
	// Its backup reads back with an undecodable record: refused, the good
	// one stays the one to restore.
	if p, err := db.Backup(); !errors.Is(err, ErrDamaged) || p != "" {
		t.Fatalf("Backup of a database with an undecodable record: %q %v", p, err)
	}
	if bs, _ := Backups(path); len(bs) != 1 {
		t.Fatalf("backups = %v", paths(bs))
	}
	// A backup with an undecodable record, newer than the good one, is
	// passed over.
	db.Close()
	raw, _ := os.ReadFile(path)
	bad := path + ".backup-20991231T000000Z"
	os.WriteFile(bad, raw, 0o600)
	if b, ok := GoodBackup(path); !ok || b.Path != good.Path {
		t.Fatalf("GoodBackup = %v, want %s", b.Path, good.Path)
	}
}

// A file readable through one meta page opens, says so, and both meta
// pages are whole again afterwards.
func TestMetaPageZeroed(t *testing.T) {
	db, path := tempDB(t)
	seedWS(t, db, "w", 50)
	db.Close()
	raw, _ := os.ReadFile(path)
	m, err := precheck(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range []int{0, 1} {
		b := bytes.Clone(raw)
		clear(b[page*int(m.pageSize) : (page+1)*int(m.pageSize)])
		os.WriteFile(path, b, 0o600)
		db, err := Open(path, Options{})
		if err != nil {
			t.Fatalf("meta page %d zeroed: %v", page, err)
		}
		if p, ok := db.Recovered(); !ok || p != page {
			t.Fatalf("meta page %d: Recovered() = %d %v", page, p, ok)
		}
		if run, err := db.LoadRun("w", checklist.Default()); err != nil || len(run.Clients) != 50 {
			t.Fatalf("meta page %d: %v", page, err)
		}
		db.Close()
		now, _ := os.ReadFile(path)
		for p := range 2 {
			if _, ok := readMeta(now[p*int(m.pageSize):]); !ok {
				t.Fatalf("meta page %d still unreadable after recovery", p)
			}
		}
		db = openTest(t, path)
		if p, ok := db.Recovered(); ok {
			t.Fatalf("second open: Recovered() = %d", p)
		}
		db.Close()
	}
}
