package atomicfile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// entries lists dir's names: a leftover temporary file shows here.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteIsOwnerOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes on Windows")
	}
	// Even under a permissive umask and over a world-readable file, the
	// result is 0600: the files hold names, e-mails and IBANs.
	path := filepath.Join(t.TempDir(), "rapport.html")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", st.Mode().Perm())
	}
}

func TestWriteContentComplete(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "export.json")
	big := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB in many writes
	err := Write(path, func(w io.Writer) error {
		for off := 0; off < len(big); off += 4096 {
			if _, err := w.Write(big[off : off+4096]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, big) {
		t.Fatalf("read %d bytes, want %d identical", len(got), len(big))
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Fatalf("folder holds %v, want the file alone", names)
	}
}

func TestWriteSyncsFolderAfterRename(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.eml")
	var synced []string
	w := Writer{SyncDir: func(d string) error {
		// The rename is done when the folder is synced.
		if _, err := os.Stat(path); err != nil {
			t.Errorf("folder synced before the rename: %v", err)
		}
		synced = append(synced, d)
		return nil
	}}
	if err := w.Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
		t.Fatal(err)
	}
	if len(synced) != 1 || synced[0] != dir {
		t.Fatalf("folder syncs %v, want [%s]", synced, dir)
	}
}

func TestDeferDirSyncLeavesItToTheCaller(t *testing.T) {
	dir := t.TempDir()
	calls := 0
	w := Writer{DeferDirSync: true, SyncDir: func(string) error { calls++; return nil }}
	for _, n := range []string{"a", "b", "c"} {
		if err := w.Write(filepath.Join(dir, n), func(w io.Writer) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	if calls != 0 {
		t.Fatalf("%d folder syncs during the batch, want 0", calls)
	}
	if err := w.SyncFolder(dir); err != nil || calls != 1 {
		t.Fatalf("SyncFolder: err %v, %d calls, want 1", err, calls)
	}
}

func TestCrashBeforeRenameKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "synthese.md")
	if err := WriteFile(path, []byte("old report")); err != nil {
		t.Fatal(err)
	}
	crash := errors.New("crash")
	var sawTmp string
	w := Writer{beforeRename: func(tmp string) error {
		// The new content is complete and synced in the temporary file,
		// the destination still the old one.
		b, err := os.ReadFile(tmp)
		if err != nil || string(b) != "new report" {
			t.Errorf("temporary file before rename: %q, %v", b, err)
		}
		sawTmp = tmp
		return crash
	}}
	err := w.Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "new report"); return err })
	if !errors.Is(err, crash) {
		t.Fatalf("err %v, want the crash", err)
	}
	if filepath.Dir(sawTmp) != dir {
		t.Fatalf("temporary file %s not beside %s (a rename across folders is not atomic)", sawTmp, path)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "old report" {
		t.Fatalf("after the crash the file holds %q, want the old report", got)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Fatalf("folder holds %v after the crash, want the old file alone", names)
	}
}

func TestFillErrorKeepsOldFileAndIsReturned(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "clients.csv")
	if err := WriteFile(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	bad := errors.New("row 3: bad SIREN")
	err := Write(path, func(w io.Writer) error {
		_, _ = io.WriteString(w, "half")
		return bad
	})
	if err != bad {
		t.Fatalf("err %v, want fill's error as is", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Fatalf("file holds %q, want old", got)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Fatalf("folder holds %v, want no temporary file", names)
	}
}

func TestCreateNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "host_key")
	fill := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	if err := Create(path, fill("first")); err != nil {
		t.Fatal(err)
	}
	err := Create(path, fill("second"))
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("second Create: %v, want fs.ErrExist", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "first" {
		t.Fatalf("key holds %q, want first", got)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Fatalf("folder holds %v", names)
	}
}

func TestWriteIntoMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope", "f")
	err := WriteFile(path, nil)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err %v, want fs.ErrNotExist", err)
	}
	var pe *fs.PathError
	if !errors.As(err, &pe) || !strings.Contains(pe.Path, "nope") {
		t.Fatalf("err %v does not name the folder", err)
	}
}

func TestWriteLongName(t *testing.T) {
	// 250 bytes: at the limit of most file systems; the temporary file's
	// name must not add to it.
	path := filepath.Join(t.TempDir(), strings.Repeat("é", 120)+".html")
	if err := WriteFile(path, []byte("x")); err != nil {
		t.Fatal(err)
	}
}
