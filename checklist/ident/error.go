package ident

import (
	"fmt"
	"strconv"
	"unicode"
)

// Kind says which identifier an Error is about.
type Kind int

// Kinds start at 1 so that a zero Kind stands out as "not set".
const (
	KindSIREN Kind = iota + 1
	KindSIRET
	KindVAT
	KindIBAN
	KindBIC
	KindEmail
)

// String returns a stable, language-neutral name, suitable for logs and keys.
func (k Kind) String() string {
	switch k {
	case KindSIREN:
		return "SIREN"
	case KindSIRET:
		return "SIRET"
	case KindVAT:
		return "VAT"
	case KindIBAN:
		return "IBAN"
	case KindBIC:
		return "BIC"
	case KindEmail:
		return "email"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// frenchLabel is the name a French user knows the identifier by; it prefixes
// every French message.
func (k Kind) frenchLabel() string {
	switch k {
	case KindVAT:
		return "TVA"
	case KindEmail:
		return "e-mail"
	}
	return k.String()
}

// englishLabel prefixes every English message.
func (k Kind) englishLabel() string {
	switch k {
	case KindVAT:
		return "VAT"
	case KindEmail:
		return "E-mail"
	}
	return k.String()
}

// Reason says what is wrong with a value.
type Reason int

// Reasons start at 1 so that a zero Reason stands out as "not set".
const (
	ReasonEmpty     Reason = iota + 1 // nothing left once separators are removed
	ReasonLength                      // wrong number of characters; Detail is the actual length
	ReasonChecksum                    // a check digit or key does not match; Detail names the key when not the main one
	ReasonCharacter                   // a character is not allowed; Detail is that character
	ReasonCountry                     // country code unknown or not accepted; Detail is the code
	ReasonFormat                      // overall shape wrong (missing prefix, no "@"...); Detail names the part
	ReasonStructure                   // a fixed-position part is wrong (bank code...); Detail names the part or is the misplaced character
)

// String returns a stable English name, for logs and test output.
func (r Reason) String() string {
	switch r {
	case ReasonEmpty:
		return "empty"
	case ReasonLength:
		return "length"
	case ReasonChecksum:
		return "checksum"
	case ReasonCharacter:
		return "character"
	case ReasonCountry:
		return "country"
	case ReasonFormat:
		return "format"
	case ReasonStructure:
		return "structure"
	}
	return "Reason(" + strconv.Itoa(int(r)) + ")"
}

// Error is a validation error. Error() returns the French message, English()
// the English one.
//
// Messages are rendered when the package builds the error, because several of
// them need context (expected length, position, country) that Detail alone
// does not carry. An Error built by a caller gets a generic message made from
// Kind, Reason and Detail.
type Error struct {
	Kind   Kind   // KindSIREN, KindSIRET, KindVAT, KindIBAN, KindBIC, KindEmail
	Reason Reason // ReasonEmpty, ReasonLength, ReasonChecksum, ...
	Detail string // the offending character, actual length, country code or part name

	fr, en string // rendered messages, without the kind prefix
}

// Error returns the French message, e.g. "SIREN : clé de contrôle invalide".
func (e *Error) Error() string {
	msg := e.fr
	if msg == "" {
		msg = withDetail(e.Reason.frenchGeneric(), e.Detail)
	}
	// French typography puts a space before the colon.
	return e.Kind.frenchLabel() + " : " + msg
}

// English returns the English message, e.g. "SIREN: invalid check digit".
func (e *Error) English() string {
	msg := e.en
	if msg == "" {
		msg = withDetail(e.Reason.englishGeneric(), e.Detail)
	}
	return e.Kind.englishLabel() + ": " + msg
}

// Is lets errors.Is match on Kind and Reason, and on Detail when the target
// sets one, so callers need not compare message text.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	if !ok {
		return false
	}
	return t.Kind == e.Kind && t.Reason == e.Reason && (t.Detail == "" || t.Detail == e.Detail)
}

func withDetail(msg, detail string) string {
	if detail == "" {
		return msg
	}
	return msg + " (" + detail + ")"
}

func (r Reason) frenchGeneric() string {
	switch r {
	case ReasonEmpty:
		return "non renseigné"
	case ReasonLength:
		return "longueur incorrecte"
	case ReasonChecksum:
		return "clé de contrôle invalide"
	case ReasonCharacter:
		return "caractère non autorisé"
	case ReasonCountry:
		return "pays non pris en charge"
	case ReasonFormat:
		return "format incorrect"
	case ReasonStructure:
		return "structure incorrecte"
	}
	return "valeur invalide"
}

func (r Reason) englishGeneric() string {
	switch r {
	case ReasonEmpty:
		return "empty"
	case ReasonLength:
		return "wrong length"
	case ReasonChecksum:
		return "invalid check digit"
	case ReasonCharacter:
		return "character not allowed"
	case ReasonCountry:
		return "country not supported"
	case ReasonFormat:
		return "wrong format"
	case ReasonStructure:
		return "wrong structure"
	}
	return "invalid value"
}

// newError builds an Error with both messages already rendered.
func newError(k Kind, r Reason, detail, fr, en string) *Error {
	return &Error{Kind: k, Reason: r, Detail: detail, fr: fr, en: en}
}

// errEmpty is shared by every kind: nothing was typed, or only separators.
func errEmpty(k Kind) *Error {
	return newError(k, ReasonEmpty, "", "aucune valeur saisie", "nothing entered")
}

// errCharacter reports a forbidden character at a 1-based position counted
// in the normalised value (separators removed), which is what the user sees
// once the wizard redisplays the value.
func errCharacter(k Kind, r rune, pos int) *Error {
	if r == ' ' {
		// Typed spaces only survive normalisation in e-mail addresses, where
		// they are the most common mistake: name them plainly.
		return newError(k, ReasonCharacter, " ",
			fmt.Sprintf("espace non autorisé en position %d", pos),
			fmt.Sprintf("space not allowed at position %d", pos))
	}
	shown := showRune(r)
	return newError(k, ReasonCharacter, string(r),
		fmt.Sprintf("caractère « %s » non autorisé en position %d", shown, pos),
		fmt.Sprintf("character “%s” not allowed at position %d", shown, pos))
}

// showRune makes invisible characters visible in a message: a tab or a
// zero-width space would otherwise print as nothing between the quotes.
func showRune(r rune) string {
	if !unicode.IsPrint(r) {
		return fmt.Sprintf("U+%04X", r)
	}
	return string(r)
}

// errDigitCount is the length error for all-digit identifiers, phrased in
// digits because that is what the user counts.
func errDigitCount(k Kind, got, want int) *Error {
	return newError(k, ReasonLength, strconv.Itoa(got),
		fmt.Sprintf("%s au lieu de %d", pluralFR(got, "chiffre", "chiffres"), want),
		fmt.Sprintf("%s instead of %d", pluralEN(got, "digit", "digits"), want))
}

// pluralFR follows French usage, where 0 and 1 take the singular:
// "0 chiffre", "1 chiffre", "2 chiffres".
func pluralFR(n int, one, many string) string {
	if n <= 1 {
		return strconv.Itoa(n) + " " + one
	}
	return strconv.Itoa(n) + " " + many
}

// pluralEN follows English usage, where only 1 takes the singular.
func pluralEN(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
