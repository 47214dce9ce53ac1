package ident

import (
	"fmt"
	"strconv"
	"strings"
)

// French IBAN layout (27 characters): FR, 2 check digits, then the RIB:
// 5-digit bank code, 5-digit branch code, 11-character account number and
// 2-digit RIB key. Offsets are into the normalised IBAN.
const (
	frBankStart    = 4
	frBranchStart  = 9
	frAccountStart = 14
	frKeyStart     = 25
	frIBANLen      = 27
)

// NormalizeIBAN upper-cases the letters and removes spaces, dashes and dots
// (Norwegian banks print "NO93 8601.11.17947") as well as the "IBAN" label
// that bank statements put in front of the number ("IBAN : FR76 ...").
func NormalizeIBAN(s string) string {
	n := stripSeparatorsUpper(s)
	// A loop rather than a single trim keeps normalisation idempotent. No
	// country code starts with "IB", so this never eats a real IBAN.
	for strings.HasPrefix(n, "IBAN") {
		n = strings.TrimPrefix(n[len("IBAN"):], ":")
	}
	return n
}

// ValidateIBAN checks an IBAN after normalising it: a country of the IBAN
// registry, that country's exact length and BBAN structure (where digits or
// letters are expected), the check digits (ISO 7064 mod 97-10) and, for
// France, the RIB key.
func ValidateIBAN(s string) error {
	if err := checkIBAN(NormalizeIBAN(s)); err != nil {
		return err
	}
	return nil
}

// FormatIBAN writes an IBAN in groups of 4, the paper format of ISO 13616:
// "FR76 3000 6000 0112 3456 7890 189". Input with characters an IBAN cannot
// hold is returned normalised, ungrouped.
func FormatIBAN(s string) string {
	n := NormalizeIBAN(s)
	if !all(n, isAlnum) {
		return n
	}
	return groups(n, 4)
}

// maskDots stands for the hidden middle of a masked IBAN.
const maskDots = "••••"

// MaskIBAN hides an IBAN for lists and reports, keeping what lets a person
// recognise the account without exposing it: the country and check digits,
// then the last 4 characters, "FR76 •••• 0189". Values too short to hide
// anything are masked entirely.
func MaskIBAN(s string) string {
	r := []rune(NormalizeIBAN(s))
	if len(r) <= 8 {
		return maskDots
	}
	return string(r[:4]) + " " + maskDots + " " + string(r[len(r)-4:])
}

func checkIBAN(n string) *Error {
	if n == "" {
		return errEmpty(KindIBAN)
	}
	if r, pos := firstBadRune(n, isAlnumRune); pos > 0 {
		return errCharacter(KindIBAN, r, pos)
	}
	want, err := checkIBANHead(n)
	if err != nil {
		return err
	}
	if len(n) != want {
		return errIBANLength(n[:2], len(n), want)
	}
	if err := checkBBANStructure(n); err != nil {
		return err
	}
	if !ibanCheckDigitsOK(n) {
		return errBadKey(KindIBAN)
	}
	if n[:2] == "FR" && !ribKeyOK(n) {
		return newError(KindIBAN, ReasonChecksum, "rib", "clé RIB invalide", "invalid RIB key")
	}
	return nil
}

// checkIBANHead checks the first four characters (country code, then two
// check digits) and returns the length that country's IBANs must have.
func checkIBANHead(n string) (int, *Error) {
	if len(n) < 2 || !allUpper(n[:2]) {
		return 0, newError(KindIBAN, ReasonFormat, "country",
			"doit commencer par les 2 lettres du pays",
			"must start with the 2-letter country code")
	}
	want, ok := ibanLength(n[:2])
	if !ok {
		return 0, newError(KindIBAN, ReasonCountry, n[:2],
			fmt.Sprintf("pays « %s » inconnu ou sans IBAN", n[:2]),
			fmt.Sprintf("country “%s” unknown or without IBAN", n[:2]))
	}
	if len(n) < 4 || !allDigits(n[2:4]) {
		return 0, newError(KindIBAN, ReasonFormat, "check",
			"le code pays doit être suivi de 2 chiffres de contrôle",
			"the country code must be followed by 2 check digits")
	}
	return want, nil
}

func errIBANLength(country string, got, want int) *Error {
	return newError(KindIBAN, ReasonLength, strconv.Itoa(got),
		fmt.Sprintf("un IBAN %s compte %d caractères, celui-ci en a %d", country, want, got),
		fmt.Sprintf("a %s IBAN has %d characters, this one has %d", country, want, got))
}

// ibanCheckDigitsOK applies ISO 7064 mod 97-10: the first four characters
// move to the end, letters become 10..35, and the number must leave 1 when
// divided by 97. Check digits 00, 01 and 99 can never be produced by the
// algorithm but would pass the division (they equal 97, 98 and 02 modulo 97),
// so they are refused explicitly.
func ibanCheckDigitsOK(n string) bool {
	cd := n[2:4]
	if cd == "00" || cd == "01" || cd == "99" {
		return false
	}
	return mod97(n[4:]+n[:4]) == 1
}

// mod97 computes the remainder digit by digit, since the number (up to 68
// digits) is far beyond any integer type.
func mod97(s string) int {
	rem := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isDigit(c) {
			rem = (rem*10 + int(c-'0')) % 97
			continue
		}
		rem = (rem*100 + int(c-'A') + 10) % 97
	}
	return rem
}

// checkBBANStructure checks the national part against the registry format
// of its country. French IBANs get messages naming the RIB parts, which
// French users know from their RIB.
func checkBBANStructure(n string) *Error {
	if n[:2] == "FR" {
		if err := checkFrenchRIBStructure(n); err != nil {
			return err
		}
	}
	i, class := bbanMismatch(n[4:], parseBBANFormat(ibanFormats[n[:2]]))
	if i < 0 {
		return nil
	}
	pos, c, cc := i+5, n[i+4:i+5], n[:2]
	fr, en := classNames(class)
	return newError(KindIBAN, ReasonStructure, c,
		fmt.Sprintf("en position %d, un IBAN %s attend %s, pas « %s »", pos, cc, fr, c),
		fmt.Sprintf("at position %d a %s IBAN expects %s, not “%s”", pos, cc, en, c))
}

// classNames names a BBAN character class in French and English.
func classNames(class byte) (fr, en string) {
	switch class {
	case 'n':
		return "un chiffre", "a digit"
	case 'a':
		return "une lettre", "a letter"
	}
	return "une lettre ou un chiffre", "a letter or a digit"
}

// checkFrenchRIBStructure checks the fixed parts of a French IBAN; the
// account number may hold letters, so only the codes and key are checked.
func checkFrenchRIBStructure(n string) *Error {
	parts := []struct {
		from, to int
		detail   string
		fr, en   string
	}{
		{frBankStart, frBranchStart, "bank",
			"le code banque (caractères 5 à 9) doit comporter 5 chiffres",
			"the bank code (characters 5 to 9) must be 5 digits"},
		{frBranchStart, frAccountStart, "branch",
			"le code guichet (caractères 10 à 14) doit comporter 5 chiffres",
			"the branch code (characters 10 to 14) must be 5 digits"},
		{frKeyStart, frIBANLen, "rib",
			"la clé RIB (2 derniers caractères) doit comporter 2 chiffres",
			"the RIB key (last 2 characters) must be 2 digits"},
	}
	for _, p := range parts {
		if !allDigits(n[p.from:p.to]) {
			return newError(KindIBAN, ReasonStructure, p.detail, p.fr, p.en)
		}
	}
	return nil
}

// ribKeyOK checks the French RIB key: 97 − ((89 × bank + 15 × branch +
// 3 × account) mod 97), letters in the account number being replaced by
// digits first.
func ribKeyOK(n string) bool {
	bank := ribNumber(n[frBankStart:frBranchStart])
	branch := ribNumber(n[frBranchStart:frAccountStart])
	account := ribNumber(n[frAccountStart:frKeyStart])
	key := ribNumber(n[frKeyStart:frIBANLen])
	return key == 97-(89*bank+15*branch+3*account)%97
}

// ribNumber reads up to 11 characters as a number, letters converted with
// the RIB table. 11 digits fit easily in an int.
func ribNumber(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v*10 + ribDigit(s[i])
	}
	return v
}

// ribDigit converts a RIB character: digits stand for themselves; letters
// follow the historical table A/J=1, B/K/S=2, C/L/T=3, ... I/R/Z=9, where
// S starts at 2 and not 1 (a legacy of punched-card encoding).
func ribDigit(c byte) int {
	switch {
	case isDigit(c):
		return int(c - '0')
	case c <= 'I':
		return int(c-'A') + 1
	case c <= 'R':
		return int(c-'J') + 1
	default:
		return int(c-'S') + 2
	}
}
