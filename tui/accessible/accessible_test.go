package accessible

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui"
)

var testNow = time.Date(2026, 3, 12, 10, 14, 0, 0, time.UTC)

// names of the test cabinet's clients: 30 of them, more than a numbered
// list reads out, so a client is found by typing.
var names = []string{"Boulangerie Lefèvre & Fils", "Café Le Zinc", "Garage Martin", "Pharmacie Dubois", "Librairie Moreau",
	"Fromagerie Laurent", "Atelier Simon", "Menuiserie Michel", "Imprimerie Garcia", "Boucherie Bernard"}

func luhnSIREN(body int) string {
	s := fmt.Sprintf("%08d", body)
	for d := 0; d < 10; d++ {
		c := s + string(rune('0'+d))
		sum := 0
		for i := 0; i < 9; i++ {
			n := int(c[8-i] - '0')
			if i%2 == 1 {
				if n *= 2; n > 9 {
					n -= 9
				}
			}
			sum += n
		}
		if sum%10 == 0 {
			return c
		}
	}
	return ""
}

// openTestStore makes a database with one workspace of 30 clients.
func openTestStore(t *testing.T) (string, tui.Workspace) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bascule.db")
	db, err := store.Open(path, store.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ws := store.Workspace{ID: "martin", Operator: "C. Martin", Mode: "files",
		Cabinet: store.Cabinet{SIREN: "552008443", LegalName: "Cabinet Martin & Associés", ManagerEmail: "c.martin@cabinet-martin.fr"}}
	if err := db.CreateWorkspace(ws); err != nil {
		t.Fatal(err)
	}
	var ds []checklist.Dossier
	for i := 0; i < 30; i++ {
		name := names[i%len(names)]
		if i >= len(names) {
			name += fmt.Sprintf(" %d", i/len(names))
		}
		ds = append(ds, checklist.Dossier{ID: fmt.Sprintf("c%02d", i), Name: name, SIREN: luhnSIREN(30000000 + i*7919), Payment: i%3 == 0, PendingInvoices: -1})
	}
	if err := db.PutDossiers(ws.ID, ds, "test"); err != nil {
		t.Fatal(err)
	}
	// The workspace as recorded: one type from the store to the prompts.
	got, err := db.Workspace(ws.ID)
	if err != nil {
		t.Fatal(err)
	}
	return path, got
}

// escapes finds any escape sequence or control character other than a
// line feed in what was written.
var escapes = regexp.MustCompile(`[\x00-\x09\x0b-\x1f\x7f\x{9b}]`)

func runScript(t *testing.T, path string, ws tui.Workspace, lang checklist.Lang, lines ...string) string {
	t.Helper()
	db, err := store.Open(path, store.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out bytes.Buffer
	in := strings.NewReader(strings.Join(lines, "\n") + "\n")
	err = Run(context.Background(), in, &out, Options{Store: db, Secrets: db, Workspace: &ws, Lang: lang})
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	if loc := escapes.FindStringIndex(out.String()); loc != nil {
		t.Fatalf("output holds a control character at %d: %q", loc[0], out.String()[max(0, loc[0]-40):loc[1]])
	}
	return out.String()
}

func mustContain(t *testing.T, out string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(out, p) {
			t.Fatalf("output lacks %q:\n%s", p, out)
		}
	}
}

func TestAccessibleClientStepsAndCapture(t *testing.T) {
	path, ws := openTestStore(t)
	out := runScript(t, path, ws, checklist.French,
		"6",                                 // Un client
		"lefev",                             // type-to-search: part of the name, accents folded
		"1",                                 // the first match
		"2",                                 // Vérifier la base articles
		"2",                                 // Marquer fait (1 is "Vérifier maintenant")
		"",                                  // back to the steps
		"6",                                 // Noter les IBAN des comptes externes (preparation first)
		"1",                                 // Remplir la saisie
		"1",                                 // Ajouter : compte externe
		"FR1420041010050500013M02607",       // a wrong check key
		"FR14 2004 1010 0505 0001 3M02 606", // then a good one
		"Boulangerie Lefèvre",               // Titulaire
		"o",                                 // IBAN vérifié : oui
		"4",                                 // Terminer
		"", "", "q")
	t.Log("\n" + out)
	mustContain(t, out,
		"bascule — mode accessible · Cabinet Martin & Associés · SIREN 552 008 443",
		"30 choix : tapez une partie du nom ou du SIREN.",
		"3 résultats :", "1. Boulangerie Lefèvre & Fils · SIREN",
		"Enregistré : « Vérifier la base articles » : fait.",
		"IBAN : clé de contrôle invalide",
		"IBAN : FR14 •••• 2606",
		"Au revoir. Tout est enregistré.")

	// Reopen the store: everything is there.
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	run, err := db.LoadRun(ws.ID, checklist.Default())
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := run.Status(checklist.Ref{Step: "preparation.client.articles", Client: "c00"}); st != checklist.StatusDone {
		t.Fatalf("articles: %v", st)
	}
	st, err := db.StepState(ws.ID, checklist.Ref{Step: "preparation.payment.external_accounts", Client: "c00"})
	if err != nil {
		t.Fatal(err)
	}
	if st.Status != checklist.StatusDone || st.Capture == nil || len(st.Capture.Items) != 1 ||
		st.Capture.Items[0]["iban"] != "FR1420041010050500013M02606" || st.Capture.Items[0]["validated"] != "true" {
		t.Fatalf("external accounts: %+v %+v", st, st.Capture)
	}
}

func TestAccessibleStatusesReasonsAndGates(t *testing.T) {
	path, ws := openTestStore(t)
	out := runScript(t, path, ws, checklist.French,
		"1",                      // Préparation du cabinet
		"1",                      // collaborators
		"3",                      // Marquer bloqué
		"attente de la liste RH", // reason
		"6",                      // note
		"voir avec Sophie",
		"",  // steps
		"",  // main menu
		"3", // Demande du cabinet
		"4", // Déposer la demande
		"2", // Marquer fait: refused by the gate
		"", "", "", "o")
	t.Log("\n" + out)
	mustContain(t, out, "Enregistré : « Recenser les collaborateurs du cabinet » : bloqué.", "Raison : attente de la liste RH",
		"Note : voir avec Sophie", "Refusé : ", "Quitter bascule ?", "Au revoir.")
}

func TestAccessibleEnglishAndEOF(t *testing.T) {
	path, ws := openTestStore(t)
	out := runScript(t, path, ws, checklist.English, "1", "2")
	mustContain(t, out, "accessible mode", "What to work on?", "Firm registration", "End of input.")
}

func TestAccessibleSecretSealed(t *testing.T) {
	path, ws := openTestStore(t)
	out := runScript(t, path, ws, checklist.French,
		"1", "3", // Préparation du cabinet → connexions API
		"1", // Remplir la saisie
		"1", // Ajouter
		"4", // MyUnisoft? (checked below by the saved record)
		"cabinet",
		"o", "o",
		"jeton-tres-secret",
		"phrase une", "phrase deux", // differ
		"phrase une", "phrase une",
		"", "", "", "q")
	t.Log("\n" + out)
	if strings.Contains(out, "jeton-tres-secret") || strings.Contains(out, "phrase une") {
		t.Fatal("a secret was written out")
	}
	mustContain(t, out, "Les deux saisies diffèrent", "secret enregistré (chiffré)")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st, _ := db.StepState(ws.ID, checklist.Ref{Step: "preparation.cabinet.api_connections"})
	if st.Capture == nil || len(st.Capture.Items) != 1 {
		t.Fatalf("capture: %+v", st.Capture)
	}
	rec := st.Capture.Items[0]
	if _, ok := rec["credential"]; ok {
		t.Fatalf("the secret is in the capture record: %v", rec)
	}
	name := "api." + rec["software"] + ".cabinet"
	v, err := db.Secret(ws.ID, name, []byte("phrase une"))
	if err != nil || string(v) != "jeton-tres-secret" {
		t.Fatalf("secret %s: %q %v", name, v, err)
	}
	db.Close()
	// A second run asks the passphrase again and retries a wrong one.
	out = runScript(t, path, ws, checklist.French,
		"1", "3", "1", "2", "1", // edit item 1
		"", "", "", "", // keep the values
		"nouveau-jeton",
		"mauvaise", "phrase une",
		"", "", "", "q")
	t.Log("\n" + out)
	mustContain(t, out, "Phrase secrète incorrecte", "secret enregistré (chiffré)")
	db, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	v, _ = db.Secret(ws.ID, name, []byte("phrase une"))
	if string(v) != "nouveau-jeton" {
		t.Fatalf("secret after edit: %q", v)
	}
}

// TestAccessibleFreeTextRole: a V1 role outside the guide's three is typed
// as it is beside the numbers, and recorded (issue 13, point 3).
func TestAccessibleFreeTextRole(t *testing.T) {
	path, ws := openTestStore(t)
	out := runScript(t, path, ws, checklist.French,
		"6", "lefev", "1", // Boulangerie Lefèvre & Fils
		"4",                              // Lister les utilisateurs et leurs rôles
		"1",                              // Remplir la saisie
		"1",                              // Ajouter : utilisateur
		"Julie Roux", "julie@exemple.fr", // Nom, E-mail
		"1, Responsable financier", // Rôles: the guide's first, and a V1 role
		"o",                        // À réinviter
		"4",                        // Terminer
		"", "", "q")
	t.Log("\n" + out)
	mustContain(t, out, "liste du guide §3.4 ; autre valeur possible en texte libre", "Numéros ou texte libre")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := db.StepState(ws.ID, checklist.Ref{Step: "preparation.client.users", Client: "c00"})
	if err != nil || st.Capture == nil || len(st.Capture.Items) != 1 || st.Capture.Items[0]["roles"] != "gestionnaire, Responsable financier" {
		t.Fatalf("users: %+v %v", st.Capture, err)
	}
}
