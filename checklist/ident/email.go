package ident

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length limits from RFC 5321: 64 octets before the "@", 254 in all (the
// 256-octet path minus its angle brackets), 63 per domain label.
const (
	emailMaxLen   = 254
	emailLocalMax = 64
	emailLabelMax = 63
)

// emailLocalForbidden are characters that RFC 5322 allows only inside quoted
// local parts, which nobody uses in practice; seeing one almost always means
// a pasted "Name <address>" or a list ("a@x.fr; b@y.fr").
const emailLocalForbidden = `"(),:;<>[\]`

// NormalizeEmail trims surrounding blanks and lower-cases the domain, which
// is case-insensitive. The local part is kept as typed: RFC 5321 lets the
// receiving server treat its case as significant.
func NormalizeEmail(s string) string {
	s = strings.TrimFunc(s, isBlank)
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return s
	}
	return s[:at+1] + strings.ToLower(s[at+1:])
}

// ValidateEmail checks an e-mail address pragmatically after normalising
// it: exactly one "@", a non-empty local part without spaces, controls or
// quoting characters, a domain made of dot-separated labels with a top-level
// domain of at least 2 characters, and the RFC length limits. It does not
// check that the domain exists.
func ValidateEmail(s string) error {
	if err := checkEmail(NormalizeEmail(s)); err != nil {
		return err
	}
	return nil
}

func checkEmail(n string) *Error {
	if n == "" {
		return errEmpty(KindEmail)
	}
	if len(n) > emailMaxLen {
		return errEmailLength(len(n), emailMaxLen, "", "")
	}
	if r, pos := firstBadRune(n, isEmailRune); pos > 0 {
		return errCharacter(KindEmail, r, pos)
	}
	local, domain, err := splitEmail(n)
	if err != nil {
		return err
	}
	if err := checkEmailLocal(local); err != nil {
		return err
	}
	return checkEmailDomain(domain, utf8.RuneCountInString(local)+1)
}

// isEmailRune rejects what can never appear unquoted anywhere in an
// address: spaces, controls, invisible characters and invalid UTF-8.
func isEmailRune(r rune) bool {
	return r != utf8.RuneError && !isBlank(r) && !unicode.IsControl(r) && unicode.IsPrint(r)
}

func errEmailLength(got, limit int, fr, en string) *Error {
	return newError(KindEmail, ReasonLength, strconv.Itoa(got),
		fmt.Sprintf("%d caractères%s, %d au maximum", got, fr, limit),
		fmt.Sprintf("%d characters%s, at most %d", got, en, limit))
}

// splitEmail splits on the single "@".
func splitEmail(n string) (local, domain string, err *Error) {
	switch strings.Count(n, "@") {
	case 0:
		return "", "", errEmailFormat("at", "il manque le « @ »", "the “@” is missing")
	case 1:
	default:
		return "", "", errEmailFormat("at", "un seul « @ » est permis", "only one “@” is allowed")
	}
	local, domain, _ = strings.Cut(n, "@")
	if local == "" {
		return "", "", errEmailFormat("local", "rien avant le « @ »", "nothing before the “@”")
	}
	if domain == "" {
		return "", "", errEmailFormat("domain", "rien après le « @ »", "nothing after the “@”")
	}
	return local, domain, nil
}

func errEmailFormat(detail, fr, en string) *Error {
	return newError(KindEmail, ReasonFormat, detail, fr, en)
}

func checkEmailLocal(local string) *Error {
	if len(local) > emailLocalMax {
		return errEmailLength(len(local), emailLocalMax, " avant le « @ »", " before the “@”")
	}
	if r, pos := firstBadRune(local, isLocalRune); pos > 0 {
		return errCharacter(KindEmail, r, pos)
	}
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return errEmailFormat("local", "point mal placé avant le « @ »", "misplaced dot before the “@”")
	}
	return nil
}

func isLocalRune(r rune) bool { return !strings.ContainsRune(emailLocalForbidden, r) }

// checkEmailDomain checks the labels of the domain; offset is the number of
// runes before it, so that positions in messages count from the start of
// the address.
func checkEmailDomain(domain string, offset int) *Error {
	if r, pos := firstBadRune(domain, isDomainRune); pos > 0 {
		return errCharacter(KindEmail, r, offset+pos)
	}
	if !strings.Contains(domain, ".") {
		return errEmailFormat("domain",
			fmt.Sprintf("le domaine « %s » doit contenir un point (ex. : exemple.fr)", domain),
			fmt.Sprintf("the domain “%s” must contain a dot (e.g. example.com)", domain))
	}
	labels := strings.Split(domain, ".")
	for _, l := range labels {
		if !domainLabelOK(l) {
			return errEmailFormat("domain",
				fmt.Sprintf("le domaine « %s » est mal formé", domain),
				fmt.Sprintf("the domain “%s” is malformed", domain))
		}
	}
	if tld := labels[len(labels)-1]; utf8.RuneCountInString(tld) < 2 || allDigits(tld) {
		return errEmailFormat("domain",
			fmt.Sprintf("extension de domaine « %s » invalide", tld),
			fmt.Sprintf("invalid top-level domain “%s”", tld))
	}
	return nil
}

// isDomainRune accepts letters of any script (internationalised domains such
// as "société.fr" are valid), combining marks, ASCII digits, hyphens, dots.
func isDomainRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || isDigitRune(r) || r == '-' || r == '.'
}

// domainLabelOK: not empty (no leading, trailing or doubled dot), at most 63
// octets, no hyphen at either end.
func domainLabelOK(l string) bool {
	return l != "" && len(l) <= emailLabelMax && l[0] != '-' && l[len(l)-1] != '-'
}
