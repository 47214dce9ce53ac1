package checklist

import (
	"reflect"
	"testing"
)

func TestDiffRoster(t *testing.T) {
	a := Dossier{ID: "a", Name: "A", SIREN: "552008443", PendingInvoices: 3}
	b := Dossier{ID: "b", Name: "B", SIREN: "404833048", PendingInvoices: -1}
	c := Dossier{ID: "c", Name: "C", SIREN: "732829320", PendingInvoices: -1}
	renamed := b
	renamed.Name = "B bis"
	paying := a
	paying.Payment = true
	cases := []struct {
		name           string
		existing, v1   []Dossier
		add, left, upd []string
		unchanged      int
	}{
		{"empty workspace takes all", nil, []Dossier{a, b}, []string{"a", "b"}, nil, nil, 0},
		{"same list changes nothing", []Dossier{a, b}, []Dossier{b, a}, nil, nil, nil, 2},
		{"client appeared on V1", []Dossier{a, b}, []Dossier{a, b, c}, []string{"c"}, nil, nil, 2},
		{"client left V1 is kept and reported", []Dossier{a, b, c}, []Dossier{a, c}, nil, []string{"b"}, nil, 2},
		{"rename updates", []Dossier{a, b}, []Dossier{a, renamed}, nil, nil, []string{"b"}, 1},
		{"payment flag updates", []Dossier{a}, []Dossier{paying}, nil, nil, []string{"a"}, 0},
		{"pending count alone is not a change", []Dossier{a}, []Dossier{{ID: "a", Name: "A", SIREN: "552008443", PendingInvoices: 9}}, nil, nil, nil, 1},
		{"empty and duplicate ids ignored", nil, []Dossier{{Name: "x"}, c, c}, []string{"c"}, nil, nil, 0},
		{"V1 empty: all left", []Dossier{a, b}, nil, nil, []string{"a", "b"}, nil, 0},
	}
	ids := func(ds []Dossier) []string {
		var out []string
		for _, d := range ds {
			out = append(out, d.ID)
		}
		return out
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := DiffRoster(tc.existing, tc.v1)
			if !reflect.DeepEqual(ids(d.Add), tc.add) || !reflect.DeepEqual(ids(d.Left), tc.left) ||
				!reflect.DeepEqual(ids(d.Updated), tc.upd) || d.Unchanged != tc.unchanged {
				t.Fatalf("add %v left %v updated %v unchanged %d", ids(d.Add), ids(d.Left), ids(d.Updated), d.Unchanged)
			}
			for _, x := range append(d.Add, d.Updated...) {
				if x.PendingInvoices != -1 {
					t.Errorf("%s: pending %d, want -1 (keep the known count)", x.ID, x.PendingInvoices)
				}
			}
		})
	}
}

func TestMissingFrom(t *testing.T) {
	got := MissingFrom([]string{"3", "1", "", "1", "2"}, []string{"2"})
	if !reflect.DeepEqual(got, []string{"1", "3"}) {
		t.Fatalf("got %v", got)
	}
	if MissingFrom(nil, []string{"1"}) != nil {
		t.Fatal("want nil")
	}
}
