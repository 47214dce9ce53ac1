package store

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/bascule-cli/bascule/checklist"
)

// Import limits: an export file comes from outside, maybe hand-made or
// hostile, and is read in memory and written in one transaction.
const (
	MaxImportClients = 12000     // clients in one workspace
	MaxImportBytes   = 256 << 20 // the file (a 12,000-client export: ~85 MiB)
	maxImportEvents  = 2_000_000 // audit events
	maxImportSteps   = 1_000_000 // step records
	maxImportNames   = 1 << 10   // an id, a name, a SIREN, an operator: bytes
	maxImportText    = 64 << 10  // any other string (notes, captures): bytes
)

// ImportOptions say what Import may do with an existing workspace, and how
// the strings of the file are cleaned.
type ImportOptions struct {
	Replace  bool   // replace a workspace with the same id
	RenameTo string // import under another id
	// DropSecrets, with Replace, lets the sealed secrets of the replaced
	// workspace go when the file carries none. Without it they are kept:
	// an export without --with-secrets must not silently erase them.
	DropSecrets bool
	// Clean and CleanText clean every one-line string and every free text
	// (notes, reasons, details) of the file where it enters; the command
	// passes the connectors' sanitiser (store does not import connectors).
	// Ids are not cleaned but refused when cleaning would change them.
	// nil leaves strings as they are.
	Clean, CleanText func(string) string
}

// Import is ImportContext without a way to stop it.
func (db *DB) Import(r io.Reader, opt ImportOptions) (string, error) {
	return db.ImportContext(context.Background(), r, opt)
}

// ImportContext reads a file written by Export into this database and
// returns the workspace id. Everything is checked before anything is
// written (format, export version, schema, limits, ids, references), then
// written in one transaction; ctx cancelled stops it with nothing written.
// An existing workspace is never overwritten unless opt.Replace.
func (db *DB) ImportContext(ctx context.Context, r io.Reader, opt ImportOptions) (string, error) {
	f, err := readImport(ctx, r)
	if err != nil {
		return "", err
	}
	if err := checkImport(&f, opt); err != nil {
		return "", err
	}
	if err := ctx.Err(); err != nil {
		return "", err
	}
	id := f.Workspace.ID
	now := db.now()
	g := checklist.Default()
	err = db.update(func(tx *bolt.Tx) error {
		kept, err := replaceWS(tx, id, opt, f.Secrets != nil && len(f.Secrets.KeyCheck) > 0)
		if err != nil {
			return err
		}
		w, err := createWS(tx, id)
		if err != nil {
			return err
		}
		w.bulk()
		w.collectSorted()
		n := 0
		tick := func() error { // between records: a signal stops the import
			if n++; n%256 == 0 {
				return ctx.Err()
			}
			return nil
		}
		if err := writeImport(w, &f, g, tick); err != nil {
			return err
		}
		for _, kv := range kept {
			if err := w.b.Put(kv[0], kv[1]); err != nil {
				return err
			}
		}
		detail := fmt.Sprintf("export du %s, %d clients", f.ExportedAt.Format(time.RFC3339), len(f.Clients))
		if len(kept) > 0 {
			detail += ", identifiants chiffrés de l'espace remplacé gardés"
		}
		if err := w.addEvent(Event{At: now, Workspace: id, Action: ActionWorkspaceImport, Detail: detail}); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		return w.flushSorted()
	})
	if err != nil {
		return "", err
	}
	return id, nil
}

// replaceWS deletes the workspace id when opt.Replace (ErrExists without
// it) and returns its sealed secrets and key check, raw, when they are to
// be kept: the file carries none and opt.DropSecrets is not set.
func replaceWS(tx *bolt.Tx, id string, opt ImportOptions, fileHasSecrets bool) ([][2][]byte, error) {
	old := tx.Bucket(wsBucketName(id))
	if old == nil {
		return nil, nil
	}
	if !opt.Replace {
		return nil, &ExistsError{What: "workspace", ID: id}
	}
	var kept [][2][]byte
	if !fileHasSecrets && !opt.DropSecrets {
		// Copied as stored: the keys are the same in the new bucket, so
		// the checksums still hold.
		if v := old.Get(keyKeyCheck); v != nil {
			kept = append(kept, [2][]byte{bytes.Clone(keyKeyCheck), bytes.Clone(v)})
		}
		c := old.Cursor()
		for k, v := c.Seek([]byte{tagSecret}); k != nil && k[0] == tagSecret; k, v = c.Next() {
			kept = append(kept, [2][]byte{bytes.Clone(k), bytes.Clone(v)})
		}
	}
	return kept, tx.DeleteBucket(wsBucketName(id))
}

// writeImport writes the checked file f into the new workspace w; tick is
// called between records.
func writeImport(w *wsBucket, f *exportFile, g *checklist.Guide, tick func() error) error {
	b, err := encode(f.Workspace)
	if err != nil {
		return err
	}
	if err := w.put(keyInfo, b); err != nil {
		return err
	}
	sums := map[string]*clientSummary{}
	var maxOrd uint32
	for _, c := range f.Clients {
		sums[c.ID] = &clientSummary{Ord: c.Order, Pending: int32(c.PendingInvoices), Payment: c.Payment, LeftV1: c.LeftV1, Name: c.Name, SIREN: c.SIREN}
		maxOrd = max(maxOrd, c.Order)
	}
	var l layout
	var cab []byte
	for _, s := range f.Steps {
		if err := tick(); err != nil {
			return err
		}
		s.State.Capture = stripSecretFields(g, s.Ref.Step, s.State.Capture)
		b, err := encode(s.State)
		if err != nil {
			return err
		}
		if err := w.put(stepKey(s.Ref.Client, s.Ref.Step), b); err != nil {
			return err
		}
		if s.State.Status == checklist.StatusTodo {
			continue
		}
		pos, _ := l.ensure(s.Ref.Client == "", s.Ref.Step)
		if s.Ref.Client == "" {
			cab = setStatusByte(cab, pos, byte(s.State.Status))
		} else {
			sums[s.Ref.Client].Statuses = setStatusByte(sums[s.Ref.Client].Statuses, pos, byte(s.State.Status))
		}
	}
	for cid, s := range sums {
		if err := tick(); err != nil {
			return err
		}
		if err := w.put(summaryKey(cid), s.marshal()); err != nil {
			return err
		}
	}
	if err := w.put(keyClientSeq, u64(uint64(maxOrd))); err != nil {
		return err
	}
	if err := w.putLayout(l); err != nil {
		return err
	}
	if err := w.put(summaryKey(""), marshalCabinet(cab)); err != nil {
		return err
	}
	for i, o := range f.Overrides {
		b, err := encode(o)
		if err != nil {
			return err
		}
		if err := w.put(overrideKey(uint64(i+1)), b); err != nil {
			return err
		}
	}
	if f.Request != nil {
		b, err := encode(*f.Request)
		if err != nil {
			return err
		}
		if err := w.put(keyRequest, b); err != nil {
			return err
		}
	}
	for _, e := range f.Events {
		if err := tick(); err != nil {
			return err
		}
		e.Workspace = w.id
		if err := w.addEvent(e); err != nil {
			return err
		}
	}
	if f.Secrets == nil || len(f.Secrets.KeyCheck) == 0 {
		return nil
	}
	if err := w.put(keyKeyCheck, f.Secrets.KeyCheck); err != nil {
		return err
	}
	for name, blob := range f.Secrets.Sealed {
		if err := w.put(secretKey(name), blob); err != nil {
			return err
		}
	}
	return nil
}

// stripSecretFields drops, from an imported capture, every field the guide
// declares secret: an export never holds them, a hand-made file might.
func stripSecretFields(g *checklist.Guide, stepID string, c *checklist.Capture) *checklist.Capture {
	step, ok := g.Step(stepID)
	if c == nil || !ok || step.Form == nil {
		return c
	}
	for _, f := range step.Form.Fields {
		if f.Type != checklist.FieldSecret {
			continue
		}
		for _, rec := range c.Items {
			delete(rec, f.ID)
		}
	}
	return c
}
