package tui

import (
	"fmt"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// stepsScreen lists the steps of one phase for the cabinet or one client.
type stepsScreen struct {
	client int // index in run.Clients, -1 for the cabinet
	phase  checklist.Phase
	steps  []*checklist.Step
	cursor int
	// states are the recorded details (note, reason, evidence, capture) of
	// the steps seen on this screen, loaded by commands.
	states map[checklist.Ref]checklist.StepState
	prompt *prompt
	// undo is the done step waiting for o/n before going back to "à faire":
	// space ticks, and a second press asks instead of silently undoing.
	undo *checklist.Ref
}

// prompt asks for a reason (bloqué, sans objet) or a note.
type prompt struct {
	to    checklist.Status // StatusBlocked or StatusNotApplicable; StatusTodo for a note
	note  bool
	input textinput.Model
	// gate is set when the reason is an override's (override.go).
	gate *gateAsk
}

// stepStateMsg carries a step's recorded details.
type stepStateMsg struct {
	ref   checklist.Ref
	state checklist.StepState
	err   error
}

func (m *Model) openSteps(client int, phase checklist.Phase) tea.Cmd {
	s := &stepsScreen{client: client, phase: phase, states: map[checklist.Ref]checklist.StepState{}}
	if client < 0 {
		for _, st := range m.opts.Guide.StepsFor(checklist.ScopeCabinet) {
			if st.Phase == phase {
				s.steps = append(s.steps, st)
			}
		}
	} else {
		payment := m.run.Clients[client].Payment
		for _, st := range m.opts.Guide.ClientSideSteps() {
			if st.Phase == phase && (st.Scope != checklist.ScopePayment || payment) {
				s.steps = append(s.steps, st)
			}
		}
	}
	// Start on the first step left to do: that is where the work is.
	for i, st := range s.steps {
		if cur, err := m.run.Status(s.ref(m.run, st)); err == nil && !cur.Resolved() {
			s.cursor = i
			break
		}
	}
	m.steps = s
	m.open(m.steps)
	return m.loadStateCmd()
}

func (s *stepsScreen) ref(run *checklist.Run, st *checklist.Step) checklist.Ref {
	r := checklist.Ref{Step: st.ID}
	if s.client >= 0 {
		r.Client = run.Clients[s.client].ID
	}
	return r
}

func (s *stepsScreen) selected() *checklist.Step {
	if s.cursor < 0 || s.cursor >= len(s.steps) {
		return nil
	}
	return s.steps[s.cursor]
}

func (m *Model) selectedRef() (checklist.Ref, *checklist.Step, bool) {
	st := m.steps.selected()
	if st == nil {
		return checklist.Ref{}, nil, false
	}
	return m.steps.ref(m.run, st), st, true
}

// loadStateCmd reads the selected step's details unless already known.
func (m *Model) loadStateCmd() tea.Cmd {
	ref, _, ok := m.selectedRef()
	if !ok {
		return nil
	}
	if _, known := m.steps.states[ref]; known {
		return nil
	}
	store, ws := m.opts.Store, m.ws.ID
	return func() tea.Msg {
		st, err := store.StepState(ws, ref)
		return stepStateMsg{ref: ref, state: st, err: err}
	}
}

func (m *Model) updateSteps(msg tea.Msg) tea.Cmd {
	s := m.steps
	if s.prompt != nil {
		return m.updatePrompt(msg)
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	if s.undo != nil {
		ref := *s.undo
		s.undo = nil
		return m.answerUndo(km, ref)
	}
	k := newStepKeys(m.lang, m.gkeys)
	ref, step, has := m.selectedRef()
	switch {
	case key.Matches(km, m.gkeys.Back):
		if m.check != nil {
			return m.cancelCheck()
		}
		m.goBack()
		return nil
	case key.Matches(km, k.Up):
		s.cursor = max(0, s.cursor-1)
		return m.loadStateCmd()
	case key.Matches(km, k.Down):
		s.cursor = min(len(s.steps)-1, s.cursor+1)
		return m.loadStateCmd()
	case key.Matches(km, k.PrevClient, k.NextClient):
		if s.client < 0 || m.dash == nil {
			return nil
		}
		return m.moveClient(key.Matches(km, k.NextClient))
	}
	if !has {
		return nil
	}
	cur, _ := m.run.Status(ref)
	switch {
	case key.Matches(km, k.Done):
		if cur == checklist.StatusDone {
			s.undo = &ref
			return nil
		}
		return m.apply(StepChange{Ref: ref, Status: statusPtr(checklist.StatusDone)})
	case key.Matches(km, k.Blocked):
		m.openPrompt(checklist.StatusBlocked, false, "")
	case key.Matches(km, k.NotApplicable):
		m.openPrompt(checklist.StatusNotApplicable, false, "")
	case key.Matches(km, k.Note):
		m.openPrompt(checklist.StatusTodo, true, m.steps.states[ref].Note)
	case key.Matches(km, k.Check):
		return m.startCheck(ref)
	case key.Matches(km, k.Open):
		switch {
		case step.Form != nil && step.Kind == checklist.KindCapture:
			return m.openCapture(ref, step)
		case step.Kind == checklist.KindConnectorCheck:
			return m.startCheck(ref)
		case step.Form != nil:
			return m.openCapture(ref, step)
		case cur == checklist.StatusDone:
			return nil
		default:
			return m.apply(StepChange{Ref: ref, Status: statusPtr(checklist.StatusDone)})
		}
	}
	return nil
}

// undoQuestion is asked when space is pressed on a step already done.
func (m *Model) undoQuestion(title string) string {
	return fmt.Sprintf(i18n.Of(m.lang).IsAlreadyDoneSetFmt, title)
}

// answerUndo sets ref back to "à faire" on o or y; any other key keeps it.
func (m *Model) answerUndo(km tea.KeyMsg, ref checklist.Ref) tea.Cmd {
	if yesKey(km) {
		return m.apply(StepChange{Ref: ref, Status: statusPtr(checklist.StatusTodo)})
	}
	return m.setStatus(i18n.Of(m.lang).StepLeftDone, false)
}

// moveClient opens the previous or next client of the dashboard's rows.
func (m *Model) moveClient(next bool) tea.Cmd {
	d := m.dash
	pos := -1
	for i, ci := range d.ix.filtered {
		if int(ci) == m.steps.client {
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
	phase := m.steps.phase
	m.leaveForDashboard()
	return m.openSteps(int(d.ix.filtered[pos]), phase)
}

func (m *Model) openPrompt(to checklist.Status, note bool, value string) {
	in := textinput.New()
	in.Prompt = "> "
	in.CharLimit = 500
	in.Width = m.width - 6
	in.SetValue(value)
	in.Focus()
	m.steps.prompt = &prompt{to: to, note: note, input: in}
}

func (m *Model) updatePrompt(msg tea.Msg) tea.Cmd {
	p := m.steps.prompt
	if km, ok := msg.(tea.KeyMsg); ok {
		switch km.Type {
		case tea.KeyEsc:
			m.steps.prompt = nil
			return nil
		case tea.KeyEnter:
			ref, _, ok := m.selectedRef()
			m.steps.prompt = nil
			if !ok {
				return nil
			}
			v := connectors.Sanitize(p.input.Value())
			if p.gate != nil {
				return m.saveGateOverride(p.gate, v)
			}
			if p.note {
				return m.apply(StepChange{Ref: ref, Note: &v})
			}
			return m.apply(StepChange{Ref: ref, Status: statusPtr(p.to), Reason: v})
		}
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return cmd
}

func statusMark(st Styles, s checklist.Status) string {
	switch s {
	case checklist.StatusDone:
		return st.OK.Render("✓")
	case checklist.StatusInProgress:
		return st.Accent.Render("…")
	case checklist.StatusBlocked:
		return st.Bad.Render("✗")
	case checklist.StatusNotApplicable:
		return st.Muted.Render("–")
	}
	return st.Muted.Render("·")
}

func kindShort(lang checklist.Lang, k checklist.Kind) string {
	switch k {
	case checklist.KindCapture:
		return i18n.Of(lang).Capture
	case checklist.KindConnectorCheck:
		return i18n.Of(lang).AutoCheck
	case checklist.KindConnectorAction:
		return i18n.Of(lang).V2Action
	}
	return i18n.Of(lang).Manual
}

// clientLine names the client being worked on, its name shortened if need
// be so that the SIREN always shows.
func (m *Model) clientLine(ci int, lead string) string {
	c := m.run.Clients[ci]
	tail := " · SIREN " + ident.FormatSIREN(c.SIREN)
	if c.Payment {
		tail += i18n.Of(m.lang).Payment2
	}
	room := m.width - 1 - ansi.StringWidth(lead) - ansi.StringWidth(tail)
	name := c.Name
	if ansi.StringWidth(name) > room {
		name = ansi.Truncate(name, max(8, room), "…")
	}
	return " " + lead + m.st.Header.Render(name) + m.st.Muted.Render(tail)
}

// stepsTitle names what the steps screen works on. A client's name and
// SIREN are always on it.
func (m *Model) stepsTitle() string {
	s := m.steps
	phase := phaseShort(m.lang, s.phase)
	if s.client < 0 {
		sec := "§2"
		if s.phase == checklist.PhaseRegistration {
			sec = "§3.1"
		}
		return fmt.Sprintf(" %s · %s %s", m.st.Title.Render(phase+i18n.Of(m.lang).Firm4), m.st.Header.Render(m.ws.Cabinet.LegalName), m.st.Muted.Render(sec))
	}
	return m.clientLine(s.client, m.st.Title.Render(phase+" §2")+" · ")
}

func (m *Model) viewSteps() (string, help.KeyMap) {
	s := m.steps
	k := newStepKeys(m.lang, m.gkeys)
	k.Cancel.SetEnabled(m.check != nil)
	k.PrevClient.SetEnabled(s.client >= 0)
	k.NextClient.SetEnabled(s.client >= 0)
	var b strings.Builder
	b.WriteString(m.stepsTitle() + "\n" + m.rule() + "\n")
	done, left := 0, 0
	var count checklist.DoneCount
	titleW := m.width - 6 - 12 - 2 - 5 - 2 - 9 - 1
	for i, st := range s.steps {
		ref := s.ref(m.run, st)
		cur, _ := m.run.Status(ref)
		est := m.opts.Guide.Estimate(st).Nominal()
		count.Add(cur)
		if cur.Resolved() {
			done++
		} else {
			left += int(est.Minutes())
		}
		pointer := " "
		title := cell(st.Title.In(m.lang), titleW)
		if i == s.cursor {
			pointer = "▸"
			title = m.st.Cursor.Render(title)
		}
		dur := ""
		if est > 0 {
			dur = "≈ " + fmtDuration(est)
		}
		line := fmt.Sprintf(" %s %s %s  %s  %s  %s", pointer, statusMark(m.st, cur), title,
			m.st.Muted.Render(cell(kindShort(m.lang, st.Kind), 12)), m.st.Muted.Render(cell("§"+st.Section, 5)), m.st.Muted.Render(rcell(dur, 9)))
		b.WriteString(line + "\n")
	}
	line := "   " + count.Text(m.lang)
	if s.client >= 0 {
		// This client's time left in this phase, from the guide's durations.
		if left := checklist.LeftOf(m.run.ClientProgress(s.client)[s.phase]).Text(m.lang); left != "" {
			line += " · " + left
		}
	}
	b.WriteString(m.st.Muted.Render(line) + "\n")
	b.WriteString(m.rule() + "\n")
	b.WriteString(strings.Join(m.stepDetail(), "\n"))
	if s.undo != nil {
		return b.String(), newYesNoKeys(m.lang)
	}
	return b.String(), k
}

// stepDetail is the pane under the list: the selected step's help, warning,
// FAQ, and what was recorded for it.
func (m *Model) stepDetail() []string {
	ref, st, ok := m.selectedRef()
	if !ok {
		return nil
	}
	w := m.width - 2
	cur, _ := m.run.Status(ref)
	est := m.opts.Guide.Estimate(st)
	meta := []string{"§" + st.Section, st.Kind.Title().In(m.lang), st.Actor.Title().In(m.lang)}
	if !est.IsZero() {
		d := "≈ " + fmtDuration(est.Nominal())
		if m.opts.Guide.EstimateSource(st).Kind == checklist.SourceBascule {
			// The guide times the block; the share per step is bascule's.
			d += i18n.Of(m.lang).TheBlocksTimeSplit
		}
		meta = append(meta, d)
	}
	lines := []string{" " + m.st.Header.Render(st.Title.In(m.lang)) + m.st.Muted.Render(" · "+cur.Title().In(m.lang))}
	if m.steps.undo != nil && *m.steps.undo == ref {
		for _, l := range wrapLines(m.undoQuestion(st.Title.In(m.lang)), m.width, " ") {
			lines = append(lines, m.st.Accent.Render(l))
		}
	}
	for _, l := range strings.Split(wrapText(strings.Join(meta, " · "), w), "\n") {
		lines = append(lines, " "+m.st.Muted.Render(l))
	}
	for _, l := range strings.Split(wrapText(st.HelpSaid().In(m.lang), w), "\n") {
		lines = append(lines, " "+l)
	}
	if n := st.NoteSaid(); !n.Text.IsZero() {
		for _, l := range strings.Split(wrapText(n.In(m.lang), w), "\n") {
			lines = append(lines, " "+m.st.Muted.Render(l))
		}
	}
	if !st.Warning.IsZero() {
		for _, l := range strings.Split(wrapText("⚠ "+st.WarningSaid().In(m.lang), w), "\n") {
			lines = append(lines, " "+m.st.Warn.Render(l))
		}
	}
	if st.FAQ != "" {
		lines = append(lines, " "+m.st.Muted.Render(fmt.Sprintf(i18n.Of(m.lang).FAQTitleFmt, st.FAQ)))
	}
	if h := m.demoPendingHint(); h != "" && st.ID == checklist.StepClientPendingInvoices &&
		m.steps.client >= 0 && m.run.Clients[m.steps.client].PendingInvoices > 0 {
		for _, l := range wrapLines(h, m.width, " ") {
			lines = append(lines, m.st.Accent.Render(l))
		}
	}
	if p := m.steps.prompt; p != nil {
		label := i18n.Of(m.lang).Note2
		switch {
		case p.gate != nil:
			label = i18n.Of(m.lang).ReasonForTheOverride3
		case !p.note:
			label = fmt.Sprintf(i18n.Of(m.lang).ReasonFmt, p.to.Title().In(m.lang))
		}
		lines = append(lines, m.gateWhy(p.gate)...)
		lines = append(lines, " "+m.st.Accent.Render(label), " "+p.input.View(),
			" "+m.st.Muted.Render(i18n.Of(m.lang).EnterConfirmEscCancel))
		return lines
	}
	if m.check != nil && m.check.ref == ref {
		lines = append(lines, " "+m.spin.View()+" "+i18n.Of(m.lang).CheckingEscToCancel)
	}
	state, known := m.steps.states[ref]
	if !known {
		return lines
	}
	// What the user typed is wrapped, never cut.
	if state.Reason != "" && cur.NeedsReason() {
		for _, l := range wrapLines(i18n.Of(m.lang).Reason2+state.Reason, m.width, " ") {
			lines = append(lines, m.st.Warn.Render(l))
		}
	}
	if state.Note != "" {
		lines = append(lines, wrapLines(i18n.Of(m.lang).Note3+state.Note, m.width, " ")...)
	}
	if c := state.Capture; c != nil && len(c.Items) > 0 {
		lines = append(lines, wrapLines(i18n.Of(m.lang).Captured+m.captureSummary(st, *c), m.width, " ")...)
	}
	if ev := state.Evidence; ev != nil {
		for _, l := range m.evidenceLines(ev) {
			lines = append(lines, " "+l)
		}
	}
	return lines
}

// The steps screen (screens.go).
func (*stepsScreen) name() string                         { return "steps" }
func (*stepsScreen) update(m *Model, msg tea.Msg) tea.Cmd { return m.updateSteps(msg) }
func (*stepsScreen) view(m *Model) (string, help.KeyMap)  { return m.viewSteps() }
func (s *stepsScreen) typing(*Model) bool                 { return s.prompt != nil || s.undo != nil }
func (*stepsScreen) resize(*Model) tea.Cmd                { return nil }
