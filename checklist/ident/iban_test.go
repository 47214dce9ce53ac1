package ident

import (
	"fmt"
	"math/big"
	"strings"
	"testing"
)

// withCheckDigits builds an IBAN from a country and BBAN, computing the check
// digits with math/big: an implementation independent of mod97.
func withCheckDigits(country, bban string) string {
	var digits strings.Builder
	for _, c := range bban + country + "00" {
		if c >= 'A' && c <= 'Z' {
			fmt.Fprintf(&digits, "%d", c-'A'+10)
		} else {
			digits.WriteRune(c)
		}
	}
	n, _ := new(big.Int).SetString(digits.String(), 10)
	rem := new(big.Int).Mod(n, big.NewInt(97)).Int64()
	return fmt.Sprintf("%s%02d%s", country, 98-rem, bban)
}

func TestWithCheckDigits(t *testing.T) {
	// The helper must reproduce the published examples before it is trusted.
	for _, iban := range []string{"FR1420041010050500013M02606", "FR7630006000011234567890189", "DE89370400440532013000"} {
		if got := withCheckDigits(iban[:2], iban[4:]); got != iban {
			t.Errorf("withCheckDigits = %q, want %q", got, iban)
		}
	}
}

func TestValidateIBAN(t *testing.T) {
	tests := []struct {
		in   string
		want wantErr
	}{
		{"FR1420041010050500013M02606", ok()},
		{"FR7630006000011234567890189", ok()},
		{"FR76 3000 6000 0112 3456 7890 189", ok()},
		{"fr76-3000-6000-0112-3456-7890-189", ok()},
		{"IBAN FR76 3000 6000 0112 3456 7890 189", ok()},
		{"IBAN : FR76\u00a03000\u00a06000\u00a00112\u00a03456\u00a07890\u00a0189", ok()},
		{"iban:FR7630006000011234567890189", ok()},
		{"DE89 3704 0044 0532 0130 00", ok()},
		{"NO93 8601.11.17947", ok()},
		{"", badMsg(ReasonEmpty, "IBAN : aucune valeur saisie")},
		{"IBAN", bad(ReasonEmpty)},
		{"FR76?3000", wantErr{ReasonCharacter, "?", "IBAN : caractère « ? » non autorisé en position 5"}},
		{"FR76 3000 6000 0112 3456 7890 18", wantErr{ReasonLength, "26", "IBAN : un IBAN FR compte 27 caractères, celui-ci en a 26"}},
		{"FR76300060000112345678901890", badMsg(ReasonLength, "IBAN : un IBAN FR compte 27 caractères, celui-ci en a 28")},
		{"FR", bad(ReasonFormat)},
		{"FR7", badDetail(ReasonFormat, "check")},
		{"FRAB30006000011234567890189", badMsg(ReasonFormat, "IBAN : le code pays doit être suivi de 2 chiffres de contrôle")},
		{"7630006000011234567890189", wantErr{ReasonFormat, "country", "IBAN : doit commencer par les 2 lettres du pays"}},
		{"QQ93 1234 5678", wantErr{ReasonCountry, "QQ", "IBAN : pays « QQ » inconnu ou sans IBAN"}},
		{"US12345678901234", bad(ReasonCountry)}, // a real country, but no IBAN
		{"FR7630006000011234567890188", badMsg(ReasonChecksum, "IBAN : clé de contrôle invalide")},
		{"FR7730006000011234567890189", bad(ReasonChecksum)},
		{"FR14 2004 1010 0505 0001 3N02 606", bad(ReasonChecksum)}, // one letter off
		{"FR76A0006000011234567890189", wantErr{ReasonStructure, "bank", "IBAN : le code banque (caractères 5 à 9) doit comporter 5 chiffres"}},
		{"FR76300060B0011234567890189", badDetail(ReasonStructure, "branch")},
		{"FR763000600001123456789018X", badDetail(ReasonStructure, "rib")},
		// Correct IBAN check digits around a wrong RIB key: only the RIB check catches it.
		{withCheckDigits("FR", "3000600001123456789018"+"8"), wantErr{ReasonChecksum, "rib", "IBAN : clé RIB invalide"}},
	}
	for _, tc := range tests {
		checkResult(t, tc.in, KindIBAN, ValidateIBAN(tc.in), tc.want)
	}
}

// TestIBANImpossibleCheckDigits builds IBANs whose valid check digits are
// 02, 97 or 98, then swaps in 99, 00 or 01: congruent modulo 97, so the
// division alone would accept them.
func TestIBANImpossibleCheckDigits(t *testing.T) {
	swap := map[string]string{"02": "99", "97": "00", "98": "01"}
	found := map[string]bool{}
	for i := 0; len(found) < len(swap) && i < 100000; i++ {
		iban := withCheckDigits("DE", fmt.Sprintf("%018d", i))
		alias, ok := swap[iban[2:4]]
		if !ok || found[alias] {
			continue
		}
		found[alias] = true
		if err := ValidateIBAN(iban); err != nil {
			t.Fatalf("%s: %v", iban, err)
		}
		forged := iban[:2] + alias + iban[4:]
		if mod97(forged[4:]+forged[:4]) != 1 {
			t.Fatalf("%s: test premise wrong, forged value fails mod 97", forged)
		}
		checkResult(t, forged, KindIBAN, ValidateIBAN(forged), bad(ReasonChecksum))
	}
	if len(found) != len(swap) {
		t.Fatalf("found only %v", found)
	}
}

// sampleBBAN builds a BBAN that fits a registry format: 1 for digits, B for
// letters, alternately 7 and C where both are allowed.
func sampleBBAN(fields []bbanField) string {
	var b strings.Builder
	for _, f := range fields {
		for i := range f.count {
			switch {
			case f.class == 'n':
				b.WriteByte('1')
			case f.class == 'a':
				b.WriteByte('B')
			case i%2 == 0:
				b.WriteByte('7')
			default:
				b.WriteByte('C')
			}
		}
	}
	return b.String()
}

// TestIBANRegistryTable checks every registry country: each format parses,
// a generated IBAN that fits it passes, one character more or less fails on
// length, and a character of the wrong class fails on structure.
func TestIBANRegistryTable(t *testing.T) {
	if len(ibanFormats) < 89 {
		t.Errorf("registry table has %d countries, expected at least 89", len(ibanFormats))
	}
	for cc, format := range ibanFormats {
		fields := parseBBANFormat(format)
		if fields == nil {
			t.Errorf("%s: malformed format %q", cc, format)
			continue
		}
		if !knownCountry(cc) {
			t.Errorf("%s: not an ISO 3166 code", cc)
		}
		n, _ := ibanLength(cc)
		if n < 15 || n > 34 {
			t.Errorf("%s: length %d outside ISO 13616 bounds", cc, n)
		}
		if cc == "FR" || cc == "MC" {
			// FR needs a RIB key (covered elsewhere); MC shares the format.
			continue
		}
		bban := sampleBBAN(fields)
		good := withCheckDigits(cc, bban)
		checkResult(t, good, KindIBAN, ValidateIBAN(good), ok())
		for _, l := range []int{n - 5, n - 3} {
			wrong := withCheckDigits(cc, strings.Repeat("1", l))
			checkResult(t, wrong, KindIBAN, ValidateIBAN(wrong), badDetail(ReasonLength, fmt.Sprint(l+4)))
		}
		if wrong, ok := breakBBAN(bban, fields); ok {
			iban := withCheckDigits(cc, wrong)
			checkResult(t, iban, KindIBAN, ValidateIBAN(iban), bad(ReasonStructure))
		}
	}
}

// breakBBAN puts a character of the wrong class in the first field that is
// not alphanumeric, false when every field is.
func breakBBAN(bban string, fields []bbanField) (string, bool) {
	i := 0
	for _, f := range fields {
		switch f.class {
		case 'n':
			return bban[:i] + "A" + bban[i+1:], true
		case 'a':
			return bban[:i] + "1" + bban[i+1:], true
		}
		i += f.count
	}
	return "", false
}

func TestParseBBANFormat(t *testing.T) {
	got := parseBBANFormat("4!a12!c")
	if len(got) != 2 || got[0] != (bbanField{4, 'a'}) || got[1] != (bbanField{12, 'c'}) {
		t.Errorf("got %v", got)
	}
	for _, bad := range []string{"4a", "!n", "4!x", "0!n", "4!", "n!4"} {
		if got := parseBBANFormat(bad); got != nil {
			t.Errorf("parseBBANFormat(%q) = %v, want nil", bad, got)
		}
	}
}

func TestIBANStructureMessage(t *testing.T) {
	checkResult(t, "NL56 3003 0A17 1643 00", KindIBAN, ValidateIBAN("NL56 3003 0A17 1643 00"),
		wantErr{ReasonStructure, "3", "IBAN : en position 5, un IBAN NL attend une lettre, pas « 3 »"})
	err := ValidateIBAN("GB29 NWBK 6016 133A 9268 19").(*Error)
	if got, want := err.English(), "IBAN: at position 16 a GB IBAN expects a digit, not “A”"; got != want {
		t.Errorf("English() = %q, want %q", got, want)
	}
}

func TestRIBDigit(t *testing.T) {
	want := map[byte]int{'0': 0, '9': 9, 'A': 1, 'I': 9, 'J': 1, 'R': 9, 'S': 2, 'T': 3, 'Z': 9, 'M': 4}
	for c, d := range want {
		if got := ribDigit(c); got != d {
			t.Errorf("ribDigit(%c) = %d, want %d", c, got, d)
		}
	}
}

func TestNormalizeIBAN(t *testing.T) {
	tests := []struct{ in, want string }{
		{"fr76 3000-6000.0112", "FR76300060000112"},
		{"IBAN: FR76", "FR76"},
		{"IBAN IBAN FR76", "FR76"},
		{"  ", ""},
		{"ıban", "ıBAN"}, // only ASCII letters change case
	}
	for _, tc := range tests {
		if got := NormalizeIBAN(tc.in); got != tc.want {
			t.Errorf("NormalizeIBAN(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFormatIBAN(t *testing.T) {
	tests := []struct{ in, want string }{
		{"FR7630006000011234567890189", "FR76 3000 6000 0112 3456 7890 189"},
		{"fr14 2004 1010 0505 0001 3m02 606", "FR14 2004 1010 0505 0001 3M02 606"},
		{"BE68539007547034", "BE68 5390 0754 7034"},
		{"FR76", "FR76"},
		{"FR76?300", "FR76?300"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := FormatIBAN(tc.in); got != tc.want {
			t.Errorf("FormatIBAN(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMaskIBAN(t *testing.T) {
	tests := []struct{ in, want string }{
		{"FR7630006000011234567890189", "FR76 •••• 0189"},
		{"FR76 3000 6000 0112 3456 7890 189", "FR76 •••• 0189"},
		{"no9386011117947", "NO93 •••• 7947"},
		{"FR763000", "••••"},
		{"", "••••"},
	}
	for _, tc := range tests {
		if got := MaskIBAN(tc.in); got != tc.want {
			t.Errorf("MaskIBAN(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
