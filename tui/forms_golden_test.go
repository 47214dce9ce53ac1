package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestGoldenForms renders the files-mode first run with a path typed, the
// confirmation of `m` and its status list at the three reference sizes
// (ASCII profile, see TestMain). Update with: go test ./tui/ -run
// TestGoldenForms -update
func TestGoldenForms(t *testing.T) {
	scenes := []struct {
		name string
		play func(d *driver)
	}{
		{"firstrun_files", func(d *driver) {
			filesFirstRun(d)
			d.typeText("exports/clients-v1.csv")
		}},
		{"bulk_status", func(d *driver) { d.key("x", "m", "enter") }},
		{"bulk_confirm", func(d *driver) { d.key("x", "m", "down", "enter", "enter") }},
	}
	for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}} {
		for _, sc := range scenes {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				env := newTestEnv(40)
				if strings.HasPrefix(sc.name, "firstrun") {
					env, _ = firstRunEnv()
				}
				d := newDriver(t, env.opts, size[0], size[1])
				sc.play(d)
				view := d.m.View()
				if strings.Contains(view, "\x1b") {
					t.Fatalf("escape sequences in an ASCII render:\n%q", view)
				}
				if n := strings.Count(view, "\n") + 1; n != size[1] {
					t.Fatalf("view has %d lines, want %d", n, size[1])
				}
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}
