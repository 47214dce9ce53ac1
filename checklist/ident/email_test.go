package ident

import (
	"strings"
	"testing"
)

func TestValidateEmail(t *testing.T) {
	tests := []struct {
		in   string
		want wantErr
	}{
		{"jean.dupont@exemple.fr", ok()},
		{"  Jean.Dupont@Exemple.FR\u00a0", ok()},
		{"compta+bascule@cabinet-martin.co.uk", ok()},
		{"contact@société.fr", ok()},
		{"o'neil@xn--socit-esab.fr", ok()},
		{strings.Repeat("a", 64) + "@x.fr", ok()},
		{"", badMsg(ReasonEmpty, "e-mail : aucune valeur saisie")},
		{"   ", bad(ReasonEmpty)},
		{"jean dupont@exemple.fr", wantErr{ReasonCharacter, " ", "e-mail : espace non autorisé en position 5"}},
		{"jean\tdupont@exemple.fr", badMsg(ReasonCharacter, "e-mail : caractère « U+0009 » non autorisé en position 5")},
		{"jean\u00a0dupont@exemple.fr", badDetail(ReasonCharacter, "\u00a0")},
		{"jean\xffdupont@exemple.fr", bad(ReasonCharacter)},
		{"Jean Dupont <jean@exemple.fr>", bad(ReasonCharacter)},
		{"<jean@exemple.fr>", badMsg(ReasonCharacter, "e-mail : caractère « < » non autorisé en position 1")},
		{"a@x.fr;b@y.fr", bad(ReasonFormat)}, // two "@" reported before the ";"
		{"a;b@y.fr", badDetail(ReasonCharacter, ";")},
		{"jean@exem_ple.fr", badMsg(ReasonCharacter, "e-mail : caractère « _ » non autorisé en position 10")},
		{"jean.exemple.fr", wantErr{ReasonFormat, "at", "e-mail : il manque le « @ »"}},
		{"a@b@exemple.fr", badMsg(ReasonFormat, "e-mail : un seul « @ » est permis")},
		{"@exemple.fr", wantErr{ReasonFormat, "local", "e-mail : rien avant le « @ »"}},
		{"jean@", wantErr{ReasonFormat, "domain", "e-mail : rien après le « @ »"}},
		{"jean@localhost", badMsg(ReasonFormat, "e-mail : le domaine « localhost » doit contenir un point (ex. : exemple.fr)")},
		{"jean@exemple..fr", badMsg(ReasonFormat, "e-mail : le domaine « exemple..fr » est mal formé")},
		{"jean@.exemple.fr", bad(ReasonFormat)},
		{"jean@exemple.fr.", bad(ReasonFormat)},
		{"jean@-exemple.fr", bad(ReasonFormat)},
		{"jean@exemple-.fr", bad(ReasonFormat)},
		{"jean@" + strings.Repeat("a", 64) + ".fr", bad(ReasonFormat)},
		{"jean@exemple.f", badMsg(ReasonFormat, "e-mail : extension de domaine « f » invalide")},
		{"jean@10.0.0.1", bad(ReasonFormat)},
		{".jean@exemple.fr", badMsg(ReasonFormat, "e-mail : point mal placé avant le « @ »")},
		{"jean.@exemple.fr", bad(ReasonFormat)},
		{"jean..dupont@exemple.fr", bad(ReasonFormat)},
		{strings.Repeat("a", 65) + "@x.fr", badMsg(ReasonLength, "e-mail : 65 caractères avant le « @ », 64 au maximum")},
		{"a@" + strings.Repeat("b.", 126) + "fr", wantErr{ReasonLength, "256", "e-mail : 256 caractères, 254 au maximum"}},
	}
	for _, tc := range tests {
		checkResult(t, tc.in, KindEmail, ValidateEmail(tc.in), tc.want)
	}
}

func TestNormalizeEmail(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Jean.Dupont@Exemple.FR\t", "Jean.Dupont@exemple.fr"},
		{"\ufeffjean@EXEMPLE.fr", "jean@exemple.fr"},
		{"Jean@Société.FR", "Jean@société.fr"},
		{"sans-arobase", "sans-arobase"},
		{"a@B@C.FR", "a@B@c.fr"}, // only after the last "@"; invalid anyway
	}
	for _, tc := range tests {
		if got := NormalizeEmail(tc.in); got != tc.want {
			t.Errorf("NormalizeEmail(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
