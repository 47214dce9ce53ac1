package tui

import "testing"

// TestScreenStack: opening pushes, a screen of the kind shown replaces it,
// esc pops, and moving to the next client leaves for the dashboard first.
func TestScreenStack(t *testing.T) {
	e := newSandboxEnv(t, 2)
	m := New(e.opts)
	steps, other, capture := &stepsScreen{}, &stepsScreen{}, &captureScreen{}
	for _, tc := range []struct {
		do   func()
		want []screen
	}{
		{func() {}, []screen{m.dash}},
		{func() { m.open(steps) }, []screen{m.dash, steps}},
		{func() { m.open(capture) }, []screen{m.dash, steps, capture}},
		{func() { m.goBack() }, []screen{m.dash, steps}},
		{func() { m.open(other) }, []screen{m.dash, other}},
		{func() { m.leaveForDashboard(); m.open(steps) }, []screen{m.dash, steps}},
		{func() { m.goBack() }, []screen{m.dash}},
		{func() { m.goBack() }, []screen{m.dash}},
	} {
		tc.do()
		if len(m.stack) != len(tc.want) {
			t.Fatalf("stack %v, want %v", m.stack, tc.want)
		}
		for i := range tc.want {
			if m.stack[i] != tc.want[i] {
				t.Fatalf("stack %v, want %v", m.stack, tc.want)
			}
		}
		if got, want := m.Screen(), tc.want[len(tc.want)-1].name(); got != want {
			t.Fatalf("Screen() = %s, want %s", got, want)
		}
	}
}
