package main

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// keyFiles writes an OpenSSH key pair, as ssh-keygen would, for the
// system ssh client.
func keyFiles(t *testing.T, dir, name string) (priv, pub string) {
	t.Helper()
	pk, sk, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(sk, name)
	if err != nil {
		t.Fatal(err)
	}
	sshPub, err := gossh.NewPublicKey(pk)
	if err != nil {
		t.Fatal(err)
	}
	priv, pub = filepath.Join(dir, name), filepath.Join(dir, name+".pub")
	if err := os.WriteFile(priv, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pub, gossh.MarshalAuthorizedKey(sshPub), 0o600); err != nil {
		t.Fatal(err)
	}
	return priv, pub
}

// TestServeEndToEndSSH serves the demo with the real binary, connects
// twice with the system's ssh client in tmux (Alice and Claire), ticks a
// step in Alice's wizard and sees it in Claire's, quits both, stops the
// server with Ctrl-C and finds the change locally, under Alice's name.
func TestServeEndToEndSSH(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	for _, tool := range []string{"tmux", "ssh"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip(tool + " not installed")
		}
	}
	h := newHarness(t)
	h.want(0, "status", "--demo")
	dir := t.TempDir()
	priv, pub := keyFiles(t, dir, "alice")
	h.want(0, "team", "add", "Alice", "--key", pub, "--role", "admin", "--demo")
	privC, pubC := keyFiles(t, dir, "claire")
	h.want(0, "team", "add", "Claire", "--key", pubC, "--role", "collaborateur", "--client", "404833048", "--demo")

	bin := testBinary(t)
	srv := exec.Command(bin, "--db", h.db, "--demo", "serve", "--addr", "127.0.0.1:0")
	srv.Env = append(os.Environ(), "LANG=fr_FR.UTF-8")
	var srvErr bytes.Buffer
	srv.Stderr = &srvErr
	out, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Process.Kill(); _ = srv.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	m := regexp.MustCompile(`servi sur (\S+) :`).FindStringSubmatch(line)
	if err != nil || m == nil {
		t.Fatalf("serve said %q (%v)\n%s", line, err, srvErr.String())
	}
	_, port, _ := net.SplitHostPort(m[1])

	alice := sshTmux(t, dir, "alice", port, priv)
	claire := sshTmux(t, dir, "claire", port, privC)
	alice.waitFor("Clients (")
	alice.waitFor("Alice") // the header names the member, not the workspace's operator
	for _, tm := range []*tmux{alice, claire} {
		tm.waitFor("Clients (")
		tm.keys("/")
		tm.text("lefe")
		tm.keys("Enter", "Enter")
		tm.waitFor("Boulangerie Lefèvre & Fils · SIREN 404 833 048")
	}
	alice.waitFor("Claire est sur ce dossier")
	claire.waitFor("Alice est sur ce dossier")
	alice.keys("Down", "Down", "Down", "Down", "Space")
	alice.waitFor("1/7 faite")
	claire.waitFor("1/7 faite") // drawn from the engine's event, no key pressed
	claire.waitFor("Alice a changé «")
	for _, tm := range []*tmux{alice, claire} {
		tm.keys("q")
		tm.waitExit()
	}

	if err := srv.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err = srv.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitInterrupted {
		t.Errorf("serve after Ctrl-C: %v, want exit %d", err, exitInterrupted)
	}
	if !strings.Contains(srvErr.String(), "base fermée") {
		t.Errorf("serve did not say it closed the database:\n%s", srvErr.String())
	}

	r := h.want(0, "step", "list", "--client", "404833048", "--json", "--demo")
	var rows []struct {
		ID, Status, By string
	}
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatal(err)
	}
	done := 0
	for _, row := range rows {
		if row.Status == "done" {
			done++
			if row.By != "Alice" {
				t.Errorf("%s done by %q, want Alice", row.ID, row.By)
			}
		}
	}
	if done != 1 {
		t.Errorf("%d steps done after the SSH session, want 1:\n%s", done, r.stdout)
	}
}

// sshTmux opens the system ssh client as who, in its own tmux session.
func sshTmux(t *testing.T, dir, who, port, key string) *tmux {
	t.Helper()
	tm := &tmux{t: t, name: fmt.Sprintf("bascule-serve-e2e-%s-%d", who, os.Getpid()),
		stderr: filepath.Join(dir, who+"-stderr.txt"), exit: filepath.Join(dir, who+"-exit.txt")}
	ssh := fmt.Sprintf("ssh -tt -p %s -i %q -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no "+
		"-o UserKnownHostsFile=/dev/null -o SendEnv=LANG %s@127.0.0.1", port, key, who)
	tm.run("new-session", "-d", "-s", tm.name, "-x", "100", "-y", "30",
		"env", "LANG=fr_FR.UTF-8", "TERM=xterm-256color",
		"sh", "-c", fmt.Sprintf("%s 2>>%q; echo $? >%q; sleep 600", ssh, tm.stderr, tm.exit))
	t.Cleanup(func() { _ = exec.Command("tmux", "kill-session", "-t", tm.name).Run() })
	return tm
}
