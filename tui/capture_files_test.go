package tui

import (
	"bytes"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
)

// goroutineID is the calling goroutine's number, read from its stack's
// first line ("goroutine 7 [running]:").
func goroutineID() string {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	buf = bytes.TrimPrefix(buf, []byte("goroutine "))
	return string(buf[:bytes.IndexByte(buf, ' ')])
}

// onlyFiles is a FileReader that knows the files named in known and
// records the goroutine of each read: the test's goroutine is the one that
// runs Update (the driver runs commands in their own goroutines).
type onlyFiles struct {
	known  map[string]bool
	mu     sync.Mutex
	reads  []string
	inTest []string // paths read from the test's goroutine: inside Update
	test   string
}

func (f *onlyFiles) ReadFile(path string, _ bool) (checklist.FileFacts, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads = append(f.reads, path)
	if goroutineID() == f.test {
		f.inTest = append(f.inTest, path)
	}
	if !f.known[path] {
		return checklist.FileFacts{}, fs.ErrNotExist
	}
	return checklist.FileFacts{SHA256: strings.Repeat("cd", 32), Clients: -1}, nil
}

func (f *onlyFiles) counts() (reads, inUpdate int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.reads), len(f.inTest)
}

// A file field's readability is checked in a command once the user leaves
// the field, never inside Update (the form used to hash the file in its
// validator); the answer shows under the form, and goes once the field
// names a file that can be read.
func TestFileFieldCheckedInACommand(t *testing.T) {
	env := newTestEnv(5)
	files := &onlyFiles{known: map[string]bool{"logo.png": true}, test: goroutineID()}
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
	if d.m.capture == nil || d.m.capture.form == nil {
		t.Fatal("the logo's form is not open")
	}

	d.typeText("absent.png")
	if n, _ := files.counts(); n != 0 {
		t.Fatalf("%d read(s) while the field is being typed", n)
	}
	d.key("enter") // on to the digest field: the file field is left
	reads, inUpdate := files.counts()
	if inUpdate != 0 {
		t.Fatalf("%d file read(s) inside Update", inUpdate)
	}
	if reads != 1 {
		t.Fatalf("%d read(s) after leaving the field, want 1", reads)
	}
	if v := d.m.View(); !strings.Contains(v, "« absent.png » introuvable") {
		t.Fatalf("the missing file is not shown:\n%s", v)
	}

	// An answer for a value the field no longer holds is dropped.
	c := d.m.capture
	d.send(fileCheckedMsg{formID: c.formID, field: "file", value: "other.png", problem: &checklist.Text{FR: "périmé", EN: "stale"}})
	if strings.Contains(d.m.View(), "périmé") {
		t.Fatal("a stale answer is shown")
	}

	// Back to the field, corrected: the new value is checked, the problem goes.
	d.key("shift+tab")
	for range len("absent.png") {
		d.key("backspace")
	}
	d.typeText("logo.png")
	d.key("enter")
	reads, inUpdate = files.counts()
	if inUpdate != 0 || reads != 2 {
		t.Fatalf("%d read(s), %d inside Update; want 2, none inside", reads, inUpdate)
	}
	if v := d.m.View(); strings.Contains(v, "introuvable") {
		t.Fatalf("the problem stays once the file is found:\n%s", v)
	}
	// Leaving the field again without a change reads nothing more.
	d.key("shift+tab")
	d.key("enter")
	if reads, _ = files.counts(); reads != 2 {
		t.Fatalf("%d reads: an unchanged value is read again", reads)
	}
}
