package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// migration brings the schema to version To. Migrations run in order, all
// pending ones and the version bump in one transaction.
type migration struct {
	To   uint64
	Name string
	Fn   func(tx *bolt.Tx) error
}

// migrations is the ordered list; each has its own test on a fixture of the
// version before it.
func migrations() []migration {
	return []migration{
		{To: 1, Name: "schéma initial (meta, workspaces)", Fn: migrateTo1},
		{To: 2, Name: "un seau par espace, résumés, étapes et événements d'un client côte à côte", Fn: migrateTo2},
		{To: 3, Name: "somme de contrôle CRC-32C de chaque valeur", Fn: migrateTo3},
	}
}

// Version 0 is any file without a schema version: a brand-new file, or one
// written by a pre-release build (a meta bucket without "version", maybe
// other top-level buckets). Version 1 adds the meta version and the
// workspaces bucket.
func migrateTo1(tx *bolt.Tx) error {
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	if meta.Get(keyCreated) == nil {
		if err := meta.Put(keyCreated, []byte("v1")); err != nil {
			return err
		}
	}
	_, err = tx.CreateBucketIfNotExists(v1Workspaces)
	return err
}

// The version-1 layout, read only by migrateTo2:
//
//	workspaces/<ws id>/
//	  info, request, layout, keycheck → envelopes; cabinet → cabinet summary
//	  clients/<client id>             → client summary (sequence: last order)
//	  steps/<client id> 0x00 <step>   → envelope(StepState)
//	  overrides/<seq BE>              → envelope(Override)
//	  events/<seq BE>                 → envelope(Event) (sequence: last seq)
//	  secrets/<name>                  → sealed blob
var (
	v1Workspaces = []byte("workspaces")
	v1Clients    = []byte("clients")
	v1Steps      = []byte("steps")
	v1Overrides  = []byte("overrides")
	v1Events     = []byte("events")
	v1Secrets    = []byte("secrets")
)

// migrateTo2 moves each workspace out of workspaces/ into a top-level bucket
// of its own, "ws/" + id, where a client's summary, step records and audit
// events sit side by side (see the package doc). Summaries, records and
// sealed secrets are copied byte for byte; only keys change. Event numbers
// and the order of clients and overrides are kept.
func migrateTo2(tx *bolt.Tx) error {
	all := tx.Bucket(v1Workspaces)
	if all == nil {
		return nil
	}
	var ids [][]byte
	if err := all.ForEachBucket(func(k []byte) error {
		ids = append(ids, bytes.Clone(k))
		return nil
	}); err != nil {
		return err
	}
	for _, id := range ids {
		if err := migrateWorkspaceTo2(tx, all.Bucket(id), string(id)); err != nil {
			return fmt.Errorf("espace %q : %w", id, err)
		}
	}
	return tx.DeleteBucket(v1Workspaces)
}

func migrateWorkspaceTo2(tx *bolt.Tx, old *bolt.Bucket, id string) error {
	sub := func(name []byte) (*bolt.Bucket, error) {
		b := old.Bucket(name)
		if b == nil {
			return nil, &FormatError{What: "espace " + id, Msg: fmt.Sprintf("seau « %s » manquant", name)}
		}
		return b, nil
	}
	clients, err := sub(v1Clients)
	if err != nil {
		return err
	}
	steps, err := sub(v1Steps)
	if err != nil {
		return err
	}
	overrides, err := sub(v1Overrides)
	if err != nil {
		return err
	}
	events, err := sub(v1Events)
	if err != nil {
		return err
	}
	secrets, err := sub(v1Secrets)
	if err != nil {
		return err
	}
	w, err := createWS(tx, id)
	if err != nil {
		return err
	}
	w.bulk()
	for name, key := range map[string][]byte{"info": keyInfo, "request": keyRequest, "layout": keyLayout, "keycheck": keyKeyCheck, "cabinet": summaryKey("")} {
		if v := old.Get([]byte(name)); v != nil {
			if err := w.b.Put(key, v); err != nil {
				return err
			}
		}
	}
	if err := w.b.Put(keyClientSeq, u64(clients.Sequence())); err != nil {
		return err
	}
	if err := clients.ForEach(func(k, v []byte) error {
		if err := validID("client", string(k)); err != nil || v == nil {
			return &FormatError{What: "client", Msg: fmt.Sprintf("clé %q", k)}
		}
		return w.b.Put(summaryKey(string(k)), v)
	}); err != nil {
		return err
	}
	if err := steps.ForEach(func(k, v []byte) error {
		i := bytes.IndexByte(k, 0)
		if i < 0 || i == len(k)-1 || v == nil {
			return &FormatError{What: "clé d'étape", Msg: fmt.Sprintf("%q", k)}
		}
		return w.b.Put(stepKey(string(k[:i]), string(k[i+1:])), v)
	}); err != nil {
		return err
	}
	n := uint64(0)
	if err := overrides.ForEach(func(_, v []byte) error {
		n++
		return w.b.Put(overrideKey(n), v)
	}); err != nil {
		return err
	}
	if err := events.ForEach(func(k, v []byte) error {
		if len(k) != 8 || v == nil {
			return &FormatError{What: "clé d'événement", Msg: fmt.Sprintf("%q", k)}
		}
		// An event goes to the region of the client it is about.
		var e struct {
			D struct {
				Ref struct {
					Client string `json:"client"`
				} `json:"ref"`
			} `json:"d"`
		}
		if err := json.Unmarshal(v, &e); err != nil {
			return &FormatError{What: "événement", Msg: err.Error()}
		}
		return w.b.Put(eventKey(e.D.Ref.Client, binary.BigEndian.Uint64(k)), v)
	}); err != nil {
		return err
	}
	if err := w.b.SetSequence(events.Sequence()); err != nil {
		return err
	}
	return secrets.ForEach(func(k, v []byte) error {
		return w.b.Put(secretKey(string(k)), v)
	})
}

// migrateTo3 appends to every value of every workspace its CRC-32C (see
// checksum.go). A schema-2 value has no checksum, so each is decoded first,
// as Verify would: a record that does not decode stops the migration (the
// transaction is rolled back, the file stays at schema 2) instead of being
// sealed as good. Values are rewritten in batches: bbolt does not allow a
// Put while a cursor walks the same bucket, and one batch for the whole
// workspace would hold every value in memory.
func migrateTo3(tx *bolt.Tx) error {
	return forEachWS(tx, func(w *wsBucket) error {
		w.bulk()
		var after []byte
		for {
			batch, err := nextBatch(w, after, 4096)
			if err != nil || len(batch) == 0 {
				return err
			}
			for _, kv := range batch {
				if err := w.put(kv[0], kv[1]); err != nil {
					return err
				}
			}
			after = batch[len(batch)-1][0]
		}
	})
}

// nextBatch copies up to n key/value pairs of w that sort after the key
// after (from the first when nil), each checked by decodeRecord.
func nextBatch(w *wsBucket, after []byte, n int) ([][2][]byte, error) {
	c := w.b.Cursor()
	k, v := c.First()
	if after != nil {
		if k, v = c.Seek(after); k != nil && bytes.Equal(k, after) {
			k, v = c.Next()
		}
	}
	var out [][2][]byte
	for ; k != nil && len(out) < n; k, v = c.Next() {
		if v == nil {
			return nil, recordError(w.id, k, fmt.Errorf("sous-seau inattendu"))
		}
		if err := decodeRecord(w.id, k, v); err != nil {
			return nil, recordError(w.id, k, err)
		}
		out = append(out, [2][]byte{bytes.Clone(k), bytes.Clone(v)})
	}
	return out, nil
}

func readVersion(tx *bolt.Tx) (uint64, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0, nil
	}
	v := meta.Get(keyVersion)
	if v == nil {
		return 0, nil
	}
	if len(v) != 8 {
		return 0, fmt.Errorf("version de schéma illisible (%d octets)", len(v))
	}
	return binary.BigEndian.Uint64(v), nil
}

// SchemaVersion returns the schema version of an open database.
func (db *DB) SchemaVersion() (uint64, error) {
	var v uint64
	err := db.view(func(tx *bolt.Tx) error {
		var err error
		v, err = readVersion(tx)
		return err
	})
	return v, err
}

// upgrade refuses a newer schema and migrates an older one, after a hot
// backup when the file holds anything.
func (db *DB) upgrade() error {
	return db.upgradeWith(migrations(), SchemaVersion)
}

func (db *DB) upgradeWith(ms []migration, target uint64) error {
	var found uint64
	empty := true
	err := guardFault(func() error {
		return db.bolt.View(func(tx *bolt.Tx) error {
			var err error
			found, err = readVersion(tx)
			c := tx.Cursor()
			k, _ := c.First()
			empty = k == nil
			return err
		})
	})
	if err != nil {
		return damaged(db.path, err)
	}
	if found > target {
		return &TooNewError{Path: db.path, Found: found, Supported: target}
	}
	if found == target {
		return nil
	}
	if db.opt.ReadOnly {
		return fmt.Errorf("la base %s est au schéma %d et doit être mise à jour (schéma %d) : ouvrez-la sans lecture seule", db.path, found, target)
	}
	if !empty {
		if _, err := db.backupLocked("pre-migration"); err != nil {
			return fmt.Errorf("sauvegarde avant migration impossible, migration annulée : %w", err)
		}
	}
	return db.faulted(guardFault(func() error {
		return db.bolt.Update(func(tx *bolt.Tx) error { return migrateTx(tx, ms, found, target) })
	}))
}

// migrateTx runs, in tx, the migrations from found to target and records
// target as the schema version.
func migrateTx(tx *bolt.Tx, ms []migration, found, target uint64) error {
	for _, m := range ms {
		if m.To <= found {
			continue
		}
		if m.To > target {
			break
		}
		if err := m.Fn(tx); err != nil {
			return fmt.Errorf("migration vers le schéma %d (%s) : %w", m.To, m.Name, err)
		}
	}
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	return meta.Put(keyVersion, u64(target))
}

// toCurrent brings a file opened outside Open (a backup being purged) to
// the current schema in tx, so that the same purge applies to it.
func toCurrent(tx *bolt.Tx) error {
	v, err := readVersion(tx)
	if err != nil {
		return err
	}
	if v > SchemaVersion {
		return fmt.Errorf("schéma %d plus récent que celui de cette version de bascule (%d)", v, SchemaVersion)
	}
	if v == SchemaVersion {
		return nil
	}
	return migrateTx(tx, migrations(), v, SchemaVersion)
}
