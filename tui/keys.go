package tui

import (
	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// globalKeys work on every screen, except that q and ? are plain letters
// while the user types (filter, reason, form).
type globalKeys struct {
	Help, Quit, ForceQuit, Back key.Binding
}

func newGlobalKeys(lang checklist.Lang) globalKeys {
	return globalKeys{
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", i18n.Of(lang).Help)),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", i18n.Of(lang).Quit)),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", i18n.Of(lang).Quit)),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.Of(lang).Back)),
	}
}

// dashKeys are the dashboard's keys.
type dashKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom       key.Binding
	Open, Filter, Sort, Mark, MarkAll, Bulk, Next key.Binding
	Cabinet, Registration, Check, Refresh         key.Binding
	// Phases 3 to 5 (migration.go).
	Request, Recon, ReconCabinet, Actions, Summary, Demo key.Binding
	global                                               globalKeys
	lang                                                 checklist.Lang
}

func newDashKeys(lang checklist.Lang, g globalKeys) dashKeys {
	return dashKeys{
		Up:           upKey(i18n.Of(lang).Move),
		Down:         downKey(lang),
		PageUp:       pageUpKey(i18n.Of(lang).Page),
		PageDown:     pageDownKey(lang),
		Top:          key.NewBinding(key.WithKeys("home"), key.WithHelp(i18n.Of(lang).HomeEnd, i18n.Of(lang).TopBottomOfThe)),
		Bottom:       key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", i18n.Of(lang).Bottom)),
		Next:         key.NewBinding(key.WithKeys("g"), key.WithHelp("g", i18n.Of(lang).GoToTheNext)),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp(keyEnter(lang), i18n.Of(lang).Open)),
		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", i18n.Of(lang).Filter)),
		Sort:         key.NewBinding(key.WithKeys("s"), key.WithHelp("s", i18n.Of(lang).Sort2)),
		Mark:         key.NewBinding(key.WithKeys(" ", "x"), key.WithHelp(keySpace(lang), i18n.Of(lang).Select)),
		MarkAll:      key.NewBinding(key.WithKeys("ctrl+a"), key.WithHelp("ctrl+a", i18n.Of(lang).SelectAll)),
		Bulk:         key.NewBinding(key.WithKeys("m"), key.WithHelp("m", i18n.Of(lang).Mark)),
		Cabinet:      key.NewBinding(key.WithKeys("c"), key.WithHelp("c", i18n.Of(lang).Firm2)),
		Registration: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", i18n.Of(lang).Registration31)),
		Check:        key.NewBinding(key.WithKeys("v"), key.WithHelp("v", i18n.Of(lang).CheckV1)),
		Refresh:      key.NewBinding(key.WithKeys("u"), key.WithHelp("u", i18n.Of(lang).RefreshTheClientsV1)),
		Request:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", i18n.Of(lang).Request32)),
		Recon:        key.NewBinding(key.WithKeys("r"), key.WithHelp("r", i18n.Of(lang).ClientValidation33)),
		ReconCabinet: key.NewBinding(key.WithKeys("R"), key.WithHelp("R", i18n.Of(lang).FirmReEntry3)),
		Actions:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", i18n.Of(lang).BulkActions)),
		Summary:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", i18n.Of(lang).Summary4)),
		Demo:         key.NewBinding(key.WithKeys("D"), key.WithHelp("D", i18n.Of(lang).DemoPlayTheUser2), key.WithDisabled()),
		global:       g,
		lang:         lang,
	}
}

// ShortHelp is the most used keys first, with short labels (the full help
// gives their guide sections and every other key); the help bar drops from
// the right what does not fit, and always keeps ? and q.
func (k dashKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, relabel(k.Next, i18n.Of(k.lang).NextStep2), relabel(k.Cabinet, i18n.Of(k.lang).Firm3),
		relabel(k.Request, i18n.Of(k.lang).Request2), relabel(k.Summary, i18n.Of(k.lang).Summary2),
		relabel(k.Demo, i18n.Of(k.lang).Demo2), k.Mark, relabel(k.Filter, i18n.Of(k.lang).Filter), k.global.Help, k.global.Quit}
}

// relabel returns a copy of b with a shorter description.
func relabel(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// FullHelp puts the phases first: they are how the user moves through the
// guide, and the help bar truncates the columns that do not fit on the right.
func (k dashKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Next, k.Cabinet, k.Registration, k.Request, k.Recon, k.ReconCabinet, k.Summary},
		{k.Up, k.PageUp, k.Top, k.Bottom, k.Open, k.Filter, k.Sort, k.Demo},
		{k.Mark, k.MarkAll, k.Bulk, k.Check, k.Refresh, k.Actions, k.global.Help, k.global.Quit},
	}
}

// stepKeys are the keys of a list of steps (cabinet, client, registration).
type stepKeys struct {
	Up, Down, Done, Blocked, NotApplicable, Note, Open, Check, Cancel key.Binding
	PrevClient, NextClient                                            key.Binding
	global                                                            globalKeys
}

func newStepKeys(lang checklist.Lang, g globalKeys) stepKeys {
	return stepKeys{
		Up:            upKey(i18n.Of(lang).Move),
		Down:          downKey(lang),
		Done:          tickKey(lang, i18n.Of(lang).Done),
		Blocked:       key.NewBinding(key.WithKeys("b"), key.WithHelp("b", i18n.Of(lang).Blocked2)),
		NotApplicable: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", i18n.Of(lang).NA)),
		Note:          key.NewBinding(key.WithKeys("e"), key.WithHelp("e", i18n.Of(lang).Note)),
		Open:          key.NewBinding(key.WithKeys("enter"), key.WithHelp(keyEnter(lang), i18n.Of(lang).CaptureCheck)),
		Check:         key.NewBinding(key.WithKeys("v"), key.WithHelp("v", i18n.Of(lang).Check)),
		Cancel:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.Of(lang).CancelTheCheck), key.WithDisabled()),
		PrevClient:    prevClientKey(lang),
		NextClient:    nextClientKey(lang),
		global:        g,
	}
}

func (k stepKeys) ShortHelp() []key.Binding {
	if k.Cancel.Enabled() {
		return []key.Binding{k.Cancel, k.global.Quit}
	}
	return []key.Binding{k.Up, k.Done, k.Blocked, k.NotApplicable, k.Note, k.Open, k.global.Back, k.global.Help}
}

func (k stepKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Done, k.Blocked, k.NotApplicable, k.Note},
		{k.Open, k.Check, k.Cancel, k.PrevClient},
		{k.global.Back, k.global.Help, k.global.Quit},
	}
}

// captureKeys are the keys of a repeated capture's item list.
type captureKeys struct {
	Up, Down, Add, Edit, Delete, Finish key.Binding
	global                              globalKeys
}

func newCaptureKeys(lang checklist.Lang, g globalKeys) captureKeys {
	return captureKeys{
		Up:     upKey(i18n.Of(lang).Move),
		Down:   downKey(lang),
		Add:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", i18n.Of(lang).Add)),
		Edit:   key.NewBinding(key.WithKeys("enter"), key.WithHelp(keyEnter(lang), i18n.Of(lang).Edit)),
		Delete: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", i18n.Of(lang).Delete)),
		Finish: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", i18n.Of(lang).FinishDone)),
		global: g,
	}
}

func (k captureKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Add, k.Edit, k.Delete, k.Finish, k.global.Back, k.global.Help}
}

func (k captureKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Add, k.Edit, k.Delete}, {k.Finish, k.global.Back, k.global.Help, k.global.Quit}}
}

// formKeys is shown under an open huh form, which has its own keys.
type formKeys struct{ Next, Prev, Cancel, Quit key.Binding }

func newFormKeys(lang checklist.Lang) formKeys {
	return formKeys{
		Next:   key.NewBinding(key.WithKeys("enter"), key.WithHelp(keyEnter(lang), i18n.Of(lang).Next)),
		Prev:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp(keyShiftTab(lang), i18n.Of(lang).PreviousField)),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.Of(lang).Cancel)),
		Quit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", i18n.Of(lang).Quit)),
	}
}

func (k formKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Next, k.Prev, k.Cancel, k.Quit} }
func (k formKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// yesNoKeys are the help bar under a one-key question: o and y both answer
// yes in either language, any other key is no.
type yesNoKeys struct{ Yes, No key.Binding }

func newYesNoKeys(lang checklist.Lang) yesNoKeys {
	return yesNoKeys{
		Yes: key.NewBinding(key.WithKeys("o", "O", "y", "Y"), key.WithHelp(i18n.Of(lang).YO, i18n.Of(lang).Yes2)),
		No:  key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp(i18n.Of(lang).NEsc, i18n.Of(lang).No2)),
	}
}

func (k yesNoKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Yes, k.No} }
func (k yesNoKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// yesKey says whether km answers yes to a one-key question ("(o/n)"):
// o for oui and y for yes, in either language and case, as in the forms'
// confirmations (huhKeyMap).
func yesKey(km tea.KeyMsg) bool {
	switch km.String() {
	case "o", "O", "y", "Y":
		return true
	}
	return false
}

// The bindings every list shares, written once: one key per meaning on
// every screen (↑↓ move, space ticks, [ ] change client, pgup/pgdn page).
func upKey(desc string) key.Binding {
	return key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑↓", desc))
}

func downKey(lang checklist.Lang) key.Binding {
	return key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", i18n.Of(lang).Down))
}

func pageUpKey(desc string) key.Binding {
	return key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", desc))
}

func pageDownKey(lang checklist.Lang) key.Binding {
	return key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", i18n.Of(lang).NextPage))
}

// tickKey is space: it ticks a step; on a step already done it asks before
// setting it back (see undoQuestion).
func tickKey(lang checklist.Lang, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(" "), key.WithHelp(keySpace(lang), desc))
}

func prevClientKey(lang checklist.Lang) key.Binding {
	return key.NewBinding(key.WithKeys("["), key.WithHelp("[ ]", i18n.Of(lang).PreviousNextClient))
}

func nextClientKey(lang checklist.Lang) key.Binding {
	return key.NewBinding(key.WithKeys("]"), key.WithHelp("]", i18n.Of(lang).NextClient))
}

// The keys whose names differ between the languages, as the help bars
// write them.
func keyEnter(lang checklist.Lang) string    { return i18n.Of(lang).Enter }
func keySpace(lang checklist.Lang) string    { return i18n.Of(lang).Space }
func keyShiftTab(lang checklist.Lang) string { return i18n.Of(lang).ShiftTab }

// huhKeyMap adapts huh's keys: esc cancels the form (ctrl+c is ours, it
// quits the program), French labels, "o" for oui, and no filter inside
// selects, where / and esc would clash with ours.
func huhKeyMap(lang checklist.Lang) *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.Of(lang).Cancel))
	enter, backTab := keyEnter(lang), keyShiftTab(lang)
	next := i18n.Of(lang).Next2
	back := i18n.Of(lang).Back
	submit := i18n.Of(lang).Submit
	up, down := i18n.Of(lang).Up, i18n.Of(lang).Down2
	km.Input.Next.SetHelp(enter, next)
	km.Input.Submit.SetHelp(enter, submit)
	km.Input.Prev.SetHelp(backTab, back)
	km.Input.AcceptSuggestion.SetHelp("ctrl+e", i18n.Of(lang).Complete)
	km.Select.Next.SetHelp(enter, i18n.Of(lang).Select2)
	km.Select.Submit.SetHelp(enter, submit)
	km.Select.Prev.SetHelp(backTab, back)
	km.Select.Up.SetHelp("↑", up)
	km.Select.Down.SetHelp("↓", down)
	km.Select.HalfPageUp.SetHelp("ctrl+u", i18n.Of(lang).PageUp)
	km.Select.HalfPageDown.SetHelp("ctrl+d", i18n.Of(lang).PageDown)
	km.Select.GotoTop.SetHelp("g", i18n.Of(lang).Top)
	km.Select.GotoBottom.SetHelp("G", i18n.Of(lang).End)
	km.Select.Filter.SetEnabled(false)
	km.MultiSelect.Next.SetHelp(enter, i18n.Of(lang).Confirm)
	km.MultiSelect.Submit.SetHelp(enter, submit)
	km.MultiSelect.Toggle.SetHelp("x", i18n.Of(lang).Toggle)
	km.MultiSelect.Prev.SetHelp(backTab, back)
	km.MultiSelect.Up.SetHelp("↑", up)
	km.MultiSelect.Down.SetHelp("↓", down)
	km.MultiSelect.HalfPageUp.SetHelp("ctrl+u", i18n.Of(lang).PageUp)
	km.MultiSelect.HalfPageDown.SetHelp("ctrl+d", i18n.Of(lang).PageDown)
	km.MultiSelect.GotoTop.SetHelp("g", i18n.Of(lang).Top)
	km.MultiSelect.GotoBottom.SetHelp("G", i18n.Of(lang).End)
	km.MultiSelect.Filter.SetEnabled(false)
	km.MultiSelect.SelectAll.SetHelp("ctrl+a", i18n.Of(lang).All)
	km.MultiSelect.SelectNone.SetHelp("ctrl+a", i18n.Of(lang).None)
	km.Confirm.Next.SetHelp(enter, next)
	km.Confirm.Submit.SetHelp(enter, submit)
	km.Confirm.Prev.SetHelp(backTab, back)
	km.Confirm.Toggle.SetHelp("←/→", i18n.Of(lang).Toggle2)
	km.Confirm.Accept = key.NewBinding(key.WithKeys("o", "O", "y", "Y"), key.WithHelp("o", i18n.Of(lang).Yes2))
	km.Confirm.Reject = key.NewBinding(key.WithKeys("n", "N"), key.WithHelp("n", i18n.Of(lang).No2))
	km.Note.Next.SetHelp(enter, next)
	km.Note.Submit.SetHelp(enter, submit)
	km.Note.Prev.SetHelp(backTab, back)
	km.Text.Next.SetHelp(enter, next)
	km.Text.Submit.SetHelp(enter, submit)
	km.Text.Prev.SetHelp(backTab, back)
	km.Text.NewLine.SetHelp("alt+"+enter, i18n.Of(lang).NewLine)
	km.Text.Editor.SetHelp("ctrl+e", i18n.Of(lang).Editor)
	return km
}
