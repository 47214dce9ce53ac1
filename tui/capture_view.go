package tui

import (
	"fmt"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/charmbracelet/bubbles/help"
)

// This file draws the capture screen (capture.go): who the capture is
// for, the open form or the list of items, and one line per record.

// captureTitle is two lines: who the capture is for (a client's name and
// SIREN always show), then the step.
func (m *Model) captureTitle() string {
	c := m.capture
	who := " " + m.st.Header.Render(m.ws.Cabinet.LegalName) + m.st.Muted.Render(i18n.Of(m.lang).Firm)
	if c.ref.Client != "" {
		if ci := m.run.ClientIndex(c.ref.Client); ci >= 0 {
			who = m.clientLine(ci, "")
		}
	}
	return who + "\n " + m.st.Title.Render(c.step.Title.In(m.lang)) + m.st.Muted.Render(" §"+c.step.Section)
}

func (m *Model) viewCapture() (string, help.KeyMap) {
	c := m.capture
	var b strings.Builder
	b.WriteString(m.captureTitle() + "\n" + m.rule() + "\n")
	if c.form != nil {
		b.WriteString(indent(c.form.View(), 1))
		for _, p := range m.fileProblems() {
			b.WriteString("\n " + m.st.Bad.Render(p))
		}
		return b.String(), newFormKeys(m.lang)
	}
	if c.pending != nil {
		b.WriteString(" " + m.spin.View() + " " + i18n.Of(m.lang).SealingTheSecret + "\n")
		return b.String(), formKeys{Quit: m.gkeys.ForceQuit}
	}
	label := c.step.Form.ItemLabel.In(m.lang)
	fmt.Fprintf(&b, " %s\n\n", m.st.Muted.Render(fmt.Sprintf("%d %s", len(c.items), plural(len(c.items), label, label+"s"))))
	for i, r := range c.items {
		pointer := " "
		line := cell(m.recordLine(c.step.Form, r), m.width-5)
		if i == c.cursor {
			pointer = "▸"
			line = m.st.Cursor.Render(line)
		}
		b.WriteString(" " + pointer + " " + line + "\n")
	}
	if c.confirmDelete {
		b.WriteString("\n " + m.st.Warn.Render(i18n.Of(m.lang).DeleteThisItemY) + "\n")
	}
	return b.String(), newCaptureKeys(m.lang, m.gkeys)
}

// recordLine shows one item in a list: its values, IBANs masked, and
// "secret enregistré (chiffré)" for a sealed secret, never its value.
func (m *Model) recordLine(f *checklist.Form, r checklist.Record) string {
	var parts []string
	firstBool := -1
	for _, fl := range capturedFields(f) {
		v := r[fl.ID]
		if v == "" {
			continue
		}
		v = fl.ShownValue(v, m.lang)
		if fl.Type == checklist.FieldBool {
			if firstBool < 0 {
				firstBool = len(parts)
			}
			v = fl.Label.In(m.lang) + colon(m.lang) + v
		}
		parts = append(parts, v)
	}
	parts = withSecretMarks(parts, firstBool, m.secretMarks(f, r))
	return strings.Join(parts, " · ")
}

// captureSummary says in one line what a step's capture holds.
func (m *Model) captureSummary(st *checklist.Step, c checklist.Capture) string {
	if st.Form == nil {
		return ""
	}
	if st.Form.Repeated {
		label := st.Form.ItemLabel.In(m.lang)
		s := fmt.Sprintf("%d %s", len(c.Items), plural(len(c.Items), label, label+"s"))
		if len(c.Items) > 0 {
			s += " (" + m.recordLine(st.Form, c.Items[0])
			if len(c.Items) > 1 {
				s += ", …"
			}
			s += ")"
		}
		return s
	}
	return m.recordLine(st.Form, c.Items[0])
}
