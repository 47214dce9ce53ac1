package session

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
)

// eventLog collects what a handle's watch receives.
type eventLog struct {
	mu  sync.Mutex
	evs []Event
}

func watchLog(t *testing.T, h *Engine) *eventLog {
	t.Helper()
	l := &eventLog{}
	t.Cleanup(h.Watch(func(ev Event) {
		l.mu.Lock()
		l.evs = append(l.evs, ev)
		l.mu.Unlock()
	}))
	return l
}

func (l *eventLog) team() []Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []Event
	for _, ev := range l.evs {
		if ev.Kind == KindTeam {
			out = append(out, ev)
		}
	}
	return out
}

func teamHandles(t *testing.T, names ...string) (*Engine, *fakeTeam, []*Engine) {
	t.Helper()
	owner, ft := teamEngine(t, "")
	ft.ps = append(ft.ps, checklist.Portfolio{Person: "Zoé", Role: "entreprise", Clients: []string{"c00003"}})
	hs := make([]*Engine, len(names))
	for i, n := range names {
		h, err := owner.AsTeamMember(n)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(h.Close)
		hs[i] = h
	}
	return owner, ft, hs
}

// An admin's assignment reaches the collaborator's handle at once: his
// member, his rules and an event naming him, without a new handle.
func TestAssignmentReachesTheOtherHandle(t *testing.T) {
	_, _, hs := teamHandles(t, "Alice", "Claire", "Marc")
	alice, claire, marc := hs[0], hs[1], hs[2]
	seen := watchLog(t, claire)
	if err := apply(claire, logo("c00002")); err == nil {
		t.Fatal("c00002 is not Claire's yet")
	}
	if _, err := alice.AssignPortfolio("Claire", []string{"c00002"}); err != nil {
		t.Fatal(err)
	}
	if m, _ := claire.Member(); !slices.Equal(m.Clients, []string{"c00000", "c00001", "c00002"}) {
		t.Fatalf("Claire's portfolio on her handle: %v", m.Clients)
	}
	if err := apply(claire, logo("c00002")); err != nil {
		t.Fatalf("Claire on her new client: %v", err)
	}
	evs := seen.team()
	if len(evs) != 1 || evs[0].Who != "Alice" || evs[0].Detail != TeamAssigned || !slices.Contains(evs[0].People, "Claire") {
		t.Fatalf("Claire's team events: %+v", evs)
	}
	// A client taken from Claire for Marc: her handle loses it, his gains it.
	if _, err := alice.AssignPortfolio("Marc", []string{"c00000"}); err != nil {
		t.Fatal(err)
	}
	if err := apply(claire, logo("c00000")); err == nil {
		t.Error("Claire still changes a client given to Marc")
	}
	if err := apply(marc, logo("c00000")); err != nil {
		t.Errorf("Marc on his new client: %v", err)
	}
	if evs := seen.team(); len(evs) != 2 || !slices.Equal(evs[1].People, []string{"Claire", "Marc"}) {
		t.Errorf("the second event: %+v", evs)
	}
}

// A member removed through the engine loses access on his open handle:
// his next intent is refused in French, and his session is told.
func TestRemovedMemberLosesAccess(t *testing.T) {
	_, ft, hs := teamHandles(t, "Alice", "Claire")
	alice, claire := hs[0], hs[1]
	seen := watchLog(t, claire)
	remove := func(by string) error {
		ft.mu.Lock()
		defer ft.mu.Unlock()
		ft.ps = slices.DeleteFunc(ft.ps, func(p checklist.Portfolio) bool { return p.Person == "Claire" })
		ft.audit = append(ft.audit, by+": remove Claire")
		return nil
	}
	if err := alice.ChangeTeam(remove); err != nil {
		t.Fatal(err)
	}
	var ce *checklist.Error
	err := apply(claire, logo("c00001"))
	if !errors.As(err, &ce) || ce.Code != "not_member" ||
		ce.In(checklist.French) != "Claire ne fait plus partie de l'équipe : demandez à un administrateur de vous y remettre" {
		t.Fatalf("Claire after her removal: %v", err)
	}
	if n := len(claire.Snapshot().Clients); n != 0 {
		t.Errorf("Claire still reads %d dossiers", n)
	}
	if evs := seen.team(); len(evs) != 1 || evs[0].Detail != TeamChanged || !slices.Equal(evs[0].People, []string{"Claire"}) {
		t.Errorf("Claire was not told: %+v", evs)
	}
	if !slices.Equal(ft.audit, []string{"Alice: remove Claire"}) {
		t.Errorf("audit %v", ft.audit)
	}
}

// Only who may administer changes the team; a refused change is not run
// and tells no one.
func TestChangeTeamWhoMay(t *testing.T) {
	owner, _, hs := teamHandles(t, "Claire", "Zoé", "Alice")
	alice := watchLog(t, hs[2])
	for _, h := range []*Engine{hs[0], hs[1]} {
		ran := false
		err := h.ChangeTeam(func(string) error { ran = true; return nil })
		var ce *checklist.Error
		if !errors.As(err, &ce) || ce.Code != "role_refused" || ran {
			t.Errorf("%s: %v (ran %v)", h.Operator(), err, ran)
		}
	}
	if len(alice.team()) != 0 {
		t.Errorf("a refused change was published: %+v", alice.team())
	}
	var by string
	if err := owner.ChangeTeam(func(b string) error { by = b; return nil }); err != nil || by != "C. Martin" {
		t.Errorf("the owner: %v, by %q", err, by)
	}
	if len(alice.team()) != 1 {
		t.Errorf("Alice did not see the owner's change: %+v", alice.team())
	}
}

// A company's user hears of a team change only when it is about him.
func TestCompanyUserHearsOnlyHisTeamChanges(t *testing.T) {
	_, ft, hs := teamHandles(t, "Alice", "Zoé")
	alice, zoe := hs[0], hs[1]
	seen := watchLog(t, zoe)
	if _, err := alice.AssignPortfolio("Marc", []string{"c00001"}); err != nil {
		t.Fatal(err)
	}
	if evs := seen.team(); len(evs) != 0 {
		t.Fatalf("Zoé heard of Marc's portfolio: %+v", evs)
	}
	err := alice.ChangeTeam(func(string) error {
		ft.mu.Lock()
		defer ft.mu.Unlock()
		i := slices.IndexFunc(ft.ps, func(p checklist.Portfolio) bool { return p.Person == "Zoé" })
		ft.ps[i].Clients = []string{"c00002", "c00003"}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if evs := seen.team(); len(evs) != 1 {
		t.Fatalf("Zoé was not told of her own dossiers: %+v", evs)
	}
	if got := zoe.Snapshot(); len(got.Clients) != 2 || got.Clients[0].ID != "c00002" {
		t.Errorf("Zoé's dossiers: %+v", got.Clients)
	}
}

// TestRefreshIsAnAdmins: the client list is the cabinet's; a collaborator's
// handle is refused before V1 is asked, the owner's handle may refresh.
func TestRefreshIsAnAdmins(t *testing.T) {
	eng, _, hs := teamHandles(t, "Claire")
	claire := hs[0]
	if err := claire.MayRefresh(); err == nil {
		t.Fatal("a collaborator may refresh the cabinet's client list")
	}
	if _, err := claire.Refresh(context.Background()); err == nil {
		t.Fatal("Refresh ran for a collaborator")
	}
	if err := eng.MayRefresh(); err != nil {
		t.Fatalf("the owner may not refresh: %v", err)
	}
}
