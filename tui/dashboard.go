package tui

import (
	"fmt"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// dashboard is the home screen: phases, blockers, next step, client table.
type dashboard struct {
	ix        *clientIndex
	cursor    int // position in ix.filtered
	offset    int // first row shown
	filtering bool
	marked    []bool
	nMarked   int
	sum       summary
	longest   int // the widest client name, for the name column
}

// summary is the top of the dashboard, computed when the run changes: it
// walks every client, which a keystroke must not do.
type summary struct {
	progress         checklist.Progress
	pendingClients   int // clients with invoices awaiting acceptance
	pendingInvoices  int
	uncheckedClients int // pending invoices never checked
	prepIncomplete   int // clients whose preparation is not finished
	migrated         bool
	next             checklist.Next
	hasNext          bool
}

func newDashboard(run *checklist.Run) *dashboard {
	d := &dashboard{ix: newClientIndex(run), marked: make([]bool, len(run.Clients))}
	for i := range run.Clients {
		d.longest = max(d.longest, ansi.StringWidth(run.Clients[i].Name))
	}
	return d
}

func (d *dashboard) refreshSummary(run *checklist.Run) {
	s := summary{progress: run.Progress(), migrated: run.Migrated()}
	pendingPos, _ := run.Guide.Position(checklist.StepClientPendingInvoices)
	for i := range run.Clients {
		c := &run.Clients[i]
		switch {
		case c.PendingInvoices > 0:
			s.pendingClients++
			s.pendingInvoices += c.PendingInvoices
		case !c.Steps[pendingPos].Resolved():
			s.uncheckedClients++
		}
		if st := d.ix.stats[i]; st.prepDone < st.prepTotal {
			s.prepIncomplete++
		}
	}
	s.next, s.hasNext = run.NextStep()
	d.sum = s
}

// refreshClient recomputes one client's row after its statuses changed.
func (m *Model) refreshClient(ci int) {
	if m.dash == nil || ci < 0 || ci >= len(m.run.Clients) {
		return
	}
	m.dash.ix.stats[ci] = m.cols.stat(&m.run.Clients[ci])
}

// dashFixedLines is the dashboard's height outside the client rows.
const dashFixedLines = 10

// pageRows is how many client rows fit on the dashboard now.
func (m *Model) pageRows() int {
	footer := 3
	if m.help.ShowAll {
		k := newDashKeys(m.lang, m.gkeys)
		k.Demo.SetEnabled(m.ports.Demo != nil)
		footer = 2 + len(m.fullHelp(k))
	}
	return max(1, m.height-footer-dashFixedLines)
}

func (d *dashboard) clamp(rows int) {
	n := len(d.ix.filtered)
	d.cursor = max(0, min(d.cursor, n-1))
	if d.cursor < d.offset {
		d.offset = d.cursor
	}
	if d.cursor >= d.offset+rows {
		d.offset = d.cursor - rows + 1
	}
	d.offset = max(0, min(d.offset, max(0, n-rows)))
}

// current returns the client index under the cursor, or -1.
func (d *dashboard) current() int {
	if d.cursor < 0 || d.cursor >= len(d.ix.filtered) {
		return -1
	}
	return int(d.ix.filtered[d.cursor])
}

func (m *Model) updateDashboard(msg tea.Msg) tea.Cmd {
	d := m.dash
	km, ok := msg.(tea.KeyMsg)
	if !ok || d == nil {
		return nil
	}
	k := newDashKeys(m.lang, m.gkeys)
	k.Demo.SetEnabled(m.ports.Demo != nil)
	rows := m.pageRows()
	defer d.clamp(rows)
	if d.filtering {
		switch km.Type {
		case tea.KeyRunes, tea.KeySpace:
			d.ix.setQuery(d.ix.query + string(km.Runes))
			d.cursor, d.offset = 0, 0
			return nil
		case tea.KeyBackspace:
			if r := []rune(d.ix.query); len(r) > 0 {
				d.ix.setQuery(string(r[:len(r)-1]))
				d.cursor, d.offset = 0, 0
			}
			return nil
		case tea.KeyCtrlU:
			d.ix.setQuery("")
			return nil
		case tea.KeyEnter:
			d.filtering = false
			return nil
		case tea.KeyEsc:
			d.filtering = false
			d.ix.setQuery("")
			d.cursor, d.offset = 0, 0
			return nil
		}
	}
	switch {
	case key.Matches(km, k.Up):
		d.cursor--
	case key.Matches(km, k.Down):
		d.cursor++
	case key.Matches(km, k.PageUp):
		d.cursor -= rows
	case key.Matches(km, k.PageDown):
		d.cursor += rows
	case key.Matches(km, k.Top):
		d.cursor = 0
	case key.Matches(km, k.Bottom):
		d.cursor = len(d.ix.filtered) - 1
	case key.Matches(km, k.Filter):
		d.filtering = true
	case key.Matches(km, k.Sort):
		d.ix.sort((d.ix.sortBy+1)%sortKeyCount, m.run)
		d.cursor, d.offset = 0, 0
		return m.setStatus(i18n.Of(m.lang).Sort+d.ix.sortBy.title(m.lang), false)
	case key.Matches(km, k.Mark):
		if ci := d.current(); ci >= 0 {
			d.toggle(ci)
			d.cursor++
		}
	case key.Matches(km, k.MarkAll):
		// Selects every client shown; a second press changes nothing (esc
		// clears the selection).
		for _, i := range d.ix.filtered {
			if !d.marked[i] {
				d.toggle(int(i))
			}
		}
		return m.setStatus(fmt.Sprintf(i18n.Of(m.lang).EscToClearTheFmt,
			d.nMarked, plural(d.nMarked, i18n.Of(m.lang).ClientsSelectedNoun.One, i18n.Of(m.lang).ClientsSelectedNoun.Many)), false)
	case key.Matches(km, k.Next):
		return m.openNextStep()
	case key.Matches(km, k.Bulk):
		if d.nMarked == 0 {
			return m.setStatus(i18n.Of(m.lang).SelectClientsFirstSpace2, false)
		}
		return m.openBulk()
	case key.Matches(km, k.Open):
		// Before the migration a client's work is its preparation; after
		// it, its validation (§3.3–3.4).
		if ci := d.current(); ci >= 0 {
			if m.run.Migrated() {
				return m.openRecon(ci)
			}
			return m.openSteps(ci, checklist.PhasePreparation)
		}
	case key.Matches(km, k.Cabinet):
		return m.openSteps(-1, checklist.PhasePreparation)
	case key.Matches(km, k.Registration):
		return m.openSteps(-1, checklist.PhaseRegistration)
	case key.Matches(km, k.Check):
		if ci := d.current(); ci >= 0 {
			return m.startCheck(checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: m.run.Clients[ci].ID})
		}
	case key.Matches(km, k.Request, k.Recon, k.ReconCabinet, k.Actions, k.Summary, k.Demo):
		return m.dashMigKey(km, k)
	case key.Matches(km, m.gkeys.Back):
		switch {
		case m.check != nil:
			return m.cancelCheck()
		case d.ix.query != "":
			d.ix.setQuery("")
			d.cursor, d.offset = 0, 0
		case d.nMarked > 0:
			clear(d.marked)
			d.nMarked = 0
		}
	}
	return nil
}

// openNextStep opens the screen of the dashboard's "Prochaine étape", its
// cursor on that step.
func (m *Model) openNextStep() tea.Cmd {
	s := m.dash.sum
	if !s.hasNext {
		return m.setStatus(i18n.Of(m.lang).NothingToDoFor, false)
	}
	ci := -1
	if s.next.Client != nil {
		ci = m.run.ClientIndex(s.next.Client.ID)
	}
	var cmd tea.Cmd
	switch p := s.next.Step.Phase; p {
	case checklist.PhaseRequest:
		cmd = m.openRequest()
		if r := m.migState().req; r != nil {
			for i, st := range r.steps {
				if st.ID == s.next.Step.ID {
					r.cursor = i
				}
			}
		}
		return cmd
	case checklist.PhaseReconciliation:
		cmd = m.openRecon(ci)
		if r := m.migState().recon; r != nil {
			for i, st := range r.steps {
				if st.ID == s.next.Step.ID {
					r.cursor = i
				}
			}
		}
		return cmd
	case checklist.PhasePreparation, checklist.PhaseRegistration:
		cmd = m.openSteps(ci, p)
		for i, st := range m.steps.steps {
			if st.ID == s.next.Step.ID {
				m.steps.cursor = i
			}
		}
		return tea.Batch(cmd, m.loadStateCmd())
	}
	return m.openSummary()
}

func (d *dashboard) toggle(ci int) {
	d.marked[ci] = !d.marked[ci]
	if d.marked[ci] {
		d.nMarked++
	} else {
		d.nMarked--
	}
}

// header is the cabinet line shown on top of every workspace screen.
func (m *Model) header() string {
	if m.ws == nil {
		return " " + m.st.Title.Render("bascule")
	}
	c := m.ws.Cabinet
	parts := []string{m.st.Title.Render("bascule"), m.st.Header.Render(c.LegalName),
		"SIREN " + ident.FormatSIREN(c.SIREN)}
	if m.ws.Operator != "" {
		parts = append(parts, i18n.Of(m.lang).Operator+m.ws.Operator)
	}
	parts = append(parts, m.ws.Mode.Title(m.lang))
	line := " " + strings.Join(parts, m.st.Muted.Render(" · "))
	if ansi.StringWidth(line) > m.width {
		// The product name goes first: the cabinet and the mode matter more.
		line = " " + strings.Join(parts[1:], m.st.Muted.Render(" · "))
	}
	return line
}

func (m *Model) rule() string { return m.st.Rule.Render(strings.Repeat("─", m.width)) }

func (m *Model) viewDashboard() (string, help.KeyMap) {
	d := m.dash
	k := newDashKeys(m.lang, m.gkeys)
	k.Demo.SetEnabled(m.ports.Demo != nil)
	var b strings.Builder
	b.WriteString(m.header() + "\n" + m.rule() + "\n")
	b.WriteString(m.phaseLines())
	b.WriteString(m.rule() + "\n")
	b.WriteString(" " + m.nextLine() + "\n")
	if h := m.demoPendingHint(); h != "" {
		b.WriteString(" " + m.st.Muted.Render(clip(h, m.width-2)))
	}
	b.WriteString("\n")
	// Names take the room they need, up to all the free width: never cut
	// while the right of the table is empty, and the figures stay near them.
	nameW := min(m.width-4-m.dashRightWidth()-3, max(24, d.longest))
	b.WriteString(m.tableHeader(nameW) + "\n")
	rows := m.pageRows()
	off := max(0, min(d.offset, len(d.ix.filtered)-1))
	end := min(len(d.ix.filtered), off+rows)
	for pos := off; pos < end; pos++ {
		b.WriteString(m.clientRow(int(d.ix.filtered[pos]), pos == d.cursor, nameW))
		if pos < end-1 {
			b.WriteByte('\n')
		}
	}
	if len(d.ix.filtered) == 0 {
		b.WriteString(m.st.Muted.Render("   " + i18n.Of(m.lang).NoClientMatches))
	}
	return b.String(), k
}

// Short phase names for the dashboard's narrow first column.
func phaseShort(lang checklist.Lang, p checklist.Phase) string {
	switch p {
	case checklist.PhasePreparation:
		return i18n.Of(lang).Preparation
	case checklist.PhaseRegistration:
		return i18n.Of(lang).Registration
	case checklist.PhaseRequest:
		return i18n.Of(lang).Request
	case checklist.PhaseReconciliation:
		return i18n.Of(lang).Validation
	}
	return i18n.Of(lang).Summary
}

func (m *Model) phaseLines() string {
	s := m.dash.sum
	var b strings.Builder
	barW, blocked := 15, i18n.Of(m.lang).Blocked
	if m.width < 100 {
		barW, blocked = 10, "⚠ "
	}
	for i, p := range []checklist.Phase{checklist.PhasePreparation, checklist.PhaseRegistration, checklist.PhaseRequest, checklist.PhaseReconciliation} {
		t := s.progress.Phase(p)
		name := cell(fmt.Sprintf("%d %s", i+1, phaseShort(m.lang, p)), 15)
		closed := p == checklist.PhaseReconciliation && !s.migrated
		pct := "   —"
		bar := m.st.bar(0, barW)
		if !closed {
			pct = rcell(itoa(t.Percent()), 3) + " %"
			bar = m.st.bar(t.Percent(), barW)
		}
		note := ""
		switch {
		case closed:
			note = m.st.Muted.Render(i18n.Of(m.lang).OpensAfterTheMigration)
		case p == checklist.PhaseRequest && !s.migrated && !m.run.Request.SubmittedAt.IsZero():
			note = m.run.PhaseLeft(s.progress, p, m.opts.Now()).Text(m.lang) // the answer's wait
		case p == checklist.PhaseRequest && !t.Complete() && m.requestBlocked() != "":
			note = m.st.Warn.Render(blocked + m.requestBlocked())
		case !t.Complete():
			note = m.run.PhaseLeft(s.progress, p, m.opts.Now()).Text(m.lang)
			if t.Blocked > 0 {
				note += m.st.Warn.Render(" · " + checklist.FormatInt(m.lang, t.Blocked) + " " +
					checklist.Plural(m.lang, t.Blocked, i18n.Of(m.lang).BlockedNoun.One, i18n.Of(m.lang).BlockedNoun.Many))
			}
		default:
			note = m.st.OK.Render("✓")
		}
		fmt.Fprintf(&b, "  %s %s %s  %s\n", name, bar, pct, note)
	}
	return b.String()
}

// demoPendingHint tells the demo's user how pending invoices get settled:
// on V1, played by the demo (D), then checked again. "" outside the demo or
// with nothing pending.
func (m *Model) demoPendingHint() string {
	if m.ports.Demo == nil || m.run == nil || m.run.Migrated() || m.dash == nil || m.dash.sum.pendingClients == 0 {
		return ""
	}
	return i18n.Of(m.lang).DemoDThen2
}

// requestBlocked says in a few words what keeps the request from being sent.
func (m *Model) requestBlocked() string {
	s := m.dash.sum
	switch {
	case s.pendingClients > 0:
		return nouns(m.lang, s.pendingClients, i18n.Of(m.lang).ClientsHaveNoun) + i18n.Of(m.lang).PendingInvoices
	case s.uncheckedClients > 0:
		return i18n.Of(m.lang).PendingInvoicesNotChecked + nouns(m.lang, s.uncheckedClients, i18n.Of(m.lang).ClientsNoun)
	case s.prepIncomplete > 0:
		return i18n.Of(m.lang).PreparationNotFinishedFor + nouns(m.lang, s.prepIncomplete, i18n.Of(m.lang).ClientsNoun)
	case !s.progress.Phase(checklist.PhaseRegistration).Complete():
		return i18n.Of(m.lang).Registration31To
	}
	return ""
}

func (m *Model) nextLine() string {
	s := m.dash.sum
	label := m.st.Header.Render(i18n.Of(m.lang).NextStep)
	if !s.hasNext {
		return label + m.st.OK.Render(i18n.Of(m.lang).NothingToDoFor2)
	}
	line := s.next.Step.Title.In(m.lang)
	if c := s.next.Client; c != nil {
		line += " — " + c.Name
		if c.PendingInvoices > 0 && s.next.Step.ID == checklist.StepClientPendingInvoices {
			line += fmt.Sprintf(i18n.Of(m.lang).PendingFmt, c.PendingInvoices)
		}
	} else {
		line += m.st.Muted.Render(" (§" + s.next.Step.Section + ")")
	}
	return label + line
}

// dashRightWidth is the width of the table's columns after the name. The
// validation column shows only once the migration is done: before, its
// room goes to the names.
// After it, pending invoices no longer matter (V1 is read-only) and the
// validation column takes their room.
func (m *Model) dashRightWidth() int {
	w := 11 + 2 + 5 + 2 + 8 + 2 + 8
	if m.dash.sum.migrated {
		w += 2 + 13 - 8 - 2
	}
	return w
}

func (m *Model) tableHeader(nameW int) string {
	d := m.dash
	left := "Clients (" + checklist.FormatInt(m.lang, len(m.run.Clients)) + ")"
	if d.ix.query != "" || d.filtering {
		left = "Clients (" + checklist.FormatInt(m.lang, len(d.ix.filtered)) + "/" + checklist.FormatInt(m.lang, len(m.run.Clients)) + ")"
		q := "/" + d.ix.query
		if d.filtering {
			q += "▏"
		}
		left += "  " + m.st.Accent.Render(q)
	}
	if d.ix.sortBy != sortName {
		left += m.st.Muted.Render(" ↕" + d.ix.sortBy.title(m.lang))
	}
	if d.nMarked > 0 {
		left += m.st.Marked.Render(" • " + checklist.FormatInt(m.lang, d.nMarked) + " " + checklist.Plural(m.lang, d.nMarked, i18n.Of(m.lang).SelectedNoun.One, i18n.Of(m.lang).SelectedNoun.Many))
	}
	right := rcell(i18n.Of(m.lang).Prep, 5) + "  "
	if !d.sum.migrated {
		right += rcell(i18n.Of(m.lang).Invoices, 8) + "  "
	}
	right += rcell(i18n.Of(m.lang).Payment, 8)
	if d.sum.migrated {
		right += "  " + rcell(i18n.Of(m.lang).Validation2, 13)
	}
	return "    " + cell(left, nameW+2+11+2) + m.st.Muted.Render(right)
}

func (m *Model) clientRow(ci int, cursor bool, nameW int) string {
	c := &m.run.Clients[ci]
	st := m.dash.ix.stats[ci]
	pointer, mark := " ", " "
	if cursor {
		pointer = "▸"
	}
	if m.dash.marked[ci] {
		mark = m.st.Marked.Render("•")
	}
	prep := fmt.Sprintf("%d/%d", st.prepDone, st.prepTotal)
	inv := "?"
	switch {
	case c.PendingInvoices > 0:
		inv = itoa(c.PendingInvoices) + " ⚠"
	case c.PendingInvoices == 0:
		inv = "0"
	}
	pay := "—"
	if c.Payment {
		pay = i18n.Of(m.lang).Yes2
	}
	recon := fmt.Sprintf("%d/%d", st.reconDone, st.reconTotal)
	invCell := rcell(inv, 8)
	if c.PendingInvoices > 0 {
		invCell = m.st.Warn.Render(invCell)
	}
	prepCell := rcell(prep, 5)
	if st.prepDone == st.prepTotal {
		prepCell = m.st.OK.Render(prepCell)
	}
	name := cell(c.Name, nameW)
	if cursor {
		name = m.st.Cursor.Render(name)
	}
	row := " " + pointer + mark + " " + name + "  " + cell(ident.FormatSIREN(c.SIREN), 11) + "  " + prepCell + "  "
	if !m.dash.sum.migrated {
		row += invCell + "  "
	}
	row += rcell(pay, 8)
	if m.dash.sum.migrated {
		row += "  " + rcell(recon, 13)
	}
	return row
}
