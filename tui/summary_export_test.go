package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
)

// TestExportCarriesRecords: the summary's export reads the step records as
// bascule report does, so it shows the masked IBAN (not "—"), the notes,
// reasons and captured values, and tells the journal in sentences.
func TestExportCarriesRecords(t *testing.T) {
	env := newTestEnv(4)
	env.opts.OutDir = t.TempDir()
	ref := checklist.Ref{Step: "preparation.payment.external_accounts", Client: "c00000"} // a payment client
	env.store.states[ref] = checklist.StepState{Status: checklist.StatusInProgress, Note: "rappeler lundi",
		Capture: &checklist.Capture{Items: []checklist.Record{{"iban": "FR7630006000011234567890189", "holder": "Titulaire Test", "validated": "true"}}}}
	env.store.states[checklist.Ref{Step: "preparation.client.logo", Client: "c00001"}] = checklist.StepState{Status: checklist.StatusBlocked, Reason: "logo introuvable"}
	run, _ := env.store.LoadRun("ws1", env.opts.Guide)
	env.opts.Run = run
	m := New(env.opts)
	msg, ok := m.exportCmd()().(reportWrittenMsg)
	if !ok || msg.err != nil {
		t.Fatalf("export: %+v", msg)
	}
	b, err := os.ReadFile(filepath.Join(env.opts.OutDir, "synthese-ws1.md"))
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	for _, want := range []string{"FR76 •••• 0189", "rappeler lundi", "logo introuvable", "Titulaire Test"} {
		if !strings.Contains(md, want) {
			t.Errorf("exported report lacks %q", want)
		}
	}
	if strings.Contains(md, "30006000011234567890") {
		t.Error("exported report shows the IBAN in full")
	}
}

// TestExportNamesTheTeam: with a team, the summary's export carries each
// person's figures as bascule report does; a company's user, who may not
// read the cabinet team's progress, gets his export without them.
func TestExportNamesTheTeam(t *testing.T) {
	for _, tc := range []struct {
		member string
		team   bool
	}{{"Alice", true}, {"", true}, {"Zoé", false}} {
		env, _ := teamEnv(tc.member)
		env.opts.OutDir = t.TempDir()
		m := New(env.opts)
		msg, ok := m.exportCmd()().(reportWrittenMsg)
		if !ok || msg.err != nil {
			t.Fatalf("%q: export: %+v", tc.member, msg)
		}
		b, err := os.ReadFile(filepath.Join(env.opts.OutDir, "synthese-ws1.md"))
		if err != nil {
			t.Fatal(err)
		}
		md := string(b)
		has := strings.Contains(md, "## Équipe (travail ouvert, estimations de bascule)") && strings.Contains(md, "| Claire | collaborateur | 0/2 |") &&
			strings.Contains(md, " | Claire |\n")
		if has != tc.team || (!tc.team && strings.Contains(md, "Équipe")) {
			t.Errorf("%q: team in the export = %v, want %v:\n%s", tc.member, has, tc.team, md)
		}
	}
}
