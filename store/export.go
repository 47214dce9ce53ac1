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
				f.Clients = append(f.Clients, exportClient{Order: s.Ord, Dossier: checklist.Dossier{ID: ck.client, Name: s.Name, SIREN: s.SIREN, Payment: s.Payment, PendingInvoices: int(s.Pending)}})
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

// ImportOptions say what Import may do with an existing workspace.
type ImportOptions struct {
	Replace  bool   // replace a workspace with the same id
	RenameTo string // import under another id
}

// Import reads a file written by Export into this database, in one
// transaction, and returns the workspace id. An existing workspace is never
// overwritten unless opt.Replace.
func (db *DB) Import(r io.Reader, opt ImportOptions) (string, error) {
	var f exportFile
	dec := json.NewDecoder(r)
	if err := dec.Decode(&f); err != nil {
		return "", &FormatError{What: "fichier d'export", Msg: err.Error()}
	}
	if f.Format != exportFormat {
		return "", &FormatError{What: "fichier d'export", Msg: fmt.Sprintf("format %q inattendu", f.Format)}
	}
	if f.Version < 1 || f.Version > exportVersion {
		return "", &FormatError{What: "fichier d'export", Msg: fmt.Sprintf("version %d inconnue de cette version de bascule", f.Version)}
	}
	id := f.Workspace.ID
	if opt.RenameTo != "" {
		id = opt.RenameTo
	}
	if err := validID("l'espace", id); err != nil {
		return "", err
	}
	f.Workspace.ID = id
	now := db.now()
	g := checklist.Default()
	err := db.update(func(tx *bolt.Tx) error {
		if tx.Bucket(wsBucketName(id)) != nil {
			if !opt.Replace {
				return &ExistsError{What: "workspace", ID: id}
			}
			if err := tx.DeleteBucket(wsBucketName(id)); err != nil {
				return err
			}
		}
		w, err := createWS(tx, id)
		if err != nil {
			return err
		}
		w.bulk()
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
			if err := validID("client", c.ID); err != nil {
				return err
			}
			sums[c.ID] = &clientSummary{Ord: c.Order, Pending: int32(c.PendingInvoices), Payment: c.Payment, Name: c.Name, SIREN: c.SIREN}
			maxOrd = max(maxOrd, c.Order)
		}
		var l layout
		var cab []byte
		for _, s := range f.Steps {
			if err := validID("étape", s.Ref.Step); err != nil {
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
			} else if sum := sums[s.Ref.Client]; sum != nil {
				sum.Statuses = setStatusByte(sum.Statuses, pos, byte(s.State.Status))
			} else {
				return &FormatError{What: "fichier d'export", Msg: fmt.Sprintf("étape d'un client absent : %s", s.Ref)}
			}
		}
		for cid, s := range sums {
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
			e.Workspace = id
			if err := w.addEvent(e); err != nil {
				return err
			}
		}
		if f.Secrets != nil && len(f.Secrets.KeyCheck) > 0 {
			var kc keyCheck
			if err := decode(f.Secrets.KeyCheck, "vérificateur", &kc); err != nil {
				return err
			}
			if err := w.put(keyKeyCheck, f.Secrets.KeyCheck); err != nil {
				return err
			}
			for name, blob := range f.Secrets.Sealed {
				if err := validID("l'identifiant", name); err != nil {
					return err
				}
				if err := w.put(secretKey(name), blob); err != nil {
					return err
				}
			}
		}
		return w.addEvent(Event{At: now, Workspace: id, Action: ActionWorkspaceImport,
			Detail: fmt.Sprintf("export du %s, %d clients", f.ExportedAt.Format(time.RFC3339), len(f.Clients))})
	})
	if err != nil {
		return "", err
	}
	return id, nil
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
