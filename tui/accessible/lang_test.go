package accessible

import (
	"strings"
	"testing"
	"unicode"

	"github.com/bascule-cli/bascule/checklist"
)

// otherLanguage lists the words of out that belong to the other language:
// key names and common words a translation forgets.
func otherLanguage(out string, lang checklist.Lang) []string {
	words := []string{"entrée", "espace", "écrits", "faites", "oui", "non", "valider", "retour", "étape", "étapes", "à", "exemple"}
	if lang == checklist.French {
		words = []string{"up", "down", "file", "enter", "space", "yes", "no", "the", "step", "steps", "back"}
	}
	bad := map[string]bool{}
	for _, w := range words {
		bad[w] = true
	}
	var found []string
	for _, tok := range strings.FieldsFunc(out, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if bad[strings.ToLower(tok)] {
			found = append(found, tok)
		}
	}
	return found
}

// TestAccessibleOneLanguage: a session through the cabinet's steps, a
// client's steps and a capture reads in one language only.
func TestAccessibleOneLanguage(t *testing.T) {
	for _, lang := range []checklist.Lang{checklist.French, checklist.English} {
		path, ws := openTestStore(t)
		out := runScript(t, path, ws, lang,
			"1", "1", "6", "une note", "", "", // the firm's preparation, a note
			"6", "lefev", "1", "6", "1", "1", // a client's IBAN capture
			"FR14 2004 1010 0505 0001 3M02 606", "Boulangerie", "", "4", "", "", "q")
		if found := otherLanguage(out, lang); len(found) > 0 {
			t.Errorf("%s session shows %q:\n%s", lang, found, out)
		}
	}
}
