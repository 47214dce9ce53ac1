package tui

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"
)

func TestMain(m *testing.M) {
	// Golden files hold plain text: no colour, whatever the terminal.
	lipgloss.SetColorProfile(termenv.Ascii)
	flag.Parse()
	startE2EBuild()
	code := m.Run()
	removeE2EBuild()
	os.Exit(code)
}

// goldenScene is a screen the golden tests render: each step's keys are
// sent, then its wait string awaited. The last wait string is the scene's
// final content: TestGoldenScenesEndOnTheirWaitString checks that nothing
// changes the screen once it shows, so no test sleeps "to let the last
// commands land".
type goldenScene struct {
	name  string
	env   func() *testEnv
	steps []goldenStep
}

type goldenStep struct {
	keys []string
	wait string
}

// goldenSizes are the three reference terminal sizes.
func goldenSizes() [][2]int { return [][2]int{{80, 24}, {100, 30}, {120, 40}} }

func dashboardScenes() []goldenScene {
	env := func() *testEnv { return newTestEnv(40) }
	return []goldenScene{
		{"dashboard", env, []goldenStep{{nil, "Clients (40)"}}},
		{"client", env, []goldenStep{{nil, "Clients (40)"}, {[]string{"enter"}, "Accepter les factures en attente"}}},
		{"capture", env, []goldenStep{{nil, "Clients (40)"}, {[]string{"enter"}, "Accepter les factures en attente"},
			{[]string{"down", "down", "down", "down", "down"}, "Noter les IBAN des comptes externes ·"},
			{[]string{"enter"}, "Ajouter : compte externe"}}},
	}
}

// TestGolden renders the dashboard, a client's preparation and a capture
// form at the two reference sizes, with fixed data and a fixed clock, in the
// real Bubble Tea program. Update with: go test ./tui/... -update
func TestGolden(t *testing.T) { runGolden(t, dashboardScenes()) }

func runGolden(t *testing.T, scenes []goldenScene) {
	for _, size := range goldenSizes() {
		for _, sc := range scenes {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				tm := teatest.NewTestModel(t, New(sc.env().opts), teatest.WithInitialTermSize(size[0], size[1]))
				for _, st := range sc.steps {
					for _, k := range st.keys {
						tm.Send(keyMsg(k))
					}
					teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(st.wait)) },
						teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
				}
				tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
				fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
				view := fm.View()
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

// TestGoldenScenesEndOnTheirWaitString plays each golden scene in the
// driver and gives the model the messages after the last key one at a
// time: from the first screen that shows the final wait string on, no
// message may change the screen, or the golden test would compare a frame
// that depends on when the commands land.
func TestGoldenScenesEndOnTheirWaitString(t *testing.T) {
	for _, size := range goldenSizes() {
		for _, sc := range slices.Concat(dashboardScenes(), migrationScenes(), teamScenes()) {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				d := startDriver(t, sc.env().opts, size[0], size[1])
				for i, st := range sc.steps {
					last := i == len(sc.steps)-1
					keys := st.keys
					if last && len(keys) > 0 {
						d.settle()
						d.key(keys[:len(keys)-1]...)
						d.handle(keyMsg(keys[len(keys)-1]))
						keys = nil
					}
					d.key(keys...)
					if !last {
						d.settle()
						d.mustSee(st.wait)
						continue
					}
					for !strings.Contains(d.view(), st.wait) {
						if !d.next() {
							t.Fatalf("the scene never shows %q:\n%s", st.wait, d.view())
						}
					}
					first := d.view()
					for d.next() {
						if v := d.view(); v != first {
							t.Fatalf("the screen changes after %q shows:\n%s\n---- then ----\n%s", st.wait, first, v)
						}
					}
				}
			})
		}
	}
}
