package tui

import (
	"testing"

	"github.com/bascule-cli/bascule/checklist"
)

// TestSummaryHeadersFit: the summary's column headers are whole and apart
// in both languages: "migrated" was cut to "migrat…" and ran into the next
// header ("migrat…state").
func TestSummaryHeadersFit(t *testing.T) {
	for _, tc := range []struct {
		lang       checklist.Lang
		w, h       int
		want, hide []string
	}{
		{checklist.French, 80, 24, []string{"migré  état"}, []string{"migr…"}},
		{checklist.English, 80, 24, []string{"migrated  state"}, []string{"migrat…"}},
		{checklist.French, 120, 40, []string{"migré  état", "migré  clients"}, []string{"migr…"}},
		{checklist.English, 120, 40, []string{"migrated  state", "migrated  clients"}, []string{"migrat…"}},
	} {
		env := migratedEnv()
		env.opts.Lang = tc.lang
		d := newDriver(t, env.opts, tc.w, tc.h)
		d.key("t")
		d.mustSee(tc.want...)
		d.mustNotSee(tc.hide...)
	}
}
