package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/bascule-cli/bascule/tui/session"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// This file holds what the screens of phases 3 to 5 share: the request
// (request.go, guide §3.2), the reconciliation of a client or of the cabinet
// (recon.go, §3.3–§3.4), bulk actions across clients (actions.go), the
// summary and the session (summary.go, §4), and the demo's simulated user
// (demo.go).
//
// Connector work runs as jobs: a job is a function of values captured in
// Update that loads what it needs from the store, calls V1 or V2 and returns
// evidence; Update then writes the evidence and the new status through the
// store, like a check (checks.go). Every V2 write carries an idempotency key
// derived from the workspace, the operation and its arguments: a retry of the
// same action replays on V2 and never acts twice.

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
	return workspaceSeed(*m.ws)
}

// workspaceSeed is what a workspace's idempotency keys derive from: the
// same workspace gives the same keys, after a restart and in either mode.
func workspaceSeed(w Workspace) string {
	return w.ID + "|" + w.Cabinet.SIREN + "|" + w.Created.UTC().Format(time.RFC3339Nano)
}

// RequestKey is the idempotency key of a workspace's migration request:
// derived, not random, so that it survives a restart and a retry never
// submits twice. cmd/bascule may use it to replay a demo request.
func RequestKey(w Workspace) string {
	return idemKey(w.ID+"|"+w.Cabinet.SIREN+"|"+w.Created.UTC().Format(time.RFC3339Nano), "submit_migration", w.Cabinet.SIREN)
}

// idemKey derives an idempotency key (session.IdemKey).
func idemKey(seed, op string, args ...any) string { return session.IdemKey(seed, op, args...) }

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
			return s
		}
	}
	return m.errText(err)
}

// migTyping reports whether keys are text for a prompt or form of phases 3–5.
func (m *Model) migTyping() bool {
	mg := m.migState()
	if mg.input != nil || mg.confirm != nil {
		return true
	}
	switch m.screen {
	case screenRequest:
		return mg.req != nil && mg.req.form != nil
	case screenActions:
		return mg.actions != nil && mg.actions.form != nil
	}
	return false
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

func (m *Model) updateMigScreen(msg tea.Msg) tea.Cmd {
	if cmd, done := m.updateGateInput(msg); done {
		return cmd
	}
	switch m.screen {
	case screenRequest:
		return m.updateRequest(msg)
	case screenRecon:
		return m.updateRecon(msg)
	case screenActions:
		return m.updateActions(msg)
	case screenSummary:
		return m.updateSummary(msg)
	case screenDemo:
		return m.updateDemo(msg)
	}
	return nil
}

func (m *Model) viewMig() (string, help.KeyMap) {
	switch m.screen {
	case screenRequest:
		return m.viewRequest()
	case screenRecon:
		return m.viewRecon()
	case screenActions:
		return m.viewActions()
	case screenSummary:
		return m.viewSummary()
	case screenDemo:
		return m.viewDemo()
	}
	return "", formKeys{}
}

func (m *Model) resizeMig() tea.Cmd {
	mg := m.migState()
	var req, act tea.Cmd
	if mg.req != nil && mg.req.form != nil {
		mg.req.form, req = m.fitForm(mg.req.form)
	}
	if mg.actions != nil && mg.actions.form != nil {
		mg.actions.form, act = m.fitForm(mg.actions.form)
	}
	if mg.input != nil {
		mg.input.input.Width = m.width - 6
	}
	return tea.Batch(req, act)
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
	if m.run == nil || !m.run.Migrated() || m.screen == screenWorkspace || m.screen == screenLoading {
		return ""
	}
	return " " + m.st.Warn.Render(i18n.Of(m.lang).MigratedEachV1Company)
}

// openPrompt opens the one-line prompt of a phase 3–5 screen.
func (m *Model) openLineInput(purpose, label string) {
	in := textinput.New()
	in.Prompt = "> "
	in.CharLimit = 300
	in.Width = m.width - 6
	in.Focus()
	m.migState().input = &lineInput{purpose: purpose, label: label, input: in}
}

// updateLineInput feeds a key to the open prompt; on enter it returns the
// text and true.
func (m *Model) updateLineInput(msg tea.Msg) (string, bool, tea.Cmd) {
	mg := m.migState()
	p := mg.input
	if km, ok := msg.(tea.KeyMsg); ok {
		switch km.Type {
		case tea.KeyEsc:
			mg.input = nil
			return "", false, nil
		case tea.KeyEnter:
			mg.input = nil
			return connectors.Sanitize(p.input.Value()), true, nil
		}
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return "", false, cmd
}

func (m *Model) lineInputView() []string {
	p := m.migState().input
	if p == nil {
		return nil
	}
	var why []string
	if p.purpose == purposeGate {
		why = m.gateWhy(m.migState().gate)
	}
	return append(why, " "+m.st.Accent.Render(p.label), " "+p.input.View(),
		" "+m.st.Muted.Render(i18n.Of(m.lang).EnterConfirmEscCancel))
}

// stepRow is one line of a list of steps: pointer, status, title, a note.
func (m *Model) stepRow(ref checklist.Ref, st *checklist.Step, cursor bool, note string, titleW int) string {
	cur, _ := m.run.Status(ref)
	pointer := " "
	title := cell(st.Title.In(m.lang), titleW)
	if cursor {
		pointer = "▸"
		title = m.st.Cursor.Render(title)
	}
	kind := m.st.Muted.Render(cell(kindShort(m.lang, st.Kind), 11))
	return fmt.Sprintf(" %s %s %s  %s %s", pointer, statusMark(m.st, cur), title, kind,
		cell(note, max(0, m.width-titleW-20)))
}

// titleWidth is the title column of a list of steps: the longest title,
// within what leaves the note column 30 cells (but 40 cells to titles on
// the narrowest terminal, and never much more than half the width).
func (m *Model) titleWidth(steps []*checklist.Step) int {
	longest := 0
	for _, st := range steps {
		longest = max(longest, ansi.StringWidth(st.Title.In(m.lang)))
	}
	return max(10, min(longest, max(40, min(m.width-19-30, m.width/2+4))))
}

// fmtLeft writes a countdown: "2 j 4 h", "3 h 10", "12 min".
func fmtLeft(lang checklist.Lang, d time.Duration) string {
	if d < 0 {
		d = -d
	}
	days := int(d / (24 * time.Hour))
	if days > 0 {
		h := int((d % (24 * time.Hour)) / time.Hour)
		return fmt.Sprintf(i18n.Of(lang).DHFmt, days, h)
	}
	return fmtDuration(d)
}

// dueLine is the estimated answer date with its countdown, or "" before the
// request is sent.
func (m *Model) dueLine() string {
	due, ok := m.run.AnswerDue()
	if !ok || m.run.Migrated() {
		return "" // once the answer came, no estimate is left to show
	}
	now := m.opts.Now()
	s := fmt.Sprintf(i18n.Of(m.lang).AnswerExpectedEstimate3Fmt,
		fmtClock(m.lang, due.At, m.loc))
	switch {
	case due.Late(now):
		return s + " · " + m.st.Bad.Render(i18n.Of(m.lang).LateBy+fmtLeft(m.lang, due.Left(now)))
	}
	return s + " · " + i18n.Of(m.lang).In + fmtLeft(m.lang, due.Left(now))
}

// evidenceShort is one line saying what evidence holds.
func (m *Model) evidenceShort(ev *checklist.Evidence) string {
	if ev == nil {
		return ""
	}
	mark := m.st.OK.Render("✓")
	if !ev.OK {
		mark = m.st.Warn.Render("⚠")
	}
	return mark + " " + m.st.Muted.Render(SourceLabel(m.lang, ev.Source)+" "+fmtClock(m.lang, ev.At, m.loc))
}
