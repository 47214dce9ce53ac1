package tui

import (
	"errors"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func (d *driver) view() string { return ansi.Strip(d.m.View()) }

func (d *driver) mustSee(parts ...string) {
	d.t.Helper()
	v := d.view()
	for _, p := range parts {
		if !strings.Contains(v, p) {
			d.t.Fatalf("screen %s lacks %q:\n%s", d.m.Screen(), p, v)
		}
	}
}

func (d *driver) mustNotSee(parts ...string) {
	d.t.Helper()
	v := d.view()
	for _, p := range parts {
		if strings.Contains(v, p) {
			d.t.Fatalf("screen %s shows %q:\n%s", d.m.Screen(), p, v)
		}
	}
}

func TestDashboardShowsCabinetPhasesAndClients(t *testing.T) {
	env := newTestEnv(40)
	d := newDriver(t, env.opts, 100, 30)
	t.Log("\n" + d.view())
	d.mustSee("Cabinet Martin & Associés", "SIREN 552 008 443", "opérateur : C. Martin", "démo",
		"1 Préparation", "reste ≈", "3 Demande", "bloqué : 8 clients ont des factures en attente",
		"ouvre après la migration", "Prochaine étape :", "Clients (40)")
}

func TestDashboardFilterNarrowsAndClears(t *testing.T) {
	env := newTestEnv(40)
	d := newDriver(t, env.opts, 100, 30)
	d.key("/")
	d.typeText("lef")
	d.mustSee("Clients (10/40)", "/lef▏", "Boulangerie Lefèvre & Fils")
	d.mustNotSee("Café Le Zinc")
	d.typeText("e") // accents are folded: "lefe" finds "Lefèvre"
	d.mustSee("Clients (10/40)")
	d.key("backspace", "backspace", "backspace", "backspace", "enter", "/")
	d.typeText("boul")
	d.mustSee("Clients (4/40)")
	d.key("esc")
	d.mustSee("Clients (40)")
	d.key("/")
	d.typeText("300 000")
	d.mustSee("Clients (1/40)", "300 000 007")
	d.key("esc")
	d.mustSee("Clients (40)")
	if d.m.Screen() != "dashboard" {
		t.Fatalf("esc in the filter left the dashboard: %s", d.m.Screen())
	}
}

func TestDashboardSortAndPaging(t *testing.T) {
	env := newTestEnv(40)
	d := newDriver(t, env.opts, 80, 24)
	d.key("s")
	d.mustSee("↕SIREN", "Tri : SIREN")
	first := strings.Split(d.view(), "\n")[10]
	if !strings.Contains(first, "300 000 007") {
		t.Fatalf("sorted by SIREN, first row is %q", first)
	}
	d.key("s")
	d.mustSee("↕avancement")
	d.key("pgdown")
	if d.m.dash.cursor == 0 || d.m.dash.offset == 0 {
		t.Fatalf("pgdown did not page: cursor %d offset %d", d.m.dash.cursor, d.m.dash.offset)
	}
}

func TestCabinetPreparationStatuses(t *testing.T) {
	env := newTestEnv(10)
	d := newDriver(t, env.opts, 80, 24)
	d.key("c")
	d.mustSee("Préparation du cabinet", "Recenser les collaborateurs du cabinet", "0/3 faites")
	// b asks for a reason, then marks the step blocked.
	d.key("b")
	d.mustSee("Raison (bloqué)")
	d.typeText("attente de la liste RH")
	d.key("enter")
	ref := refOf("preparation.cabinet.collaborators", "")
	if st := env.store.state(ref); st.Status.String() != "blocked" || st.Reason != "attente de la liste RH" {
		t.Fatalf("store has %+v", st)
	}
	d.mustSee("Raison : attente de la liste RH", "« Recenser les collaborateurs du cabinet » : bloqué")
	// A note.
	d.key("e")
	d.typeText("voir avec Sophie")
	d.key("enter")
	d.mustSee("Note : voir avec Sophie")
	// n needs a reason too; an empty one is refused by the rules.
	d.key("down", "n", "enter")
	d.mustSee("demande une raison")
	d.key("n")
	d.typeText("aucun client inactif")
	d.key("enter")
	// "sans objet" counts as dealt with, not done (issue 15, point 14).
	d.mustSee("1/3 traitée, 1 bloquée")
	// space marks done; a second space asks before undoing (issue 15,
	// point 9): n keeps it done, o sets it back.
	d.key("down", " ")
	d.mustSee("2/3 traitées, 1 bloquée")
	d.key(" ")
	d.mustSee("2/3 traitées, 1 bloquée", "déjà faite.", "(o/n)", "o/y oui · n/esc non")
	d.key("n")
	d.mustSee("2/3 traitées, 1 bloquée", "Étape laissée faite.")
	d.key(" ", "o")
	d.mustSee("1/3 traitée, 1 bloquée")
	d.key("esc")
	if d.m.Screen() != "dashboard" {
		t.Fatalf("esc went to %s", d.m.Screen())
	}
}

func refOf(step, client string) checklist.Ref { return checklist.Ref{Step: step, Client: client} }

func TestClientPreparationCheckShowsEvidence(t *testing.T) {
	env := newTestEnv(40)
	d := newDriver(t, env.opts, 80, 24)
	d.key("/")
	d.typeText("boulangerie lef")
	d.key("enter", "enter")
	d.mustSee("Boulangerie Lefèvre & Fils", "SIREN 300 000 007", "Accepter les factures en attente")
	d.key("enter") // a connector check
	d.mustSee("Vérifié sur V1 le 12/03/2026 à 11:14", "achats en attente : 1", "factures d'achat en attente d'acceptation (1)")
	client := env.opts.Run.Clients[0].ID
	if env.store.pending[client] != 1 {
		t.Fatalf("pending invoices not recorded: %v", env.store.pending)
	}
	// Once accepted on V1, the check passes and marks the step done.
	env.v1.pending[client] = [2]int{}
	d.key("v")
	d.mustSee("✓ conforme", "1/7 faite")
	if st := env.store.state(refOf("preparation.client.pending_invoices", client)); st.Status.String() != "done" || st.Evidence == nil {
		t.Fatalf("store has %+v", st)
	}
	// The client's name and SIREN stay on screen while working on it.
	d.key("down", "down", "down", "down", "down", "enter")
	d.mustSee("Boulangerie Lefèvre & Fils", "SIREN 300 000 007")
}

func TestCheckCancelAndStaleAnswerDropped(t *testing.T) {
	env := newTestEnv(10)
	env.v1.gate = newGate()
	d := newDriver(t, env.opts, 80, 24, env.v1.gate)
	d.key("enter", "enter")
	d.mustSee("Vérification en cours")
	id := d.m.check.id
	d.key("esc")
	d.mustSee("Vérification annulée.")
	d.mustNotSee("Vérification en cours")
	if d.m.Screen() != "steps" {
		t.Fatalf("esc during a check should only cancel it, screen %s", d.m.Screen())
	}
	// A late answer of the cancelled request changes nothing.
	d.send(checkDoneMsg{id: id, ref: refOf("preparation.client.pending_invoices", "c00000")})
	if env.store.writes != 0 {
		t.Fatalf("a stale answer was written")
	}
}

func TestCaptureIBANShowsFrenchError(t *testing.T) {
	env := newTestEnv(40)
	d := newDriver(t, env.opts, 80, 24)
	d.key("enter") // Atelier Dubois, a payment client
	d.mustSee("paiement")
	for range 5 {
		d.key("down")
	}
	d.mustSee("▸ · Noter les IBAN des comptes externes")
	d.key("enter")
	d.mustSee("Ajouter : compte externe", "IBAN *")
	d.typeText("FR1420041010050500013M02607")
	d.key("enter")
	d.mustSee("IBAN : clé de contrôle invalide")
	for range len("FR1420041010050500013M02607") {
		d.key("backspace")
	}
	d.typeText("FR14 2004 1010 0505 0001 3M02 606")
	d.key("enter")
	d.mustNotSee("clé de contrôle invalide")
	d.typeText("Boulangerie")
	d.key("enter", "o")
	d.mustSee("1 compte externe", "FR14 •••• 2606")
	ref := refOf("preparation.payment.external_accounts", env.opts.Run.Clients[0].ID)
	for _, c := range env.opts.Run.Clients {
		if c.Name == "Atelier Dubois" {
			ref.Client = c.ID
		}
	}
	st := env.store.state(ref)
	if st.Capture == nil || st.Capture.Items[0]["iban"] != "FR1420041010050500013M02606" || st.Status.String() != "in_progress" {
		t.Fatalf("store has %+v", st)
	}
	d.key("t")
	if env.store.state(ref).Status.String() != "done" {
		t.Fatalf("t did not finish the capture")
	}
	d.mustSee("Saisi : 1 compte externe")
}

func TestCaptureCollaborator(t *testing.T) {
	env := newTestEnv(5)
	d := newDriver(t, env.opts, 100, 30)
	d.key("c", "enter")
	d.mustSee("Ajouter : collaborateur", "Nom *")
	d.typeText("Sophie Durand")
	d.key("enter")
	d.typeText("sophie.durand@")
	d.key("enter")
	d.mustSee("E-mail")
	d.typeText("cabinet-martin.fr")
	d.key("enter")
	d.typeText("Comptable")
	d.key("enter")
	d.key("down", "down", "x", "enter") // V2 role: Comptable
	d.key("enter")                      // no other role as free text
	d.key("o")                          // invite again: oui
	d.mustSee("1 collaborateur", "Sophie Durand · sophie.durand@cabinet-martin.fr · Comptable")
	d.key("t")
	d.mustSee("1/3 faite", "Saisi : 1 collaborateur")
}

func TestBulkMarkWithConfirmation(t *testing.T) {
	env := newTestEnv(20)
	d := newDriver(t, env.opts, 100, 30)
	d.key("x", "x", " ")
	d.mustSee("• 3 sélectionnés")
	d.key("m")
	d.mustSee("Marquer 3 clients", "Étape")
	d.key("down", "enter") // Vérifier la base articles
	d.key("enter")         // fait
	d.mustSee("Marquer « Vérifier la base articles » comme « fait » pour 3 clients ?")
	d.key("o", "enter")
	d.mustSee("3 clients marqués")
	n := 0
	for ref, st := range env.store.states {
		if ref.Step == "preparation.client.articles" && st.Status.String() == "done" {
			n++
		}
	}
	if n != 3 {
		t.Fatalf("%d clients marked in the store, want 3", n)
	}
	d.mustNotSee("sélectionné")
}

func TestRegistrationIdentityMismatch(t *testing.T) {
	env := newTestEnv(5)
	env.v2.reg.Identity.ManagerEmail = "autre@exemple.fr"
	d := newDriver(t, env.opts, 100, 30)
	d.key("i")
	d.mustSee("Inscription du cabinet", "S'inscrire via Comptexpert", "Créer le dossier du cabinet")
	d.key(" ", "down", "enter")
	d.mustSee("Vérifié sur V2", "e-mail du responsable différent", "autre@exemple.fr")
	if st := env.store.state(refOf("registration.identity", "")); st.Status.String() == "done" {
		t.Fatal("a mismatched identity was marked done")
	}
	env.v2.reg.Identity.ManagerEmail = testCabinet.ManagerEmail
	d.key("v")
	d.mustSee("✓ conforme")
	if st := env.store.state(refOf("registration.identity", "")); st.Status.String() != "done" {
		t.Fatalf("identity check: %+v", st)
	}
}

func TestTooSmallAndEnglishAndHelp(t *testing.T) {
	env := newTestEnv(5)
	d := newDriver(t, env.opts, 70, 20)
	d.mustSee("terminal trop petit (80×24 minimum)")
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.mustSee("Clients (5)")
	d.key("?")
	d.mustSee("tout sélectionner", "inscription §3.1", "quitter")
	env.opts.Lang = checklist.English
	e := newDriver(t, env.opts, 100, 30)
	e.mustSee("operator: C. Martin", "Next step:", "left ≈", "1 Preparation")
}

func TestFatalErrorScreenAndExit(t *testing.T) {
	env := newTestEnv(5)
	d := newDriver(t, env.opts, 80, 24)
	d.send(fatalMsg{errors.New("la base est endommagée")})
	d.mustSee("bascule s'est arrêté sur une erreur", "la base est endommagée")
	if d.m.Err() == nil {
		t.Fatal("Err() is nil after a fatal error")
	}
	_, cmd := d.m.Update(keyMsg("x"))
	if cmd == nil {
		t.Fatal("a key on the error screen should quit")
	}
}

func TestStatusLineFades(t *testing.T) {
	env := newTestEnv(5)
	d := newDriver(t, env.opts, 80, 24)
	d.send(statusMsg{text: "bonjour"})
	d.mustSee("bonjour")
	id := d.m.status.id
	d.send(statusTickMsg{id: id})
	if !d.m.status.faded {
		t.Fatal("not faded")
	}
	d.send(statusTickMsg{id: id})
	d.mustNotSee("bonjour")
}

func TestQuitKeys(t *testing.T) {
	env := newTestEnv(5)
	m := New(env.opts)
	_, cmd := m.Update(keyMsg("q"))
	if cmd == nil || cmd() != tea.Quit() {
		t.Fatal("q does not quit")
	}
	// While filtering, q is a letter.
	d := newDriver(t, env.opts, 80, 24)
	d.key("/", "q")
	d.mustSee("/q▏")
}

// TestSessionBackup: the backup Options.Backup takes runs once the program
// has started, and the status line says so; a failure is said, and the
// program goes on.
func TestSessionBackup(t *testing.T) {
	env := newTestEnv(3)
	calls := 0
	env.opts.Backup = func() (string, error) {
		calls++
		return "/data/bascule/bascule.db.backup-20261126T090000Z", nil
	}
	d := newDriver(t, env.opts, 120, 40)
	d.mustSee("Base sauvegardée : bascule.db.backup-20261126T090000Z")
	if calls != 1 {
		t.Fatalf("backup taken %d times", calls)
	}

	env = newTestEnv(3)
	env.opts.Backup = func() (string, error) { return "", errors.New("disque plein") }
	d = newDriver(t, env.opts, 120, 40)
	d.mustSee("Sauvegarde de début de session impossible : disque plein")
	d.key("down")
	d.mustSee("Client") // still working

	env = newTestEnv(3)
	env.opts.Backup = func() (string, error) { return "", nil } // a recent one exists
	d = newDriver(t, env.opts, 120, 40)
	if strings.Contains(ansi.Strip(d.m.View()), "sauvegard") {
		t.Fatal("a status line for a backup not taken")
	}
}
