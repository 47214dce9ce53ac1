package tui

import (
	"bytes"
	"fmt"
	"os"
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
	os.Exit(m.Run())
}

// TestGolden renders the dashboard, a client's preparation and a capture
// form at the two reference sizes, with fixed data and a fixed clock, in the
// real Bubble Tea program. Each scene waits for its final content: what the
// last key's commands bring (the step's state, the form's focus) does not
// change these screens, so the frame that shows the wait string is the one
// compared. Update with: go test ./tui/... -update
func TestGolden(t *testing.T) {
	type step struct {
		keys []string
		wait string
	}
	scenes := []struct {
		name  string
		steps []step
	}{
		{"dashboard", []step{{nil, "Clients (40)"}}},
		{"client", []step{{nil, "Clients (40)"}, {[]string{"enter"}, "Accepter les factures en attente"}}},
		{"capture", []step{{nil, "Clients (40)"}, {[]string{"enter"}, "Accepter les factures en attente"},
			{[]string{"down", "down", "down", "down", "down"}, "Noter les IBAN des comptes externes ·"},
			{[]string{"enter"}, "Ajouter : compte externe"}}},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, sc := range scenes {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				env := newTestEnv(40)
				tm := teatest.NewTestModel(t, New(env.opts), teatest.WithInitialTermSize(size[0], size[1]))
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
