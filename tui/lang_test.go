package tui

import (
	"strings"
	"testing"
	"unicode"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// Common words of one language that must never show in the other: key
// names, huh's own help, sources and placeholders written in one language.
var (
	englishWords = []string{"up", "down", "file", "enter", "space", "shift+tab", "submit", "next", "back", "toggle",
		"select", "yes", "the", "written"}
	frenchWords = []string{"entrée", "espace", "maj+tab", "écrits", "faites", "valider", "retour", "suivant", "annuler",
		"quitter", "oui", "choisir", "haut", "exemple", "étape", "étapes", "à"}
)

// leaks lists the words of view that belong to the other language's list.
func leaks(view string, words []string) []string {
	bad := map[string]bool{}
	for _, w := range words {
		bad[w] = true
	}
	var found []string
	for _, tok := range strings.FieldsFunc(view, func(r rune) bool { return !unicode.IsLetter(r) && r != '+' }) {
		if t := strings.ToLower(tok); bad[t] {
			found = append(found, t)
		}
	}
	if strings.Contains(view, "Usage:") {
		found = append(found, "Usage:")
	}
	return found
}

// languageTours are key sequences that reach the screens a user sees, from
// the dashboard of a prepared sandbox cabinet.
var languageTours = [][]string{
	{"?", "?", "enter", "down", "down", "down", "down", "down", "enter", "esc", "esc"},
	{"c", "enter", "esc", "up", "esc"},
	{"i", "enter", "esc"},
	{"d", "down", "esc"},
	{"d", "enter"}, // the announcements written: their evidence and status line
	{"t", "esc"},
	{"x", "x", "m", "enter", "enter", "left", "esc"},
	{"ctrl+a", "a", "enter", "right", "esc"},
}

// TestNoWordOfTheOtherLanguage walks the screens in French and in English
// and fails on a word of the other language (issue 15, point 11).
func TestNoWordOfTheOtherLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang  checklist.Lang
		words []string
	}{{checklist.French, englishWords}, {checklist.English, frenchWords}} {
		check := func(d *driver, where string) {
			t.Helper()
			if found := leaks(d.view(), tc.words); len(found) > 0 {
				t.Errorf("%s, %s: %q\n%s", tc.lang, where, found, d.view())
			}
		}
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			for _, tour := range languageTours {
				e := newSandboxEnv(t, 5)
				e.prepare(t)
				e.opts.Lang = tc.lang
				d := newDriver(t, e.opts, size[0], size[1])
				check(d, "dashboard")
				for i, k := range tour {
					d.key(k)
					check(d, strings.Join(tour[:i+1], " "))
				}
			}
			// After the migration: the request's answer, reconciliation.
			e := newSandboxEnv(t, 5)
			e.prepare(t)
			e.opts.Lang = tc.lang
			d := newDriver(t, e.opts, size[0], size[1])
			sweepIn(d, i18n.Of(tc.lang).CheckOnV1Accept)
			migrate(t, d)
			for _, k := range []string{"r", "enter", "esc", "esc", "R", "enter", "esc", "esc", "t"} {
				d.key(k)
				check(d, "migrated, "+k)
			}
			// The first run, in its three modes.
			for mode := range 3 {
				env, _ := firstRunEnv()
				env.opts.Lang = tc.lang
				d := newDriver(t, env.opts, size[0], size[1])
				check(d, "first run")
				for range mode {
					d.key("down")
				}
				d.key("enter")
				check(d, "first run, a mode chosen")
			}
		}
	}
}

// sweepIn is sweep in any language: the bulk action named action, run for
// every client.
func sweepIn(d *driver, action string) {
	d.t.Helper()
	d.key("ctrl+a", "a")
	for range 20 {
		if strings.Contains(d.view(), "> "+action) {
			break
		}
		d.key("down")
	}
	d.mustSee("> " + action)
	d.key("enter", "y", "enter", "esc")
}
