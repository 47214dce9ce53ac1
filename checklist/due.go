package checklist

import (
	"time"

	"github.com/bascule-cli/bascule/checklist/workdays"
)

// AnswerWorkingDays is how the guide's "72 h (jours ouvrés)" is read: three
// working days. jefacture does not publish how it counts, so the due date is
// always shown as an estimate.
const AnswerWorkingDays = 3

// Due is the estimated date of the answer to the migration request.
type Due struct {
	Submitted time.Time
	At        time.Time // Europe/Paris
	Estimate  bool      // always true: the count is our reading of the guide
}

// AnswerDue computes the due date from the submission time: three working
// days later, Europe/Paris time, national holidays skipped.
func AnswerDue(submitted time.Time) Due {
	cal := workdays.Calendar{Region: workdays.National, Location: workdays.Paris()}
	return Due{Submitted: submitted, At: cal.AddWorkingDays(submitted, AnswerWorkingDays), Estimate: true}
}

// Left is the time left before the due date at now; negative once late.
func (d Due) Left(now time.Time) time.Duration { return d.At.Sub(now) }

// Late reports whether the due date has passed at now ("en retard").
func (d Due) Late(now time.Time) bool { return now.After(d.At) }

// Paris is the time zone of every time bascule shows (Europe/Paris, from
// the tz database embedded by workdays, so it works on any machine).
func Paris() *time.Location { return workdays.Paris() }

// ZoneName names the zone once per screen or report: "heure de Paris".
func ZoneName() Text { return tx("heure de Paris", "Paris time") }

// FormatClock writes an instant in Paris time: "09/12/2026 à 14:00" /
// "2026-12-09 at 14:00". The zone is named once elsewhere (ZoneName).
func FormatClock(lang Lang, t time.Time) string {
	t = t.In(Paris())
	if lang == English {
		return t.Format("2006-01-02 at 15:04")
	}
	return t.Format("02/01/2006 à 15:04")
}

// TimeLeft is what a phase or a client still needs: guide time of the steps
// to do, the steps the guide does not time, and for the request phase the
// wait for the answer, which is no work and is shown as a wait.
type TimeLeft struct {
	Work    time.Duration `json:"work"`
	Untimed int           `json:"untimed"`
	Waiting bool          `json:"waiting"` // request sent, answer not come
	Due     Due           `json:"-"`       // when Waiting
	Late    bool          `json:"late"`    // when Waiting: the estimate is past
	Done    bool          `json:"done"`
}

// LeftOf turns a tally into a time left.
func LeftOf(t Tally) TimeLeft {
	return TimeLeft{Work: t.Remaining, Untimed: t.Untimed, Done: t.Complete()}
}

// PhaseLeft is the time left of one phase at now. The request phase, once the
// request is sent and until the answer comes, is a wait: the steps after the
// answer cannot start and the guide times none of them.
func (r *Run) PhaseLeft(p Progress, ph Phase, now time.Time) TimeLeft {
	l := LeftOf(p.Phase(ph))
	if ph == PhaseRequest && !r.Migrated() {
		if due, ok := r.AnswerDue(); ok {
			l.Waiting, l.Due, l.Late = true, due, due.Late(now)
		}
	}
	return l
}

// ClientLeft is the time left of one client (every phase of its steps):
// the guide's durations of what this client still has to do.
func (r *Run) ClientLeft(i int) TimeLeft {
	var t Tally
	for _, pt := range r.ClientProgress(i) {
		t.merge(pt)
	}
	return LeftOf(t)
}

// Text is the time left for the user: "reste ≈ 6 h 40", "reste ≈ 18 min +
// 280 étapes non chiffrées", "attente de la réponse, estimée le
// 09/12/2026 à 14:00"; "" when all is done.
func (l TimeLeft) Text(lang Lang) string {
	a := l.Amount(lang)
	if l.Waiting || l.Work <= 0 {
		return a
	}
	return tx("reste ", "left ").In(lang) + a
}

// Amount is Text without "reste", for a column headed "Reste":
// "≈ 6 h 40 + 280 étapes non chiffrées".
func (l TimeLeft) Amount(lang Lang) string {
	switch {
	case l.Waiting:
		t := tx("attente de la réponse, estimée le ", "waiting for the answer, expected ").In(lang) + FormatClock(lang, l.Due.At)
		if l.Late {
			t += tx(" (dépassée)", " (overdue)").In(lang)
		}
		return t
	case l.Done:
		return ""
	}
	untimed := Count(l.Untimed, "étape non chiffrée", "étapes non chiffrées", "untimed step", "untimed steps").In(lang)
	if l.Work <= 0 {
		return untimed + tx(" (durée non donnée par le guide)", " (the guide gives no duration)").In(lang)
	}
	t := FormatWorkload(lang, l.Work)
	if l.Untimed > 0 {
		t += " + " + untimed
	}
	return t
}
