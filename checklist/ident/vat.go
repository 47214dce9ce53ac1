package ident

import (
	"fmt"
	"strconv"
)

// vatLen is the length of a French VAT number: "FR", a 2-character key and
// the 9-digit SIREN.
const vatLen = 2 + 2 + sirenLen

// NormalizeVAT upper-cases the letters and removes spaces, dots and dashes:
// "fr 40 303.265.045" becomes "FR40303265045".
func NormalizeVAT(s string) string { return stripSeparatorsUpper(s) }

// ValidateVAT checks a French intra-community VAT number after normalising
// it: "FR", a 2-character key, then a valid SIREN. A numeric key must equal
// (12 + 3 × (SIREN mod 97)) mod 97. Newer keys may contain letters (never I
// or O, too easily read as 1 and 0); their algorithm is not public, so a
// structurally valid alphanumeric key is accepted. Numbers of other EU
// countries are rejected with ReasonCountry: the wizard only handles French
// firms.
//
// Companies in Monaco receive French VAT numbers whose last 9 digits start
// with 000 and are not SIREN numbers, so the Luhn check is skipped for them;
// a numeric key is still verified.
func ValidateVAT(s string) error {
	if err := checkVAT(NormalizeVAT(s)); err != nil {
		return err
	}
	return nil
}

// VATFromSIREN derives the French VAT number of a company from its SIREN,
// with the numeric key: "303 265 045" gives "FR40303265045". The error, if
// any, is the SIREN's (Kind KindSIREN).
func VATFromSIREN(siren string) (string, error) {
	n := NormalizeSIREN(siren)
	if err := checkSIREN(n); err != nil {
		return "", err
	}
	return fmt.Sprintf("FR%02d%s", vatKey(n), n), nil
}

// vatKey computes the numeric key of a 9-digit string. The number fits in
// an int: at most 999 999 999.
func vatKey(siren string) int {
	v, _ := strconv.Atoi(siren)
	return (12 + 3*(v%97)) % 97
}

func checkVAT(n string) *Error {
	if n == "" {
		return errEmpty(KindVAT)
	}
	if err := checkVATPrefix(n); err != nil {
		return err
	}
	if r, pos := firstBadVATRune(n); pos > 0 {
		return errCharacter(KindVAT, r, pos)
	}
	if len(n) != vatLen {
		return newError(KindVAT, ReasonLength, strconv.Itoa(len(n)),
			fmt.Sprintf("%s au lieu de %d", pluralFR(len(n), "caractère", "caractères"), vatLen),
			fmt.Sprintf("%s instead of %d", pluralEN(len(n), "character", "characters"), vatLen))
	}
	return checkVATNumbers(n[2:4], n[4:])
}

// checkVATPrefix requires the "FR" prefix, telling apart a number from
// another country (two letters) from a number with no prefix at all (a bare
// SIREN pasted in the wrong field, for instance).
func checkVATPrefix(n string) *Error {
	if len(n) < 2 || !isUpper(n[0]) || !isUpper(n[1]) {
		return newError(KindVAT, ReasonFormat, "prefix",
			"le numéro doit commencer par FR",
			"the number must start with FR")
	}
	if cc := n[:2]; cc != "FR" {
		return newError(KindVAT, ReasonCountry, cc,
			fmt.Sprintf("seuls les numéros français (FR) sont acceptés, pas « %s »", cc),
			fmt.Sprintf("only French numbers (FR) are accepted, not “%s”", cc))
	}
	return nil
}

// firstBadVATRune finds the first character that cannot stand at its place:
// the key (positions 3 and 4) is a digit or a letter other than I and O, the
// rest are digits. The prefix has been checked already.
func firstBadVATRune(n string) (rune, int) {
	pos := 0
	for _, r := range n {
		pos++
		switch {
		case pos <= 2:
			continue
		case pos <= 4 && isVATKeyRune(r):
			continue
		case pos > 4 && isDigitRune(r):
			continue
		}
		return r, pos
	}
	return 0, 0
}

func isVATKeyRune(r rune) bool {
	return isAlnumRune(r) && r != 'I' && r != 'O'
}

// checkVATNumbers checks the SIREN part, then the key when it is numeric.
func checkVATNumbers(key, siren string) *Error {
	if !isMonacoVAT(siren) && !luhn(siren) {
		return newError(KindVAT, ReasonChecksum, "siren",
			"les 9 derniers chiffres ne forment pas un SIREN valide",
			"the last 9 digits are not a valid SIREN")
	}
	if !allDigits(key) {
		return nil // alphanumeric key: cannot be verified, accepted
	}
	if want := fmt.Sprintf("%02d", vatKey(siren)); key != want {
		return newError(KindVAT, ReasonChecksum, "key",
			fmt.Sprintf("clé %s incorrecte pour ce SIREN (attendue : %s)", key, want),
			fmt.Sprintf("key %s does not match this SIREN (expected %s)", key, want))
	}
	return nil
}

func isMonacoVAT(siren string) bool { return siren[:3] == "000" }
