package tui

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"
)

// TestBulkResultsScroll: a bulk action on 40 clients at 80×24 reports every
// client; the report scrolls and says how many lines are hidden (issue 15,
// point 8).
func TestBulkResultsScroll(t *testing.T) {
	env := newTestEnv(40)
	d := newDriver(t, env.opts, 80, 24)
	d.key("ctrl+a", "a")
	d.mustSee("> Vérifier sur V1 : Accepter les factures en attente")
	d.key("enter", "o", "enter")
	d.mustSee("Action en lot terminée", "lignes au-dessus (↑)")
	a := d.m.migState().actions
	first, last := d.m.run.Clients[a.results[0].ci].Name, d.m.run.Clients[a.results[len(a.results)-1].ci].Name
	// The newest lines are shown at the end of the run.
	d.mustSee(last, "au-dessus (↑)")
	d.mustNotSee(" " + first + " ")
	d.key("home")
	d.mustSee(first, "de plus (↓)")
	d.mustNotSee("au-dessus")
	for range 40 {
		d.key("down")
	}
	d.mustSee(last)
}

// TestBulkReportWrapsMessages: a long message is wrapped under the
// client's name, never cut mid-word.
func TestBulkReportWrapsMessages(t *testing.T) {
	env := newTestEnv(3)
	d := newDriver(t, env.opts, 80, 24)
	long := "le numéro proposé dépasse la longueur autorisée par V2 : réduisez le padding de la numérotation notée en préparation puis relancez"
	d.m.migState().actions = &actionsScreen{follow: true, results: []bulkResult{{ci: 0, text: long}, {ci: 1, ok: true, text: "ok"}}}
	lines := d.m.reportLines()
	var words []string
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > 80 {
			t.Fatalf("line of %d cells: %q", w, l)
		}
		words = append(words, strings.Fields(l)...)
	}
	joined := strings.Join(words, " ")
	if !strings.Contains(joined, long) {
		t.Fatalf("message not whole:\n%s", strings.Join(lines, "\n"))
	}
	if len(lines) < 3 {
		t.Fatalf("long message not wrapped: %q", lines)
	}
}

// TestDashboardHelpListsEveryKey: the full help names every dashboard key
// (issue 15, point 9).
func TestDashboardHelpListsEveryKey(t *testing.T) {
	k := newDashKeys(checklist.French, newGlobalKeys(checklist.French))
	k.Demo.SetEnabled(true)
	var full []string
	for _, col := range k.FullHelp() {
		for _, b := range col {
			full = append(full, b.Help().Key)
		}
	}
	all := strings.Join(full, " ")
	v := reflect.ValueOf(k)
	for i := range v.NumField() {
		if !v.Type().Field(i).IsExported() {
			continue
		}
		b, ok := v.Field(i).Interface().(key.Binding)
		if !ok {
			continue
		}
		if !strings.Contains(all, b.Help().Key) {
			t.Errorf("%s (%s) missing from the dashboard's full help %q", v.Type().Field(i).Name, b.Help().Key, all)
		}
	}
	for _, want := range []string{"c", "i", "d", "r", "R", "t", "a", "m", "v", "D", "g", "?", "q"} {
		if !slices.Contains(full, want) {
			t.Errorf("key %q missing from the full help %q", want, all)
		}
	}
}

// TestOneKeyPerMeaning drives the keys of issue 15, point 9: ctrl+a
// selects all (twice still all), g opens the next step, enter after the
// migration opens the client's validation, enter marks a manual
// reconciliation step done, y confirms like o.
func TestOneKeyPerMeaning(t *testing.T) {
	env := newTestEnv(6)
	d := newDriver(t, env.opts, 100, 30)
	d.key("ctrl+a")
	d.mustSee("6 sélectionné")
	d.key("ctrl+a")
	if d.m.dash.nMarked != 6 {
		t.Fatalf("ctrl+a twice leaves %d of 6 selected", d.m.dash.nMarked)
	}
	d.key("esc")
	// g: the next step, its screen open on it.
	next := d.m.dash.sum.next
	d.key("g")
	if d.m.Screen() != "steps" || d.m.steps.selected().ID != next.Step.ID {
		t.Fatalf("g opened %s on %v, want the steps of %s", d.m.Screen(), d.m.steps.selected(), next.Step.ID)
	}
	d.key("esc")

	m := migratedEnv()
	d = newDriver(t, m.opts, 100, 30)
	d.key("enter")
	if d.m.Screen() != "reconciliation" {
		t.Fatalf("enter on a client after the migration opened %s", d.m.Screen())
	}
	// A manual item: enter marks it done, as in the other lists.
	r := d.m.migState().recon
	manual := -1
	for i, st := range r.steps {
		if st.Kind == checklist.KindManual {
			manual = i
			break
		}
	}
	if manual < 0 {
		t.Fatal("no manual reconciliation step")
	}
	for range manual {
		d.key("down")
	}
	ref := d.m.reconRef(r.steps[manual])
	d.key("enter")
	if st, _ := d.m.run.Status(ref); st != checklist.StatusDone {
		t.Fatalf("enter on a manual step left it %v", st)
	}
	// space again asks; y answers yes like o.
	d.key(" ")
	d.mustSee("(o/n)")
	d.key("y")
	if st, _ := d.m.run.Status(ref); st != checklist.StatusTodo {
		t.Fatalf("y did not confirm: %v", st)
	}
}
