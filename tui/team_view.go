package tui

import (
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/x/ansi"
)

// The team screen and the assignment screen: they show what the engine
// computed (checklist.TeamFigures), they compute nothing themselves.

// teamCols are the widths of the team table's columns.
type teamCols struct{ name, role, clients, left, finish, pace int }

// teamCols sizes the table to what it shows: the name column to the widest
// name, the time left to the widest amount. The role goes first when the
// time left would not fit beside it (the assignment screen shows it); what
// still does not fit is shortened by leftCell.
func (m *Model) teamCols() teamCols {
	c := teamCols{role: 13, clients: 8, finish: 13, pace: 9}
	if m.width < 100 {
		c.role = 0
	}
	names, lefts := m.teamWidest()
	c.name = min(24, max(12, names))
	room := func() int {
		used := 3 + c.name + 2 + c.clients + 2 + 2 + c.finish + 2 + c.pace
		if c.role > 0 {
			used += c.role + 2
		}
		return m.width - 1 - used
	}
	if room() < lefts {
		c.role = 0
	}
	c.left = max(8, min(lefts, room()))
	return c
}

// teamWidest is the width of the widest name and of the widest time left
// the team screen shows, column titles included.
func (m *Model) teamWidest() (names, lefts int) {
	msg := i18n.Of(m.lang)
	names, lefts = ansi.StringWidth(msg.Person), ansi.StringWidth(msg.LeftGuide)
	f := m.team.figs
	if f == nil {
		return names, lefts
	}
	widest := func(name string, l checklist.TimeLeft) {
		names = max(names, ansi.StringWidth(name))
		lefts = max(lefts, ansi.StringWidth(leftCell(m.lang, l, 1<<16)))
	}
	for _, p := range f.People {
		name := p.Person
		if p.Person == m.team.me {
			name += msg.You
		}
		widest(name, p.Progress.Left)
	}
	if f.Unassigned.Clients > 0 {
		widest(msg.Unassigned, f.Unassigned.Left)
	}
	widest(msg.FirmEveryone, f.Cabinet.Progress.Left)
	return names, lefts
}

func (m *Model) teamRow(c teamCols, pointer, name, role, clients, left, finish, pace string) string {
	row := " " + cell(pointer, 2) + cell(name, c.name) + "  "
	if c.role > 0 {
		row += cell(role, c.role) + "  "
	}
	return row + rcell(clients, c.clients) + "  " + cell(left, c.left) + "  " + cell(finish, c.finish) + "  " + cell(pace, c.pace)
}

// finishCell is an estimate in a few words: the date, or why there is none.
func finishCell(lang checklist.Lang, f checklist.Finish) string {
	switch {
	case f.Done:
		return i18n.Of(lang).Finished
	case f.TooFar:
		return i18n.Of(lang).N10Years
	case !f.Known:
		return i18n.Of(lang).NoPaceYet
	}
	return checklist.FormatDate(lang, f.At)
}

func paceCell(lang checklist.Lang, p checklist.Pace) string {
	if !p.Known() {
		return "—"
	}
	return p.Number(lang) + i18n.Of(lang).Day
}

// leftCell is a time left in w cells: the full amount when it fits, else
// the untimed steps in a word ("≈ 8 h 30 + 16 sans durée"), else clipped.
// The cabinet's full amount is written in words under the table.
func leftCell(lang checklist.Lang, l checklist.TimeLeft, w int) string {
	a := l.Amount(lang)
	switch {
	case a == "":
		return "—"
	case ansi.StringWidth(a) <= w || l.Waiting || l.Untimed == 0:
		return clip(a, w)
	}
	short := checklist.FormatInt(lang, l.Untimed) + " " + i18n.Of(lang).UntimedShort
	if l.Work > 0 {
		short = checklist.FormatWorkload(lang, l.Work) + " + " + short
	}
	return clip(short, w)
}

func (m *Model) personRow(c teamCols, f checklist.PersonFigures, name string) string {
	pr := f.Progress
	finish := finishCell(m.lang, f.Finish)
	if pr.Clients == 0 {
		finish = i18n.Of(m.lang).NoClient // nothing to finish, nothing finished
	}
	return m.teamRow(c, "", name, f.Role, checklist.FormatInt(m.lang, pr.ClientsDone)+"/"+checklist.FormatInt(m.lang, pr.Clients),
		leftCell(m.lang, pr.Left, c.left), finish, paceCell(m.lang, f.Finish.Pace))
}

// teamTopLines is how many lines the team screen shows above its people:
// header, rule, title, scope, blank, column titles.
const teamTopLines = 6

func (m *Model) viewTeam() (string, help.KeyMap) {
	keys := newTeamScreenKeys(m.lang, m.gkeys)
	var b strings.Builder
	b.WriteString(m.header() + "\n" + m.rule() + "\n")
	scope := i18n.Of(m.lang).WorkOpenBeforeThe
	if m.run.Migrated() {
		scope = i18n.Of(m.lang).AllTheWorkValidation
	}
	b.WriteString(" " + m.st.Header.Render(i18n.Of(m.lang).TeamProgressPerPerson) + "\n")
	b.WriteString(" " + m.st.Muted.Render(clip(scope, m.width-2)) + "\n\n")
	t := m.team
	switch {
	case t.figsErr != nil:
		b.WriteString(" " + m.st.Bad.Render(m.errText(t.figsErr)))
		return b.String(), keys
	case t.figs == nil:
		b.WriteString(" " + m.spin.View() + " " + i18n.Of(m.lang).ComputingTheProgress)
		return b.String(), keys
	}
	f := t.figs
	c := m.teamCols()
	b.WriteString(m.st.Muted.Render(m.teamRow(c, "", i18n.Of(m.lang).Person, i18n.Of(m.lang).Role,
		i18n.Of(m.lang).Clients, i18n.Of(m.lang).LeftGuide, i18n.Of(m.lang).EstFinish,
		i18n.Of(m.lang).Pace)) + "\n")
	room, off := m.teamRoom(), m.teamOffset()
	keys.Up.SetEnabled(len(f.People) > room) // nothing to scroll when all fit
	end := min(len(f.People), off+room)
	for _, p := range f.People[off:end] {
		name := p.Person
		if p.Person == t.me {
			name += i18n.Of(m.lang).You
		}
		b.WriteString(m.personRow(c, p, name) + "\n")
	}
	if len(f.People) > room {
		b.WriteString(m.st.Muted.Render("   "+checklist.FormatInt(m.lang, off+1)+"–"+checklist.FormatInt(m.lang, end)+
			i18n.Of(m.lang).Of2+nouns(m.lang, len(f.People), i18n.Of(m.lang).PeopleNoun)+
			i18n.Of(m.lang).ToScroll) + "\n")
	}
	if len(f.People) == 0 {
		b.WriteString(m.st.Muted.Render("   "+i18n.Of(m.lang).NoMemberBasculeTeam) + "\n")
	}
	b.WriteString(strings.Join(m.teamBottom(c), "\n"))
	return b.String(), keys
}

// teamBottom is what the team screen shows under its people: the clients
// no one has, the cabinet's line, its estimate in words and the method.
func (m *Model) teamBottom(c teamCols) []string {
	f := m.team.figs
	var out []string
	if u := f.Unassigned; u.Clients > 0 {
		out = append(out, m.st.Muted.Render(m.teamRow(c, "", i18n.Of(m.lang).Unassigned, "",
			checklist.FormatInt(m.lang, u.ClientsDone)+"/"+checklist.FormatInt(m.lang, u.Clients), leftCell(m.lang, u.Left, c.left), "", "")))
	}
	out = append(out, " "+m.st.Rule.Render(strings.Repeat("─", m.width-2)),
		m.st.Header.Render(m.personRow(c, f.Cabinet, i18n.Of(m.lang).FirmEveryone)), "")
	cab := i18n.Of(m.lang).Firm6
	if l := f.Cabinet.Progress.Left.Text(m.lang); l != "" {
		cab += l + i18n.Of(m.lang).Semicolon
	}
	out = append(out, wrapLines(cab+f.Cabinet.Finish.Text(m.lang), m.width-2, " ")...)
	for _, l := range wrapLines("* "+checklist.PaceMethod().In(m.lang), m.width-2, " ") {
		out = append(out, m.st.Muted.Render(l))
	}
	return out
}

// teamRoom is how many people fit on the team screen: the screen less the
// lines above and below them, the footer, and the scrolling line when
// they do not all fit.
func (m *Model) teamRoom() int {
	if m.team.figs == nil {
		return 1
	}
	foot := lipglossHeight(m.footer(newTeamScreenKeys(m.lang, m.gkeys)))
	room := m.height - foot - teamTopLines - len(m.teamBottom(m.teamCols()))
	if len(m.team.figs.People) > room {
		room-- // the "1–5 sur 20" line
	}
	return max(1, room)
}

// teamOffset is the first person shown, kept within the list.
func (m *Model) teamOffset() int {
	if m.team.figs == nil {
		return 0
	}
	return max(0, min(m.team.off, len(m.team.figs.People)-m.teamRoom()))
}

func (m *Model) viewAssign() (string, help.KeyMap) {
	keys := newAssignKeys(m.lang, m.gkeys)
	var b strings.Builder
	b.WriteString(m.header() + "\n" + m.rule() + "\n")
	b.WriteString(" " + m.st.Header.Render(i18n.Of(m.lang).Assign2+
		nouns(m.lang, m.dash.nMarked, i18n.Of(m.lang).SelectedClientsNoun)+
		i18n.Of(m.lang).ToThePortfolioOf) + "\n\n")
	for i, p := range m.team.candidates() {
		pointer := "  "
		name := cell(p.Person, 28)
		if i == m.team.pick {
			pointer = "▸ "
			name = m.st.Cursor.Render(name)
		}
		b.WriteString(" " + pointer + name + "  " + cell(p.Role, 13) + "  " +
			m.st.Muted.Render(nouns(m.lang, len(p.Clients), i18n.Of(m.lang).ClientsNoun)) + "\n")
	}
	b.WriteString("\n")
	for _, l := range wrapLines(i18n.Of(m.lang).TheClientsLeaveAnother, m.width-2, " ") {
		b.WriteString(m.st.Muted.Render(l) + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n"), keys
}
