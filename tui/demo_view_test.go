package tui

import (
	"strings"
	"testing"
)

// TestDemoScreenKeepsItsMargin: the demo screen's description, wrapped at
// 80 columns, keeps the one-space margin of the screen on every line; its
// second line used to start at the terminal's edge.
func TestDemoScreenKeepsItsMargin(t *testing.T) {
	e := newSandboxEnv(t, 3)
	d := newDriver(t, e.opts, 80, 24)
	d.key("D")
	d.mustSee("Démo : jouer l'utilisateur")
	for _, l := range strings.Split(d.view(), "\n") {
		if strings.Contains(l, "vérifications.") && !strings.HasPrefix(l, " ") {
			t.Fatalf("the description's line %q has no margin:\n%s", l, d.view())
		}
	}
	if !strings.Contains(d.view(), "vérifications.") {
		t.Fatalf("the description's end is not on the screen:\n%s", d.view())
	}
}
