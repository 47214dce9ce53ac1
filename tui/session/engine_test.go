package session

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors/sandbox"
)

var testNow = time.Date(2026, 3, 12, 9, 14, 0, 0, time.UTC)

func dossiers(n int) []checklist.Dossier {
	ds := make([]checklist.Dossier, n)
	for i := range ds {
		ds[i] = checklist.Dossier{ID: fmt.Sprintf("c%05d", i), Name: fmt.Sprintf("Client %d", i), SIREN: "552008443", PendingInvoices: -1}
	}
	return ds
}

func open(t *testing.T, st Store, ports Ports) *Engine {
	t.Helper()
	e, err := Open(Config{Workspace: "ws1", Operator: "C. Martin", Store: st, Ports: ports, Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// next reads n events.
func next(t *testing.T, ch <-chan Event, n int) []Event {
	t.Helper()
	out := make([]Event, 0, n)
	for len(out) < n {
		ev, ok := <-ch
		if !ok {
			t.Fatalf("subscription closed after %d of %d events", len(out), n)
		}
		out = append(out, ev)
	}
	return out
}

func TestApplyPublishesAndSanitises(t *testing.T) {
	fs := newFakeStore(dossiers(2))
	e := open(t, fs, Ports{})
	events, cancel := e.Subscribe()
	defer cancel()
	ref := checklist.Ref{Step: checklist.StepClientLogo, Client: "c00000"}
	blocked := checklist.StatusBlocked
	note := "appel\x1b[31m du client\u202e"
	if _, err := e.Apply(checklist.StepChange{Ref: ref, Status: &blocked, Reason: " logo\x07 introuvable ", Note: &note}); err != nil {
		t.Fatal(err)
	}
	st, _ := fs.StepState("ws1", ref)
	if st.Reason != "logo introuvable" || st.Note != "appel du client" || st.By != "C. Martin" {
		t.Fatalf("recorded %+v, want sanitised reason and note by the operator", st)
	}
	ev := next(t, events, 1)[0]
	done := checklist.StatusDone
	if ev.Kind != KindStep || ev.Ref != ref || ev.From != checklist.StatusTodo || ev.To != checklist.StatusBlocked || ev.Who != "C. Martin" || !ev.Note {
		t.Fatalf("event %+v", ev)
	}
	if got, _ := e.Status(ref); got != checklist.StatusBlocked {
		t.Fatalf("engine's run has %s", got)
	}
	// A refused change is not written and publishes nothing.
	if _, err := e.Apply(checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepRequestSubmit}, Status: &done}); err == nil {
		t.Fatal("the request gate let the request through")
	}
	// An invalid capture cannot tick the step: refused with the field named.
	bad := checklist.Capture{Items: []checklist.Record{{"prefix": "F-", "number": "douze"}}}
	numbering := checklist.Ref{Step: checklist.StepClientNumbering, Client: "c00000"}
	_, err := e.Apply(checklist.StepChange{Ref: numbering, Capture: &bad, Status: &done})
	var ce *checklist.Error
	if !errors.As(err, &ce) || ce.Code != "capture_invalid" {
		t.Fatalf("invalid capture: %v", err)
	}
	if len(fs.events) != 1 {
		t.Fatalf("%d audit events, want 1", len(fs.events))
	}
	// An unfinished draft is kept "en cours", as the forms save it.
	draft := checklist.Capture{Items: []checklist.Record{{"prefix": "F-"}}}
	inProgress := checklist.StatusInProgress
	if _, err := e.Apply(checklist.StepChange{Ref: numbering, Capture: &draft, Status: &inProgress}); err != nil {
		t.Fatalf("a draft was refused: %v", err)
	}
	next(t, events, 1)
	// The next event is the next committed change: nothing was published
	// for the refusals.
	if _, err := e.Apply(checklist.StepChange{Ref: ref, Status: &done}); err != nil {
		t.Fatal(err)
	}
	if ev := next(t, events, 1)[0]; ev.From != checklist.StatusBlocked || ev.To != checklist.StatusDone {
		t.Fatalf("second event %+v", ev)
	}
}

func sandboxPorts(t *testing.T, n int) (*sandbox.Platform, []checklist.Dossier) {
	t.Helper()
	p := sandbox.New(sandbox.Options{Seed: 1, Clients: n, Now: func() time.Time { return testNow }})
	cab, err := p.V1().Cabinet(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var ds []checklist.Dossier
	for _, c := range cab.Clients {
		if !c.Status.Inactive() {
			ds = append(ds, checklist.Dossier{ID: c.ID, Name: c.LegalName, SIREN: c.SIREN, Payment: c.PaymentServices, PendingInvoices: -1})
		}
	}
	return p, ds
}

// RunCheck goes through checklist's one rule: a passing pending-invoice
// check ticks; the article check never does; a step set aside by a person
// keeps its status; without the port nothing is recorded.
func TestRunCheckFollowsTheRule(t *testing.T) {
	p, ds := sandboxPorts(t, 4)
	fs := newFakeStore(ds)
	e := open(t, fs, Ports{V1: p.V1(), V2: p.V2()})
	ctx := context.Background()
	c := ds[0].ID
	if err := p.AcceptPendingInvoices(c); err != nil {
		t.Fatal(err)
	}
	pend := checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: c}
	res, st, err := e.RunCheck(ctx, pend)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Evidence.OK || st.Status != checklist.StatusDone || res.Pending == nil || *res.Pending != 0 || fs.pending(c) != 0 {
		t.Fatalf("pending invoices: ok %v, status %s, pending %v/%d", res.Evidence.OK, st.Status, res.Pending, fs.pending(c))
	}
	if err := p.FixArticles(c); err != nil {
		t.Fatal(err)
	}
	art := checklist.Ref{Step: checklist.StepClientArticles, Client: c}
	res, st, err = e.RunCheck(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	// Nothing found by bascule's rules is still for a person to judge: the
	// step is started, never ticked.
	if res.Evidence.OK || st.Status != checklist.StatusInProgress || st.Evidence == nil {
		t.Fatalf("articles: ok %v, status %s, evidence %v: a person ticks this step", res.Evidence.OK, st.Status, st.Evidence)
	}
	na := checklist.StatusNotApplicable
	other := checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: ds[1].ID}
	if _, err := e.Apply(checklist.StepChange{Ref: other, Status: &na, Reason: "dossier cédé"}); err != nil {
		t.Fatal(err)
	}
	if err := p.AcceptPendingInvoices(ds[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, st, err = e.RunCheck(ctx, other); err != nil || st.Status != checklist.StatusNotApplicable || st.Evidence == nil {
		t.Fatalf("a check overwrote \"sans objet\": %s, %v", st.Status, err)
	}
	if _, _, err := e.RunCheck(ctx, checklist.Ref{Step: checklist.StepClientLogo, Client: c}); !errors.Is(err, ErrNoCheck) {
		t.Fatalf("logo: %v, want ErrNoCheck", err)
	}
	off := open(t, fs, Ports{})
	if _, _, err := off.RunCheck(ctx, checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: ds[2].ID}); !errors.Is(err, ErrNoConnector) {
		t.Fatalf("offline: %v, want ErrNoConnector", err)
	}
	if st, _ := fs.StepState("ws1", checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: ds[2].ID}); st.Evidence != nil {
		t.Fatal("a failed check recorded evidence")
	}
}

func TestApplyBatch(t *testing.T) {
	const n = 1201
	fs := newFakeStore(dossiers(n))
	e := open(t, fs, Ports{})
	events, cancel := e.Subscribe()
	defer cancel()
	items := make([]BatchItem, n)
	for i := range items {
		zero := 0
		ev := checklist.Evidence{OK: true, Source: checklist.SourceV1, At: testNow}
		items[i] = BatchItem{Change: checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: fmt.Sprintf("c%05d", i)}, Evidence: &ev},
			Settle: true, Pending: &zero}
	}
	items[7].Change.Ref.Client = "nobody" // refused; the others go on
	errs := e.ApplyBatch(context.Background(), items)
	for i, err := range errs {
		if (err != nil) != (i == 7) {
			t.Fatalf("item %d: %v", i, err)
		}
	}
	if got, _ := e.Status(checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: "c01200"}); got != checklist.StatusDone {
		t.Fatalf("last client: %s", got)
	}
	if fs.pending("c01200") != 0 {
		t.Fatal("pending count not recorded")
	}
	var progress []Event
	steps := 0
	for len(progress) < 3 {
		ev := next(t, events, 1)[0]
		switch ev.Kind {
		case KindProgress:
			progress = append(progress, ev)
		case KindStep:
			steps++
			if ev.From != checklist.StatusTodo || ev.To != checklist.StatusDone || ev.Pending == nil {
				t.Fatalf("step event %+v", ev)
			}
		}
	}
	if steps != n-1 {
		t.Fatalf("%d step events, want %d", steps, n-1)
	}
	if p := progress[2]; p.Done != n-1 || p.Failed != 1 || p.Total != n || progress[0].Done+progress[0].Failed != BatchSize {
		t.Fatalf("progress %+v", progress)
	}

	// Cancelled: nothing more is written.
	ctx, stop := context.WithCancel(context.Background())
	stop()
	todo := checklist.StatusTodo
	errs = e.ApplyBatch(ctx, []BatchItem{{Change: checklist.StepChange{Ref: items[0].Change.Ref, Status: &todo}}})
	if !errors.Is(errs[0], context.Canceled) {
		t.Fatalf("cancelled batch: %v", errs[0])
	}
	if got, _ := e.Status(items[0].Change.Ref); got != checklist.StatusDone {
		t.Fatal("a cancelled batch was written")
	}
	// A failed PutDossiers fails its batch, not the run.
	fs.failPut = true
	five := 5
	errs = e.ApplyBatch(context.Background(), []BatchItem{{Change: checklist.StepChange{Ref: items[1].Change.Ref, Status: &todo}, Pending: &five}})
	if errs[0] == nil || fs.pending(items[1].Change.Ref.Client) != 0 {
		t.Fatalf("failed counts: %v", errs[0])
	}
}

// Front ends acting at once: every change is serialised, every subscriber
// sees every event in the same order.
func TestConcurrentFrontEnds(t *testing.T) {
	const n = 40
	fs := newFakeStore(dossiers(n))
	e := open(t, fs, Ports{})
	a, cancelA := e.Subscribe()
	b, cancelB := e.Subscribe()
	defer cancelB()
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := checklist.StatusInProgress
			if _, err := e.Apply(checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepClientUsers, Client: fmt.Sprintf("c%05d", i)}, Status: &st}); err != nil {
				t.Error(err)
			}
			_ = e.Snapshot().Clients[i].Steps
		}()
	}
	wg.Wait()
	ea, eb := next(t, a, n), next(t, b, n)
	for i := range ea {
		if ea[i].Ref != eb[i].Ref {
			t.Fatalf("event %d: %s and %s", i, ea[i].Ref, eb[i].Ref)
		}
	}
	cancelA()
	cancelA()
	// A watcher sees the next change before Apply returns.
	var seen []Event
	stop := e.Watch(func(ev Event) { seen = append(seen, ev) })
	st := checklist.StatusDone
	if _, err := e.Apply(checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepClientUsers, Client: "c00000"}, Status: &st}); err != nil {
		t.Fatal(err)
	}
	stop()
	if len(seen) != 1 || seen[0].To != checklist.StatusDone {
		t.Fatalf("watcher saw %+v", seen)
	}
	if _, ok := <-a; ok {
		t.Fatal("channel still open after cancel")
	}
	snap := e.Snapshot()
	snap.Clients[0].Steps[0] = checklist.StatusBlocked
	if got, _ := e.Status(checklist.Ref{Step: snap.Guide.ClientSideSteps()[0].ID, Client: "c00000"}); got == checklist.StatusBlocked {
		t.Fatal("a snapshot shares the engine's run")
	}
}

func TestAddOverrideLetsTheGatePass(t *testing.T) {
	fs := newFakeStore(nil)
	e := open(t, fs, Ports{})
	events, cancel := e.Subscribe()
	defer cancel()
	if _, err := e.AddOverride(checklist.GateRequestReadiness, "accord\x1b[2J du client"); err != nil {
		t.Fatal(err)
	}
	if ev := next(t, events, 1)[0]; ev.Kind != KindOverride || ev.Detail != "accord du client" {
		t.Fatalf("event %+v", ev)
	}
	if _, ok := e.Snapshot().Override(checklist.GateRequestReadiness); !ok {
		t.Fatal("override not in the run")
	}
}

// The ports may arrive while a check runs (API mode opens them after the
// run is loaded): no race.
func TestSetPortsWhileChecking(t *testing.T) {
	p, ds := sandboxPorts(t, 2)
	e := open(t, newFakeStore(ds), Ports{V1: p.V1()})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		e.SetPorts(Ports{V1: p.V1(), V2: p.V2()})
	}()
	if _, _, err := e.RunCheck(context.Background(), checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: ds[0].ID}); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	if e.Ports().V2 == nil {
		t.Fatal("ports not set")
	}
}

// Close ends every subscription: the channels close, a later change reaches
// nobody, and the engine still records it.
func TestCloseEndsSubscriptions(t *testing.T) {
	fs := newFakeStore(dossiers(1))
	e := open(t, fs, Ports{})
	a, cancel := e.Subscribe()
	seen := 0
	e.Watch(func(Event) { seen++ })
	e.Close()
	cancel() // harmless after Close
	for range a {
	}
	st := checklist.StatusInProgress
	if _, err := e.Apply(checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepClientUsers, Client: "c00000"}, Status: &st}); err != nil {
		t.Fatal(err)
	}
	if seen != 0 || len(fs.events) != 1 {
		t.Fatalf("watched %d events after Close; %d recorded", seen, len(fs.events))
	}
}
