package report

import (
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
)

// Every format carries the guide's two §3.3 lists (issue 13, point 8): the
// 5 items V2 should hold by itself and the 8 to redo by hand.
func TestReportsCarryControlLists(t *testing.T) {
	r := fixture(t, checklist.French, false)
	if len(r.Control) != 2 || len(r.Control[0].Items) != 5 || len(r.Control[1].Items) != 8 {
		t.Fatalf("control lists = %+v, want 5 then 8 items", r.Control)
	}
	for _, f := range []Format{Markdown, HTML, CSV, JSON} {
		out := string(render(t, f, r))
		for _, want := range []string{"Clients et fournisseurs", "réception des factures d", "Relevés de transaction", "Contrôle de ce qui est migré"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s report lacks %q", f, want)
			}
		}
	}
}
