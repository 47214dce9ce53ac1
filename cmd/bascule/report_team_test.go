package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// The report names the team's people with the figures status shows (issue
// 16: "the session view and reports name people"), and says nothing of a
// team the workspace does not have.
func TestReportNamesTheTeam(t *testing.T) {
	h := newHarness(t)
	for _, f := range []string{"md", "html", "csv", "json"} {
		if out := h.want(0, "report", "--format", f, "--demo-clients", "5").stdout; strings.Contains(out, "Équipe") || strings.Contains(out, `"team"`) {
			t.Fatalf("%s report without a team speaks of one", f)
		}
	}
	_, pub := newKey(t, t.TempDir(), "claire")
	h.want(0, "team", "add", "Claire", "--key", pub, "--role", "collaborateur", "--client", "cli-00001", "--client", "cli-00002", "--demo")
	h.want(0, "step", "set", "cabinet", "preparation.cabinet.collaborators", "--status", "done", "--demo")
	status := h.want(0, "status", "--demo").stdout
	md := h.want(0, "report", "--format", "md", "--demo").stdout
	for _, want := range []string{"## Équipe (travail ouvert, estimations de bascule)", "| Claire | collaborateur | 0/2 |",
		"| Non affectés |", "| Cabinet (tous) |", "Estimation de bascule (sa méthode, pas le guide)"} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}
	if !strings.Contains(md, " | Claire |\n") {
		t.Errorf("the clients' table does not name Claire as in charge:\n%s", md)
	}
	// The estimates are status's own words.
	found := false
	for _, line := range strings.Split(status, "\n") {
		if strings.Contains(line, "Claire (collaborateur)") {
			found = true
			fields := strings.Split(line, "  ")
			finish := strings.TrimSpace(fields[len(fields)-1])
			if !strings.Contains(md, "| "+finish+" |") {
				t.Errorf("status says %q for Claire, the report does not:\n%s", finish, md)
			}
		}
	}
	if !found {
		t.Fatalf("status names no Claire:\n%s", status)
	}
	var doc struct {
		Team struct {
			People []struct {
				Person  string `json:"person"`
				Clients int    `json:"clients"`
			} `json:"people"`
		} `json:"team"`
	}
	if err := json.Unmarshal([]byte(h.want(0, "report", "--format", "json", "--demo").stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if p := doc.Team.People; len(p) != 1 || p[0].Person != "Claire" || p[0].Clients != 2 {
		t.Errorf("JSON team: %+v", p)
	}
}
