package checklist

import (
	"errors"
	"fmt"
	"testing"
)

func TestShownValue(t *testing.T) {
	choice := Field{ID: "software", Type: FieldChoice, Options: []Option{
		{Value: "sage", Label: tx("Sage", "Sage")}, {Value: "autre", Label: tx("Autre", "Other")}}}
	multi := Field{ID: "roles", Type: FieldMultiChoice, FreeText: true, Options: []Option{
		{Value: "admin", Label: tx("Administrateur", "Administrator")}, {Value: "compta", Label: tx("Comptable", "Accountant")}}}
	iban := Field{ID: "iban", Type: FieldIBAN}
	yes := Field{ID: "reinvite", Type: FieldBool}
	for _, tc := range []struct {
		f    Field
		v    string
		lang Lang
		want string
	}{
		{choice, "autre", French, "Autre"},
		{choice, "autre", English, "Other"},
		{choice, "inconnu", French, "inconnu"},
		{multi, "admin, compta", French, "Administrateur, Comptable"},
		{multi, "admin,Lecteur V1", English, "Administrator, Lecteur V1"},
		{multi, "", French, ""},
		{yes, "true", French, "oui"},
		{yes, "false", English, "no"},
		{yes, "peut-être", French, "peut-être"},
		{iban, "", French, ""},
		{Field{Type: FieldText}, "Céline", French, "Céline"},
	} {
		if got := tc.f.ShownValue(tc.v, tc.lang); got != tc.want {
			t.Errorf("%s %q (%v): %q, want %q", tc.f.ID, tc.v, tc.lang, got, tc.want)
		}
	}
	const ib = "FR7630006000011234567890189"
	if got := iban.ShownValue(ib, French); got == ib || got == "" {
		t.Errorf("IBAN shown as %q, not masked", got)
	}
}

type englishErr struct{}

func (englishErr) Error() string   { return "fichier illisible" }
func (englishErr) English() string { return "unreadable file" }

func TestErrorText(t *testing.T) {
	gate := fmt.Errorf("apply: %w", newError("gate_closed", "porte fermée", "gate closed"))
	for _, tc := range []struct {
		err  error
		lang Lang
		want string
	}{
		{gate, French, "porte fermée"},
		{gate, English, "gate closed"},
		{englishErr{}, English, "unreadable file"},
		{englishErr{}, French, "fichier illisible"},
		{errors.New("disque plein"), English, "disque plein"},
	} {
		if got := ErrorText(tc.lang, tc.err); got != tc.want {
			t.Errorf("ErrorText(%v, %v) = %q, want %q", tc.lang, tc.err, got, tc.want)
		}
	}
}
