package ident

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// Properties shared by every fuzz target:
//   - no panic;
//   - normalisation is idempotent, so validating a normalised value gives the
//     same verdict as validating the raw one;
//   - a rejection is an *Error with both messages, in valid UTF-8;
//   - where a Format function exists, its output for a valid value is valid.

func checkError(t *testing.T, kind Kind, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *Error", err, err)
	}
	if e.Kind != kind {
		t.Fatalf("kind %v, want %v", e.Kind, kind)
	}
	if e.Reason < ReasonEmpty || e.Reason > ReasonStructure {
		t.Fatalf("reason %d out of range", e.Reason)
	}
	if e.fr == "" || e.en == "" || !utf8.ValidString(e.Error()) || !utf8.ValidString(e.English()) {
		t.Fatalf("bad messages %q / %q", e.Error(), e.English())
	}
}

// checkNormalizeValidate runs the common properties and reports whether s
// was accepted.
func checkNormalizeValidate(t *testing.T, s string, kind Kind, normalize func(string) string, validate func(string) error) bool {
	t.Helper()
	n := normalize(s)
	if again := normalize(n); again != n {
		t.Fatalf("normalize not idempotent: %q -> %q -> %q", s, n, again)
	}
	err := validate(s)
	errN := validate(n)
	if (err == nil) != (errN == nil) {
		t.Fatalf("%q: %v, but normalised %q: %v", s, err, n, errN)
	}
	if err != nil {
		checkError(t, kind, err)
		return false
	}
	return true
}

func FuzzSIREN(f *testing.F) {
	for _, s := range []string{"552008443", "552 008 443", "404833047", "", "55200844A", "552\u00a0008\u202f443", "５５２", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !checkNormalizeValidate(t, s, KindSIREN, NormalizeSIREN, ValidateSIREN) {
			return
		}
		if formatted := FormatSIREN(s); ValidateSIREN(formatted) != nil {
			t.Fatalf("FormatSIREN(%q) = %q is invalid", s, formatted)
		}
		vat, err := VATFromSIREN(s)
		if err != nil {
			t.Fatalf("VATFromSIREN(%q) failed on a valid SIREN: %v", s, err)
		}
		if err := ValidateVAT(vat); err != nil {
			t.Fatalf("VATFromSIREN(%q) = %q is invalid: %v", s, vat, err)
		}
	})
}

func FuzzSIRET(f *testing.F) {
	for _, s := range []string{"73282932000074", "732 829 320 00074", "35600000049837", "35600000000048", "73282932000079", "", "7328293200007O"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !checkNormalizeValidate(t, s, KindSIRET, NormalizeSIRET, ValidateSIRET) {
			return
		}
		if formatted := FormatSIRET(s); ValidateSIRET(formatted) != nil {
			t.Fatalf("FormatSIRET(%q) = %q is invalid", s, formatted)
		}
		if err := ValidateSIREN(NormalizeSIRET(s)[:sirenLen]); err != nil {
			t.Fatalf("valid SIRET %q embeds an invalid SIREN: %v", s, err)
		}
	})
}

func FuzzVAT(f *testing.F) {
	for _, s := range []string{"FR40303265045", "fr 40 303 265 045", "FRAB303265045", "FR34000123456", "DE123456789", "FRI0303265045", "", "FR"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkNormalizeValidate(t, s, KindVAT, NormalizeVAT, ValidateVAT)
	})
}

func FuzzIBAN(f *testing.F) {
	for _, s := range []string{
		"FR1420041010050500013M02606", "FR76 3000 6000 0112 3456 7890 189", "IBAN FR76", "NO93 8601.11.17947",
		"QQ93 1234 5678", "FR7630006000011234567890188", "GB29 NWBK 6016 1331 9268 19", "", "ıban", "FR76?3000",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		masked := MaskIBAN(s)
		if !utf8.ValidString(masked) && utf8.ValidString(s) {
			t.Fatalf("MaskIBAN(%q) = %q is not valid UTF-8", s, masked)
		}
		if !checkNormalizeValidate(t, s, KindIBAN, NormalizeIBAN, ValidateIBAN) {
			return
		}
		formatted := FormatIBAN(s)
		if err := ValidateIBAN(formatted); err != nil {
			t.Fatalf("FormatIBAN(%q) = %q is invalid: %v", s, formatted, err)
		}
		n := NormalizeIBAN(s)
		if want := n[:4] + " " + maskDots + " " + n[len(n)-4:]; masked != want {
			t.Fatalf("MaskIBAN(%q) = %q, want %q", s, masked, want)
		}
	})
}

func FuzzBIC(f *testing.F) {
	for _, s := range []string{"BNPAFRPP", "bnpa fr pp xxx", "DEUTDEFF500", "BNPAQQPP", "BNP1FRPP", "", "BNPA_FRPP"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkNormalizeValidate(t, s, KindBIC, NormalizeBIC, ValidateBIC)
	})
}

func FuzzEmail(f *testing.F) {
	for _, s := range []string{"jean.dupont@exemple.fr", " Jean@Exemple.FR ", "contact@société.fr", "a@b@c.fr", "jean dupont@x.fr", "", "@", "a@x..fr", "a@İ.fr"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !checkNormalizeValidate(t, s, KindEmail, NormalizeEmail, ValidateEmail) {
			return
		}
		if n := NormalizeEmail(s); len(n) > emailMaxLen {
			t.Fatalf("accepted %d bytes", len(n))
		}
	})
}
