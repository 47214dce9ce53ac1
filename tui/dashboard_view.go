package tui

import (
	"fmt"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/x/ansi"
)

// This file draws the dashboard (dashboard.go): the cabinet's header, the
// phases, what blocks the request, the next step and the client table.

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
	parts = append(parts, ModeTitle(m.lang, m.ws.Mode))
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
	return b.String(), m.dashHelp(k)
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
	if d.ix.query != "" || d.filtering || d.ix.keep != nil {
		left = "Clients (" + checklist.FormatInt(m.lang, len(d.ix.filtered)) + "/" + checklist.FormatInt(m.lang, len(m.run.Clients)) + ")"
	}
	if d.ix.keep != nil {
		left += m.st.Accent.Render(" · " + i18n.Of(m.lang).MyDossiers)
	}
	if d.ix.query != "" || d.filtering {
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

// leftV1MarkWidth is the width of a client row's "left V1" mark in its
// longer language, space included.
const leftV1MarkWidth = 13

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
	// A client gone from V1's list (the refresh's mark) says so at the end
	// of its name's column (24 cells at least: the name keeps 11).
	tag := ""
	if c.LeftV1 {
		tag = " " + i18n.Of(m.lang).LeftV1 // leftV1MarkWidth
	}
	name := cell(c.Name, nameW-ansi.StringWidth(tag))
	if cursor {
		name = m.st.Cursor.Render(name)
	}
	if tag != "" {
		name += m.st.Warn.Render(tag)
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
