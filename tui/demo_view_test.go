package tui

import (
	"github.com/bascule-cli/bascule/checklist"
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

// TestDemoFinishBeforeRequestSaysWhatToDo: "4" on the demo screen before
// any migration request was sent says to send it first, in the user's
// words; it used to show the simulated platform's Go method name
// ("sandbox.FinishMigration : aucune demande de migration").
func TestDemoFinishBeforeRequestSaysWhatToDo(t *testing.T) {
	for _, tc := range []struct {
		lang checklist.Lang
		want string
	}{
		{checklist.French, "aucune demande de migration envoyée : envoyez-la d'abord (d)"},
		{checklist.English, "no migration request sent: send it first (d)"},
	} {
		e := newSandboxEnv(t, 3)
		e.opts.Lang = tc.lang
		d := newDriver(t, e.opts, 100, 30)
		d.key("D", "4")
		d.mustSee(tc.want)
		d.mustNotSee("sandbox.", "FinishMigration")
	}
}
