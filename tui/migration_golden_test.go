package tui

import (
	"fmt"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
)

// migratedEnv is the 40-client test cabinet after the switch: the request
// answered, V1's facts noted before it and a control recorded for every
// client, with three archived documents missing on V2.
func migratedEnv() *testEnv {
	env := newTestEnv(40)
	st := env.store
	for _, id := range []string{"request.notify_clients", "request.client_checks", "request.submit", "request.answer"} {
		st.states[refOf(id, "")] = checklist.StepState{Status: checklist.StatusDone}
	}
	for _, c := range env.opts.Run.Clients {
		facts := map[string]string{
			checklist.FactAcceptedPaid: "128", checklist.FactAcceptedUnpaid: "14", checklist.FactArchived: "412",
			checklist.FactArticles: "57", checklist.FactCustomers: "31", checklist.FactSuppliers: "12",
			checklist.FactReceptionEmail: "achats@exemple.fr", checklist.FactPaymentAccount: fmt.Sprint(c.Payment),
			checklist.FactNumbering: "FAC-0142", checklist.FactSubscription: "Pro", checklist.FactUsers: "2", checklist.FactBankAccounts: "1",
		}
		st.states[refOf("preparation.client.pending_invoices", c.ID)] = checklist.StepState{Status: checklist.StatusDone,
			Evidence: &checklist.Evidence{Source: "v1", At: testNow, OK: true, Facts: facts}}
		inv := connectors.Inventory{Archives: connectors.ArchiveCounts{Documents: 409}, Articles: 57,
			Invoices:       connectors.InvoiceCounts{Sales: connectors.DirectionCounts{AcceptedPaid: 128, AcceptedUnpaid: 14}},
			Partners:       connectors.PartnerCounts{Customers: 31, Suppliers: 12},
			ReceptionEmail: "achats@exemple.fr", PaymentAccount: c.Payment}
		ev := checklist.Evidence{Source: "v2", At: testNow, Facts: map[string]string{}}
		checklist.ReconEvidence(checklist.Reconcile(facts, inv, c.Payment), &ev)
		st.states[refOf("reconciliation.client.control", c.ID)] = checklist.StepState{Status: checklist.StatusInProgress, Evidence: &ev}
		st.states[refOf("preparation.client.users", c.ID)] = checklist.StepState{Status: checklist.StatusDone, Capture: &checklist.Capture{
			Items: []checklist.Record{{"name": "Julie Roux", "email": "julie@exemple.fr", "roles": "gestionnaire", "reinvite": "true"}}}}
		st.states[refOf("reconciliation.client.numbering", c.ID)] = checklist.StepState{Status: checklist.StatusDone}
	}
	env.opts.Run, _ = st.LoadRun("ws1", env.opts.Guide)
	return env
}

func migrationScenes() []goldenScene {
	ready := goldenStep{nil, "Clients (40)"}
	return []goldenScene{
		{"request", func() *testEnv { return newTestEnv(40) }, []goldenStep{ready, {[]string{"d", "down", "down"}, "Ce qui bloque la demande"}}},
		{"reconciliation", migratedEnv, []goldenStep{ready, {[]string{"r"}, "✗ écart (3)"}}},
		{"summary", migratedEnv, []goldenStep{ready, {[]string{"t"}, "Espaces entreprises"}}},
	}
}

// TestMigrationGolden renders the request, a client's reconciliation and
// the §4 summary at the two reference sizes, with a fixed clock, in the real
// program. Update with: go test ./tui/... -run TestMigrationGolden -update
func TestMigrationGolden(t *testing.T) { runGolden(t, migrationScenes()) }
