package report

import (
	"regexp"
	"strings"

	"github.com/bascule-cli/bascule/checklist/ident"
)

// ibanLike finds anything shaped like an IBAN in free text, grouped by four
// or not: country letters, check digits, then 11 to 30 upper-case letters or
// digits. A run may swallow a following upper-case word; MaskText trims it.
var ibanLike = regexp.MustCompile(`\b[A-Z]{2}[0-9]{2}(?:[ \x{00A0}]?[A-Z0-9]){11,30}\b`)

// MaskText masks every IBAN-shaped run in s. Masking is deliberately greedy:
// a false positive hides a harmless code, a false negative would print a bank
// account. A run that does not check as an IBAN is shortened group by group
// (a word typed after the IBAN) and masked whole if no prefix checks.
func MaskText(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	return ibanLike.ReplaceAllStringFunc(s, func(m string) string {
		if !strings.ContainsAny(m[4:], "0123456789") {
			return m // letters only after the check digits: a word
		}
		for cand := m; ; {
			if ident.ValidateIBAN(cand) == nil {
				return ident.MaskIBAN(cand) + m[len(cand):]
			}
			i := strings.LastIndexAny(cand, " \u00a0")
			if i < 0 {
				break
			}
			cand = strings.TrimRight(cand[:i], " \u00a0")
		}
		return ident.MaskIBAN(m)
	})
}

// maskIBANs masks the IBAN fields and every free-text field of the report.
func (r *Report) maskIBANs() {
	for i := range r.Clients {
		c := &r.Clients[i]
		for j, v := range c.IBANs {
			c.IBANs[j] = ident.MaskIBAN(v)
		}
		c.Name = MaskText(c.Name)
		for j := range c.Steps {
			MaskRecord(&c.Steps[j])
		}
		for j := range c.Left {
			c.Left[j].Reason = MaskText(c.Left[j].Reason)
		}
	}
	for i := range r.CabinetSteps {
		MaskRecord(&r.CabinetSteps[i])
	}
	for i := range r.BlockerGroups {
		g := &r.BlockerGroups[i]
		for j, n := range g.Names {
			g.Names[j] = MaskText(n)
		}
	}
	for i := range r.Blockers {
		r.Blockers[i].Message = MaskText(r.Blockers[i].Message)
	}
	for i := range r.Overrides {
		r.Overrides[i].Reason = MaskText(r.Overrides[i].Reason)
	}
	for i := range r.Audit {
		e := &r.Audit[i]
		e.From, e.To = MaskText(e.From), MaskText(e.To)
		e.Detail, e.Text = MaskText(e.Detail), MaskText(e.Text)
	}
}
