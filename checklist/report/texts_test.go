package report

import (
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/catalogtest"
)

// The report has its own catalogue (checklist cannot import tui); the walk
// that checks it is tui/i18n's too (checklist/catalogtest).

// TestEveryMessageInBothLanguages: each report message has a French and an English
// text, and both take the same fmt verbs in the same order.
func TestEveryMessageInBothLanguages(t *testing.T) {
	fr, en := textsOf(checklist.French), textsOf(checklist.English)
	if fr == en {
		t.Fatal("French and English are the same catalogue")
	}
	catalogtest.Check(t, *fr, *en, 50)
}
