package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/bascule-cli/bascule/checklist"
)

// TestApplyStepPageWrites bounds the pages one durable step change writes:
// the count is deterministic (a fixed clock, fixed data), unlike its time.
// A step change rewrites the client's leaf (summary, step record and the new
// event side by side), the branch pages above it, the root page holding the
// workspace bucket's header, the freelist and the meta page. The version-1
// layout wrote about 11; a one-key bbolt update writes 3.
func TestApplyStepPageWrites(t *testing.T) {
	db, _, run := seededRun(t, 500)
	toggle := func(i int) {
		c := run.Clients[i%len(run.Clients)]
		s := checklist.Status((i / len(run.Clients)) % 2) // as BenchmarkToggleStep
		if _, err := db.ApplyStep("w", run, StepChange{Ref: checklist.Ref{Step: "preparation.client.articles", Client: c.ID}, Status: &s, By: "bench"}); err != nil {
			t.Fatal(err)
		}
	}
	// Warm up past the tree's growth to three levels (about 1,500 events).
	const warm, n = 2500, 500
	for i := range warm {
		toggle(i)
	}
	var worst int64
	var total int64
	for i := warm; i < warm+n; i++ {
		before := db.bolt.Stats()
		toggle(i)
		after := db.bolt.Stats()
		d := after.Sub(&before)
		w := d.TxStats.GetWrite()
		total += w
		worst = max(worst, w)
	}
	avg := float64(total) / n
	t.Logf("page writes per ApplyStep: %.2f on average, %d at most", avg, worst)
	if avg > 5.5 || worst > 9 {
		t.Fatalf("page writes per ApplyStep: %.2f on average (want ≤ 5.5), %d at most (want ≤ 9)", avg, worst)
	}
}

// --- migration 1 → 2 ---

// v1Fixture is what TestMigrationTo2 writes in the version-1 layout.
type v1Fixture struct {
	ws       Workspace
	request  checklist.RequestRecord
	override checklist.Override
	steps    map[checklist.Ref]checklist.StepState
	events   []Event
	secret   []byte
	pass     []byte
}

// writeV1 builds a version-1 database with raw bbolt writes: the
// version-1 layout writer lives only here (and its reader in migrateTo2).
func writeV1(t *testing.T, path string) v1Fixture {
	t.Helper()
	at := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	f := v1Fixture{
		ws:       Workspace{ID: "w", Cabinet: Cabinet{SIREN: "552008443", LegalName: "Cabinet Martin"}, Operator: "C. Martin", Mode: "files", CreatedAt: at, UpdatedAt: at},
		request:  checklist.RequestRecord{SubmittedAt: at, Reference: "REQ-7", State: "submitted"},
		override: checklist.Override{Gate: checklist.GateRequestReadiness, Reason: "client radié", By: "C. Martin", At: at},
		steps: map[checklist.Ref]checklist.StepState{
			{Step: "registration.comptexpert"}:                      {Status: checklist.StatusBlocked, Reason: "attente ECMA", By: "C. Martin", At: at},
			{Step: "preparation.client.articles", Client: "c00000"}: {Status: checklist.StatusDone, By: "C. Martin", At: at},
			{Step: "preparation.payment.external_accounts", Client: "c00001"}: {Status: checklist.StatusInProgress, Note: "appeler le client", At: at,
				Capture: &checklist.Capture{Items: []checklist.Record{{"iban": testIBAN, "holder": "Jeanne Dupont", "validated": "oui"}}}},
			{Step: "preparation.client.users", Client: "c00002"}: {Note: "sans statut", At: at},
		},
		secret: []byte("api-token-SECRET-v1"),
		pass:   []byte("phrase"),
	}
	f.events = []Event{
		{Seq: 1, At: at, Who: "C. Martin", Workspace: "w", Action: ActionWorkspaceCreate, To: "Cabinet Martin"},
		{Seq: 2, At: at, Workspace: "w", Action: ActionDossiersPut, Detail: "3 nouveau(x), 0 mis à jour"},
		{Seq: 3, At: at, Workspace: "w", Action: ActionStep, Ref: checklist.Ref{Step: "preparation.payment.external_accounts", Client: "c00001"}, From: "à faire", To: "en cours", Detail: "saisie : holder, iban"},
		{Seq: 4, At: at, Workspace: "w", Action: ActionStep, Ref: checklist.Ref{Step: "registration.comptexpert"}, From: "à faire", To: "bloqué", Detail: "raison : attente ECMA"},
		{Seq: 5, At: at, Workspace: "w", Action: ActionStep, Ref: checklist.Ref{Step: "preparation.client.articles", Client: "c00000"}, From: "à faire", To: "fait"},
		{Seq: 6, At: at, Workspace: "w", Action: ActionOverride, To: checklist.GateRequestReadiness, Detail: "raison : client radié"},
	}
	l := layout{Cabinet: []string{"registration.comptexpert"}, Client: []string{"preparation.client.articles", "preparation.payment.external_accounts"}}
	sums := map[string]clientSummary{
		"c00000": {Ord: 1, Pending: -1, Name: "Client 0", SIREN: "552008443", Payment: true, Statuses: []byte{byte(checklist.StatusDone)}},
		"c00001": {Ord: 2, Pending: 4, Name: "Client 1", SIREN: "552008443", Payment: true, Statuses: []byte{0, byte(checklist.StatusInProgress)}},
		"c00002": {Ord: 3, Pending: 0, Name: "Client 2", SIREN: "552008443"},
	}
	kdf := *testKDF
	kdf.Salt = []byte("0123456789abcdef")
	key, err := deriveKey(kdf, f.pass)
	if err != nil {
		t.Fatal(err)
	}
	check, _ := seal(key, verifierPlain, verifierAD)
	sealed, _ := seal(key, f.secret, secretAD("api"))

	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	env := func(v any) []byte { b, err := encode(v); must(err); return b }
	must(b.Update(func(tx *bolt.Tx) error {
		meta, _ := tx.CreateBucket(bucketMeta)
		must(meta.Put(keyVersion, u64(1)))
		must(meta.Put(keyCreated, []byte("v1")))
		all, _ := tx.CreateBucket(v1Workspaces)
		for _, id := range []string{"w", "x"} {
			root, err := all.CreateBucket([]byte(id))
			must(err)
			sub := map[string]*bolt.Bucket{}
			for _, n := range []string{"clients", "steps", "overrides", "events", "secrets"} {
				sub[n], err = root.CreateBucket([]byte(n))
				must(err)
			}
			if id == "x" {
				must(root.Put([]byte("info"), env(Workspace{ID: "x", CreatedAt: at, UpdatedAt: at})))
				must(sub["events"].SetSequence(0))
				continue
			}
			must(root.Put([]byte("info"), env(f.ws)))
			must(root.Put([]byte("request"), env(f.request)))
			must(root.Put([]byte("layout"), env(l)))
			must(root.Put([]byte("cabinet"), marshalCabinet([]byte{byte(checklist.StatusBlocked)})))
			must(root.Put([]byte("keycheck"), env(keyCheck{kdfParams: kdf, Check: check})))
			for id, s := range sums {
				must(sub["clients"].Put([]byte(id), s.marshal()))
			}
			must(sub["clients"].SetSequence(3))
			for ref, st := range f.steps {
				must(sub["steps"].Put([]byte(ref.Client+"\x00"+ref.Step), env(st)))
			}
			must(sub["overrides"].Put(u64(1), env(f.override)))
			for _, e := range f.events {
				must(sub["events"].Put(u64(e.Seq), env(e)))
			}
			must(sub["events"].SetSequence(uint64(len(f.events))))
			must(sub["secrets"].Put([]byte("api"), sealed))
		}
		return nil
	}))
	return f
}

func TestMigrationTo2(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bascule.db")
	f := writeV1(t, path)
	db := openTest(t, path)
	if v, err := db.SchemaVersion(); err != nil || v != SchemaVersion {
		t.Fatalf("version = %d %v", v, err)
	}
	if err := db.Check(); err != nil {
		t.Fatal(err)
	}

	// The version-1 bucket is gone; each workspace has its own bucket.
	db.view(func(tx *bolt.Tx) error {
		if tx.Bucket(v1Workspaces) != nil || tx.Bucket(wsBucketName("w")) == nil || tx.Bucket(wsBucketName("x")) == nil {
			t.Error("buckets not moved")
		}
		return nil
	})
	wss, err := db.Workspaces()
	if err != nil || len(wss) != 2 || !reflect.DeepEqual(wss[0], f.ws) || wss[1].ID != "x" {
		t.Fatalf("Workspaces = %+v %v", wss, err)
	}

	// Everything the dashboard reads.
	g := checklist.Default()
	run, err := db.LoadRun("w", g)
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Clients) != 3 || run.Clients[0].ID != "c00000" || run.Clients[1].PendingInvoices != 4 || !run.Clients[1].Payment || run.Clients[2].Name != "Client 2" {
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
	evs, err := db.Events("w", time.Time{})
	if err != nil || !reflect.DeepEqual(evs, f.events) {
		t.Fatalf("events = %+v %v", evs, err)
	}
	if got, err := db.Secret("w", "api", f.pass); err != nil || !bytes.Equal(got, f.secret) {
		t.Fatalf("secret = %q %v", got, err)
	}
	if xr, err := db.LoadRun("x", g); err != nil || len(xr.Clients) != 0 {
		t.Fatalf("empty workspace: %v", err)
	}

	// Numbering goes on where version 1 left it.
	if _, err := db.ApplyStep("w", run, StepChange{Ref: checklist.Ref{Step: "preparation.client.articles", Client: "c00002"}, Status: st(checklist.StatusDone)}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutDossiers("w", []checklist.Dossier{{ID: "a-new", Name: "New", PendingInvoices: -1}}, "x"); err != nil {
		t.Fatal(err)
	}
	if err := db.AddOverride("w", run, checklist.Override{Gate: "g", Reason: "r"}); err != nil {
		t.Fatal(err)
	}
	evs, _ = db.Events("w", time.Time{})
	if len(evs) != 9 || evs[6].Seq != 7 || evs[8].Seq != 9 {
		t.Fatalf("events after migration: %+v", evs)
	}
	run, _ = db.LoadRun("w", g)
	if len(run.Clients) != 4 || run.Clients[3].ID != "a-new" || len(run.Overrides) != 2 || run.Overrides[1].Gate != "g" {
		t.Fatalf("after migration: clients %+v overrides %+v", run.Clients, run.Overrides)
	}

	// The pre-migration backup is the version-1 file.
	bs, _ := Backups(path)
	if len(bs) != 1 {
		t.Fatalf("want 1 pre-migration backup, got %v", bs)
	}
	func() {
		bk, err := bolt.Open(bs[0].Path, 0o600, &bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer bk.Close()
		bk.View(func(tx *bolt.Tx) error {
			if v, _ := readVersion(tx); v != 1 || tx.Bucket(v1Workspaces) == nil {
				t.Error("backup is not the version-1 file")
			}
			return nil
		})
	}()

	// A purge reaches into the version-1 backup too (migrated, then purged).
	assertInFile(t, bs[0].Path, []byte(testIBAN))
	if err := db.PurgeClientPersonalData("w", "c00001"); err != nil {
		t.Fatal(err)
	}
	assertNotInFile(t, path, []byte(testIBAN))
	bs2, _ := Backups(path)
	if len(bs2) != 1 {
		t.Fatalf("backup lost or added: %v", bs2)
	}
	assertNotInFile(t, bs2[0].Path, []byte(testIBAN))
	assertNotInFile(t, bs2[0].Path, []byte("Jeanne Dupont"))
	if _, err := verifyFile(bs2[0].Path); err != nil {
		t.Fatalf("purged backup: %v", err)
	}
}

// A version-1 file whose records are damaged is refused with the
// migration's error, and left as it was.
func TestMigrationTo2Damaged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bascule.db")
	writeV1(t, path)
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(v1Workspaces).Bucket([]byte("w")).Bucket(v1Events).Put(u64(99), []byte("{not json"))
	})
	b.Close()
	_, err = Open(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "schéma 2") {
		t.Fatalf("want the migration's error, got %v", err)
	}
	b, err = bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	b.View(func(tx *bolt.Tx) error {
		if v, _ := readVersion(tx); v != 1 || tx.Bucket(v1Workspaces) == nil || tx.Bucket(wsBucketName("w")) != nil {
			t.Error("a failed migration changed the file")
		}
		return nil
	})
}

// Keys: a client's summary, step records and events sort together, apart
// from every other client's, whatever the ids.
func TestKeyOrder(t *testing.T) {
	ids := []string{"", "a", "a\x01", "a b", "ab", "b", strings.Repeat("z", 200), "\xff"}
	var keys [][]byte
	for _, id := range ids {
		keys = append(keys, summaryKey(id), stepKey(id, "s.a"), stepKey(id, "\xff"), eventKey(id, 1<<40), eventKey(id, 1))
	}
	for i := 1; i < len(keys); i++ {
		if bytes.Compare(keys[i-1], keys[i]) >= 0 {
			t.Fatalf("%q sorts after %q", keys[i-1], keys[i])
		}
	}
	for _, id := range ids {
		for _, k := range [][]byte{summaryKey(id), stepKey(id, "s"), eventKey(id, 7)} {
			if bytes.Compare(k, regionEnd(id)) >= 0 {
				t.Fatalf("%q not before the end of %q", k, id)
			}
			ck, ok := parseClientKey(k)
			if !ok || ck.client != id || (ck.kind == kindEvent && ck.seq != 7) || (ck.kind == kindStep && ck.step != "s") {
				t.Fatalf("parse %q = %+v %v", k, ck, ok)
			}
		}
	}
	for _, bad := range []string{"c\x00", "c\x00\x03x", "c\x00\x02short", "c\x00\x01"} {
		if _, ok := parseClientKey([]byte(bad)); ok {
			t.Fatalf("parse %q: want false", bad)
		}
	}
}

// A value whose length points past the end of the file passes bbolt's check
// (which reads keys, not values): Open's walk catches it, by address, before
// anything reads it.
func TestValuePastEndOfFile(t *testing.T) {
	db, path := tempDB(t)
	seedWS(t, db, "w", 30) // enough for the bucket not to be inline
	if err := db.PutSecret("w", "api", []byte("token"), []byte("phrase du cabinet")); err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := secretKey("api")
	found := false
	for p := 2; (p+1)*4096 <= len(raw) && !found; p++ {
		pg := raw[p*4096 : (p+1)*4096]
		if binary.LittleEndian.Uint64(pg) != uint64(p) || binary.LittleEndian.Uint16(pg[8:]) != 0x02 {
			continue // not a leaf page
		}
		for i := 0; i < int(binary.LittleEndian.Uint16(pg[10:])); i++ {
			e := pg[16+16*i:]
			pos, ks := binary.LittleEndian.Uint32(e[4:]), binary.LittleEndian.Uint32(e[8:])
			start := 16 + 16*i + int(pos)
			if start+int(ks) <= len(pg) && bytes.Equal(pg[start:start+int(ks)], want) {
				binary.LittleEndian.PutUint32(e[12:], 1<<30) // vsize: 1 GiB
				found = true
				break
			}
		}
	}
	if !found {
		t.Fatal("fixture: secret not found in a leaf page")
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Open(path, Options{})
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "hors du fichier") {
		t.Fatalf("Open: want DamagedError (value past the end), got %v", err)
	}
}
