package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// WriteCSV renders the report as one table for French Excel: UTF-8 with a
// BOM (without it Excel reads accents as Windows-1252), ';' as separator and
// CRLF line ends. Every line says which section it belongs to so that the
// sheet can be filtered.
func WriteCSV(w io.Writer, r Report) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	// put writes one line; the fourth cell is always a SIREN, written so
	// that Excel keeps it as text (sirenCell).
	put := func(cells ...string) {
		for i, c := range cells {
			if i == 3 {
				cells[i] = sirenCell(c)
			} else {
				cells[i] = csvCell(c)
			}
		}
		_ = cw.Write(cells) // the error is kept by the writer and read below
	}
	put(textsOf(r.Lang).Section, textsOf(r.Lang).ClientId, textsOf(r.Lang).Client, "SIREN",
		textsOf(r.Lang).Element, textsOf(r.Lang).Migrated, textsOf(r.Lang).ManualAction,
		textsOf(r.Lang).State, textsOf(r.Lang).Detail, textsOf(r.Lang).Date)
	secProgress := textsOf(r.Lang).Progress
	for _, p := range r.Phases {
		put(secProgress, "", "", "", p.Title, "", "", fmt.Sprintf("%d %%", p.Percent),
			joinNonEmpty(" ; ", fmt.Sprintf("%d/%d", p.Done, p.Total), r.remaining(p)), "")
	}
	put(secProgress, "", "", "", textsOf(r.Lang).Total, "", "", fmt.Sprintf("%d %%", r.Overall.Percent),
		joinNonEmpty(" ; ", fmt.Sprintf("%d/%d", r.Overall.Done, r.Overall.Total), r.Overall.Remaining), r.date(r.GeneratedAt))
	r.teamCSV(put)
	secSummary := textsOf(r.Lang).Summary4
	for _, l := range r.CabinetLines {
		put(secSummary, "", r.Cabinet.Name, r.Cabinet.SIREN, l.Element, r.migrated(l.Migrated), l.Action, r.state(l.State), "", "")
	}
	secControl := textsOf(r.Lang).Check33
	for _, l := range r.Control {
		for _, it := range l.Items {
			put(secControl, "", "", "", it, r.migrated(migratedWord(l.Migrated)), "", "", l.Title+" ("+l.Source+")", "")
		}
	}
	secStep := textsOf(r.Lang).Step
	for _, s := range r.CabinetSteps {
		put(secStep, "", r.Cabinet.Name, r.Cabinet.SIREN, s.Title, "", "", r.stepStatus(s.Status), r.recordText(s), r.dateP(s.At))
	}
	for _, c := range r.Clients {
		for _, l := range c.Lines {
			put(secSummary, c.ID, c.Name, c.SIREN, l.Element, r.migrated(l.Migrated), l.Action, r.state(l.State), "", "")
		}
		put(textsOf(r.Lang).Client, c.ID, c.Name, c.SIREN, textsOf(r.Lang).Progress2, "", "", fmt.Sprintf("%d %%", c.Percent),
			joinNonEmpty(" ; ", fmt.Sprintf("%d/%d", c.Done, c.Total), textsOf(r.Lang).PendingInvoices+r.pending(c.PendingInvoices),
				strings.Join(c.IBANs, ", "), r.leftV1(c), r.inChargeText(c)), "")
		for _, s := range c.Steps {
			put(secStep, c.ID, c.Name, c.SIREN, s.Title, "", "", r.stepStatus(s.Status), r.recordText(s), r.dateP(s.At))
		}
	}
	for _, b := range r.Blockers {
		put(textsOf(r.Lang).Blocker, b.Client, "", "", b.Kind, "", "", "", b.Message, "")
	}
	for _, o := range r.Overrides {
		put(textsOf(r.Lang).Override, "", "", "", overrideTitle(o, r.Lang), "", "", "", joinNonEmpty(" — ", o.Reason, o.By), r.date(o.At))
	}
	for _, e := range r.Audit {
		put(textsOf(r.Lang).Audit, e.Client, "", "", e.Step, "", "", "", joinNonEmpty(" — ", e.By, e.Text), r.date(e.At))
	}
	cw.Flush()
	return cw.Error()
}

// csvCell keeps Excel from running a cell as a formula: names and notes come
// from outside, and "=HYPERLINK(...)" in a client name must stay text. A
// cell starting with =, +, -, @, a tab or a carriage return (after any
// spaces, which Excel skips) gets a leading apostrophe.
func csvCell(s string) string {
	t := strings.TrimLeft(s, " ")
	if t != "" && strings.ContainsRune("=+-@\t\r", rune(t[0])) {
		return "'" + s
	}
	return s
}

// sirenCell writes a SIREN as the formula ="012345674": French Excel reads a
// bare 012345674 as the number 12345674 and drops the leading zero, while
// the formula's result is the text itself. Only a value of nine digits gets
// it (nothing from outside can slip a formula in); anything else goes
// through csvCell.
func sirenCell(s string) string {
	if len(s) == 9 && strings.Trim(s, "0123456789") == "" {
		return `="` + s + `"`
	}
	return csvCell(s)
}
