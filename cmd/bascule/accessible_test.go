package main

import (
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
		"1",    // Marquer fait
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
