package tui

import (
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
)

// countingFiles is a FileReader that counts its reads and knows every file.
type countingFiles struct{ reads atomic.Int32 }

func (f *countingFiles) ReadFile(string, bool) (checklist.FileFacts, error) {
	f.reads.Add(1)
	return checklist.FileFacts{SHA256: strings.Repeat("ab", 32), Clients: -1}, nil
}

// TestCaptureCheckRunsInACommand: saving a capture checks it (Form.Check:
// a logo's SHA-256) in a command, never inside Update, and the saved
// capture carries the digest the check computed.
func TestCaptureCheckRunsInACommand(t *testing.T) {
	env := newTestEnv(5)
	files := &countingFiles{}
	env.opts.Files = files
	d := newDriver(t, env.opts, 100, 30)
	step, ok := env.opts.Guide.Step("preparation.client.logo")
	if !ok {
		t.Fatal("no logo step in the guide")
	}
	ref := checklist.Ref{Step: step.ID, Client: d.m.run.Clients[0].ID}
	d.launch(d.m.openSteps(0, checklist.PhasePreparation))
	d.settle()
	d.launch(d.m.openCapture(ref, step))
	d.settle()

	rec := checklist.Record{"file": "logo.png"}
	before := files.reads.Load()
	nm, cmd := d.m.Update(itemCheckedMsg{ref: ref, typed: rec, done: rec})
	if n := files.reads.Load() - before; n != 0 {
		t.Fatalf("Update read %d file(s): the capture's check must run in a command", n)
	}
	d.m = nm.(Model)
	d.launch(cmd)
	d.settle()
	if files.reads.Load() == before {
		t.Fatal("the capture was saved without being checked")
	}
	if cur, _ := d.m.run.Status(ref); cur != checklist.StatusDone {
		t.Fatalf("logo step is %v after saving, want done", cur)
	}
	saved := d.m.steps.states[ref].Capture
	if saved == nil || len(saved.Items) != 1 || saved.Items[0]["sha256"] != strings.Repeat("ab", 32) {
		t.Fatalf("saved capture %+v lacks the digest the check computed", saved)
	}
}
