package tui

import (
	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
)

// promptKeys are the help bar under a one-line input (a note, a reason,
// the dashboard's filter): its letters are text then, so the screen's own
// letter keys, ? and q are not offered.
type promptKeys struct{ Move, Confirm, Cancel, Quit key.Binding }

func newPromptKeys(lang checklist.Lang) promptKeys {
	return promptKeys{
		Move:    key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑↓", i18n.Of(lang).Move), key.WithDisabled()),
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp(keyEnter(lang), i18n.Of(lang).Confirm2)),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.Of(lang).Cancel)),
		Quit:    key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", i18n.Of(lang).Quit)),
	}
}

// newFilterKeys are the dashboard filter's: the list still moves, enter
// keeps the filter and leaves the input, esc clears it.
func newFilterKeys(lang checklist.Lang) promptKeys {
	k := newPromptKeys(lang)
	k.Move.SetEnabled(true)
	k.Confirm.SetHelp(keyEnter(lang), i18n.Of(lang).KeepTheFilter)
	k.Cancel.SetHelp("esc", i18n.Of(lang).Clear)
	return k
}

func (k promptKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Move, k.Confirm, k.Cancel, k.Quit}
}
func (k promptKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// typingKeys replaces the screen's keys k by the input's while a one-line
// input of the screen shown has the keys; forms and o/n questions name
// their own keys already.
func (m *Model) typingKeys(k help.KeyMap) help.KeyMap {
	if !m.typing() {
		return k
	}
	switch s := m.top().(type) {
	case *dashboard:
		if s.filtering {
			return newFilterKeys(m.lang)
		}
	case *stepsScreen:
		if s.prompt != nil {
			return newPromptKeys(m.lang)
		}
	}
	if m.migState().input != nil {
		return newPromptKeys(m.lang)
	}
	return k
}
