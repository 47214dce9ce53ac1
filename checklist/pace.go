package checklist

import (
	"strconv"
	"time"

	"github.com/bascule-cli/bascule/checklist/workdays"
)

// The estimated finish date of a person's or the cabinet's open work is
// bascule's own method, not the guide's: the guide gives durations per step,
// not a team's speed. It is always shown as an estimate.
//
// The pace is the net number of steps resolved (done or not applicable;
// one undone counts back) per working day (jours ouvrés, Europe/Paris,
// national holidays off), measured over the last PaceWindow working days,
// today included, or since the person joined (the workspace was created,
// for the cabinet) when that is later. The work left then takes
// ceil(steps left / pace) working days, counted from the next working day:
// today's remaining hours are not relied on.

// PaceWindow is how many working days the pace is measured over: a
// working week.
const PaceWindow = 5

// MaxFinishDays bounds the estimate: beyond ten years of working days the
// date says nothing useful (and would take long to count).
const MaxFinishDays = 2600

// WorkCalendar is the calendar of the estimates: national holidays, civil
// dates in Paris.
func WorkCalendar() workdays.Calendar {
	return workdays.Calendar{Region: workdays.National, Location: workdays.Paris()}
}

// Pace is a measured rate of work.
type Pace struct {
	Steps int       `json:"steps"`         // net steps resolved over the window
	Days  int       `json:"days"`          // working days measured
	From  time.Time `json:"from,omitzero"` // first day measured (Paris midnight); zero when none
}

// Known reports whether there is a pace to estimate from: some work
// resolved over at least one working day.
func (p Pace) Known() bool { return p.Steps > 0 && p.Days > 0 }

// PerDay is the pace in steps per working day; 0 when unknown.
func (p Pace) PerDay() float64 {
	if !p.Known() {
		return 0
	}
	return float64(p.Steps) / float64(p.Days)
}

// parisDay is the civil date of t in the calendar's zone, at midnight there.
func parisDay(cal workdays.Calendar, t time.Time) time.Time {
	loc := cal.Location
	if loc == nil {
		loc = workdays.Paris()
	}
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// PaceStart is the first day of the window at now: midnight (Paris) of the
// PaceWindow-th working day back, today counted when it is one. Events
// before it play no part: a caller loads the audit from there.
func PaceStart(now time.Time, cal workdays.Calendar) time.Time {
	day := parisDay(cal, now)
	n := 0
	for {
		if cal.IsWorkingDay(day) {
			if n++; n == PaceWindow {
				return day
			}
		}
		day = day.AddDate(0, 0, -1)
	}
}

// MeasurePace measures the pace of the step changes in events made by who
// ("" for everyone) at now. since is when that person joined the team (the
// workspace's creation, for the cabinet); zero means long ago. Events after
// now (a clock put back) are ignored.
func MeasurePace(events []Event, who string, since, now time.Time, cal workdays.Calendar) Pace {
	start := PaceStart(now, cal)
	if !since.IsZero() {
		if d := parisDay(cal, since); d.After(start) {
			start = d
		}
	}
	p := Pace{}
	today := parisDay(cal, now)
	if start.After(today) {
		return p
	}
	// Working days from start to today, both included.
	p.Days = cal.WorkingDaysBetween(start, today.AddDate(0, 0, 1))
	if p.Days > 0 {
		p.From = start
	}
	for _, e := range events {
		if e.Action != ActionStep || (who != "" && e.Who != who) || e.At.Before(start) || e.At.After(now) {
			continue
		}
		from, okFrom := ParseStatus(e.From)
		to, okTo := ParseStatus(e.To)
		if !okFrom || !okTo {
			continue // a note or a capture, no status change
		}
		switch {
		case !from.Resolved() && to.Resolved():
			p.Steps++
		case from.Resolved() && !to.Resolved():
			p.Steps--
		}
	}
	p.Steps = max(p.Steps, 0)
	return p
}

// Finish is the estimated end of some open work.
type Finish struct {
	Pace      Pace      `json:"pace"`
	Remaining int       `json:"remaining"`   // steps not resolved
	Days      int       `json:"days"`        // working days of work left at the pace
	At        time.Time `json:"at,omitzero"` // the working day it should end on (Paris midnight); zero when unknown
	Known     bool      `json:"known"`       // false: no pace yet (or too far), no date
	TooFar    bool      `json:"too_far"`     // more than MaxFinishDays working days
	Done      bool      `json:"done"`        // nothing left
	Estimate  bool      `json:"estimate"`    // always true: bascule's method, not the guide's
	Window    int       `json:"window_days"` // PaceWindow
}

// EstimateFinish estimates when remaining steps will be resolved at pace p,
// seen at now: the Days-th working day after today.
func EstimateFinish(p Pace, remaining int, now time.Time, cal workdays.Calendar) Finish {
	f := Finish{Pace: p, Remaining: max(remaining, 0), Estimate: true, Window: PaceWindow}
	switch {
	case f.Remaining == 0:
		f.Done = true
		return f
	case !p.Known():
		return f
	}
	// ceil(remaining / (steps/days)) in whole numbers.
	days := (f.Remaining*p.Days + p.Steps - 1) / p.Steps
	if days > MaxFinishDays {
		f.Days, f.TooFar = days, true
		return f
	}
	f.Days, f.Known = days, true
	day := parisDay(cal, now)
	for n := 0; n < days; {
		day = day.AddDate(0, 0, 1)
		if cal.IsWorkingDay(day) {
			n++
		}
	}
	f.At = day
	return f
}

// FormatDate writes a civil date: "18/12/2026" / "2026-12-18".
func FormatDate(lang Lang, t time.Time) string {
	if lang == English {
		return t.Format("2006-01-02")
	}
	return t.Format("02/01/2006")
}

// Number is the pace's figure alone, as Text writes it: "14", "2,4",
// "0.2"; "" when unknown.
func (p Pace) Number(lang Lang) string {
	if !p.Known() {
		return ""
	}
	per := p.PerDay()
	if p.Steps%p.Days == 0 || per >= 10 {
		return FormatInt(lang, int(per+0.5))
	}
	tenths := int(per*10 + 0.5)
	sep := ","
	if lang == English {
		sep = "."
	}
	return FormatInt(lang, tenths/10) + sep + string(rune('0'+tenths%10))
}

// Text is the pace for the user: "14 étapes par jour ouvré",
// "0,4 étape par jour ouvré"; "" when unknown.
func (p Pace) Text(lang Lang) string {
	if !p.Known() {
		return ""
	}
	per := p.PerDay()
	// French puts a quantity below 2 in the singular, English only 1.
	one := per < 2
	if lang == English {
		one = per == 1
	}
	unit := tx("étapes par jour ouvré", "steps per working day")
	if one {
		unit = tx("étape par jour ouvré", "step per working day")
	}
	return p.Number(lang) + " " + unit.In(lang)
}

// Text is the estimate for the user, labelled as one: "fin estimée le
// 18/12/2026 (9 jours ouvrés au rythme de 14 étapes par jour ouvré)";
// without a pace it says so instead of inventing a date.
func (f Finish) Text(lang Lang) string {
	switch {
	case f.Done:
		return tx("terminé", "finished").In(lang)
	case f.TooFar:
		return tx("fin estimée : plus de dix ans au rythme actuel (", "estimated finish: over ten years at the current pace (").In(lang) +
			f.Pace.Text(lang) + ")"
	case f.Pace.Steps > 0 && f.Pace.Days == 0:
		return tx("pas encore de rythme : aucun jour ouvré mesuré", "no pace yet: no working day measured").In(lang)
	case !f.Known:
		w := strconv.Itoa(PaceWindow)
		return tx("pas encore de rythme : aucune étape faite sur les "+w+" derniers jours ouvrés",
			"no pace yet: no step done in the last "+w+" working days").In(lang)
	}
	return tx("fin estimée le ", "estimated finish ").In(lang) + FormatDate(lang, f.At) + " (" +
		Count(f.Days, "jour ouvré", "jours ouvrés", "working day", "working days").In(lang) +
		tx(" au rythme de ", " at ").In(lang) + f.Pace.Text(lang) + ")"
}

// PaceMethod says how the estimate is made, for a screen's or a report's
// footnote.
func PaceMethod() Text {
	w := strconv.Itoa(PaceWindow)
	return tx("Estimation de bascule (sa méthode, pas le guide) : rythme = étapes faites par jour ouvré sur les "+w+" derniers jours ouvrés, aujourd'hui compris (Paris, jours fériés exclus) ; le reste compte à partir du prochain jour ouvré.",
		"bascule's estimate (its own method, not the guide's): pace = steps done per working day over the last "+w+" working days, today included (Paris, public holidays off); the rest counts from the next working day.")
}
