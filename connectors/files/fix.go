package files

import (
	"strconv"
	"strings"

	"github.com/bascule-cli/bascule/connectors"
)

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// undoNumber turns an identifier that a spreadsheet stored as a number back
// into its digits: "552008443.0", "552008443,0" (French decimal comma),
// "5.52008443E8", "5,52008443E+08". Anything that is not such an integer is
// returned unchanged, so "552.008.443" (dots typed as group separators) is
// left for the identifier's own normaliser.
func undoNumber(s string) string {
	if strings.IndexAny(s, ".,eE") < 0 {
		return s
	}
	mant, exp, hasExp := s, 0, false
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
		if err != nil || e < 0 || e > 30 {
			return s
		}
		mant, exp, hasExp = s[:i], e, true
	}
	intPart, frac := mant, ""
	if i := strings.IndexAny(mant, ".,"); i >= 0 {
		intPart, frac = mant[:i], mant[i+1:]
	}
	if !allDigits(intPart) || (frac != "" && !allDigits(frac)) {
		return s
	}
	if !hasExp && frac == "" {
		return s // "552008443," is not a number a spreadsheet writes
	}
	digits := intPart + frac
	point := len(intPart) + exp
	if point < len(digits) {
		if strings.Trim(digits[point:], "0") != "" {
			return s // a real fraction: not an identifier
		}
		digits = digits[:point]
	} else {
		digits += strings.Repeat("0", point-len(digits))
	}
	if hasExp {
		// Scientific notation has no leading zeros to keep.
		digits = strings.TrimLeft(digits, "0")
		if digits == "" {
			digits = "0"
		}
	}
	return digits
}

// countryCodes maps folded country names and codes to ISO 3166 alpha-2, for
// the countries a French cabinet's clients are in. Any other two-letter
// value is taken as a code.
func countryCodes() map[string]string {
	return map[string]string{
		"fr": "FR", "fra": "FR", "france": "FR", "francemetropolitaine": "FR", "republiquefrancaise": "FR",
		"be": "BE", "bel": "BE", "belgique": "BE", "belgium": "BE", "belgie": "BE",
		"lu": "LU", "lux": "LU", "luxembourg": "LU",
		"ch": "CH", "che": "CH", "suisse": "CH", "switzerland": "CH", "schweiz": "CH",
		"mc": "MC", "mco": "MC", "monaco": "MC",
		"de": "DE", "deu": "DE", "allemagne": "DE", "germany": "DE", "deutschland": "DE",
		"es": "ES", "esp": "ES", "espagne": "ES", "spain": "ES", "espana": "ES",
		"it": "IT", "ita": "IT", "italie": "IT", "italy": "IT", "italia": "IT",
		"nl": "NL", "nld": "NL", "paysbas": "NL", "netherlands": "NL", "nederland": "NL",
		"pt": "PT", "prt": "PT", "portugal": "PT",
		"gb": "GB", "gbr": "GB", "uk": "GB", "royaumeuni": "GB", "unitedkingdom": "GB",
		"ie": "IE", "irl": "IE", "irlande": "IE", "ireland": "IE",
		"ad": "AD", "and": "AD", "andorre": "AD", "andorra": "AD",
		"us": "US", "usa": "US", "etatsunis": "US", "unitedstates": "US",
	}
}

// normCountry returns the ISO alpha-2 code of a country cell. A blank cell
// means France: the export is a French cabinet's and V1 leaves the country
// empty for domestic clients.
func normCountry(s string, table map[string]string) (string, bool) {
	if s == "" {
		return "FR", true
	}
	k := headerKey(s)
	if c, ok := table[k]; ok {
		return c, true
	}
	if len(k) == 2 && k[0] >= 'a' && k[0] <= 'z' && k[1] >= 'a' && k[1] <= 'z' {
		return strings.ToUpper(k), true
	}
	return "", false
}

// languageLocales maps a language name or code to the locale V2 expects.
// The region is a choice: French clients speak fr-FR; Dutch goes to nl-BE
// because Banqup's Dutch-speaking users are Belgian (an inference).
func languageLocales() map[string]string {
	return map[string]string{
		"fr": "fr-FR", "fra": "fr-FR", "fre": "fr-FR", "francais": "fr-FR", "french": "fr-FR",
		"en": "en-GB", "eng": "en-GB", "anglais": "en-GB", "english": "en-GB",
		"nl": "nl-BE", "nld": "nl-BE", "dut": "nl-BE", "neerlandais": "nl-BE", "dutch": "nl-BE", "nederlands": "nl-BE",
		"de": "de-DE", "deu": "de-DE", "ger": "de-DE", "allemand": "de-DE", "german": "de-DE", "deutsch": "de-DE",
		"es": "es-ES", "spa": "es-ES", "espagnol": "es-ES", "spanish": "es-ES", "espanol": "es-ES",
		"it": "it-IT", "ita": "it-IT", "italien": "it-IT", "italian": "it-IT", "italiano": "it-IT",
	}
}

// DefaultLanguage is the contact language written when a client has none.
const DefaultLanguage = "fr-FR"

// normLanguage returns a locale such as "fr-FR" for a language cell: a
// locale in any case or with "_" ("fr_fr", "FR-FR"), a bare code ("fr") or a
// language name ("Français", "English"). "" stays "" (the writer defaults).
func normLanguage(s string, table map[string]string) (string, bool) {
	if s == "" {
		return "", true
	}
	t := strings.ReplaceAll(strings.TrimSpace(s), "_", "-")
	if len(t) == 5 && t[2] == '-' && isLetters(t[:2]) && isLetters(t[3:]) {
		return strings.ToLower(t[:2]) + "-" + strings.ToUpper(t[3:]), true
	}
	if l, ok := table[headerKey(s)]; ok {
		return l, true
	}
	return "", false
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// normStatus reads a V1 status label in French or English, with or without
// accents; "" for a label V1 does not have (the row is rejected: whether
// the client migrates by itself or goes to V2's import cannot be told).
func normStatus(s string) connectors.ClientStatus {
	switch headerKey(s) {
	case "brouillon", "draft":
		return connectors.StatusDraft
	case "cree", "creee", "created":
		return connectors.StatusCreated
	case "misajour", "maj", "updated", "miseajour":
		return connectors.StatusUpdated
	case "actif", "active", "activated":
		return connectors.StatusActive
	}
	return ""
}

// yes reads the many ways a spreadsheet says "yes".
func yes(s string) bool {
	switch headerKey(s) {
	case "oui", "o", "yes", "y", "true", "vrai", "1", "x":
		return true
	}
	return false
}
