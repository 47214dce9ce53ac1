package store

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/bascule-cli/bascule/checklist"
)

// SetPendingInvoices records the last count of invoices awaiting acceptance
// on V1 for a client (-1: unknown), in its summary.
func (db *DB) SetPendingInvoices(ws, clientID string, n int) error {
	now := db.now()
	return db.update(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		raw, err := w.get(summaryKey(clientID))
		if err != nil {
			return err
		}
		if raw == nil {
			return &NotFoundError{What: "client", ID: clientID}
		}
		s, err := unmarshalSummary(raw)
		if err != nil {
			return err
		}
		from := s.Pending
		if n < -1 {
			n = -1
		}
		s.Pending = int32(n)
		if err := w.put(summaryKey(clientID), s.marshal()); err != nil {
			return err
		}
		return w.addEvent(Event{At: now, Workspace: ws, Action: ActionPending,
			Ref:  checklist.Ref{Step: "preparation.client.pending_invoices", Client: clientID},
			From: fmt.Sprint(from), To: fmt.Sprint(n)})
	})
}

// AddOverride records a gate override and adds it to run.
func (db *DB) AddOverride(ws string, run *checklist.Run, o checklist.Override) error {
	if strings.TrimSpace(o.Reason) == "" {
		return errors.New("une dérogation demande une raison")
	}
	now := db.now()
	if o.At.IsZero() {
		o.At = now
	}
	o.At = utc(o.At)
	err := db.update(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		b, err := encode(o)
		if err != nil {
			return err
		}
		if err := w.put(overrideKey(w.nextOverride()), b); err != nil {
			return err
		}
		return w.addEvent(Event{At: now, Who: o.By, Workspace: ws, Action: ActionOverride, To: o.Gate, Detail: "raison : " + o.Reason})
	})
	if err == nil && run != nil {
		run.Overrides = append(run.Overrides, o)
	}
	return err
}

// SetRequest records the migration request and sets it in run.
func (db *DB) SetRequest(ws string, run *checklist.Run, r checklist.RequestRecord, by string) error {
	now := db.now()
	r.SubmittedAt, r.SucceededAt = utc(r.SubmittedAt), utc(r.SucceededAt)
	err := db.update(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		var old checklist.RequestRecord
		if b, err := w.get(keyRequest); err != nil {
			return err
		} else if b != nil {
			if err := decode(b, "demande", &old); err != nil {
				return err
			}
		}
		b, err := encode(r)
		if err != nil {
			return err
		}
		if err := w.put(keyRequest, b); err != nil {
			return err
		}
		return w.addEvent(Event{At: now, Who: by, Workspace: ws, Action: ActionRequest, From: old.State, To: r.State,
			Detail: "référence " + r.Reference})
	})
	if err == nil && run != nil {
		run.Request = r
	}
	return err
}

// Events returns the audit events of a workspace at or after since, oldest
// first.
func (db *DB) Events(ws string, since time.Time) ([]Event, error) {
	var out []Event
	err := db.view(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		return w.forEachEvent(func(k, v []byte) error {
			e, err := decodeEvent(ws, k, v)
			if err != nil {
				return err
			}
			if !since.IsZero() && e.At.Before(since) {
				return nil
			}
			out = append(out, e)
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out, err
}

// MarkLeftV1 sets (left true) or clears the "left V1" mark of dossiers, in
// one transaction with one audit event per dossier whose mark changes. The
// mark lives in the client's summary, beside its name: checks and sweeps
// rewrite step evidence and never touch it. An unknown client is an error
// and nothing is written.
func (db *DB) MarkLeftV1(ws string, ids []string, left bool, by string) error {
	if len(ids) == 0 {
		return nil
	}
	now := db.now()
	return db.update(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		if len(ids) > 1 {
			w.bulk()
		}
		for _, id := range ids {
			raw, err := w.get(summaryKey(id))
			if err != nil {
				return err
			}
			if raw == nil {
				return &NotFoundError{What: "client", ID: id}
			}
			s, err := unmarshalSummary(raw)
			if err != nil {
				return err
			}
			if s.LeftV1 == left {
				continue
			}
			from := s.LeftV1
			s.LeftV1 = left
			if err := w.put(summaryKey(id), s.marshal()); err != nil {
				return err
			}
			if err := w.addEvent(Event{At: now, Who: by, Workspace: ws, Action: ActionLeftV1,
				Ref: checklist.Ref{Client: id}, From: fmt.Sprint(from), To: fmt.Sprint(left)}); err != nil {
				return err
			}
		}
		return nil
	})
}
