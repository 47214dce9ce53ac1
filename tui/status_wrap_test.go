package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestLongStatusIsReadWhole: a status message longer than the line (an
// error with what to do about it) wraps onto the lines under it, up to
// three, instead of losing its end; the screen keeps its height and width.
func TestLongStatusIsReadWhole(t *testing.T) {
	env := newTestEnv(5)
	d := newDriver(t, env.opts, 80, 24)
	msg := "Nombre de clients : vous avez noté 4, le fichier en compte 1 (clients actifs exclus) ; corrigez le nombre ou le fichier."
	d.m.setStatus(msg, true) // its fading tick is not run
	v := d.view()
	flat := strings.Join(strings.Fields(v), " ")
	if !strings.Contains(flat, "(clients actifs exclus) ; corrigez le nombre ou le fichier.") {
		t.Fatalf("the status lost its end:\n%s", v)
	}
	lines := strings.Split(v, "\n")
	if len(lines) != 24 {
		t.Fatalf("%d lines, want 24", len(lines))
	}
	for _, l := range lines {
		if w := len([]rune(l)); w > 80 {
			t.Fatalf("line of %d cells: %q", w, l)
		}
	}
	if !strings.Contains(lines[len(lines)-1], "q quitter") {
		t.Fatalf("the help bar is not last:\n%s", v)
	}
	// A short one stays on its line.
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.mustSee(" Nombre de clients : vous avez noté 4, le fichier en compte 1 (clients actifs exclus) ; corrigez le")
}
