package session

import (
	"context"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// SetPorts replaces the engine's connectors, once a front end has them (API
// mode opens them with the passphrase, after the run is loaded).
func (e *Engine) SetPorts(p Ports) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.ports = p
}

// Ports returns the engine's connectors as they are now.
func (e *Engine) Ports() Ports {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.ports
}

// SubmitRequest sends the migration request through V2 (§3.2 item 3) once
// the request gate lets it go (every blocker resolved, or an override),
// then records the request and ticks its step. sub carries the workspace's
// idempotency key: sent twice (a retry, a crash before the answer), V2
// returns the same request. A closed gate returns the rules' error and
// sends nothing.
func (e *Engine) SubmitRequest(ctx context.Context, sub connectors.MigrationSubmission) (checklist.RequestRecord, checklist.StepState, error) {
	ref := checklist.Ref{Step: checklist.StepRequestSubmit}
	if err := e.mayAdminister(); err != nil {
		return checklist.RequestRecord{}, checklist.StepState{}, err
	}
	e.mu.Lock()
	err := e.run.CheckTransition(ref, checklist.StatusDone, "")
	v2 := e.ports.V2
	e.mu.Unlock()
	switch {
	case err != nil:
		return checklist.RequestRecord{}, checklist.StepState{}, err
	case v2 == nil:
		return checklist.RequestRecord{}, checklist.StepState{}, ErrNoConnector
	}
	req, err := v2.SubmitMigration(ctx, sub)
	if err != nil {
		return checklist.RequestRecord{}, checklist.StepState{}, err
	}
	now := e.now()
	rec := checklist.RequestRecord{SubmittedAt: req.SubmittedAt, Reference: req.Reference, State: string(req.State)}
	if rec.SubmittedAt.IsZero() {
		rec.SubmittedAt = now
	}
	ev := checklist.Evidence{Source: checklist.SourceV2, At: now.UTC(), OK: true, Facts: map[string]string{
		"reference": req.Reference, "state": string(req.State), "admin_email": req.AdminEmail,
		"idempotency_key": sub.IdempotencyKey}}
	if err := e.SetRequest(rec); err != nil {
		return rec, checklist.StepState{}, err
	}
	done := checklist.StatusDone
	st, err := e.Apply(checklist.StepChange{Ref: ref, Status: &done, Evidence: &ev})
	return rec, st, err
}

// RecordAnswer records V2's answer about the migration request: the
// request record (its state, when it succeeded) and the step checklist.StepRequestAnswer
// (evidence; done, blocked with V2's message, or in progress, when the rules
// allow), decided against the run as it is now.
func (e *Engine) RecordAnswer(req connectors.MigrationRequest) (checklist.RequestRecord, checklist.StepState, error) {
	if err := e.mayAdminister(); err != nil {
		return checklist.RequestRecord{}, checklist.StepState{}, err
	}
	e.mu.Lock()
	rec, ch := RequestAnswer(e.run, req, e.lang, e.now())
	e.mu.Unlock()
	if err := e.SetRequest(rec); err != nil {
		return rec, checklist.StepState{}, err
	}
	st, err := e.Apply(ch)
	return rec, st, err
}

// RequestAnswer is what V2's answer changes, without writing it: the request
// record and the change of the step checklist.StepRequestAnswer. A failed request
// blocks the step with V2's message as the reason (a person decides what
// next); a status the rules refuse is left out.
func RequestAnswer(run *checklist.Run, req connectors.MigrationRequest, lang checklist.Lang, now time.Time) (checklist.RequestRecord, checklist.StepChange) {
	rec := run.Request
	rec.State = string(req.State)
	ev := *checklist.RequestEvidence(req, now)
	ch := checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepRequestAnswer}, Evidence: &ev}
	to := checklist.StatusInProgress
	switch req.State {
	case connectors.RequestSucceeded:
		rec.SucceededAt = req.CompletedAt
		if rec.SucceededAt.IsZero() {
			rec.SucceededAt = now
		}
		to = checklist.StatusDone
	case connectors.RequestFailed:
		to = checklist.StatusBlocked
		ch.Reason = i18n.Of(lang).TheRequestFailedOn + req.Message
	}
	if run.CheckTransition(ch.Ref, to, ch.Reason) == nil {
		ch.Status = &to
	}
	return rec, ch
}

// RecordManualRequest records a request made by hand on V2 (its date and
// reference noted in the step's form): the gate and the form first, then
// the request record and the step, ticked.
func (e *Engine) RecordManualRequest(rec checklist.RequestRecord, capture checklist.Capture) (checklist.StepState, error) {
	done := checklist.StatusDone
	ch := checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepRequestSubmit}, Status: &done, Capture: &capture}
	if err := e.prepare(&ch); err != nil {
		return checklist.StepState{}, err
	}
	e.mu.Lock()
	err := e.run.CheckTransition(ch.Ref, done, "")
	if err == nil {
		err = e.checkCapture(ch, done)
	}
	e.mu.Unlock()
	if err != nil {
		return checklist.StepState{}, err
	}
	rec.Manual = true
	if err := e.SetRequest(rec); err != nil {
		return checklist.StepState{}, err
	}
	return e.Apply(ch)
}
