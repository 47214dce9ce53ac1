package store_test

// These fuzz targets use only the exported API of store, so that they do not
// depend on its internal layout.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
)

func fuzzClock() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }

// fuzzExport builds a small workspace (two dossiers, one step done, the
// request recorded) in db and returns its export.
func fuzzExport(f *testing.F, db *store.DB, id string) []byte {
	f.Helper()
	if err := db.CreateWorkspace(store.Workspace{ID: id, Cabinet: store.Cabinet{SIREN: "552008443", LegalName: "Cabinet Martin"}, Operator: "C. Martin"}); err != nil {
		f.Fatal(err)
	}
	if err := db.PutDossiers(id, []checklist.Dossier{
		{ID: "c1", Name: "Boulangerie Lefèvre", SIREN: "404833047", PendingInvoices: 3},
		{ID: "c2", Name: "\x1b[2JCafé\u202e", SIREN: "552008443", Payment: true, PendingInvoices: -1},
	}, "C. Martin"); err != nil {
		f.Fatal(err)
	}
	run, err := db.LoadRun(id, checklist.Default())
	if err != nil {
		f.Fatal(err)
	}
	done := checklist.StatusBlocked
	if _, err := db.ApplyStep(id, run, store.StepChange{Ref: checklist.Ref{Step: "registration.comptexpert"}, Status: &done, Reason: "attente", By: "C. Martin"}); err != nil {
		f.Fatal(err)
	}
	if err := db.SetRequest(id, run, checklist.RequestRecord{SubmittedAt: fuzzClock(), Reference: "MIG-1", State: "submitted"}, "C. Martin"); err != nil {
		f.Fatal(err)
	}
	var b bytes.Buffer
	if err := db.Export(id, &b, false); err != nil {
		f.Fatal(err)
	}
	return b.Bytes()
}

// runView is what a run shows: dossiers and statuses.
func runView(t *testing.T, db *store.DB, id string) []checklist.ClientRun {
	t.Helper()
	run, err := db.LoadRun(id, checklist.Default())
	if err != nil {
		t.Fatalf("imported workspace %q does not load: %v", id, err)
	}
	return run.Clients
}

// Properties of Import of arbitrary bytes into a database: no panic; on
// error no workspace is created or changed (Workspaces() is unchanged); on
// success the workspace is listed, its run loads, and its export imports
// again (under another id) to the same run.
//
// One database serves every input of a fuzzing process (a fresh one per
// input would cost a file creation and several fsyncs): the properties hold
// whatever it already holds.
func FuzzImport(f *testing.F) {
	db, err := store.Open(filepath.Join(f.TempDir(), "seed.db"), store.Options{Timeout: time.Second, Now: fuzzClock})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	good := fuzzExport(f, db, "martin") // stays: importing it as is meets ErrExists

	f.Add(good, uint8(0))
	f.Add(good, uint8(1))
	for _, s := range []string{
		`{"format":"bascule-workspace","version":1,"workspace":{"id":"w"}}`,
		`{"format":"bascule-workspace","version":1,"workspace":{"id":"w"},"clients":[{"id":"a","order":1},{"id":"a","order":1}]}`,
		`{"format":"bascule-workspace","version":1,"workspace":{"id":"w"},"clients":[{"id":"a\u0000b"}]}`,
		`{"format":"bascule-workspace","version":1,"workspace":{"id":"w"},"steps":[{"ref":{"step":"nope","client":"zz"},"state":{"status":9}}]}`,
		`{"format":"bascule-workspace","version":1,"workspace":{"id":"w"},"events":[{"seq":18446744073709551615,"action":"x"}],"overrides":[{"gate":""}]}`,
		`{"format":"bascule-workspace","version":1,"workspace":{"id":"w"},"secrets":{"keycheck":null,"sealed":{"v1.client_secret":"AAAA"}}}`,
		`{"format":"bascule-workspace","version":2,"workspace":{"id":"w"}}`,
		`{"format":"bascule-workspace","version":1,"workspace":{"id":"  "}}`,
		`{"format":"bascule-workspace","version":1,"workspace":{"id":"../../etc"}}`,
		`{"format":"other","version":1}`,
		`{"format":"bascule-workspace","version":1,"workspace":{"id":"w"}} trailing`,
		`[]`, ``, `null`,
	} {
		f.Add([]byte(s), uint8(0))
	}

	f.Fuzz(func(t *testing.T, data []byte, mode uint8) {
		var opt store.ImportOptions
		switch mode % 3 {
		case 1:
			opt = store.ImportOptions{RenameTo: "fuzz", Replace: true}
		case 2:
			opt = store.ImportOptions{RenameTo: "fuzz"}
		}
		before, err := db.Workspaces()
		if err != nil {
			t.Fatal(err)
		}
		id, err := db.Import(bytes.NewReader(data), opt)
		after, err2 := db.Workspaces()
		if err2 != nil {
			t.Fatalf("Workspaces after Import: %v", err2)
		}
		if err != nil {
			if id != "" {
				t.Fatalf("failed Import returned id %q", id)
			}
			if !reflect.DeepEqual(before, after) {
				t.Fatalf("failed Import (%v) changed the workspaces:\n%+v\n%+v", err, before, after)
			}
			return
		}
		if opt.RenameTo != "" && id != opt.RenameTo {
			t.Fatalf("imported as %q, asked %q", id, opt.RenameTo)
		}
		listed := false
		for _, w := range after {
			listed = listed || w.ID == id
		}
		if !listed {
			t.Fatalf("imported workspace %q not listed", id)
		}
		for _, w := range before { // the others are untouched
			if w.ID == id {
				continue
			}
			if got, err := db.Workspace(w.ID); err != nil || !reflect.DeepEqual(got, w) {
				t.Fatalf("workspace %q changed by importing %q: %+v, %v", w.ID, id, got, err)
			}
		}
		view := runView(t, db, id)

		var exp bytes.Buffer
		if err := db.Export(id, &exp, true); err != nil {
			t.Fatalf("imported workspace %q does not export: %v", id, err)
		}
		rt, err := db.Import(bytes.NewReader(exp.Bytes()), store.ImportOptions{RenameTo: "fuzz-rt", Replace: true})
		if err != nil {
			t.Fatalf("export of imported %q does not import again: %v", id, err)
		}
		if got := runView(t, db, rt); !reflect.DeepEqual(got, view) {
			t.Fatalf("run changed through export and import:\n%+v\n%+v", view, got)
		}
	})
}

// bboltMagic is bbolt's meta-page magic, little-endian, as in a file.
var bboltMagic = binary.LittleEndian.AppendUint32(nil, 0xED0CDAED)

// Properties of Open on a file holding arbitrary bytes: no panic (a damaged
// file is caught, not mapped blindly); a file that is not a bbolt database
// is refused with an error, never taken for one in use; a file that opens
// passes Check, lists its workspaces and closes (loading a run may fail,
// but not panic).
//
// An input is either the whole file (whole), or bytes written over a real
// database of one workspace at offset off: inputs stay a few bytes long, so
// the fuzzer does not spend a short run minimising 24 KiB files, and most
// of them reach past bbolt's header into its pages and store's records.
// uncleanFile is a database with a workspace whose last session did not
// end with Close.
func uncleanFile(f *testing.F) []byte {
	path := filepath.Join(f.TempDir(), "unclean.db")
	db, err := store.Open(path, store.Options{Timeout: time.Second, Now: fuzzClock})
	if err != nil {
		f.Fatal(err)
	}
	fuzzExport(f, db, "martin")
	if err := store.AbandonForTest(db); err != nil {
		f.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	return b
}

func FuzzOpen(f *testing.F) {
	dir := f.TempDir()
	seed := filepath.Join(dir, "seed.db")
	db, err := store.Open(seed, store.Options{Timeout: time.Second, Now: fuzzClock})
	if err != nil {
		f.Fatal(err)
	}
	fuzzExport(f, db, "martin")
	if err := db.Close(); err != nil {
		f.Fatal(err)
	}
	real, err := os.ReadFile(seed)
	if err != nil {
		f.Fatal(err)
	}
	// bbolt allocates the file ahead: keep the pages in use only (the
	// high-water mark of the first meta page).
	if used := int(binary.LittleEndian.Uint64(real[16+40:]) * uint64(binary.LittleEndian.Uint32(real[16+8:]))); used >= 3*4096 && used < len(real) {
		real = real[:used]
	}

	// The same workspace after a session that did not end with Close (no
	// freelist on disk), as a whole file.
	f.Add(uncleanFile(f), uint32(0), true)
	for _, s := range []struct {
		data  string
		off   uint32
		whole bool
	}{
		{"", 0, false},                           // the real file as is
		{"\xff", 4096*2 + 20, false},             // a byte of the first page after the metas
		{"\x00\x00\x00\x00", 16, false},          // first meta's magic
		{"\x00\x00\x00\x10", 16 + 40, false},     // first meta's high-water mark
		{"\x00\x00\x00\x00\x08", 16 + 32, false}, // first meta's freelist page, far away
		{"\x7f", 4096*3 + 3, false},
		{"", 0, true},
		{"garbage", 0, true},
		{"SQLite format 3\x00", 0, true},
		{string(bytes.Repeat([]byte{0}, 128)), 0, true},
	} {
		f.Add([]byte(s.data), s.off, s.whole)
	}

	f.Fuzz(func(t *testing.T, data []byte, off uint32, whole bool) {
		file := data
		if !whole {
			file = bytes.Clone(real)
			at := int(off % uint32(len(real)))
			copy(file[at:], data)
		}
		// A fresh folder per input: Open may leave backups beside the file.
		path := filepath.Join(t.TempDir(), "fuzz.db")
		if err := os.WriteFile(path, file, 0o600); err != nil {
			t.Fatal(err)
		}
		db, err := store.Open(path, store.Options{Timeout: 100 * time.Millisecond, Now: fuzzClock})
		if err != nil {
			if db != nil {
				t.Fatalf("Open failed (%v) but returned a database", err)
			}
			if errors.Is(err, store.ErrInUse) {
				t.Fatalf("Open of a file nobody holds: %v", err)
			}
			return
		}
		defer func() {
			if err := db.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
		}()
		if len(file) > 0 && !bytes.Contains(file, bboltMagic) {
			t.Fatalf("a file without bbolt's magic opened (%d bytes)", len(file))
		}
		if err := db.Check(); err != nil {
			t.Fatalf("Open accepted a file Check refuses: %v", err)
		}
		wss, err := db.Workspaces()
		if err != nil {
			return
		}
		for _, w := range wss {
			db.LoadRun(w.ID, checklist.Default()) // an error is fine, a panic is not
		}
	})
}
