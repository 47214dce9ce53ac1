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
