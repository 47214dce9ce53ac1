package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
)

func TestIsTempName(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{".bascule-123.tmp", true},
		{".bascule-4294967295.tmp", true},
		{".bascule-.tmp", false},
		{".bascule-12a.tmp", false},
		{".bascule-123.tmp.bak", false},
		{"bascule-123.tmp", false},
		{".bascule-123", false},
		{"rapport.tmp", false},
		{".bascule-1/2.tmp", false},
	} {
		if got := isTempName(tc.name); got != tc.want {
			t.Errorf("isTempName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A real temporary name is what the pattern matches.
func TestCreateTempNamesMatch(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), tempPrefix+"*"+tempSuffix)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !isTempName(filepath.Base(f.Name())) {
		t.Fatalf("%s does not match the package's pattern", f.Name())
	}
}

// put writes a file in dir, its modification time age ago.
func put(t *testing.T, dir, name string, age time.Duration) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	at := time.Now().Add(-age)
	if err := os.Chtimes(p, at, at); err != nil {
		t.Fatal(err)
	}
	return p
}

// The next write into a folder removes the temporary files a crash left
// there, and only those: a recent one (a write in progress), other names, a
// folder and a link of the pattern (never followed) stay.
func TestWriteRemovesStaleTemporaryFiles(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	put(t, dir, ".bascule-111.tmp", 2*time.Minute)
	put(t, dir, ".bascule-222.tmp", 0)             // being written
	put(t, dir, ".bascule-abc.tmp", 2*time.Minute) // not ours
	put(t, dir, "notes.tmp", 2*time.Minute)
	if err := os.Mkdir(filepath.Join(dir, ".bascule-333.tmp"), 0o700); err != nil {
		t.Fatal(err)
	}
	target := put(t, outside, ".bascule-444.tmp", 2*time.Minute)
	link := runtime.GOOS != "windows"
	if link {
		if err := os.Symlink(target, filepath.Join(dir, ".bascule-444.tmp")); err != nil {
			t.Fatal(err)
		}
	}

	// A batch leaves the folder to SyncFolder: nothing is removed before.
	bw := Writer{DeferDirSync: true, SyncDir: func(string) error { return nil }}
	if err := bw.Write(filepath.Join(dir, "a.eml"), func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(entries(t, dir), ".bascule-111.tmp") {
		t.Fatal("a deferred write scanned the folder")
	}

	if err := WriteFile(filepath.Join(dir, "rapport.md"), []byte("# Synthèse")); err != nil {
		t.Fatal(err)
	}
	want := []string{".bascule-222.tmp", ".bascule-333.tmp", ".bascule-abc.tmp", "a.eml", "notes.tmp", "rapport.md"}
	if link {
		want = append(want, ".bascule-444.tmp")
	}
	slices.Sort(want)
	got := entries(t, dir)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Fatalf("left %v, want %v", got, want)
	}
	if _, err := os.Stat(target); err != nil {
		t.Fatalf("the link's target was touched: %v", err)
	}
}

func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	put(t, dir, ".bascule-1.tmp", 2*time.Minute)
	put(t, dir, ".bascule-2.tmp", 30*time.Second)
	if n, err := RemoveStale(dir); err != nil || n != 1 {
		t.Fatalf("removed %d, %v; want 1", n, err)
	}
	// A minute later the other one is stale too.
	if n, err := removeStale(dir, time.Now().Add(time.Minute)); err != nil || n != 1 {
		t.Fatalf("removed %d, %v; want 1", n, err)
	}
	if _, err := RemoveStale(filepath.Join(dir, "absent")); err == nil {
		t.Fatal("a missing folder is not an error")
	}
}
