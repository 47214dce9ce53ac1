package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/bascule-cli/bascule/checklist/atomicfile"
)

// Backups sit beside the database and are named
//
//	<file>.backup-20261125T223000Z      (UTC; "-2", "-3"... when two fall in one second)
//
// so that they sort by time. A file replaced by Restore is kept as
// <file>.replaced-<stamp>; it is not offered as a backup (it may be the
// damaged one) but is purged like the backups.
const (
	backupInfix   = ".backup-"
	replacedInfix = ".replaced-"
	stampLayout   = "20060102T150405Z"
)

// BackupInfo describes one backup file.
type BackupInfo struct {
	Path string
	At   time.Time
	Size int64
	// HasData is set by GoodBackup: the backup holds a workspace.
	HasData bool
	seq     int
}

// Backup takes a hot backup beside the database (a consistent copy from a
// read transaction), fsync'd, then keeps only the newest KeepBackups.
//
// A backup never pushes a better one out: the new copy is read back in
// full (every page, every record decoded) before the rotation, and
// removed, with a *DamagedError, when it does not read back, or when it
// holds no workspace while an older backup does. So whenever the rotation
// deletes a backup, the newest backup has just been verified in full.
func (db *DB) Backup() (string, error) {
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.bolt == nil {
		return "", bolt.ErrDatabaseNotOpen
	}
	p, err := db.backupLocked("")
	if err != nil {
		return "", err
	}
	data, err := verifyBackupQuiet(p)
	if err != nil {
		_ = os.Remove(p)
		return "", damaged(db.path, fmt.Errorf("sa copie ne se relit pas, aucune sauvegarde n'a été remplacée : %w", err))
	}
	if !data {
		if good := dataBackup(db.path); good != "" {
			_ = os.Remove(p)
			return "", &DamagedError{Path: db.path, Cause: errEmpty, NewestBackup: good}
		}
	}
	if err := rotate(db.path, db.opt.KeepBackups); err != nil {
		return p, err
	}
	return p, nil
}

// SessionBackup is the backup to take when a session starts: a Backup,
// unless the newest backup is younger than minAge — starting bascule five
// times in an afternoon must not push the backups of the days before out
// of the five kept. It returns the new backup's path, or "" when none was
// needed.
func (db *DB) SessionBackup(minAge time.Duration) (string, error) {
	bs, err := Backups(db.path)
	if err != nil {
		return "", err
	}
	if len(bs) > 0 && db.now().Sub(bs[0].At) < minAge {
		return "", nil
	}
	return db.Backup()
}

func (db *DB) backupLocked(_ string) (string, error) {
	name, err := freeBackupName(db.path, backupInfix, db.now())
	if err != nil {
		return "", err
	}
	err = atomicfile.Write(name, func(w io.Writer) error {
		return db.bolt.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
	if err != nil {
		return "", fmt.Errorf("sauvegarde de %s : %w", db.path, err)
	}
	return name, nil
}

func freeBackupName(dbPath, infix string, at time.Time) (string, error) {
	base := dbPath + infix + at.UTC().Format(stampLayout)
	for i := 1; i < 1000; i++ {
		name := base
		if i > 1 {
			name = base + "-" + strconv.Itoa(i)
		}
		if _, err := os.Lstat(name); errors.Is(err, os.ErrNotExist) {
			return name, nil
		}
	}
	return "", fmt.Errorf("trop de sauvegardes dans la même seconde pour %s", dbPath)
}

// syncDir makes a rename in dir durable (compaction's); best effort.
func syncDir(dir string) {
	_ = atomicfile.Writer{}.SyncFolder(dir)
}

func parseBackupName(dbPath, name, infix string) (time.Time, int, bool) {
	prefix := filepath.Base(dbPath) + infix
	base := filepath.Base(name)
	if !strings.HasPrefix(base, prefix) || strings.Contains(base, ".tmp-") {
		return time.Time{}, 0, false
	}
	rest := base[len(prefix):]
	seq := 1
	if i := strings.IndexByte(rest, '-'); i >= 0 {
		n, err := strconv.Atoi(rest[i+1:])
		if err != nil {
			return time.Time{}, 0, false
		}
		seq, rest = n, rest[:i]
	}
	at, err := time.Parse(stampLayout, rest)
	if err != nil {
		return time.Time{}, 0, false
	}
	return at, seq, true
}

func listFiles(dbPath, infix string) ([]BackupInfo, error) {
	entries, err := os.ReadDir(filepath.Dir(dbPath))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var out []BackupInfo
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		at, seq, ok := parseBackupName(dbPath, e.Name(), infix)
		if !ok {
			continue
		}
		info := BackupInfo{Path: filepath.Join(filepath.Dir(dbPath), e.Name()), At: at, seq: seq}
		if fi, err := e.Info(); err == nil {
			info.Size = fi.Size()
		}
		out = append(out, info)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.After(out[j].At)
		}
		return out[i].seq > out[j].seq
	})
	return out, nil
}

// Backups lists the backups of the database at dbPath, newest first.
func Backups(dbPath string) ([]BackupInfo, error) {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return nil, err
	}
	return listFiles(abs, backupInfix)
}

func rotate(dbPath string, keep int) error {
	bs, err := listFiles(dbPath, backupInfix)
	if err != nil {
		return err
	}
	for i := keep; i < len(bs); i++ {
		if err := os.Remove(bs[i].Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// verifyFile opens a file read-only under the guard, runs the check and
// decodes every record (checksums included from schema 3): a backup is
// good only if everything in it can be read back. hasData tells whether it
// holds a workspace.
func verifyFile(path string) (hasData bool, err error) {
	b, _, err := openBolt(path, time.Second, true)
	if err != nil {
		return false, err
	}
	defer safeClose(b)
	if err := checkBolt(b); err != nil {
		return false, err
	}
	err = guardFault(func() error {
		return b.View(func(tx *bolt.Tx) error {
			v, err := readVersion(tx)
			if err != nil {
				return err
			}
			if v > SchemaVersion {
				return &TooNewError{Path: path, Found: v, Supported: SchemaVersion}
			}
			hasData = holdsData(tx)
			return verifyRecords(tx, v >= 3)
		})
	})
	return hasData, err
}

// GoodBackup returns the backup to restore: the newest one that verifies
// and decodes fully and holds a workspace, else the newest one that
// verifies and decodes (an empty database). ok is false when none does.
func GoodBackup(dbPath string) (b BackupInfo, ok bool) {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return BackupInfo{}, false
	}
	b, data, ok := goodBackup(abs)
	b.HasData = data
	return b, ok
}

// goodBackup is GoodBackup; hasData tells whether the one found holds a
// workspace.
func goodBackup(abs string) (b BackupInfo, hasData, ok bool) {
	bs, err := listFiles(abs, backupInfix)
	if err != nil {
		return BackupInfo{}, false, false
	}
	for i := range bs {
		data, err := verifyBackupQuiet(bs[i].Path)
		if err != nil {
			continue
		}
		if data {
			return bs[i], true, true
		}
		if !ok {
			b, ok = bs[i], true
		}
	}
	return b, false, ok
}

// newestGoodBackup is GoodBackup's path, or "".
func newestGoodBackup(dbPath string) string {
	b, _, _ := goodBackup(dbPath)
	return b.Path
}

// dataBackup returns the newest good backup that holds a workspace, or "".
func dataBackup(dbPath string) string {
	b, data, _ := goodBackup(dbPath)
	if !data {
		return ""
	}
	return b.Path
}

func verifyBackupQuiet(path string) (bool, error) {
	// Avoid recursion through damaged(): check the header, then open.
	if _, err := precheck(path); err != nil {
		return false, err
	}
	return verifyFile(path)
}

// Restore replaces the database at dbPath with a backup. It refuses while
// another process has the database open, verifies the backup first, and
// keeps the replaced file as <file>.replaced-<stamp>.
func Restore(dbPath, backupPath string) error {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return err
	}
	if _, err := verifyBackupQuiet(backupPath); err != nil {
		return fmt.Errorf("la sauvegarde %s n'est pas utilisable : %w", backupPath, err)
	}
	// Held until the backup is in place: no bascule opens the file between
	// the probe below and the rename.
	lock, err := lockSession(abs, time.Second, false)
	if err != nil {
		return err
	}
	defer lock.release()
	// Probe the lock: if bbolt can take it, nobody else holds the file.
	if _, err := os.Stat(abs); err == nil {
		b, _, err := openBolt(abs, time.Second, false)
		var inUse *InUseError
		if errors.As(err, &inUse) {
			return err
		}
		if err == nil {
			_ = safeClose(b)
		}
		// A damaged file is what Restore is for: go on.
		kept, err := freeBackupName(abs, replacedInfix, time.Now())
		if err != nil {
			return err
		}
		if err := os.Rename(abs, kept); err != nil {
			return fmt.Errorf("mise de côté de %s : %w", abs, err)
		}
	} else if err := atomicfile.MkdirAll(filepath.Dir(abs)); err != nil {
		return err
	}
	err = atomicfile.Write(abs, func(w io.Writer) error {
		src, err := os.Open(backupPath)
		if err != nil {
			return err
		}
		defer src.Close()
		_, err = io.Copy(w, src)
		return err
	})
	if err != nil {
		return fmt.Errorf("restauration de %s : %w", abs, err)
	}
	return nil
}
