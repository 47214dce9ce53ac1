package tui

import "testing"

// teamScenes are the team's screens: the team screen (each person's
// progress and estimated finish, Claire's audit giving her a pace) and the
// assignment of two marked clients. "M mes dossiers" shows once the team is
// read, so no key is sent before it.
func teamScenes() []goldenScene {
	claire := func() *testEnv {
		env, ft := teamEnv("Claire")
		ft.events = teamAudit()
		return env
	}
	alice := func() *testEnv { env, _ := teamEnv("Alice"); return env }
	return []goldenScene{
		{"team", claire, []goldenStep{{nil, "M mes dossiers"}, {[]string{"e"}, "Cabinet (tous)"}}},
		{"assign", alice, []goldenStep{{nil, "M mes dossiers"}, {[]string{" ", " ", "p"}, "Affecter 2 clients sélectionnés"}}},
		{"mine", claire, []goldenStep{{nil, "M mes dossiers"}, {[]string{"M"}, "Clients (2/40)"}}},
	}
}

// TestTeamGolden renders the team's screens at the reference sizes.
// Update with: go test ./tui -run TestTeamGolden -update
func TestTeamGolden(t *testing.T) { runGolden(t, teamScenes()) }
