package tui

import (
	"fmt"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
)

// TestBulkNamesTheMarkedClients: the marking form names the first three
// clients and counts the rest as French and English write it: no comma
// before "et", one "autre" in the singular. It wrote "C, et 1 autres".
func TestBulkNamesTheMarkedClients(t *testing.T) {
	for _, tc := range []struct {
		lang      checklist.Lang
		n         int
		want, not string
	}{
		{checklist.French, 4, "Garage Lefèvre & Fils et 1 autre", "1 autres"},
		{checklist.French, 5, "Garage Lefèvre & Fils et 2 autres", ", et"},
		{checklist.English, 4, "Garage Lefèvre & Fils and 1 more", ", and"},
		{checklist.English, 5, "Garage Lefèvre & Fils and 2 more", ", and"},
	} {
		env := newTestEnv(tc.n)
		env.opts.Lang = tc.lang
		d := newDriver(t, env.opts, 100, 30)
		d.key("ctrl+a", "m")
		if d.m.Screen() != "bulk" {
			t.Fatalf("screen %s after ctrl+a m", d.m.Screen())
		}
		d.mustSee(tc.want)
		d.mustNotSee(tc.not)
	}
}

// TestFirstRunCountsOneMoreRefusedRow: past the twelve rejected rows the
// first run lists, one more row is "1 autre", not "1 autres".
func TestFirstRunCountsOneMoreRefusedRow(t *testing.T) {
	for _, tc := range []struct {
		extra     int
		want, not string
	}{
		{1, "… et 1 autre", "1 autres"},
		{2, "… et 2 autres", "2 autre\n"},
	} {
		env, _ := firstRunEnv()
		env.opts.ImportDossiers = func(string) ([]checklist.Dossier, []string, error) {
			var rows []string
			for i := range maxReportRows + tc.extra {
				rows = append(rows, fmt.Sprintf("ligne %d, SIREN : SIREN invalide", i+2))
			}
			return testDossiers(3), rows, nil
		}
		d := newDriver(t, env.opts, 100, 40)
		filesFirstRun(d)
		d.typeText("clients-v1.csv")
		d.key("enter")
		d.mustSee(tc.want)
		d.mustNotSee(tc.not)
	}
}
