package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/session"
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

// TestExportOverSSH: over SSH (Options.RemoteReport, bascule serve) the
// summary's export is refused with the command that streams it to the
// person's machine, and nothing is written on the server; the clients'
// notices, a step's work, are written and said to be on the server.
func TestExportOverSSH(t *testing.T) {
	const fetch = "ssh -p 2222 localhost report --format html > synthese.html"
	for _, tc := range []struct {
		remote, status, notices string
	}{
		{"", "", ""},
		{fetch, "Par SSH, la synthèse s'écrirait sur le serveur, hors de votre portée ; depuis votre poste, lancez : " + fetch, " (sur le serveur)"},
	} {
		env := newTestEnv(4)
		env.opts.OutDir = t.TempDir()
		env.opts.RemoteReport = tc.remote
		m := New(env.opts)
		cmd := m.exportCmd()
		written, _ := filepath.Glob(filepath.Join(env.opts.OutDir, "synthese-*"))
		if tc.remote != "" {
			if m.status.text != tc.status || !m.status.err || len(written) != 0 {
				t.Errorf("over SSH: status %q (error %v), files %v", m.status.text, m.status.err, written)
			}
		} else if msg, ok := cmd().(reportWrittenMsg); !ok || msg.err != nil || len(msg.paths) != 2 {
			t.Errorf("locally: export %+v", msg)
		}
		m.eng.SetPorts(session.Ports{}) // V1 offline: messages without recipients
		res, err := m.notifyJob()(context.Background())
		if err != nil || !strings.HasSuffix(res.summary, filepath.Join(env.opts.OutDir, "annonces", "ws1")+tc.notices) {
			t.Errorf("remote %v: notices %q, %v", tc.remote != "", res.summary, err)
		}
		if got := m.onServer("/srv/x"); got != "/srv/x"+tc.notices {
			t.Errorf("remote %v: folder named %q", tc.remote != "", got)
		}
	}
}
