package accessible

import (
	"slices"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
)

// TestRefreshEntryIsAnAdmins: over `serve`, the main menu's "refresh the
// clients" entry is offered to an admin of the team, not to a collaborator
// or a company's user: the client list is the cabinet's (as the
// portfolios are).
func TestRefreshEntryIsAnAdmins(t *testing.T) {
	path, ws := openTestStore(t)
	ws.Mode = checklist.ModeDemo
	menu := func(member string) []string {
		return mainMenu(runOpts(t, path, func(db *store.DB) Options {
			return Options{Store: db, Secrets: db, Workspace: &ws, Member: member, Team: testTeam(), Lang: checklist.French}
		}, "q", "o"))
	}
	const entry = "Actualiser les clients depuis V1"
	if !slices.Contains(menu("Alice"), entry) {
		t.Fatalf("an admin's menu lacks %q: %q", entry, menu("Alice"))
	}
	for _, member := range []string{"Claire", "Zoé"} {
		if m := menu(member); slices.Contains(m, entry) {
			t.Errorf("%s's menu offers %q: %q", member, entry, m)
		}
	}
}
