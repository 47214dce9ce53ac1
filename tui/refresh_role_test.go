package tui

import "testing"

// TestRefreshRefusedToAMemberNotAdmin: over `serve`, a collaborator or a
// company's user is told at once that the client list is an admin's to
// refresh (the engine's rule, MayRefresh); V1 is not asked (the fake V1 has no client list: asking would
// panic). A company's user used to get the engine's refusal naming another
// client's id ("le client "cli-00001" n'est pas dans le portefeuille").
func TestRefreshRefusedToAMemberNotAdmin(t *testing.T) {
	for _, member := range []string{"Claire", "Zoé"} {
		env, _ := teamEnv(member)
		d := newDriver(t, env.opts, 100, 30)
		d.key("u")
		d.mustSee("réservé aux administrateurs")
		d.mustNotSee("c0000")
	}
}
