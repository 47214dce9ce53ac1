package i18n

import (
	"slices"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/catalogtest"
)

// TestEveryMessageInBothLanguages: each message has a French and an English
// text, and both take the same fmt verbs in the same order (the walk is
// checklist/catalogtest's, shared with the report's catalogue).
func TestEveryMessageInBothLanguages(t *testing.T) {
	fr, en := Of(checklist.French), Of(checklist.English)
	if fr == en {
		t.Fatal("French and English are the same catalogue")
	}
	catalogtest.Check(t, *fr, *en, 100)
}

// TestProblemsNamesNounForms: a noun's missing form is named.
func TestProblemsNamesNounForms(t *testing.T) {
	type cat struct{ Rows Noun }
	got, n := catalogtest.Problems(cat{Noun{"ligne", "lignes"}}, cat{Noun{"row", ""}})
	if want := []string{"Rows.Many: English is empty"}; !slices.Equal(got, want) || n != 2 {
		t.Errorf("got %q (%d forms), want %q", got, n, want)
	}
}

// TestTextInBothLanguages: a message with its arguments, those with words
// of their own written in each language.
func TestTextInBothLanguages(t *testing.T) {
	got := Text(func(m *Messages) string { return m.YourPortfolioChangedFmt }, "Léa", checklist.Text{FR: "3 clients", EN: "3 clients in English"})
	want := checklist.Text{FR: "Léa a changé votre portefeuille : 3 clients.", EN: "Léa changed your portfolio: 3 clients in English."}
	if got != want {
		t.Errorf("got %#v, want %#v", got, want)
	}
	if got := Text(func(m *Messages) string { return m.NoClientToAssign }); got.FR != "aucun client à affecter" || got.EN != "no client to assign" {
		t.Errorf("plain message: %#v", got)
	}
}

// TestNounCount: each language's agreement and thousands.
func TestNounCount(t *testing.T) {
	for _, tc := range []struct {
		lang checklist.Lang
		n    int
		want string
	}{
		{checklist.French, 0, "0 résultat"}, {checklist.French, 1, "1 résultat"}, {checklist.French, 1234, "1\u202f234 résultats"},
		{checklist.English, 0, "0 matches"}, {checklist.English, 1, "1 match"}, {checklist.English, 1234, "1,234 matches"},
	} {
		if got := Of(tc.lang).MatchesNoun.Count(tc.lang, tc.n); got != tc.want {
			t.Errorf("%v %d: got %q, want %q", tc.lang, tc.n, got, tc.want)
		}
	}
}
