package checklist

import "strings"

// Lang is a language the product speaks to its user.
type Lang string

// The two languages of the product. French is the default.
const (
	French  Lang = "fr"
	English Lang = "en"
)

// ParseLang reads a --lang flag value. It accepts "fr", "en" and locale forms
// such as "en_GB.UTF-8"; ok is false for anything else.
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case strings.HasPrefix(s, "fr"):
		return French, true
	case strings.HasPrefix(s, "en"):
		return English, true
	}
	return French, false
}

// DetectLang picks the product language: an explicit flag wins, then the first
// non-empty of LC_ALL, LC_MESSAGES and LANG; English only when it says so.
func DetectLang(flag string, getenv func(string) string) Lang {
	if flag != "" {
		if l, ok := ParseLang(flag); ok {
			return l
		}
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			if l, ok := ParseLang(v); ok {
				return l
			}
			return French
		}
	}
	return French
}

// Text is a product string in both languages.
type Text struct {
	FR string `json:"fr"`
	EN string `json:"en"`
}

// In returns the text in lang, falling back to French.
func (t Text) In(lang Lang) string {
	if lang == English && t.EN != "" {
		return t.EN
	}
	return t.FR
}

// IsZero reports whether the text is empty in both languages.
func (t Text) IsZero() bool { return t.FR == "" && t.EN == "" }

func tx(fr, en string) Text { return Text{FR: fr, EN: en} }
