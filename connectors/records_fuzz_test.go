package connectors

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkInvalid asserts err is an *Error of kind ErrInvalid naming field,
// with both messages in valid UTF-8.
func checkInvalid(t *testing.T, err error, field string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrInvalid) || Code(err) != "invalid" {
		t.Fatalf("error %v (%T) is not an ErrInvalid *Error", err, err)
	}
	if e.Field != field {
		t.Fatalf("error field %q, want %q", e.Field, field)
	}
	if e.French == "" || e.English == "" || !utf8.ValidString(e.Error()) || !utf8.ValidString(e.EnglishMessage()) {
		t.Fatalf("bad messages %q / %q", e.Error(), e.EnglishMessage())
	}
}

// Properties: an accepted number is the trimmed input exactly (prefix then
// the number padded to the digits given), its digits are ASCII, and the
// next number (what V2 continues from) parses back to LastNumber+1 with the
// same prefix. A refusal is an ErrInvalid on "numbering".
func FuzzParseNumbering(f *testing.F) {
	for _, s := range []string{
		"FAC-0142", "FAC-0999", "2024-12-0042", " F2024/007 ", "42", "NC-0000", "FAC 12",
		"", "   ", "FAC-", "FAC-12A", "1234567890123456789012", "999999999999999999",
		"FAC-999999999999999999", "9223372036854775807", "9223372036854775808", "-5", "FAC--1",
		"\x1b[31mFAC-0001", "FAC-0001\u00a0", "\u202eFAC-0001", "FAC-\xff01", "٠١٢", "FAC-０１",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumbering(s)
		if err != nil {
			checkInvalid(t, err, "numbering")
			if n != (Numbering{}) {
				t.Fatalf("refused %q but returned %+v", s, n)
			}
			return
		}
		trimmed := strings.TrimSpace(s)
		if n.LastNumber < 0 || n.Padding < 1 || n.Padding > len(trimmed) {
			t.Fatalf("%q: bad numbering %+v", s, n)
		}
		if got := n.Format(n.LastNumber); got != trimmed || n.String() != got {
			t.Fatalf("%q: Format(%d) = %q, want %q", s, n.LastNumber, got, trimmed)
		}
		if !strings.HasPrefix(trimmed, n.Prefix) {
			t.Fatalf("%q: prefix %q", s, n.Prefix)
		}
		for _, c := range []byte(trimmed[len(n.Prefix):]) {
			if c < '0' || c > '9' {
				t.Fatalf("%q: non-digit %q in the number", s, c)
			}
		}
		if again, err := ParseNumbering(n.String()); err != nil || again != n {
			t.Fatalf("%q: re-parse of %q = %+v, %v", s, n.String(), again, err)
		}

		next := n.Next()
		if next.LastNumber != n.LastNumber+1 || next.Prefix != n.Prefix || next.Padding != n.Padding {
			t.Fatalf("%q: Next() = %+v from %+v", s, next, n)
		}
		if n.LastNumber == MaxInvoiceNumber {
			return // its successor has one digit too many, by definition
		}
		back, err := ParseNumbering(next.String())
		if err != nil {
			t.Fatalf("%q: next number %q does not parse: %v", s, next.String(), err)
		}
		if back.Prefix != n.Prefix || back.LastNumber != next.LastNumber || back.Padding < n.Padding {
			t.Fatalf("%q: next %q parses to %+v, want prefix %q number %d", s, next.String(), back, n.Prefix, next.LastNumber)
		}
	})
}

// Properties: an accepted status is one of the four codes; its code and
// both labels, in any case and with surrounding spaces, parse back to it;
// parsing is insensitive to case and surrounding blanks; a refusal is an
// ErrInvalid on "status".
func FuzzParseClientStatus(f *testing.F) {
	for _, s := range []string{
		"actif", "Actif", "ACTIVE", "brouillon", "Draft", "cree", "Créé", "CRÉÉ", "created",
		"mis_a_jour", "Mis à jour", "mis-a-jour", "MIS À JOUR", "updated", " actif\t",
		"", "inconnu", "actif\x00", "\u202eactif", "act\u200bif", "ACTİF", "mis  a jour", "\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, err := ParseClientStatus(s)
		if err != nil {
			checkInvalid(t, err, "status")
			if st != "" {
				t.Fatalf("refused %q but returned %q", s, st)
			}
		} else {
			if !st.Valid() {
				t.Fatalf("%q accepted as unknown status %q", s, st)
			}
			for _, v := range []string{st.String(), st.FrenchLabel(), st.EnglishLabel(),
				strings.ToUpper(st.FrenchLabel()), " " + strings.ToLower(st.EnglishLabel()) + " "} {
				if again, err := ParseClientStatus(v); err != nil || again != st {
					t.Fatalf("%q -> %q, but %q -> %q, %v", s, st, v, again, err)
				}
			}
		}
		// Case and surrounding blanks never change the verdict.
		for _, v := range []string{strings.ToLower(s), " " + s + "\t"} {
			again, err2 := ParseClientStatus(v)
			if again != st || (err == nil) != (err2 == nil) {
				t.Fatalf("%q -> %q, %v but %q -> %q, %v", s, st, err, v, again, err2)
			}
		}
	})
}
