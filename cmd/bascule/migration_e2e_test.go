package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMigrationEndToEnd drives the real binary in tmux through the whole
// migration of a 5-client demo cabinet, the simulated platform migrating at
// once: preparation (the demo plays the clients on V1, sweeps and bulk
// marking), registration, the request (§3.2: e-mails, gate, submission
// confirmed by the SIREN, the answer polled), reconciliation and
// re-creation (§3.3–3.4, bulk V2 actions and bulk marking), and checks that
// the summary shows every line of the §4 table resolved.
func TestMigrationEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed")
	}
	dir := t.TempDir()
	bin := testBinary(t)
	db := filepath.Join(dir, "bascule.db")
	tm := &tmux{t: t, name: fmt.Sprintf("bascule-mig-%d", os.Getpid()),
		stderr: filepath.Join(dir, "stderr.txt"), exit: filepath.Join(dir, "exit.txt")}
	tm.run("new-session", "-d", "-s", tm.name, "-x", "120", "-y", "40", "-c", dir,
		"env", "LANG=fr_FR.UTF-8", "TERM=xterm-256color",
		"sh", "-c", fmt.Sprintf("%q --demo-clients 5 --demo-delay 0 --db %q 2>>%q; echo $? >%q; sleep 600", bin, db, tm.stderr, tm.exit))
	t.Cleanup(func() { _ = exec.Command("tmux", "kill-session", "-t", tm.name).Run() })
	tm.waitFor("Clients (5)")

	// §2 and §3.1 on the platforms: the demo plays the clients and the firm.
	for _, k := range []string{"2", "3", "1"} {
		tm.keys("D")
		tm.waitFor("Démo : jouer l'utilisateur")
		tm.keys(k)
		tm.waitFor("Démo : ")
		tm.waitFor("Clients (5)")
	}

	// §2, the clients: sweeps on V1, then bulk marking of the captures.
	mig := migDriver{tm}
	mig.bulkAction("Vérifier sur V1 : Accepter les factures en attente")
	mig.bulkAction("Vérifier sur V1 : Vérifier la base articles")
	// The article check shows what it found; a person judges and ticks (§2 item 2).
	for _, step := range []string{"Vérifier la base articles", "Récupérer le logo de l'entreprise", "Lister les utilisateurs et leurs rôles",
		"Noter la numérotation des factures de vente", "Noter les IBAN des comptes externes", "Exporter les relevés de transactions"} {
		mig.bulkMark(step)
	}
	// §2, the firm: three steps ticked.
	tm.keys("c")
	tm.waitFor("Préparation du cabinet")
	tm.keys("Space", "Down", "Space", "Down", "Space")
	tm.waitFor("3/3 faites")
	tm.keys("Escape")
	// §3.1: the manual steps ticked, the others checked on V2.
	tm.keys("i")
	tm.waitFor("Inscription du cabinet")
	tm.keys("Space")
	tm.waitFor("1/5 faite")
	tm.keys("Down", "Enter")
	tm.waitFor("2/5 faites")
	tm.keys("Down", "Space")
	tm.waitFor("3/5 faites")
	tm.keys("Down", "Enter")
	tm.waitFor("4/5 faites")
	tm.keys("Down", "Enter")
	tm.waitFor("5/5 faites")
	tm.keys("Escape")
	tm.waitFor("Clients (5)")

	// §3.2, the request.
	tm.keys("d")
	tm.waitFor("Demande de migration")
	tm.keys("Enter")
	tm.waitFor("5 messages écrits")
	if files, _ := filepath.Glob(filepath.Join(dir, "bascule-sortie", "annonces", "*", "*.eml")); len(files) != 5 {
		t.Fatalf("%d .eml files written, want 5", len(files))
	}
	tm.keys("Down", "v")
	tm.waitFor("dossier du cabinet : 0 facture en attente")
	tm.keys("Down", "v")
	tm.waitFor("Rien ne bloque")
	tm.keys("Down", "Enter")
	tm.waitFor("tapez le SIREN du cabinet")
	tm.text("552 008 443")
	tm.keys("Enter")
	tm.waitFor("migration réussie")
	tm.waitFor("V1 est en lecture seule")
	tm.keys("Down", "Down", "Space")
	tm.waitFor("6/8 faites")
	tm.keys("Down", "Space")
	tm.waitFor("7/8 faites")
	tm.keys("Down", "Enter")
	tm.waitFor("8/8 faites")
	tm.keys("Escape")
	tm.waitFor("Clients (5)")

	// §3.3–3.4, the clients: V2 through bulk actions, the rest by hand.
	mig.bulkAction("Contrôler sur V2 : Contrôler ce qui a migré")
	tm.keys("r")
	tm.waitFor("✓ migré")
	tm.keys("Escape")
	mig.bulkAction("Recréer sur V2 : Configurer la numérotation des factures de vente")
	mig.bulkAction("Recréer sur V2 : Compléter le profil et le logo")
	mig.bulkAction("Contrôler sur V2 : Constater que le compte de paiement Banqup est conservé")
	// bascule picks no plan: each client chooses on V2, and the step is
	// ticked; the per-space read-only state is seen on V1 (no connector
	// tells it), the payment-services subscription request made by hand.
	for _, step := range []string{"Choisir le nouvel abonnement", "Constater que l'ancien espace est en lecture seule",
		"Faire la nouvelle demande de souscription", "Ajouter les utilisateurs et leurs rôles", "Ressaisir les comptes bancaires",
		"Refaire les paramètres de personnalisation", "Reconnecter les comptes externes", "Archiver les relevés de transactions exportés"} {
		mig.bulkMark(step)
	}
	// §3.3–3.4, the firm.
	tm.keys("R")
	tm.waitFor("Contrôler les données du dossier cabinet")
	tm.keys("Enter")
	tm.waitFor("1/5 faite")
	tm.keys("Down", "Space")
	tm.waitFor("2/5 faites")
	tm.keys("Down", "Space")
	tm.waitFor("3/5 faites")
	tm.keys("Down", "Space")
	tm.waitFor("4/5 faites")
	tm.keys("Down", "Enter")
	tm.waitFor("(o/n)")
	tm.keys("o")
	tm.waitFor("5/5 faites")
	tm.keys("Escape")

	// §4.
	tm.keys("t")
	tm.waitFor("Synthèse §4")
	tm.waitFor("toutes les lignes du tableau §4 sont réglées")
	tm.keys("Space")
	tm.waitFor("synthèse relue : fait")
	tm.keys("Tab")
	tm.waitFor("Fait pendant la session")
	tm.waitFor("rien : la migration est terminée")
	tm.keys("q")
	tm.waitExit()
}

// migDriver holds the key sequences the migration test repeats.
type migDriver struct{ tm *tmux }

// pick moves a huh select down to the option containing label.
func (d migDriver) pick(label string) {
	tm := d.tm
	tm.t.Helper()
	scr := tm.screen()
	for range 30 {
		for _, l := range strings.Split(scr, "\n") {
			if strings.Contains(l, label) && strings.HasPrefix(strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "┃")), ">") {
				return
			}
		}
		tm.keys("Down")
		// One key at a time: wait for it to show before looking again, or
		// a loaded machine lets keys pile up past the option.
		before := scr
		for deadline := time.Now().Add(5 * time.Second); scr == before && time.Now().Before(deadline); {
			time.Sleep(20 * time.Millisecond)
			scr = tm.screen()
		}
	}
	tm.t.Fatalf("option %q not found:\n%s", label, scr)
}

// bulkAction selects every client and runs a connector action on them.
func (d migDriver) bulkAction(label string) {
	tm := d.tm
	tm.t.Helper()
	tm.keys("C-a", "a")
	tm.waitFor("Action en lot pour 5 clients")
	d.pick(label)
	tm.keys("Enter")
	tm.waitFor("Lancer pour 5 clients")
	tm.keys("o") // accepts and submits
	tm.waitFor("Action en lot terminée")
	tm.keys("Escape")
	tm.waitFor("Clients (5)")
	time.Sleep(100 * time.Millisecond)
}

// bulkMark selects every client and marks one step done by hand.
func (d migDriver) bulkMark(step string) {
	tm := d.tm
	tm.t.Helper()
	tm.keys("C-a", "m")
	tm.waitFor("Marquer 5 clients")
	d.pick(step)
	tm.keys("Enter")
	tm.waitFor("Nouveau statut")
	tm.keys("Enter")
	tm.waitFor("comme « fait »")
	tm.keys("o") // accepts and submits
	tm.waitFor("marqués")
	tm.waitFor("Clients (5)")
}
