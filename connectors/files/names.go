package files

import (
	"strings"
	"unicode"
)

// splitContactName splits a contact written in one cell, as V1 exports and
// LibreOffice write it ("Nom du contact" = "Céline Lefèvre"):
//
//   - "Dupont, Jean" is surname first;
//   - a civility ("M.", "Mme"…) is dropped;
//   - leading words in capitals, followed by others, are the surname
//     ("DUPONT Jean-Pierre", "LE GALL Anne");
//   - a name that starts with a particle ("de", "Le", "van", "d'"…) is
//     surname first: the particles and the word after them are the surname
//     ("Le Gall Yann", "de La Fontaine Jean");
//   - otherwise the first word is the first name, hyphens included
//     ("Jean-Pierre"), and the rest the surname, particles with it
//     ("Jean-Pierre de La Fontaine").
//
// One word is taken as the surname: the first name is then missing, which
// the import check reports.
func splitContactName(s string) (first, last string) {
	if i := strings.IndexByte(s, ','); i >= 0 {
		return strings.TrimSpace(s[i+1:]), strings.TrimSpace(s[:i])
	}
	words := strings.Fields(s)
	if len(words) > 1 && isCivility(words[0]) {
		words = words[1:]
	}
	switch len(words) {
	case 0:
		return "", ""
	case 1:
		return "", words[0]
	}
	n := 0
	for n < len(words) && isUpperWord(words[n]) {
		n++
	}
	if n > 0 && n < len(words) {
		return strings.Join(words[n:], " "), strings.Join(words[:n], " ")
	}
	if isParticle(words[0]) {
		// The particles, then one surname word, unless it is the last word
		// (nothing would be left for the first name: "Le Gall").
		n = 0
		for n < len(words)-1 && isParticle(words[n]) {
			n++
		}
		if !strings.ContainsAny(words[n-1], "'’") {
			n++ // "d'Ormesson" carries its word; "de" needs the next one
		}
		n = min(n, len(words))
		return strings.Join(words[n:], " "), strings.Join(words[:n], " ")
	}
	return words[0], strings.Join(words[1:], " ")
}

// isParticle reports a nobiliary or toponymic particle that belongs to the
// surname: French, Dutch, German, Italian, Spanish and Portuguese ones, and
// an elided "d'…" or "l'…".
func isParticle(w string) bool {
	lw := strings.ToLower(w)
	switch lw {
	case "de", "du", "des", "le", "la", "les", "van", "von", "der", "den", "ter", "ten",
		"da", "di", "del", "della", "dos", "das", "do":
		return true
	}
	for _, p := range []string{"d'", "d’", "l'", "l’"} {
		if strings.HasPrefix(lw, p) {
			return true
		}
	}
	return false
}

func isCivility(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "m", "mr", "mme", "mlle", "mrs", "ms", "monsieur", "madame", "mademoiselle", "dr", "me":
		return true
	}
	return false
}

// isUpperWord reports a word of at least two letters, all capitals.
func isUpperWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			letters++
		}
	}
	return letters >= 2
}
