package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/checklist/report"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// summaryScreen is the guide's §4 table filled in for this cabinet (each
// line's state across all clients, from the steps it maps to) and, on its
// second tab, the session: what was done since the program started, the
// time spent, and what is left and who does it.
type summaryScreen struct {
	session bool
	rep     report.Report
	left    []actorLeft
	events  []checklist.Event
	evErr   error
	scroll  int
}

// actorLeft is what is left for one kind of actor.
type actorLeft struct {
	actor   checklist.Actor
	steps   int
	time    time.Duration
	byPhase map[checklist.Phase]int
}

type (
	eventsMsg struct {
		events []checklist.Event
		err    error
	}
	reportWrittenMsg struct {
		paths []string
		err   error
	}
)

type summaryKeys struct {
	Tab, Export, Tick, Refresh, PageUp, PageDown key.Binding
	global                                       globalKeys
}

func newSummaryKeys(lang checklist.Lang, g globalKeys) summaryKeys {
	return summaryKeys{
		Tab:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", i18n.Of(lang).TableSession)),
		Export:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", i18n.Of(lang).Export)),
		Tick:     tickKey(lang, i18n.Of(lang).SummaryReviewed),
		Refresh:  key.NewBinding(key.WithKeys("u"), key.WithHelp("u", i18n.Of(lang).Refresh)),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "up", "k"), key.WithHelp("↑↓", i18n.Of(lang).Scroll)),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "down", "j"), key.WithHelp("↓", i18n.Of(lang).Scroll)),
		global:   g,
	}
}

func (k summaryKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Tab, k.Export, k.Tick, k.PageUp, k.global.Back, k.global.Help}
}

func (k summaryKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Tab, k.Export, k.Tick, k.Refresh}, {k.PageUp, k.global.Back, k.global.Help, k.global.Quit}}
}

func (m *Model) reportInput() report.Input {
	return report.Input{Run: m.run, Workspace: m.ws.ID, Demo: m.ws.Mode == ModeDemo, Now: m.opts.Now(), Lang: m.lang,
		Cabinet: report.CabinetOf(*m.ws),
		Since:   m.migState().start, Location: m.loc}
}

func (m *Model) openSummary() tea.Cmd {
	mg := m.migState()
	s := &summaryScreen{}
	if mg.summary != nil {
		s.session = mg.summary.session
	}
	mg.summary = s
	m.refreshSummaryScreen()
	m.open(mg.summary)
	return m.loadEventsCmd()
}

// refreshSummaryScreen recomputes the table and what is left; it walks every
// client, so it runs on open and on a change, never on a frame.
func (m *Model) refreshSummaryScreen() {
	s := m.migState().summary
	s.rep = report.Build(m.reportInput())
	s.left = m.whatIsLeft()
}

func (m *Model) whatIsLeft() []actorLeft {
	g := m.opts.Guide
	byActor := map[checklist.Actor]*actorLeft{}
	add := func(st *checklist.Step, cur checklist.Status) {
		if cur.Resolved() {
			return
		}
		l := byActor[st.Actor]
		if l == nil {
			l = &actorLeft{actor: st.Actor, byPhase: map[checklist.Phase]int{}}
			byActor[st.Actor] = l
		}
		l.steps++
		l.time += g.Estimate(st).Nominal()
		l.byPhase[st.Phase]++
	}
	for _, st := range g.StepsFor(checklist.ScopeCabinet) {
		cur, _ := m.run.Status(checklist.Ref{Step: st.ID})
		add(st, cur)
	}
	side := g.ClientSideSteps()
	for ci := range m.run.Clients {
		c := &m.run.Clients[ci]
		for p, st := range side {
			if st.Scope == checklist.ScopePayment && !c.Payment {
				continue
			}
			add(st, c.Steps[p])
		}
	}
	var out []actorLeft
	for _, a := range []checklist.Actor{checklist.ActorCabinet, checklist.ActorCabinetOrClient} {
		if l := byActor[a]; l != nil {
			out = append(out, *l)
		}
	}
	return out
}

func (m *Model) loadEventsCmd() tea.Cmd {
	ms, ok := m.migStore()
	if !ok {
		return nil
	}
	ws, since := m.ws.ID, m.migState().start
	return func() tea.Msg {
		evs, err := ms.Events(ws, since)
		return eventsMsg{events: evs, err: err}
	}
}

func (m *Model) eventsLoaded(msg eventsMsg) {
	if s := m.migState().summary; s != nil {
		s.events, s.evErr = msg.events, msg.err
	}
}

func (m *Model) updateSummary(msg tea.Msg) tea.Cmd {
	s := m.migState().summary
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := newSummaryKeys(m.lang, m.gkeys)
	mg := m.migState()
	ref := checklist.Ref{Step: checklist.StepSummaryReport}
	if c := mg.confirm; c != nil {
		mg.confirm = nil
		if !yesKey(km) {
			return m.setStatus(i18n.Of(m.lang).StepLeftDone, false)
		}
		return m.summaryTick(ref, checklist.StatusTodo)
	}
	switch {
	case key.Matches(km, m.gkeys.Back):
		m.goBack()
	case key.Matches(km, k.Tab):
		s.session = !s.session
		s.scroll = 0
		m.refreshSummaryScreen()
		return m.loadEventsCmd()
	case key.Matches(km, k.Refresh):
		m.refreshSummaryScreen()
		return m.loadEventsCmd()
	case key.Matches(km, k.PageDown):
		s.scroll += 3
	case key.Matches(km, k.PageUp):
		s.scroll = max(0, s.scroll-3)
	case key.Matches(km, k.Tick):
		// Space ticks; on a done step it asks before undoing, as on every
		// list of steps.
		if cur, _ := m.run.Status(ref); cur == checklist.StatusDone {
			st, _ := m.opts.Guide.Step(ref.Step)
			mg.confirm = &pendingConfirm{ref: ref, undo: true, text: m.undoQuestion(st.Title.In(m.lang))}
			return nil
		}
		return m.summaryTick(ref, checklist.StatusDone)
	case key.Matches(km, k.Export):
		return m.exportCmd()
	}
	return nil
}

// summaryTick records the summary step's new status, then recomputes the
// screen.
func (m *Model) summaryTick(ref checklist.Ref, to checklist.Status) tea.Cmd {
	if err := m.run.CheckTransition(ref, to, ""); err != nil {
		return m.errStatus(err)
	}
	inner := m.applyCmd(StepChange{Ref: ref, Status: statusPtr(to)})
	return func() tea.Msg {
		msg := inner()
		if ap, ok := msg.(stepAppliedMsg); ok {
			ap.then = func() tea.Msg { return summaryRefreshMsg{} }
			return ap
		}
		return msg
	}
}

// summaryRefreshMsg asks the summary to recompute after a change.
type summaryRefreshMsg struct{}

// exportCmd writes the report (Markdown and self-contained HTML, IBANs
// masked) with the session's events and the step records, built by the
// engine as for bascule report so that both files say the same.
func (m *Model) exportCmd() tea.Cmd {
	if r := m.opts.RemoteReport; r != "" {
		return m.setStatus(fmt.Sprintf(i18n.Of(m.lang).SummaryNotOnTheServerFmt, r), true)
	}
	var events []checklist.Event
	if s := m.migState().summary; s != nil {
		events = s.events
	}
	eng, ws, dir, since, loc := m.eng, *m.ws, m.outDir(), m.migState().start, m.loc
	return func() tea.Msg {
		if eng == nil {
			return reportWrittenMsg{err: errNoEngine}
		}
		paths, err := eng.SummaryExport(ws, dir, since, events, loc)
		return reportWrittenMsg{paths: paths, err: err}
	}
}

func (m *Model) reportWritten(msg reportWrittenMsg) tea.Cmd {
	if msg.err != nil {
		return m.errStatus(msg.err)
	}
	return m.setStatus(i18n.Of(m.lang).SummaryExported+strings.Join(msg.paths, ", "), false)
}

func (m *Model) viewSummary() (string, help.KeyMap) {
	s := m.migState().summary
	if s.rep.GeneratedAt.IsZero() {
		m.refreshSummaryScreen()
	}
	k := newSummaryKeys(m.lang, m.gkeys)
	var b strings.Builder
	tab := i18n.Of(m.lang).Summary42
	if s.session {
		tab = i18n.Of(m.lang).Session
	}
	b.WriteString(fmt.Sprintf(" %s · %s %s\n", m.st.Title.Render(tab), m.st.Header.Render(m.ws.Cabinet.LegalName),
		m.st.Muted.Render("· SIREN "+ident.FormatSIREN(m.ws.Cabinet.SIREN))))
	b.WriteString(m.rule() + "\n")
	var lines []string
	if s.session {
		lines = m.sessionLines()
	} else {
		lines = m.tableLines()
	}
	var question []string
	if c := m.migState().confirm; c != nil {
		question = wrapLines(c.text, m.width, " ")
	}
	rows := max(3, m.height-8-len(question))
	s.scroll = max(0, min(s.scroll, len(lines)-rows))
	end := min(len(lines), s.scroll+rows)
	b.WriteString(strings.Join(lines[s.scroll:end], "\n"))
	if end < len(lines) {
		b.WriteString("\n" + m.st.Muted.Render(fmt.Sprintf(i18n.Of(m.lang).MoreFmt, lineCount(m.lang, len(lines)-end))))
	}
	if len(question) > 0 {
		for _, l := range question {
			b.WriteString("\n" + m.st.Accent.Render(l))
		}
		return b.String(), newYesNoKeys(m.lang)
	}
	return b.String(), k
}

func (m *Model) tableLines() []string {
	s := m.migState().summary
	r := &s.rep
	// The element takes the width it needs (the table must read whole); the
	// action follows on the same line when it fits, else on the next one.
	longest := 0
	for _, l := range r.CabinetLines {
		longest = max(longest, ansi.StringWidth(l.Element))
	}
	for _, l := range r.CompanyLines {
		longest = max(longest, ansi.StringWidth(l.Element))
	}
	// The "migrated" column is as wide as its header in the language shown.
	migHead := i18n.Of(m.lang).Migrated
	migW := max(6, ansi.StringWidth(migHead)+1)
	elemW := max(20, min(longest, m.width-30-(migW-6)))
	actionW := m.width - elemW - 28 - (migW - 6)
	var out []string
	row := func(mark, elem, migrated, state, action string) {
		line := fmt.Sprintf(" %s %s %s %s", mark, cell(elem, elemW), cell(migrated, migW), cell(state, 14))
		if action == "" {
			out = append(out, strings.TrimRight(line, " "))
			return
		}
		if ansi.StringWidth(action) <= actionW {
			out = append(out, line+"  "+m.st.Muted.Render(action))
			return
		}
		out = append(out, strings.TrimRight(line, " "))
		for _, l := range wrapLines(action, m.width, "     → ") {
			out = append(out, m.st.Muted.Render(l))
		}
	}
	resolved, total := 0, 0
	head := func(title, col string) {
		out = append(out, " "+m.st.Header.Render(cell(title, elemW+3))+m.st.Muted.Render(cell(migHead, migW+1)+col))
	}
	head(checklist.EnvCabinet.Title().In(m.lang), i18n.Of(m.lang).State)
	for _, l := range r.CabinetLines {
		total++
		state := report.StateTitle(m.lang, l.State)
		mark := m.st.Muted.Render("·")
		if l.State == report.StateDone || l.State == report.StateNotApplicable {
			mark, state = m.st.OK.Render("✓"), m.st.OK.Render(state)
			resolved++
		} else if l.State == report.StateBlocked {
			mark = m.st.Bad.Render("✗")
		}
		row(mark, l.Element, migratedShort(m.lang, l.Migrated), state, l.Action)
	}
	head(checklist.EnvCompany.Title().In(m.lang), i18n.Of(m.lang).Clients)
	for _, l := range r.CompanyLines {
		total++
		state := fmt.Sprintf("%d/%d clients", l.Done, l.Applicable)
		mark := m.st.Muted.Render("·")
		switch {
		case l.Applicable == 0:
			state, mark = i18n.Of(m.lang).NotApplicable, m.st.OK.Render("✓")
			resolved++
		case l.Done == l.Applicable:
			mark, state = m.st.OK.Render("✓"), m.st.OK.Render(state)
			resolved++
		}
		row(mark, l.Element, migratedShort(m.lang, l.Migrated), state, l.Action)
	}
	verdict := fmt.Sprintf(i18n.Of(m.lang).TableLinesResolvedFmt, resolved, total)
	if resolved == total {
		verdict = m.st.OK.Render("✓ " + i18n.Of(m.lang).EveryLineOfThe)
	}
	cur, _ := m.run.Status(checklist.Ref{Step: checklist.StepSummaryReport})
	out = append(out, "", " "+verdict+m.st.Muted.Render(" · "+i18n.Of(m.lang).SummaryReviewed2+cur.Title().In(m.lang)+
		i18n.Of(m.lang).SpaceXExport))
	return out
}

func migratedShort(lang checklist.Lang, id string) string {
	switch id {
	case "yes":
		return i18n.Of(lang).Yes2
	case "no":
		return i18n.Of(lang).No2
	}
	return i18n.Of(lang).NA2
}

func (m *Model) sessionLines() []string {
	s := m.migState().summary
	start := m.migState().start
	now := m.opts.Now()
	var out []string
	changes := 0
	for _, e := range s.events {
		if e.Action == checklist.ActionStep || e.Action == checklist.ActionOverride || e.Action == checklist.ActionRequest {
			changes++
		}
	}
	out = append(out, " "+fmt.Sprintf(i18n.Of(m.lang).StartedSpentOperatorFmt, fmtClock(m.lang, start, m.loc)+" ("+checklist.ZoneName().In(m.lang)+")", fmtDuration(now.Sub(start)),
		nouns(m.lang, changes, i18n.Of(m.lang).ChangesNoun), orDash(m.ws.Operator)))
	if s.evErr != nil {
		out = append(out, " "+m.st.Bad.Render(m.errText(s.evErr)))
	}
	out = append(out, "", " "+m.st.Header.Render(i18n.Of(m.lang).LeftToDoAnd))
	if len(s.left) == 0 {
		out = append(out, "   "+m.st.OK.Render(i18n.Of(m.lang).NothingTheMigrationIs))
	}
	for _, l := range s.left {
		var phases []string
		for _, ph := range checklist.Phases() {
			if n := l.byPhase[ph]; n > 0 {
				phases = append(phases, fmt.Sprintf("%s %d", strings.ToLower(phaseShort(m.lang, ph)), n))
			}
		}
		out = append(out, fmt.Sprintf("   %s%s%d %s (≈ %s) — %s", l.actor.Title().In(m.lang), colon(m.lang), l.steps,
			plural(l.steps, i18n.Of(m.lang).Step2, i18n.Of(m.lang).Steps), fmtDuration(l.time), strings.Join(phases, ", ")))
	}
	out = append(out, "", " "+m.st.Header.Render(i18n.Of(m.lang).DoneDuringTheSession))
	if len(s.events) == 0 {
		out = append(out, "   "+m.st.Muted.Render(i18n.Of(m.lang).NothingYet))
	}
	for i := len(s.events) - 1; i >= 0; i-- {
		out = append(out, "   "+m.eventLine(s.events[i]))
	}
	return out
}

// eventLine is one audit event as the session shows it, newest first, told
// as the reports tell it.
func (m *Model) eventLine(e checklist.Event) string {
	at := e.At.In(m.loc).Format("15:04")
	return m.st.Muted.Render(at+" "+orDash(e.Who)+" ·") + " " + report.Sentence(m.run, report.EntryOf(e), m.lang)
}

// The summary screen (screens.go).
func (*summaryScreen) name() string { return "summary" }
func (*summaryScreen) update(m *Model, msg tea.Msg) tea.Cmd {
	return m.updateMigScreen(msg, m.updateSummary)
}
func (*summaryScreen) view(m *Model) (string, help.KeyMap) { return m.viewSummary() }
func (*summaryScreen) typing(m *Model) bool                { return m.migPromptOpen() }
func (*summaryScreen) resize(*Model) tea.Cmd               { return nil }
