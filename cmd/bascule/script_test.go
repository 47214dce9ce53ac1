package main

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestStepSetSurvivesKill9 runs step set in a loop in child processes and
// kills some of them with SIGKILL at random moments. Every command that
// exited 0 must be found afterwards, and the database must pass the check.
func TestStepSetSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs child processes")
	}
	bin := testBinary(t)
	db := filepath.Join(t.TempDir(), "bascule.db")
	base := []string{"--db", db, "--demo"}
	if out, err := exec.Command(bin, append(base, "status")...).CombinedOutput(); err != nil {
		t.Fatalf("status: %v\n%s", err, out)
	}

	// Distinct step instances, so that each acknowledged command has one
	// expected outcome whatever happened to the killed ones.
	out, err := exec.Command(bin, append(base, "report", "--format", "json")...).Output()
	if err != nil {
		t.Fatalf("report: %v", err)
	}
	var rep struct {
		Clients []struct{ ID string } `json:"clients"`
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	var clients []string
	for _, c := range rep.Clients {
		clients = append(clients, c.ID)
	}
	steps := []string{"preparation.client.logo", "preparation.client.users", "preparation.client.numbering"}
	rng := rand.New(rand.NewPCG(7, 11))
	acked := map[string]bool{} // "client/step" → exited 0
	killed := 0
	for i := 0; i < 60; i++ {
		client := clients[rng.IntN(len(clients))]
		step := steps[rng.IntN(len(steps))]
		key := client + "/" + step
		if _, seen := acked[key]; seen {
			continue
		}
		cmd := exec.Command(bin, append(base, "step", "set", "client", step, "--client", client, "--status", "in_progress")...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill about half of them, somewhere between start-up and commit.
		var timer *time.Timer
		if rng.IntN(2) == 0 {
			timer = time.AfterFunc(time.Duration(rng.IntN(40_000))*time.Microsecond, func() { _ = cmd.Process.Kill() })
		}
		err := cmd.Wait()
		if timer != nil {
			timer.Stop()
		}
		switch {
		case err == nil:
			acked[key] = true
		case cmd.ProcessState != nil && cmd.ProcessState.ExitCode() == 2:
			t.Fatalf("usage error for %s", key)
		default:
			killed++
			acked[key] = false
		}
	}
	t.Logf("%d acknowledged, %d killed", countTrue(acked), killed)

	out, err = exec.Command(bin, append(base, "doctor")...).CombinedOutput()
	if err != nil {
		t.Fatalf("doctor after kills: %v\n%s", err, out)
	}
	for key, ok := range acked {
		if !ok {
			continue
		}
		client, step, _ := strings.Cut(key, "/")
		out, err := exec.Command(bin, append(base, "step", "list", "--json", "--client", client)...).Output()
		if err != nil {
			t.Fatalf("step list: %v", err)
		}
		var rows []stepRowT
		if err := json.Unmarshal(out, &rows); err != nil {
			t.Fatal(err)
		}
		if got := findRow(rows, step); got.Status != "in_progress" {
			t.Errorf("%s acknowledged but found %q", key, got.Status)
		}
	}
}

func countTrue(m map[string]bool) int {
	n := 0
	for _, v := range m {
		if v {
			n++
		}
	}
	return n
}

// TestSandboxServeInterrupted serves the sandbox, answers a request, and
// exits 130 on SIGINT.
func TestSandboxServeInterrupted(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a child process")
	}
	bin := testBinary(t)
	cmd := exec.Command(bin, "--db", filepath.Join(t.TempDir(), "b.db"), "sandbox", "serve", "--addr", "127.0.0.1:0", "--clients", "5")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("no banner: %v", err)
	}
	i := strings.Index(line, "http://")
	if i < 0 {
		t.Fatalf("banner %q", line)
	}
	url := strings.Fields(line[i:])[0]
	resp, err := http.Get(url + "/v1/status")
	if err != nil {
		t.Fatalf("GET: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized && resp.StatusCode != http.StatusOK {
		t.Errorf("GET /v1/status: %d", resp.StatusCode)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("server did not stop on SIGINT")
	}
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupted {
		t.Errorf("exit %d after SIGINT, want %d", code, exitInterrupted)
	}
}
