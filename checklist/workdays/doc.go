// Package workdays knows the French public holidays (jours fériés) and does
// working-day arithmetic on jours ouvrés: Monday to Friday, minus public
// holidays. Saturday is a jour ouvrable but not a jour ouvré, so it never
// counts here.
//
// The migration guide asks jefacture to answer some requests within
// "72 h, jours ouvrés". bascule reads that as three working days from the
// request and shows the result as an estimate, because jefacture does not
// publish how it counts; this package only supplies the calendar side of
// that estimate.
//
// Holidays follows article L3133-1 of the Code du travail, with the two extra
// days that local law keeps in Alsace-Moselle (Good Friday and 26 December).
// Whit Monday is listed even though many employers work it as the journée de
// solidarité: the statute still names it, and counting it as a holiday makes
// an estimated due date late rather than early.
//
// All calendar questions are asked about civil dates in a time zone
// (Europe/Paris unless told otherwise), and days are added with time.Date
// rather than 24-hour durations, so the daylight-saving weekends in March and
// October neither lose nor gain a day.
//
// The package is pure and imports nothing from the rest of bascule.
package workdays
