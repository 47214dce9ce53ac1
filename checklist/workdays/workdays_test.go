package workdays

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// day parses "2006-01-02" as the civil-date representation the package uses.
func day(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// paris parses "2006-01-02 15:04" as a wall-clock time in Europe/Paris.
func paris(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.ParseInLocation("2006-01-02 15:04", s, Paris())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestEaster(t *testing.T) {
	want := map[int]string{
		// the years the brief and DOMAIN.md give
		2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28",
		2028: "2028-04-16", 2029: "2029-04-01", 2030: "2030-04-21",
		// extremes of the 22 March – 25 April range, and a few others
		1818: "1818-03-22", 2285: "2285-03-22", 1943: "1943-04-25", 2038: "2038-04-25",
		2000: "2000-04-23", 2008: "2008-03-23", 2019: "2019-04-21",
	}
	for year, w := range want {
		got := Easter(year)
		if !got.Equal(day(t, w)) || got.Location() != time.UTC {
			t.Errorf("Easter(%d) = %v, want %s at midnight UTC", year, got, w)
		}
	}
}

// nationalHolidays is the L3133-1 list for 2024–2030, written out by hand in
// statute order: 1 Jan, Easter Monday, 1 May, 8 May, Ascension, Whit Monday,
// 14 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec.
var nationalHolidays = map[int][11]string{
	2024: {"2024-01-01", "2024-04-01", "2024-05-01", "2024-05-08", "2024-05-09", "2024-05-20", "2024-07-14", "2024-08-15", "2024-11-01", "2024-11-11", "2024-12-25"},
	2025: {"2025-01-01", "2025-04-21", "2025-05-01", "2025-05-08", "2025-05-29", "2025-06-09", "2025-07-14", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25"},
	2026: {"2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"},
	2027: {"2027-01-01", "2027-03-29", "2027-05-01", "2027-05-08", "2027-05-06", "2027-05-17", "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25"},
	2028: {"2028-01-01", "2028-04-17", "2028-05-01", "2028-05-08", "2028-05-25", "2028-06-05", "2028-07-14", "2028-08-15", "2028-11-01", "2028-11-11", "2028-12-25"},
	2029: {"2029-01-01", "2029-04-02", "2029-05-01", "2029-05-08", "2029-05-10", "2029-05-21", "2029-07-14", "2029-08-15", "2029-11-01", "2029-11-11", "2029-12-25"},
	2030: {"2030-01-01", "2030-04-22", "2030-05-01", "2030-05-08", "2030-05-30", "2030-06-10", "2030-07-14", "2030-08-15", "2030-11-01", "2030-11-11", "2030-12-25"},
}

var statuteNames = [11]string{
	"Jour de l'an", "Lundi de Pâques", "Fête du Travail", "Victoire 1945", "Ascension",
	"Lundi de Pentecôte", "Fête nationale", "Assomption", "Toussaint", "Armistice 1918", "Noël",
}

// goodFriday is Easter − 2 for 2024–2030, by hand.
var goodFriday = map[int]string{
	2024: "2024-03-29", 2025: "2025-04-18", 2026: "2026-04-03", 2027: "2027-03-26",
	2028: "2028-04-14", 2029: "2029-03-30", 2030: "2030-04-19",
}

// expected builds name→date for a year, so the check does not depend on the
// order Holidays sorts into.
func expected(t *testing.T, year int, r Region) map[string]time.Time {
	t.Helper()
	m := map[string]time.Time{}
	for i, s := range nationalHolidays[year] {
		m[statuteNames[i]] = day(t, s)
	}
	if r == AlsaceMoselle {
		m["Vendredi saint"] = day(t, goodFriday[year])
		m["Saint-Étienne"] = civilDate(year, time.December, 26)
	}
	return m
}

func TestHolidays(t *testing.T) {
	for _, r := range []Region{National, AlsaceMoselle} {
		for year := 2024; year <= 2030; year++ {
			want := expected(t, year, r)
			got := Holidays(year, r)
			if len(got) != len(want) {
				t.Errorf("%v %d: %d holidays, want %d", r, year, len(got), len(want))
			}
			for i, h := range got {
				if i > 0 && h.Date.Before(got[i-1].Date) {
					t.Errorf("%v %d: not sorted at %s", r, year, h.Name)
				}
				w, ok := want[h.Name]
				switch {
				case !ok:
					t.Errorf("%v %d: unexpected holiday %q", r, year, h.Name)
				case !h.Date.Equal(w):
					t.Errorf("%v %d: %s on %s, want %s", r, year, h.Name, h.Date.Format(time.DateOnly), w.Format(time.DateOnly))
				}
				if h.NameEN == "" {
					t.Errorf("%v %d: %s has no English name", r, year, h.Name)
				}
				if h.Date.Location() != time.UTC || h.Date.Hour() != 0 {
					t.Errorf("%v %d: %s date %v is not midnight UTC", r, year, h.Name, h.Date)
				}
			}
		}
	}
}

func TestHolidaysUnknownRegionIsNational(t *testing.T) {
	if got := len(Holidays(2026, Region(7))); got != 11 {
		t.Errorf("Region(7): %d holidays, want the national 11", got)
	}
}

func TestRegionString(t *testing.T) {
	for r, want := range map[Region]string{National: "National", AlsaceMoselle: "Alsace-Moselle", Region(9): "Region(9)"} {
		if got := r.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", int(r), got, want)
		}
	}
}

func TestParis(t *testing.T) {
	if got := Paris().String(); got != "Europe/Paris" {
		t.Errorf("Paris() = %q; embedded tzdata should make Europe/Paris available", got)
	}
}

func TestHolidayName(t *testing.T) {
	nat := Calendar{}
	alsace := Calendar{Region: AlsaceMoselle}
	tests := []struct {
		cal  Calendar
		at   time.Time
		want string // "" for no holiday
	}{
		{nat, paris(t, "2026-04-06 10:00"), "Lundi de Pâques"},
		{nat, paris(t, "2026-04-03 10:00"), ""},
		{alsace, paris(t, "2026-04-03 10:00"), "Vendredi saint"},
		{alsace, paris(t, "2026-12-26 10:00"), "Saint-Étienne"},
		{nat, paris(t, "2026-12-26 10:00"), ""},
		{nat, paris(t, "2026-05-14 23:59"), "Ascension"},
		// 23:30 UTC on 7 May is 01:30 on 8 May in Paris: the civil date is Paris's.
		{nat, time.Date(2026, 5, 7, 23, 30, 0, 0, time.UTC), "Victoire 1945"},
		{Calendar{Location: time.UTC}, time.Date(2026, 5, 7, 23, 30, 0, 0, time.UTC), ""},
		// Ascension fell on 1 May in 2008: both names are kept.
		{nat, paris(t, "2008-05-01 12:00"), "Fête du Travail et Ascension"},
	}
	for _, tt := range tests {
		got, ok := tt.cal.HolidayName(tt.at)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%v HolidayName(%v) = %q, %v; want %q", tt.cal.Region, tt.at, got, ok, tt.want)
		}
	}
}

func TestIsWorkingDay(t *testing.T) {
	c := Calendar{}
	for s, want := range map[string]bool{
		"2026-11-24 15:00": true,  // Tuesday
		"2026-11-28 15:00": false, // Saturday: ouvrable but not ouvré
		"2026-11-29 15:00": false, // Sunday
		"2026-11-11 15:00": false, // Armistice, a Wednesday
		"2026-05-25 09:00": false, // Whit Monday
		"2026-05-26 09:00": true,
	} {
		if got := c.IsWorkingDay(paris(t, s)); got != want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", s, got, want)
		}
	}
}

func TestWorkingDaysInYear(t *testing.T) {
	if got := (Calendar{}).WorkingDaysInYear(2026); got != 252 {
		t.Errorf("national 2026: %d jours ouvrés, want 252", got)
	}
	// Good Friday (3 April) is a Friday; 26 December is a Saturday and costs nothing.
	if got := (Calendar{Region: AlsaceMoselle}).WorkingDaysInYear(2026); got != 251 {
		t.Errorf("Alsace-Moselle 2026: %d jours ouvrés, want 251", got)
	}
}

func TestAddWorkingDays(t *testing.T) {
	nat := Calendar{}
	alsace := Calendar{Region: AlsaceMoselle}
	tests := []struct {
		name string
		cal  Calendar
		from time.Time
		n    int
		want string // Paris wall clock
	}{
		{"midweek", nat, paris(t, "2026-11-24 15:00"), 3, "2026-11-27 15:00"},
		{"over a weekend", nat, paris(t, "2026-11-27 15:00"), 3, "2026-12-02 15:00"},
		{"zero on a working day", nat, paris(t, "2026-11-24 15:00"), 0, "2026-11-24 15:00"},
		{"submitted Saturday", nat, paris(t, "2026-11-28 10:00"), 3, "2026-12-03 00:00"},
		{"zero on Sunday", nat, paris(t, "2026-11-29 18:00"), 0, "2026-11-30 00:00"},
		{"1 May then weekend", nat, paris(t, "2026-04-30 10:00"), 3, "2026-05-06 10:00"},
		{"1 May and 8 May", nat, paris(t, "2026-04-30 10:00"), 6, "2026-05-12 10:00"},
		{"8 May", nat, paris(t, "2026-05-07 17:30"), 1, "2026-05-11 17:30"},
		{"Ascension", nat, paris(t, "2026-05-13 09:00"), 1, "2026-05-15 09:00"},
		{"submitted on Ascension", nat, paris(t, "2026-05-14 11:00"), 1, "2026-05-18 00:00"},
		{"Whit Monday", nat, paris(t, "2026-05-22 14:00"), 1, "2026-05-26 14:00"},
		{"submitted on 14 July", nat, paris(t, "2026-07-14 10:00"), 1, "2026-07-16 00:00"},
		{"Christmas and weekend", nat, paris(t, "2026-12-24 16:00"), 3, "2026-12-30 16:00"},
		{"Christmas, weekend, New Year", nat, paris(t, "2026-12-24 16:00"), 5, "2027-01-04 16:00"},
		{"submitted on New Year", nat, paris(t, "2026-01-01 08:00"), 1, "2026-01-05 00:00"},
		{"Good Friday, national", nat, paris(t, "2026-04-02 12:00"), 1, "2026-04-03 12:00"},
		{"Good Friday and Easter Monday, Alsace", alsace, paris(t, "2026-04-02 12:00"), 1, "2026-04-07 12:00"},
		{"spring DST weekend", nat, paris(t, "2026-03-27 15:00"), 1, "2026-03-30 15:00"},
		{"autumn DST weekend", nat, paris(t, "2026-10-23 09:00"), 1, "2026-10-26 09:00"},
		{"submitted in the repeated autumn hour", nat, paris(t, "2026-10-25 02:30"), 1, "2026-10-27 00:00"},
		// 23:30 UTC on 7 May is already 8 May in Paris: a holiday, so 00:00 of Monday 11.
		{"UTC input, Paris holiday", nat, time.Date(2026, 5, 7, 23, 30, 0, 0, time.UTC), 0, "2026-05-11 00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.cal.AddWorkingDays(tt.from, tt.n)
			want := paris(t, tt.want)
			if !got.Equal(want) {
				t.Errorf("AddWorkingDays(%v, %d) = %v, want %v", tt.from, tt.n, got, want)
			}
			if got.Location().String() != "Europe/Paris" {
				t.Errorf("result in %v, want Europe/Paris", got.Location())
			}
		})
	}
}

// The DST weekends change the elapsed duration, not the clock time.
func TestAddWorkingDaysDSTDuration(t *testing.T) {
	c := Calendar{Location: Paris()}
	spring := paris(t, "2026-03-27 15:00")
	if d := c.AddWorkingDays(spring, 1).Sub(spring); d != 71*time.Hour {
		t.Errorf("over the spring change: %v elapsed, want 71h", d)
	}
	autumn := paris(t, "2026-10-23 09:00")
	if d := c.AddWorkingDays(autumn, 1).Sub(autumn); d != 73*time.Hour {
		t.Errorf("over the autumn change: %v elapsed, want 73h", d)
	}
}

func TestAddWorkingDaysNegativePanics(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "negative") {
			t.Errorf("recover() = %v, want a panic about negative n", r)
		}
	}()
	Calendar{}.AddWorkingDays(paris(t, "2026-11-24 15:00"), -1)
}

func TestWorkingDaysBetween(t *testing.T) {
	nat := Calendar{}
	alsace := Calendar{Region: AlsaceMoselle}
	tests := []struct {
		cal  Calendar
		a, b string
		want int
	}{
		{nat, "2026-11-24 15:00", "2026-11-24 09:00", 0}, // same civil date
		{nat, "2026-11-23 00:00", "2026-11-30 00:00", 5},
		{nat, "2026-11-24 15:00", "2026-11-27 15:00", 3},
		{nat, "2026-11-27 15:00", "2026-11-24 15:00", -3},
		{nat, "2026-11-28 00:00", "2026-11-30 00:00", 0},  // a weekend
		{nat, "2026-04-30 10:00", "2026-05-12 10:00", 6},  // 1 and 8 May
		{nat, "2026-12-01 00:00", "2027-01-01 00:00", 22}, // 23 weekdays, Christmas
		{alsace, "2026-12-01 00:00", "2027-01-01 00:00", 22},
		{nat, "2026-04-01 00:00", "2026-05-01 00:00", 21}, // 22 weekdays, Easter Monday
		{alsace, "2026-04-01 00:00", "2026-05-01 00:00", 20},
		{nat, "2026-12-24 16:00", "2027-01-04 16:00", 5},
		{nat, "2026-01-01 00:00", "2027-01-01 00:00", 252},
		{nat, "2027-01-01 00:00", "2026-01-01 00:00", -252},
		{nat, "2008-04-28 00:00", "2008-05-05 00:00", 4}, // 1 May = Ascension, counted once
		{nat, "2026-03-27 00:00", "2026-03-31 00:00", 2}, // spring DST weekend
	}
	for _, tt := range tests {
		if got := tt.cal.WorkingDaysBetween(paris(t, tt.a), paris(t, tt.b)); got != tt.want {
			t.Errorf("%v WorkingDaysBetween(%s, %s) = %d, want %d", tt.cal.Region, tt.a, tt.b, got, tt.want)
		}
	}
}

// WorkingDaysBetween counts arithmetically; check it against a day-by-day
// count built from IsWorkingDay.
func TestWorkingDaysBetweenMatchesDayByDay(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, c := range []Calendar{{Location: Paris()}, {Region: AlsaceMoselle, Location: Paris()}} {
		for range 300 {
			a := time.Date(2020+rng.IntN(15), time.January, 1+rng.IntN(365), 0, 0, 0, 0, c.Location)
			b := a.AddDate(0, 0, rng.IntN(800))
			want := 0
			for d := a; d.Before(b); d = d.AddDate(0, 0, 1) {
				if c.IsWorkingDay(d) {
					want++
				}
			}
			if got := c.WorkingDaysBetween(a, b); got != want {
				t.Fatalf("%v WorkingDaysBetween(%v, %v) = %d, day by day %d", c.Region, a, b, got, want)
			}
		}
	}
}

// Property: from any start, AddWorkingDays(t, n) lands on a working day that
// is exactly n working days after t, keeping the clock time when t is itself
// a working day and starting from midnight otherwise.
func TestAddWorkingDaysProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	start := paris(t, "2024-01-01 00:00")
	for _, c := range []Calendar{{Location: Paris()}, {Region: AlsaceMoselle, Location: Paris()}} {
		for range 2000 {
			from := start.Add(time.Duration(rng.Int64N(int64(7 * 365 * 24 * time.Hour))))
			if rng.IntN(2) == 0 { // half the starts at midnight, as in the brief's property
				from = time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, c.Location)
			}
			n := rng.IntN(40)
			got := c.AddWorkingDays(from, n)
			if !c.IsWorkingDay(got) {
				t.Fatalf("%v AddWorkingDays(%v, %d) = %v, not a working day", c.Region, from, n, got)
			}
			if between := c.WorkingDaysBetween(from, got); between != n {
				t.Fatalf("%v AddWorkingDays(%v, %d) = %v, but WorkingDaysBetween = %d", c.Region, from, n, got, between)
			}
			h, m, s := got.Clock()
			if c.IsWorkingDay(from) {
				fh, fm, fs := from.Clock()
				if h != fh || m != fm || s != fs || got.Nanosecond() != from.Nanosecond() {
					t.Fatalf("AddWorkingDays(%v, %d) = %v: clock time not kept", from, n, got)
				}
			} else if h != 0 || m != 0 || s != 0 || got.Nanosecond() != 0 {
				t.Fatalf("AddWorkingDays(%v, %d) = %v: non-working start should count from 00:00", from, n, got)
			}
		}
	}
}
