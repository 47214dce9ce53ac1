package checklist

import (
	"strconv"
	"time"
)

// This file writes counts, numbers and durations the way each language does,
// so that no user text falls back on "(s)" or on bare digits: every front end
// and report goes through these helpers.

// narrowNBSP is the French thousands separator (U+202F, espace fine
// insécable): "10 603".
const narrowNBSP = "\u202f"

// Plural picks the singular or the plural form for n. French puts 0 and 1 in
// the singular ("0 facture", "1 facture"), English only 1 ("0 invoices").
func Plural(lang Lang, n int, one, many string) string {
	if n == 1 || (lang != English && n == 0) {
		return one
	}
	return many
}

// Count writes n and its noun in both languages, agreed with n:
// Count(3, "facture", "factures", "invoice", "invoices") is "3 factures" /
// "3 invoices".
func Count(n int, frOne, frMany, enOne, enMany string) Text {
	return Text{
		FR: FormatInt(French, n) + " " + Plural(French, n, frOne, frMany),
		EN: FormatInt(English, n) + " " + Plural(English, n, enOne, enMany),
	}
}

// FormatInt writes a whole number with its thousands separated: a narrow
// no-break space in French ("10 603"), a comma in English ("10,603").
func FormatInt(lang Lang, n int) string {
	sep := narrowNBSP
	if lang == English {
		sep = ","
	}
	s := strconv.Itoa(n)
	neg := ""
	if n < 0 {
		neg, s = "-", s[1:]
	}
	if len(s) <= 3 {
		return neg + s
	}
	out := make([]byte, 0, len(s)+len(sep)*(len(s)/3))
	head := len(s) % 3
	if head > 0 {
		out = append(out, s[:head]...)
	}
	for i := head; i < len(s); i += 3 {
		if len(out) > 0 {
			out = append(out, sep...)
		}
		out = append(out, s[i:i+3]...)
	}
	return neg + string(out)
}

// WorkingDayHours is how long bascule takes a working day to be when it
// turns hours of work into days. The guide gives no such figure: it is our
// assumption, and every text that uses it says "(8 h)".
const WorkingDayHours = 8

// FormatDuration writes a duration of work: "45 min", "6 h 40", "12 h",
// with thousands separated ("1 250 h").
func FormatDuration(lang Lang, d time.Duration) string {
	m := int(d.Round(time.Minute) / time.Minute)
	switch {
	case m <= 0:
		return "0 min"
	case m < 60:
		return strconv.Itoa(m) + " min"
	case m%60 == 0:
		return FormatInt(lang, m/60) + " h"
	}
	mm := strconv.Itoa(m % 60)
	if len(mm) == 1 {
		mm = "0" + mm
	}
	return FormatInt(lang, m/60) + " h " + mm
}

// FormatWorkload writes a time left with "≈": small amounts to the minute
// ("≈ 6 h 40"), totals of two working days or more to the hour and beside
// them in working days of WorkingDayHours ("≈ 2 207 h, soit ≈ 276 j de
// travail (8 h)"), so a large firm reads its workload in days.
func FormatWorkload(lang Lang, d time.Duration) string {
	if d < 2*WorkingDayHours*time.Hour {
		return "≈ " + FormatDuration(lang, d)
	}
	hours := int(d.Round(time.Hour) / time.Hour)
	days := (hours + WorkingDayHours/2) / WorkingDayHours
	h := strconv.Itoa(WorkingDayHours)
	if lang == English {
		return "≈ " + FormatInt(lang, hours) + " h, i.e. ≈ " + FormatInt(lang, days) + " working days (" + h + " h)"
	}
	return "≈ " + FormatInt(lang, hours) + " h, soit ≈ " + FormatInt(lang, days) + " j de travail (" + h + " h)"
}

// DoneCount counts a list of steps for a line such as "4/5 faites, 1
// bloquée" (étapes are feminine), or "7/7 traitées" once some are "sans
// objet": they count as dealt with, not as done.
type DoneCount struct {
	Done, NotApplicable, Blocked, Total int
}

// Add counts one step's status.
func (c *DoneCount) Add(st Status) {
	c.Total++
	switch st {
	case StatusDone:
		c.Done++
	case StatusNotApplicable:
		c.NotApplicable++
	case StatusBlocked:
		c.Blocked++
	}
}

// Text writes the count: "4/5 faites", "1/5 faite", "7/7 traitées",
// "4/5 faites, 1 bloquée"; "4/5 done, 1 blocked".
func (c DoneCount) Text(lang Lang) string {
	n := c.Done + c.NotApplicable
	frac := FormatInt(lang, n) + "/" + FormatInt(lang, c.Total) + " "
	var s string
	switch {
	case lang == English && c.NotApplicable > 0:
		s = frac + "dealt with"
	case lang == English:
		s = frac + "done"
	case c.NotApplicable > 0:
		s = frac + fractionAgreement(n, "traitée", "traitées")
	default:
		s = frac + fractionAgreement(n, "faite", "faites")
	}
	if c.Blocked > 0 {
		if lang == English {
			s += ", " + FormatInt(lang, c.Blocked) + " blocked"
		} else {
			s += ", " + FormatInt(lang, c.Blocked) + " " + Plural(French, c.Blocked, "bloquée", "bloquées")
		}
	}
	return s
}

// fractionAgreement agrees a participle after "n/total": singular for one
// only ("1/5 faite"); "0/7 faites" reads as "none of the 7 done".
func fractionAgreement(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// FormatInterval writes a short period with a space before its unit, as
// French and the SI want: "3 s", "45 s", "2 min", "1 h".
func FormatInterval(lang Lang, d time.Duration) string {
	if d < time.Minute {
		return strconv.Itoa(int(d.Round(time.Second)/time.Second)) + " s"
	}
	return FormatDuration(lang, d)
}
