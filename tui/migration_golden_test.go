package tui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
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

// TestMigrationGolden renders the request, a client's reconciliation and
// the §4 summary at the two reference sizes, with a fixed clock, in the real
// program. Update with: go test ./tui/... -run TestMigrationGolden -update
func TestMigrationGolden(t *testing.T) {
	scenes := []struct {
		name string
		env  func() *testEnv
		keys []string
		wait string
	}{
		{"request", func() *testEnv { return newTestEnv(40) }, []string{"d", "down", "down"}, "Ce qui bloque la demande"},
		{"reconciliation", migratedEnv, []string{"r"}, "✗ écart (3)"},
		{"summary", migratedEnv, []string{"t"}, "Espaces entreprises"},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, sc := range scenes {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				env := sc.env()
				tm := teatest.NewTestModel(t, New(env.opts), teatest.WithInitialTermSize(size[0], size[1]))
				teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Clients (40)")) },
					teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
				for _, k := range sc.keys {
					tm.Send(keyMsg(k))
				}
				teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(sc.wait)) },
					teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
				time.Sleep(50 * time.Millisecond)
				tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
				fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
				view := fm.View()
				if strings.Contains(view, "\x1b") {
					t.Fatalf("escape sequences in an ASCII render:\n%q", view)
				}
				if n := strings.Count(view, "\n") + 1; n != size[1] {
					t.Fatalf("view has %d lines, want %d", n, size[1])
				}
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}
