package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestRolesListShowsEveryOption: the roles of a client's user (a
// multi-choice field with a description over several lines) show all three
// of the guide's roles at once, at every size, so that a ticked role stays
// in sight while another is chosen. The field's height counted only the
// options, and huh took the title and description out of it: one role
// showed at a time.
func TestRolesListShowsEveryOption(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}} {
		env := newTestEnv(5)
		d := newDriver(t, env.opts, size[0], size[1])
		d.key("enter", "down", "down", "down", "enter") // the first client's users
		d.typeText("Jean Dupont")
		d.key("enter")
		d.typeText("jean@exemple.fr")
		d.key("enter")
		d.mustSee("Gestionnaire", "Visualisation", "Services de paiement")
		d.key(" ", "down", "down")
		d.mustSee("[•] Gestionnaire", "Services de paiement")
		d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
		d.mustSee("[•] Gestionnaire", "Visualisation", "Services de paiement")
	}
}
