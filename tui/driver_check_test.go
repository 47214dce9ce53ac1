package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// TestDriverWaitsForSlowCommands: a connector answering after three times
// the old driver's 40 ms of silence is waited for, not abandoned. The delay
// is the fixture's (a slow connector); nothing here measures time.
func TestDriverWaitsForSlowCommands(t *testing.T) {
	env := newTestEnv(40)
	env.v1.delay = 120 * time.Millisecond
	d := newDriver(t, env.opts, 80, 24)
	d.key("/")
	d.typeText("boulangerie lef")
	d.key("enter", "enter", "enter")
	d.mustSee("Vérifié sur V1 le 12/03/2026 à 11:14", "achats en attente : 1")
	if d.m.busy() {
		t.Fatal("the check is still running after the driver returned")
	}
}

// fatalRecorder stands for testing.TB in a driver whose failure is the
// subject: Fatalf records the message and ends the goroutine, as t.Fatalf.
type fatalRecorder struct {
	testing.TB
	msg string
}

func (r *fatalRecorder) Helper() {}

func (r *fatalRecorder) Fatalf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// TestDriverFailsOnHungCommand: a command that never returns, held at a
// gate the driver does not watch, fails the test with its function's name
// (the deadline is shortened: it is a safety net, not what is tested).
func TestDriverFailsOnHungCommand(t *testing.T) {
	env := newTestEnv(10)
	g := newGate()
	env.v1.gate = g
	t.Cleanup(g.release)
	rec := &fatalRecorder{TB: t}
	done := make(chan bool)
	go func() {
		finished := false
		defer func() { done <- finished }()
		d := newDriver(rec, env.opts, 80, 24)
		d.deadline = 50 * time.Millisecond
		d.key("enter", "enter")
		finished = true
	}()
	if <-done {
		t.Fatal("the driver returned while a command was still running")
	}
	if !strings.Contains(rec.msg, "tui.(*Model).startCheck") {
		t.Fatalf("the failure does not name the command: %q", rec.msg)
	}
}

// TestDriverParksGatedCommands: a command held at a watched gate lets the
// driver return; once the gate opens, the next message finds its answer.
func TestDriverParksGatedCommands(t *testing.T) {
	env := newTestEnv(10)
	env.v1.gate = newGate()
	d := newDriver(t, env.opts, 80, 24, env.v1.gate)
	d.key("enter", "enter")
	d.mustSee("Vérification en cours")
	env.v1.gate.release()
	d.settle()
	d.mustNotSee("Vérification en cours")
	d.mustSee("Vérifié sur V1")
}

// TestDriverHoldsTimers: the status line fades and goes only when the
// driver's clock reaches its timers.
func TestDriverHoldsTimers(t *testing.T) {
	env := newTestEnv(5)
	env.opts.StatusTTL = 9 * time.Second
	d := newDriver(t, env.opts, 80, 24)
	d.send(statusMsg{text: "bonjour"})
	d.advance(6*time.Second - time.Nanosecond)
	if d.m.status.faded {
		t.Fatal("faded before two thirds of its time")
	}
	d.advance(time.Nanosecond)
	if !d.m.status.faded {
		t.Fatal("not faded at two thirds of its time")
	}
	d.mustSee("bonjour")
	d.advance(3 * time.Second)
	d.mustNotSee("bonjour")
}

// TestDriverRecognisesAnimations: the spinner's frames and the cursor's
// blink are dropped by name; the model's commands are not.
func TestDriverRecognisesAnimations(t *testing.T) {
	sp := spinner.New()
	_, frame := sp.Update(sp.Tick())
	ti := textinput.New()
	blink := ti.Focus()
	for name, cmd := range map[string]tea.Cmd{"tea.Tick": tea.Tick(time.Hour, nil), "spinner frame": frame, "cursor blink": blink} {
		if cmd == nil || !isAnimation(funcName(cmd)) {
			t.Errorf("%s (%s) is not recognised as an animation", name, funcName(cmd))
		}
	}
	env := newTestEnv(5)
	m := New(env.opts)
	for name, cmd := range map[string]tea.Cmd{"fatal": fatal(errors.New("x")), "held timer": holdTimers(time.Second, nil), "spinner start": m.spin.Tick} {
		if isAnimation(funcName(cmd)) {
			t.Errorf("%s (%s) is taken for an animation", name, funcName(cmd))
		}
	}
	if cmds, ok := sequence(tea.Sequence(m.spin.Tick, m.spin.Tick)()); !ok || len(cmds) != 2 {
		t.Errorf("a sequence is not unpacked: %v %v", cmds, ok)
	}
	if _, ok := sequence(tea.Batch(m.spin.Tick, m.spin.Tick)()); ok {
		t.Error("a batch is taken for a sequence")
	}
}

// TestNoBareTimers: the model's timers go through Options.Tick, so that the
// driver can hold them; a bare tea.Tick would be dropped as an animation.
func TestNoBareTimers(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			code, _, _ := strings.Cut(line, "//")
			for _, bare := range []string{"tea.Tick(", "tea.Every(", "time.Sleep("} {
				if strings.Contains(code, bare) {
					t.Errorf("%s:%d: %s: use m.opts.Tick", f, i+1, strings.TrimSpace(bare))
				}
			}
		}
	}
}
