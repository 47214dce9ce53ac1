package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

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

// bbolt file header, read without mmap so that a truncated file is caught
// before bbolt touches pages that are not there.
const (
	boltMagic       = 0xED0CDAED
	boltVersion     = 2
	pageHeaderSize  = 16
	metaSize        = 64
	metaChecksumOff = 56
)

type metaInfo struct {
	pageSize uint32
	root     uint64 // page of the root bucket
	freelist uint64 // page of the freelist, or noFreelist
	pgid     uint64 // high-water mark, in pages
	txid     uint64
}

// noFreelist is bbolt's freelist page id when the freelist is not synced.
const noFreelist = ^uint64(0)

func readMeta(b []byte) (metaInfo, bool) {
	if len(b) < pageHeaderSize+metaSize {
		return metaInfo{}, false
	}
	m := b[pageHeaderSize : pageHeaderSize+metaSize]
	le := binary.LittleEndian
	if le.Uint32(m[0:]) != boltMagic || le.Uint32(m[4:]) != boltVersion {
		return metaInfo{}, false
	}
	h := fnv.New64a()
	h.Write(m[:metaChecksumOff])
	if h.Sum64() != le.Uint64(m[metaChecksumOff:]) {
		return metaInfo{}, false
	}
	return metaInfo{pageSize: le.Uint32(m[8:]), root: le.Uint64(m[16:]), freelist: le.Uint64(m[32:]),
		pgid: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}, true
}

// precheck verifies that the file, if it exists and is not empty, has a
// valid meta page and is at least as long as its high-water mark says, and
// returns the newest meta page (the zero value when there is no file yet).
func precheck(path string) (metaInfo, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return metaInfo{}, nil
	}
	if err != nil {
		return metaInfo{}, nil // permissions and the like: bbolt reports them
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return metaInfo{}, err
	}
	size := st.Size()
	if size == 0 {
		return metaInfo{}, nil
	}
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	m0, ok0 := readMeta(head)
	var best metaInfo
	found := false
	if ok0 {
		best, found = m0, true
	}
	// The second meta page sits one page further; try the page size the first
	// one gives, else the common sizes.
	sizes := []uint32{4096, 8192, 16384, 65536}
	if ok0 {
		sizes = []uint32{m0.pageSize}
	}
	for _, ps := range sizes {
		buf := make([]byte, pageHeaderSize+metaSize)
		if _, err := f.ReadAt(buf, int64(ps)); err != nil {
			continue
		}
		if m1, ok := readMeta(buf); ok && m1.pageSize == ps {
			if !found || m1.txid > best.txid {
				best, found = m1, true
			}
			break
		}
	}
	if !found {
		return metaInfo{}, errors.New("en-tête invalide : ce n'est pas une base bascule lisible")
	}
	if best.pageSize < 512 || best.pageSize > 1<<20 {
		return metaInfo{}, fmt.Errorf("taille de page invalide (%d)", best.pageSize)
	}
	if need := int64(best.pgid) * int64(best.pageSize); size < need {
		return metaInfo{}, fmt.Errorf("fichier tronqué : %d octets au lieu d'au moins %d", size, need)
	}
	// bbolt reads the root and freelist pages inside Open, after mapping the
	// file: a page id past the high-water mark faults there, and the mapping
	// then keeps the file lock for the rest of the process. Refuse it here.
	if best.root < 2 || best.root >= best.pgid {
		return metaInfo{}, fmt.Errorf("page racine invalide (%d sur %d)", best.root, best.pgid)
	}
	if best.freelist != noFreelist && (best.freelist < 2 || best.freelist >= best.pgid) {
		return metaInfo{}, fmt.Errorf("page de la liste libre invalide (%d sur %d)", best.freelist, best.pgid)
	}
	// The same holds for the content of those two pages: bbolt panics on a
	// freelist page of the wrong type, and reads as many page ids as its
	// count says.
	if err := checkPageHeader(f, best, best.root, pageBranch|pageLeaf); err != nil {
		return metaInfo{}, fmt.Errorf("page racine %d : %w", best.root, err)
	}
	if best.freelist != noFreelist {
		if err := checkPageHeader(f, best, best.freelist, pageFreelist); err != nil {
			return metaInfo{}, fmt.Errorf("page de la liste libre %d : %w", best.freelist, err)
		}
	}
	return best, nil
}

// bbolt page types (page header flags).
const (
	pageBranch   = 0x01
	pageLeaf     = 0x02
	pageFreelist = 0x10
)

// checkPageHeader reads page id's header from f and checks that it names
// itself, has one of the types in want, and that its overflow pages, and
// for a freelist the ids it counts, lie below the high-water mark.
func checkPageHeader(f *os.File, m metaInfo, id uint64, want uint16) error {
	var h [pageHeaderSize + 8]byte
	if _, err := f.ReadAt(h[:], int64(id)*int64(m.pageSize)); err != nil {
		return fmt.Errorf("en-tête illisible : %w", err)
	}
	le := binary.LittleEndian
	flags, count, overflow := le.Uint16(h[8:]), uint64(le.Uint16(h[10:])), uint64(le.Uint32(h[12:]))
	if le.Uint64(h[0:]) != id || flags&want == 0 || flags&^want != 0 {
		return errors.New("en-tête incohérent")
	}
	if id+overflow >= m.pgid {
		return fmt.Errorf("déborde de %d pages au-delà de la fin", id+overflow+1-m.pgid)
	}
	if flags == pageFreelist {
		ids := count
		if count == 0xFFFF { // the real count is the first element
			ids = le.Uint64(h[pageHeaderSize:]) + 1
		}
		if ids > (overflow+1)*uint64(m.pageSize)/8 {
			return fmt.Errorf("compte %d pages libres de plus que sa taille", ids)
		}
	}
	return nil
}

func damaged(path string, cause error) *DamagedError {
	return &DamagedError{Path: path, Cause: cause, NewestBackup: newestGoodBackup(path)}
}

// Check runs the consistency check: every bucket and record walked under the
// fault guard, then bbolt's own page check. It returns a *DamagedError.
func (db *DB) Check() error {
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.bolt == nil {
		return berrors.ErrDatabaseNotOpen
	}
	return db.checkLocked()
}

func (db *DB) checkLocked() error {
	if err := checkBolt(db.bolt); err != nil {
		return damaged(db.path, err)
	}
	return nil
}

func checkBolt(b *bolt.DB) error {
	if err := walkAddresses(b, false); err != nil {
		return err
	}
	return guard(func() error {
		return b.View(func(tx *bolt.Tx) error {
			// Drain the channel: the checker reads the file until it closes
			// it, and must be done before the file is unmapped.
			var first error
			for err := range tx.Check() {
				if first == nil {
					first = err
				}
			}
			return first
		})
	})
}

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
