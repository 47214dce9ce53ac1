package ident

import "strconv"

// bbanField is one "n!x" element of a registry BBAN format: count
// characters of class x.
type bbanField struct {
	count int
	class byte // 'n' digit, 'a' upper-case letter, 'c' letter or digit
}

// parseBBANFormat reads a registry format such as "4!a6!n8!n". The formats
// are constants of this package, checked by a test, so a malformed one is a
// programming error and yields nil.
func parseBBANFormat(format string) []bbanField {
	var fields []bbanField
	for len(format) > 0 {
		i := 0
		for i < len(format) && isDigit(format[i]) {
			i++
		}
		if i == 0 || i+2 > len(format) || format[i] != '!' {
			return nil
		}
		n, err := strconv.Atoi(format[:i])
		class := format[i+1]
		if err != nil || n == 0 || (class != 'n' && class != 'a' && class != 'c') {
			return nil
		}
		fields = append(fields, bbanField{n, class})
		format = format[i+2:]
	}
	return fields
}

// bbanLength adds up the field counts.
func bbanLength(fields []bbanField) int {
	n := 0
	for _, f := range fields {
		n += f.count
	}
	return n
}

// ibanLength returns the IBAN length for a country, false when the country
// does not issue IBANs.
func ibanLength(country string) (int, bool) {
	format, ok := ibanFormats[country]
	if !ok {
		return 0, false
	}
	return 4 + bbanLength(parseBBANFormat(format)), true
}

// bbanMismatch returns the 0-based index in bban of the first character that
// does not fit its field, and the class expected there, or -1. bban must
// already have the length the format implies.
func bbanMismatch(bban string, fields []bbanField) (int, byte) {
	i := 0
	for _, f := range fields {
		for end := i + f.count; i < end; i++ {
			if !fitsClass(bban[i], f.class) {
				return i, f.class
			}
		}
	}
	return -1, 0
}

func fitsClass(b byte, class byte) bool {
	switch class {
	case 'n':
		return isDigit(b)
	case 'a':
		return isUpper(b)
	}
	return isAlnum(b)
}
