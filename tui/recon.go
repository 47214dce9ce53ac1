package tui

import (
	"fmt"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/bascule-cli/bascule/tui/session"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// reconScreen is the reconciliation of one client, or of the cabinet
// (client -1): first the control of what migrated (§3.3), V1 as noted before
// the switch against V2 now, then the list of what to re-create (§3.4),
// pre-filled from what phase 1 noted. Each item is ticked by hand or done
// through V2 (enter, then a confirmation); the result is kept as evidence.
type reconScreen struct {
	client int
	steps  []*checklist.Step
	cursor int
}

// errNothingNoted says a re-creation has no data from phase 1 to work from.
var errNothingNoted = session.ErrNothingNoted

// reconKeys are the reconciliation screen's keys.
type reconKeys struct {
	Up, Down, Do, Tick, Check, PrevClient, NextClient key.Binding
	// Capture opens the form of a step that has one (the plan the client
	// chose, the payment-services request): enabled on such a step.
	Capture key.Binding
	global  globalKeys
}

func newReconKeys(lang checklist.Lang, g globalKeys) reconKeys {
	return reconKeys{
		Up:         upKey(i18n.Of(lang).Move),
		Down:       downKey(lang),
		Do:         key.NewBinding(key.WithKeys("enter"), key.WithHelp(keyEnter(lang), i18n.Of(lang).Act)),
		Tick:       tickKey(lang, i18n.Of(lang).Done),
		Check:      key.NewBinding(key.WithKeys("v"), key.WithHelp("v", i18n.Of(lang).Check2)),
		Capture:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", i18n.Of(lang).FillIn), key.WithDisabled()),
		PrevClient: prevClientKey(lang),
		NextClient: nextClientKey(lang),
		global:     g,
	}
}

func (k reconKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Do, k.Tick, k.Check, k.Capture, k.PrevClient, k.global.Back, k.global.Help}
}

func (k reconKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Do, k.Tick, k.Check, k.Capture}, {k.PrevClient, k.global.Back, k.global.Help, k.global.Quit}}
}

// reconStatesMsg carries step states read for the phase 3–5 screens.
type reconStatesMsg struct {
	states map[checklist.Ref]checklist.StepState
	err    error
}

// loadStatesCmd reads the states of refs in one command.
func (m *Model) loadStatesCmd(refs []checklist.Ref) tea.Cmd {
	st, ws := m.opts.Store, m.ws.ID
	return func() tea.Msg {
		out := make(map[checklist.Ref]checklist.StepState, len(refs))
		for _, r := range refs {
			s, err := st.StepState(ws, r)
			if err != nil {
				return reconStatesMsg{err: err}
			}
			out[r] = s
		}
		return reconStatesMsg{states: out}
	}
}

func (m *Model) reconStatesLoaded(msg reconStatesMsg) {
	if msg.err != nil {
		return
	}
	for r, s := range msg.states {
		m.migState().states[r] = s
	}
}

// cacheEvidence keeps a job's evidence (and capture) for display at once.
func (m *Model) cacheEvidence(ref checklist.Ref, res jobResult) {
	mg := m.migState()
	st := mg.states[ref]
	ev := res.ev
	st.Evidence = &ev
	if res.capture != nil {
		st.Capture = res.capture
	}
	mg.states[ref] = st
}

// reconRefs are the steps whose states the screen shows: phase 1's
// captures and evidence, and the reconciliation steps.
func (m *Model) reconRefs(ci int) []checklist.Ref {
	var refs []checklist.Ref
	if ci < 0 {
		for _, st := range m.opts.Guide.StepsFor(checklist.ScopeCabinet) {
			if st.Phase == checklist.PhasePreparation || st.Phase == checklist.PhaseReconciliation {
				refs = append(refs, checklist.Ref{Step: st.ID})
			}
		}
		return refs
	}
	c := m.run.Clients[ci]
	for _, st := range m.opts.Guide.ClientSideSteps() {
		if (st.Phase == checklist.PhasePreparation || st.Phase == checklist.PhaseReconciliation) && (st.Scope != checklist.ScopePayment || c.Payment) {
			refs = append(refs, checklist.Ref{Step: st.ID, Client: c.ID})
		}
	}
	return refs
}

func (m *Model) openRecon(ci int) tea.Cmd {
	mg := m.migState()
	r := &reconScreen{client: ci}
	if ci < 0 {
		for _, st := range m.opts.Guide.StepsFor(checklist.ScopeCabinet) {
			if st.Phase == checklist.PhaseReconciliation {
				r.steps = append(r.steps, st)
			}
		}
	} else {
		pay := m.run.Clients[ci].Payment
		for _, st := range m.opts.Guide.ClientSideSteps() {
			if st.Phase == checklist.PhaseReconciliation && (st.Scope != checklist.ScopePayment || pay) {
				r.steps = append(r.steps, st)
			}
		}
	}
	mg.recon = r
	mg.confirm = nil
	m.open(mg.recon)
	var cmd tea.Cmd
	if !m.run.Migrated() {
		cmd = m.setStatus(i18n.Of(m.lang).ValidationAndReEntry, false)
	}
	return tea.Batch(cmd, m.loadStatesCmd(m.reconRefs(ci)))
}

func (m *Model) reconRef(st *checklist.Step) checklist.Ref {
	r := m.migState().recon
	ref := checklist.Ref{Step: st.ID}
	if r.client >= 0 && st.Scope != checklist.ScopeCabinet {
		ref.Client = m.run.Clients[r.client].ID
	}
	return ref
}

func (m *Model) updateRecon(msg tea.Msg) tea.Cmd {
	mg := m.migState()
	r := mg.recon
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	if mg.confirm != nil {
		c := mg.confirm
		mg.confirm = nil
		if c.undo {
			return m.answerUndo(km, c.ref)
		}
		if yesKey(km) {
			if fn := m.jobFor(c.ref); fn != nil {
				return m.runJob(c.ref, fn)
			}
		}
		return m.setStatus(i18n.Of(m.lang).NothingWasDoneOn, false)
	}
	k := newReconKeys(m.lang, m.gkeys)
	switch {
	case key.Matches(km, m.gkeys.Back):
		if mg.job != nil {
			return m.cancelJob()
		}
		m.goBack()
		return nil
	case key.Matches(km, k.Up):
		r.cursor = max(0, r.cursor-1)
		return nil
	case key.Matches(km, k.Down):
		r.cursor = min(len(r.steps)-1, r.cursor+1)
		return nil
	case key.Matches(km, k.PrevClient, k.NextClient):
		if r.client < 0 || m.dash == nil {
			return nil
		}
		return m.moveReconClient(key.Matches(km, k.NextClient))
	}
	st := r.steps[r.cursor]
	ref := m.reconRef(st)
	switch {
	case st.Form != nil && km.String() == "s": // k.Capture, enabled on such a step
		if err := m.run.CheckTransition(ref, checklist.StatusInProgress, ""); err != nil {
			return m.errStatus(err)
		}
		return m.openCapture(ref, st)
	case key.Matches(km, k.Tick):
		cur, _ := m.run.Status(ref)
		if cur == checklist.StatusDone {
			mg.confirm = &pendingConfirm{ref: ref, undo: true, text: m.undoQuestion(st.Title.In(m.lang))}
			return nil
		}
		if ev := mg.states[ref].Evidence; ev != nil && isControl(st.ID) && hasGap(ev) {
			return m.setStatus(i18n.Of(m.lang).AGapCannotBe, true)
		}
		return m.apply(StepChange{Ref: ref, Status: statusPtr(checklist.StatusDone)})
	case key.Matches(km, k.Check, k.Do):
		if err := m.run.CheckTransition(ref, checklist.StatusInProgress, ""); err != nil {
			return m.errStatus(err)
		}
		fn := m.jobFor(ref)
		if fn == nil {
			// A manual step: enter marks it done, as on every list of steps.
			if cur, _ := m.run.Status(ref); cur == checklist.StatusDone || key.Matches(km, k.Check) {
				return m.setStatus(i18n.Of(m.lang).ManualStepNoAutomatic, false)
			}
			return m.apply(StepChange{Ref: ref, Status: statusPtr(checklist.StatusDone)})
		}
		if st.Kind == checklist.KindConnectorCheck || key.Matches(km, k.Check) && st.Kind != checklist.KindConnectorAction {
			return m.runJob(ref, fn)
		}
		plan := m.reconPlan(ref)
		text := fmt.Sprintf(i18n.Of(m.lang).DoOnV2YFmt, st.Title.In(m.lang), plan)
		if ref.Step == checklist.StepReconCabinetInactiveClientsImport && m.writesImport() {
			text = fmt.Sprintf(i18n.Of(m.lang).WriteV2sImportFileFmt, m.outDir())
		}
		mg.confirm = &pendingConfirm{ref: ref, text: text}
	}
	return nil
}

// moveReconClient opens the previous or next client of the dashboard's rows.
func (m *Model) moveReconClient(next bool) tea.Cmd {
	d := m.dash
	cur := m.migState().recon.client
	pos := -1
	for i, ci := range d.ix.filtered {
		if int(ci) == cur {
			pos = i
			break
		}
	}
	if next {
		pos++
	} else {
		pos--
	}
	if pos < 0 || pos >= len(d.ix.filtered) {
		return nil
	}
	d.cursor = pos
	d.clamp(m.pageRows())
	m.leaveForDashboard()
	return m.openRecon(int(d.ix.filtered[pos]))
}

// The reconciliation screen (screens.go).
func (*reconScreen) name() string { return "reconciliation" }
func (*reconScreen) update(m *Model, msg tea.Msg) tea.Cmd {
	return m.updateMigScreen(msg, m.updateRecon)
}
func (*reconScreen) view(m *Model) (string, help.KeyMap) { return m.viewRecon() }
func (*reconScreen) typing(m *Model) bool                { return m.migPromptOpen() }
func (*reconScreen) resize(*Model) tea.Cmd               { return nil }
