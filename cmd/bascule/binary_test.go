package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// TestMain gives the tests that run the real program (child processes,
// tmux) one build of it for the whole package, and removes it at the end.
func TestMain(m *testing.M) {
	dir := binaryDir()
	_ = os.RemoveAll(dir) // left by a dead test process that had this pid
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// binaryDir is where this test process keeps its build of bascule. It is
// derived from the process id, so that no package variable carries it.
func binaryDir() string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("bascule-test-bin-%d", os.Getpid()))
}

// testBinary is bascule built from this package: the first test that
// needs it builds it, the next ones reuse it. The build goes to a
// temporary name renamed into place, so a reader never sees half a file.
func testBinary(t *testing.T) string {
	t.Helper()
	name := "bascule"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	bin := filepath.Join(binaryDir(), name)
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	if err := os.MkdirAll(binaryDir(), 0o700); err != nil {
		t.Fatal(err)
	}
	tmp, err := os.CreateTemp(binaryDir(), name+".build-*")
	if err != nil {
		t.Fatal(err)
	}
	tmp.Close()
	if out, err := exec.Command("go", "build", "-o", tmp.Name(), ".").CombinedOutput(); err != nil {
		_ = os.Remove(tmp.Name())
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if err := os.Rename(tmp.Name(), bin); err != nil {
		t.Fatal(err)
	}
	return bin
}
