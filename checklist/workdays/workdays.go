package workdays

import (
	"fmt"
	"slices"
	"strings"
	"time"

	// Embedded so that Europe/Paris resolves on machines without a zoneinfo
	// database (minimal containers, some Windows installs); costs ~450 kB.
	_ "time/tzdata"
)

// Region selects which list of public holidays applies.
type Region int

const (
	// National is the list of article L3133-1 of the Code du travail.
	National Region = iota
	// AlsaceMoselle (Bas-Rhin, Haut-Rhin, Moselle) adds Good Friday and
	// 26 December under the local law kept since 1918.
	AlsaceMoselle
)

// String returns the region's name as shown to users.
func (r Region) String() string {
	switch r {
	case National:
		return "National"
	case AlsaceMoselle:
		return "Alsace-Moselle"
	}
	return fmt.Sprintf("Region(%d)", int(r))
}

// Holiday is one public holiday.
type Holiday struct {
	Date   time.Time // the civil date, at midnight UTC
	Name   string    // French name, e.g. "Lundi de Pâques"
	NameEN string    // English name, e.g. "Easter Monday"
}

// civilDate returns the calendar date y-m-d as midnight UTC, the
// representation used for every date this package hands out or compares:
// UTC has no DST, so AddDate and Sub on these values are exact in days.
func civilDate(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// civilIn returns the civil date that t falls on in loc.
func civilIn(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return civilDate(y, m, d)
}

// Easter returns Easter Sunday of the given Gregorian year, as a civil date
// at midnight UTC. It uses the anonymous Gregorian algorithm (Meeus, Jones,
// Butcher), which is exact for every Gregorian year and needs no table.
func Easter(year int) time.Time {
	golden := year % 19 // position in the 19-year Metonic cycle
	century := year / 100
	yearInCentury := year % 100
	leapSkips := century / 4
	centuryRem := century % 4
	moonCorr := (century + 8) / 25
	solarCorr := (century - moonCorr + 1) / 3
	// epact: days from the paschal new moon to the full moon, roughly
	epact := (19*golden + century - leapSkips - solarCorr + 15) % 30
	// weekday offset from the full moon to the following Sunday
	toSunday := (32 + 2*centuryRem + 2*(yearInCentury/4) - epact - yearInCentury%4) % 7
	// correction for the two exceptional epacts that would push Easter past 25 April
	late := (golden + 11*epact + 22*toSunday) / 451
	n := epact + toSunday - 7*late + 114
	return civilDate(year, time.Month(n/31), n%31+1)
}

// Holidays returns the public holidays of year for region r, sorted by date.
// Every Region other than AlsaceMoselle gets the national list.
//
// Two holidays can fall on the same day (Ascension was 1 May in 2008 and
// will be again in 2160): both are then listed, the fixed one first, so a
// caller that counts days must not count the date twice.
func Holidays(year int, r Region) []Holiday {
	easter := Easter(year)
	fromEaster := func(days int) time.Time { return easter.AddDate(0, 0, days) }
	hs := []Holiday{
		{civilDate(year, time.January, 1), "Jour de l'an", "New Year's Day"},
		{fromEaster(1), "Lundi de Pâques", "Easter Monday"},
		{civilDate(year, time.May, 1), "Fête du Travail", "Labour Day"},
		{civilDate(year, time.May, 8), "Victoire 1945", "Victory in Europe Day"},
		{fromEaster(39), "Ascension", "Ascension Day"},
		{fromEaster(50), "Lundi de Pentecôte", "Whit Monday"},
		{civilDate(year, time.July, 14), "Fête nationale", "Bastille Day"},
		{civilDate(year, time.August, 15), "Assomption", "Assumption Day"},
		{civilDate(year, time.November, 1), "Toussaint", "All Saints' Day"},
		{civilDate(year, time.November, 11), "Armistice 1918", "Armistice Day"},
		{civilDate(year, time.December, 25), "Noël", "Christmas Day"},
	}
	if r == AlsaceMoselle {
		hs = append(hs,
			Holiday{fromEaster(-2), "Vendredi saint", "Good Friday"},
			Holiday{civilDate(year, time.December, 26), "Saint-Étienne", "St Stephen's Day"},
		)
	}
	// Stable, so that coinciding holidays keep the statute's order.
	slices.SortStableFunc(hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return hs
}

// Paris returns the Europe/Paris time zone. The tz database is embedded, so
// the fixed CET fallback (which ignores summer time) is only reached if the
// embedded copy is somehow unusable; it keeps the calendar working an hour
// off rather than failing.
func Paris() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return time.FixedZone("CET", 60*60)
	}
	return loc
}

// Calendar answers working-day questions for one region, with civil dates
// taken in one time zone. The zero value is the national calendar in Paris.
type Calendar struct {
	Region Region
	// Location is where a time.Time is turned into a civil date; nil means
	// Europe/Paris. Setting it to Paris() once spares reloading the zone on
	// every call.
	Location *time.Location
}

func (c Calendar) loc() *time.Location {
	if c.Location == nil {
		return Paris()
	}
	return c.Location
}

// holidayName reports the holiday on civil date d (midnight UTC). Coinciding
// holidays are joined with " et " so neither name is lost.
func (c Calendar) holidayName(d time.Time) (string, bool) {
	var names []string
	for _, h := range Holidays(d.Year(), c.Region) {
		if h.Date.Equal(d) {
			names = append(names, h.Name)
		}
	}
	if len(names) == 0 {
		return "", false
	}
	return strings.Join(names, " et "), true
}

func isWeekday(d time.Time) bool {
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

func (c Calendar) isWorkingDate(d time.Time) bool {
	if !isWeekday(d) {
		return false
	}
	_, holiday := c.holidayName(d)
	return !holiday
}

// HolidayName returns the French name of the public holiday that t falls on,
// taking t's civil date in c's location. If two holidays coincide their names
// are joined, e.g. "Fête du Travail et Ascension".
func (c Calendar) HolidayName(t time.Time) (string, bool) {
	return c.holidayName(civilIn(t, c.loc()))
}

// IsWorkingDay reports whether t's civil date in c's location is a jour
// ouvré: Monday to Friday and not a public holiday.
func (c Calendar) IsWorkingDay(t time.Time) bool {
	return c.isWorkingDate(civilIn(t, c.loc()))
}

// AddWorkingDays returns the time n working days after t, at the same clock
// time in c's location (the result is in that location).
//
// A request made on a weekend or holiday is treated as received at 00:00 of
// the next working day, which is how "n jours ouvrés" deadlines are usually
// read: Sat + 3 is Thursday 00:00, while Friday 15:00 + 3 is Wednesday 15:00.
//
// Days are stepped on the civil calendar, so a DST change in between shifts
// the elapsed duration by an hour but not the clock time. The result always
// falls on Monday–Friday and Paris changes its clocks on Sundays, so the
// clock time always exists on the result date.
//
// n must not be negative: counting backwards would need its own rule for
// non-working starts, and no caller needs it, so it panics rather than guess.
func (c Calendar) AddWorkingDays(t time.Time, n int) time.Time {
	if n < 0 {
		panic(fmt.Sprintf("workdays: AddWorkingDays with negative n (%d)", n))
	}
	loc := c.loc()
	local := t.In(loc)
	hour, minute, sec := local.Clock()
	nsec := local.Nanosecond()
	d := civilIn(local, loc)
	if !c.isWorkingDate(d) {
		hour, minute, sec, nsec = 0, 0, 0, 0
		for !c.isWorkingDate(d) {
			d = d.AddDate(0, 0, 1)
		}
	}
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if c.isWorkingDate(d) {
			n--
		}
	}
	return time.Date(d.Year(), d.Month(), d.Day(), hour, minute, sec, nsec, loc)
}

// WorkingDaysBetween returns the number of working days d with a <= d < b,
// comparing civil dates in c's location and ignoring clock times. It is
// negative, with the same magnitude, when b is before a.
func (c Calendar) WorkingDaysBetween(a, b time.Time) int {
	loc := c.loc()
	from, to := civilIn(a, loc), civilIn(b, loc)
	if to.Before(from) {
		return -c.workingDatesBetween(to, from)
	}
	return c.workingDatesBetween(from, to)
}

// WorkingDaysInYear returns the number of jours ouvrés in year.
func (c Calendar) WorkingDaysInYear(year int) int {
	return c.workingDatesBetween(civilDate(year, time.January, 1), civilDate(year+1, time.January, 1))
}

// workingDatesBetween counts working civil dates in [from, to), from <= to.
// It counts weekdays arithmetically and then removes holidays, so that a
// span of decades costs a few dozen steps rather than one per day.
func (c Calendar) workingDatesBetween(from, to time.Time) int {
	// Civil dates are UTC midnights, so the difference is a whole number of days.
	days := int((to.Unix() - from.Unix()) / (24 * 60 * 60))
	count := days / 7 * 5
	for d := from.AddDate(0, 0, days/7*7); d.Before(to); d = d.AddDate(0, 0, 1) {
		if isWeekday(d) {
			count++
		}
	}
	for year := from.Year(); year <= to.Year(); year++ {
		var prev time.Time
		for _, h := range Holidays(year, c.Region) {
			if h.Date.Equal(prev) {
				continue // coinciding holidays take one day off, not two
			}
			prev = h.Date
			if !h.Date.Before(from) && h.Date.Before(to) && isWeekday(h.Date) {
				count--
			}
		}
	}
	return count
}
