package tui

import (
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/charmbracelet/x/ansi"
)

// rowOf is the dashboard's line that names the client, as the user reads it.
func rowOf(t *testing.T, d *driver, name string) string {
	t.Helper()
	for _, l := range strings.Split(d.view(), "\n") {
		if strings.Contains(l, name) {
			return l
		}
	}
	t.Fatalf("no row names %q:\n%s", name, d.view())
	return ""
}

// A client that left V1's list (the refresh's mark) says so on its
// dashboard row, in the user's language; the others do not; the row keeps
// the table's width, and the mark gives way when the name's column is too
// narrow for both.
func TestDashboardMarksClientsThatLeftV1(t *testing.T) {
	for _, tc := range []struct {
		lang checklist.Lang
		mark string
	}{{checklist.French, "absent de V1"}, {checklist.English, "left V1"}} {
		env := newTestEnv(6)
		env.store.dossier[2].LeftV1 = true
		run, _ := env.store.LoadRun("ws1", env.opts.Guide)
		env.opts.Run, env.opts.Lang = run, tc.lang
		gone, kept := env.store.dossier[2].Name, env.store.dossier[3].Name
		d := newDriver(t, env.opts, 100, 30)
		row := rowOf(t, d, gone)
		if !strings.Contains(row, gone+" ") || !strings.Contains(row, tc.mark) {
			t.Errorf("%s: row of the client gone = %q, want %q", tc.lang, row, tc.mark)
		}
		if r := rowOf(t, d, kept); strings.Contains(r, tc.mark) {
			t.Errorf("%s: row of a client still on V1 = %q", tc.lang, r)
		}
		if w, want := ansi.StringWidth(row), ansi.StringWidth(rowOf(t, d, kept)); w != want {
			t.Errorf("%s: row width %d, others %d", tc.lang, w, want)
		}
		// The cursor on it keeps the mark.
		for d.m.dash.ix.filtered[d.m.dash.cursor] != 2 {
			d.key("down")
		}
		if r := rowOf(t, d, gone); !strings.Contains(r, "▸") || !strings.Contains(r, tc.mark) {
			t.Errorf("%s: row under the cursor = %q", tc.lang, r)
		}
	}
	// At the smallest width the name is shortened, the mark and the
	// columns stay.
	env := newTestEnv(6)
	env.store.dossier[2].LeftV1 = true
	env.opts.Run, _ = env.store.LoadRun("ws1", env.opts.Guide)
	d := newDriver(t, env.opts, 80, 24)
	siren := ident.FormatSIREN(env.store.dossier[2].SIREN)
	r, other := rowOf(t, d, siren), rowOf(t, d, ident.FormatSIREN(env.store.dossier[3].SIREN))
	if !strings.Contains(r, env.store.dossier[2].Name[:6]) || !strings.Contains(r, "absent de V1  "+siren) || ansi.StringWidth(r) != ansi.StringWidth(other) {
		t.Errorf("narrow row = %q, other %q", r, other)
	}
}
