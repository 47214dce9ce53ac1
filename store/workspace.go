package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/bascule-cli/bascule/checklist"
)

// Cabinet is the firm's profile as captured and checked at registration:
// one type everywhere (connectors.Cabinet, through checklist), so that no
// hand-written mapper drops a field.
type Cabinet = checklist.Cabinet

// Workspace is one cabinet's migration. A consultant keeps several. It never
// holds a secret: credentials go through PutSecret.
type Workspace struct {
	ID        string    `json:"id"`
	Cabinet   Cabinet   `json:"cabinet"`
	Operator  string    `json:"operator,omitempty"`
	Mode      string    `json:"mode,omitempty"` // "demo", "files", "api"
	V1URL     string    `json:"v1_url,omitempty"`
	V2URL     string    `json:"v2_url,omitempty"`
	ClientID  string    `json:"client_id,omitempty"`
	Demo      bool      `json:"demo,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Event is one line of the append-only audit log of a workspace; the type
// is checklist's, shared with the front ends.
type Event = checklist.Event

// Event actions (checklist's).
const (
	ActionWorkspaceCreate = checklist.ActionWorkspaceCreate
	ActionWorkspaceUpdate = checklist.ActionWorkspaceUpdate
	ActionWorkspaceImport = checklist.ActionWorkspaceImport
	ActionDossiersPut     = checklist.ActionDossiersPut
	ActionStep            = checklist.ActionStep
	ActionPending         = checklist.ActionPending
	ActionOverride        = checklist.ActionOverride
	ActionRequest         = checklist.ActionRequest
	ActionSecretPut       = checklist.ActionSecretPut
	ActionClientPurge     = checklist.ActionClientPurge
)

func validID(kind, id string) error {
	if strings.TrimSpace(id) == "" || strings.IndexByte(id, 0) >= 0 || len(id) > 200 {
		return fmt.Errorf("identifiant de %s invalide : %q", kind, id)
	}
	return nil
}

// CreateWorkspace adds a workspace; ErrExists if the id is taken.
func (db *DB) CreateWorkspace(ws Workspace) error {
	if err := validID("l'espace", ws.ID); err != nil {
		return err
	}
	now := db.now()
	if ws.CreatedAt.IsZero() {
		ws.CreatedAt = now
	}
	ws.UpdatedAt = now
	ws.CreatedAt, ws.UpdatedAt = utc(ws.CreatedAt), utc(ws.UpdatedAt)
	return db.update(func(tx *bolt.Tx) error {
		w, err := createWS(tx, ws.ID)
		if err != nil {
			return err
		}
		b, err := encode(ws)
		if err != nil {
			return err
		}
		if err := w.put(keyInfo, b); err != nil {
			return err
		}
		return w.addEvent(Event{At: now, Who: ws.Operator, Workspace: ws.ID, Action: ActionWorkspaceCreate, To: ws.Cabinet.LegalName})
	})
}

// UpdateWorkspace replaces a workspace's profile; ErrNotFound if absent.
func (db *DB) UpdateWorkspace(ws Workspace) error {
	now := db.now()
	return db.update(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws.ID)
		if err != nil {
			return err
		}
		var old Workspace
		if err := w.decodeAt(keyInfo, "espace", &old); err != nil {
			return err
		}
		ws.CreatedAt = old.CreatedAt
		ws.UpdatedAt = now
		b, err := encode(ws)
		if err != nil {
			return err
		}
		if err := w.put(keyInfo, b); err != nil {
			return err
		}
		return w.addEvent(Event{At: now, Who: ws.Operator, Workspace: ws.ID, Action: ActionWorkspaceUpdate,
			Detail: strings.Join(workspaceDiff(old, ws), ", ")})
	})
}

func workspaceDiff(a, b Workspace) []string {
	var out []string
	add := func(name string, x, y any) {
		if x != y {
			out = append(out, name)
		}
	}
	add("siren", a.Cabinet.SIREN, b.Cabinet.SIREN)
	add("legal_name", a.Cabinet.LegalName, b.Cabinet.LegalName)
	add("manager_email", a.Cabinet.ManagerEmail, b.Cabinet.ManagerEmail)
	add("address", a.Cabinet.Address, b.Cabinet.Address)
	add("operator", a.Operator, b.Operator)
	add("mode", a.Mode, b.Mode)
	add("v1_url", a.V1URL, b.V1URL)
	add("v2_url", a.V2URL, b.V2URL)
	add("client_id", a.ClientID, b.ClientID)
	add("demo", a.Demo, b.Demo)
	return out
}

// Workspaces lists every workspace, by id.
func (db *DB) Workspaces() ([]Workspace, error) {
	var out []Workspace
	err := db.view(func(tx *bolt.Tx) error {
		return forEachWS(tx, func(w *wsBucket) error {
			var ws Workspace
			if err := w.decodeAt(keyInfo, "espace", &ws); err != nil {
				return err
			}
			out = append(out, ws)
			return nil
		})
	})
	return out, err
}

// Workspace returns one workspace; ErrNotFound if absent.
func (db *DB) Workspace(id string) (Workspace, error) {
	var ws Workspace
	err := db.view(func(tx *bolt.Tx) error {
		w, err := getWS(tx, id)
		if err != nil {
			return err
		}
		return w.decodeAt(keyInfo, "espace", &ws)
	})
	return ws, err
}

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
			dossiers[i] = checklist.Dossier{ID: ids[j], Name: s.Name, SIREN: s.SIREN, Payment: s.Payment, PendingInvoices: int(s.Pending)}
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
