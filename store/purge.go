package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
)

// Erasure. bbolt keeps deleted values in free pages until they are reused,
// and a hot backup copies free pages too. So a purge is: the deletion in one
// transaction; then a compacted copy of the file (live data only) fsync'd
// and renamed over the original, whose old bytes are overwritten with zeros
// before they are let go; then every backup (and file kept by Restore) put
// through the same purge and compaction — or deleted when that fails.

// Erased replaces purged free text.
const Erased = "[effacé]"

// PurgeWorkspace deletes a workspace and everything in it, then compacts
// the file and rewrites the backups.
func (db *DB) PurgeWorkspace(ws string) error {
	purge := func(tx *bolt.Tx) error {
		if err := deleteTeam(tx, ws); err != nil {
			return err
		}
		err := tx.DeleteBucket(wsBucketName(ws))
		if errors.Is(err, berrors.ErrBucketNotFound) {
			return nil
		}
		return err
	}
	if _, err := db.Workspace(ws); err != nil {
		return err
	}
	if err := db.update(purge); err != nil {
		return err
	}
	return db.compactAndPurgeBackups(purge)
}

// PurgeClientPersonalData blanks the personal data of one client: the users,
// e-mails and IBANs in its captures (fields typed e-mail or IBAN, names and
// holders, and any value that looks like an e-mail or an IBAN), the values
// in its evidence that look personal and the findings' details, its notes
// and reasons, and the details of its audit events. Statuses stay. Then the
// file is compacted and the backups rewritten.
func (db *DB) PurgeClientPersonalData(ws, clientID string) error {
	g := checklist.Default()
	purge := func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			var nf *NotFoundError
			if errors.As(err, &nf) {
				return nil
			}
			return err
		}
		return scrubClient(w, g, clientID)
	}
	now := db.now()
	err := db.update(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		if w.b.Get(summaryKey(clientID)) == nil {
			return &NotFoundError{What: "client", ID: clientID}
		}
		if err := purge(tx); err != nil {
			return err
		}
		return w.addEvent(Event{At: now, Workspace: ws, Action: ActionClientPurge, Ref: checklist.Ref{Client: clientID}})
	})
	if err != nil {
		return err
	}
	return db.compactAndPurgeBackups(purge)
}

// scrubClient blanks the personal data in a client's region: its step
// records and its audit events, which all sit between its summary and
// regionEnd.
func scrubClient(w *wsBucket, g *checklist.Guide, clientID string) error {
	type kv struct{ k, v []byte }
	var rewrite []kv
	end := regionEnd(clientID)
	c := w.b.Cursor()
	for k, v := c.Seek(summaryKey(clientID)); k != nil && bytes.Compare(k, end) < 0; k, v = c.Next() {
		ck, ok := parseClientKey(k)
		if !ok || ck.client != clientID {
			continue
		}
		v, err := openValue(w.id, k, v)
		if err != nil {
			return err
		}
		var b []byte
		switch ck.kind {
		case kindStep:
			var st checklist.StepState
			if err := decode(v, "étape", &st); err != nil {
				return err
			}
			scrubState(g, ck.step, &st)
			var err error
			if b, err = encode(st); err != nil {
				return err
			}
		case kindEvent:
			e, err := decodeEvent(w.id, k, v)
			if err != nil {
				return err
			}
			if e.Detail == "" {
				continue
			}
			e.Detail = Erased
			if b, err = encodeEvent(e); err != nil {
				return err
			}
		default:
			continue
		}
		rewrite = append(rewrite, kv{bytes.Clone(k), b})
	}
	for _, r := range rewrite {
		if err := w.put(r.k, r.v); err != nil {
			return err
		}
	}
	return nil
}

func scrubState(g *checklist.Guide, stepID string, st *checklist.StepState) {
	if st.Note != "" {
		st.Note = ""
	}
	if st.Reason != "" {
		st.Reason = Erased
	}
	if st.Capture != nil {
		var form *checklist.Form
		if s, ok := g.Step(stepID); ok {
			form = s.Form
		}
		for _, rec := range st.Capture.Items {
			for k, v := range rec {
				if personalField(form, k) || looksPersonal(v) {
					rec[k] = ""
				}
			}
		}
	}
	if e := st.Evidence; e != nil {
		for k, v := range e.Facts {
			if looksPersonal(v) {
				e.Facts[k] = Erased
			}
		}
		for i := range e.Findings {
			if e.Findings[i].Detail != "" {
				e.Findings[i].Detail = Erased
			}
		}
	}
}

func personalField(form *checklist.Form, id string) bool {
	switch id {
	case "name", "email", "iban", "holder":
		return true
	}
	if form == nil {
		return false
	}
	f, ok := form.Field(id)
	return ok && (f.Type == checklist.FieldEmail || f.Type == checklist.FieldIBAN || f.Type == checklist.FieldSecret)
}

func looksPersonal(v string) bool {
	if strings.Contains(v, "@") {
		return true
	}
	n := ident.NormalizeIBAN(v)
	return len(n) >= 15 && ident.ValidateIBAN(n) == nil
}

// compactAndPurgeBackups compacts the live file, then puts every backup
// through purge and compaction.
func (db *DB) compactAndPurgeBackups(purge func(tx *bolt.Tx) error) error {
	if err := db.compact(); err != nil {
		return err
	}
	files, err := listFiles(db.path, backupInfix)
	if err != nil {
		return err
	}
	kept, err := listFiles(db.path, replacedInfix)
	if err != nil {
		return err
	}
	var errs []error
	for _, b := range append(files, kept...) {
		if err := rewriteFile(b.Path, purge); err != nil {
			// A backup that cannot be purged must not keep the data.
			if rerr := wipeAndRemove(b.Path); rerr != nil {
				errs = append(errs, fmt.Errorf("sauvegarde %s : %v, puis %v", b.Path, err, rerr))
			}
		}
	}
	return errors.Join(errs...)
}

// compact swaps the open file for a compacted copy.
func (db *DB) compact() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.bolt == nil {
		return berrors.ErrDatabaseNotOpen
	}
	if db.opt.ReadOnly {
		return ErrReadOnly
	}
	tmp, err := compactInto(db.bolt, db.path)
	if err != nil {
		return err
	}
	old := openForWipe(db.path)
	if err := endSession(db.bolt); err != nil {
		_ = os.Remove(tmp)
		if old != nil {
			old.Close()
		}
		return err
	}
	db.bolt = nil
	renameErr := os.Rename(tmp, db.path)
	if renameErr == nil {
		syncDir(filepath.Dir(db.path))
		zeroFile(old)
	} else {
		_ = os.Remove(tmp)
	}
	if old != nil {
		old.Close()
	}
	b, _, err := openBolt(db.path, db.opt.Timeout, false)
	if err != nil {
		return fmt.Errorf("réouverture après compactage : %w", err)
	}
	beginSession(b)
	db.bolt = b
	if renameErr != nil {
		return fmt.Errorf("compactage de %s : %w", db.path, renameErr)
	}
	return nil
}

// compactInto writes a compacted copy of src beside path and returns its
// name, fsync'd.
func compactInto(src *bolt.DB, path string) (string, error) {
	tmp := path + ".compact.tmp"
	_ = os.Remove(tmp)
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return "", err
	}
	if err := bolt.Compact(dst, src, 0); err != nil {
		dst.Close()
		_ = os.Remove(tmp)
		return "", fmt.Errorf("compactage : %w", err)
	}
	if err := dst.Sync(); err != nil {
		dst.Close()
		_ = os.Remove(tmp)
		return "", err
	}
	if err := dst.Close(); err != nil {
		_ = os.Remove(tmp)
		return "", err
	}
	return tmp, nil
}

// rewriteFile applies purge to a backup file and compacts it in place.
func rewriteFile(path string, purge func(tx *bolt.Tx) error) error {
	b, _, err := openBolt(path, time.Second, false)
	if err != nil {
		return err
	}
	// A backup may predate the current schema: migrate it in the same
	// transaction, then purge it like the live file.
	err = guard(func() error {
		return b.Update(func(tx *bolt.Tx) error {
			if err := toCurrent(tx); err != nil {
				return err
			}
			return purge(tx)
		})
	})
	if err != nil {
		safeClose(b)
		return err
	}
	tmp, err := compactInto(b, path)
	if err != nil {
		safeClose(b)
		return err
	}
	old := openForWipe(path)
	safeClose(b)
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		if old != nil {
			old.Close()
		}
		return err
	}
	syncDir(filepath.Dir(path))
	zeroFile(old)
	if old != nil {
		old.Close()
	}
	return nil
}

// openForWipe keeps a handle on a file about to be replaced, to zero it
// afterwards (not on Windows, where a file cannot be renamed over while open).
func openForWipe(path string) *os.File {
	if runtime.GOOS == "windows" {
		return nil
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil
	}
	return f
}

// zeroFile overwrites a file that has just been replaced by rename, so that
// its old blocks do not keep purged bytes. (On Windows the rename already
// required the file closed; nothing to do there.)
func zeroFile(f *os.File) {
	if f == nil || runtime.GOOS == "windows" {
		return
	}
	st, err := f.Stat()
	if err != nil {
		return
	}
	zero := make([]byte, 1<<16)
	for off := int64(0); off < st.Size(); off += int64(len(zero)) {
		n := min(int64(len(zero)), st.Size()-off)
		if _, err := f.WriteAt(zero[:n], off); err != nil {
			return
		}
	}
	_ = f.Sync()
}

func wipeAndRemove(path string) error {
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		zeroFile(f)
		f.Close()
	}
	err := os.Remove(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}
