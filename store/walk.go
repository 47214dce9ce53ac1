package store

import (
	"encoding/binary"
	"fmt"
	"os"
	"runtime"
	"unsafe"

	bolt "go.etcd.io/bbolt"
)

// walkAddresses walks every page in this goroutine, where a fault is
// caught, and checks that every key and value lies inside the file: bbolt's
// Check runs in a goroutine of its own and reads keys; the transactions
// after Open read values.
//
// It first reads every branch page from the file itself (read, not mapped:
// nothing can fault) and checks that their keys lie in the page and their
// children below the high-water mark: the cursor walk reads only the child
// page ids of branch pages, bbolt's check reads their keys too.
func walkAddresses(b *bolt.DB) error {
	f, err := os.Open(b.Path())
	if err != nil {
		return err
	}
	defer f.Close()
	return guard(func() error {
		return b.View(func(tx *bolt.Tx) error {
			pageSize := uint64(b.Info().PageSize)
			br := &branchReader{f: f, pageSize: pageSize, hwm: uint64(tx.Size()) / pageSize, seen: map[uint64]bool{}}
			if err := br.walk(uint64(tx.Cursor().Bucket().Root())); err != nil {
				return err
			}
			lo := b.Info().Data
			w := walker{lo: lo, hi: lo + uintptr(tx.Size()), branches: br}
			return tx.ForEach(func(name []byte, bk *bolt.Bucket) error {
				if !w.inFile(name) {
					return fmt.Errorf("nom de seau hors du fichier")
				}
				bw := w
				bw.touch = bk.Root() == 0 // inline
				return bw.bucket(bk)
			})
		})
	})
}

// walker goes through every bucket of a read transaction and checks, by
// address only (nothing is read), that each key and value lies in the
// mapped file, [lo, hi). An inline bucket (one small enough to live in its
// parent's value) may be a copy on the heap, made by bbolt: its keys and
// values are touched instead (touch), which is cheap, they are few.
type walker struct {
	lo, hi   uintptr
	touch    bool
	branches *branchReader
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

func (w walker) bucket(b *bolt.Bucket) error {
	if !w.touch {
		if err := w.branches.walk(uint64(b.Root())); err != nil {
			return err
		}
	}
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if !w.inFile(k) {
			return fmt.Errorf("clé hors du fichier (%d octets)", len(k))
		}
		if v == nil {
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
	}
	return nil
}

// branchReader reads the branch pages of the file with ReadAt.
type branchReader struct {
	f        *os.File
	pageSize uint64
	hwm      uint64          // pages in use, from the transaction's meta
	seen     map[uint64]bool // branch pages already read: a cycle is damage
}

// walk checks the branch pages of the tree rooted at page id: each
// element's key lies inside its page (and overflow), each child page below
// the high-water mark. Leaf pages are left to the cursor walk.
func (r *branchReader) walk(id uint64) error {
	if id < 2 || id >= r.hwm {
		return fmt.Errorf("page %d hors du fichier (%d pages)", id, r.hwm)
	}
	var h [pageHeaderSize]byte
	if _, err := r.f.ReadAt(h[:], int64(id*r.pageSize)); err != nil {
		return fmt.Errorf("page %d illisible : %w", id, err)
	}
	le := binary.LittleEndian
	if le.Uint16(h[8:])&pageBranch == 0 {
		return nil
	}
	if r.seen[id] {
		return fmt.Errorf("page %d atteinte deux fois", id)
	}
	r.seen[id] = true
	count, overflow := uint64(le.Uint16(h[10:])), uint64(le.Uint32(h[12:]))
	if id+overflow >= r.hwm {
		return fmt.Errorf("page %d : déborde au-delà de la fin", id)
	}
	page := make([]byte, (overflow+1)*r.pageSize)
	if _, err := r.f.ReadAt(page, int64(id*r.pageSize)); err != nil {
		return fmt.Errorf("page %d illisible : %w", id, err)
	}
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
