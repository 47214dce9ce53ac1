package tui

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
	tea "github.com/charmbracelet/bubbletea"
)

// This file runs the connector jobs of the phase 3–5 screens (migration.go)
// one at a time, records their results and explains their failures.

// runningJob is a connector job in flight on the request or reconciliation
// screen: only its answer is used.
type runningJob struct {
	id  int
	ref checklist.Ref
}

// jobResult is what a job found or did.
type jobResult struct {
	ev      checklist.Evidence
	pending *int
	capture *checklist.Capture
	summary string // one line, for the status line and bulk reports
}

// job runs one step's connector work.
type job func(ctx context.Context) (jobResult, error)

// jobDoneMsg is a job's answer, tagged with its request id.
type jobDoneMsg struct {
	id  int
	ref checklist.Ref
	res jobResult
	err error
}

// runJob starts a job for ref on the request or reconciliation screen.
func (m *Model) runJob(ref checklist.Ref, fn job) tea.Cmd {
	mg := m.migState()
	if mg.job != nil {
		if cancel, ok := m.ids.cancels[mg.job.id]; ok {
			cancel()
			delete(m.ids.cancels, mg.job.id)
		}
	}
	id := m.ids.take()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	m.ids.cancels[id] = cancel
	mg.job = &runningJob{id: id, ref: ref}
	return tea.Batch(m.spin.Tick, func() tea.Msg {
		res, err := fn(ctx)
		return jobDoneMsg{id: id, ref: ref, res: res, err: err}
	})
}

func (m *Model) cancelJob() tea.Cmd {
	mg := m.migState()
	if mg.job == nil {
		return nil
	}
	if cancel, ok := m.ids.cancels[mg.job.id]; ok {
		cancel()
		delete(m.ids.cancels, mg.job.id)
	}
	mg.job = nil
	return m.setStatus(i18n.Of(m.lang).ActionCancelled, false)
}

// jobRecordCmd records a job's result through the engine (the status by
// checklist's one rule), then shows text in the status line once the
// store's answer is in (so that it is not overwritten).
func (m *Model) jobRecordCmd(ref checklist.Ref, res jobResult, text string, isErr bool) tea.Cmd {
	return m.applyThen(m.evidenceCmd(ref, res.ev, res.capture, res.pending), text, isErr)
}

// applyThen runs a write's command, then shows text in the status line once
// the store's answer is in (so that it is not overwritten).
func (m *Model) applyThen(inner tea.Cmd, text string, isErr bool) tea.Cmd {
	if text == "" {
		return inner
	}
	return func() tea.Msg {
		msg := inner()
		if ap, ok := msg.(stepAppliedMsg); ok && ap.err == nil {
			ap.then = func() tea.Msg { return statusMsg{text: text, err: isErr} }
			return ap
		}
		return msg
	}
}

// jobErrText explains a failed job in the user's language.
func (m *Model) jobErrText(err error) string {
	switch {
	case errors.Is(err, errNoPort):
		return i18n.Of(m.lang).NoConnectorForThis2
	case errors.Is(err, errNoMigStore):
		return i18n.Of(m.lang).ThisStoreKeepsNo
	}
	var fe findingError
	if errors.As(err, &fe) {
		text := checklist.FindingText(fe.Finding).In(m.lang)
		if len(fe.Plans) > 0 {
			text += i18n.Of(m.lang).V2sPlans + strings.Join(fe.Plans, ", ")
		}
		return text + i18n.Of(m.lang).BasculeDoesNotChoose
	}
	switch {
	case errors.Is(err, errNothingNoted):
		return i18n.Of(m.lang).NothingWasNotedDuring
	}
	return i18n.Of(m.lang).Failed + m.connErrText(err)
}

// jobErrTextFor is jobErrText for ref's job: a re-creation with nothing
// noted because phase 1 set its step aside says so.
func (m *Model) jobErrTextFor(ref checklist.Ref, err error) string {
	if errors.Is(err, errNothingNoted) {
		if na := m.notApplicableInPrep(ref); na != "" {
			return capitalize(na) + i18n.Of(m.lang).CheckThenDoIt
		}
	}
	return m.jobErrText(err)
}

// capitalize puts the first letter of s in upper case.
func capitalize(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// connErrText renders a connector or store error in the user's language.
func (m *Model) connErrText(err error) string {
	if m.lang == checklist.English {
		if s := connectors.English(err); s != "" {
			return checklist.WithoutOps(s, err)
		}
	}
	return m.errText(err)
}
