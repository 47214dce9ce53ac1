package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/connectors"
)

// failingV1 wraps the demo's V1 and fails for one client, as a flaky
// platform would.
type failingV1 struct {
	connectors.V1
	fail string
}

func (f failingV1) ClientSnapshot(ctx context.Context, id string) (connectors.V1Snapshot, error) {
	if id == f.fail {
		return connectors.V1Snapshot{}, &connectors.Error{Op: "v1.ClientSnapshot", Kind: connectors.ErrUnavailable}
	}
	return f.V1.ClientSnapshot(ctx, id)
}

func TestSweepContinuesOnError(t *testing.T) {
	h := newHarness(t)
	h.want(0, "status", "--demo")
	var out, errb bytes.Buffer
	env := &appEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" },
		now: time.Now, dbFlag: h.db, demo: true}
	if err := env.resolve(nil); err != nil {
		t.Fatal(err)
	}
	s, err := env.openSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bad := s.run.Clients[3].ID
	err = runSweep(context.Background(), env, s, failingV1{V1: demoPlatform(demoOptions{}).V1(), fail: bad}, 4)
	if code := env.finish(context.Background(), err); code != exitFailure {
		t.Fatalf("exit %d with a failed client, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != len(s.run.Clients) {
		t.Errorf("%d result lines for %d clients", len(lines), len(s.run.Clients))
	}
	if !strings.Contains(lines[3], bad) || !strings.Contains(lines[3], "ERREUR") {
		t.Errorf("failed client line: %q", lines[3])
	}
	if !strings.Contains(errb.String(), "1 en échec") {
		t.Errorf("stderr: %q", errb.String())
	}
	// The others were saved.
	if n := s.run.Clients[4].PendingInvoices; n < 0 {
		t.Errorf("client after the failure not recorded: %d", n)
	}
}
