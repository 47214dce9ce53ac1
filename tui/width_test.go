package tui

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/charmbracelet/x/ansi"
)

// knownTexts are the texts whose whole form the width check knows: step
// titles, client names and the §4 table's elements and actions. A line that
// starts one of them must show it whole, cut with "…", or wrapped onto the
// next line.
func knownTexts(g *checklist.Guide, run *checklist.Run, lang checklist.Lang) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if len([]rune(s)) >= 12 && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, st := range g.Steps {
		add(st.Title.In(lang))
		for _, l := range g.SummaryLinesFor(st.ID) {
			add(l.Element.In(lang))
			add(l.Action.In(lang))
		}
	}
	for _, c := range run.Clients {
		add(c.Name)
	}
	for _, it := range g.ControlItems() {
		add(it.Title.In(lang))
	}
	return out
}

// cutWithoutEllipsis returns a known text that a line of view cuts
// mid-word without "…" (nor wraps onto the next line), or "". Where several
// known texts start alike, the one the line follows furthest is judged.
// The known texts are turned into runes once and looked up by their first
// rune: the check runs after every key of every tour, at three sizes.
func cutWithoutEllipsis(view string, known []string) string {
	runes := make([][]rune, len(known))
	byFirst := map[rune][]int{}
	for i, k := range known {
		runes[i] = []rune(k)
		if len(runes[i]) > 0 {
			byFirst[runes[i][0]] = append(byFirst[runes[i][0]], i)
		}
	}
	lines := strings.Split(view, "\n")
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for li, line := range lines {
		lr := []rune(line)
		for pos := range lr {
			if pos > 0 && isWord(lr[pos-1]) {
				continue // only where a word starts
			}
			rest := lr[pos:]
			best, n, whole := -1, 0, false
			for _, i := range byFirst[rest[0]] { // a text of another first rune shares nothing
				m := sharedRunes(rest, runes[i])
				whole = whole || m == len(runes[i])
				if m > n {
					best, n = i, m
				}
			}
			if n < 12 || whole {
				continue // no known text here, or shown whole
			}
			kr := runes[best]
			tail := rest[n:]
			if len(tail) > 0 && tail[0] == '…' {
				continue // cut, and said
			}
			atEnd := strings.TrimSpace(string(tail)) == ""
			midWord := isWord(rest[n-1]) && isWord(kr[n]) && (len(tail) == 0 || !isWord(tail[0]))
			if !midWord && !(atEnd && kr[n] == ' ') {
				continue // the line leaves the text between two words: another text
			}
			if atEnd && li+1 < len(lines) && wrapsOn(string(rest), lines[li+1], known, n) {
				continue
			}
			return fmt.Sprintf("line %d cuts %q: %q", li+1, known[best], line)
		}
	}
	return ""
}

// wrapsOn reports whether a known text that the line follows for n runes
// goes on at the start of the next line: wrapped, not cut.
func wrapsOn(rest, next string, known []string, n int) bool {
	f := strings.Fields(next)
	if len(f) == 0 {
		return false
	}
	for _, k := range known {
		if sharedPrefix(rest, k) == n && strings.HasPrefix(strings.TrimSpace(string([]rune(k)[n:])), f[0]) {
			return true
		}
	}
	return false
}

// sharedPrefix is the number of leading runes a and b share.
func sharedPrefix(a, b string) int { return sharedRunes([]rune(a), []rune(b)) }

// sharedRunes is the number of leading runes a and b share.
func sharedRunes(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// checkLayout fails when a line of the view is wider than the terminal,
// when the view has not exactly the terminal's height, when a known text is
// cut without "…", or when the help bar lacks ? and q outside text input.
func checkLayout(t *testing.T, d *driver, known []string, where string) {
	t.Helper()
	view := d.view()
	lines := strings.Split(view, "\n")
	if len(lines) != d.m.height {
		t.Errorf("%s: %d lines for a terminal of %d", where, len(lines), d.m.height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > d.m.width {
			t.Errorf("%s: line %d is %d cells wide (terminal %d): %q", where, i+1, w, d.m.width, l)
		}
	}
	if cut := cutWithoutEllipsis(view, known); cut != "" {
		t.Errorf("%s: %s\n%s", where, cut, view)
	}
	if !d.m.typing() && !d.m.help.ShowAll && !showing[errorScreen](&d.m) {
		bar := " " + lines[len(lines)-1] + " "
		if !strings.Contains(bar, " ? ") || !strings.Contains(bar, " q ") {
			t.Errorf("%s: help bar without ? and q: %q", where, lines[len(lines)-1])
		}
	}
}

// widthTours reach every screen of the demo from a prepared sandbox: the
// dashboard and its help, a client's preparation and a capture, the
// cabinet's steps, the request, the bulk status list and a bulk action's
// report, the demo's menu and the summary.
var widthTours = [][]string{
	{"?", "?"},
	{"enter", "down", "down", "down", "down", "down", "enter", "esc", "esc"},
	{"c", "down", " ", " ", "n", "enter", "esc", "esc"},
	{"i", "esc"},
	{"d", "down", "down", "down", "esc"},
	{"x", "m", "enter", "enter", "esc"},
	{"ctrl+a", "a", "enter", "o", "enter", "home", "esc"},
	{"D", "esc", "t", "tab", "esc"},
}

// TestEveryScreenFitsItsWidth walks every screen of the demo at 80×24,
// 100×30 and 120×40, before and after the migration (issue 15, point 7).
func TestEveryScreenFitsItsWidth(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			t.Parallel() // each size has its own platform and model
			for _, tour := range widthTours {
				e := newSandboxEnv(t, 5)
				e.prepare(t)
				d := newDriver(t, e.opts, size[0], size[1])
				known := knownTexts(e.opts.Guide, e.opts.Run, checklist.French)
				checkLayout(t, d, known, "dashboard")
				for i, k := range tour {
					d.key(k)
					checkLayout(t, d, known, strings.Join(tour[:i+1], " "))
				}
			}
			e := newSandboxEnv(t, 5)
			e.prepare(t)
			d := newDriver(t, e.opts, size[0], size[1])
			known := knownTexts(e.opts.Guide, e.opts.Run, checklist.French)
			sweep(d, "Vérifier sur V1 : Accepter les factures en attente")
			migrate(t, d)
			for i, k := range []string{"enter", "down", "down", "down", "down", " ", "esc", "esc", "r", "enter", "o",
				"esc", "R", "down", "enter", "esc", "t", "?", "?", "esc", "x", "m", "enter", "esc"} {
				d.key(k)
				checkLayout(t, d, known, fmt.Sprintf("migrated, key %d (%s)", i, k))
			}
		})
	}
}

// TestCutWithoutEllipsisIsCaught: the check itself finds a title cut
// mid-word and accepts one cut with "…" or wrapped.
func TestCutWithoutEllipsisIsCaught(t *testing.T) {
	known := []string{"Noter la numérotation des factures de vente"}
	for _, tc := range []struct {
		view string
		bad  bool
	}{
		{" ▸ · Noter la numérotation des factu  saisie", true},
		{" ▸ · Noter la numérotation des fact…  saisie", false},
		{" ▸ · Noter la numérotation des factures de vente  saisie", false},
		{" « Noter la numérotation des\n factures de vente » est faite", false},
		{" « Noter la numérotation des fac\n tures de vente » est faite", false},
		{" Noter la numérotation des factures\n", true},
	} {
		if got := cutWithoutEllipsis(tc.view, known) != ""; got != tc.bad {
			t.Errorf("%q: flagged %v, want %v", tc.view, got, tc.bad)
		}
	}
}
