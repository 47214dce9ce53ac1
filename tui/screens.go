package tui

import (
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// screen is one view of the program. Screens are kept on a stack owned by
// the root model: opening a screen pushes it, esc pops it. The root model
// keeps the shared state (the run, the workspace, the engine, the status
// line) and hands itself to every method; a screen holds only what it shows.
// Adding a screen is a type with these methods in its own file and a call to
// Model.open where it is reached from.
type screen interface {
	// name is the screen's name, for tests and the end-to-end driver.
	name() string
	// update handles a message that no global handler took.
	update(m *Model, msg tea.Msg) tea.Cmd
	// view draws the screen's body and names the keys its help bar shows.
	view(m *Model) (string, help.KeyMap)
	// typing reports whether keys are text for one of its inputs: q and ?
	// then reach the input instead of quitting and showing the help.
	typing(m *Model) bool
	// resize fits the screen's forms and inputs to the new window size.
	resize(m *Model) tea.Cmd
}

// top is the screen shown.
func (m *Model) top() screen { return m.stack[len(m.stack)-1] }

// showing reports whether the screen shown is a T.
func showing[T screen](m *Model) bool {
	_, ok := m.top().(T)
	return ok
}

// open shows s and remembers where esc returns. A screen of the kind
// already shown replaces it: esc still returns where it did.
func (m *Model) open(s screen) {
	if m.top().name() == s.name() {
		m.stack[len(m.stack)-1] = s
		return
	}
	m.stack = append(m.stack, s)
}

// goBack returns to the previous screen, the dashboard by default.
func (m *Model) goBack() {
	if n := len(m.stack); n > 1 {
		m.stack = m.stack[:n-1]
		return
	}
	m.stack = []screen{m.dash}
}

// leaveForDashboard closes the screen shown and the one below it and shows
// the dashboard in their place: a screen that moves to the next client
// reopens itself from there, so that esc returns to the dashboard.
func (m *Model) leaveForDashboard() {
	m.stack = append(m.stack[:max(0, len(m.stack)-2)], m.dash)
}

// loadingScreen waits for the workspace's run to load.
type loadingScreen struct{}

func (loadingScreen) name() string                   { return "loading" }
func (loadingScreen) update(*Model, tea.Msg) tea.Cmd { return nil }
func (loadingScreen) typing(*Model) bool             { return false }
func (loadingScreen) resize(*Model) tea.Cmd          { return nil }
func (loadingScreen) view(m *Model) (string, help.KeyMap) {
	return " " + m.spin.View() + " " + i18n.Of(m.lang).Loading, formKeys{Quit: m.gkeys.ForceQuit}
}

// errorScreen shows the error that stopped the program; any key quits
// (Model.globalKey), and it replaces the whole view (Model.View).
type errorScreen struct{}

func (errorScreen) name() string                        { return "error" }
func (errorScreen) update(*Model, tea.Msg) tea.Cmd      { return nil }
func (errorScreen) typing(*Model) bool                  { return false }
func (errorScreen) resize(*Model) tea.Cmd               { return nil }
func (errorScreen) view(m *Model) (string, help.KeyMap) { return m.errorView(), formKeys{} }
