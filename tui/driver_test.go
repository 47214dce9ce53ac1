package tui

import (
	"context"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// cmdDeadline is how long the driver waits for a command that makes no
// progress before it fails the test. It is a safety net against a hung or
// forgotten command, never a timing assertion: no command of the model
// takes more than a fraction of it.
const cmdDeadline = 10 * time.Second

// driver runs a model the way the program would, without a terminal: the
// commands of each message run in goroutines and their messages are fed
// back until every command has finished. It never waits for silence:
//   - the model's timers (Options.Tick: the status line fading, the
//     request's polling) are held, and fire only when the test moves the
//     driver's clock with advance;
//   - the Charm components' animations (the spinner's frames, the text
//     cursor's blink) are recognised by their function and dropped: they
//     only redraw;
//   - a command waiting at a gate the driver watches (a fake connector held
//     by the test) is parked until the gate opens or its context ends;
//   - any other command still running after cmdDeadline without progress
//     fails the test, with its function's name.
type driver struct {
	t        testing.TB
	m        Model
	deadline time.Duration
	gates    []*gate
	elapsed  time.Duration // the driver's clock, for held timers
	timers   []heldTimer

	mu      sync.Mutex
	queue   []tea.Msg
	running map[int]*task
	nextID  int
	wake    chan struct{} // a message arrived, a task ended or parked
}

// task is a command running in its goroutine; name is the function it runs.
type task struct {
	name  string
	start time.Time
}

// heldTimer is a timer of the model, due at the driver's clock due.
type heldTimer struct {
	due time.Duration
	fn  func(time.Time) tea.Msg
}

// timerMsg is the message of a held timer's command, due after a delay:
// the driver keeps the timer instead of handing the message to the model.
type timerMsg struct {
	after time.Duration
	fn    func(time.Time) tea.Msg
}

// holdTimers is Options.Tick for the driver.
func holdTimers(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	return func() tea.Msg { return timerMsg{after: d, fn: fn} }
}

func newDriver(t testing.TB, opts Options, w, h int, gates ...*gate) *driver {
	t.Helper()
	d := startDriver(t, opts, w, h, gates...)
	d.settle()
	return d
}

// startDriver is newDriver before the first commands have landed: the
// window's size given, Init's commands launched.
func startDriver(t testing.TB, opts Options, w, h int, gates ...*gate) *driver {
	t.Helper()
	d := &driver{t: t, deadline: cmdDeadline, running: map[int]*task{}, wake: make(chan struct{}, 1)}
	for _, g := range gates {
		d.watch(g)
	}
	opts.Tick = holdTimers
	d.m = New(opts)
	d.handle(tea.WindowSizeMsg{Width: w, Height: h})
	d.launch(d.m.Init())
	return d
}

// watch makes the commands waiting at g parked rather than pending.
func (d *driver) watch(g *gate) {
	d.gates = append(d.gates, g)
	g.mu.Lock()
	g.wake = d.signal
	g.mu.Unlock()
}

// send gives each message to the model and runs what follows to completion.
func (d *driver) send(msgs ...tea.Msg) {
	d.t.Helper()
	for _, msg := range msgs {
		d.handle(msg)
		d.settle()
	}
}

// advance moves the driver's clock: the held timers due by then fire in
// their order, each run to completion, timers they start included.
func (d *driver) advance(by time.Duration) {
	d.t.Helper()
	until := d.elapsed + by
	for {
		i := -1
		for j, tm := range d.timers {
			if tm.due <= until && (i < 0 || tm.due < d.timers[i].due) {
				i = j
			}
		}
		if i < 0 {
			break
		}
		tm := d.timers[i]
		d.timers = slices.Delete(d.timers, i, i+1)
		d.elapsed = tm.due
		d.send(tm.fn(testNow.Add(tm.due)))
	}
	d.elapsed = until
}

// handle gives one message to the model, or unpacks it when it is the
// program's business (batches, sequences, timers, quit).
func (d *driver) handle(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil, tea.QuitMsg:
		return
	case timerMsg:
		d.timers = append(d.timers, heldTimer{due: d.elapsed + msg.after, fn: msg.fn})
		return
	case tea.BatchMsg:
		for _, c := range msg {
			d.launch(c)
		}
		return
	}
	if cmds, ok := sequence(msg); ok {
		d.launch(func() tea.Msg { d.runInOrder(cmds); return nil })
		return
	}
	nm, cmd := d.m.Update(msg)
	d.m = nm.(Model)
	d.launch(cmd)
}

// launch runs a command in its goroutine, unless it is an animation.
func (d *driver) launch(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	name := funcName(cmd)
	if isAnimation(name) {
		return
	}
	d.mu.Lock()
	d.nextID++
	id := d.nextID
	d.running[id] = &task{name: name, start: time.Now()}
	d.mu.Unlock()
	go func() {
		msg := cmd()
		d.mu.Lock()
		delete(d.running, id)
		if msg != nil {
			d.queue = append(d.queue, msg)
		}
		d.mu.Unlock()
		d.signal()
	}()
}

// runInOrder is tea.Sequence as the program runs it: each command after
// the previous one has returned (a batch after all its commands have), the
// messages delivered as they come.
func (d *driver) runInOrder(cmds []tea.Cmd) {
	for _, c := range cmds {
		if c == nil || isAnimation(funcName(c)) {
			continue
		}
		msg := c()
		if batch, ok := msg.(tea.BatchMsg); ok {
			var wg sync.WaitGroup
			for _, b := range batch {
				if b == nil || isAnimation(funcName(b)) {
					continue
				}
				wg.Add(1)
				go func() { defer wg.Done(); d.runInOrder([]tea.Cmd{b}) }()
			}
			wg.Wait()
			continue
		}
		if inner, ok := sequence(msg); ok {
			d.runInOrder(inner)
			continue
		}
		if msg != nil {
			d.mu.Lock()
			d.queue = append(d.queue, msg)
			d.mu.Unlock()
			d.signal()
		}
	}
}

func (d *driver) signal() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// settle feeds the model every message until no command runs but the
// parked ones.
func (d *driver) settle() {
	d.t.Helper()
	for d.next() {
	}
}

// next gives the model the next message of a command, waiting for one
// while commands run; false when none runs but the parked ones. It fails
// the test when nothing progresses for d.deadline.
func (d *driver) next() bool {
	d.t.Helper()
	start := time.Now()
	for {
		d.mu.Lock()
		if len(d.queue) > 0 {
			msg := d.queue[0]
			d.queue = d.queue[1:]
			d.mu.Unlock()
			d.handle(msg)
			return true
		}
		running := len(d.running) - d.liveWaits()
		names := d.runningNames()
		d.mu.Unlock()
		if running <= d.parked() {
			return false
		}
		left := d.deadline - time.Since(start)
		if left <= 0 {
			d.t.Fatalf("driver: no progress for %v; still running: %v (a timer must go through Options.Tick, a held connector through a watched gate)", d.deadline, names)
			return false
		}
		timer := time.NewTimer(left)
		select {
		case <-d.wake:
		case <-timer.C:
		}
		timer.Stop()
	}
}

// runningNames lists the running commands, oldest first; d.mu is held.
func (d *driver) runningNames() []string {
	ts := make([]*task, 0, len(d.running))
	for _, t := range d.running {
		ts = append(ts, t)
	}
	slices.SortFunc(ts, func(a, b *task) int { return a.start.Compare(b.start) })
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.name
	}
	return names
}

// liveWaits counts the running commands that wait for a shared engine's
// events (live.go): like a parked command, they wait for what another
// session does, not for the test. d.mu is held.
func (d *driver) liveWaits() int {
	n := 0
	for _, t := range d.running {
		if strings.Contains(t.name, "(*liveState).wait") {
			n++
		}
	}
	return n
}

func (d *driver) parked() int {
	n := 0
	for _, g := range d.gates {
		n += g.parked()
	}
	return n
}

// funcName is the name of the function a command runs: the closures of
// one function literal share it ("…/tui.(*Model).startCheck.func2").
func funcName(cmd tea.Cmd) string {
	if f := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()); f != nil {
		return f.Name()
	}
	return "?"
}

// isAnimation recognises the Charm components' timers: the spinner's next
// frame (tea.Tick: the model's own timers go through Options.Tick, which
// TestNoBareTimers enforces) and the text cursor's blink.
func isAnimation(name string) bool {
	switch name {
	case "github.com/charmbracelet/bubbletea.Tick.func1",
		"github.com/charmbracelet/bubbletea.Every.func1",
		"github.com/charmbracelet/bubbles/cursor.(*Model).BlinkCmd.func1":
		return true
	}
	return false
}

// sequence unpacks bubbletea's unexported sequence message.
func sequence(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil, false
	}
	if _, ok := msg.(tea.BatchMsg); ok {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// gate holds the calls of a fake connector until the test opens it or
// their context ends (the user cancelled). A driver watching the gate
// counts the calls held there as parked, not pending.
type gate struct {
	mu      sync.Mutex
	open    chan struct{}
	opened  bool
	waiting []*waiter
	wake    func()
}

// waiter is one call held at a gate.
type waiter struct{ ctx context.Context }

func newGate() *gate { return &gate{open: make(chan struct{})} }

func (g *gate) wait(ctx context.Context) error {
	w := &waiter{ctx: ctx}
	g.mu.Lock()
	g.waiting = append(g.waiting, w)
	wake := g.wake
	g.mu.Unlock()
	if wake != nil {
		wake()
	}
	defer func() {
		g.mu.Lock()
		if i := slices.Index(g.waiting, w); i >= 0 {
			g.waiting = slices.Delete(g.waiting, i, i+1)
		}
		g.mu.Unlock()
	}()
	select {
	case <-g.open:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// release lets every held call through, now and later.
func (g *gate) release() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.opened {
		g.opened = true
		close(g.open)
	}
}

// parked counts the calls held at the gate that nothing has released yet:
// a cancelled call is on its way back, and the driver waits for it.
func (g *gate) parked() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.opened {
		return 0
	}
	n := 0
	for _, w := range g.waiting {
		if w.ctx.Err() == nil {
			n++
		}
	}
	return n
}
