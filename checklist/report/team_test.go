package report

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/bascule-cli/bascule/checklist"
)

// The fixture's team: an admin holding c1, a collaborator holding c2 who
// joined on Monday, a collaborator with no client yet; c3 is in no
// portfolio. The report is dated Tuesday 10 March 2026.
var (
	teamCreated = time.Date(2026, 2, 20, 9, 0, 0, 0, time.UTC)
	teamPeople  = []checklist.Portfolio{
		{Person: "C. Martin", Role: "admin", Clients: []string{"c1"}, Since: teamCreated},
		{Person: "Paul Durand", Role: "collaborateur", Clients: []string{"c2"}, Since: time.Date(2026, 3, 9, 8, 0, 0, 0, time.UTC)},
		{Person: "Zoé Petit", Role: "collaborateur", Since: teamCreated},
	}
)

// teamEvents are the step changes of the pace's window, the fixture's
// ticks as the audit recorded them.
func teamEvents() []checklist.Event {
	ev := func(day, hour int, who, client, step, to string) checklist.Event {
		return checklist.Event{At: time.Date(2026, 3, day, hour, 0, 0, 0, time.UTC), Who: who, Action: checklist.ActionStep,
			Ref: checklist.Ref{Client: client, Step: step}, From: "todo", To: to}
	}
	return []checklist.Event{
		ev(9, 15, "C. Martin", "c1", "preparation.payment.external_accounts", "done"),
		ev(10, 9, "C. Martin", "", "preparation.cabinet.collaborators", "done"),
		ev(10, 9, "C. Martin", "c3", "preparation.client.numbering", "not_applicable"),
		ev(10, 10, "Paul Durand", "c2", "preparation.client.pending_invoices", "done"),
		ev(10, 11, "Paul Durand", "c2", "preparation.client.articles", "done"),
	}
}

// fixtureTeam computes the team's figures the way status does.
func fixtureTeam(run *checklist.Run, now time.Time) *checklist.TeamFigures {
	f := run.TeamFigures(teamPeople, teamEvents(), teamCreated, now, checklist.WorkCalendar())
	return &f
}

// The report's team lines are checklist.TeamFigures' figures, in words:
// nothing is counted again, and the paces are measured at the report's
// date (C. Martin: 3 steps over 5 working days; Paul Durand: 2 over the 2
// days since he joined).
func TestTeamLinesAreTeamFigures(t *testing.T) {
	for _, lang := range []checklist.Lang{checklist.French, checklist.English} {
		in := fixtureInput(t, lang, false)
		want := *in.Team
		r := Build(in)
		got := r.Team
		if got == nil || len(got.People) != len(teamPeople) {
			t.Fatalf("%s: team = %+v", lang, got)
		}
		for i, p := range want.People {
			l := got.People[i]
			if l.Person != p.Person || l.Role != p.Role || l.Clients != p.Progress.Clients ||
				l.ClientsDone != p.Progress.ClientsDone || l.StepsLeft != p.Progress.StepsLeft() ||
				l.StepsDone != p.Progress.Steps.Done || l.StepsTotal != p.Progress.Steps.Total ||
				l.Left != p.Progress.Left.Text(lang) {
				t.Errorf("%s: line %d = %+v, figures %+v", lang, i, l, p)
			}
			if p.Progress.Clients > 0 && (l.FinishText != p.Finish.Text(lang) || l.Finish == nil || *l.Finish != p.Finish) {
				t.Errorf("%s: %s's finish = %q, want %q", lang, p.Person, l.FinishText, p.Finish.Text(lang))
			}
		}
		if got.Cabinet.FinishText != want.Cabinet.Finish.Text(lang) || got.Cabinet.StepsLeft != want.Cabinet.Progress.StepsLeft() {
			t.Errorf("%s: cabinet = %+v, want %q", lang, got.Cabinet, want.Cabinet.Finish.Text(lang))
		}
		if got.Unassigned == nil || got.Unassigned.Clients != 1 || got.Unassigned.Finish != nil {
			t.Errorf("%s: unassigned = %+v, want c3 without an estimate", lang, got.Unassigned)
		}
		if got.Method != checklist.PaceMethod().In(lang) {
			t.Errorf("%s: method = %q", lang, got.Method)
		}
	}
	r := fixture(t, checklist.French, false)
	if r.Team == nil {
		t.Fatal("no team")
	}
	for i, want := range []string{"au rythme de 0,6 étape par jour ouvré", "au rythme de 1 étape par jour ouvré", "aucun client"} {
		if !strings.Contains(r.Team.People[i].FinishText, want) {
			t.Errorf("%s: finish %q lacks %q", r.Team.People[i].Person, r.Team.People[i].FinishText, want)
		}
	}
}

// Every format names the people and their estimate, labelled as bascule's
// own, when the workspace has a team; none says a word of it without one.
func TestTeamInEveryFormat(t *testing.T) {
	for _, lang := range []checklist.Lang{checklist.French, checklist.English} {
		in := fixtureInput(t, lang, false)
		r := Build(in)
		if r.Team == nil || len(r.Team.People) < 2 {
			t.Fatalf("%s: team = %+v", lang, r.Team)
		}
		finish := r.Team.People[1].FinishText // Paul Durand's
		title := r.teamTitle()
		for _, f := range []Format{Markdown, HTML, CSV, JSON} {
			out := string(render(t, f, r))
			if f == HTML {
				out = htmlText(t, out)
			}
			for _, want := range []string{"Paul Durand", "Zoé Petit", finish, r.Team.Method} {
				if f == HTML {
					want = strings.Join(strings.Fields(want), " ")
				}
				if !strings.Contains(out, want) {
					t.Errorf("%s %s lacks %q", lang, f, want)
				}
			}
			if f != JSON && !strings.Contains(out, textsOf(r.Lang).Team) {
				t.Errorf("%s %s lacks the team's section", lang, f)
			}
		}
		in.Team = nil
		r = Build(in)
		for _, f := range []Format{Markdown, HTML, CSV, JSON} {
			out := string(render(t, f, r))
			for _, absent := range []string{title, "Zoé Petit", checklist.PaceMethod().In(lang), `"team"`, textsOf(r.Lang).Team + ";"} {
				if strings.Contains(out, absent) {
					t.Errorf("%s %s without a team says %q", lang, f, absent)
				}
			}
		}
	}
}

// The JSON carries the figures for a program: the estimate with its pace,
// working days and date, flagged as an estimate.
func TestTeamJSON(t *testing.T) {
	out := render(t, JSON, fixture(t, checklist.English, false))
	var doc struct {
		Team struct {
			People []struct {
				Person    string `json:"person"`
				StepsLeft int    `json:"steps_left"`
				Finish    *struct {
					Estimate bool      `json:"estimate"`
					Known    bool      `json:"known"`
					Days     int       `json:"days"`
					At       time.Time `json:"at"`
					Pace     struct {
						Steps int `json:"steps"`
						Days  int `json:"days"`
					} `json:"pace"`
				} `json:"finish"`
			} `json:"people"`
			Method string `json:"method"`
		} `json:"team"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Team.People) < 2 {
		t.Fatalf("JSON team: %+v", doc.Team)
	}
	p := doc.Team.People[1]
	if p.Person != "Paul Durand" || p.Finish == nil || !p.Finish.Estimate || !p.Finish.Known ||
		p.Finish.Pace.Steps != 2 || p.Finish.Pace.Days != 2 || p.Finish.Days != p.StepsLeft || p.Finish.At.IsZero() {
		t.Errorf("Paul Durand in JSON = %+v", p)
	}
	if !strings.Contains(doc.Team.Method, "own method") {
		t.Errorf("method = %q", doc.Team.Method)
	}
}

// The journal names the person of each change in every format: the
// operator bound to the change, "—" when the store recorded none.
func TestJournalNamesThePerson(t *testing.T) {
	in := fixtureInput(t, checklist.French, false)
	in.Entries = append(in.Entries, Entry{At: in.Since.Add(8 * time.Minute), Client: "c3", Step: "preparation.client.articles",
		Action: "step.update", From: "todo", To: "in_progress"})
	r := Build(in)
	md := string(render(t, Markdown, r))
	csvOut := string(render(t, CSV, r))
	html := htmlText(t, string(render(t, HTML, r)))
	for _, e := range r.Audit {
		who := orDash(e.By)
		if !strings.Contains(md, "| "+who+" | "+mdText(e.Text)+" |") {
			t.Errorf("Markdown journal: %q not under %q", e.Text, who)
		}
		if !strings.Contains(html, strings.Join(strings.Fields(who+" "+e.Text), " ")) {
			t.Errorf("HTML journal: %q not under %q", e.Text, who)
		}
		if e.By != "" && !strings.Contains(csvOut, e.By+" — ") {
			t.Errorf("CSV journal lacks %q", e.By)
		}
	}
}

// htmlText is the text of an HTML page as a reader sees it, words
// separated by single spaces (cells included).
func htmlText(t *testing.T, page string) string {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	var words []string
	skip := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(words, " ")
		case html.StartTagToken:
			name, _ := z.TagName()
			skip = string(name) == "style"
		case html.EndTagToken:
			skip = false
		case html.TextToken:
			if !skip {
				words = append(words, strings.Fields(string(z.Text()))...)
			}
		}
	}
}

// Each client names the person of the cabinet who holds it: a company's
// user, who holds his own dossier, is not the cabinet's person in charge.
func TestInCharge(t *testing.T) {
	for _, tc := range []struct {
		name string
		ps   []checklist.Portfolio
		want map[string]string
	}{
		{"none", nil, map[string]string{}},
		{"collaborator", []checklist.Portfolio{{Person: "Claire", Role: "collaborateur", Clients: []string{"c1", "c2"}}},
			map[string]string{"c1": "Claire", "c2": "Claire"}},
		{"company user left out", []checklist.Portfolio{{Person: "Zoé", Role: checklist.PortfolioRoleCompany, Clients: []string{"c1"}},
			{Person: "Alice", Role: "admin", Clients: []string{"c2"}}}, map[string]string{"c2": "Alice"}},
		{"first named", []checklist.Portfolio{{Person: "Alice", Role: "admin", Clients: []string{"c1"}},
			{Person: "Claire", Role: "collaborateur", Clients: []string{"c1"}}}, map[string]string{"c1": "Alice"}},
	} {
		got := inCharge(tc.ps)
		if len(got) != len(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
		for k, v := range tc.want {
			if got[k] != v {
				t.Errorf("%s: %s held by %q, want %q", tc.name, k, got[k], v)
			}
		}
	}
}

// The fiche handed to a client names who follows it at the cabinet.
func TestFicheNamesThePersonInCharge(t *testing.T) {
	r := fixture(t, checklist.French, false)
	var b strings.Builder
	if err := WriteFiches(&b, r, []string{"c2", "c3"}); err != nil {
		t.Fatal(err)
	}
	text := htmlText(t, b.String())
	if !strings.Contains(text, "suivi par Paul Durand") || strings.Count(text, "suivi par") != 1 {
		t.Errorf("fiches of c2 (Paul Durand's) and c3 (nobody's):\n%s", text)
	}
	var doc struct {
		Clients []struct {
			ID       string `json:"id"`
			InCharge string `json:"in_charge"`
		} `json:"clients"`
	}
	if err := json.Unmarshal(render(t, JSON, r), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Clients[0].InCharge != "C. Martin" || doc.Clients[1].InCharge != "Paul Durand" || doc.Clients[2].InCharge != "" {
		t.Errorf("JSON in_charge: %+v", doc.Clients)
	}
}
