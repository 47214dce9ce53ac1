package store

import (
	"encoding/binary"
	"errors"
	"os"

	bolt "go.etcd.io/bbolt"
)

// checkOnOpen refuses a database without any workspace while a backup
// beside it holds one (every value's checksum was checked by the walk of
// the file, walkAddresses): the file lost its data (emptied, replaced),
// and working on it would soon push the good backups out of the five kept.
func (db *DB) checkOnOpen() error {
	empty := false
	err := guardFault(func() error {
		return db.bolt.View(func(tx *bolt.Tx) error {
			empty = !holdsData(tx)
			return nil
		})
	})
	if err != nil {
		return damaged(db.path, err)
	}
	if empty {
		if p := dataBackup(db.path); p != "" {
			return &DamagedError{Path: db.path, Cause: errEmpty, NewestBackup: p}
		}
	}
	return nil
}

// repairMeta rewrites a meta page that does not read, before bbolt maps
// the file. bbolt keeps two copies of its meta page and reads the file
// through the valid one, so such a file holds all its data; but bbolt's
// consistency check panics on the zeroed page, and left alone the file
// would have no copy to fall back on at the next torn write. The valid
// page is copied over the bad one (the meta record holds no page number;
// its header does, and is set), fsync'd. The check that follows then runs
// on the whole file as usual. Read-only, nothing is written.
func repairMeta(path string) (int, error) {
	bad, good, ps := badMetaPage(path)
	if bad < 0 {
		return -1, nil
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return -1, err
	}
	defer f.Close()
	page := make([]byte, ps)
	if _, err := f.ReadAt(page, int64(good)*int64(ps)); err != nil {
		return -1, err
	}
	binary.LittleEndian.PutUint64(page[0:], uint64(bad))
	if _, err := f.WriteAt(page, int64(bad)*int64(ps)); err != nil {
		return -1, err
	}
	if err := f.Sync(); err != nil {
		return -1, err
	}
	return bad, nil
}

// Recovered tells whether Open found one of bbolt's two meta pages
// unreadable, read the file through the other and rewrote it (page: 0 or
// 1). Nothing was lost; doctor says so.
func (db *DB) Recovered() (page int, ok bool) { return db.recovered, db.recovered >= 0 }

// badMetaPage returns which of the two meta pages (0 or 1) does not read
// while the other (good) does, and the page size; bad is -1 otherwise.
func badMetaPage(path string) (bad, good int, pageSize uint32) {
	f, err := os.Open(path)
	if err != nil {
		return -1, 0, 0
	}
	defer f.Close()
	buf := make([]byte, pageHeaderSize+metaSize)
	if _, err := f.ReadAt(buf, 0); err != nil {
		return -1, 0, 0
	}
	m0, ok0 := readMeta(buf)
	sizes := []uint32{4096, 8192, 16384, 65536}
	if ok0 {
		sizes = []uint32{m0.pageSize}
	}
	for _, ps := range sizes {
		if _, err := f.ReadAt(buf, int64(ps)); err != nil {
			continue
		}
		if m1, ok1 := readMeta(buf); ok1 && m1.pageSize == ps {
			if !ok0 {
				return 0, 1, ps
			}
			return -1, 0, 0
		}
	}
	if ok0 && m0.pageSize >= 512 && m0.pageSize <= 1<<20 {
		return 1, 0, m0.pageSize
	}
	return -1, 0, 0
}

// errEmpty is the cause of a DamagedError for a database that holds no
// workspace while a backup does.
var errEmpty = errors.New("elle est vide alors qu'une sauvegarde contient des espaces de travail")
