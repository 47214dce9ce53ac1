package tui

import (
	"fmt"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
)

// The dashboard's refresh key, on the simulated platform: V1 gains a client
// and loses another; u adds the first to the dashboard, marks the second,
// keeps the work done and says so in the status line.
func TestDashboardRefreshKey(t *testing.T) {
	e := newSandboxEnv(t, 6)
	n := len(e.opts.Run.Clients)
	first := e.opts.Run.Clients[0]
	gone := e.opts.Run.Clients[1]
	d := newDriver(t, e.opts, 120, 40)
	// Work done before the refresh: a step ticked with keys.
	d.key("enter", "down")
	d.key(" ")
	d.key("esc")
	ticked := e.db.state(checklist.Ref{Client: first.ID, Step: checklist.StepClientArticles})
	if ticked.Status != checklist.StatusDone {
		t.Fatalf("setup: the step was not ticked: %+v", ticked)
	}

	taken := map[string]bool{}
	for _, c := range e.p.Clients() {
		taken[c.SIREN] = true
	}
	siren := ""
	for x := 100000000; siren == ""; x++ {
		if s := fmt.Sprint(x); ident.ValidateSIREN(s) == nil && !taken[s] {
			siren = s
		}
	}
	if err := e.p.AddClient(connectors.Client{ID: "cli-nouveau", LegalName: "Nouvelle Épicerie", SIREN: siren, Status: connectors.StatusActive}); err != nil {
		t.Fatal(err)
	}
	if err := e.p.SetClientStatus(gone.ID, connectors.StatusDraft); err != nil {
		t.Fatal(err)
	}
	d.key("u")
	d.mustSee("Clients de V1 : 1 dossier ajouté, 0 mis à jour, 1 absent de V1",
		fmt.Sprintf("Clients (%d)", n+1), "Nouvelle Épicerie")
	if d.m.run.ClientIndex("cli-nouveau") < 0 || !d.m.run.Clients[1].LeftV1 {
		t.Fatal("the model's run lacks the new dossier or the mark")
	}
	if st := e.db.state(checklist.Ref{Client: first.ID, Step: checklist.StepClientArticles}); st.Status != checklist.StatusDone {
		t.Fatalf("work done touched by the refresh: %+v", st)
	}
	// The new client's dossier opens like any other, from the dashboard.
	d.key("/")
	d.typeText("nouvelle")
	d.key("enter", "enter")
	d.mustSee("Nouvelle Épicerie", "Accepter les factures en attente")

	// Without V1 (files mode) the key says so and changes nothing.
	f := newSandboxEnv(t, 2)
	f.opts.Ports = Ports{}
	df := newDriver(t, f.opts, 120, 40)
	df.key("u")
	df.mustSee("Pas de connexion à V1")
}
