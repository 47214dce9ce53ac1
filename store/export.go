package store

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/bascule-cli/bascule/checklist"
)

// Export file: one JSON document, format "bascule-workspace", version 1.
// Statuses and step records are written by step id (not in the store's
// internal layout), so that any later version can import them. Secrets are
// left out unless asked for, and then exported still sealed, with the
// workspace's key check: the same passphrase opens them after import.
const (
	exportFormat  = "bascule-workspace"
	exportVersion = 1
)

type exportFile struct {
	Format     string                   `json:"format"`
	Version    int                      `json:"version"`
	Schema     uint64                   `json:"schema"`
	ExportedAt time.Time                `json:"exported_at"`
	Workspace  Workspace                `json:"workspace"`
	Clients    []exportClient           `json:"clients"`
	Steps      []exportStep             `json:"steps"`
	Overrides  []checklist.Override     `json:"overrides,omitempty"`
	Request    *checklist.RequestRecord `json:"request,omitempty"`
	Events     []Event                  `json:"events,omitempty"`
	Secrets    *exportSecrets           `json:"secrets,omitempty"`
}

type exportClient struct {
	checklist.Dossier
	Order uint32 `json:"order"`
}

type exportStep struct {
	Ref   checklist.Ref       `json:"ref"`
	State checklist.StepState `json:"state"`
}

type exportSecrets struct {
	KeyCheck json.RawMessage   `json:"keycheck"`
	Sealed   map[string][]byte `json:"sealed"`
}

// Export writes a workspace as one JSON file. withSecrets adds the sealed
// secrets (never in clear).
func (db *DB) Export(ws string, w io.Writer, withSecrets bool) error {
	var f exportFile
	err := db.view(func(tx *bolt.Tx) error {
		b, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		f = exportFile{Format: exportFormat, Version: exportVersion, Schema: SchemaVersion, ExportedAt: db.now()}
		if err := b.decodeAt(keyInfo, "espace", &f.Workspace); err != nil {
			return err
		}
		// One pass over the client regions: summaries, step records, events.
		if err := b.forEachTag(tagClient, func(k, v []byte) error {
			ck, ok := parseClientKey(k)
			if !ok {
				return &FormatError{What: "clé", Msg: fmt.Sprintf("%q", k)}
			}
			switch {
			case ck.kind == 0 && ck.client != "":
				s, err := unmarshalSummary(v)
				if err != nil {
					return err
				}
				f.Clients = append(f.Clients, exportClient{Order: s.Ord, Dossier: checklist.Dossier{ID: ck.client, Name: s.Name, SIREN: s.SIREN, Payment: s.Payment, PendingInvoices: int(s.Pending), LeftV1: s.LeftV1}})
			case ck.kind == kindStep:
				var st checklist.StepState
				if err := decode(v, "étape", &st); err != nil {
					return err
				}
				f.Steps = append(f.Steps, exportStep{Ref: checklist.Ref{Step: ck.step, Client: ck.client}, State: st})
			case ck.kind == kindEvent:
				e, err := decodeEvent(ws, k, v)
				if err != nil {
					return err
				}
				f.Events = append(f.Events, e)
			}
			return nil
		}); err != nil {
			return err
		}
		sort.Slice(f.Clients, func(i, j int) bool { return f.Clients[i].Order < f.Clients[j].Order })
		sort.Slice(f.Events, func(i, j int) bool { return f.Events[i].Seq < f.Events[j].Seq })
		if err := b.forEachTag(tagOverride, func(_, v []byte) error {
			var o checklist.Override
			if err := decode(v, "dérogation", &o); err != nil {
				return err
			}
			f.Overrides = append(f.Overrides, o)
			return nil
		}); err != nil {
			return err
		}
		if v, err := b.get(keyRequest); err != nil {
			return err
		} else if v != nil {
			var r checklist.RequestRecord
			if err := decode(v, "demande", &r); err != nil {
				return err
			}
			f.Request = &r
		}
		if withSecrets {
			kc, err := b.get(keyKeyCheck)
			if err != nil {
				return err
			}
			if kc != nil {
				s := &exportSecrets{KeyCheck: append(json.RawMessage(nil), kc...), Sealed: map[string][]byte{}}
				if err := b.forEachTag(tagSecret, func(k, v []byte) error {
					s.Sealed[string(k[1:])] = append([]byte(nil), v...)
					return nil
				}); err != nil {
					return err
				}
				f.Secrets = s
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(&f)
}
