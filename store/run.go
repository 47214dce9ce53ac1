package store

import (
	"encoding/binary"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/bascule-cli/bascule/checklist"
)

// PutDossiers upserts client dossiers in one transaction. New clients come
// after the existing ones with every step "à faire"; existing clients keep
// their step states and order. A PendingInvoices of -1 keeps the known count.
func (db *DB) PutDossiers(ws string, ds []checklist.Dossier, by string) error {
	for _, d := range ds {
		if err := validID("client", d.ID); err != nil {
			return err
		}
	}
	now := db.now()
	return db.update(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		if len(ds) > 1 {
			w.bulk()
		}
		added, changed := 0, 0
		for _, d := range ds {
			key := summaryKey(d.ID)
			var s clientSummary
			old, err := w.get(key)
			if err != nil {
				return err
			}
			if old != nil {
				if s, err = unmarshalSummary(old); err != nil {
					return err
				}
				changed++
			} else {
				ord, err := w.nextClientOrd()
				if err != nil {
					return err
				}
				s = clientSummary{Ord: ord, Pending: -1}
				added++
			}
			s.Name, s.SIREN, s.Payment = d.Name, d.SIREN, d.Payment
			if d.PendingInvoices >= 0 {
				s.Pending = int32(d.PendingInvoices)
			}
			if err := w.put(key, s.marshal()); err != nil {
				return err
			}
		}
		return w.addEvent(Event{At: now, Who: by, Workspace: ws, Action: ActionDossiersPut,
			Detail: checklist.Plural(checklist.French, added, fmt.Sprintf("%d nouveau", added), fmt.Sprintf("%d nouveaux", added)) + fmt.Sprintf(", %d mis à jour", changed)})
	})
}

// LoadRun reads everything the dashboard needs: the cabinet's statuses, every
// client's dossier and statuses (from the compact summaries, no step record
// is decoded), the overrides and the request record.
func (db *DB) LoadRun(ws string, g *checklist.Guide) (*checklist.Run, error) {
	var run *checklist.Run
	err := db.view(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		l, err := w.layout()
		if err != nil {
			return err
		}
		// The summaries: the first key of each client region. A Seek to the
		// end of the region jumps over the client's step records and events
		// without reading them.
		var n uint64 // clients ever added: enough room for them all
		if v, err := w.get(keyClientSeq); err != nil {
			return err
		} else if len(v) == 8 {
			n = min(binary.BigEndian.Uint64(v), 1<<20)
		}
		sums := make([]clientSummary, 0, n)
		ids := make([]string, 0, n)
		var cab []byte
		var end []byte
		c := w.b.Cursor()
		for k, v := c.Seek([]byte{tagClient}); k != nil && k[0] == tagClient; {
			ck, ok := parseClientKey(k)
			if !ok {
				return &FormatError{What: "clé", Msg: fmt.Sprintf("%q", k)}
			}
			if ck.kind == 0 {
				if v, err = openValue(ws, k, v); err != nil {
					return err
				}
				if ck.client == "" {
					if cab, err = unmarshalCabinet(v); err != nil {
						return err
					}
				} else {
					s, err := unmarshalSummary(v)
					if err != nil {
						return fmt.Errorf("client %q : %w", ck.client, err)
					}
					sums = append(sums, s)
					ids = append(ids, ck.client)
				}
			}
			end = append(append(append(end[:0], tagClient), ck.client...), 1) // regionEnd
			k, v = c.Seek(end)
		}
		order := make([]int, len(sums))
		for i := range order {
			order[i] = i
		}
		sort.Slice(order, func(a, b int) bool { return sums[order[a]].Ord < sums[order[b]].Ord })
		dossiers := make([]checklist.Dossier, len(sums))
		for i, j := range order {
			s := &sums[j]
			dossiers[i] = checklist.Dossier{ID: ids[j], Name: s.Name, SIREN: s.SIREN, Payment: s.Payment, PendingInvoices: int(s.Pending), LeftV1: s.LeftV1}
		}
		run = checklist.NewRun(g, dossiers)

		// Map layout positions to run positions once.
		cliMap := positions(g, l.Client)
		for i, j := range order {
			st := run.Clients[i].Steps
			for p, v := range sums[j].Statuses {
				if p < len(cliMap) && cliMap[p] >= 0 && cliMap[p] < len(st) {
					st[cliMap[p]] = checklist.Status(v)
				}
			}
		}
		cabMap := positions(g, l.Cabinet)
		for p, v := range cab {
			if p < len(cabMap) && cabMap[p] >= 0 && cabMap[p] < len(run.Cabinet) {
				run.Cabinet[cabMap[p]] = checklist.Status(v)
			}
		}
		if err := w.forEachTag(tagOverride, func(_, v []byte) error {
			var o checklist.Override
			if err := decode(v, "dérogation", &o); err != nil {
				return err
			}
			run.Overrides = append(run.Overrides, o)
			return nil
		}); err != nil {
			return err
		}
		if b, err := w.get(keyRequest); err != nil {
			return err
		} else if b != nil {
			if err := decode(b, "demande", &run.Request); err != nil {
				return err
			}
		}
		return nil
	})
	return run, err
}

func positions(g *checklist.Guide, ids []string) []int {
	out := make([]int, len(ids))
	for i, id := range ids {
		out[i] = -1
		if p, ok := g.Position(id); ok {
			out[i] = p
		}
	}
	return out
}
