package ident

import (
	"errors"
	"testing"
)

func TestValidateVAT(t *testing.T) {
	tests := []struct {
		in   string
		want wantErr
	}{
		{"FR40303265045", ok()},
		{"FR23334175221", ok()},
		{"fr 40 303 265 045", ok()},
		{"FR 40.303.265.045", ok()},
		{"FR19552008443", ok()},
		{"FRAB303265045", ok()}, // alphanumeric key: structure only
		{"FR4X303265045", ok()}, // mixed key
		{"FR34000123456", ok()}, // Monaco: not a SIREN, numeric key still checked
		{"FR35000123456", bad(ReasonChecksum)},
		{"", badMsg(ReasonEmpty, "TVA : aucune valeur saisie")},
		{"303265045", wantErr{ReasonFormat, "prefix", "TVA : le numéro doit commencer par FR"}},
		{"F", bad(ReasonFormat)},
		{"DE123456789", wantErr{ReasonCountry, "DE", "TVA : seuls les numéros français (FR) sont acceptés, pas « DE »"}},
		{"be0403170701", bad(ReasonCountry)},
		{"FRI0303265045", badMsg(ReasonCharacter, "TVA : caractère « I » non autorisé en position 3")},
		{"FR4O303265045", badDetail(ReasonCharacter, "O")},
		{"FR4030326504A", badMsg(ReasonCharacter, "TVA : caractère « A » non autorisé en position 13")},
		{"FR4030326504", badMsg(ReasonLength, "TVA : 12 caractères au lieu de 13")},
		{"FR", badMsg(ReasonLength, "TVA : 2 caractères au lieu de 13")},
		{"FR403032650451", bad(ReasonLength)},
		{"FR41303265045", wantErr{ReasonChecksum, "key", "TVA : clé 41 incorrecte pour ce SIREN (attendue : 40)"}},
		{"FR40303265046", wantErr{ReasonChecksum, "siren", "TVA : les 9 derniers chiffres ne forment pas un SIREN valide"}},
		{"FRAB404833047", badDetail(ReasonChecksum, "siren")}, // letters in the key do not excuse a bad SIREN
	}
	for _, tc := range tests {
		checkResult(t, tc.in, KindVAT, ValidateVAT(tc.in), tc.want)
	}
}

func TestNormalizeVAT(t *testing.T) {
	if got, want := NormalizeVAT(" fr 40\u00a0303.265-045 "), "FR40303265045"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestVATFromSIREN(t *testing.T) {
	tests := []struct{ siren, vat string }{
		{"303265045", "FR40303265045"},
		{"334 175 221", "FR23334175221"},
		{"552008443", "FR19552008443"},
		{"000000000", "FR12000000000"}, // key below 10 keeps its leading zero
	}
	for _, tc := range tests {
		got, err := VATFromSIREN(tc.siren)
		if err != nil || got != tc.vat {
			t.Errorf("VATFromSIREN(%q) = %q, %v; want %q", tc.siren, got, err, tc.vat)
		}
		if err := ValidateVAT(got); err != nil {
			t.Errorf("ValidateVAT(VATFromSIREN(%q)) = %v", tc.siren, err)
		}
	}
}

func TestVATFromInvalidSIREN(t *testing.T) {
	got, err := VATFromSIREN("404833047")
	if got != "" || !errors.Is(err, &Error{Kind: KindSIREN, Reason: ReasonChecksum}) {
		t.Errorf("got %q, %v; want a SIREN checksum error", got, err)
	}
}
