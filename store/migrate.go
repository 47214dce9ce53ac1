package store

import (
	"encoding/binary"
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
	_, err = tx.CreateBucketIfNotExists(bucketWorkspaces)
	return err
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
	err := db.bolt.View(func(tx *bolt.Tx) error {
		var err error
		found, err = readVersion(tx)
		c := tx.Cursor()
		k, _ := c.First()
		empty = k == nil
		return err
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
	return db.bolt.Update(func(tx *bolt.Tx) error {
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
	})
}
