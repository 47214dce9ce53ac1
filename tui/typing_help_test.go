package tui

import (
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
)

// helpBar is the last line of the screen: the keys the help bar offers.
func (d *driver) helpBar() string {
	lines := strings.Split(strings.TrimRight(d.view(), "\n"), "\n")
	return lines[len(lines)-1]
}

// TestHelpBarWhileTyping: while the user types into a one-line input (the
// dashboard's filter, a step's note or reason, the override's reason), the
// help bar offers the keys that act on it, never the screen's letter keys
// (q, ?, c, espace…), which are then text. It used to show the screen's
// keys: "q quitter" under the filter typed a q.
func TestHelpBarWhileTyping(t *testing.T) {
	for _, tc := range []struct {
		name       string
		lang       checklist.Lang
		keys       []string
		want, hide []string
	}{
		{"filter", checklist.French, []string{"/"},
			[]string{"entrée garder le filtre", "esc effacer"}, []string{"q quitter", "? aide", "c cabinet"}},
		{"filter en", checklist.English, []string{"/"},
			[]string{"enter keep the filter", "esc clear"}, []string{"q quit", "? help", "c firm"}},
		{"note", checklist.French, []string{"enter", "e"},
			[]string{"entrée valider", "esc annuler"}, []string{"espace fait", "? aide", "b bloqué"}},
		{"reason", checklist.French, []string{"enter", "b"},
			[]string{"entrée valider", "esc annuler"}, []string{"espace fait", "? aide"}},
		{"override", checklist.French, []string{"d", "down", "down", "o"},
			[]string{"entrée valider", "esc annuler"}, []string{"espace fait", "? aide", "o dérogation"}},
		{"override en", checklist.English, []string{"d", "down", "down", "o"},
			[]string{"enter confirm", "esc cancel"}, []string{"space done", "? help"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := newTestEnv(5)
			env.opts.Lang = tc.lang
			d := newDriver(t, env.opts, 100, 30)
			d.key(tc.keys...)
			if !d.m.typing() {
				t.Fatalf("not typing after %v", tc.keys)
			}
			bar := d.helpBar()
			for _, w := range tc.want {
				if !strings.Contains(bar, w) {
					t.Errorf("help bar %q lacks %q", bar, w)
				}
			}
			for _, h := range tc.hide {
				if strings.Contains(bar, h) {
					t.Errorf("help bar %q offers %q while typing", bar, h)
				}
			}
		})
	}
}
