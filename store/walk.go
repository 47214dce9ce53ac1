package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"runtime"
	"unsafe"

	bolt "go.etcd.io/bbolt"
)

// walkAddresses walks every page in this goroutine, where a fault is
// caught, and checks that every key and value lies inside the file: bbolt's
// Check runs in a goroutine of its own and reads keys; the transactions
// after Open read values. The cursor walk reads leaf pages, but of branch
// pages only their child page ids, so every branch page is also read
// (branchReader) and its keys checked: bbolt's check reads those too.
//
// With order, it also checks that each bucket's keys come in order. That is
// for a file bbolt is about to open for writing without a freelist on disk
// (openBolt): bbolt then walks it in a goroutine that, at its first error,
// makes Open panic and goes on reading the mapping on its own, which the
// guard recovers from but cannot stop. Checking here first what that walk
// most likely finds wrong keeps it from finding anything.
func walkAddresses(b *bolt.DB, order bool) error {
	return guard(func() error {
		return b.View(func(tx *bolt.Tx) error {
			lo := b.Info().Data
			w := walker{lo: lo, hi: lo + uintptr(tx.Size()), order: order}
			version, err := readVersion(tx)
			if err != nil {
				return err
			}
			if err := tx.ForEach(func(name []byte, bk *bolt.Bucket) error {
				if !w.inFile(name) {
					return fmt.Errorf("nom de seau hors du fichier")
				}
				bw := w
				bw.touch = bk.Root() == 0 // inline
				// From schema 3 the values of a workspace carry a checksum,
				// checked here, in the same pass, rather than in a second
				// walk of every page.
				if version >= 3 && bytes.HasPrefix(name, wsPrefix) {
					bw.ws, bw.sealed = string(name[len(wsPrefix):]), true
				}
				return bw.bucket(bk)
			}); err != nil {
				return err
			}
			return walkBranches(tx, w, uint64(b.Info().PageSize))
		})
	})
}

// walkBranches reads the branch pages of every bucket that has pages, from
// the root bucket down. The walk above has checked that the root bucket's
// first key lies in the mapping: it anchors the view of the mapped file.
func walkBranches(tx *bolt.Tx, w walker, pageSize uint64) error {
	c := tx.Cursor()
	first, _ := c.First()
	if first == nil {
		return nil // an empty file: its root page is an empty leaf
	}
	data, err := w.mapped(first)
	if err != nil {
		return err
	}
	br := &branchReader{data: data, pageSize: pageSize, seen: map[uint64]bool{}}
	roots := []uint64{uint64(c.Bucket().Root())}
	if err := collectRoots(tx.Cursor().Bucket(), &roots); err != nil {
		return err
	}
	for _, id := range roots {
		if err := br.walk(id); err != nil {
			return err
		}
	}
	return nil
}

// collectRoots appends the root page of every bucket under b that has its
// own pages (not inline).
func collectRoots(b *bolt.Bucket, roots *[]uint64) error {
	return b.ForEachBucket(func(k []byte) error {
		child := b.Bucket(k)
		if child == nil || child.Root() == 0 {
			return nil
		}
		*roots = append(*roots, uint64(child.Root()))
		return collectRoots(child, roots)
	})
}

// walker goes through every bucket of a read transaction and checks, by
// address only (nothing is read), that each key and value lies in the
// mapped file, [lo, hi). An inline bucket (one small enough to live in its
// parent's value) may be a copy on the heap, made by bbolt: its keys and
// values are touched instead (touch), which is cheap, they are few.
type walker struct {
	lo, hi uintptr
	touch  bool
	order  bool // also check that keys come in order (see walkAddresses)

	sealed bool   // a workspace bucket of schema 3: check every value (checkValue)
	ws     string // its workspace id
}

func (w walker) inFile(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	if w.touch {
		x := b[0] ^ b[len(b)-1]
		runtime.KeepAlive(x) // the reads must happen
		return true
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	end := start + uintptr(len(b))
	return start >= w.lo && end > start && end <= w.hi
}

// mapped returns the whole mapping, [lo, hi), as a byte slice, from anchor,
// a key that lies in it. bbolt gives the mapping's address only as a
// uintptr; the slice is made by moving the anchor's pointer back to the
// start (unsafe.Add), which is sound: the mapping is not Go memory, the
// garbage collector neither moves nor frees it, and the transaction keeps
// it mapped while the slice is used.
func (w walker) mapped(anchor []byte) ([]byte, error) {
	if w.touch || len(anchor) == 0 || !w.inFile(anchor) {
		return nil, fmt.Errorf("clé de départ hors du fichier")
	}
	p := unsafe.Pointer(unsafe.SliceData(anchor))
	start := unsafe.Add(p, -int(uintptr(p)-w.lo))
	return unsafe.Slice((*byte)(start), w.hi-w.lo), nil
}

func (w walker) bucket(b *bolt.Bucket) error {
	c := b.Cursor()
	var prev []byte
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if !w.inFile(k) {
			return fmt.Errorf("clé hors du fichier (%d octets)", len(k))
		}
		if w.order && prev != nil && bytes.Compare(prev, k) >= 0 {
			return fmt.Errorf("clés dans le désordre : %q puis %q", prev, k)
		}
		prev = k
		if v == nil {
			if w.sealed {
				return recordError(w.ws, k, fmt.Errorf("sous-seau inattendu"))
			}
			child := b.Bucket(k)
			if child == nil {
				return fmt.Errorf("sous-seau %q illisible", k)
			}
			cw := w
			cw.touch = w.touch || child.Root() == 0
			if err := cw.bucket(child); err != nil {
				return err
			}
			continue
		}
		if !w.inFile(v) {
			return fmt.Errorf("valeur de la clé %q hors du fichier (%d octets)", k, len(v))
		}
		if w.sealed {
			if err := checkValue(w.ws, k, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// branchReader reads the branch pages of the mapped file, under the guard.
type branchReader struct {
	data     []byte // the mapped file up to the high-water mark
	pageSize uint64
	seen     map[uint64]bool // branch pages already read: a cycle is damage
}

// walk checks the pages of the tree rooted at page id: each one ends below
// the high-water mark, and on a branch page each element's key lies inside
// the page (and its overflow). Leaf elements are left to the cursor walk.
func (r *branchReader) walk(id uint64) error {
	hwm := uint64(len(r.data)) / r.pageSize
	if id < 2 || id >= hwm {
		return fmt.Errorf("page %d hors du fichier (%d pages)", id, hwm)
	}
	page := r.data[id*r.pageSize:]
	le := binary.LittleEndian
	// Any page, leaf or branch: bbolt's check marks each of its overflow
	// pages as reached, one map entry each (a page saying it runs on for
	// two billion pages took 14 GB before the process died).
	if overflow := uint64(le.Uint32(page[12:])); id+overflow >= hwm {
		return fmt.Errorf("page %d : déborde de %d pages au-delà de la fin", id, id+overflow+1-hwm)
	}
	if le.Uint16(page[8:])&pageBranch == 0 {
		return nil
	}
	if r.seen[id] {
		return fmt.Errorf("page %d atteinte deux fois", id)
	}
	r.seen[id] = true
	count, overflow := uint64(le.Uint16(page[10:])), uint64(le.Uint32(page[12:]))
	page = page[:(overflow+1)*r.pageSize]
	const elemSize = 16 // pos uint32, ksize uint32, pgid uint64
	if pageHeaderSize+count*elemSize > uint64(len(page)) {
		return fmt.Errorf("page %d : %d éléments ne tiennent pas dans la page", id, count)
	}
	for i := range count {
		e := pageHeaderSize + i*elemSize
		pos, ksize := uint64(le.Uint32(page[e:])), uint64(le.Uint32(page[e+4:]))
		if e+pos+ksize > uint64(len(page)) {
			return fmt.Errorf("page %d, élément %d : clé hors de la page", id, i)
		}
		if err := r.walk(le.Uint64(page[e+8:])); err != nil {
			return err
		}
	}
	return nil
}
