package main

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
	"github.com/charmbracelet/x/ansi"
)

// TestStartPassphrasePromptFits80Columns: the passphrase asked before the
// program starts (an API-mode workspace) fits an 80-column terminal, its
// prompt and the wrong-passphrase line included; the QA pass saw its ")"
// wrap onto a line of its own. The tries end on the right passphrase.
func TestStartPassphrasePromptFits80Columns(t *testing.T) {
	for _, lang := range []checklist.Lang{checklist.French, checklist.English} {
		var errOut bytes.Buffer
		env := &appEnv{lang: lang, stderr: &errOut}
		typed := []string{"faux", "phrase du cabinet"}
		got, err := env.askPassphrase(func() ([]byte, error) {
			b := []byte(typed[0])
			typed = typed[1:]
			return b, nil
		}, func(b []byte) error {
			if string(b) != "phrase du cabinet" {
				return store.ErrWrongPassphrase
			}
			return nil
		})
		if string(got) != "phrase du cabinet" || err != nil {
			t.Fatalf("%s: got %q, %v", lang, got, err)
		}
		lines := strings.Split(errOut.String(), "\n")
		if n := len(slices.DeleteFunc(slices.Clone(lines), func(l string) bool { return l == "" })); n != 4 {
			t.Errorf("%s: want the explanation, two prompts and the wrong-passphrase line, got:\n%s", lang, errOut.String())
		}
		for _, l := range lines {
			// The prompt's line ends where the user types: leave room for a few characters.
			if w := ansi.StringWidth(l); w > 80 || (strings.HasSuffix(l, ": ") && w > 60) {
				t.Errorf("%s: line of %d columns: %q", lang, w, l)
			}
		}
	}
}
