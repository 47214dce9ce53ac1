package store

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// faultError is a panic or memory fault caught while reading the file.
type faultError struct{ v any }

func (e *faultError) Error() string { return fmt.Sprintf("lecture impossible du fichier (%v)", e.v) }

// guard runs fn with memory faults turned into panics, and panics turned
// into errors: a damaged mmap'd file must give an error, not a SIGBUS.
func guard(fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		if r := recover(); r != nil {
			err = &faultError{v: r}
		}
	}()
	return fn()
}

// guardFault runs fn with memory faults turned into panics, and only those
// panics turned into a *faultError; any other panic goes on. Every read of
// the mapped file outside Open runs under it (view, update, migrations), so
// that a value whose bytes lie past the end of a damaged file gives an
// error, not a SIGBUS.
func guardFault(fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(interface{ Addr() uintptr }); !ok {
				panic(r)
			}
			err = &faultError{v: r}
		}
	}()
	return fn()
}

func (db *DB) faulted(err error) error {
	var fe *faultError
	if errors.As(err, &fe) {
		return damaged(db.path, err)
	}
	return err
}

func safeClose(b *bolt.DB) error {
	if b == nil {
		return nil
	}
	return guard(b.Close)
}

// openBolt opens the file with bbolt after checking its header and size, all
// under guard. Errors: *InUseError, *DamagedError, or an I/O error.
//
// A file whose last session did not end with Close has no freelist on
// disk: bbolt rebuilds it while opening for writing, reading every page in
// a goroutine of its own, where a memory fault on a damaged file cannot be
// caught. Such a file is first opened read-only (bbolt then reads no page
// beyond the meta and root) and walked by address under the guard, so that
// a damaged one gives a *DamagedError before bbolt's walk.
//
// checked tells that the file was so opened: bbolt's walk is the
// consistency check Check runs (bbolt's own, less the freelist, which it
// has just rebuilt to match), after the read-only walk that Check does
// first too; Open does not run them a second time.
func openBolt(path string, timeout time.Duration, readOnly bool) (b *bolt.DB, checked bool, err error) {
	m, err := precheck(path)
	if err != nil {
		return nil, false, damaged(path, err)
	}
	rebuild := !readOnly && m.freelist == noFreelist
	if rebuild {
		if err := walkReadOnly(path, timeout); err != nil {
			return nil, false, err
		}
	}
	b, err = mapBolt(path, timeout, readOnly)
	return b, rebuild && err == nil, err
}

// walkReadOnly opens path read-only and walks it by address (walkAddresses).
func walkReadOnly(path string, timeout time.Duration) error {
	b, err := mapBolt(path, timeout, true)
	if err != nil {
		return err
	}
	err = walkAddresses(b, true)
	if cerr := safeClose(b); err == nil && cerr != nil {
		return cerr
	}
	if err != nil {
		return damaged(path, err)
	}
	return nil
}

// mapBolt is bbolt's Open under the guard, its errors translated.
func mapBolt(path string, timeout time.Duration, readOnly bool) (*bolt.DB, error) {
	var file *os.File
	var b *bolt.DB
	err := guard(func() error {
		var err error
		b, err = bolt.Open(path, 0o600, &bolt.Options{
			Timeout:      timeout,
			ReadOnly:     readOnly,
			FreelistType: bolt.FreelistMapType,
			OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
				f, err := os.OpenFile(name, flag, perm)
				file = f
				return f, err
			},
		})
		return err
	})
	if err == nil {
		return b, nil
	}
	var fe *faultError
	if errors.As(err, &fe) && file != nil {
		releaseLock(file) // bbolt could not clean up after the fault
		_ = file.Close()
	}
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, &InUseError{Path: path}
	case errors.As(err, &fe), errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum),
		errors.Is(err, berrors.ErrVersionMismatch):
		return nil, damaged(path, err)
	}
	return nil, fmt.Errorf("ouverture de la base %s : %w", path, err)
}
