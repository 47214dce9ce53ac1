package main

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// One engine under every front end (issue 12): the same user actions, done
// through the engine directly, through the line prompts and through the
// scripting commands (each where it offers them), leave the same records
// and the same step events in the database. The client is Boulangerie
// Lefèvre & Fils of the demo; the actions:
//
//   - a check: its pending invoices on V1 (found: the step goes to "en cours");
//   - a status with a reason: its logo blocked, "logo introuvable";
//   - a capture: its invoice numbering (not offered by the commands);
//   - a blocked gate: ticking the request while nothing is ready (refused,
//     nothing recorded).
//
// The full-screen wizard's part is in tui (scenario_test.go there), against
// the engine the same way.
const scenarioClient = "Boulangerie Lefèvre & Fils"

// scenarioRecord is a step record without its clock.
type scenarioRecord struct {
	Status, Reason, Note, By string
	Capture                  *checklist.Capture
	Source                   string
	OK                       bool
	Facts                    map[string]string
	Findings                 []checklist.Finding
}

type scenarioEvent struct {
	Ref      checklist.Ref
	From, To string
	Who      string
}

// scenarioState reads what the database holds for refs: each record, and
// the step events on them in order.
func scenarioState(t *testing.T, path string, refs []checklist.Ref) (map[checklist.Ref]scenarioRecord, []scenarioEvent) {
	t.Helper()
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	recs := map[checklist.Ref]scenarioRecord{}
	want := map[checklist.Ref]bool{}
	for _, ref := range refs {
		want[ref] = true
		st, err := db.StepState(demoWorkspaceID, ref)
		if err != nil {
			t.Fatal(err)
		}
		r := scenarioRecord{Status: st.Status.String(), Reason: st.Reason, Note: st.Note, By: st.By, Capture: st.Capture}
		if ev := st.Evidence; ev != nil {
			r.Source, r.OK, r.Facts, r.Findings = ev.Source, ev.OK, ev.Facts, ev.Findings
		}
		recs[ref] = r
	}
	all, err := db.Events(demoWorkspaceID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var evs []scenarioEvent
	for _, e := range all {
		if e.Action == checklist.ActionStep && want[e.Ref] {
			evs = append(evs, scenarioEvent{Ref: e.Ref, From: e.From, To: e.To, Who: e.Who})
		}
	}
	return recs, evs
}

// scenarioDB creates the demo workspace in a database of its own and
// returns its path and the client's id.
func scenarioDB(t *testing.T) (*harness, string) {
	t.Helper()
	h := newHarness(t)
	h.want(0, "status", "--demo")
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	run, err := db.LoadRun(demoWorkspaceID, checklist.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range run.Clients {
		if c.Name == scenarioClient {
			return h, c.ID
		}
	}
	t.Fatalf("no client %q in the demo", scenarioClient)
	return nil, ""
}

// scenarioEngine plays the actions through the engine itself, on the demo
// platform the commands rebuild: the reference.
func scenarioEngine(t *testing.T, client string, capture bool) string {
	t.Helper()
	h, _ := scenarioDB(t)
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ws, err := db.Workspace(demoWorkspaceID)
	if err != nil {
		t.Fatal(err)
	}
	g := checklist.Default()
	run, err := db.LoadRun(ws.ID, g)
	if err != nil {
		t.Fatal(err)
	}
	env := &appEnv{now: time.Now, getenv: func(string) string { return "" }, lang: checklist.French}
	p := env.demoPlatformFor(ws, run)
	eng, err := engine.Open(engine.Config{Workspace: ws.ID, Operator: ws.Operator, Store: db, Guide: g, Run: run,
		Ports: engine.Ports{V1: p.V1(), V2: p.V2()}})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := eng.RunCheck(context.Background(), checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: client}); err != nil {
		t.Fatal(err)
	}
	blocked := checklist.StatusBlocked
	if _, err := eng.Apply(checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepClientLogo, Client: client}, Status: &blocked, Reason: "logo introuvable"}); err != nil {
		t.Fatal(err)
	}
	if capture {
		done := checklist.StatusDone
		c := checklist.Capture{Items: []checklist.Record{{"prefix": "FA-", "number": "41", "padding": "4"}}}
		if _, err := eng.Apply(checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepClientNumbering, Client: client}, Status: &done, Capture: &c}); err != nil {
			t.Fatal(err)
		}
	}
	done := checklist.StatusDone
	if _, err := eng.Apply(checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepRequestSubmit}, Status: &done}); err == nil {
		t.Fatal("the engine let the request through")
	}
	return h.db
}

func scenarioRefs(client string, capture bool) []checklist.Ref {
	refs := []checklist.Ref{{Step: checklist.StepClientPendingInvoices, Client: client},
		{Step: checklist.StepClientLogo, Client: client}, {Step: checklist.StepRequestSubmit}}
	if capture {
		refs = append(refs, checklist.Ref{Step: checklist.StepClientNumbering, Client: client})
	}
	return refs
}

func sameScenario(t *testing.T, mode, ref, got string, refs []checklist.Ref) {
	t.Helper()
	wantRecs, wantEvs := scenarioState(t, ref, refs)
	gotRecs, gotEvs := scenarioState(t, got, refs)
	for _, r := range refs {
		if !reflect.DeepEqual(gotRecs[r], wantRecs[r]) {
			t.Errorf("%s: record of %s\n got %+v\nwant %+v", mode, r, gotRecs[r], wantRecs[r])
		}
	}
	if !reflect.DeepEqual(gotEvs, wantEvs) {
		t.Errorf("%s: step events\n got %+v\nwant %+v", mode, gotEvs, wantEvs)
	}
	if len(wantEvs) == 0 {
		t.Errorf("%s: the reference recorded no event", mode)
	}
}

func TestScenarioAccessibleAsEngine(t *testing.T) {
	h, client := scenarioDB(t)
	refs := scenarioRefs(client, true)
	h.stdin = strings.Join([]string{
		"6", "lefe", "1", // the client
		"1", "1", "", // pending invoices: check now on V1
		"3", "3", "logo introuvable", "", // logo: blocked, with a reason
		"5", "1", "FA-", "41", "4", "", // numbering: the capture
		"", "3", "4", "2", "", // the request: mark done (refused)
		"", "q",
	}, "\n") + "\n"
	r := h.want(0, "--demo", "--accessible")
	if !strings.Contains(r.stdout, "Refusé : ") {
		t.Fatalf("the request was not refused:\n%s", r.stdout)
	}
	sameScenario(t, "accessible", scenarioEngine(t, client, true), h.db, refs)
}

func TestScenarioCommandsAsEngine(t *testing.T) {
	h, client := scenarioDB(t)
	refs := scenarioRefs(client, false)
	// The commands check in bulk: sweep checks every client, this one among
	// them.
	h.want(0, "sweep", "--demo")
	h.want(0, "step", "set", "client", "logo", "--client", client, "--status", "blocked", "--reason", "logo introuvable", "--demo")
	h.want(1, "step", "set", "cabinet", checklist.StepRequestSubmit, "--status", "done", "--demo")
	sameScenario(t, "commands", scenarioEngine(t, client, false), h.db, refs)
}

// migrateDemo records in the database what the request leaves once V2 has
// answered (the gate overridden, the request's steps done): the commands
// rebuild the demo platform migrated from it. And the client's numbering,
// noted during preparation.
func migrateDemo(t *testing.T, path, client string) {
	t.Helper()
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	run, err := db.LoadRun(demoWorkspaceID, checklist.Default())
	if err != nil {
		t.Fatal(err)
	}
	if err := db.AddOverride(demoWorkspaceID, run, checklist.Override{Gate: checklist.GateRequestReadiness, Reason: "test", By: "test", At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	done := checklist.StatusDone
	chs := []checklist.StepChange{{Ref: checklist.Ref{Step: checklist.StepClientNumbering, Client: client}, Status: &done, By: "test",
		Capture: &checklist.Capture{Items: []checklist.Record{{"prefix": "FA-", "number": "41", "padding": "4"}}}}}
	for _, id := range []string{checklist.StepRequestClientChecks, checklist.StepRequestSubmit, checklist.StepRequestAnswer} {
		chs = append(chs, checklist.StepChange{Ref: checklist.Ref{Step: id}, Status: &done, By: "test"})
	}
	for i, err := range db.ApplySteps(demoWorkspaceID, run, chs) {
		if err != nil {
			t.Fatalf("%s: %v", chs[i].Ref, err)
		}
	}
}

// A V2 re-creation from the line prompts (the client's numbering set on
// V2, confirmed with o) records what the engine records.
func TestScenarioAccessibleV2JobAsEngine(t *testing.T) {
	h, client := scenarioDB(t)
	migrateDemo(t, h.db, client)
	r := checklist.Ref{Step: checklist.StepReconClientNumbering, Client: client}
	h.stdin = strings.Join([]string{"6", "lefe", "1", "11", "1", "o", "", "13", "1", "o", "", "", "q"}, "\n") + "\n"
	out := h.want(0, "--demo", "--accessible")
	if !strings.Contains(out.stdout, "FA-0042") {
		t.Fatalf("the numbering was not set:\n%s", out.stdout)
	}
	// The users had nothing noted: said in French, not in Go.
	if !strings.Contains(out.stdout, "Rien n'a été noté en préparation pour cette étape") || strings.Contains(out.stdout, "nothing noted") {
		t.Fatalf("nothing noted is not said in French:\n%s", out.stdout)
	}

	ref, _ := scenarioDB(t)
	migrateDemo(t, ref.db, client)
	db, err := store.Open(ref.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ws, err := db.Workspace(demoWorkspaceID)
	if err != nil {
		t.Fatal(err)
	}
	g := checklist.Default()
	run, err := db.LoadRun(ws.ID, g)
	if err != nil {
		t.Fatal(err)
	}
	env := &appEnv{now: time.Now, getenv: func(string) string { return "" }, lang: checklist.French}
	p := env.demoPlatformFor(ws, run)
	eng, err := engine.Open(engine.Config{Workspace: ws.ID, Operator: ws.Operator, Store: db, Guide: g, Run: run,
		Ports: engine.Ports{V1: p.V1(), V2: p.V2()}})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := eng.RunJob(context.Background(), r, "seed"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	sameScenario(t, "accessible V2 job", ref.db, h.db, []checklist.Ref{r})
}
