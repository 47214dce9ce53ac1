package ident

const (
	sirenLen = 9
	siretLen = 14

	// laPosteSIREN is the one SIREN whose establishments (thousands of post
	// offices) outgrew the Luhn key space; INSEE numbers them so that the
	// digit sum of the SIRET is a multiple of 5 instead.
	laPosteSIREN = "356000000"
)

// NormalizeSIREN removes the spaces (including no-break and narrow no-break
// spaces, tabs), dots and dashes users type between digit groups.
func NormalizeSIREN(s string) string { return stripSeparators(s) }

// ValidateSIREN checks a SIREN (9 digits, Luhn key) after normalising it.
func ValidateSIREN(s string) error {
	if err := checkSIREN(NormalizeSIREN(s)); err != nil {
		return err
	}
	return nil
}

// FormatSIREN writes a SIREN the way INSEE prints it, "552 008 443". Input
// that is not 9 digits is returned normalised, so a display never hides what
// the user typed.
func FormatSIREN(s string) string {
	n := NormalizeSIREN(s)
	if len(n) != sirenLen || !allDigits(n) {
		return n
	}
	return groups(n, 3)
}

// checkSIREN validates an already normalised SIREN.
func checkSIREN(n string) *Error {
	if err := checkDigits(KindSIREN, n, sirenLen); err != nil {
		return err
	}
	if !luhn(n) {
		return errBadKey(KindSIREN)
	}
	return nil
}

// checkDigits checks the shape shared by SIREN and SIRET: non-empty, digits
// only, exact length. Characters are checked before length because "a letter
// in position 4" tells the user more than "10 characters instead of 9".
func checkDigits(k Kind, n string, want int) *Error {
	if n == "" {
		return errEmpty(k)
	}
	if r, pos := firstBadRune(n, isDigitRune); pos > 0 {
		return errCharacter(k, r, pos)
	}
	if len(n) != want {
		return errDigitCount(k, len(n), want)
	}
	return nil
}

func errBadKey(k Kind) *Error {
	return newError(k, ReasonChecksum, "", "clé de contrôle invalide", "invalid check digit")
}

// NormalizeSIRET removes spaces, dots and dashes, like NormalizeSIREN.
func NormalizeSIRET(s string) string { return stripSeparators(s) }

// ValidateSIRET checks a SIRET (14 digits: SIREN + 5-digit establishment
// number) after normalising it. The whole number passes Luhn, except for La
// Poste (SIREN 356000000) whose establishments may instead have a digit sum
// that is a multiple of 5; in all cases the embedded SIREN must be valid too.
func ValidateSIRET(s string) error {
	if err := checkSIRET(NormalizeSIRET(s)); err != nil {
		return err
	}
	return nil
}

// FormatSIRET writes a SIRET as "732 829 320 00074": the SIREN grouped by
// three, then the establishment number (NIC) in one block. Input that is not
// 14 digits is returned normalised.
func FormatSIRET(s string) string {
	n := NormalizeSIRET(s)
	if len(n) != siretLen || !allDigits(n) {
		return n
	}
	return FormatSIREN(n[:sirenLen]) + " " + n[sirenLen:]
}

func checkSIRET(n string) *Error {
	if err := checkDigits(KindSIRET, n, siretLen); err != nil {
		return err
	}
	if !siretKeyOK(n) {
		return errBadKey(KindSIRET)
	}
	if !luhn(n[:sirenLen]) {
		return newError(KindSIRET, ReasonChecksum, "siren",
			"les 9 premiers chiffres ne forment pas un SIREN valide",
			"the first 9 digits are not a valid SIREN")
	}
	return nil
}

// siretKeyOK applies Luhn, or for La Poste the digit-sum rule. Its head
// office, 35600000000048, was numbered before the exception and passes Luhn
// but not the digit sum, hence "either" rather than "instead".
func siretKeyOK(n string) bool {
	if luhn(n) {
		return true
	}
	return n[:sirenLen] == laPosteSIREN && digitSum(n)%5 == 0
}
