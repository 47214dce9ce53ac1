package tui

import (
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	tea "github.com/charmbracelet/bubbletea"
)

// Whether the file a capture's file field names can be read (Field.CheckFile
// hashes it) is checked in a command, never inside Update: when the user
// leaves the field, its value is sent once to a command, and the answer
// (fileCheckedMsg) is shown under the form if the field still holds that
// value. The form's own validator keeps the pure checks. Saving the item
// checks its files again, in a command too (itemCheckedMsg).

// fileChecks are the open form's file checks, by field id.
type fileChecks struct {
	sent    map[string]string          // the value last sent to a command
	problem map[string]*checklist.Text // what its answer found, when the file cannot be read
}

func newFileChecks() fileChecks {
	return fileChecks{sent: map[string]string{}, problem: map[string]*checklist.Text{}}
}

// fileCheckedMsg is the answer of one file field's check, for the form
// formID and the value it was sent.
type fileCheckedMsg struct {
	formID       int
	field, value string
	problem      *checklist.Text
}

// fileChecksCmd sends the file fields the user has left, whose value
// changed since they were last sent, to be checked in commands.
func (m *Model) fileChecksCmd() tea.Cmd {
	c := m.capture
	if c == nil || c.form == nil || c.answers == nil || m.opts.Files == nil {
		return nil
	}
	focused := ""
	if f := c.form.GetFocusedField(); f != nil {
		focused = f.GetKey()
	}
	var cmds []tea.Cmd
	for _, fl := range c.step.Form.Fields {
		p := c.answers.text[fl.ID]
		if fl.Type != checklist.FieldFile || fl.ID == focused || p == nil {
			continue
		}
		v := strings.TrimSpace(*p)
		if sent, ok := c.files.sent[fl.ID]; ok && sent == v {
			continue
		}
		c.files.sent[fl.ID] = v
		delete(c.files.problem, fl.ID)
		if v == "" || fl.Validate(v) != nil {
			continue // nothing to read, or the form already says what is wrong
		}
		fl, files, id := fl, m.opts.Files, c.formID
		cmds = append(cmds, func() tea.Msg {
			return fileCheckedMsg{formID: id, field: fl.ID, value: v, problem: fl.CheckFile(v, files)}
		})
	}
	return tea.Batch(cmds...)
}

// fileChecked keeps a file check's answer when it is for the open form and
// the value its field still holds; a late answer is dropped.
func (m *Model) fileChecked(msg fileCheckedMsg) {
	c := m.capture
	if c == nil || c.form == nil || msg.formID != c.formID || c.files.sent[msg.field] != msg.value {
		return
	}
	if msg.problem != nil {
		c.files.problem[msg.field] = msg.problem
	} else {
		delete(c.files.problem, msg.field)
	}
}

// fileProblems are the lines shown under the form, in the form's order.
func (m *Model) fileProblems() []string {
	c := m.capture
	var out []string
	for _, fl := range c.step.Form.Fields {
		if p := c.files.problem[fl.ID]; p != nil {
			out = append(out, p.In(m.lang))
		}
	}
	return out
}
