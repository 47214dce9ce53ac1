package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/sandbox"
	"github.com/bascule-cli/bascule/store"
)

func TestDemoOptionsID(t *testing.T) {
	cases := []struct {
		id      string
		clients int
		ok      bool
	}{
		{"demo", 0, true},
		{"demo-5", 5, true},
		{"demo-12000", 12000, true},
		{"demo-0", 0, false},
		{"demo-12001", 0, false},
		{"demo-05", 0, false},
		{"demo-5x", 0, false},
		{"martin", 0, false},
	}
	for _, c := range cases {
		o, ok := demoOptionsFromID(c.id, time.Second)
		if ok != c.ok || (ok && o.Clients != c.clients) {
			t.Errorf("%s: got %+v %v", c.id, o, ok)
		}
		if ok && o.workspaceID() != c.id {
			t.Errorf("%s: round trip gives %s", c.id, o.workspaceID())
		}
	}
}

// TestReplayDemo: a sandbox rebuilt from a run that went through the request
// and its answer is migrated again, so reconciliation still has V2 data.
func TestReplayDemo(t *testing.T) {
	env := &appEnv{demoDelay: 0}
	g := checklist.Default()
	ws := store.Workspace{ID: "demo-5", Cabinet: store.Cabinet{SIREN: sandbox.CabinetSIREN, ManagerEmail: sandbox.ManagerEmail}}
	fresh := env.demoPlatformFor(ws, nil)
	if fresh.Migrated() {
		t.Fatal("fresh sandbox migrated")
	}
	var ds []checklist.Dossier
	for _, c := range fresh.Clients() {
		if !c.Status.Inactive() {
			ds = append(ds, checklist.Dossier{ID: c.ID, Name: c.LegalName, SIREN: c.SIREN, PendingInvoices: 0})
		}
	}
	run := checklist.NewRun(g, ds)
	for _, id := range []string{"registration.comptexpert", "registration.identity"} {
		if err := run.SetStatus(checklist.Ref{Step: id}, checklist.StatusDone); err != nil {
			t.Fatal(err)
		}
	}
	p := env.demoPlatformFor(ws, run)
	reg, _ := p.V2().Registration(context.Background())
	if !reg.Registered || !reg.IdentityConfirmed || reg.MobileAppInstalled {
		t.Errorf("registration replayed to the wrong point: %+v", reg)
	}
	for _, id := range []string{"request.submit", "request.answer"} {
		if err := run.SetStatus(checklist.Ref{Step: id}, checklist.StatusDone); err != nil {
			t.Fatal(err)
		}
	}
	p = env.demoPlatformFor(ws, run)
	if !p.Migrated() {
		t.Fatal("a run past the answer must find V2 migrated")
	}
	if ro, _ := p.V1().ReadOnly(context.Background()); !ro {
		t.Error("V1 must be read-only after the replayed migration")
	}
	// The wizard's own submission gets the replayed request back, not a conflict.
	req, err := p.V2().SubmitMigration(context.Background(), demoSubmission(ws))
	if err != nil || req.State != connectors.RequestSucceeded {
		t.Errorf("resubmitting as the wizard does: %+v %v", req, err)
	}
}

// TestDemoReusesExisting: after a --demo-clients 5 run, a bare --demo acts
// on that demo (it created a second, 40-client "demo" at 0 %); with two
// demos it names them instead of choosing.
func TestDemoReusesExisting(t *testing.T) {
	h := newHarness(t)
	h.want(0, "step", "set", "cabinet", "preparation.cabinet.collaborators", "--status", "done", "--demo-clients", "5")
	r := h.want(0, "status", "--demo")
	if !strings.Contains(r.stdout, "1/32") {
		t.Errorf("status --demo does not show the 5-client demo's progress:\n%s", r.stdout)
	}
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	all, err := db.Workspaces()
	db.Close()
	if err != nil || len(all) != 1 || all[0].ID != "demo-5" {
		t.Fatalf("workspaces after status --demo: %v %v", all, err)
	}
	h.want(0, "step", "list", "--demo", "--json")
	h.want(0, "status", "--demo", "--workspace", "demo-5")

	h.want(0, "status", "--demo-clients", "3")
	r = h.want(2, "status", "--demo")
	if !strings.Contains(r.stderr, "demo-3") || !strings.Contains(r.stderr, "demo-5") {
		t.Errorf("two demos: stderr %q", r.stderr)
	}
	h.want(0, "status", "--demo", "--workspace", "demo-3")
}
