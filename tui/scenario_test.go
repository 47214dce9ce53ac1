package tui

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/sandbox"
	"github.com/bascule-cli/bascule/tui/session"
)

// One engine under every front end (issue 12), the full-screen part: a
// check, a blocked gate (the control ticked while points block), its
// override and the tick it lets through, and a bulk run done with keys
// leave the
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
	control := checklist.Ref{Step: checklist.StepRequestClientChecks}
	if _, err := eng.Apply(checklist.StepChange{Ref: control, Status: &done}); err == nil {
		t.Fatal("the engine let the control be ticked with points blocking")
	}
	if _, err := eng.AddOverride(checklist.GateRequestReadiness, reason); err != nil {
		t.Fatal(err)
	}
	// The override's retry: the control ticked, as the screen does.
	if _, err := eng.Apply(checklist.StepChange{Ref: control, Status: &done}); err != nil {
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
	d.key("esc", "esc", "d", "down", "down", " ") // the control ticked while points block: refused, a reason asked
	d.mustSee("ne peut pas être cochée", "Raison de la dérogation")
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

// The V2 re-creation part: the numbering of one client, set on V2 from the
// recon screen (enter, then o) and through the engine, records the same
// evidence and status, publishes the same event, and acts once on each
// platform.
func TestScenarioV2JobAsEngine(t *testing.T) {
	migrated := func() *sandboxEnv {
		e := newSandboxEnv(t, 3)
		e.prepare(t)
		if _, err := e.p.V2().SubmitMigration(context.Background(), connectors.MigrationSubmission{CabinetSIREN: "552008443",
			RequestedBy: sandbox.ManagerEmail, IdempotencyKey: RequestKey(*e.opts.Workspace)}); err != nil {
			t.Fatal(err)
		}
		if err := e.p.FinishMigration(); err != nil {
			t.Fatal(err)
		}
		// The request's steps as the request screen leaves them (set here
		// directly: this test is about the job).
		for _, id := range []string{checklist.StepRequestNotifyClients, checklist.StepRequestCabinetPendingInvoices,
			checklist.StepRequestClientChecks, checklist.StepRequestSubmit, checklist.StepRequestAnswer} {
			r := checklist.Ref{Step: id}
			e.db.states[r] = checklist.StepState{Status: checklist.StatusDone, By: "test"}
			_ = e.opts.Run.SetStatus(r, checklist.StatusDone)
		}
		c := e.opts.Run.Clients[0].ID
		e.db.states[checklist.Ref{Step: checklist.StepClientNumbering, Client: c}] = checklist.StepState{Status: checklist.StatusDone, By: "test",
			Capture: &checklist.Capture{Items: []checklist.Record{{"prefix": "FA-", "number": "41", "padding": "4"}}}}
		return e
	}
	ref := migrated()
	c := ref.opts.Run.Clients[0]
	r := checklist.Ref{Step: checklist.StepReconClientNumbering, Client: c.ID}
	eng, err := session.Open(session.Config{Workspace: "ws1", Cabinet: ref.opts.Workspace.Cabinet, Operator: ref.opts.Workspace.Operator,
		Store: ref.db, Ports: session.Ports{V1: ref.p.V1(), V2: ref.p.V2()}, Guide: ref.opts.Guide, Run: cloneRun(ref.opts.Run), Now: ref.opts.Now})
	if err != nil {
		t.Fatal(err)
	}
	var want []session.Event
	stop := eng.Watch(func(ev session.Event) { want = append(want, ev) })
	if _, _, err := eng.RunJob(context.Background(), r, session.WorkspaceSeed(*ref.opts.Workspace)); err != nil {
		t.Fatal(err)
	}
	stop()

	e := migrated()
	d := newDriver(t, e.opts, 120, 40)
	var got []session.Event
	defer d.m.eng.Watch(func(ev session.Event) { got = append(got, ev) })()
	d.key("r")
	d.mustSee("Validation et réintégration", c.Name)
	for range 12 {
		if strings.Contains(d.view(), "▸ … Configurer la numérotation") || strings.Contains(d.view(), "▸ · Configurer la numérotation") {
			break
		}
		d.key("down")
	}
	d.key("enter")
	d.mustSee("(o/n)")
	d.key("o")
	d.mustSee("prochaine facture FA-0042")

	if len(got) != 1 || len(want) != 1 || eventKey(got[0]) != eventKey(want[0]) {
		t.Fatalf("events with keys %s, through the engine %s", eventsText(got), eventsText(want))
	}
	if g, w := e.db.state(r), ref.db.state(r); !reflect.DeepEqual(g, w) || g.Status != checklist.StatusDone {
		t.Fatalf("record of %s:\n got %+v\nwant %+v", r, g, w)
	}
	if g, w := e.p.SideEffects()["v2.SetNumbering"], ref.p.SideEffects()["v2.SetNumbering"]; g != 1 || w != 1 {
		t.Fatalf("numbering set %d times with keys, %d through the engine", g, w)
	}
}
