package store

import (
	"bytes"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/bascule-cli/bascule/checklist"
)

// decodeRecord decodes the payload p stored under key k the way the
// readers do, and throws the result away: it tells whether every reader of
// this record will succeed.
func decodeRecord(ws string, k, p []byte) error {
	if len(k) == 0 {
		return errors.New("clé vide")
	}
	switch k[0] {
	case tagClient:
		if bytes.IndexByte(k, 0) < 0 {
			return decodeSummary(k, p)
		}
		ck, ok := parseClientKey(k)
		if !ok {
			return errors.New("clé illisible")
		}
		if ck.kind == kindStep {
			var st checklist.StepState
			return decode(p, "étape", &st)
		}
		_, err := decodeEvent(ws, k, p)
		return err
	case tagHead:
		return decodeHead(k, p)
	case tagOverride:
		var o checklist.Override
		if len(k) != 9 {
			return errors.New("clé de dérogation illisible")
		}
		return decode(p, "dérogation", &o)
	case tagSecret:
		if len(p) < 1 || p[0] != sealFormat {
			return &FormatError{What: "identifiant chiffré", Msg: "format inconnu"}
		}
		return nil
	}
	return errors.New("clé inconnue")
}

func decodeHead(k, p []byte) error {
	switch {
	case bytes.Equal(k, keyInfo):
		var ws Workspace
		return decode(p, "espace", &ws)
	case bytes.Equal(k, keyRequest):
		var r checklist.RequestRecord
		return decode(p, "demande", &r)
	case bytes.Equal(k, keyLayout):
		var l layout
		return decode(p, "layout", &l)
	case bytes.Equal(k, keyKeyCheck):
		var kc keyCheck
		return decode(p, "vérificateur", &kc)
	case bytes.Equal(k, keyClientSeq):
		if len(p) != 8 {
			return &FormatError{What: "compteur de clients", Msg: fmt.Sprintf("%d octets", len(p))}
		}
		return nil
	}
	return errors.New("fiche inconnue")
}

// verifyRecords decodes every record of every workspace, checksums first
// when sealed (schema 3 and later), and returns the first failure as a
// *RecordError naming the workspace and the client. A workspace without
// its "info" record is a failure too: nothing could list it.
func verifyRecords(tx *bolt.Tx, sealed bool) error {
	return forEachWS(tx, func(w *wsBucket) error {
		if w.b.Get(keyInfo) == nil {
			return recordError(w.id, keyInfo, errors.New("absente"))
		}
		c := w.b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if v == nil {
				return recordError(w.id, k, errors.New("sous-seau inattendu"))
			}
			p := v
			if sealed {
				var err error
				if p, err = openValue(w.id, k, v); err != nil {
					return err
				}
			}
			if err := decodeRecord(w.id, k, p); err != nil {
				return recordError(w.id, k, err)
			}
		}
		return nil
	})
}

// Verify is the full check doctor runs: Check (every page), then every
// record of every workspace decoded, checksum included. The first record
// that fails gives a *DamagedError whose cause, a *RecordError, names its
// client.
func (db *DB) Verify() error {
	if err := db.Check(); err != nil {
		return err
	}
	db.mu.RLock()
	defer db.mu.RUnlock()
	err := guardFault(func() error {
		return db.bolt.View(func(tx *bolt.Tx) error { return verifyRecords(tx, true) })
	})
	if err != nil {
		return damaged(db.path, err)
	}
	return nil
}

// holdsData tells whether tx has at least one workspace.
func holdsData(tx *bolt.Tx) bool {
	k, _ := tx.Cursor().Seek(wsPrefix)
	return k != nil && bytes.HasPrefix(k, wsPrefix)
}
