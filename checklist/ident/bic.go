package ident

import (
	"fmt"
	"strconv"
)

// NormalizeBIC upper-cases the letters and removes spaces, dots and dashes
// ("bnpa fr pp xxx" becomes "BNPAFRPPXXX").
func NormalizeBIC(s string) string { return stripSeparatorsUpper(s) }

// ValidateBIC checks a BIC (ISO 9362, also called SWIFT code) after
// normalising it: 4 letters for the bank, 2 letters for a known ISO 3166
// country, 2 letters or digits for the location, then optionally 3 letters
// or digits for the branch. BICs carry no check digit, so a typo inside the
// bank or location code cannot be detected.
func ValidateBIC(s string) error {
	if err := checkBIC(NormalizeBIC(s)); err != nil {
		return err
	}
	return nil
}

func checkBIC(n string) *Error {
	if n == "" {
		return errEmpty(KindBIC)
	}
	if r, pos := firstBadRune(n, isAlnumRune); pos > 0 {
		return errCharacter(KindBIC, r, pos)
	}
	if len(n) != 8 && len(n) != 11 {
		return newError(KindBIC, ReasonLength, strconv.Itoa(len(n)),
			pluralFR(len(n), "caractère", "caractères")+" au lieu de 8 ou 11",
			pluralEN(len(n), "character", "characters")+" instead of 8 or 11")
	}
	if !allUpper(n[:4]) {
		return newError(KindBIC, ReasonStructure, "bank",
			"les 4 premiers caractères (code banque) doivent être des lettres",
			"the first 4 characters (bank code) must be letters")
	}
	return checkBICCountry(n[4:6])
}

func checkBICCountry(cc string) *Error {
	if !allUpper(cc) {
		return newError(KindBIC, ReasonStructure, "country",
			"les caractères 5 et 6 (code pays) doivent être des lettres",
			"characters 5 and 6 (country code) must be letters")
	}
	if !knownCountry(cc) {
		return newError(KindBIC, ReasonCountry, cc,
			fmt.Sprintf("pays « %s » inconnu", cc),
			fmt.Sprintf("unknown country “%s”", cc))
	}
	return nil
}
