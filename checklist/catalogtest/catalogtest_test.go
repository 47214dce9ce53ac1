package catalogtest

import (
	"slices"
	"testing"
)

// TestProblemsFindsGaps keeps the check honest: it must report a missing
// text and a verb that differs, and accept what differs only in form.
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
			got, n := Problems(cat{tc.fr}, cat{tc.en})
			if !slices.Equal(got, tc.want) || n != 4 {
				t.Errorf("got %q (%d messages), want %q", got, n, tc.want)
			}
		})
	}
}

// TestProblemsNamesNestedForms: a nested struct's missing field (a noun's
// plural) is named by its path; a field that is not text is reported.
func TestProblemsNamesNestedForms(t *testing.T) {
	type noun struct{ One, Many string }
	type cat struct {
		Rows noun
		Max  int
	}
	got, n := Problems(cat{Rows: noun{"ligne", "lignes"}}, cat{Rows: noun{"row", ""}})
	if want := []string{"Rows.Many: English is empty", "Max: not a string"}; !slices.Equal(got, want) || n != 2 {
		t.Errorf("got %q (%d forms), want %q", got, n, want)
	}
	if got, _ := Problems(cat{}, noun{}); len(got) != 1 {
		t.Errorf("catalogues of two types: %q", got)
	}
}

// TestCheckFails: Check fails the test on a gap and on a walk that saw too
// few messages.
func TestCheckFails(t *testing.T) {
	type cat struct{ A, B string }
	for _, tc := range []struct {
		name   string
		fr, en cat
		least  int
		failed bool
	}{
		{"complete", cat{"a", "b"}, cat{"a", "b"}, 2, false},
		{"gap", cat{"a", "b"}, cat{"a", ""}, 2, true},
		{"too few seen", cat{"a", "b"}, cat{"a", "b"}, 3, true},
	} {
		rec := &recorder{}
		func() {
			defer func() { _ = recover() }() // Fatalf ends the check
			Check(rec, tc.fr, tc.en, tc.least)
		}()
		if rec.failed != tc.failed {
			t.Errorf("%s: failed %v, want %v", tc.name, rec.failed, tc.failed)
		}
	}
}

// recorder is a testing.TB that remembers a failure instead of ending the
// test that holds it.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Error(...any)          { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true; panic("fatal") }
