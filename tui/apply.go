package tui

import (
	"context"
	"fmt"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/bascule-cli/bascule/tui/session"
	tea "github.com/charmbracelet/bubbletea"
)

// cloneRun copies a run (session.CloneRun): the engine is given its own
// copy, and the report reads one.
func cloneRun(r *checklist.Run) *checklist.Run { return session.CloneRun(r) }

// openEngine opens the engine (tui/session) that owns the workspace's run
// and through which every write of the program goes. It gets its own copy
// of the run; the model's run is the view, updated from the engine's
// answers. nil when there is no store to write to.
func (m *Model) openEngine(run *checklist.Run) *session.Engine {
	if e := m.opts.Engine; e != nil && m.ws != nil && e.Workspace() == m.ws.ID {
		return e // shared: the run came from its Snapshot
	}
	if m.ws == nil || m.opts.Store == nil {
		return nil
	}
	e, err := session.Open(session.Config{Workspace: m.ws.ID, Cabinet: m.ws.Cabinet, Operator: m.ws.Operator, Store: m.opts.Store,
		Ports: m.ports.engine(), Lang: m.lang, Guide: m.opts.Guide, Run: cloneRun(run), Now: m.opts.Now})
	if err != nil {
		return nil
	}
	return e
}

// errNoEngine says no workspace is open for writing.
var errNoEngine = &checklist.Error{Code: "no_workspace", Message: i18n.Text(func(m *i18n.Messages) string { return m.NoWorkspaceOpenNothing })}

// stepAppliedMsg is the store's answer to one change.
type stepAppliedMsg struct {
	change  StepChange
	state   checklist.StepState
	err     error
	pending *int // the pending-invoice count recorded with it, if any
	then    tea.Cmd
}

// stepsAppliedMsg is the store's answer to a bulk change.
type stepsAppliedMsg struct {
	changes []StepChange
	errs    []error
}

func statusPtr(s checklist.Status) *checklist.Status { return &s }

// runChanged refreshes what is computed from the run, once it has changed:
// the dashboard's summary and, when the request screen is open, what blocks
// the request (9 ms at 12,000 clients: not worth redoing at every key).
func (m *Model) runChanged() {
	m.dash.refreshSummary(m.run)
	m.refreshBlockers()
}

// refreshBlockers recomputes what blocks the request when its screen is
// open (it walks every client).
func (m *Model) refreshBlockers() {
	if m.mig != nil && m.mig.req != nil {
		m.mig.req.blockers = m.run.RequestBlockers()
	}
}

// by is who the audit records for a change: the engine's operator (the
// workspace's, "bascule" when it names none).
func (m *Model) by() string {
	if m.eng != nil {
		return m.eng.Operator()
	}
	return "bascule"
}

// apply checks a change against the run's rules at once, then writes it in
// a command through the engine, which checks it again against its run.
func (m *Model) apply(ch StepChange) tea.Cmd {
	if ch.Status != nil {
		if err := m.run.CheckChange(ch.Ref, *ch.Status, ch.Reason, m.latestEvidence(ch)); err != nil {
			if cmd, ok := m.askOverride(err, ch); ok {
				return cmd
			}
			return m.errStatus(err)
		}
	}
	return m.applyCmd(ch)
}

// applyCmd writes a change through the engine, in a command.
func (m *Model) applyCmd(ch StepChange) tea.Cmd {
	eng := m.eng
	return func() tea.Msg {
		if eng == nil {
			return stepAppliedMsg{change: ch, err: errNoEngine}
		}
		st, err := eng.Apply(ch)
		return stepAppliedMsg{change: ch, state: st, err: err}
	}
}

// evidenceCmd records what a check or a job found through the engine: the
// status follows checklist's one rule, decided by the engine at commit.
func (m *Model) evidenceCmd(ref checklist.Ref, ev checklist.Evidence, c *checklist.Capture, pending *int) tea.Cmd {
	eng := m.eng
	return func() tea.Msg {
		ch := StepChange{Ref: ref, Evidence: &ev, Capture: c}
		if eng == nil {
			return stepAppliedMsg{change: ch, err: errNoEngine}
		}
		st, err := eng.RecordEvidence(ref, ev, c, pending)
		return stepAppliedMsg{change: ch, state: st, err: err, pending: pending}
	}
}

// applyManyCmd writes many changes through the engine's batches.
func (m *Model) applyManyCmd(chs []StepChange) tea.Cmd {
	eng := m.eng
	items := make([]session.BatchItem, len(chs))
	for i := range chs {
		items[i] = session.BatchItem{Change: chs[i]}
	}
	return func() tea.Msg {
		if eng == nil {
			return stepsAppliedMsg{changes: chs, errs: sameErr(len(chs), errNoEngine)}
		}
		return stepsAppliedMsg{changes: chs, errs: eng.ApplyBatch(context.Background(), items)}
	}
}

func sameErr(n int, err error) []error {
	errs := make([]error, n)
	for i := range errs {
		errs[i] = err
	}
	return errs
}

// updateRun handles the messages that change the run; done is false for
// anything else.
func (m *Model) updateRun(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case refreshedMsg:
		return m.refreshed(msg), true
	case stepAppliedMsg:
		if msg.err != nil {
			return m.errStatus(msg.err), true
		}
		ref := msg.change.Ref
		ci := -1
		if ref.Client != "" {
			ci = m.run.ClientIndex(ref.Client)
		}
		if msg.pending != nil && ci >= 0 {
			m.run.Clients[ci].PendingInvoices = *msg.pending
		}
		if err := m.run.SetStatus(ref, msg.state.Status); err != nil {
			return m.errStatus(err), true
		}
		m.refreshClient(ci)
		m.runChanged()
		if m.steps != nil {
			m.steps.states[ref] = msg.state
		}
		if mg := m.mig; mg != nil && mg.states != nil {
			if _, shown := mg.states[ref]; shown {
				mg.states[ref] = msg.state // the reconciliation shows what was saved
			}
		}
		step, _ := m.opts.Guide.Step(ref.Step)
		text := fmt.Sprintf(i18n.Of(m.lang).PercentColonQuoteFmt, step.Title.In(m.lang), msg.state.Status.Title().In(m.lang))
		if ci >= 0 {
			text = m.run.Clients[ci].Name + " — " + text
		}
		return tea.Batch(m.setStatus(text, false), msg.then), true
	case stepsAppliedMsg:
		ok, failed := 0, 0
		var first error
		for i, ch := range msg.changes {
			if msg.errs != nil && msg.errs[i] != nil {
				failed++
				if first == nil {
					first = msg.errs[i]
				}
				continue
			}
			ok++
			if ch.Status != nil {
				_ = m.run.SetStatus(ch.Ref, *ch.Status)
			}
			m.refreshClient(m.run.ClientIndex(ch.Ref.Client))
		}
		m.runChanged()
		text := fmt.Sprintf(i18n.Of(m.lang).PercentFmt, ok, plural(ok, i18n.Of(m.lang).ClientsMarkedNoun.One, i18n.Of(m.lang).ClientsMarkedNoun.Many))
		if failed > 0 {
			text += ", " + checklist.FormatInt(m.lang, failed) + " " + checklist.Plural(m.lang, failed, i18n.Of(m.lang).RefusedNoun.One, i18n.Of(m.lang).RefusedNoun.Many) + colon(m.lang) + m.errText(first)
		}
		return m.setStatus(text, failed > 0), true
	case checkDoneMsg:
		return m.checkDone(msg), true
	case stepStateMsg:
		if msg.err == nil && m.steps != nil {
			m.steps.states[msg.ref] = msg.state
		}
		return nil, true
	}
	return nil, false
}
