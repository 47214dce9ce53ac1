package i18n

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
)

// TestEveryMessageInBothLanguages: each message has a French and an English
// text, and both take the same fmt verbs in the same order.
func TestEveryMessageInBothLanguages(t *testing.T) {
	fr, en := Of(checklist.French), Of(checklist.English)
	if fr == en {
		t.Fatal("French and English are the same catalogue")
	}
	n := 0
	for _, p := range problems("", reflect.ValueOf(*fr), reflect.ValueOf(*en), &n) {
		t.Error(p)
	}
	if n < 100 {
		t.Fatalf("only %d messages seen: the walk missed the parts", n)
	}
}

// TestProblemsFindsGaps keeps the check honest: it must report a missing
// text and a verb that differs.
func TestProblemsFindsGaps(t *testing.T) {
	type part struct{ A, B, C, D string }
	type cat struct{ part }
	tests := []struct {
		name   string
		fr, en part
		want   []string
	}{
		{"complete", part{"a", "%d b", "%s c %d", "100 %%"}, part{"a", "%d b", "%s c %d", "100%%"}, nil},
		{"missing French", part{"", "b", "c", "d"}, part{"a", "b", "c", "d"}, []string{"A: French is empty"}},
		{"missing English", part{"a", "b", "c", "d"}, part{"a", "", "c", "d"}, []string{"B: English is empty"}},
		{"verb differs", part{"a", "%d b", "c", "d"}, part{"a", "%s b", "c", "d"}, []string{"B: verbs [%d] in French, [%s] in English"}},
		{"quoting style", part{"a", "« %s »", "c", "d"}, part{"a", "%q", "c", "d"}, nil},
		{"verb order", part{"a", "b", "%s %d", "d"}, part{"a", "b", "%d %s", "d"}, []string{"C: verbs [%s %d] in French, [%d %s] in English"}},
		{"argument indexes", part{"a", "%[1]s de %[2]d", "c", "d"}, part{"a", "%[2]d's %[1]s", "c", "d"}, nil},
		{"indexes against order", part{"a", "%s de %d", "c", "d"}, part{"a", "%[2]d's %[1]s", "c", "d"}, nil},
		{"index to another verb", part{"a", "%[1]s de %[2]d", "c", "d"}, part{"a", "%[1]d's %[2]s", "c", "d"}, []string{"B: verbs [%s %d] in French, [%d %s] in English"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			got := problems("", reflect.ValueOf(cat{tc.fr}), reflect.ValueOf(cat{tc.en}), &n)
			if !slices.Equal(got, tc.want) || n != 4 {
				t.Errorf("got %q (%d messages), want %q", got, n, tc.want)
			}
		})
	}
}

// TestProblemsNamesNounForms: a noun's missing form is named.
func TestProblemsNamesNounForms(t *testing.T) {
	type cat struct{ Rows Noun }
	n := 0
	got := problems("", reflect.ValueOf(cat{Noun{"ligne", "lignes"}}), reflect.ValueOf(cat{Noun{"row", ""}}), &n)
	if want := []string{"Rows.Many: English is empty"}; !slices.Equal(got, want) || n != 2 {
		t.Errorf("got %q (%d forms), want %q", got, n, want)
	}
}

// problems walks two values of the same struct type, embedded parts and
// nouns (One, Many) included, and describes each message that is not
// complete.
func problems(prefix string, fr, en reflect.Value, n *int) []string {
	var out []string
	for i := range fr.NumField() {
		f := fr.Type().Field(i)
		name := prefix + f.Name
		switch f.Type.Kind() {
		case reflect.Struct:
			if !f.Anonymous {
				name += "."
			} else {
				name = prefix
			}
			out = append(out, problems(name, fr.Field(i), en.Field(i), n)...)
		case reflect.String:
			*n++
			a, b := fr.Field(i).String(), en.Field(i).String()
			switch {
			case a == "":
				out = append(out, name+": French is empty")
			case b == "":
				out = append(out, name+": English is empty")
			case !slices.Equal(verbs(a), verbs(b)):
				out = append(out, name+": verbs "+list(verbs(a))+" in French, "+list(verbs(b))+" in English")
			}
		default:
			out = append(out, name+": not a string")
		}
	}
	return out
}

func list(vs []string) string { return "[" + strings.Join(vs, " ") + "]" }

// verbs lists the fmt verbs of s ("%d", "%-8s") in the order of the
// arguments they take, so that "%[2]s … %[1]s" may reorder them; "%%" is
// excluded, %q written %s, an explicit index dropped once applied.
func verbs(s string) []string {
	var byArg []string
	next := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(s) && strings.IndexByte("+-# 0123456789.[]*", s[j]) >= 0 {
			j++
		}
		if j < len(s) && s[j] != '%' {
			v := s[i:j] + string(s[j])
			if s[j] == 'q' {
				// French quotes a value with « %s », English with %q:
				// both take the same string.
				v = s[i:j] + "s"
			}
			if k := strings.IndexByte(v, '['); k >= 0 {
				if end := strings.IndexByte(v[k:], ']'); end > 0 {
					if n, err := strconv.Atoi(v[k+1 : k+end]); err == nil && n > 0 {
						next = n - 1
					}
					v = v[:k] + v[k+end+1:]
				}
			}
			for len(byArg) <= next {
				byArg = append(byArg, "")
			}
			byArg[next] = v
			next++
		}
		i = j
	}
	return byArg
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
