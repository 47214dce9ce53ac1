package tui

import (
	"errors"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/bascule-cli/bascule/tui/session"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// This file holds what the screens of phases 3 to 5 share: the request
// (request.go, guide §3.2), the reconciliation of a client or of the cabinet
// (recon.go, §3.3–§3.4), bulk actions across clients (actions.go), the
// summary and the session (summary.go, §4), and the demo's simulated user
// (demo.go).
//
// Connector work runs as jobs (migration_jobs.go): a job is a function of
// values captured in Update that loads what it needs from the store, calls
// V1 or V2 and returns evidence; Update then writes the evidence and the new
// status through the store, like a check (checks.go). Every V2 write carries
// an idempotency key derived from the workspace, the operation and its
// arguments: a retry of the same action replays on V2 and never acts twice.

// MigrationStore is what the request and summary screens need beyond Store:
// overrides, the request record and the audit events. *store.DB has it; a
// Store without it makes those actions say so.
type MigrationStore interface {
	AddOverride(ws string, run *checklist.Run, o checklist.Override) error
	SetRequest(ws string, run *checklist.Run, r checklist.RequestRecord, by string) error
	Events(ws string, since time.Time) ([]checklist.Event, error)
}

// migration is the state of the phase 3–5 screens, shared by the copies of
// the model like the other screens.
type migration struct {
	start   time.Time // the session's start, for the session view
	req     *requestScreen
	recon   *reconScreen
	actions *actionsScreen
	summary *summaryScreen
	demo    *demoScreen
	job     *runningJob // the single connector job in flight
	poll    int         // id of the live poll chain; older ticks are dropped
	pollReq int         // id of the MigrationStatus call awaited
	// input is the one-line prompt open on a screen (a reason, a SIREN).
	input *lineInput
	// gate is the change waiting for its override's reason (override.go).
	gate *gateAsk
	// confirm is the V2 action waiting for o/n.
	confirm *pendingConfirm
	// states caches what the store holds for the steps these screens show
	// (captures of phase 1, evidence); each screen reloads its own on open.
	states     map[checklist.Ref]checklist.StepState
	reqAnswers *answers // the manual request form's answers
}

func newMigration(now time.Time) *migration {
	return &migration{start: now, states: map[checklist.Ref]checklist.StepState{}}
}

// lineInput is a one-line prompt: what it is for, and the text typed.
type lineInput struct {
	purpose string // "override", "siren"
	label   string
	input   textinput.Model
}

// pendingConfirm is an action shown to the user before it runs.
type pendingConfirm struct {
	ref  checklist.Ref
	text string
	undo bool // o/n sets ref back to "à faire" (space on a done step)
}

func (m *Model) migState() *migration {
	if m.mig == nil {
		m.mig = newMigration(m.opts.Now())
	}
	return m.mig
}

func (m *Model) migStore() (MigrationStore, bool) {
	s, ok := m.opts.Store.(MigrationStore)
	return s, ok
}

var errNoMigStore = errors.New("store without overrides, request or events")

// wsSeed identifies the workspace in idempotency keys: two workspaces of the
// same cabinet never share one.
func (m *Model) wsSeed() string {
	if m.ws == nil {
		return ""
	}
	return session.WorkspaceSeed(*m.ws)
}

// RequestKey is the idempotency key of a workspace's migration request:
// derived, not random, so that it survives a restart and a retry never
// submits twice. cmd/bascule may use it to replay a demo request.
func RequestKey(w Workspace) string {
	return idemKey(session.WorkspaceSeed(w), "submit_migration", w.Cabinet.SIREN)
}

// idemKey derives an idempotency key (session.IdemKey).
func idemKey(seed, op string, args ...any) string { return session.IdemKey(seed, op, args...) }

// updateMigration handles the messages of phases 3–5 whatever the screen;
// done is false for anything else.
func (m *Model) updateMigration(msg tea.Msg) (tea.Cmd, bool) {
	mg := m.migState()
	switch msg := msg.(type) {
	case jobDoneMsg:
		if mg.job == nil || msg.id != mg.job.id {
			return nil, true // cancelled or superseded
		}
		if cancel, ok := m.ids.cancels[msg.id]; ok {
			cancel()
			delete(m.ids.cancels, msg.id)
		}
		mg.job = nil
		if msg.err != nil {
			return m.setStatus(m.jobErrTextFor(msg.ref, msg.err), true), true
		}
		m.cacheEvidence(msg.ref, msg.res)
		return m.jobRecordCmd(msg.ref, msg.res, msg.res.summary, !msg.res.ev.OK), true
	case overrideSavedMsg:
		return m.overrideSaved(msg), true
	case submitDoneMsg:
		return m.submitDone(msg), true
	case requestSavedMsg:
		return m.requestSaved(msg), true
	case pollTickMsg:
		return m.pollTick(msg), true
	case pollDoneMsg:
		return m.pollDone(msg), true
	case reconStatesMsg:
		m.reconStatesLoaded(msg)
		return nil, true
	case bulkStepMsg:
		return m.bulkStep(msg), true
	case bulkWrittenMsg:
		return m.bulkWritten(msg), true
	case eventsMsg:
		m.eventsLoaded(msg)
		return nil, true
	case reportWrittenMsg:
		return m.reportWritten(msg), true
	case demoDoneMsg:
		return m.demoDone(msg), true
	case summaryRefreshMsg:
		if mg.summary != nil {
			m.refreshSummaryScreen()
		}
		return nil, true
	case formSubmittedMsg, formCancelledMsg:
		return m.migForm(msg)
	}
	return nil, false
}

// migPromptOpen reports whether the one-line prompt or an o/n question of
// phases 3–5 is open: keys are then text for it, whatever the screen.
func (m *Model) migPromptOpen() bool {
	mg := m.migState()
	return mg.input != nil || mg.confirm != nil
}

// dashMigKey opens a phase 3–5 screen from the dashboard.
func (m *Model) dashMigKey(km tea.KeyMsg, k dashKeys) tea.Cmd {
	switch {
	case key.Matches(km, k.Request):
		return m.openRequest()
	case key.Matches(km, k.Recon):
		if ci := m.dash.current(); ci >= 0 {
			return m.openRecon(ci)
		}
	case key.Matches(km, k.ReconCabinet):
		return m.openRecon(-1)
	case key.Matches(km, k.Actions):
		return m.openActions()
	case key.Matches(km, k.Summary):
		return m.openSummary()
	case key.Matches(km, k.Demo):
		return m.openDemo()
	}
	return nil
}

// updateMigScreen gives msg to the override's reason prompt when it is
// open (override.go), else to the phase 3–5 screen's own update.
func (m *Model) updateMigScreen(msg tea.Msg, update func(tea.Msg) tea.Cmd) tea.Cmd {
	if cmd, done := m.updateGateInput(msg); done {
		return cmd
	}
	return update(msg)
}

// resizeLineInput fits the one-line prompt of phases 3–5 to the window.
func (m *Model) resizeLineInput() tea.Cmd {
	if mg := m.migState(); mg.input != nil {
		mg.input.input.Width = m.width - 6
	}
	return nil
}

// migForm gives a form's outcome to the screen that opened it.
func (m *Model) migForm(msg tea.Msg) (tea.Cmd, bool) {
	mg := m.migState()
	var id int
	switch v := msg.(type) {
	case formSubmittedMsg:
		id = v.id
	case formCancelledMsg:
		id = v.id
	}
	switch {
	case mg.req != nil && mg.req.form != nil && mg.req.formID == id:
		return m.requestForm(msg), true
	case mg.actions != nil && mg.actions.form != nil && mg.actions.formID == id:
		return m.actionsForm(msg), true
	}
	return nil, false
}

// readOnlyBanner is the line every screen shows once the migration is done:
// V1 no longer sends, receives, pays or validates (§3.2, "à savoir").
func (m *Model) readOnlyBanner() string {
	if m.run == nil || !m.run.Migrated() || showing[*workspaceScreen](m) || showing[loadingScreen](m) {
		return ""
	}
	return " " + m.st.Warn.Render(i18n.Of(m.lang).MigratedEachV1Company)
}
