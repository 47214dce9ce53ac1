package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// colon is the colon before a value: French puts a space before it.
func colon(lang checklist.Lang) string { return i18n.Of(lang).Colon }

// fmtDuration writes a remaining time the French way: "6 h 40", "45 min".
func fmtDuration(d time.Duration) string {
	d = d.Round(time.Minute)
	if d <= 0 {
		return "0 min"
	}
	h := int(d / time.Hour)
	m := int((d % time.Hour) / time.Minute)
	switch {
	case h == 0:
		return fmt.Sprintf("%d min", m)
	case m == 0:
		return fmt.Sprintf("%d h", h)
	}
	return fmt.Sprintf("%d h %02d", h, m)
}

// fmtClock writes a time of evidence in French civil time (the store keeps
// UTC): "12/03/2026 à 11:14".
func fmtClock(lang checklist.Lang, t time.Time, loc *time.Location) string {
	// The layout is a message: its words ("à", "at") are the language's.
	return t.In(loc).Format(i18n.Of(lang).ClockLayout)
}

// plural picks the singular or the plural form; French puts 0 and 1 in the
// singular.
func plural(n int, one, many string) string {
	if n <= 1 {
		return one
	}
	return many
}

// fold lowers a string and strips the French accents, so that "lefevre"
// finds "Lefèvre". ASCII strings without upper case come back unchanged,
// without allocating.
func fold(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case 'à', 'â', 'ä', 'á', 'À', 'Â', 'Ä', 'Á':
			r = 'a'
		case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë':
			r = 'e'
		case 'î', 'ï', 'í', 'Î', 'Ï':
			r = 'i'
		case 'ô', 'ö', 'ó', 'Ô', 'Ö':
			r = 'o'
		case 'ù', 'û', 'ü', 'ú', 'Ù', 'Û', 'Ü':
			r = 'u'
		case 'ç', 'Ç':
			r = 'c'
		case 'ÿ', 'Ÿ':
			r = 'y'
		case 'œ', 'Œ':
			b.WriteString("oe")
			continue
		case 'æ', 'Æ':
			b.WriteString("ae")
			continue
		default:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			} else if r >= 0x80 {
				r = []rune(strings.ToLower(string(r)))[0]
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cleanTyped is what a key message's runes may put into a field or on the
// screen: escape sequences (a paste holds them whole), control characters
// and bidi overrides are dropped by connectors.Sanitize; the spaces around
// the text, which it trims, are kept, since they are part of what is typed.
func cleanTyped(rs []rune) []rune {
	s := string(rs)
	clean := connectors.Sanitize(s)
	if clean == s {
		return rs
	}
	if clean == "" {
		if strings.Trim(s, " ") == "" {
			return rs
		}
		return nil
	}
	lead := len(s) - len(strings.TrimLeft(s, " "))
	trail := len(s) - len(strings.TrimRight(s, " "))
	return []rune(s[:lead] + clean + s[len(s)-trail:])
}

// nouns writes n and its noun agreed with it, thousands separated:
// "1 facture", "3 factures", "10 603 clients"; "0 invoices" in English.
func nouns(lang checklist.Lang, n int, w i18n.Noun) string {
	return checklist.FormatInt(lang, n) + " " + checklist.Plural(lang, n, w.One, w.Many)
}
