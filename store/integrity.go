package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

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
