package store

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
)

// The helper processes are this test binary re-run with an env var.
const (
	envHelper = "BASCULE_STORE_HELPER"
	envDB     = "BASCULE_STORE_HELPER_DB"
)

func helperCmd(t *testing.T, mode, path string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.v=false")
	cmd.Env = append(os.Environ(), envHelper+"="+mode, envDB+"="+path)
	cmd.Stderr = os.Stderr
	return cmd
}

// TestHelperProcess is not a test: run by the tests below in a child.
//
//	hold:   open the database, print "ready", wait to be killed.
//	writer: open, then commit note changes forever, printing each note's
//	        number once ApplyStep has returned (committed and fsync'd).
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(envHelper)
	if mode == "" {
		t.Skip("helper process only")
	}
	path := os.Getenv(envDB)
	db, err := Open(path, Options{})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	switch mode {
	case "hold":
		fmt.Println("ready")
		time.Sleep(time.Minute)
	case "writer":
		g := checklist.Default()
		run, err := db.LoadRun("w", g)
		if err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		start, _ := strconv.Atoi(os.Getenv("BASCULE_STORE_HELPER_START"))
		out := bufio.NewWriter(os.Stdout)
		for i := start; ; i++ {
			c := run.Clients[i%len(run.Clients)]
			ref := checklist.Ref{Step: "preparation.client.numbering", Client: c.ID}
			status := checklist.Status(i % 3)
			if _, err := db.ApplyStep("w", run, StepChange{Ref: ref, Status: &status, Note: str(strconv.Itoa(i)), By: "writer"}); err != nil {
				fmt.Println("error", err)
				os.Exit(2)
			}
			fmt.Fprintf(out, "%d %s\n", i, c.ID)
			out.Flush()
		}
	}
	os.Exit(0)
}

func TestInUse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bascule.db")
	db := openTest(t, path)
	db.Close()
	cmd := helperCmd(t, "hold", path)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "ready" {
		t.Fatalf("helper: %q", line)
	}
	start := time.Now()
	_, err := Open(path, Options{})
	took := time.Since(start)
	var iu *InUseError
	if !errors.As(err, &iu) || !errors.Is(err, ErrInUse) {
		t.Fatalf("want InUseError, got %v", err)
	}
	if took > 2*time.Second {
		t.Fatalf("took %v", took)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "autre processus bascule") || !strings.Contains(iu.English(), path) {
		t.Fatalf("message: %v", err)
	}
	if err := Restore(path, path); err == nil {
		t.Fatal("restore while in use")
	}
}

// TestKillDuringWrites kills a writer with SIGKILL at random moments, over
// hundreds of commits, and checks that every acknowledged commit survived and
// the file passes the check.
func TestKillDuringWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	path := filepath.Join(t.TempDir(), "bascule.db")
	db := openTest(t, path)
	seedWS(t, db, "w", 50)
	db.Close()

	rng := rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))
	acked := map[string]int{} // client -> last acknowledged note number
	total, next := 0, 0
	deadline := time.Now().Add(12 * time.Second)
	rounds := 0
	for (total < 400 || rounds < 10) && time.Now().Before(deadline) {
		rounds++
		cmd := helperCmd(t, "writer", path)
		cmd.Env = append(cmd.Env, "BASCULE_STORE_HELPER_START="+strconv.Itoa(next))
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1024)
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		killAt := time.After(time.Duration(20+rng.IntN(150)) * time.Millisecond)
	read:
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					break read
				}
				record(t, l, acked, &total, &next)
			case <-killAt:
				cmd.Process.Signal(syscall.SIGKILL)
				killAt = nil
			}
		}
		cmd.Wait()
	}
	t.Logf("%d acknowledged commits over %d kills", total, rounds)
	if total < 200 {
		t.Fatalf("only %d commits", total)
	}
	db = openTest(t, path) // Open runs the check
	if err := db.Check(); err != nil {
		t.Fatal(err)
	}
	for client, n := range acked {
		s, err := db.StepState("w", checklist.Ref{Step: "preparation.client.numbering", Client: client})
		if err != nil {
			t.Fatal(err)
		}
		got, _ := strconv.Atoi(s.Note)
		// The last acknowledged note, or a later one that committed just
		// before the kill without being acknowledged.
		if got < n {
			t.Fatalf("%s: acknowledged note %d lost (found %q)", client, n, s.Note)
		}
	}
	run, err := db.LoadRun("w", checklist.Default())
	if err != nil {
		t.Fatal(err)
	}
	pos, _ := run.Guide.Position("preparation.client.numbering")
	for _, c := range run.Clients {
		s, _ := db.StepState("w", checklist.Ref{Step: "preparation.client.numbering", Client: c.ID})
		if c.Steps[pos] != s.Status {
			t.Fatalf("%s: summary %v, record %v", c.ID, c.Steps[pos], s.Status)
		}
	}
}

func record(t *testing.T, l string, acked map[string]int, total, next *int) {
	f := strings.Fields(l)
	if len(f) != 2 {
		t.Fatalf("helper said %q", l)
	}
	n, err := strconv.Atoi(f[0])
	if err != nil {
		t.Fatalf("helper said %q", l)
	}
	acked[f[1]] = n
	*total++
	*next = n + 1
}
