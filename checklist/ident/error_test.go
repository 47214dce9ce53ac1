package ident

import (
	"errors"
	"fmt"
	"testing"
)

func TestKindString(t *testing.T) {
	want := map[Kind]string{
		KindSIREN: "SIREN", KindSIRET: "SIRET", KindVAT: "VAT",
		KindIBAN: "IBAN", KindBIC: "BIC", KindEmail: "email", 0: "Kind(0)", 99: "Kind(99)",
	}
	for k, s := range want {
		if got := k.String(); got != s {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), got, s)
		}
	}
}

func TestReasonString(t *testing.T) {
	for r := ReasonEmpty; r <= ReasonStructure; r++ {
		if s := r.String(); s == "" || s == fmt.Sprintf("Reason(%d)", int(r)) {
			t.Errorf("Reason %d has no name", int(r))
		}
	}
	if got := Reason(0).String(); got != "Reason(0)" {
		t.Errorf("got %q", got)
	}
}

func TestEnglishMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{ValidateSIREN("404833047"), "SIREN: invalid check digit"},
		{ValidateSIRET(""), "SIRET: nothing entered"},
		{ValidateVAT("DE123456789"), "VAT: only French numbers (FR) are accepted, not “DE”"},
		{ValidateIBAN("FR76 3000 6000 0112 3456 7890 18"), "IBAN: a FR IBAN has 27 characters, this one has 26"},
		{ValidateIBAN("FR76?3000"), "IBAN: character “?” not allowed at position 5"},
		{ValidateBIC("BNPAFRP"), "BIC: 7 characters instead of 8 or 11"},
		{ValidateEmail("jean@localhost"), "E-mail: the domain “localhost” must contain a dot (e.g. example.com)"},
	}
	for _, tc := range tests {
		var e *Error
		if !errors.As(tc.err, &e) {
			t.Errorf("%v is not an *Error", tc.err)
			continue
		}
		if got := e.English(); got != tc.want {
			t.Errorf("English() = %q, want %q", got, tc.want)
		}
	}
}

// An Error built by another package has no rendered message; it must still
// say something sensible in both languages.
func TestCallerBuiltError(t *testing.T) {
	e := &Error{Kind: KindIBAN, Reason: ReasonCountry, Detail: "QQ"}
	if got, want := e.Error(), "IBAN : pays non pris en charge (QQ)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := e.English(), "IBAN: country not supported (QQ)"; got != want {
		t.Errorf("English() = %q, want %q", got, want)
	}
	for r := ReasonEmpty; r <= ReasonStructure; r++ {
		e := &Error{Kind: KindVAT, Reason: r}
		if e.Error() == "TVA : valeur invalide" || e.English() == "VAT: invalid value" {
			t.Errorf("reason %v has no generic message", r)
		}
	}
	if got := (&Error{}).Error(); got != "Kind(0) : valeur invalide" {
		t.Errorf("zero Error: %q", got)
	}
}

func TestErrorsIs(t *testing.T) {
	err := fmt.Errorf("import row 3: %w", ValidateVAT("FR41303265045"))
	if !errors.Is(err, &Error{Kind: KindVAT, Reason: ReasonChecksum}) {
		t.Error("Kind and Reason should match")
	}
	if !errors.Is(err, &Error{Kind: KindVAT, Reason: ReasonChecksum, Detail: "key"}) {
		t.Error("Kind, Reason and Detail should match")
	}
	if errors.Is(err, &Error{Kind: KindVAT, Reason: ReasonChecksum, Detail: "siren"}) {
		t.Error("a different Detail should not match")
	}
	if errors.Is(err, &Error{Kind: KindSIREN, Reason: ReasonChecksum}) {
		t.Error("a different Kind should not match")
	}
	if errors.Is(err, errors.New("other")) {
		t.Error("a foreign error should not match")
	}
}
