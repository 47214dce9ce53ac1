package tui

import (
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
)

// reconCursorTo moves the reconciliation's cursor to the step titled title.
func reconCursorTo(t *testing.T, d *driver, title string) {
	t.Helper()
	for range 20 {
		for _, l := range strings.Split(d.view(), "\n") {
			if strings.Contains(l, "▸") && strings.Contains(l, title) {
				return
			}
		}
		d.key("down")
	}
	t.Fatalf("no step %q under the cursor:\n%s", title, d.view())
}

// TestReconciliationFillsAStepsCapture: a reconciliation step with a form
// (the subscription the client chose) is filled in from the
// reconciliation screen with "s"; the choice is saved and the plan shows
// it, and the step is not ticked by it (subscribing on V2 is the job's).
// The screen had no way to it, while its message asked to "note the
// choice in the step's form".
func TestReconciliationFillsAStepsCapture(t *testing.T) {
	env := migratedEnv()
	d := newDriver(t, env.opts, 120, 40)
	d.key("r")
	reconCursorTo(t, d, "Choisir le nouvel abonnement")
	d.mustSee("s saisir")
	d.key("s")
	d.mustSee("Abonnement choisi par le client")
	d.typeText("Pro")
	d.key("enter")
	d.typeText("Essentiel")
	d.key("enter")
	if d.m.Screen() != "reconciliation" {
		t.Fatalf("screen %s after the form", d.m.Screen())
	}
	d.mustSee("choix du client : Essentiel")
	c := d.m.run.Clients[d.m.migState().recon.client].ID
	st := env.store.state(refOf("reconciliation.client.subscription", c))
	if st.Capture == nil || st.Capture.Items[0]["chosen"] != "Essentiel" || st.Status == checklist.StatusDone {
		t.Fatalf("stored %+v", st)
	}
	// A step without a form offers no "s".
	reconCursorTo(t, d, "Archiver les relevés")
	d.mustNotSee("s saisir")
}
