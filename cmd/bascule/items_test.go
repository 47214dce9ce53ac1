package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// The control step carries the guide's two §3.3 lists (issue 13, point 8):
// 5 items that migrate by themselves and 8 that do not, in the JSON and in
// the text listing.
func TestStepListShowsControlItems(t *testing.T) {
	h := newHarness(t)
	out := h.want(0, "step", "list", "--demo-clients", "5", "--json").stdout
	var rows []struct {
		ID    string `json:"id"`
		Items []struct {
			Title    map[string]string `json:"title"`
			Migrated bool              `json:"migrated"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("step list --json: %v", err)
	}
	migrated, not := 0, 0
	var titles []string
	for _, r := range rows {
		for _, it := range r.Items {
			if r.ID != "reconciliation.client.control" {
				t.Errorf("items under %s", r.ID)
			}
			if it.Migrated {
				migrated++
			} else {
				not++
			}
			titles = append(titles, it.Title["fr"])
		}
	}
	if migrated != 5 || not != 8 {
		t.Fatalf("items: %d migrated, %d not; want 5 and 8", migrated, not)
	}
	all := strings.Join(titles, "|")
	for _, want := range []string{"Clients et fournisseurs", "réception des factures d'achat", "Relevés de transaction"} {
		if !strings.Contains(all, want) {
			t.Errorf("no item %q in %s", want, all)
		}
	}
	text := h.want(0, "step", "list", "--demo").stdout
	if !strings.Contains(text, "Contrôle de ce qui est migré (guide §3.3)") || !strings.Contains(text, "Données non transférées automatiquement") {
		t.Errorf("text listing lacks the §3.3 lists:\n%s", text)
	}
}
