package tui

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/session"
)

// One engine under every front end (issue 12), the full-screen part: a
// check, a status ticked by hand, a blocked gate, an override and a bulk run
// done with keys leave the
// same records and publish the same events as the same intents sent to the
// engine directly, on the same simulated platform. (The line prompts and
// the commands are compared the same way in cmd/bascule's scenario_test.go.)
func TestScenarioFullScreenAsEngine(t *testing.T) {
	const reason = "accord du client, factures traitées sur V2"

	// The reference: the intents sent to the engine.
	ref := newSandboxEnv(t, 4)
	eng, err := session.Open(session.Config{Workspace: "ws1", Cabinet: ref.opts.Workspace.Cabinet, Operator: ref.opts.Workspace.Operator,
		Store: ref.db, Ports: session.Ports{V1: ref.p.V1(), V2: ref.p.V2()}, Guide: ref.opts.Guide, Run: cloneRun(ref.opts.Run), Now: ref.opts.Now})
	if err != nil {
		t.Fatal(err)
	}
	var want []session.Event
	stop := eng.Watch(func(ev session.Event) { want = append(want, ev) })
	ctx := context.Background()
	first := ref.opts.Run.Clients[0]
	if _, _, err := eng.RunCheck(ctx, checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: first.ID}); err != nil {
		t.Fatal(err)
	}
	done := checklist.StatusDone
	if _, err := eng.Apply(checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepRequestClientChecks}, Status: &done}); err != nil {
		t.Fatal(err)
	}
	if _, err := eng.Apply(checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepRequestSubmit}, Status: &done}); err == nil {
		t.Fatal("the engine let the request through")
	}
	if _, err := eng.AddOverride(checklist.GateRequestReadiness, reason); err != nil {
		t.Fatal(err)
	}
	var items []session.BatchItem
	for _, c := range ref.opts.Run.Clients {
		r := checklist.Ref{Step: checklist.StepClientArticles, Client: c.ID}
		res, err := session.Check(session.Ports{V1: ref.p.V1()}, ref.opts.Workspace.Cabinet, r, ref.opts.Now)(ctx)
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, session.BatchItem{Change: checklist.StepChange{Ref: r, Evidence: &res.Evidence}, Settle: true})
	}
	for i, err := range eng.ApplyBatch(ctx, items) {
		if err != nil {
			t.Fatalf("reference batch item %d: %v", i, err)
		}
	}
	stop()

	// The same with keys.
	e := newSandboxEnv(t, 4)
	d := newDriver(t, e.opts, 120, 40)
	var got []session.Event
	defer d.m.eng.Watch(func(ev session.Event) { got = append(got, ev) })()
	d.key("/")
	d.typeText(strings.ToLower(first.Name))
	d.key("enter", "enter")
	d.mustSee("Accepter les factures en attente")
	d.key("enter") // the check
	d.mustSee("Vérifié sur V1")
	d.key("esc", "esc", "d", "down", "down", " ") // the readiness step ticked by hand
	d.key("down", " ")                            // the request ticked: the gate is closed
	d.mustSee("la demande ne peut pas être envoyée")
	d.key("o")
	d.typeText(reason)
	d.key("enter")
	d.mustSee("Dérogation par C. Martin")
	d.key("esc")
	sweep(d, "Vérifier sur V1 : Vérifier la base articles")

	if len(want) == 0 {
		t.Fatal("the reference published nothing")
	}
	if len(got) != len(want) {
		t.Fatalf("%d events with keys, %d through the engine:\n got %s\nwant %s", len(got), len(want), eventsText(got), eventsText(want))
	}
	for i := range want {
		if g, w := eventKey(got[i]), eventKey(want[i]); g != w {
			t.Errorf("event %d:\n got %s\nwant %s", i, g, w)
		}
	}
	for _, c := range ref.opts.Run.Clients {
		for _, step := range []string{checklist.StepClientPendingInvoices, checklist.StepClientArticles} {
			r := checklist.Ref{Step: step, Client: c.ID}
			if g, w := e.db.state(r), ref.db.state(r); !reflect.DeepEqual(g, w) {
				t.Errorf("record of %s:\n got %+v\nwant %+v", r, g, w)
			}
		}
	}
	if len(e.db.pending) == 0 || !reflect.DeepEqual(e.db.pending, ref.db.pending) {
		t.Errorf("pending counts: got %v, want %v", e.db.pending, ref.db.pending)
	}
}

// eventKey is an event without its pointers, for comparison.
func eventKey(ev session.Event) string {
	p := "-"
	if ev.Pending != nil {
		p = itoa(*ev.Pending)
	}
	ev.Pending = nil
	ev.At = ev.At.Truncate(time.Second)
	return strings.Join([]string{p, strings.TrimPrefix(strings.ReplaceAll(
		strings.ReplaceAll(fmtEvent(ev), "\n", " "), "  ", " "), " ")}, " ")
}

func fmtEvent(ev session.Event) string {
	return ev.Ref.String() + " " + ev.From.String() + "→" + ev.To.String() + " by " + ev.Who + " at " + ev.At.Format(time.RFC3339) +
		" kind " + itoa(int(ev.Kind)) + " ev " + yesNo(ev.Evidence) + " ok " + yesNo(ev.OK) + " gate " + ev.Gate + " detail " + ev.Detail +
		" progress " + itoa(ev.Done) + "/" + itoa(ev.Failed) + "/" + itoa(ev.Total)
}

func eventsText(evs []session.Event) string {
	var parts []string
	for _, ev := range evs {
		parts = append(parts, eventKey(ev))
	}
	return strings.Join(parts, "\n     ")
}
