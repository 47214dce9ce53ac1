package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestTeamTimeLeftFits: the team screen's "reste (guide)" column shows the
// cabinet's whole time left at 100 and 120 columns (the QA pass saw it cut,
// "8 étapes non c…", even at 120), and a shorter form of it at 80, with no
// line wider than the screen.
func TestTeamTimeLeftFits(t *testing.T) {
	for _, tc := range []struct {
		w, h int
		want string
	}{
		{80, 24, "≈ 8 h 30 + 8 sans durée"},
		{100, 30, "≈ 8 h 30 + 8 étapes non chiffrées "},
		{120, 40, "≈ 8 h 30 + 8 étapes non chiffrées "},
	} {
		t.Run(fmt.Sprintf("%dx%d", tc.w, tc.h), func(t *testing.T) {
			env, ft := teamEnv("Claire")
			ft.events = teamAudit()
			d := newDriver(t, env.opts, tc.w, tc.h)
			d.mustSee("M mes dossiers")
			d.key("e")
			d.settle()
			view := ansi.Strip(d.m.View())
			var firm string
			for _, l := range strings.Split(view, "\n") {
				if ansi.StringWidth(l) > tc.w {
					t.Errorf("line wider than %d columns: %q", tc.w, l)
				}
				if strings.Contains(l, "Cabinet (tous)") {
					firm = l
				}
			}
			if !strings.Contains(firm, tc.want) || strings.Contains(firm, "…") {
				t.Fatalf("the cabinet's line %q should show %q in full:\n%s", firm, tc.want, view)
			}
		})
	}
}
