package ident

import (
	"sort"
	"strings"
	"testing"
)

func TestValidateBIC(t *testing.T) {
	tests := []struct {
		in   string
		want wantErr
	}{
		{"BNPAFRPP", ok()},
		{"BNPAFRPPXXX", ok()},
		{"bnpa fr pp xxx", ok()},
		{"DEUTDEFF500", ok()},
		{"AGRIFRPP882", ok()},
		{"ABCDXKPR", ok()}, // Kosovo, used by SWIFT without an ISO code
		{"", badMsg(ReasonEmpty, "BIC : aucune valeur saisie")},
		{"BNPAFRP", wantErr{ReasonLength, "7", "BIC : 7 caractères au lieu de 8 ou 11"}},
		{"BNPAFRPPX", badMsg(ReasonLength, "BIC : 9 caractères au lieu de 8 ou 11")},
		{"BNPAFRPPXXXX", bad(ReasonLength)},
		{"B", badMsg(ReasonLength, "BIC : 1 caractère au lieu de 8 ou 11")},
		{"BNP1FRPP", wantErr{ReasonStructure, "bank", "BIC : les 4 premiers caractères (code banque) doivent être des lettres"}},
		{"BNPA1RPP", badDetail(ReasonStructure, "country")},
		{"BNPAQQPP", wantErr{ReasonCountry, "QQ", "BIC : pays « QQ » inconnu"}},
		{"BNPA_FRPP", badMsg(ReasonCharacter, "BIC : caractère « _ » non autorisé en position 5")},
		{"BNPAFRPPé", badDetail(ReasonCharacter, "é")},
	}
	for _, tc := range tests {
		checkResult(t, tc.in, KindBIC, ValidateBIC(tc.in), tc.want)
	}
}

func TestKnownCountry(t *testing.T) {
	codes := strings.Fields(iso3166)
	if len(codes) != 250 {
		t.Errorf("%d codes, want 249 ISO + XK", len(codes))
	}
	if !sort.StringsAreSorted(codes) {
		t.Error("country list is not sorted: harder to review")
	}
	if len(iso3166) != 3*len(codes) {
		t.Error("country list must be two letters and one space per code")
	}
	for i, c := range codes {
		if i > 0 && codes[i-1] == c {
			t.Errorf("duplicate %s", c)
		}
		if !knownCountry(c) {
			t.Errorf("knownCountry(%s) = false", c)
		}
	}
	for _, c := range []string{"DA", "EA", "QQ", "ZZ", "fr", "F", "FRA", "", "E ", " A"} {
		if knownCountry(c) {
			t.Errorf("knownCountry(%q) = true", c)
		}
	}
}
