package tui

import (
	"context"
	"time"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
	tea "github.com/charmbracelet/bubbletea"
)

// pollTickMsg asks for the request's state again; pollDoneMsg is V2's answer.
type (
	pollTickMsg struct{ chain int }
	pollDoneMsg struct {
		id  int
		req connectors.MigrationRequest
		err error
	}
)

func (m *Model) pollEvery() time.Duration {
	if m.opts.PollEvery > 0 {
		return m.opts.PollEvery
	}
	return 3 * time.Second
}

// polling says whether there is a request to follow on V2.
func (m *Model) polling() bool {
	return m.ports.V2 != nil && m.run.Request.Reference != "" && !m.run.Migrated()
}

// startPolling asks V2 now, then every few seconds while the request
// screen is open and the answer is awaited. A new chain replaces the old.
func (m *Model) startPolling() tea.Cmd {
	if !m.polling() {
		return nil
	}
	mg := m.migState()
	mg.poll = m.ids.take()
	return m.pollNow()
}

// pollNow calls MigrationStatus; only the last call's answer is used.
func (m *Model) pollNow() tea.Cmd {
	if m.ports.V2 == nil {
		return m.setStatus(m.jobErrText(errNoPort), true)
	}
	if m.run.Request.Reference == "" {
		return m.setStatus(i18n.Of(m.lang).NoRequestReferenceTo, false)
	}
	mg := m.migState()
	id := m.ids.take()
	mg.pollReq = id
	v2, ref := m.ports.V2, m.run.Request.Reference
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	m.ids.cancels[id] = cancel
	return func() tea.Msg {
		req, err := v2.MigrationStatus(ctx, ref)
		return pollDoneMsg{id: id, req: req, err: err}
	}
}

func (m *Model) pollTick(msg pollTickMsg) tea.Cmd {
	mg := m.migState()
	if msg.chain != mg.poll || !showing[*requestScreen](m) || !m.polling() {
		return nil // an old chain, or nobody looks
	}
	return m.pollNow()
}

func (m *Model) pollDone(msg pollDoneMsg) tea.Cmd {
	mg := m.migState()
	if cancel, ok := m.ids.cancels[msg.id]; ok {
		cancel()
		delete(m.ids.cancels, msg.id)
	}
	if msg.id != mg.pollReq {
		return nil // stale
	}
	mg.pollReq = 0
	next := m.opts.Tick(m.pollEvery(), func(time.Time) tea.Msg { return pollTickMsg{chain: mg.poll} })
	if msg.err != nil {
		return tea.Batch(next, m.setStatus(i18n.Of(m.lang).RequestTracking+m.connErrText(msg.err), true))
	}
	if string(msg.req.State) == m.run.Request.State && !msg.req.State.Done() {
		return next
	}
	if msg.req.State.Done() {
		next = nil
	}
	return tea.Batch(next, m.answerCmd(msg.req))
}
