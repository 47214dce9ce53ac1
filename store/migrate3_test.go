package store

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/bascule-cli/bascule/checklist"
)

// writeV2 builds a version-2 database: the version-1 fixture, migrated by
// the version-2 migration only, as a bascule of schema 2 left it.
func writeV2(t *testing.T, path string) v1Fixture {
	t.Helper()
	f := writeV1(t, path)
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.Update(func(tx *bolt.Tx) error { return migrateTx(tx, migrations(), 1, 2) }); err != nil {
		t.Fatal(err)
	}
	return f
}

func fileVersion(t *testing.T, path string) uint64 {
	t.Helper()
	b, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var v uint64
	b.View(func(tx *bolt.Tx) error { v, _ = readVersion(tx); return nil })
	return v
}

func TestMigrationTo3(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bascule.db")
	f := writeV2(t, path)
	if v := fileVersion(t, path); v != 2 {
		t.Fatalf("fixture at schema %d", v)
	}
	db := openTest(t, path)
	if v, err := db.SchemaVersion(); err != nil || v != 3 {
		t.Fatalf("version = %d %v", v, err)
	}
	if err := db.Verify(); err != nil {
		t.Fatal(err)
	}
	// Every value of every workspace now carries its checksum.
	n := 0
	db.view(func(tx *bolt.Tx) error {
		return forEachWS(tx, func(w *wsBucket) error {
			return w.b.ForEach(func(k, v []byte) error {
				n++
				if _, err := openValue(w.id, k, v); err != nil {
					t.Errorf("%q: %v", k, err)
				}
				return nil
			})
		})
	})
	if n < 15 {
		t.Fatalf("only %d values", n)
	}
	// Everything reads back as it was written.
	wss, err := db.Workspaces()
	if err != nil || len(wss) != 2 || !reflect.DeepEqual(wss[0], f.ws) {
		t.Fatalf("Workspaces = %+v %v", wss, err)
	}
	run, err := db.LoadRun("w", checklist.Default())
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Clients) != 3 || run.Clients[1].PendingInvoices != 4 || run.Clients[2].Name != "Client 2" {
		t.Fatalf("clients = %+v", run.Clients)
	}
	for ref, want := range f.steps {
		got, err := db.StepState("w", ref)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("StepState(%v) = %+v %v, want %+v", ref, got, err, want)
		}
		if s, _ := run.Status(ref); s != want.Status {
			t.Fatalf("status of %v = %v, want %v", ref, s, want.Status)
		}
	}
	if len(run.Overrides) != 1 || !reflect.DeepEqual(run.Overrides[0], f.override) || !reflect.DeepEqual(run.Request, f.request) {
		t.Fatalf("overrides %+v request %+v", run.Overrides, run.Request)
	}
	if evs, err := db.Events("w", time.Time{}); err != nil || !reflect.DeepEqual(evs, f.events) {
		t.Fatalf("events = %+v %v", evs, err)
	}
	if got, err := db.Secret("w", "api", f.pass); err != nil || !bytes.Equal(got, f.secret) {
		t.Fatalf("secret = %q %v", got, err)
	}
	// The pre-migration backup is the version-2 file, and still verifies.
	bs, _ := Backups(path)
	if len(bs) != 1 || fileVersion(t, bs[0].Path) != 2 {
		t.Fatalf("want one version-2 backup, got %v", bs)
	}
	if data, err := verifyFile(bs[0].Path); err != nil || !data {
		t.Fatalf("version-2 backup: %v %v", data, err)
	}
}

// A version-2 record that does not decode stops the migration, naming the
// client: it is not sealed as good, and the file stays at version 2.
func TestMigrationTo3Damaged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bascule.db")
	writeV2(t, path)
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(wsBucketName("w")).Put(stepKey("c00001", "preparation.client.logo"), []byte(`{"v":1,"d":{"status":`))
	})
	b.Close()
	_, err = Open(path, Options{})
	var re *RecordError
	if err == nil || !strings.Contains(err.Error(), "schéma 3") || !errors.As(err, &re) || re.Client != "c00001" {
		t.Fatalf("want the migration's error naming c00001, got %v", err)
	}
	if v := fileVersion(t, path); v != 2 {
		t.Fatalf("a failed migration changed the file: version %d", v)
	}
}
