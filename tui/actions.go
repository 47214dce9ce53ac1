package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/bascule-cli/bascule/tui/session"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"
)

// actionsScreen runs one connector action for every selected client, one
// client after the other: a V1 check (a sweep), the control of what
// migrated, or a re-creation on V2 ("set the numbering of every selected
// client"). Each client gets its own line in the report; a failure is
// reported and the next client goes on. The results are written in one
// store command at the end (or when esc stops the run).
type actionsScreen struct {
	clients []int
	form    *huh.Form
	formID  int
	ans     *actionAnswers
	step    string // the action chosen
	id      int    // the run in flight; 0 when none
	pos     int
	results []bulkResult
	changes []StepChange
	pending []*int
	written bool
	saving  bool // the results are being written
	// top is the first report line shown; follow keeps the newest lines in
	// view while the run goes on, until the user scrolls.
	top    int
	follow bool
}

type actionAnswers struct {
	step    string
	confirm bool
}

// bulkResult is one client's line in the report.
type bulkResult struct {
	ci   int
	ok   bool
	text string
}

// demoAcceptStep is the demo's "the client accepts its invoices on V1".
const demoAcceptStep = "demo.accept_pending"

type (
	bulkStepMsg struct {
		id, pos int
		res     jobResult
		err     error
	}
	bulkWrittenMsg struct {
		changes []StepChange
		pending []*int
		errs    []error
		run     *checklist.Run // the engine's run once written: the statuses it recorded
	}
)

// actionsKeys are the keys under a running or finished bulk action: the
// report scrolls like every list.
type actionsKeys struct {
	Stop, Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	global                                        globalKeys
}

func newActionsKeys(lang checklist.Lang, g globalKeys, running bool) actionsKeys {
	k := actionsKeys{global: g,
		Stop:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.Of(lang).Back)),
		Up:       upKey(i18n.Of(lang).Scroll),
		Down:     downKey(lang),
		PageUp:   pageUpKey(i18n.Of(lang).Page),
		PageDown: pageDownKey(lang),
		Top:      key.NewBinding(key.WithKeys("home"), key.WithHelp(i18n.Of(lang).HomeEnd, i18n.Of(lang).TopBottom)),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", i18n.Of(lang).Bottom)),
	}
	if running {
		k.Stop.SetHelp("esc", i18n.Of(lang).Stop)
	}
	return k
}

func (k actionsKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Stop, k.Up, k.PageUp, k.Top, k.global.Help, k.global.Quit}
}
func (k actionsKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.PageUp, k.Top}, {k.Stop, k.global.Help, k.global.Quit}}
}

// actionOptions are the actions offered for the clients, in the guide's order.
func (m *Model) actionOptions() []huh.Option[string] {
	var out []huh.Option[string]
	lang := m.lang
	if m.ports.Demo != nil && !m.run.Migrated() {
		out = append(out, huh.NewOption(i18n.Of(lang).DemoTheClientAccepts, demoAcceptStep))
	}
	phase := checklist.PhasePreparation
	if m.run.Migrated() {
		phase = checklist.PhaseReconciliation
	}
	for _, st := range clientStepsByPhase(m.opts.Guide, phase) {
		if st.Kind != checklist.KindConnectorCheck && st.Kind != checklist.KindConnectorAction {
			continue
		}
		if len(m.run.Clients) > 0 && m.jobFor(checklist.Ref{Step: st.ID, Client: m.run.Clients[0].ID}) == nil {
			continue // nothing bascule can do for it: ticked by hand
		}
		verb := i18n.Of(lang).CheckOnV1
		switch {
		case st.Phase == checklist.PhaseReconciliation && st.Kind == checklist.KindConnectorAction:
			verb = i18n.Of(lang).ReCreateOnV2
		case st.Phase == checklist.PhaseReconciliation:
			verb = i18n.Of(lang).CheckOnV2
		}
		out = append(out, huh.NewOption(verb+st.Title.In(lang)+" (§"+st.Section+")", st.ID))
	}
	return out
}

func (m *Model) openActions() tea.Cmd {
	mg := m.migState()
	a := &actionsScreen{ans: &actionAnswers{}, follow: true}
	for i, on := range m.dash.marked {
		if on {
			a.clients = append(a.clients, i)
		}
	}
	if len(a.clients) == 0 {
		return m.setStatus(i18n.Of(m.lang).SelectClientsFirstSpace, false)
	}
	opts := m.actionOptions()
	if len(opts) == 0 {
		return m.setStatus(i18n.Of(m.lang).NoConnectorActionFor, false)
	}
	a.ans.step = opts[0].Value
	lang, n, ans := m.lang, len(a.clients), a.ans
	form, id, cmd := m.newForm(
		huh.NewGroup(newSelect(i18n.Of(lang).Action, opts, &ans.step)).
			Title(fmt.Sprintf(i18n.Of(lang).BulkActionForFmt, n, plural(n, "client", "clients"))),
		huh.NewGroup(confirmOf(lang, newConfirm(i18n.Of(lang).YesRun, i18n.Of(lang).No, &ans.confirm).
			Title(fmt.Sprintf(i18n.Of(lang).RunForEachClientFmt,
				n, plural(n, "client", "clients"))))),
	)
	a.form, a.formID = form, id
	mg.actions = a
	m.open(mg.actions)
	return cmd
}

func (m *Model) actionsForm(msg tea.Msg) tea.Cmd {
	a := m.migState().actions
	a.form = nil
	if _, ok := msg.(formCancelledMsg); ok || !a.ans.confirm {
		m.goBack()
		return m.setStatus(i18n.Of(m.lang).NothingWasRun, false)
	}
	a.step = a.ans.step
	clear(m.dash.marked)
	m.dash.nMarked = 0
	a.id = m.ids.take()
	return tea.Batch(m.spin.Tick, m.bulkNext())
}

// bulkJob is the work of the chosen action for one client, or nil when the
// action does not apply to it.
func (m *Model) bulkJob(ci int) job {
	a := m.migState().actions
	c := m.run.Clients[ci]
	if a.step == demoAcceptStep {
		demo, check := m.ports.Demo, m.jobFor(checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: c.ID})
		return func(ctx context.Context) (jobResult, error) {
			if err := demo.AcceptPendingInvoices(c.ID); err != nil {
				return jobResult{}, err
			}
			return check(ctx)
		}
	}
	if st, _ := m.opts.Guide.Step(a.step); st.Scope == checklist.ScopePayment && !c.Payment {
		return nil
	}
	return m.jobFor(checklist.Ref{Step: a.step, Client: c.ID})
}

func (a *actionsScreen) ref(run *checklist.Run, ci int) checklist.Ref {
	step := a.step
	if step == demoAcceptStep {
		step = checklist.StepClientPendingInvoices
	}
	return checklist.Ref{Step: step, Client: run.Clients[ci].ID}
}

// bulkNext starts the action for the next client.
func (m *Model) bulkNext() tea.Cmd {
	a := m.migState().actions
	for a.pos < len(a.clients) {
		ci := a.clients[a.pos]
		fn := m.bulkJob(ci)
		if fn == nil {
			a.results = append(a.results, bulkResult{ci: ci, ok: true, text: i18n.Of(m.lang).DoesNotApplyTo})
			a.pos++
			continue
		}
		id, pos := a.id, a.pos
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		m.ids.cancels[id] = cancel
		return func() tea.Msg {
			res, err := fn(ctx)
			return bulkStepMsg{id: id, pos: pos, res: res, err: err}
		}
	}
	return m.bulkWriteCmd()
}

func (m *Model) bulkStep(msg bulkStepMsg) tea.Cmd {
	a := m.migState().actions
	if a == nil || msg.id != a.id || msg.pos != a.pos {
		return nil // stopped, or an older run
	}
	if cancel, ok := m.ids.cancels[msg.id]; ok {
		cancel()
		delete(m.ids.cancels, msg.id)
	}
	ci := a.clients[a.pos]
	ref := a.ref(m.run, ci)
	if msg.err != nil {
		a.results = append(a.results, bulkResult{ci: ci, text: m.jobErrTextFor(ref, msg.err)})
	} else {
		a.results = append(a.results, bulkResult{ci: ci, ok: msg.res.ev.OK, text: msg.res.summary})
		m.cacheEvidence(ref, msg.res)
		ev := msg.res.ev
		a.changes = append(a.changes, StepChange{Ref: ref, Evidence: &ev, Capture: msg.res.capture})
		a.pending = append(a.pending, msg.res.pending)
	}
	a.pos++
	return m.bulkNext()
}

// bulkWriteCmd records every client's result in one command, through the
// engine's batches (session.ApplyBatch: 500 a transaction, the counts with
// one PutDossiers, the status by checklist's one rule at commit). The
// screen says "enregistrement" until the answer comes back, with the
// statuses the engine recorded.
func (m *Model) bulkWriteCmd() tea.Cmd {
	a := m.migState().actions
	a.id = 0
	if a.written {
		return nil
	}
	a.written, a.saving = true, true
	chs, pend := a.changes, a.pending
	items := make([]session.BatchItem, len(chs))
	for i := range chs {
		items[i] = session.BatchItem{Change: chs[i], Settle: true, Pending: pend[i]}
	}
	eng := m.eng
	return func() tea.Msg {
		if eng == nil {
			return bulkWrittenMsg{changes: chs, pending: pend, errs: sameErr(len(chs), errNoEngine)}
		}
		errs := eng.ApplyBatch(context.Background(), items)
		return bulkWrittenMsg{changes: chs, pending: pend, errs: errs, run: eng.Snapshot()}
	}
}

func (m *Model) bulkWritten(msg bulkWrittenMsg) tea.Cmd {
	failed := 0
	for i, ch := range msg.changes {
		ci := m.run.ClientIndex(ch.Ref.Client)
		if msg.errs[i] != nil {
			failed++
			continue
		}
		if msg.pending[i] != nil && ci >= 0 {
			m.run.Clients[ci].PendingInvoices = *msg.pending[i]
		}
		// What the store recorded: the new status and evidence over what it
		// held (notes and captures are kept by ApplySteps).
		cached := m.migState().states[ch.Ref]
		if st, err := msg.run.Status(ch.Ref); err == nil {
			cached.Status = st
			_ = m.run.SetStatus(ch.Ref, st)
		}
		if ch.Evidence != nil {
			cached.Evidence = ch.Evidence
		}
		cached.By, cached.At = m.by(), m.opts.Now()
		m.migState().states[ch.Ref] = cached
		m.refreshClient(ci)
	}
	if a := m.migState().actions; a != nil {
		a.saving = false
	}
	m.runChanged()
	ok, bad := 0, 0
	if a := m.migState().actions; a != nil {
		for _, r := range a.results {
			if r.ok {
				ok++
			} else {
				bad++
			}
		}
	}
	text := fmt.Sprintf(i18n.Of(m.lang).BulkActionFinishedToFmt,
		ok, plural(ok, i18n.Of(m.lang).SucceededNoun.One, i18n.Of(m.lang).SucceededNoun.Many), bad)
	if failed > 0 {
		text += i18n.Of(m.lang).Semicolon + checklist.FormatInt(m.lang, failed) + checklist.Plural(m.lang, failed, i18n.Of(m.lang).NotRecordedNoun.One, i18n.Of(m.lang).NotRecordedNoun.Many)
	}
	return m.setStatus(text, bad+failed > 0)
}

func (m *Model) updateActions(msg tea.Msg) tea.Cmd {
	a := m.migState().actions
	if a.form != nil {
		var cmd tea.Cmd
		a.form, cmd = m.updateForm(a.form, msg)
		return cmd
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := newActionsKeys(m.lang, m.gkeys, a.id != 0)
	rows := m.actionRows()
	switch {
	case key.Matches(km, m.gkeys.Back):
		if a.id != 0 {
			if cancel, ok := m.ids.cancels[a.id]; ok {
				cancel()
				delete(m.ids.cancels, a.id)
			}
			a.results = append(a.results, bulkResult{ci: -1, text: i18n.Of(m.lang).StoppedTheNextClients})
			return m.bulkWriteCmd()
		}
		m.goBack()
	case key.Matches(km, k.Up):
		a.scrollTo(a.top-1, rows, len(m.reportLines()))
	case key.Matches(km, k.Down):
		a.scrollTo(a.top+1, rows, len(m.reportLines()))
	case key.Matches(km, k.PageUp):
		a.scrollTo(a.top-rows, rows, len(m.reportLines()))
	case key.Matches(km, k.PageDown):
		a.scrollTo(a.top+rows, rows, len(m.reportLines()))
	case key.Matches(km, k.Top):
		a.scrollTo(0, rows, len(m.reportLines()))
	case key.Matches(km, k.Bottom):
		a.scrollTo(len(m.reportLines()), rows, len(m.reportLines()))
	}
	return nil
}

// scrollTo moves the report's window to top, within its n lines; the
// window follows new lines again once it reaches the bottom.
func (a *actionsScreen) scrollTo(top, rows, n int) {
	a.top = max(0, min(top, n-rows))
	a.follow = a.top >= n-rows
}

// actionRows is how many report lines fit under the title, leaving a line
// above and below for "… N de plus".
func (m *Model) actionRows() int { return max(3, m.height-3-5) }

// reportLines is the bulk action's report, one client per entry, its
// message wrapped under the name, never cut.
func (m *Model) reportLines() []string {
	a := m.migState().actions
	nameW := min(32, max(16, m.width/3))
	var out []string
	for _, r := range a.results {
		mark := m.st.OK.Render("✓")
		if !r.ok {
			mark = m.st.Warn.Render("✗")
		}
		lead := " " + mark + " "
		if r.ci >= 0 {
			lead += cell(m.run.Clients[r.ci].Name, nameW) + "  "
		}
		textW := m.width - ansi.StringWidth(lead)
		pad := strings.Repeat(" ", ansi.StringWidth(lead))
		for i, l := range strings.Split(wrapText(r.text, textW), "\n") {
			if i == 0 {
				out = append(out, lead+l)
			} else {
				out = append(out, pad+l)
			}
		}
	}
	return out
}

func (m *Model) viewActions() (string, help.KeyMap) {
	a := m.migState().actions
	var b strings.Builder
	b.WriteString(m.header() + "\n" + m.rule() + "\n")
	if a.form != nil {
		b.WriteString(indent(a.form.View(), 1))
		return b.String(), newFormKeys(m.lang)
	}
	title := a.step
	if st, ok := m.opts.Guide.Step(a.step); ok {
		title = st.Title.In(m.lang)
	} else if a.step == demoAcceptStep {
		title = i18n.Of(m.lang).DemoAcceptPendingInvoices
	}
	state := m.st.OK.Render(i18n.Of(m.lang).Finished)
	switch {
	case a.id != 0:
		state = m.spin.View() + fmt.Sprintf(i18n.Of(m.lang).RunningFmt, a.pos, len(a.clients))
	case a.saving:
		state = m.spin.View() + i18n.Of(m.lang).Saving + nouns(m.lang, len(a.changes), i18n.Of(m.lang).ResultsNoun) + "…"
	}
	b.WriteString(fmt.Sprintf(" %s · %s\n", m.st.Title.Render(title), state))
	lines := m.reportLines()
	rows := m.actionRows()
	if a.follow {
		a.top = max(0, len(lines)-rows)
	}
	a.top = max(0, min(a.top, len(lines)-rows))
	end := min(len(lines), a.top+rows)
	above := ""
	if a.top > 0 {
		above = fmt.Sprintf(i18n.Of(m.lang).AboveFmt, lineCount(m.lang, a.top))
	}
	b.WriteString(m.st.Muted.Render(above) + "\n")
	for _, l := range lines[a.top:end] {
		b.WriteString(l + "\n")
	}
	if end < len(lines) {
		b.WriteString(m.st.Muted.Render(fmt.Sprintf(i18n.Of(m.lang).MoreFmt, lineCount(m.lang, len(lines)-end))) + "\n")
	}
	return b.String(), newActionsKeys(m.lang, m.gkeys, a.id != 0)
}

// lineCount writes "1 ligne", "12 lignes".
func lineCount(lang checklist.Lang, n int) string {
	return itoa(n) + " " + plural(n, i18n.Of(lang).LinesNoun.One, i18n.Of(lang).LinesNoun.Many)
}

// The actions screen (screens.go).
func (*actionsScreen) name() string { return "actions" }
func (*actionsScreen) update(m *Model, msg tea.Msg) tea.Cmd {
	return m.updateMigScreen(msg, m.updateActions)
}
func (*actionsScreen) view(m *Model) (string, help.KeyMap) { return m.viewActions() }
func (a *actionsScreen) typing(m *Model) bool              { return m.migPromptOpen() || a.form != nil }
func (a *actionsScreen) resize(m *Model) tea.Cmd           { return m.refit(&a.form) }
