package ident

import (
	"strings"
	"unicode"
)

// isBlank reports characters that users paste without seeing them: every
// Unicode white space (tab, U+00A0 and U+202F that French typography and
// spreadsheets insert between digit groups...) and the zero-width characters
// and byte-order mark that come along with text copied from web pages or CSV.
func isBlank(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return true
	}
	return unicode.IsSpace(r)
}

// isSeparator reports characters people use to group digits: blanks, dots
// and the various dashes word processors substitute for "-".
func isSeparator(r rune) bool {
	switch r {
	case '.', '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return true
	}
	return isBlank(r)
}

// stripSeparators removes separators; the result is stable when applied
// again, which the fuzz targets rely on.
func stripSeparators(s string) string {
	return strings.Map(func(r rune) rune {
		if isSeparator(r) {
			return -1
		}
		return r
	}, s)
}

// stripSeparatorsUpper removes separators and upper-cases ASCII letters only:
// identifiers are ASCII, and full Unicode case mapping could turn a foreign
// letter into an ASCII one (the dotless ı becomes I) and let it through.
func stripSeparatorsUpper(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case isSeparator(r):
			return -1
		case 'a' <= r && r <= 'z':
			return r - 'a' + 'A'
		}
		return r
	}, s)
}

func isDigit(b byte) bool     { return '0' <= b && b <= '9' }
func isUpper(b byte) bool     { return 'A' <= b && b <= 'Z' }
func isAlnum(b byte) bool     { return isDigit(b) || isUpper(b) }
func allDigits(s string) bool { return all(s, isDigit) }
func allUpper(s string) bool  { return all(s, isUpper) }

func all(s string, ok func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

// firstBadRune returns the first rune of s that ok rejects and its 1-based
// position in runes, or pos 0 when every rune passes. Working on runes keeps
// a multi-byte character whole in the error message.
func firstBadRune(s string, ok func(rune) bool) (rune, int) {
	pos := 0
	for _, r := range s {
		pos++
		if !ok(r) {
			return r, pos
		}
	}
	return 0, 0
}

func isDigitRune(r rune) bool { return '0' <= r && r <= '9' }
func isAlnumRune(r rune) bool { return isDigitRune(r) || ('A' <= r && r <= 'Z') }

// luhn reports whether a string of ASCII digits passes the Luhn check used by
// SIREN and SIRET: from the right, every second digit is doubled (minus 9 when
// above 9) and the total must be a multiple of 10.
func luhn(digits string) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// digitSum adds the digits of a string of ASCII digits.
func digitSum(digits string) int {
	sum := 0
	for i := 0; i < len(digits); i++ {
		sum += int(digits[i] - '0')
	}
	return sum
}

// groups inserts a space between groups of the given sizes; the last size
// repeats for whatever remains. s must be ASCII.
func groups(s string, sizes ...int) string {
	var b strings.Builder
	for i := 0; len(s) > 0; i++ {
		n := sizes[min(i, len(sizes)-1)]
		n = min(n, len(s))
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[:n])
		s = s[n:]
	}
	return b.String()
}
