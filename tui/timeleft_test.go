package tui

import (
	"testing"

	"github.com/bascule-cli/bascule/checklist"
)

// While the answer to the request is awaited the dashboard said "reste ≈
// 0 min"; it shows the wait and its estimated date (issue 15, point 6).
func TestDashboardShowsTheAnswerWait(t *testing.T) {
	env := newTestEnv(5)
	run := env.opts.Run
	run.Request.SubmittedAt = testNow
	for _, id := range []string{"request.notify_clients", "request.client_checks", "request.submit"} {
		if err := run.SetStatus(checklist.Ref{Step: id}, checklist.StatusDone); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriver(t, env.opts, 120, 40)
	d.mustSee("attente de la réponse, estimée le 17/03/2026 à 11:14")
	d.mustNotSee("≈ 0 min")
}

// A large firm reads its workload in working days beside the hours.
func TestDashboardLargeWorkloadInDays(t *testing.T) {
	env := newTestEnv(3000)
	d := newDriver(t, env.opts, 120, 40)
	d.mustSee("reste ≈ 625 h, soit ≈ 78 j de travail (8 h)")
	// Thousands are separated by a narrow no-break space (point 14).
	d.mustSee("Clients (3\u202f000)")
}

// A client's screen says what that client still needs in the phase, and
// it follows the ticks (point 6: time left per client and per phase).
func TestClientStepsShowTheirTimeLeft(t *testing.T) {
	env := newTestEnv(3)
	d := newDriver(t, env.opts, 100, 30)
	d.key("enter")
	d.mustSee("0/7 faites · reste ≈ 20 min")
	d.key("down", " ")
	d.mustSee("1/7 faite · reste ≈ 18 min")
}
