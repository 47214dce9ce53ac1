package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestKeysReadTogetherAreEachHandled: keys typed faster than the program
// reads them come as one message ("xm": Bubble Tea reports the printable
// runes of one read together). Outside text input each is a key of its own;
// a paste is never taken for keys; in a text input the runes are text.
func TestKeysReadTogetherAreEachHandled(t *testing.T) {
	burst := func(s string, paste bool) tea.KeyMsg {
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: paste}
	}
	t.Run("keys", func(t *testing.T) {
		d := newDriver(t, newTestEnv(5).opts, 100, 30)
		d.send(burst("xm", false)) // mark the client under the cursor, then mark many
		if d.m.Screen() != "bulk" || d.m.dash.nMarked != 1 {
			t.Fatalf("\"xm\" read together: screen %s, %d marked; want bulk, 1", d.m.Screen(), d.m.dash.nMarked)
		}
	})
	t.Run("paste", func(t *testing.T) {
		d := newDriver(t, newTestEnv(5).opts, 100, 30)
		d.send(burst("xq", true))
		if d.m.Screen() != "dashboard" || d.m.dash.nMarked != 0 {
			t.Fatalf("a pasted \"xq\" acted: screen %s, %d marked", d.m.Screen(), d.m.dash.nMarked)
		}
	})
	t.Run("text", func(t *testing.T) {
		d := newDriver(t, newTestEnv(40).opts, 100, 30)
		d.key("/")
		d.send(burst("lef", false))
		d.mustSee("Clients (10/40)", "/lef▏")
	})
}
