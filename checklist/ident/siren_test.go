package ident

import "testing"

func TestValidateSIREN(t *testing.T) {
	tests := []struct {
		in   string
		want wantErr
	}{
		{"552008443", ok()},
		{"404833048", ok()},
		{"732829320", ok()},
		{"552 008 443", ok()},
		{"552.008.443", ok()},
		{"552-008-443", ok()},
		{"552\u00a0008\u202f443", ok()},       // no-break and narrow no-break spaces
		{"\t552 008 443\n", ok()},             // pasted from a spreadsheet cell
		{"\ufeff552\u2013008\u200b443", ok()}, // BOM, en dash, zero-width space
		{"", badMsg(ReasonEmpty, "SIREN : aucune valeur saisie")},
		{" . - ", bad(ReasonEmpty)},
		{"404833047", badMsg(ReasonChecksum, "SIREN : clé de contrôle invalide")},
		{"55200844", badMsg(ReasonLength, "SIREN : 8 chiffres au lieu de 9")},
		{"5", badMsg(ReasonLength, "SIREN : 1 chiffre au lieu de 9")},
		{"5520084430", badMsg(ReasonLength, "SIREN : 10 chiffres au lieu de 9")},
		{"55200844A", badMsg(ReasonCharacter, "SIREN : caractère « A » non autorisé en position 9")},
		{"552 008 44/3", wantErr{ReasonCharacter, "/", "SIREN : caractère « / » non autorisé en position 9"}},
		{"５５２００８４４３", badDetail(ReasonCharacter, "５")}, // full-width digits are not digits here
		{"552008443\x00", badMsg(ReasonCharacter, "SIREN : caractère « U+0000 » non autorisé en position 10")},
		{"abc", bad(ReasonCharacter)},
		{"000000000", ok()}, // passes Luhn; INSEE never issued it but the check cannot know
	}
	for _, tc := range tests {
		checkResult(t, tc.in, KindSIREN, ValidateSIREN(tc.in), tc.want)
	}
}

func TestValidateSIRENReturnsUntypedNil(t *testing.T) {
	// A typed nil *Error inside an error interface would be != nil.
	if err := ValidateSIREN("552008443"); err != nil {
		t.Fatalf("got %#v", err)
	}
}

func TestSIRENEnglish(t *testing.T) {
	err := ValidateSIREN("55200844").(*Error)
	if got, want := err.English(), "SIREN: 8 digits instead of 9"; got != want {
		t.Errorf("English() = %q, want %q", got, want)
	}
}

func TestNormalizeAndFormatSIREN(t *testing.T) {
	tests := []struct{ in, norm, format string }{
		{"552008443", "552008443", "552 008 443"},
		{" 552.008.443 ", "552008443", "552 008 443"},
		{"552\u00a0008\u202f443", "552008443", "552 008 443"},
		{"55200844", "55200844", "55200844"},
		{"55200844A", "55200844A", "55200844A"},
		{"", "", ""},
	}
	for _, tc := range tests {
		if got := NormalizeSIREN(tc.in); got != tc.norm {
			t.Errorf("NormalizeSIREN(%q) = %q, want %q", tc.in, got, tc.norm)
		}
		if got := FormatSIREN(tc.in); got != tc.format {
			t.Errorf("FormatSIREN(%q) = %q, want %q", tc.in, got, tc.format)
		}
	}
}

func TestValidateSIRET(t *testing.T) {
	tests := []struct {
		in   string
		want wantErr
	}{
		{"73282932000074", ok()},
		{"732 829 320 00074", ok()},
		{"35600000049837", ok()}, // La Poste: digit sum 45, Luhn would fail
		{"35600000000048", ok()}, // La Poste head office: Luhn, digit sum 26
		{"73282932000079", badMsg(ReasonChecksum, "SIRET : clé de contrôle invalide")},
		{"35600000000049", bad(ReasonChecksum)}, // La Poste, digit sum 31
		{"40483304700008", wantErr{ReasonChecksum, "siren", "SIRET : les 9 premiers chiffres ne forment pas un SIREN valide"}},
		{"", bad(ReasonEmpty)},
		{"732829320", badMsg(ReasonLength, "SIRET : 9 chiffres au lieu de 14")},
		{"7328293200007", badMsg(ReasonLength, "SIRET : 13 chiffres au lieu de 14")},
		{"732829320000745", bad(ReasonLength)},
		{"7328293200007O", badMsg(ReasonCharacter, "SIRET : caractère « O » non autorisé en position 14")},
	}
	for _, tc := range tests {
		checkResult(t, tc.in, KindSIRET, ValidateSIRET(tc.in), tc.want)
	}
}

func TestNormalizeAndFormatSIRET(t *testing.T) {
	tests := []struct{ in, norm, format string }{
		{"73282932000074", "73282932000074", "732 829 320 00074"},
		{"732.829.320-00074", "73282932000074", "732 829 320 00074"},
		{"7328293200007", "7328293200007", "7328293200007"},
	}
	for _, tc := range tests {
		if got := NormalizeSIRET(tc.in); got != tc.norm {
			t.Errorf("NormalizeSIRET(%q) = %q, want %q", tc.in, got, tc.norm)
		}
		if got := FormatSIRET(tc.in); got != tc.format {
			t.Errorf("FormatSIRET(%q) = %q, want %q", tc.in, got, tc.format)
		}
	}
}

func TestLuhn(t *testing.T) {
	for in, want := range map[string]bool{
		"":          true,
		"0":         true,
		"18":        true,
		"19":        false,
		"552008443": true,
		"404833047": false,
	} {
		if got := luhn(in); got != want {
			t.Errorf("luhn(%q) = %v, want %v", in, got, want)
		}
	}
}
