package tui

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// e2eDir is where e2eBinary builds bascule: one folder per test process,
// removed by TestMain when the tests are done (removeE2EBuild).
func e2eDir() string { return filepath.Join(os.TempDir(), fmt.Sprintf("bascule-e2e-%d", os.Getpid())) }

// e2eBinary is bascule built for the end-to-end tests, once per test
// process. TestMain starts the build in the background on a full run
// (startE2EBuild), so that the link overlaps the in-process tests; a test
// run alone builds it on demand.
var e2eBinary = sync.OnceValues(func() (string, error) {
	dir := e2eDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "bascule")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/bascule").CombinedOutput(); err != nil {
		return "", fmt.Errorf("build: %v\n%s", err, out)
	}
	return bin, nil
})

// removeE2EBuild removes what e2eBinary built, if anything; called by
// TestMain once every test is done.
func removeE2EBuild() { _ = os.RemoveAll(e2eDir()) }

// startE2EBuild starts e2eBinary in the background when the end-to-end test
// will run: a full run (no -run, no -skip, no -short) with tmux installed.
// Called from TestMain after flag.Parse.
func startE2EBuild() {
	for _, f := range []string{"test.run", "test.skip"} {
		if fl := flag.Lookup(f); fl != nil && fl.Value.String() != "" {
			return
		}
	}
	if testing.Short() {
		return
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		return
	}
	go func() { _, _ = e2eBinary() }()
}

// TestFilesFirstRunEndToEnd drives the real binary in tmux, with NO_COLOR,
// through a files-mode first run on an empty database: the export path
// typed shows on its input line, the confirmation shows which button is
// chosen without colour, and the workspace is created with its dossiers.
func TestFilesFirstRunEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed")
	}
	// In parallel: it waits on the program far more than it computes, and
	// starts once the in-process tests are done, the binary built by then.
	t.Parallel()
	bin, err := e2eBinary()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	export := "Raison sociale;SIREN;Statut;E-mail du contact;Prénom du contact;Nom du contact;Code postal;Ville;IBAN\n" +
		"Boulangerie Lefèvre;552008443;Actif;emile@lefevre.fr;Émile;Lefèvre;75011;Paris;FR7630006000011234567890189\n" +
		"Café Le Zinc;732829320;Actif;zinc@cafe.fr;Léa;Dupont;06000;Nice;\n" +
		"Client actif;334175221;Actif;actif@exemple.fr;Marc;Blanc;44000;Nantes;\n" +
		"Mauvais IBAN;404833048;Actif;ok@exemple.fr;Anne;Petit;33000;Bordeaux;FR7630006000011234567890180\n"
	if err := os.WriteFile(filepath.Join(dir, "export-v1.csv"), []byte(export), 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "bascule.db")
	p := &pane{t: t, name: fmt.Sprintf("bascule-files-%d-%s", os.Getpid(), filepath.Base(filepath.Dir(dir))), exit: filepath.Join(dir, "exit.txt"), stderr: filepath.Join(dir, "stderr.txt")}
	p.tmux("new-session", "-d", "-s", p.name, "-x", "100", "-y", "30", "-c", dir,
		"env", "LANG=fr_FR.UTF-8", "TERM=xterm-256color", "NO_COLOR=1",
		"sh", "-c", fmt.Sprintf("%q --db %q 2>>%q; echo $? >%q; sleep 600", bin, db, p.stderr, p.exit))
	t.Cleanup(func() { _ = exec.Command("tmux", "kill-session", "-t", p.name).Run() })

	p.waitFor("Nouvel espace de travail")
	p.keys("Down")
	p.waitFor("> Fichiers d'export V1")
	p.keys("Enter")
	p.waitFor("Identité du cabinet")
	// Each answer shows as typed; Enter moves the focus bar (┃) on.
	for _, f := range []struct{ text, next string }{
		{"552 008 443", "┃ Raison sociale *"}, {"Cabinet Martin", "┃ E-mail du responsable *"},
		{"c.martin@cabinet-martin.fr", "┃ Votre nom (opérateur) *"}, {"C. Martin", "┃ Fichier d'export des clients V1"},
	} {
		p.text(f.text)
		p.waitFor("> " + f.text)
		p.keys("Enter")
		p.waitFor(f.next)
	}
	p.text("export-v1.csv")
	p.waitFor("> export-v1.csv")
	p.keys("Enter")
	p.waitFor("3 dossiers créés depuis l'export V1, 1 ligne refusée")
	p.keys("Enter")
	p.waitFor("Clients (3)")

	// A confirmation: the chosen button is bracketed, without colour.
	p.keys("x", "m")
	p.waitFor("Nouveau statut")
	p.keys("Down")
	p.waitFor("> Vérifier la base articles")
	p.keys("Enter", "Enter")
	p.waitFor("[ Non ]")
	if scr := p.screen(); !strings.Contains(scr, "Oui, marquer") || strings.Contains(scr, "[ Oui, marquer ]") {
		t.Fatalf("the buttons do not say which is chosen:\n%s", scr)
	}
	p.keys("Left")
	p.waitFor("[ Oui, marquer ]")
	p.keys("Enter")
	p.waitFor("1 client marqué")
	p.keys("q")
	p.waitExit()

	// The workspace is in the database, with its three dossiers and the
	// step marked.
	out, err := exec.Command(bin, "status", "--db", db, "--json").CombinedOutput()
	if err != nil {
		t.Fatalf("status: %v\n%s", err, out)
	}
	for _, want := range []string{`"name": "Cabinet Martin"`, `"workspace": "552008443"`, `"operator": "C. Martin"`,
		"Boulangerie Lefèvre", "Café Le Zinc", "Client actif", `"done": 1,`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("status --json lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), "Mauvais IBAN") {
		t.Errorf("the refused row became a dossier:\n%s", out)
	}
}

// pane is a tmux session running the program; every wait polls the screen
// until the text shows, with a deadline, never a fixed pause.
type pane struct {
	t                  *testing.T
	name, exit, stderr string
}

func (p *pane) tmux(args ...string) string {
	p.t.Helper()
	out, err := exec.Command("tmux", args...).CombinedOutput()
	if err != nil {
		p.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (p *pane) keys(keys ...string) {
	p.t.Helper()
	for _, k := range keys {
		p.tmux("send-keys", "-t", p.name, k)
	}
}

func (p *pane) text(s string) {
	p.t.Helper()
	p.tmux("send-keys", "-t", p.name, "-l", s)
}

func (p *pane) screen() string { return p.tmux("capture-pane", "-t", p.name, "-p") }

// deadline is generous: CI runs other packages' tests beside this one; a
// passing wait returns as soon as the screen shows the text.
const paneDeadline = 25 * time.Second

func (p *pane) until(ok func(string) bool, what string) {
	p.t.Helper()
	end := time.Now().Add(paneDeadline)
	for {
		scr := p.screen()
		if ok(scr) {
			return
		}
		if time.Now().After(end) {
			errs, _ := os.ReadFile(p.stderr)
			p.t.Fatalf("waiting for %s, the screen shows:\n%s\nstderr:\n%s", what, scr, errs)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (p *pane) waitFor(s string) {
	p.t.Helper()
	p.until(func(scr string) bool { return strings.Contains(scr, s) }, fmt.Sprintf("%q", s))
}

// waitExit waits for the program to end and checks its exit code.
func (p *pane) waitExit() {
	p.t.Helper()
	p.until(func(string) bool {
		b, err := os.ReadFile(p.exit)
		return err == nil && len(b) > 0
	}, "the program to exit")
	if b, _ := os.ReadFile(p.exit); strings.TrimSpace(string(b)) != "0" {
		errs, _ := os.ReadFile(p.stderr)
		p.t.Fatalf("bascule exited with status %s; stderr:\n%s", b, errs)
	}
}
