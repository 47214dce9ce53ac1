package accessible

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
)

// fakeTeam is a team's store in memory: fixed portfolios and audit.
type fakeTeam struct {
	ps     []checklist.Portfolio
	events []checklist.Event
}

func (f *fakeTeam) Portfolios(string) ([]checklist.Portfolio, error) { return slices.Clone(f.ps), nil }

func (f *fakeTeam) AssignPortfolio(string, string, []string, string) (checklist.Portfolio, error) {
	return checklist.Portfolio{}, fmt.Errorf("lecture seule")
}

func (f *fakeTeam) Events(_ string, since time.Time) ([]checklist.Event, error) {
	var out []checklist.Event
	for _, e := range f.events {
		if !e.At.Before(since) {
			out = append(out, e)
		}
	}
	return out, nil
}

// testTeam: Alice (admin), Claire (collaborator, two clients, two steps
// done this week), Marc (no client), Zoé (a company's user).
func testTeam() *fakeTeam {
	step := func(days int, client, step string) checklist.Event {
		return checklist.Event{At: testNow.AddDate(0, 0, -days), Who: "Claire", Action: checklist.ActionStep,
			Ref: checklist.Ref{Client: client, Step: step}, From: "todo", To: "done"}
	}
	return &fakeTeam{
		ps: []checklist.Portfolio{
			{Person: "Alice", Role: "admin"},
			{Person: "Claire", Role: "collaborateur", Clients: []string{"c01", "c02"}},
			{Person: "Marc", Role: "collaborateur"},
			{Person: "Zoé", Role: "entreprise", Clients: []string{"c05"}},
		},
		events: []checklist.Event{step(0, "c01", checklist.StepClientArticles), step(1, "c02", checklist.StepClientArticles)},
	}
}

var menuLine = regexp.MustCompile(`(?m)^(\d+)\. (.*)$`)

// mainMenu is the main menu's entries as the user reads them, from the
// first menu printed.
func mainMenu(out string) []string {
	_, rest, _ := strings.Cut(out, "Sur quoi travailler ?")
	if rest == "" {
		_, rest, _ = strings.Cut(out, "What to work on?")
	}
	rest, _, _ = strings.Cut(rest, "Votre choix")
	rest, _, _ = strings.Cut(rest, "Your choice")
	var labels []string
	for _, m := range menuLine.FindAllStringSubmatch(rest, -1) {
		labels = append(labels, m[2])
	}
	return labels
}

// With a team, the main menu's last entry reads out each person's figures,
// the same as checklist.Run.TeamFigures computes them (the team screen's
// and status's); the other entries keep their numbers; a company's user
// and a workspace without a team do not get it.
func TestAccessibleTeamFigures(t *testing.T) {
	path, ws := openTestStore(t)
	team := testTeam()
	opts := func(member string, ft *fakeTeam, lang checklist.Lang) func(db *store.DB) Options {
		return func(db *store.DB) Options {
			o := Options{Store: db, Secrets: db, Workspace: &ws, Member: member, Lang: lang}
			if ft != nil {
				o.Team = ft
			}
			return o
		}
	}
	without := mainMenu(runOpts(t, path, opts("", nil, checklist.French), "q", "o"))
	with := mainMenu(runOpts(t, path, opts("Alice", team, checklist.French), "q", "o"))
	if len(with) != len(without)+1 || !slices.Equal(with[:len(without)], without) ||
		with[len(with)-1] != "Avancement de l'équipe (par personne, fin estimée)" {
		t.Fatalf("menu without a team %q, with one %q", without, with)
	}
	entry := fmt.Sprint(len(with))

	// The figures expected, by checklist's one rule on the stored run.
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	run, err := db.LoadRun(ws.ID, checklist.Default())
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang  checklist.Lang
		want  []string
		claim string
	}{
		{checklist.French, []string{"Équipe (travail ouvert, estimations de bascule) :", "Alice (admin), vous : 0/0 client fini, aucun client",
			"Claire (collaborateur) : 0/2 clients finis, reste ≈", "Marc (collaborateur) : 0/0 client fini, aucun client",
			"Non affectés : 0/28 clients finis, reste ≈", "Cabinet (tous) : 0/30 clients finis"}, "Estimation de bascule (sa méthode, pas le guide)"},
		{checklist.English, []string{"Team (open work, bascule's estimates):", "Alice (admin), you: 0/0 clients finished, no client",
			"Claire (collaborateur): 0/2 clients finished, left ≈", "Unassigned: 0/28 clients finished", "Firm (everyone): 0/30 clients finished"},
			"bascule's estimate (its own method, not the guide's)"},
	} {
		out := runOpts(t, path, opts("Alice", team, tc.lang), entry, "q", "o")
		f := run.TeamFigures(team.ps, team.events, ws.CreatedAt, testNow, checklist.WorkCalendar())
		mustContain(t, out, append(tc.want, tc.claim, f.People[1].Finish.Text(tc.lang), f.Cabinet.Finish.Text(tc.lang))...)
	}

	// A company's user: no team entry.
	for _, l := range mainMenu(runOpts(t, path, opts("Zoé", team, checklist.French), "q", "o")) {
		if strings.Contains(l, "équipe") {
			t.Fatalf("a company's user is offered %q", l)
		}
	}
	// A team store without a team: no entry either.
	if got := mainMenu(runOpts(t, path, opts("", &fakeTeam{}, checklist.French), "q", "o")); !slices.Equal(got, without) {
		t.Fatalf("menu with an empty team %q, want %q", got, without)
	}
}
