package accessible

import (
	"testing"
	"time"

	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui"
)

// Times read out are Paris time and say so, whatever the machine's zone
// (issue 15, point 12): the check at 10:14 UTC reads "11:14 (heure de Paris)".
func TestAccessibleTimesAreParisTime(t *testing.T) {
	path, ws := openTestStore(t)
	opts := func(db *store.DB) Options {
		return Options{Store: db, Secrets: db, Workspace: &ws, Ports: tui.Ports{V1: fakeV1{purchases: 3}},
			Now: func() time.Time { return testNow }}
	}
	out := runOpts(t, path, opts, "6", "lefev", "1", "1", "1", "", "", "q")
	mustContain(t, out, "Vérifié sur V1 le 12/03/2026 à 11:14 (heure de Paris) : à reprendre.")
}
