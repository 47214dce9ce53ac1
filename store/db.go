package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/bascule-cli/bascule/checklist/atomicfile"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Options tune Open. The zero value is the production setting.
type Options struct {
	// Timeout is how long Open waits for the file lock before giving up with
	// an InUseError. Default 1 s.
	Timeout time.Duration
	// ReadOnly opens the file with a shared lock; nothing can be written and
	// an old schema is not migrated.
	ReadOnly bool
	// Now is the clock of records and events. Default time.Now.
	Now func() time.Time
	// KeepBackups is how many rotating backups Backup keeps. Default 5.
	KeepBackups int

	// kdf overrides the key-derivation cost of new secret stores (tests).
	kdf *kdfParams
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.KeepBackups <= 0 {
		o.KeepBackups = 5
	}
	return o
}

// DB is an open bascule database. Its methods are safe for concurrent use.
// Every method that changes something returns only once the change is
// committed and fsync'd.
type DB struct {
	mu   sync.RWMutex // write-locked only while the file is swapped (compaction)
	bolt *bolt.DB
	path string
	opt  Options
	lock *sessionLock // held from Open to Close, across file swaps

	layouts layoutCache

	recovered int // the meta page Open rewrote from the other copy, or -1
}

// Open opens (or creates) the database at path: folders 0700, file 0600. It
// waits at most opt.Timeout for another bascule process to let go of the
// file, checks the file's consistency, refuses a newer schema, and migrates
// an older one after a hot backup.
func Open(path string, opt Options) (*DB, error) {
	opt = opt.withDefaults()
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if !opt.ReadOnly {
		if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
			return nil, fmt.Errorf("création du dossier de la base %s : %w", filepath.Dir(abs), err)
		}
	}
	lock, err := lockSession(abs, opt.Timeout, opt.ReadOnly)
	if err != nil {
		return nil, err
	}
	db, err := openLocked(abs, opt)
	if err != nil {
		lock.release()
		return nil, err
	}
	db.lock = lock
	if !opt.ReadOnly {
		// A backup cut short by a crash leaves its temporary file beside the
		// database, as big as it: gone once it is a minute old. Best effort.
		_, _ = atomicfile.RemoveStale(filepath.Dir(abs))
	}
	return db, nil
}

// openLocked is Open once the session lock is held.
func openLocked(abs string, opt Options) (*DB, error) {
	// bbolt would write a fresh, empty database into a missing or empty
	// file: not while a backup beside it still holds the cabinet's work.
	if st, err := os.Stat(abs); err != nil && errors.Is(err, os.ErrNotExist) || err == nil && st.Size() == 0 {
		if p := dataBackup(abs); p != "" {
			return nil, &DamagedError{Path: abs, Cause: errEmpty, NewestBackup: p}
		}
	}
	recovered := -1
	if !opt.ReadOnly {
		var err error
		if recovered, err = repairMeta(abs); err != nil {
			return nil, damaged(abs, err)
		}
	}
	b, checked, err := openBolt(abs, opt.Timeout, opt.ReadOnly)
	if err != nil {
		return nil, err
	}
	beginSession(b)
	db := &DB{bolt: b, path: abs, opt: opt}
	if !opt.ReadOnly {
		_ = os.Chmod(abs, 0o600)
	}
	if !checked {
		if err := db.checkLocked(); err != nil {
			_ = safeClose(b)
			return nil, err
		}
	}
	if err := db.upgrade(); err != nil {
		_ = safeClose(db.bolt)
		return nil, err
	}
	if err := db.checkOnOpen(); err != nil {
		_ = safeClose(db.bolt)
		return nil, err
	}
	db.recovered = recovered
	return db, nil
}

// Close releases the file.
func (db *DB) Close() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.bolt == nil {
		return nil
	}
	err := endSession(db.bolt)
	db.bolt = nil
	db.lock.release()
	db.lock = nil
	return err
}

// beginSession stops bbolt from writing its freelist at each commit: a
// commit then writes one page fewer (the freelist grows with the file, and
// is often more than one page), which is most of the gap between a step
// change and a one-key update (BenchmarkToggleStep). The freelist is not
// data: endSession writes it once at Close, and after a session that did not
// end with Close (crash, kill -9) bbolt rebuilds it at the next open by
// walking every page, which openBolt makes safe (see there). etcd runs bbolt
// the same way.
func beginSession(b *bolt.DB) {
	b.NoFreelistSync = !b.IsReadOnly()
}

// endSession writes the freelist with one empty commit, so that the next
// open reads it instead of walking the file, then closes the file. The
// session's changes are already on disk whatever this returns.
func endSession(b *bolt.DB) error {
	var flushErr error
	if !b.IsReadOnly() && b.NoFreelistSync {
		b.NoFreelistSync = false
		flushErr = guardFault(func() error { return b.Update(func(*bolt.Tx) error { return nil }) })
	}
	if err := safeClose(b); err != nil {
		return err
	}
	return flushErr
}

// Path is the absolute path of the database file.
func (db *DB) Path() string { return db.path }

// view and update run fn in a transaction under the read lock of the file
// swap. update is one committed, fsync'd bbolt transaction.
func (db *DB) view(fn func(tx *bolt.Tx) error) error {
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.bolt == nil {
		return berrors.ErrDatabaseNotOpen
	}
	return db.faulted(guardFault(func() error { return db.bolt.View(fn) }))
}

func (db *DB) update(fn func(tx *bolt.Tx) error) error {
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.bolt == nil {
		return berrors.ErrDatabaseNotOpen
	}
	if db.opt.ReadOnly {
		return ErrReadOnly
	}
	// A panic in fn rolls the transaction back (bbolt's Update defers it).
	return db.faulted(guardFault(func() error { return db.bolt.Update(fn) }))
}

func (db *DB) now() time.Time { return db.opt.Now().UTC() }
