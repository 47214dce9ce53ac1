package session

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
)

// fakeTeam keeps portfolios in memory with the store's rule (clients move
// between the cabinet's people) and reads the audit of a fakeStore.
type fakeTeam struct {
	mu    sync.Mutex
	ps    []checklist.Portfolio
	audit []string // "by: person clients"
	steps *fakeStore
}

func (f *fakeTeam) Portfolios(string) ([]checklist.Portfolio, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.ps), nil
}

func (f *fakeTeam) AssignPortfolio(_, person string, clients []string, by string) (checklist.Portfolio, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	i := slices.IndexFunc(f.ps, func(p checklist.Portfolio) bool { return p.Person == person })
	if i < 0 {
		return checklist.Portfolio{}, errors.New("membre inconnu")
	}
	for j := range f.ps {
		f.ps[j].Clients = slices.DeleteFunc(slices.Clone(f.ps[j].Clients), func(id string) bool { return slices.Contains(clients, id) })
	}
	f.ps[i].Clients = append(f.ps[i].Clients, clients...)
	slices.Sort(f.ps[i].Clients)
	f.audit = append(f.audit, by+": "+person+" "+strings.Join(clients, ","))
	return f.ps[i], nil
}

func (f *fakeTeam) Events(_ string, since time.Time) ([]checklist.Event, error) {
	f.steps.mu.Lock()
	defer f.steps.mu.Unlock()
	var out []checklist.Event
	for _, e := range f.steps.events {
		if !e.At.Before(since) {
			out = append(out, e)
		}
	}
	return out, nil
}

func teamEngine(t *testing.T, member string) (*Engine, *fakeTeam) {
	t.Helper()
	st := newFakeStore(dossiers(4))
	e := open(t, st, Ports{})
	ft := &fakeTeam{steps: st, ps: []checklist.Portfolio{
		{Person: "Alice", Role: "admin"},
		{Person: "Claire", Role: "collaborateur", Clients: []string{"c00000", "c00001"}},
		{Person: "Marc", Role: "collaborateur"},
	}}
	e.SetTeam(ft)
	if member == "" {
		return e, ft
	}
	h, err := e.AsTeamMember(member)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(h.Close)
	return h, ft
}

func TestAssignPortfolioWhoMay(t *testing.T) {
	cases := []struct {
		name, member, code string
		by                 string // who the audit names
	}{
		{"the local owner", "", "", "C. Martin"},
		{"an admin", "Alice", "", "Alice"},
		{"a collaborator", "Claire", "role_refused", ""},
		{"someone removed from the team", "Bob", "not_member", ""},
	}
	for _, c := range cases {
		e, ft := teamEngine(t, c.member)
		p, err := e.AssignPortfolio("Marc", []string{"c00001", "c00003"})
		var ce *checklist.Error
		switch {
		case c.code == "" && (err != nil || !slices.Equal(p.Clients, []string{"c00001", "c00003"})):
			t.Errorf("%s: %+v, %v", c.name, p, err)
		case c.code != "" && (!errors.As(err, &ce) || ce.Code != c.code || len(ft.audit) != 0):
			t.Errorf("%s: err = %v, audit %v, want %s and nothing recorded", c.name, err, ft.audit, c.code)
		case c.code == "" && !slices.Equal(ft.audit, []string{c.by + ": Marc c00001,c00003"}):
			t.Errorf("%s: audit %v, want the person who acted", c.name, ft.audit)
		}
	}
}

func TestAssignPortfolioRefusals(t *testing.T) {
	e, ft := teamEngine(t, "Alice")
	var ce *checklist.Error
	if _, err := e.AssignPortfolio("Marc", []string{"c00001", "gone"}); !errors.As(err, &ce) || ce.Code != "unknown_client" {
		t.Errorf("unknown client: %v", err)
	}
	if _, err := e.AssignPortfolio("Marc", nil); !errors.As(err, &ce) || ce.Code != "no_client" {
		t.Errorf("no client: %v", err)
	}
	if len(ft.audit) != 0 {
		t.Errorf("a refusal was recorded: %v", ft.audit)
	}
	bare := open(t, newFakeStore(dossiers(1)), Ports{})
	if _, err := bare.AssignPortfolio("Marc", []string{"c00000"}); !errors.Is(err, ErrNoTeam) {
		t.Errorf("no team store: %v", err)
	}
	if ps, err := bare.Team(); ps != nil || err != nil {
		t.Errorf("no team store: Team = %v, %v", ps, err)
	}
}

// The figures come from the engine's run and the audit of the steps done
// through it.
func TestTeamFiguresFromTheAudit(t *testing.T) {
	e, _ := teamEngine(t, "Claire")
	st := checklist.StatusDone
	step := e.guide.ClientSideSteps()[0].ID
	for _, c := range []string{"c00000", "c00001"} {
		if _, err := e.Apply(checklist.StepChange{Ref: checklist.Ref{Step: step, Client: c}, Status: &st, By: "Claire"}); err != nil {
			t.Fatal(err)
		}
	}
	f, ps, err := e.TeamFigures(time.Time{})
	if err != nil || len(ps) != 3 || len(f.People) != 3 {
		t.Fatalf("TeamFigures: %+v, %v, %v", f, ps, err)
	}
	claire := f.People[1]
	if claire.Person != "Claire" || claire.Finish.Pace.Steps != 2 || !claire.Finish.Known || claire.Progress.Clients != 2 {
		t.Errorf("Claire: %+v", claire)
	}
	if f.Unassigned.Clients != 2 || f.Cabinet.Finish.Pace.Steps != 2 {
		t.Errorf("unassigned %+v, cabinet %+v", f.Unassigned, f.Cabinet)
	}
	bare := open(t, newFakeStore(dossiers(1)), Ports{})
	if f, ps, err := bare.TeamFigures(time.Time{}); err != nil || ps != nil || f.Cabinet.Progress.Clients != 1 {
		t.Errorf("no team: %+v, %v, %v", f, ps, err)
	}
}

// A company's user reads only his own portfolio, and not the team's
// figures.
func TestTeamClosedToACompanyUser(t *testing.T) {
	owner, ft := teamEngine(t, "")
	ft.ps = append(ft.ps, checklist.Portfolio{Person: "Zoé", Role: "entreprise", Clients: []string{"c00002"}})
	e, err := owner.AsTeamMember("Zoé")
	if err != nil {
		t.Fatal(err)
	}
	ps, err := e.Team()
	if err != nil || len(ps) != 1 || ps[0].Person != "Zoé" {
		t.Fatalf("Team = %+v, %v", ps, err)
	}
	var ce *checklist.Error
	if _, _, err := e.TeamFigures(time.Time{}); !errors.As(err, &ce) || ce.Code != "role_refused" {
		t.Fatalf("TeamFigures: %v", err)
	}
	if _, err := e.AssignPortfolio("Marc", []string{"c00002"}); !errors.As(err, &ce) || ce.Code != "role_refused" {
		t.Fatalf("AssignPortfolio: %v", err)
	}
}
