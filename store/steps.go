package store

import (
	"fmt"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/bascule-cli/bascule/checklist"
)

// StepState returns everything recorded for one step instance; the zero
// value if nothing was.
func (db *DB) StepState(ws string, ref checklist.Ref) (checklist.StepState, error) {
	var st checklist.StepState
	err := db.view(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		if b, err := w.get(stepKey(ref.Client, ref.Step)); err != nil {
			return err
		} else if b != nil {
			return decode(b, "étape", &st)
		}
		return nil
	})
	return st, err
}

// StepChange is one change to a step instance (checklist's type). Nil
// fields are left as they are.
type StepChange = checklist.StepChange

// ApplyStep checks a status change against the run's rules (returning the
// *checklist.Error untouched), then writes in one fsync'd transaction the
// step record, the client's summary and an audit event, and only then
// updates run in memory. Captures are normalised by the step's form; secret
// fields are never stored.
func (db *DB) ApplyStep(ws string, run *checklist.Run, ch StepChange) (checklist.StepState, error) {
	if err := db.prepare(run, &ch); err != nil {
		return checklist.StepState{}, err
	}
	var out checklist.StepState
	now := db.now()
	err := db.update(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		l, err := db.layouts.get(w, ws)
		if err != nil {
			return err
		}
		lchanged := false
		out, err = applyOne(w, &l, &lchanged, ws, run.Guide, ch, now)
		if err != nil {
			return err
		}
		if lchanged {
			return w.putLayout(l)
		}
		return nil
	})
	if err != nil {
		return checklist.StepState{}, err
	}
	if ch.Status != nil {
		_ = run.SetStatus(ch.Ref, *ch.Status)
	}
	return out, nil
}

// ApplySteps applies many changes (mark many clients at once): each is
// checked in turn against the run as the previous ones leave it, and all the
// valid ones are written in one transaction. The result has one entry per
// change, nil when it was applied.
func (db *DB) ApplySteps(ws string, run *checklist.Run, chs []StepChange) []error {
	errs := make([]error, len(chs))
	type undo struct {
		ref checklist.Ref
		old checklist.Status
	}
	var undos []undo
	var valid []int
	for i := range chs {
		if err := db.prepare(run, &chs[i]); err != nil {
			errs[i] = err
			continue
		}
		if chs[i].Status != nil {
			old, _ := run.Status(chs[i].Ref)
			undos = append(undos, undo{chs[i].Ref, old})
			_ = run.SetStatus(chs[i].Ref, *chs[i].Status)
		}
		valid = append(valid, i)
	}
	if len(valid) == 0 {
		return errs
	}
	now := db.now()
	err := db.update(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		l, err := db.layouts.get(w, ws)
		if err != nil {
			return err
		}
		if len(valid) > 1 {
			w.bulk()
		}
		lchanged := false
		for _, i := range valid {
			if _, err := applyOne(w, &l, &lchanged, ws, run.Guide, chs[i], now); err != nil {
				return err
			}
		}
		if lchanged {
			return w.putLayout(l)
		}
		return nil
	})
	if err != nil {
		for i := len(undos) - 1; i >= 0; i-- {
			_ = run.SetStatus(undos[i].ref, undos[i].old)
		}
		for _, i := range valid {
			errs[i] = err
		}
	}
	return errs
}

// prepare checks the change against the rules and normalises its capture.
func (db *DB) prepare(run *checklist.Run, ch *StepChange) error {
	if ch.Status != nil {
		if err := run.CheckTransition(ch.Ref, *ch.Status, ch.Reason); err != nil {
			return err
		}
	} else if _, err := run.Status(ch.Ref); err != nil {
		return err
	}
	if ch.Capture != nil {
		step, _ := run.Guide.Step(ch.Ref.Step)
		var c checklist.Capture
		if step.Form != nil {
			c = step.Form.Normalize(*ch.Capture)
		} else {
			c = checklist.Capture{Items: append([]checklist.Record(nil), ch.Capture.Items...)}
		}
		ch.Capture = &c
	}
	return nil
}

func applyOne(w *wsBucket, l *layout, lchanged *bool, ws string, g *checklist.Guide, ch StepChange, now time.Time) (checklist.StepState, error) {
	key := stepKey(ch.Ref.Client, ch.Ref.Step)
	var st checklist.StepState
	if b, err := w.get(key); err != nil {
		return checklist.StepState{}, err
	} else if b != nil {
		if err := decode(b, "étape", &st); err != nil {
			return st, err
		}
	}
	old := st
	var detail []string
	if ch.Status != nil {
		st.Status = *ch.Status
		if st.Status.NeedsReason() {
			st.Reason = strings.TrimSpace(ch.Reason)
			detail = append(detail, "raison : "+st.Reason)
		} else {
			st.Reason = ""
		}
	}
	if ch.Note != nil && *ch.Note != st.Note {
		st.Note = *ch.Note
		detail = append(detail, "note modifiée")
	}
	if ch.Capture != nil {
		if f := captureDiff(st.Capture, ch.Capture); len(f) > 0 {
			detail = append(detail, "saisie : "+strings.Join(f, ", "))
		}
		st.Capture = ch.Capture
	}
	if ch.Evidence != nil {
		e := *ch.Evidence
		e.At = utc(e.At)
		st.Evidence = &e
		ok := "écart"
		if e.OK {
			ok = "ok"
		}
		detail = append(detail, fmt.Sprintf("preuve %s : %s", e.Source, ok))
	}
	st.By = ch.By
	st.At = now
	b, err := encode(st)
	if err != nil {
		return st, err
	}
	if err := w.put(key, b); err != nil {
		return st, err
	}
	if ch.Status != nil {
		cabinet := ch.Ref.Client == ""
		pos, changed := l.ensure(cabinet, ch.Ref.Step)
		*lchanged = *lchanged || changed
		ck := summaryKey(ch.Ref.Client)
		if cabinet {
			raw, err := w.get(ck)
			if err != nil {
				return checklist.StepState{}, err
			}
			cab, err := unmarshalCabinet(raw)
			if err != nil {
				return st, err
			}
			if err := w.put(ck, marshalCabinet(setStatusByte(cab, pos, byte(st.Status)))); err != nil {
				return st, err
			}
		} else {
			raw, err := w.get(ck)
			if err != nil {
				return checklist.StepState{}, err
			}
			if raw == nil {
				return st, &NotFoundError{What: "client", ID: ch.Ref.Client}
			}
			s, err := unmarshalSummary(raw)
			if err != nil {
				return st, err
			}
			s.Statuses = setStatusByte(s.Statuses, pos, byte(st.Status))
			if err := w.put(ck, s.marshal()); err != nil {
				return st, err
			}
		}
	}
	ev := Event{At: now, Who: ch.By, Workspace: ws, Action: ActionStep, Ref: ch.Ref, Detail: strings.Join(detail, " ; ")}
	if ch.Status != nil {
		ev.From, ev.To = old.Status.String(), st.Status.String()
	}
	return st, w.addEvent(ev)
}

// captureDiff names the fields whose values differ, and a changed item count.
func captureDiff(a, b *checklist.Capture) []string {
	var ai, bi []checklist.Record
	if a != nil {
		ai = a.Items
	}
	if b != nil {
		bi = b.Items
	}
	set := map[string]bool{}
	n := max(len(ai), len(bi))
	for i := 0; i < n; i++ {
		var x, y checklist.Record
		if i < len(ai) {
			x = ai[i]
		}
		if i < len(bi) {
			y = bi[i]
		}
		for k, v := range x {
			if y[k] != v {
				set[k] = true
			}
		}
		for k, v := range y {
			if x[k] != v {
				set[k] = true
			}
		}
	}
	var out []string
	if len(ai) != len(bi) {
		out = append(out, checklist.Count(len(ai), "élément", "éléments", "", "").FR+" → "+fmt.Sprint(len(bi)))
	}
	var fields []string
	for k := range set {
		fields = append(fields, k)
	}
	sort.Strings(fields)
	return append(out, fields...)
}
