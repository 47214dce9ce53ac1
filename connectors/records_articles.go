package connectors

import (
	"fmt"
	"strconv"
	"strings"
)

// ArticleProblem is a reason an article of the catalogue may no longer be valid.
type ArticleProblem string

// Known article problems.
const (
	ProblemMissingVATRate ArticleProblem = "missing_vat_rate"
	ProblemInvalidVATRate ArticleProblem = "invalid_vat_rate"
	ProblemZeroPrice      ArticleProblem = "zero_price"
	ProblemMissingLabel   ArticleProblem = "missing_label"
	ProblemMissingCode    ArticleProblem = "missing_code"
	ProblemDuplicateCode  ArticleProblem = "duplicate_code"
	ProblemObsoleteUnit   ArticleProblem = "obsolete_unit"
)

// ArticleProblems lists the known problems in display order.
func ArticleProblems() []ArticleProblem {
	return []ArticleProblem{ProblemMissingVATRate, ProblemInvalidVATRate, ProblemZeroPrice,
		ProblemMissingLabel, ProblemMissingCode, ProblemDuplicateCode, ProblemObsoleteUnit}
}

// FrenchLabel returns the French description, or the code if unknown.
func (p ArticleProblem) FrenchLabel() string {
	switch p {
	case ProblemMissingVATRate:
		return "taux de TVA manquant"
	case ProblemInvalidVATRate:
		return "taux de TVA invalide"
	case ProblemZeroPrice:
		return "prix unitaire nul"
	case ProblemMissingLabel:
		return "libellé manquant"
	case ProblemMissingCode:
		return "code article manquant"
	case ProblemDuplicateCode:
		return "code article en double"
	case ProblemObsoleteUnit:
		return "unité obsolète"
	}
	return string(p)
}

// EnglishLabel returns the English description, or the code if unknown.
func (p ArticleProblem) EnglishLabel() string {
	switch p {
	case ProblemMissingVATRate:
		return "missing VAT rate"
	case ProblemInvalidVATRate:
		return "invalid VAT rate"
	case ProblemZeroPrice:
		return "zero unit price"
	case ProblemMissingLabel:
		return "missing label"
	case ProblemMissingCode:
		return "missing article code"
	case ProblemDuplicateCode:
		return "duplicate article code"
	case ProblemObsoleteUnit:
		return "obsolete unit"
	}
	return string(p)
}

// String returns the code.
func (p ArticleProblem) String() string { return string(p) }

// Article is one entry of a company's product/service catalogue. Prices and
// rates stay strings as the platforms send them ("12.50", "20.0").
type Article struct {
	Code      string           `json:"code"`
	Label     string           `json:"label"`
	UnitPrice string           `json:"unit_price"`
	VATRate   string           `json:"vat_rate"`
	Unit      string           `json:"unit,omitempty"`
	Problems  []ArticleProblem `json:"problems,omitempty"`
}

// Numbering is an automatic invoice numbering: a prefix, the last number used
// and the zero padding. {"FAC-", 142, 4} stands for "FAC-0142".
type Numbering struct {
	Prefix     string `json:"prefix"`
	LastNumber int    `json:"last_number"`
	Padding    int    `json:"padding"` // minimum digit count
}

// Next returns the numbering whose last number is n.LastNumber+1, same prefix
// and padding: the value to set on V2 after the migration.
func (n Numbering) Next() Numbering {
	n.LastNumber++
	return n
}

// Format returns the invoice number for number v: prefix then v padded with
// zeros to Padding digits (wider if needed). Format(143) = "FAC-0143".
func (n Numbering) Format(v int) string {
	if v < 0 {
		return n.Prefix + "-" + n.pad(-v)
	}
	return n.Prefix + n.pad(v)
}

func (n Numbering) pad(v int) string {
	d := strconv.Itoa(v)
	if len(d) < n.Padding {
		d = strings.Repeat("0", n.Padding-len(d)) + d
	}
	return d
}

// String returns the last number used, formatted ("FAC-0142").
func (n Numbering) String() string { return n.Format(n.LastNumber) }

// MaxNumberDigits is the longest number (zero padding included) ParseNumbering
// accepts; MaxInvoiceNumber the highest number. Real sequences are far
// shorter; the bound keeps every number and its successor within an int.
const (
	MaxNumberDigits  = 18
	MaxInvoiceNumber = 999_999_999_999_999_999
)

// ParseNumbering reads an invoice number such as "FAC-0142" or "2024-12-0042":
// the trailing digits are the number (their count is the padding), everything
// before them is the prefix. Surrounding spaces are ignored. A number without
// trailing digits, or longer than MaxNumberDigits, is ErrInvalid.
func ParseNumbering(s string) (Numbering, error) {
	t := strings.TrimSpace(s)
	i := len(t)
	for i > 0 && t[i-1] >= '0' && t[i-1] <= '9' {
		i--
	}
	digits := t[i:]
	if digits == "" {
		return Numbering{}, Invalid("ParseNumbering", "numbering",
			fmt.Sprintf("le numéro %q ne se termine pas par des chiffres", s),
			fmt.Sprintf("number %q does not end with digits", s))
	}
	// At most MaxNumberDigits digits, padding included: the number, and any
	// next one below MaxInvoiceNumber, fit an int and read back.
	v, err := strconv.Atoi(digits)
	if len(digits) > MaxNumberDigits || err != nil {
		return Numbering{}, Invalid("ParseNumbering", "numbering",
			fmt.Sprintf("le numéro %q est trop long", s),
			fmt.Sprintf("number %q is too long", s))
	}
	return Numbering{Prefix: t[:i], LastNumber: v, Padding: len(digits)}, nil
}
