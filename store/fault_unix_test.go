//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// guardFault turns a read past the end of a mapped file (SIGBUS) into a
// *faultError, which view and update report as a *DamagedError.
func TestGuardFault(t *testing.T) {
	path := filepath.Join(t.TempDir(), "short")
	if err := os.WriteFile(path, make([]byte, 100), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps := os.Getpagesize()
	m, err := syscall.Mmap(int(f.Fd()), 0, 2*ps, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		t.Skip("mmap:", err)
	}
	defer syscall.Munmap(m)
	var sink byte
	err = guardFault(func() error { sink = m[ps+10]; return nil }) // page past EOF
	var fe *faultError
	if !errors.As(err, &fe) {
		t.Fatalf("want a faultError, got %v (read %d)", err, sink)
	}
	db := &DB{path: path}
	if err := db.faulted(err); !errors.Is(err, ErrDamaged) {
		t.Fatalf("faulted: %v", err)
	}
	// Any other panic goes on.
	defer func() {
		if r := recover(); r != "boom" {
			t.Fatalf("recovered %v", r)
		}
	}()
	guardFault(func() error { panic("boom") })
}
