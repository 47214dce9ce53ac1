package tui

import (
	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// Every form of the program is built, sized and updated here, so that
// huh's sizing quirks are handled once.
//
// huh sizes a group when it is built, at a default width and before a
// confirmation's title is known, and only resizes it on a
// tea.WindowSizeMsg that the screens never passed on: a group then came out
// too short and its last lines were cut (the export file's ">" line in the
// first run, the Oui/Non buttons under a long question). fitForm gives the
// form the screen's size again after every message.

// Form outcomes, tagged with the form's id so a message from a form that is
// gone cannot be taken for the current one's.
type (
	formSubmittedMsg struct{ id int }
	formCancelledMsg struct{ id int }
)

// newForm finishes groups into a form with the program's theme, keys,
// help, size and submit/cancel messages; id tells its messages apart.
func (m *Model) newForm(groups ...*huh.Group) (*huh.Form, int, tea.Cmd) {
	id := m.ids.take()
	f := huh.NewForm(groups...).WithTheme(m.theme).WithKeyMap(huhKeyMap(m.lang)).WithShowHelp(true)
	f.SubmitCmd = func() tea.Msg { return formSubmittedMsg{id: id} }
	f.CancelCmd = func() tea.Msg { return formCancelledMsg{id: id} }
	init := f.Init()
	f, fit := m.fitForm(f)
	return f, id, tea.Batch(init, fit)
}

// formHeight is the height a form may take: the screen less its header
// lines and the status and help bars.
func (m *Model) formHeight() int { return max(8, m.height-8) }

// fitForm gives f the screen's width and the height of its tallest group,
// at most formHeight, so that no field is cut.
func (m *Model) fitForm(f *huh.Form) (*huh.Form, tea.Cmd) {
	if f == nil || f.State != huh.StateNormal {
		return f, nil
	}
	f = f.WithWidth(m.formWidth())
	// With no height of its own, the form computes the tallest group on a
	// size message.
	nf, cmd := f.Update(tea.WindowSizeMsg{Width: m.formWidth(), Height: m.formHeight()})
	if hf, ok := nf.(*huh.Form); ok {
		f = hf
	}
	return f, cmd
}

// refit fits the form *f to the window again, if one is open: a screen's
// resize.
func (m *Model) refit(f **huh.Form) tea.Cmd {
	var cmd tea.Cmd
	*f, cmd = m.fitForm(*f)
	return cmd
}

// updateForm passes msg to f and fits it again: a title computed from the
// answers, an error under a field or a wrapped line changes its height.
func (m *Model) updateForm(f *huh.Form, msg tea.Msg) (*huh.Form, tea.Cmd) {
	nf, cmd := f.Update(msg)
	if hf, ok := nf.(*huh.Form); ok {
		f = hf
	}
	f, fit := m.fitForm(f)
	return f, tea.Batch(cmd, fit)
}

// newSelect is every list to choose from. huh scrolls a select's list so
// that the option chosen when Options is called sits on top and never
// scrolls back when the value is bound afterwards: a status list whose
// default was not its first option showed that option and blank lines, with
// no cursor, until ↑ was pressed. The list is therefore built on its first
// option, then bound to value, which moves the cursor without scrolling.
func newSelect[T comparable](title string, opts []huh.Option[T], value *T) *huh.Select[T] {
	var first T
	if len(opts) > 0 {
		first = opts[0].Value
	}
	return huh.NewSelect[T]().Title(title).Value(&first).Options(opts...).Value(value)
}

// newConfirm is every yes/no question: its buttons are in the user's
// language and the chosen one is bracketed by the theme (HuhTheme), so that
// it reads without colour. The answer chosen at first is *value.
func newConfirm(yes, no string, value *bool) *huh.Confirm {
	return huh.NewConfirm().Affirmative(yes).Negative(no).Value(value)
}

// confirmField is a finished confirmation as a form takes it: huh writes
// "y" into its yes key's help each time it draws, where French reads "o"
// (both keys answer yes, see huhKeyMap).
type confirmField struct {
	*huh.Confirm
	lang checklist.Lang
}

func confirmOf(lang checklist.Lang, c *huh.Confirm) huh.Field {
	return &confirmField{Confirm: c, lang: lang}
}

// Update keeps the wrapper in the group, which stores what Update returns.
func (c *confirmField) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := c.Confirm.Update(msg)
	return c, cmd
}

func (c *confirmField) KeyBinds() []key.Binding {
	bs := c.Confirm.KeyBinds()
	for i, b := range bs {
		if h := b.Help(); h.Key == "y" {
			bs[i].SetHelp(i18n.Of(c.lang).Y, h.Desc)
		}
	}
	return bs
}
