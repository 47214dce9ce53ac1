package tui

import (
	"fmt"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// This file draws what the phase 3–5 screens share (migration.go): the
// one-line prompt, the rows of a list of steps, the answer's due date and
// a line of evidence.

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
