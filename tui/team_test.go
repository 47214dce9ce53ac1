package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/session"
)

// fakeTeam is the team's store in memory: the store's rule (clients move
// between the cabinet's people, never to a company user) and a fixed audit.
type fakeTeam struct {
	mu     sync.Mutex
	ps     []checklist.Portfolio
	events []checklist.Event
	by     []string // who made each assignment
	reads  int      // Portfolios calls: Update must make none
}

func (f *fakeTeam) Portfolios(string) ([]checklist.Portfolio, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads++
	out := make([]checklist.Portfolio, len(f.ps))
	for i, p := range f.ps {
		p.Clients = slices.Clone(p.Clients)
		out[i] = p
	}
	return out, nil
}

func (f *fakeTeam) AssignPortfolio(_, person string, clients []string, by string) (checklist.Portfolio, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	i := slices.IndexFunc(f.ps, func(p checklist.Portfolio) bool { return p.Person == person })
	if i < 0 || f.ps[i].Role == "entreprise" {
		return checklist.Portfolio{}, errors.New("membre inconnu")
	}
	for j := range f.ps {
		if f.ps[j].Role != "entreprise" {
			f.ps[j].Clients = slices.DeleteFunc(f.ps[j].Clients, func(id string) bool { return slices.Contains(clients, id) })
		}
	}
	f.ps[i].Clients = append(f.ps[i].Clients, clients...)
	slices.Sort(f.ps[i].Clients)
	f.by = append(f.by, by)
	return f.ps[i], nil
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

// teamEnv is a 40-client cabinet with a team: Alice (admin), Claire
// (collaborator, two clients), Marc (collaborator), Zoé (a company's
// user); the program runs as member (as bascule serve does: the operator
// is the member).
func teamEnv(member string) (*testEnv, *fakeTeam) {
	env := newTestEnv(40)
	ft := &fakeTeam{ps: []checklist.Portfolio{
		{Person: "Alice", Role: "admin"},
		{Person: "Claire", Role: "collaborateur", Clients: []string{"c00001", "c00003"}},
		{Person: "Marc", Role: "collaborateur"},
		{Person: "Zoé", Role: "entreprise", Clients: []string{"c00005"}},
	}}
	env.opts.Team = ft
	if member != "" {
		env.opts.Workspace.Operator = member
		servedAs(env, ft, member)
	}
	return env, ft
}

// servedAs gives the program a person's handle on the workspace's engine,
// as bascule serve does: the program acts as that member.
func servedAs(env *testEnv, ft *fakeTeam, member string) *session.Engine {
	eng, err := session.Open(session.Config{Workspace: env.opts.Workspace.ID, Cabinet: testCabinet, Operator: "C. Martin",
		Store: env.store, Guide: env.opts.Guide, Run: session.CloneRun(env.opts.Run), Now: env.opts.Now})
	if err != nil {
		panic(err)
	}
	eng.SetTeam(ft)
	h, err := eng.AsTeamMember(member)
	if err != nil {
		panic(err)
	}
	env.opts.Engine, env.opts.Run = h, h.Snapshot()
	return eng
}

func TestAssignMarkedClientsAsAdmin(t *testing.T) {
	env, ft := teamEnv("Alice")
	d := newDriver(t, env.opts, 100, 30)
	first, second := d.m.dash.ix.filtered[0], d.m.dash.ix.filtered[1]
	d.key(" ", " ", "p")
	d.mustSee("Affecter 2 clients sélectionnés au portefeuille de :", "Alice", "Claire", "Marc", "collaborateur")
	d.mustNotSee("Zoé")
	d.key("down", "down", "enter")
	d.mustSee("2 clients affectés à Marc · son portefeuille : 2 clients", "Clients (40)")
	if d.m.Screen() != "dashboard" || d.m.dash.nMarked != 0 {
		t.Fatalf("after the assignment: screen %s, %d marked", d.m.Screen(), d.m.dash.nMarked)
	}
	ps, _ := ft.Portfolios("")
	want := []string{env.opts.Run.Clients[first].ID, env.opts.Run.Clients[second].ID}
	slices.Sort(want)
	if !slices.Equal(ps[2].Clients, want) || !slices.Equal(ft.by, []string{"Alice"}) {
		t.Fatalf("Marc's portfolio %v (want %v), assigned by %v", ps[2].Clients, want, ft.by)
	}
}

func TestAssignRefusedToACollaborator(t *testing.T) {
	env, ft := teamEnv("Claire")
	d := newDriver(t, env.opts, 100, 30)
	d.key(" ", "p")
	d.mustSee("Seul un administrateur de l'équipe affecte les portefeuilles.")
	if d.m.Screen() != "dashboard" || len(ft.by) != 0 {
		t.Fatalf("screen %s, assignments %v", d.m.Screen(), ft.by)
	}
}

func TestAssignNeedsMarkedClientsAndEscGoesBack(t *testing.T) {
	env, ft := teamEnv("")
	d := newDriver(t, env.opts, 100, 30)
	d.key("p")
	d.mustSee("Sélectionnez d'abord des clients (espace ou x), puis p pour les affecter.")
	d.key("x", "p") // the local owner of the database may assign
	d.mustSee("Affecter 1 client sélectionné au portefeuille de :")
	d.key("esc")
	if d.m.Screen() != "dashboard" || d.m.dash.nMarked != 1 || len(ft.by) != 0 {
		t.Fatalf("esc: screen %s, %d marked, %v", d.m.Screen(), d.m.dash.nMarked, ft.by)
	}
}

func TestMesDossiersShowsOnlyMyPortfolio(t *testing.T) {
	env, _ := teamEnv("Claire")
	d := newDriver(t, env.opts, 100, 30)
	run := env.opts.Run
	mine := []string{run.Clients[1].Name, run.Clients[3].Name}
	other := run.Clients[0].Name
	d.mustSee("M mes dossiers", other)
	d.key("M")
	d.mustSee("Clients (2/40) · mes dossiers", mine[0], mine[1], "Mes dossiers : 0/2 clients finis · reste ≈")
	d.mustNotSee(other)
	// The filter narrows within my dossiers.
	d.key("/")
	d.typeText(strings.Fields(mine[0])[0])
	d.key("enter")
	d.mustSee(mine[0])
	d.mustNotSee(other)
	d.key("esc", "M")
	d.mustSee("Clients (40)", other, "Tous les clients")
}

func TestNoTeamNoTeamKeys(t *testing.T) {
	env := newTestEnv(40)
	d := newDriver(t, env.opts, 100, 30)
	before := d.view()
	d.key("M", "p", "e")
	if d.view() != before || d.m.Screen() != "dashboard" {
		t.Fatalf("team keys acted without a team:\n%s", d.view())
	}
	d.key("?")
	d.mustNotSee("mes dossiers", "équipe")
	// A local session with a team, whose operator is not a member: no
	// "mes dossiers", but the team screen and the assignment are there.
	env2, _ := teamEnv("")
	d2 := newDriver(t, env2.opts, 100, 30)
	d2.mustNotSee("mes dossiers")
	d2.key("?")
	d2.mustSee("p affecter au portefeuille de…", "e équipe : avancement, fin estimée")
}

// teamAudit is Claire's work of the week before testNow (Thursday 12
// March 2026): 6 steps done from Monday, one undone; Marc nothing.
func teamAudit() []checklist.Event {
	day := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, time.UTC) }
	ev := func(at time.Time, who, from, to string) checklist.Event {
		return checklist.Event{At: at, Who: who, Action: checklist.ActionStep, From: from, To: to}
	}
	return []checklist.Event{
		ev(day(9, 9), "Claire", "todo", "done"), ev(day(9, 10), "Claire", "todo", "done"),
		ev(day(10, 9), "Claire", "todo", "done"), ev(day(10, 10), "Claire", "todo", "not_applicable"),
		ev(day(11, 9), "Claire", "todo", "done"), ev(day(12, 9), "Claire", "in_progress", "done"),
		ev(day(12, 9), "Claire", "done", "todo"),
	}
}

func TestTeamScreenPerPersonAndCabinet(t *testing.T) {
	env, ft := teamEnv("Claire")
	ft.events = teamAudit()
	d := newDriver(t, env.opts, 120, 40)
	d.key("e")
	// Claire: 5 net steps over the days since the window's start (Friday 6
	// to Thursday 12: five working days) = 1 a day.
	d.mustSee("Équipe : avancement par personne", "Travail ouvert avant la migration",
		"Claire (vous)", "collaborateur", "0/2", "1/jour", "Marc", "pas de rythme", "Non affectés", "0/38",
		"Cabinet (tous)", "0/40", "Cabinet : reste ≈ 8 h 30 + 8 étapes non chiffrées ; fin estimée le ", "(236 jours ouvrés au rythme de 1",
		"Estimation de bascule (sa méthode, pas le guide)", "5 derniers jours", "Alice", "aucun client")
	d.mustNotSee("Zoé (vous)")
	d.key("esc")
	if d.m.Screen() != "dashboard" {
		t.Fatalf("esc: %s", d.m.Screen())
	}
}

func TestTeamScreenEnglishAndNoPace(t *testing.T) {
	env, _ := teamEnv("Alice")
	env.opts.Lang = checklist.English
	d := newDriver(t, env.opts, 80, 24)
	d.key("e")
	d.mustSee("Team: progress per person", "Alice (you)", "no pace yet", "Firm: left ≈", "no pace yet: no step done",
		"bascule's estimate")
	d.key("esc", "M")
	d.mustSee("Clients (0/40) · my dossiers", "My dossiers: 0/0 clients finished")
	d.key("M", "x", "p")
	d.mustSee("Assign 1 selected client to the portfolio of:", "The change is logged under your name.")
	d.key("enter")
	d.mustSee("1 client assigned to Alice · portfolio: 1 client")
}

func TestCompanyUserHasOnlyMesDossiers(t *testing.T) {
	env, _ := teamEnv("Zoé")
	d := newDriver(t, env.opts, 100, 30)
	d.key("e", "p")
	if d.m.Screen() != "dashboard" {
		t.Fatalf("a company's user opened %s", d.m.Screen())
	}
	d.key("?")
	d.mustSee("M mes dossiers")
	d.mustNotSee("équipe : avancement", "affecter au portefeuille", "Sélectionnez d'abord")
}

// The team's screens fit each reference size, with long names and many
// people (the list says how many it leaves out); English at the smallest.
// The layout is checked on the team's screens, with the names they show
// (the guide's texts make the check slow and are not on these screens).
func TestTeamScreensFitTheirWidth(t *testing.T) {
	type run struct {
		w, h int
		lang checklist.Lang
	}
	for _, r := range []run{{80, 24, checklist.French}, {100, 30, checklist.French}, {120, 40, checklist.French}, {80, 24, checklist.English}} {
		env, ft := teamEnv("Alice")
		env.opts.Lang = r.lang
		ft.events = teamAudit()
		for i := range 30 {
			ft.ps = append(ft.ps, checklist.Portfolio{Person: "Marie-Christine de La Tour d'Auvergne " + itoa(i), Role: "collaborateur",
				Clients: []string{env.opts.Run.Clients[10+i].ID}})
		}
		d := newDriver(t, env.opts, r.w, r.h)
		var known []string // what these screens show that may be cut
		for _, p := range ft.ps {
			known = append(known, p.Person)
		}
		for _, c := range env.opts.Run.Clients {
			known = append(known, c.Name)
		}
		for _, step := range [][]string{{"M"}, {"M", " ", " ", "p"}, {"esc", "e"}, {"?"}} {
			d.key(step...)
			checkLayout(t, d, known, fmt.Sprintf("%dx%d %s, %v on %s", r.w, r.h, r.lang, step, d.m.Screen()))
		}
		if r.lang == checklist.French {
			d.mustSee(" sur 34 personnes · ↑↓ pour défiler")
		}
	}
}

// With more people than fit, ↑↓ scroll the list, within its ends.
func TestTeamScreenScrolls(t *testing.T) {
	env, ft := teamEnv("Alice")
	for i := range 30 {
		ft.ps = append(ft.ps, checklist.Portfolio{Person: fmt.Sprintf("Z%02d", i), Role: "collaborateur"})
	}
	d := newDriver(t, env.opts, 80, 24)
	d.key("e")
	room := d.m.teamRoom()
	d.mustSee("Alice (vous)", "1–"+itoa(room)+" sur 34 personnes")
	d.mustNotSee("Z29")
	for range 40 {
		d.key("down")
	}
	d.mustSee("Z29", itoa(35-room)+"–34 sur 34 personnes", "Cabinet (tous)")
	d.mustNotSee("Alice (vous)")
	for range 40 {
		d.key("up")
	}
	d.mustSee("Alice (vous)", "1–"+itoa(room)+" sur")
	if room < 3 {
		t.Fatalf("only %d people fit at 80×24", room)
	}
}

// "mes dossiers" shows the portfolio as it is when turned on, not as it
// was when the session began (an admin assigns from another session).
func TestMesDossiersReadsThePortfolioAgain(t *testing.T) {
	env, ft := teamEnv("Claire")
	d := newDriver(t, env.opts, 100, 30)
	if _, err := ft.AssignPortfolio("", "Claire", []string{"c00007"}, "Alice"); err != nil {
		t.Fatal(err)
	}
	d.key("M")
	d.mustSee("Clients (3/40) · mes dossiers", env.opts.Run.Clients[7].Name, "Mes dossiers : 0/3 clients finis")
}
