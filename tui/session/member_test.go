package session

import (
	"context"
	"sync"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
)

var (
	claire = checklist.Member{Name: "Claire", Role: checklist.TeamCollaborateur, Clients: []string{"c00001", "c00002"}}
	marc   = checklist.Member{Name: "Marc", Role: checklist.TeamCollaborateur, Clients: []string{"c00001"}}
	eric   = checklist.Member{Name: "Eric", Role: checklist.TeamEntreprise, Clients: []string{"c00003"}}
	alice  = checklist.Member{Name: "Alice", Role: checklist.TeamAdmin}
)

func logo(client string) checklist.Ref {
	return checklist.Ref{Step: checklist.StepClientLogo, Client: client}
}

func statusP(s checklist.Status) *checklist.Status { return &s }

// A person's handle refuses what his role does not allow, records what it
// allows under his name, and shows him only what he may see.
func TestHandleEnforcesTheTeamRules(t *testing.T) {
	fs := newFakeStore(dossiers(5))
	e := open(t, fs, Ports{})
	c, er, a := e.As(claire), e.As(eric), e.As(alice)
	ericEvents, cancel := er.Subscribe()
	defer cancel()

	if _, err := c.Apply(checklist.StepChange{Ref: logo("c00002"), Status: statusP(checklist.StatusInProgress), By: "someone else"}); err != nil {
		t.Fatal(err)
	}
	if st, _ := fs.StepState("ws1", logo("c00002")); st.By != "Claire" {
		t.Errorf("a collaborator's change recorded by %q", st.By)
	}
	refused := []struct {
		name string
		err  error
	}{
		{"collaborator, another client", apply(c, logo("c00004"))},
		{"collaborator, firm step", apply(c, checklist.Ref{Step: checklist.StepCabinetCollaborators})},
		{"company, another client", apply(er, logo("c00001"))},
		{"company, firm step", apply(er, checklist.Ref{Step: checklist.StepCabinetCollaborators})},
		{"collaborator, override", second(c.AddOverride("request", "urgent"))},
		{"collaborator, request record", c.SetRequest(checklist.RequestRecord{State: "pending"})},
		{"collaborator, check of another client", third(c.RunCheck(context.Background(), checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: "c00004"}))},
		{"company, reads another client", second(er.StepState(logo("c00002")))},
		{"company, reads a firm step", second(er.Status(checklist.Ref{Step: checklist.StepCabinetCollaborators}))},
	}
	for _, r := range refused {
		if r.err == nil {
			t.Errorf("%s: allowed", r.name)
		}
	}
	errs := c.ApplyBatch(context.Background(), []BatchItem{
		{Change: checklist.StepChange{Ref: logo("c00001"), Status: statusP(checklist.StatusInProgress)}},
		{Change: checklist.StepChange{Ref: logo("c00003"), Status: statusP(checklist.StatusInProgress)}},
	})
	if errs[0] != nil || errs[1] == nil {
		t.Errorf("batch across the portfolio: %v", errs)
	}
	if _, err := er.Apply(checklist.StepChange{Ref: logo("c00003"), Status: statusP(checklist.StatusInProgress)}); err != nil {
		t.Errorf("the company's own step: %v", err)
	}
	if _, err := a.Apply(checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepCabinetCollaborators}, Status: statusP(checklist.StatusInProgress)}); err != nil {
		t.Errorf("an admin's firm step: %v", err)
	}
	if snap := er.Snapshot(); len(snap.Clients) != 1 || snap.Clients[0].ID != "c00003" {
		t.Errorf("the company's snapshot holds %d clients", len(snap.Clients))
	}
	if len(e.Snapshot().Clients) != 5 || len(c.Snapshot().Clients) != 5 {
		t.Error("the owner's or a collaborator's snapshot lost clients")
	}
	// Of the four changes made (c00002, c00001, c00003, firm), the company
	// user was sent his own dossier's only.
	ev := next(t, ericEvents, 1)[0]
	if ev.Kind != KindStep || ev.Ref != logo("c00003") || ev.Who != "Eric" || ev.Session != er.Session() {
		t.Fatalf("the company user's first event: %+v", ev)
	}
	// The next one he gets is the owner's change to his dossier: nothing
	// else came between.
	if _, err := e.Apply(checklist.StepChange{Ref: logo("c00003"), Status: statusP(checklist.StatusDone)}); err != nil {
		t.Fatal(err)
	}
	if ev := next(t, ericEvents, 1)[0]; ev.Who != "C. Martin" || ev.To != checklist.StatusDone {
		t.Errorf("an event the company user may not see: %+v", ev)
	}
	for _, a := range fs.events {
		if a.Ref.Client == "c00004" || (a.Ref.Client == "c00003" && a.Who != "Eric" && a.Who != "C. Martin") {
			t.Errorf("unexpected audit event %+v", a)
		}
	}
}

func apply(e *Engine, ref checklist.Ref) error {
	_, err := e.Apply(checklist.StepChange{Ref: ref, Status: statusP(checklist.StatusInProgress)})
	return err
}

func second[T any](_ T, err error) error        { return err }
func third[T, U any](_ T, _ U, err error) error { return err }

// Two people change the same step: the later commit stands, each sees the
// other's change, and the audit keeps both.
func TestLatestWins(t *testing.T) {
	fs := newFakeStore(dossiers(3))
	e := open(t, fs, Ports{})
	c, m := e.As(claire), e.As(marc)
	cEvents, cancelC := c.Subscribe()
	defer cancelC()
	mEvents, cancelM := m.Subscribe()
	defer cancelM()
	ref := logo("c00001")
	if _, err := c.Apply(checklist.StepChange{Ref: ref, Status: statusP(checklist.StatusDone)}); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Apply(checklist.StepChange{Ref: ref, Status: statusP(checklist.StatusBlocked), Reason: "logo flou"}); err != nil {
		t.Fatal(err)
	}
	if s, _ := e.Status(ref); s != checklist.StatusBlocked {
		t.Errorf("status %v, want the later change's", s)
	}
	for name, ch := range map[string]<-chan Event{"Claire": cEvents, "Marc": mEvents} {
		evs := next(t, ch, 2)
		if evs[0].Who != "Claire" || evs[0].To != checklist.StatusDone || evs[1].Who != "Marc" ||
			evs[1].From != checklist.StatusDone || evs[1].To != checklist.StatusBlocked {
			t.Errorf("%s saw %+v", name, evs)
		}
	}
	var audit []string
	for _, a := range fs.events {
		if a.Ref == ref {
			audit = append(audit, a.Who+":"+a.To)
		}
	}
	if len(audit) != 2 || audit[0] != "Claire:"+checklist.StatusDone.String() || audit[1] != "Marc:"+checklist.StatusBlocked.String() {
		t.Errorf("audit %v", audit)
	}
}

// Many people changing one step at once: whatever the order, the status
// left is the last one published, everyone received every change in the
// same order, and the audit holds every change.
func TestLatestWinsConcurrently(t *testing.T) {
	fs := newFakeStore(dossiers(3))
	e := open(t, fs, Ports{})
	ref := logo("c00001")
	const people, each = 6, 20
	handles := make([]*Engine, people)
	subs := make([]<-chan Event, people)
	for i := range handles {
		handles[i] = e.As(checklist.Member{Name: "P" + string(rune('A'+i)), Role: checklist.TeamCollaborateur, Clients: []string{"c00001"}})
		var cancel func()
		subs[i], cancel = handles[i].Subscribe()
		defer cancel()
	}
	var wg sync.WaitGroup
	for i, h := range handles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range each {
				to := checklist.StatusInProgress
				if (i+k)%2 == 0 {
					to = checklist.StatusDone
				}
				if _, err := h.Apply(checklist.StepChange{Ref: ref, Status: &to}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	first := next(t, subs[0], people*each)
	for i := 1; i < people; i++ {
		for k, ev := range next(t, subs[i], people*each) {
			if ev.Who != first[k].Who || ev.To != first[k].To {
				t.Fatalf("subscriber %d, event %d: %+v, subscriber 0 saw %+v", i, k, ev, first[k])
			}
		}
	}
	if s, _ := e.Status(ref); s != first[len(first)-1].To {
		t.Errorf("status %v, last published %v", s, first[len(first)-1].To)
	}
	if len(fs.events) != people*each {
		t.Errorf("audit holds %d changes, want %d", len(fs.events), people*each)
	}
}

// Presence: who is connected and on which client, published to the
// others, hidden from a company user outside his dossier, gone on Close.
func TestPresence(t *testing.T) {
	e := open(t, newFakeStore(dossiers(5)), Ports{})
	c, m, er := e.As(claire), e.As(marc), e.As(eric)
	mEvents, cancel := m.Subscribe()
	defer cancel()
	cEvents, _ := c.Subscribe()
	c.Here("")
	c.Here("c00001")
	c.Here("c00001") // the same again: nothing new
	m.Here("c00001")
	er.Here("c00003")
	evs := next(t, mEvents, 4)
	if evs[0].Kind != KindPresence || evs[0].Who != "Claire" || evs[0].Ref.Client != "" ||
		evs[1].Ref.Client != "c00001" || evs[2].Who != "Marc" || evs[3].Who != "Eric" {
		t.Fatalf("presence events %+v", evs)
	}
	if got := m.Presence(); len(got) != 3 || got[0].Who != "Claire" || got[0].Client != "c00001" || got[1].Session != m.Session() {
		t.Errorf("Marc sees %+v", got)
	}
	if got := er.Presence(); len(got) != 1 || got[0].Who != "Eric" {
		t.Errorf("the company user sees %+v", got)
	}
	c.Close()
	if ev := next(t, mEvents, 1)[0]; ev.Kind != KindPresence || ev.Detail != PresenceLeft || ev.Who != "Claire" {
		t.Errorf("on leaving: %+v", ev)
	}
	for range cEvents {
		// Claire's own subscription ends with her handle (her own
		// presence events may still be queued).
	}
	if got := m.Presence(); len(got) != 2 || got[0].Who != "Marc" {
		t.Errorf("after Claire left: %+v", got)
	}
	// The engine and the others' subscriptions go on.
	if _, err := m.Apply(checklist.StepChange{Ref: logo("c00001"), Status: statusP(checklist.StatusInProgress)}); err != nil {
		t.Fatal(err)
	}
	if ev := next(t, mEvents, 1)[0]; ev.Kind != KindStep || ev.Who != "Marc" {
		t.Errorf("after Claire left, Marc saw %+v", ev)
	}
}
