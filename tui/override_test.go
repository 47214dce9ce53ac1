package tui

import (
	"testing"

	"github.com/bascule-cli/bascule/checklist"
)

// Ticking "Accepter les factures en attente" right after the check found
// some asks for a reason, recorded as an override of the step (issue 15,
// point 4); the old screen ticked it silently.
func TestTickAgainstTheCheckAsksForAnOverride(t *testing.T) {
	env := newTestEnv(40)
	d := newDriver(t, env.opts, 100, 30)
	d.key("/")
	d.typeText("boulangerie lef")
	d.key("enter", "enter")
	d.key("enter") // the check finds 1 pending invoice
	d.mustSee("factures d'achat en attente d'acceptation (1)")
	client := env.opts.Run.Clients[0].ID
	ref := refOf("preparation.client.pending_invoices", client)

	d.key(" ")
	d.mustSee("la dernière vérification a trouvé 1 facture d'achat", "Raison de la dérogation")
	d.key("esc")
	if st := env.store.state(ref); st.Status == checklist.StatusDone {
		t.Fatal("ticked without a reason")
	}
	d.key(" ")
	d.typeText("acceptée à l'instant par le client")
	d.key("enter")
	d.mustSee("1/7 faite")
	if st := env.store.state(ref); st.Status != checklist.StatusDone {
		t.Fatalf("not ticked after the override: %+v", st)
	}
	o, ok := d.m.run.Override(checklist.TickGate(ref))
	if !ok || o.Reason != "acceptée à l'instant par le client" || o.By != "C. Martin" {
		t.Fatalf("override not recorded: %+v %v", o, ok)
	}
}

// Marking many clients at once does not tick "Accepter les factures en
// attente" for a client whose invoices are counted as pending on V1.
func TestBulkMarkLeavesPendingInvoicesOut(t *testing.T) {
	env := newTestEnv(20)
	run := env.opts.Run
	for i := range run.Clients {
		run.Clients[i].PendingInvoices = 0
	}
	d := newDriver(t, env.opts, 120, 30)
	d.key("x", "x", " ")
	d.mustSee("• 3 sélectionnés")
	var picked []string
	for _, ci := range d.m.dash.ix.filtered[:3] {
		picked = append(picked, run.Clients[ci].ID)
	}
	run.Clients[run.ClientIndex(picked[1])].PendingInvoices = 4 // counted on V1 since
	d.key("m")
	d.mustSee("Marquer 3 clients", "Étape")
	d.key("enter") // Accepter les factures en attente
	d.key("enter") // fait
	d.key("o", "enter")
	d.mustSee("2 clients marqués, 1 refusé", "la dernière vérification a trouvé 4 factures")
	for i, id := range picked {
		st := env.store.state(refOf("preparation.client.pending_invoices", id))
		if (st.Status == checklist.StatusDone) != (i != 1) {
			t.Errorf("%s: %v", id, st.Status)
		}
	}
}
