package tui

import (
	"github.com/bascule-cli/bascule/checklist"
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
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", tr(lang, "aide", "help"))),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", tr(lang, "quitter", "quit"))),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", tr(lang, "quitter", "quit"))),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", tr(lang, "retour", "back"))),
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
		Up:           upKey(tr(lang, "naviguer", "move")),
		Down:         downKey(lang),
		PageUp:       pageUpKey(tr(lang, "page", "page")),
		PageDown:     pageDownKey(lang),
		Top:          key.NewBinding(key.WithKeys("home"), key.WithHelp(tr(lang, "début/fin", "home/end"), tr(lang, "haut/bas de la liste", "top/bottom of the list"))),
		Bottom:       key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", tr(lang, "fin", "bottom"))),
		Next:         key.NewBinding(key.WithKeys("g"), key.WithHelp("g", tr(lang, "aller à la prochaine étape", "go to the next step"))),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp(keyEnter(lang), tr(lang, "ouvrir", "open"))),
		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", tr(lang, "filtrer", "filter"))),
		Sort:         key.NewBinding(key.WithKeys("s"), key.WithHelp("s", tr(lang, "trier", "sort"))),
		Mark:         key.NewBinding(key.WithKeys(" ", "x"), key.WithHelp(keySpace(lang), tr(lang, "sélectionner", "select"))),
		MarkAll:      key.NewBinding(key.WithKeys("ctrl+a"), key.WithHelp("ctrl+a", tr(lang, "tout sélectionner", "select all"))),
		Bulk:         key.NewBinding(key.WithKeys("m"), key.WithHelp("m", tr(lang, "marquer", "mark"))),
		Cabinet:      key.NewBinding(key.WithKeys("c"), key.WithHelp("c", tr(lang, "cabinet §2", "firm §2"))),
		Registration: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", tr(lang, "inscription §3.1", "registration §3.1"))),
		Check:        key.NewBinding(key.WithKeys("v"), key.WithHelp("v", tr(lang, "vérifier (V1)", "check (V1)"))),
		Refresh:      key.NewBinding(key.WithKeys("u"), key.WithHelp("u", tr(lang, "actualiser les clients (V1)", "refresh the clients (V1)"))),
		Request:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", tr(lang, "demande §3.2", "request §3.2"))),
		Recon:        key.NewBinding(key.WithKeys("r"), key.WithHelp("r", tr(lang, "validation du client §3.3", "client validation §3.3"))),
		ReconCabinet: key.NewBinding(key.WithKeys("R"), key.WithHelp("R", tr(lang, "réintégration cabinet §3.4", "firm re-entry §3.4"))),
		Actions:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", tr(lang, "actions en lot", "bulk actions"))),
		Summary:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", tr(lang, "synthèse §4", "summary §4"))),
		Demo:         key.NewBinding(key.WithKeys("D"), key.WithHelp("D", tr(lang, "démo : jouer l'utilisateur", "demo: play the user")), key.WithDisabled()),
		global:       g,
		lang:         lang,
	}
}

// ShortHelp is the most used keys first, with short labels (the full help
// gives their guide sections and every other key); the help bar drops from
// the right what does not fit, and always keeps ? and q.
func (k dashKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, relabel(k.Next, k.lang, "prochaine étape", "next step"), relabel(k.Cabinet, k.lang, "cabinet", "firm"),
		relabel(k.Request, k.lang, "demande", "request"), relabel(k.Summary, k.lang, "synthèse", "summary"),
		relabel(k.Demo, k.lang, "démo", "demo"), k.Mark, relabel(k.Filter, k.lang, "filtrer", "filter"), k.global.Help, k.global.Quit}
}

// relabel returns a copy of b with a shorter description.
func relabel(b key.Binding, lang checklist.Lang, fr, en string) key.Binding {
	b.SetHelp(b.Help().Key, tr(lang, fr, en))
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
		Up:            upKey(tr(lang, "naviguer", "move")),
		Down:          downKey(lang),
		Done:          tickKey(lang, tr(lang, "fait", "done")),
		Blocked:       key.NewBinding(key.WithKeys("b"), key.WithHelp("b", tr(lang, "bloqué", "blocked"))),
		NotApplicable: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", tr(lang, "sans objet", "n/a"))),
		Note:          key.NewBinding(key.WithKeys("e"), key.WithHelp("e", tr(lang, "note", "note"))),
		Open:          key.NewBinding(key.WithKeys("enter"), key.WithHelp(keyEnter(lang), tr(lang, "saisir / vérifier", "capture / check"))),
		Check:         key.NewBinding(key.WithKeys("v"), key.WithHelp("v", tr(lang, "vérifier", "check"))),
		Cancel:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", tr(lang, "annuler la vérification", "cancel the check")), key.WithDisabled()),
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
		Up:     upKey(tr(lang, "naviguer", "move")),
		Down:   downKey(lang),
		Add:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", tr(lang, "ajouter", "add"))),
		Edit:   key.NewBinding(key.WithKeys("enter"), key.WithHelp(keyEnter(lang), tr(lang, "modifier", "edit"))),
		Delete: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", tr(lang, "supprimer", "delete"))),
		Finish: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", tr(lang, "terminer (fait)", "finish (done)"))),
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
		Next:   key.NewBinding(key.WithKeys("enter"), key.WithHelp(keyEnter(lang), tr(lang, "valider", "next"))),
		Prev:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp(keyShiftTab(lang), tr(lang, "champ précédent", "previous field"))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", tr(lang, "annuler", "cancel"))),
		Quit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", tr(lang, "quitter", "quit"))),
	}
}

func (k formKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Next, k.Prev, k.Cancel, k.Quit} }
func (k formKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// yesNoKeys are the help bar under a one-key question: o and y both answer
// yes in either language, any other key is no.
type yesNoKeys struct{ Yes, No key.Binding }

func newYesNoKeys(lang checklist.Lang) yesNoKeys {
	return yesNoKeys{
		Yes: key.NewBinding(key.WithKeys("o", "O", "y", "Y"), key.WithHelp(tr(lang, "o/y", "y/o"), tr(lang, "oui", "yes"))),
		No:  key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp(tr(lang, "n/esc", "n/esc"), tr(lang, "non", "no"))),
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
	return key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", tr(lang, "descendre", "down")))
}

func pageUpKey(desc string) key.Binding {
	return key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", desc))
}

func pageDownKey(lang checklist.Lang) key.Binding {
	return key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", tr(lang, "page suivante", "next page")))
}

// tickKey is space: it ticks a step; on a step already done it asks before
// setting it back (see undoQuestion).
func tickKey(lang checklist.Lang, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(" "), key.WithHelp(keySpace(lang), desc))
}

func prevClientKey(lang checklist.Lang) key.Binding {
	return key.NewBinding(key.WithKeys("["), key.WithHelp("[ ]", tr(lang, "client précédent/suivant", "previous/next client")))
}

func nextClientKey(lang checklist.Lang) key.Binding {
	return key.NewBinding(key.WithKeys("]"), key.WithHelp("]", tr(lang, "client suivant", "next client")))
}

// The keys whose names differ between the languages, as the help bars
// write them.
func keyEnter(lang checklist.Lang) string    { return tr(lang, "entrée", "enter") }
func keySpace(lang checklist.Lang) string    { return tr(lang, "espace", "space") }
func keyShiftTab(lang checklist.Lang) string { return tr(lang, "maj+tab", "shift+tab") }

// huhKeyMap adapts huh's keys: esc cancels the form (ctrl+c is ours, it
// quits the program), French labels, "o" for oui, and no filter inside
// selects, where / and esc would clash with ours.
func huhKeyMap(lang checklist.Lang) *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", tr(lang, "annuler", "cancel")))
	enter, backTab := keyEnter(lang), keyShiftTab(lang)
	next := tr(lang, "suivant", "next")
	back := tr(lang, "retour", "back")
	submit := tr(lang, "valider", "submit")
	up, down := tr(lang, "haut", "up"), tr(lang, "bas", "down")
	km.Input.Next.SetHelp(enter, next)
	km.Input.Submit.SetHelp(enter, submit)
	km.Input.Prev.SetHelp(backTab, back)
	km.Input.AcceptSuggestion.SetHelp("ctrl+e", tr(lang, "compléter", "complete"))
	km.Select.Next.SetHelp(enter, tr(lang, "choisir", "select"))
	km.Select.Submit.SetHelp(enter, submit)
	km.Select.Prev.SetHelp(backTab, back)
	km.Select.Up.SetHelp("↑", up)
	km.Select.Down.SetHelp("↓", down)
	km.Select.HalfPageUp.SetHelp("ctrl+u", tr(lang, "½ page haut", "½ page up"))
	km.Select.HalfPageDown.SetHelp("ctrl+d", tr(lang, "½ page bas", "½ page down"))
	km.Select.GotoTop.SetHelp("g", tr(lang, "début", "top"))
	km.Select.GotoBottom.SetHelp("G", tr(lang, "fin", "end"))
	km.Select.Filter.SetEnabled(false)
	km.MultiSelect.Next.SetHelp(enter, tr(lang, "confirmer", "confirm"))
	km.MultiSelect.Submit.SetHelp(enter, submit)
	km.MultiSelect.Toggle.SetHelp("x", tr(lang, "cocher", "toggle"))
	km.MultiSelect.Prev.SetHelp(backTab, back)
	km.MultiSelect.Up.SetHelp("↑", up)
	km.MultiSelect.Down.SetHelp("↓", down)
	km.MultiSelect.HalfPageUp.SetHelp("ctrl+u", tr(lang, "½ page haut", "½ page up"))
	km.MultiSelect.HalfPageDown.SetHelp("ctrl+d", tr(lang, "½ page bas", "½ page down"))
	km.MultiSelect.GotoTop.SetHelp("g", tr(lang, "début", "top"))
	km.MultiSelect.GotoBottom.SetHelp("G", tr(lang, "fin", "end"))
	km.MultiSelect.Filter.SetEnabled(false)
	km.MultiSelect.SelectAll.SetHelp("ctrl+a", tr(lang, "tout", "all"))
	km.MultiSelect.SelectNone.SetHelp("ctrl+a", tr(lang, "aucun", "none"))
	km.Confirm.Next.SetHelp(enter, next)
	km.Confirm.Submit.SetHelp(enter, submit)
	km.Confirm.Prev.SetHelp(backTab, back)
	km.Confirm.Toggle.SetHelp("←/→", tr(lang, "changer", "toggle"))
	km.Confirm.Accept = key.NewBinding(key.WithKeys("o", "O", "y", "Y"), key.WithHelp("o", tr(lang, "oui", "yes")))
	km.Confirm.Reject = key.NewBinding(key.WithKeys("n", "N"), key.WithHelp("n", tr(lang, "non", "no")))
	km.Note.Next.SetHelp(enter, next)
	km.Note.Submit.SetHelp(enter, submit)
	km.Note.Prev.SetHelp(backTab, back)
	km.Text.Next.SetHelp(enter, next)
	km.Text.Submit.SetHelp(enter, submit)
	km.Text.Prev.SetHelp(backTab, back)
	km.Text.NewLine.SetHelp("alt+"+enter, tr(lang, "nouvelle ligne", "new line"))
	km.Text.Editor.SetHelp("ctrl+e", tr(lang, "éditeur", "editor"))
	return km
}
