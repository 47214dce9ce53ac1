package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
)

// TestAccessibleModeWithoutTerminal runs the wizard with stdin and stdout
// that are not terminals: instead of refusing, bascule asks its questions
// line by line. A client is found by typing part of its name, a step is
// marked done, an IBAN is captured (an invalid one first: the French error
// is printed), and everything is found again by a later command.
func TestAccessibleModeWithoutTerminal(t *testing.T) {
	h := newHarness(t)
	h.stdin = strings.Join([]string{
		"6",    // Un client
		"lefe", // type-to-search
		"1",    // Boulangerie Lefèvre & Fils
		"2",    // Vérifier la base articles
		"2",    // Marquer fait (1 is "Vérifier maintenant sur V1")
		"",     // back to the steps
		"6",    // Noter les IBAN des comptes externes
		"1",    // Remplir la saisie
		"1",    // Ajouter
		"FR1420041010050500013M02607",
		"FR76 3000 6000 0112 3456 7890 189",
		"Boulangerie Lefèvre",
		"o",
		"4", // Terminer
		"", "", "q",
	}, "\n") + "\n"
	r := h.want(0, "--demo")
	for _, want := range []string{
		"bascule — mode accessible · Cabinet Martin & Associés",
		"1. Boulangerie Lefèvre & Fils · SIREN 404 833 048",
		"Enregistré : « Vérifier la base articles » : fait.",
		"IBAN : clé de contrôle invalide",
		"IBAN : FR76 •••• 0189",
		"Au revoir. Tout est enregistré.",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Fatalf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	if regexp.MustCompile(`[\x00-\x09\x0b-\x1f\x7f]`).MatchString(r.stdout) {
		t.Fatalf("escape sequences or control characters in the accessible output:\n%q", r.stdout)
	}

	// Reopened, the database holds the changes.
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	run, err := db.LoadRun(demoWorkspaceID, checklist.Default())
	if err != nil {
		t.Fatal(err)
	}
	client := ""
	for _, c := range run.Clients {
		if c.Name == "Boulangerie Lefèvre & Fils" {
			client = c.ID
		}
	}
	if st, _ := run.Status(checklist.Ref{Step: "preparation.client.articles", Client: client}); st != checklist.StatusDone {
		t.Fatalf("articles: %v", st)
	}
	st, err := db.StepState(demoWorkspaceID, checklist.Ref{Step: "preparation.payment.external_accounts", Client: client})
	if err != nil || st.Status != checklist.StatusDone || st.Capture == nil || st.Capture.Items[0]["iban"] != "FR7630006000011234567890189" {
		t.Fatalf("external accounts: %+v %v", st, err)
	}
}

// TestAccessibleModeFlagsAndEnglish: --accessible, ACCESSIBLE=1 and
// TERM=dumb select the mode; --lang en speaks English.
func TestAccessibleModeFlagsAndEnglish(t *testing.T) {
	for _, c := range []struct {
		args []string
		env  map[string]string
	}{
		{[]string{"--demo", "--accessible", "--lang", "en"}, nil},
		{[]string{"--demo", "--lang", "en"}, map[string]string{"ACCESSIBLE": "1"}},
		{[]string{"--demo", "--lang", "en"}, map[string]string{"TERM": "dumb"}},
	} {
		h := newHarness(t)
		for k, v := range c.env {
			h.env[k] = v
		}
		h.stdin = "q\n"
		r := h.want(0, c.args...)
		if !strings.Contains(r.stdout, "accessible mode") || !strings.Contains(r.stdout, "Goodbye. Everything is saved.") {
			t.Fatalf("%v %v:\n%s", c.args, c.env, r.stdout)
		}
	}
}

// noControls fails when the accessible output holds an escape sequence or
// a control character other than a line feed.
func noControls(t *testing.T, out string) {
	t.Helper()
	if loc := regexp.MustCompile(`[\x00-\x09\x0b-\x1f\x7f\x{9b}]`).FindStringIndex(out); loc != nil {
		t.Fatalf("control character in the accessible output at %d: %q", loc[0], out[max(0, loc[0]-40):loc[1]])
	}
}

// TestAccessibleFirstRunDemoAndCheck: on an empty database the accessible
// mode asks the first run's questions line by line and creates the demo
// workspace through the same hook as the full-screen screen; then the
// pending-invoices check of a demo client runs on the sandbox, its
// findings are read out in French, and the evidence and the count are
// found in the database afterwards.
func TestAccessibleFirstRunDemoAndCheck(t *testing.T) {
	h := newHarness(t)
	h.stdin = strings.Join([]string{
		"1",      // Démonstration
		"",       // operator required
		"Claire", // operator
		"6",      // Un client
		"lefe",   // type-to-search
		"1",      // Boulangerie Lefèvre & Fils
		"1",      // Accepter les factures en attente
		"1",      // Vérifier maintenant sur V1
		"", "", "q",
	}, "\n") + "\n"
	r := h.want(0)
	t.Log("\n" + r.stdout)
	noControls(t, r.stdout)
	for _, want := range []string{
		"Aucun espace de travail dans cette base : créons-en un.",
		"Opérateur : champ obligatoire",
		"Espace de travail créé : Cabinet Martin & Associés · SIREN 552 008 443 · démo.",
		"bascule — mode accessible · Cabinet Martin & Associés",
		"1. Vérifier maintenant sur V1",
		"V1 : vérification en cours…",
		"Vérifié sur V1 : à reprendre.",
		"d'achat à accepter",
		"Enregistré : « Accepter les factures en attente » : en cours.",
		"Au revoir. Tout est enregistré.",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Fatalf("stdout lacks %q", want)
		}
	}

	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ws, err := db.Workspace(demoWorkspaceID)
	if err != nil || ws.Operator != "Claire" || !ws.Demo {
		t.Fatalf("demo workspace %+v %v", ws, err)
	}
	run, err := db.LoadRun(demoWorkspaceID, checklist.Default())
	if err != nil {
		t.Fatal(err)
	}
	ci := -1
	for i, c := range run.Clients {
		if c.Name == "Boulangerie Lefèvre & Fils" {
			ci = i
		}
	}
	if ci < 0 || run.Clients[ci].PendingInvoices <= 0 {
		t.Fatalf("pending invoices not recorded: %+v", run.Clients[max(ci, 0)])
	}
	st, err := db.StepState(demoWorkspaceID, checklist.Ref{Step: "preparation.client.pending_invoices", Client: run.Clients[ci].ID})
	if err != nil || st.Evidence == nil || st.Evidence.Source != checklist.SourceV1 || st.Evidence.OK || len(st.Evidence.Findings) == 0 ||
		st.Status != checklist.StatusInProgress {
		t.Fatalf("pending invoices evidence: %+v %v", st, err)
	}
}

// TestAccessibleCreateFilesWorkspaceFromMenu: from the main menu of an
// open workspace, a files-mode workspace is created from a V1 export
// written here (one bad row: its error is printed); an invalid SIREN is
// refused with the French message first. The workspace holds the export's
// active clients, and a connector check says there is no connector.
func TestAccessibleCreateFilesWorkspaceFromMenu(t *testing.T) {
	h := newHarness(t)
	h.stdin = "q\n"
	h.want(0, "--demo") // the demo workspace exists: bascule opens it
	export := filepath.Join(t.TempDir(), "clients-v1.csv")
	csv := "Raison sociale;SIREN;Statut;E-mail du contact\r\n" +
		"Client actif;334175221;Actif;actif@exemple.fr\r\n" +
		"Mauvais SIREN;334175222;Actif;mauvais@exemple.fr\r\n" +
		"Garage Martin;404833048;Actif;garage@exemple.fr\r\n"
	if err := os.WriteFile(export, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	h.stdin = strings.Join([]string{
		"7", // Changer d'espace de travail ou en créer un
		"2", // Créer un nouvel espace de travail
		"2", // Fichiers d'export V1
		"552 008 442",
		"552 008 443",
		"Cabinet Martin",
		"c.martin@",
		"c.martin@cabinet-martin.fr",
		"C. Martin",
		filepath.Join(t.TempDir(), "absent.csv"),
		export,
		"6", "1", // Un client: Client actif
		"1", // Accepter les factures en attente
		"1", // Vérifier maintenant sur V1
		"", "", "q",
	}, "\n") + "\n"
	r := h.want(0)
	t.Log("\n" + r.stdout)
	noControls(t, r.stdout)
	for _, want := range []string{
		"1. Cabinet Martin & Associés · SIREN 552 008 443 · démo (ouvert)",
		"SIREN : clé de contrôle invalide",
		"e-mail : rien après le « @ »",
		"Création impossible : impossible d'ouvrir « ",
		"Espace de travail créé : Cabinet Martin · SIREN 552 008 443 · fichiers V1.",
		"2 dossiers créés depuis l'export V1, 1 ligne refusée.",
		"  - ligne 3, colonne « SIREN »",
		"bascule — mode accessible · Cabinet Martin · SIREN 552 008 443 · fichiers V1",
		"Pas de vérification automatique en mode fichiers d'export V1 (hors ligne)",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Fatalf("stdout lacks %q", want)
		}
	}
	if strings.Contains(r.stdout, "vérification en cours") {
		t.Fatal("a check ran without a connector")
	}

	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ws, err := db.Workspace("552008443")
	if err != nil || ws.Mode != "files" || ws.Operator != "C. Martin" || ws.Cabinet.ManagerEmail != "c.martin@cabinet-martin.fr" {
		t.Fatalf("files workspace %+v %v", ws, err)
	}
	run, err := db.LoadRun(ws.ID, checklist.Default())
	if err != nil || len(run.Clients) != 2 || run.Clients[0].Name != "Client actif" || run.Clients[1].SIREN != "404833048" {
		t.Fatalf("files workspace run: %v %+v", err, run.Clients)
	}
}
