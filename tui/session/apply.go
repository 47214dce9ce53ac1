package session

import (
	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// Apply records one change to a step instance: free text sanitised, the
// capture checked against the step's form when the step is or becomes done,
// the gates and transition rules
// run (checklist), the change written through the store with its audit
// event; then the run is updated and the change published. A refused change
// returns the rules' *checklist.Error untouched and publishes nothing.
func (e *Engine) Apply(ch checklist.StepChange) (checklist.StepState, error) {
	return e.apply(ch, nil)
}

// RecordEvidence records what a check or a job found for a step instance:
// the evidence, the capture it gathered (if any) and, for a client, the
// count of pending invoices it found (if any). The status follows
// checklist's one rule for evidence, decided against the run as it is now.
func (e *Engine) RecordEvidence(ref checklist.Ref, ev checklist.Evidence, capture *checklist.Capture, pending *int) (checklist.StepState, error) {
	return e.apply(checklist.StepChange{Ref: ref, Evidence: &ev, Capture: capture}, &settle{pending: pending})
}

// settle asks apply to take the status from the change's evidence and to
// record a pending-invoice count first.
type settle struct{ pending *int }

func (e *Engine) apply(ch checklist.StepChange, s *settle) (checklist.StepState, error) {
	if err := e.prepare(&ch); err != nil {
		return checklist.StepState{}, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if s != nil {
		if err := e.setPendingLocked(ch.Ref.Client, s.pending); err != nil {
			return checklist.StepState{}, err
		}
		if to, ok := e.run.StatusAfterEvidence(ch.Ref, *ch.Evidence); ok {
			ch.Status = &to
		}
	}
	from, err := e.run.Status(ch.Ref)
	if err != nil {
		return checklist.StepState{}, err
	}
	if err := e.checkCapture(ch, from); err != nil {
		return checklist.StepState{}, err
	}
	st, err := e.store.ApplyStep(e.ws, e.run, ch)
	if err != nil {
		return checklist.StepState{}, err
	}
	var pending *int
	if s != nil {
		pending = s.pending
	}
	e.publishLocked(e.stepEvent(ch, from, st.Status, pending, st))
	return st, nil
}

// prepare checks that this handle's person may make the change, sanitises
// its free text and fills who made it (a person's handle records that
// person, whatever the change says). It reads nothing of the run (no lock).
func (e *Engine) prepare(ch *checklist.StepChange) error {
	if err := e.mayChange(ch.Ref); err != nil {
		return err
	}
	ch.By = connectors.Sanitize(ch.By)
	if ch.By == "" || e.person {
		ch.By = e.operator
	}
	ch.Reason = connectors.Sanitize(ch.Reason)
	if ch.Note != nil {
		n := connectors.SanitizeMultiline(*ch.Note)
		ch.Note = &n
	}
	if ch.Capture == nil {
		return nil
	}
	c := checklist.Capture{Items: make([]checklist.Record, len(ch.Capture.Items))}
	for i, rec := range ch.Capture.Items {
		c.Items[i] = make(checklist.Record, len(rec))
		for k, v := range rec {
			c.Items[i][k] = connectors.SanitizeMultiline(v)
		}
	}
	ch.Capture = &c
	return nil
}

// checkCapture refuses a capture that does not satisfy the step's form when
// the step is, or becomes, done; a draft kept "en cours" may be incomplete.
func (e *Engine) checkCapture(ch checklist.StepChange, cur checklist.Status) error {
	if ch.Capture == nil {
		return nil
	}
	to := cur
	if ch.Status != nil {
		to = *ch.Status
	}
	step, ok := e.guide.Step(ch.Ref.Step)
	if !ok || step.Form == nil || to != checklist.StatusDone {
		return nil // the store refuses an unknown step
	}
	if errs := step.Form.Validate(*ch.Capture); len(errs) > 0 {
		f := errs[0]
		return &checklist.Error{Code: "capture_invalid", Message: i18n.Text(func(m *i18n.Messages) string { return m.CaptureEntryFieldFmt }, f.Item+1, f.Field, f.Message)}
	}
	return nil
}

func (e *Engine) setPendingLocked(client string, n *int) error {
	if n == nil || client == "" {
		return nil
	}
	ci := e.run.ClientIndex(client)
	if ci < 0 {
		return nil // the store refuses the change that follows
	}
	if err := e.store.SetPendingInvoices(e.ws, client, *n); err != nil {
		return err
	}
	e.run.Clients[ci].PendingInvoices = *n
	return nil
}

// AddOverride records that a gate may pass despite its blockers; the reason
// stays visible in the run, the reports and the audit. The store adds it to
// the run once written.
func (e *Engine) AddOverride(gate, reason string) (checklist.Override, error) {
	if err := e.mayAdminister(); err != nil {
		return checklist.Override{}, err
	}
	ms, ok := e.store.(MigrationStore)
	if !ok {
		return checklist.Override{}, ErrNoMigrationStore
	}
	o := checklist.Override{Gate: gate, Reason: connectors.SanitizeMultiline(reason), By: e.operator, At: e.now().UTC()}
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := ms.AddOverride(e.ws, e.run, o); err != nil {
		return checklist.Override{}, err
	}
	e.publishLocked(Event{Kind: KindOverride, Who: o.By, At: o.At, Gate: gate, Detail: o.Reason})
	return o, nil
}

// SetRequest records the migration request as it now stands (the store sets
// it in the run once written).
func (e *Engine) SetRequest(r checklist.RequestRecord) error {
	if err := e.mayAdminister(); err != nil {
		return err
	}
	ms, ok := e.store.(MigrationStore)
	if !ok {
		return ErrNoMigrationStore
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := ms.SetRequest(e.ws, e.run, r, e.operator); err != nil {
		return err
	}
	e.publishLocked(Event{Kind: KindRequest, Who: e.operator, At: e.now().UTC(), Detail: r.State})
	return nil
}

// stepEvent is the event of a committed step change.
func (e *Engine) stepEvent(ch checklist.StepChange, from, to checklist.Status, pending *int, st checklist.StepState) Event {
	at := st.At
	if at.IsZero() {
		at = e.now().UTC()
	}
	ev := Event{Kind: KindStep, Who: ch.By, At: at, Ref: ch.Ref, From: from, To: to, Pending: pending,
		Evidence: ch.Evidence != nil, Capture: ch.Capture != nil, Note: ch.Note != nil}
	if ch.Evidence != nil {
		ev.OK = ch.Evidence.OK
	}
	return ev
}
