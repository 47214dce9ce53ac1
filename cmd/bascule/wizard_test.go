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

// TestWizardEndToEnd drives the real binary in tmux on the demo workspace:
// cabinet preparation (a collaborator), a client's IBAN (an invalid one
// first: the French error shows), a step ticked by hand, quit, start again
// and find everything as it was.
func TestWizardEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed")
	}
	dir := t.TempDir()
	bin := testBinary(t)
	db := filepath.Join(dir, "bascule.db")
	tm := &tmux{t: t, name: fmt.Sprintf("bascule-e2e-%d", os.Getpid()),
		stderr: filepath.Join(dir, "stderr.txt"), exit: filepath.Join(dir, "exit.txt")}
	start := func() {
		_ = os.Remove(tm.exit)
		// The shell records the exit code: tmux may be slow to notice a
		// pane's process has ended.
		tm.run("new-session", "-d", "-s", tm.name, "-x", "100", "-y", "30",
			"env", "LANG=fr_FR.UTF-8", "TERM=xterm-256color",
			"sh", "-c", fmt.Sprintf("%q --demo --db %q 2>>%q; echo $? >%q; sleep 600", bin, db, tm.stderr, tm.exit))
	}
	start()
	t.Cleanup(func() { _ = exec.Command("tmux", "kill-session", "-t", tm.name).Run() })
	tm.waitFor("Clients (")

	// Cabinet preparation: one collaborator.
	tm.keys("c")
	tm.waitFor("Préparation du cabinet")
	tm.keys("Enter")
	tm.waitFor("Ajouter : collaborateur")
	tm.text("Sophie Durand")
	tm.keys("Enter")
	tm.text("sophie.durand@cabinet-martin.fr")
	tm.keys("Enter", "Enter", "Enter", "Enter", "o") // V1 role, V2 roles, other roles (free text), invite again
	tm.waitFor("1 collaborateur")
	tm.keys("t")
	tm.waitFor("1/3 faite")
	tm.keys("Escape")
	tm.waitFor("Clients (")

	// A client: an invalid IBAN first, then a valid one.
	tm.keys("/")
	tm.text("lefe")
	tm.keys("Enter", "Enter")
	tm.waitFor("Boulangerie Lefèvre & Fils · SIREN 404 833 048")
	tm.keys("Down", "Down", "Down", "Down", "Down")
	tm.waitFor("Noter les IBAN des comptes externes · à faire")
	tm.keys("Enter")
	tm.waitFor("Ajouter : compte externe")
	tm.text("FR1420041010050500013M02607")
	tm.keys("Enter")
	tm.waitFor("IBAN : clé de contrôle invalide")
	tm.keys("C-u")
	tm.text("FR76 3000 6000 0112 3456 7890 189")
	tm.keys("Enter")
	tm.text("Boulangerie Lefèvre")
	tm.keys("Enter", "o")
	tm.waitFor("1 compte externe")
	tm.keys("t")
	tm.waitFor("1/7 faite")
	// A step ticked by hand.
	tm.keys("Up", "Space")
	tm.waitFor("2/7 faites")
	tm.keys("q")
	tm.waitExit()

	// Start again: everything is where it was.
	tm.run("kill-session", "-t", tm.name)
	start()
	tm.waitFor("Clients (")
	tm.keys("/")
	tm.text("lefe")
	tm.keys("Enter")
	tm.waitFor("2/7")
	tm.keys("Enter")
	tm.waitFor("2/7 faites")
	tm.keys("Escape", "Escape", "c")
	tm.waitFor("1/3 faite")
	tm.keys("Up") // the cursor starts on the first step left to do
	tm.waitFor("Saisi : 1 collaborateur (Sophie Durand")
	tm.keys("q")
	tm.waitExit()
	// The first session backed the database up; the second, within the
	// hour, did not push another one in.
	if bs, _ := filepath.Glob(db + ".backup-*"); len(bs) != 1 {
		t.Errorf("backups beside the database: %q, want one", bs)
	}
}

type tmux struct {
	t      *testing.T
	name   string
	stderr string // the program's standard error, kept for a failure report
	exit   string // where the shell writes the program's exit code
}

func (tm *tmux) run(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", args...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *tmux) keys(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		tm.run("send-keys", "-t", tm.name, k)
		time.Sleep(60 * time.Millisecond)
	}
}

func (tm *tmux) text(s string) {
	tm.t.Helper()
	tm.run("send-keys", "-t", tm.name, "-l", s)
	time.Sleep(100 * time.Millisecond)
}

func (tm *tmux) screen() string {
	return tm.run("capture-pane", "-t", tm.name, "-p")
}

// waitExit waits for the program to end and checks its exit code.
func (tm *tmux) waitExit() {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if b, err := os.ReadFile(tm.exit); err == nil && len(b) > 0 {
			if code := strings.TrimSpace(string(b)); code != "0" {
				errs, _ := os.ReadFile(tm.stderr)
				tm.t.Fatalf("bascule exited with status %s:\n%s\nstderr:\n%s", code, tm.screen(), errs)
			}
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("bascule did not exit; the screen shows:\n%s", tm.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (tm *tmux) waitFor(s string) {
	tm.t.Helper()
	// Generous: CI runs the other packages' tests beside this one on two
	// cores; a passing wait returns as soon as the text shows.
	deadline := time.Now().Add(25 * time.Second)
	for {
		scr := tm.screen()
		if strings.Contains(scr, s) {
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("waiting for %q, the screen shows:\n%s", s, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
