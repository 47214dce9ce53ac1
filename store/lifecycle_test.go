package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/bascule-cli/bascule/checklist"
)

const testIBAN = "FR7630006000011234567890189"

// fillPersonal records users, an IBAN, a note and a secret for client c00000.
func fillPersonal(t *testing.T, db *DB, ws string) *checklist.Run {
	t.Helper()
	g := checklist.Default()
	run, err := db.LoadRun(ws, g)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.ApplyStep(ws, run, StepChange{Ref: checklist.Ref{Step: "preparation.payment.external_accounts", Client: "c00000"},
		Status: st(checklist.StatusDone), Note: str("appeler jeanne.dupont@example.fr"),
		Capture: &checklist.Capture{Items: []checklist.Record{{"iban": "FR76 3000 6000 0112 3456 7890 189", "holder": "Jeanne Dupont", "validated": "oui"}}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.ApplyStep(ws, run, StepChange{Ref: checklist.Ref{Step: "preparation.client.users", Client: "c00000"},
		Status:  st(checklist.StatusDone),
		Capture: &checklist.Capture{Items: []checklist.Record{{"name": "Paul Durand", "email": "paul.durand@example.fr", "roles": "gestionnaire", "reinvite": "non"}}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.ApplyStep(ws, run, StepChange{Ref: checklist.Ref{Step: "preparation.client.numbering", Client: "c00000"},
		Capture: &checklist.Capture{Items: []checklist.Record{{"prefix": "FAC-", "number": "142"}}}})
	if err != nil {
		t.Fatal(err)
	}
	return run
}

func TestExportImport(t *testing.T) {
	db, path := tempDB(t)
	seedWS(t, db, "w", 3)
	run := fillPersonal(t, db, "w")
	secret := []byte("api-token-SECRET-9d8e7f")
	pass := []byte("phrase du cabinet")
	if err := db.PutSecret("w", "api", secret, pass); err != nil {
		t.Fatal(err)
	}
	var plain, sealed bytes.Buffer
	if err := db.Export("w", &plain, false); err != nil {
		t.Fatal(err)
	}
	if err := db.Export("w", &sealed, true); err != nil {
		t.Fatal(err)
	}
	for _, b := range [][]byte{plain.Bytes(), sealed.Bytes()} {
		if bytes.Contains(b, secret) {
			t.Fatal("export contains the secret in clear")
		}
	}
	if strings.Contains(plain.String(), `"sealed"`) || !strings.Contains(sealed.String(), `"sealed"`) {
		t.Fatal("secrets not left out / not included as asked")
	}
	// Same database: refused, then renamed, then replaced.
	if _, err := db.Import(bytes.NewReader(sealed.Bytes()), ImportOptions{}); !errors.Is(err, ErrExists) {
		t.Fatalf("import over existing: %v", err)
	}
	other := openTest(t, filepath.Join(t.TempDir(), "other.db"))
	id, err := other.Import(bytes.NewReader(sealed.Bytes()), ImportOptions{})
	if err != nil || id != "w" {
		t.Fatalf("import: %q %v", id, err)
	}
	run2, err := other.LoadRun("w", checklist.Default())
	if err != nil {
		t.Fatal(err)
	}
	for i := range run.Clients {
		if !equalStatuses(run.Clients[i].Steps, run2.Clients[i].Steps) || run.Clients[i].Dossier != run2.Clients[i].Dossier {
			t.Fatalf("client %d differs after import", i)
		}
	}
	ref := checklist.Ref{Step: "preparation.payment.external_accounts", Client: "c00000"}
	a, _ := db.StepState("w", ref)
	b, _ := other.StepState("w", ref)
	if a.Capture.Items[0]["iban"] != testIBAN || b.Capture.Items[0]["iban"] != testIBAN || a.Note != b.Note {
		t.Fatalf("step state differs: %+v / %+v", a, b)
	}
	got, err := other.Secret("w", "api", pass)
	if err != nil || !bytes.Equal(got, secret) {
		t.Fatalf("secret after import: %q %v", got, err)
	}
	id, err = db.Import(bytes.NewReader(plain.Bytes()), ImportOptions{RenameTo: "w2"})
	if err != nil || id != "w2" {
		t.Fatalf("rename: %v", err)
	}
	// Replacing with a file exported without secrets keeps the sealed
	// ones, still opened by the same passphrase; --drop-secrets lets them go.
	if _, err := db.Import(bytes.NewReader(plain.Bytes()), ImportOptions{Replace: true}); err != nil {
		t.Fatalf("replace: %v", err)
	}
	if got, err := db.Secret("w", "api", pass); err != nil || !bytes.Equal(got, secret) {
		t.Fatalf("replace lost the sealed secret: %q %v", got, err)
	}
	if err := db.Verify(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Import(bytes.NewReader(plain.Bytes()), ImportOptions{Replace: true, DropSecrets: true}); err != nil {
		t.Fatalf("replace: %v", err)
	}
	if names, _ := db.SecretNames("w"); len(names) != 0 {
		t.Fatalf("replace with DropSecrets kept secrets: %v", names)
	}
	evs, _ := db.Events("w", time.Time{})
	for _, e := range evs {
		if strings.Contains(e.Detail, string(secret)) || strings.Contains(e.To, string(secret)) {
			t.Fatal("event holds the secret")
		}
	}
	db.Close()
	assertNotInFile(t, path, secret)
}

func equalStatuses(a, b []checklist.Status) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestPurgeClientPersonalData(t *testing.T) {
	db, path := tempDB(t)
	seedWS(t, db, "w", 3)
	fillPersonal(t, db, "w")
	// The IBAN was also edited once: the old value sits in a free page.
	if _, err := db.Backup(); err != nil {
		t.Fatal(err)
	}
	needles := [][]byte{[]byte(testIBAN), []byte("paul.durand@example.fr"), []byte("Jeanne Dupont")}
	raw, _ := os.ReadFile(path)
	if !bytes.Contains(raw, needles[0]) {
		t.Fatal("fixture: IBAN not in the raw file before the purge")
	}
	if err := db.PurgeClientPersonalData("w", "c00000"); err != nil {
		t.Fatal(err)
	}
	bs, _ := Backups(path)
	if len(bs) == 0 {
		t.Fatal("backup lost")
	}
	for _, n := range needles {
		assertNotInFile(t, path, n)
		for _, b := range bs {
			assertNotInFile(t, b.Path, n)
		}
	}
	// Not personal: kept. Statuses: kept.
	s, err := db.StepState("w", checklist.Ref{Step: "preparation.client.numbering", Client: "c00000"})
	if err != nil || s.Capture.Items[0]["number"] != "142" {
		t.Fatalf("numbering = %+v %v", s, err)
	}
	run, _ := db.LoadRun("w", checklist.Default())
	if got, _ := run.Status(checklist.Ref{Step: "preparation.client.users", Client: "c00000"}); got != checklist.StatusDone {
		t.Fatalf("status lost: %v", got)
	}
	if err := db.Check(); err != nil {
		t.Fatal(err)
	}
	// Still writable after the swap.
	if err := db.SetPendingInvoices("w", "c00001", 2); err != nil {
		t.Fatal(err)
	}
}

func TestPurgeWorkspace(t *testing.T) {
	db, path := tempDB(t)
	seedWS(t, db, "gone", 2)
	seedWS(t, db, "kept", 1)
	fillPersonal(t, db, "gone")
	if _, err := db.Backup(); err != nil {
		t.Fatal(err)
	}
	if err := db.PurgeWorkspace("gone"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Workspace("gone"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("still there: %v", err)
	}
	if _, err := db.Workspace("kept"); err != nil {
		t.Fatal(err)
	}
	bs, _ := Backups(path)
	for _, f := range append([]string{path}, paths(bs)...) {
		assertNotInFile(t, f, []byte(testIBAN))
		assertNotInFile(t, f, []byte("paul.durand@example.fr"))
	}
	if err := db.PurgeWorkspace("gone"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("purge twice: %v", err)
	}
}

func paths(bs []BackupInfo) []string {
	var out []string
	for _, b := range bs {
		out = append(out, b.Path)
	}
	return out
}

func TestBackupRotateRestore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bascule.db")
	c := &clock{t: time.Date(2026, 11, 25, 22, 30, 0, 0, time.UTC)}
	db, err := Open(path, Options{Now: c.now, KeepBackups: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.Close() }()
	seedWS(t, db, "w", 1)
	var first string
	for i := 0; i < 5; i++ {
		p, err := db.Backup()
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = p
		}
	}
	bs, _ := Backups(path)
	if len(bs) != 3 {
		t.Fatalf("kept %d backups", len(bs))
	}
	if !bs[0].At.After(bs[1].At) || !strings.Contains(filepath.Base(bs[0].Path), "bascule.db.backup-20261125T2230") {
		t.Fatalf("order/name: %+v", bs)
	}
	if _, err := os.Stat(first); !os.IsNotExist(err) {
		t.Fatal("oldest backup not rotated out")
	}
	fi, _ := os.Stat(bs[0].Path)
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup mode %v", fi.Mode())
	}
	// Changes after the backup; restore brings back the backup's state.
	seedWS(t, db, "later", 1)
	if err := Restore(path, bs[0].Path); !errors.Is(err, ErrInUse) {
		t.Fatalf("restore while open: %v", err)
	}
	db.Close()
	if err := Restore(path, bs[0].Path); err != nil {
		t.Fatal(err)
	}
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Workspace("later"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("restore did not happen: %v", err)
	}
	kept, _ := listFiles(path, replacedInfix)
	if len(kept) != 1 {
		t.Fatalf("replaced file not kept: %v", kept)
	}
	// A garbage backup is refused.
	junk := filepath.Join(dir, "junk")
	os.WriteFile(junk, bytes.Repeat([]byte{0xAB}, 8192), 0o600)
	db.Close()
	if err := Restore(path, junk); err == nil {
		t.Fatal("restored garbage")
	}
}

func TestPermissions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	path := filepath.Join(dir, "bascule.db")
	openTest(t, path)
	fi, _ := os.Stat(dir)
	if fi.Mode().Perm() != 0o700 {
		t.Fatalf("dir mode %v", fi.Mode())
	}
	fi, _ = os.Stat(path)
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("file mode %v", fi.Mode())
	}
}

func TestDefaultPath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", map[string]string{"BASCULE_DB": "/x/y.db", "HOME": "/h"}, "/x/y.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "/d", "HOME": "/h"}, "/d/bascule/bascule.db"},
		{"linux", map[string]string{"HOME": "/h"}, "/h/.local/share/bascule/bascule.db"},
		{"darwin", map[string]string{"HOME": "/Users/c"}, "/Users/c/Library/Application Support/bascule/bascule.db"},
		{"windows", map[string]string{"AppData": `C:\U\AppData\Roaming`}, filepath.Join(`C:\U\AppData\Roaming`, "bascule", "bascule.db")},
	}
	for _, c := range cases {
		got, err := defaultPath(env(c.env), c.goos)
		if err != nil || got != c.want {
			t.Errorf("%s %v: %q %v, want %q", c.goos, c.env, got, err, c.want)
		}
	}
	if _, err := defaultPath(env(nil), "linux"); err == nil {
		t.Error("no HOME: want an error")
	}
}

// --- versions ---

func TestMigrationFrom0(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bascule.db")
	// Version 0 fixture: a pre-release file with a meta bucket and no
	// version, plus a stray bucket.
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.Update(func(tx *bolt.Tx) error {
		m, _ := tx.CreateBucket(bucketMeta)
		m.Put([]byte("note"), []byte("pre-release"))
		return nil
	})
	b.Close()
	db := openTest(t, path)
	v, err := db.SchemaVersion()
	if err != nil || v != SchemaVersion {
		t.Fatalf("version = %d %v", v, err)
	}
	seedWS(t, db, "w", 1)
	bs, _ := Backups(path)
	if len(bs) != 1 {
		t.Fatalf("want 1 pre-migration backup, got %v", bs)
	}
	// The backup is the version-0 file.
	bk, err := bolt.Open(bs[0].Path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer bk.Close()
	bk.View(func(tx *bolt.Tx) error {
		if v, _ := readVersion(tx); v != 0 || tx.Bucket(v1Workspaces) != nil {
			t.Fatal("backup is not the version-0 file")
		}
		return nil
	})
}

func TestNewFileNoBackup(t *testing.T) {
	db, path := tempDB(t)
	if v, _ := db.SchemaVersion(); v != SchemaVersion {
		t.Fatalf("version %d", v)
	}
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Fatalf("backup of an empty file: %v", bs)
	}
}

func TestMigrationsRunInOrderInOneTx(t *testing.T) {
	db, _ := tempDB(t)
	var order []uint64
	a, b := SchemaVersion+1, SchemaVersion+2
	ms := []migration{
		{To: a, Name: "a", Fn: func(tx *bolt.Tx) error { order = append(order, a); return nil }},
		{To: b, Name: "b", Fn: func(tx *bolt.Tx) error { order = append(order, b); return errors.New("boom") }},
	}
	if err := db.upgradeWith(ms, b); err == nil {
		t.Fatal("want the failing migration's error")
	}
	if v, _ := db.SchemaVersion(); v != SchemaVersion {
		t.Fatalf("a failed migration left version %d", v)
	}
	ms[1].Fn = func(tx *bolt.Tx) error { order = append(order, b); return nil }
	order = nil
	if err := db.upgradeWith(ms, b); err != nil {
		t.Fatal(err)
	}
	if v, _ := db.SchemaVersion(); v != b || len(order) != 2 || order[0] != a {
		t.Fatalf("version %d order %v", v, order)
	}
}

func TestTooNew(t *testing.T) {
	db, path := tempDB(t)
	db.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyVersion, u64(SchemaVersion+1)) })
	db.Close()
	_, err := Open(path, Options{})
	var tn *TooNewError
	if !errors.As(err, &tn) || tn.Found != SchemaVersion+1 || !strings.Contains(err.Error(), "plus récente") || tn.English() == "" {
		t.Fatalf("want TooNewError, got %v", err)
	}
}

// --- damage ---

func TestTruncatedFile(t *testing.T) {
	db, path := tempDB(t)
	seedWS(t, db, "w", 500)
	fillPersonal(t, db, "w")
	good, err := db.Backup()
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	// bbolt grows the file ahead of its use: cut below the pages in use.
	m, err := precheck(path)
	if err != nil {
		t.Fatal(err)
	}
	used := int64(m.pgid) * int64(m.pageSize)
	for _, size := range []int64{used / 2, used - 4096, 5000, 100} {
		if err := os.Truncate(path, size); err != nil {
			t.Fatal(err)
		}
		_, err := Open(path, Options{})
		var de *DamagedError
		if !errors.As(err, &de) {
			t.Fatalf("size %d: want DamagedError, got %v", size, err)
		}
		if de.NewestBackup != good || !strings.Contains(err.Error(), good) || !strings.Contains(de.English(), good) {
			t.Fatalf("size %d: backup not named: %v", size, err)
		}
	}
}

func TestGarbagePages(t *testing.T) {
	db, path := tempDB(t)
	seedWS(t, db, "w", 800)
	fillPersonal(t, db, "w")
	db.Close()
	orig, _ := os.ReadFile(path)
	pageSize := 4096
	pages := len(orig) / pageSize
	for _, fill := range []byte{0xFF, 0x00, 0x5A} {
		for p := 2; p < pages; p += max(1, pages/12) {
			b := append([]byte(nil), orig...)
			for i := p * pageSize; i < (p+1)*pageSize; i++ {
				b[i] = fill ^ byte(i*7)
			}
			os.WriteFile(path, b, 0o600)
			db, err := Open(path, Options{})
			if err == nil {
				// The page was free: then everything must still read.
				_, lerr := db.LoadRun("w", checklist.Default())
				db.Close()
				if lerr != nil && !errors.Is(lerr, ErrDamaged) {
					var fe *FormatError
					if !errors.As(lerr, &fe) {
						t.Fatalf("page %d: LoadRun after clean open: %v", p, lerr)
					}
				}
				continue
			}
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("page %d: want DamagedError, got %v", p, err)
			}
		}
	}
	// Garbage meta pages: not a database.
	os.WriteFile(path, bytes.Repeat([]byte{0xAB}, 5*pageSize), 0o600)
	if _, err := Open(path, Options{}); !errors.Is(err, ErrDamaged) {
		t.Fatalf("garbage file: %v", err)
	}
}

// A session's backup is taken unless the newest one is younger than the
// age given.
func TestSessionBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bascule.db")
	c := &clock{t: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)}
	db, err := Open(path, Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	seedWS(t, db, "w", 2)
	first, err := db.SessionBackup(time.Hour)
	if err != nil || first == "" {
		t.Fatalf("first session: %q, %v", first, err)
	}
	c.t = c.t.Add(20 * time.Minute)
	if p, err := db.SessionBackup(time.Hour); err != nil || p != "" {
		t.Fatalf("20 minutes later: %q, %v (want none)", p, err)
	}
	c.t = c.t.Add(50 * time.Minute)
	second, err := db.SessionBackup(time.Hour)
	if err != nil || second == "" || second == first {
		t.Fatalf("70 minutes later: %q, %v", second, err)
	}
	bs, err := Backups(path)
	if err != nil || len(bs) != 2 || bs[0].Path != second {
		t.Fatalf("backups %+v, %v", bs, err)
	}
}
