package checklist

import (
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist/workdays"
)

// at reads "2006-01-02 15:04" in Paris time.
func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, workdays.Paris())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func stepEv(t *testing.T, when, who, from, to string) Event {
	return Event{At: at(t, when), Who: who, Action: ActionStep, From: from, To: to}
}

func TestPaceStart(t *testing.T) {
	cal := workdays.Calendar{Location: workdays.Paris()}
	cases := []struct{ now, want string }{
		{"2026-12-18 15:00", "2026-12-14"}, // Friday: Monday to Friday
		{"2026-12-14 10:00", "2026-12-08"}, // Monday: the weekend skipped
		{"2026-12-06 09:00", "2026-11-30"}, // Sunday: not a working day, the five before
		{"2026-12-29 09:00", "2026-12-22"}, // Christmas (Friday) skipped
		{"2027-05-07 09:00", "2027-04-30"}, // Ascension (Thursday 6 May) skipped
		{"2026-12-18 00:30", "2026-12-14"}, // just after midnight Paris (still the 17th in UTC)
	}
	for _, c := range cases {
		got := PaceStart(at(t, c.now), cal)
		if got.Format("2006-01-02") != c.want || got.Hour() != 0 || got.Location() != cal.Location {
			t.Errorf("PaceStart(%s) = %s, want %s at Paris midnight", c.now, got, c.want)
		}
	}
}

func TestMeasurePace(t *testing.T) {
	cal := workdays.Calendar{Location: workdays.Paris()}
	now := "2026-12-18 15:00" // Friday; window Monday 14 to Friday 18
	base := []Event{
		stepEv(t, "2026-12-14 09:00", "Claire", "todo", "done"),
		stepEv(t, "2026-12-15 09:00", "Claire", "in_progress", "done"),
		stepEv(t, "2026-12-16 09:00", "Claire", "todo", "not_applicable"),
		stepEv(t, "2026-12-17 09:00", "Marc", "todo", "done"),
		stepEv(t, "2026-12-18 09:00", "Claire", "blocked", "done"),
	}
	cases := []struct {
		name   string
		events []Event
		who    string
		since  string
		steps  int
		days   int
		known  bool
	}{
		{"no event: no pace", nil, "", "", 0, 5, false},
		{"one person", base, "Claire", "", 4, 5, true},
		{"the cabinet: everyone", base, "", "", 5, 5, true},
		{"someone without work", base, "Zoé", "", 0, 5, false},
		{"an undo counts back", append(append([]Event(nil), base...), stepEv(t, "2026-12-18 10:00", "Claire", "done", "todo")), "Claire", "", 3, 5, true},
		{"more undone than done: zero, not negative", []Event{stepEv(t, "2026-12-15 09:00", "Claire", "done", "todo")}, "Claire", "", 0, 5, false},
		{"resolved to resolved is no new step", []Event{stepEv(t, "2026-12-15 09:00", "Claire", "done", "not_applicable")}, "Claire", "", 0, 5, false},
		{"a note (no status) is no step", []Event{stepEv(t, "2026-12-15 09:00", "Claire", "", "")}, "Claire", "", 0, 5, false},
		{"before the window: ignored", []Event{stepEv(t, "2026-12-11 18:00", "Claire", "todo", "done")}, "Claire", "", 0, 5, false},
		{"after now: ignored", []Event{stepEv(t, "2026-12-18 16:00", "Claire", "todo", "done")}, "Claire", "", 0, 5, false},
		{"other actions: ignored", []Event{{At: at(t, "2026-12-15 09:00"), Who: "Claire", Action: ActionRequest, From: "todo", To: "done"}}, "Claire", "", 0, 5, false},
		{"joined on Thursday: two days measured", base, "Claire", "2026-12-17 08:00", 1, 2, true},
		{"joined before the window: the window", base, "Claire", "2026-01-05 08:00", 4, 5, true},
		{"joined after now: nothing measured", base, "Claire", "2026-12-21 08:00", 0, 0, false},
	}
	for _, c := range cases {
		var since time.Time
		if c.since != "" {
			since = at(t, c.since)
		}
		p := MeasurePace(c.events, c.who, since, at(t, now), cal)
		if p.Steps != c.steps || p.Days != c.days || p.Known() != c.known {
			t.Errorf("%s: pace = %+v (known %v), want %d steps over %d days (known %v)", c.name, p, p.Known(), c.steps, c.days, c.known)
		}
	}
}

func TestMeasurePaceWeekendsAndHolidays(t *testing.T) {
	cal := workdays.Calendar{Location: workdays.Paris()}
	// Tuesday 29 December 2026: the window is 22, 23, 24, 28, 29 (25
	// Christmas, 26-27 weekend); work done on Saturday 26 still counts, the
	// day does not.
	evs := []Event{
		stepEv(t, "2026-12-26 11:00", "Claire", "todo", "done"),
		stepEv(t, "2026-12-25 11:00", "Claire", "todo", "done"),
		stepEv(t, "2026-12-21 17:00", "Claire", "todo", "done"), // before the window
	}
	p := MeasurePace(evs, "Claire", time.Time{}, at(t, "2026-12-29 09:00"), cal)
	if p.Steps != 2 || p.Days != 5 || p.From.Format("2006-01-02") != "2026-12-22" {
		t.Fatalf("pace = %+v, want 2 steps over 5 days from 22/12", p)
	}
	// Joined on Saturday, worked on Saturday, now Sunday: no working day yet.
	p = MeasurePace(evs[:1], "Claire", at(t, "2026-12-26 08:00"), at(t, "2026-12-27 09:00"), cal)
	if p.Steps != 1 || p.Days != 0 || p.Known() {
		t.Fatalf("weekend only: pace = %+v, want 1 step, 0 day, unknown", p)
	}
	if got := EstimateFinish(p, 10, at(t, "2026-12-27 09:00"), cal).Text(French); !strings.Contains(got, "aucun jour ouvré mesuré") {
		t.Fatalf("weekend only: %q", got)
	}
}

func TestEstimateFinish(t *testing.T) {
	cal := workdays.Calendar{Location: workdays.Paris()}
	two := Pace{Steps: 10, Days: 5}
	cases := []struct {
		name      string
		pace      Pace
		remaining int
		now       string
		days      int
		want      string // the date, "" when none
		known     bool
		done      bool
		tooFar    bool
		fr, en    string // a part of Text
	}{
		{"nothing left", two, 0, "2026-12-18 15:00", 0, "", false, true, false, "terminé", "finished"},
		{"zero pace: no date", Pace{Days: 5}, 40, "2026-12-18 15:00", 0, "", false, false, false,
			"pas encore de rythme : aucune étape faite sur les 5 derniers jours ouvrés", "no pace yet: no step done in the last 5 working days"},
		{"from a Friday: the next week", two, 5, "2026-12-18 15:00", 3, "2026-12-23", true, false, false,
			"fin estimée le 23/12/2026 (3 jours ouvrés au rythme de 2 étapes par jour ouvré)", "estimated finish 2026-12-23 (3 working days at 2 steps per working day)"},
		{"over Christmas", two, 6, "2026-12-23 10:00", 3, "2026-12-29", true, false, false, "29/12/2026", "2026-12-29"},
		{"over New Year's Day", two, 2, "2026-12-31 10:00", 1, "2027-01-04", true, false, false, "1 jour ouvré", "1 working day"},
		{"from a Saturday: Monday is the first day", two, 1, "2026-12-19 10:00", 1, "2026-12-21", true, false, false, "21/12/2026", "2026-12-21"},
		{"over Ascension", two, 2, "2027-05-05 10:00", 1, "2027-05-07", true, false, false, "07/05/2027", "2027-05-07"},
		{"exact division", two, 4, "2026-12-14 10:00", 2, "2026-12-16", true, false, false, "2 jours ouvrés", "2 working days"},
		{"a slow pace, a fraction", Pace{Steps: 1, Days: 5}, 3, "2026-12-14 10:00", 15, "2027-01-06", true, false, false,
			"0,2 étape par jour ouvré", "0.2 steps per working day"},
		{"too far", Pace{Steps: 1, Days: 5}, 1000, "2026-12-14 10:00", 5000, "", false, false, true, "plus de dix ans", "over ten years"},
	}
	for _, c := range cases {
		f := EstimateFinish(c.pace, c.remaining, at(t, c.now), cal)
		date := ""
		if !f.At.IsZero() {
			date = f.At.Format("2006-01-02")
		}
		if f.Days != c.days || date != c.want || f.Known != c.known || f.Done != c.done || f.TooFar != c.tooFar || !f.Estimate {
			t.Errorf("%s: %+v, want %d days, date %q, known %v, done %v, too far %v", c.name, f, c.days, c.want, c.known, c.done, c.tooFar)
		}
		if fr := f.Text(French); !strings.Contains(fr, c.fr) {
			t.Errorf("%s: French %q lacks %q", c.name, fr, c.fr)
		}
		if en := f.Text(English); !strings.Contains(en, c.en) {
			t.Errorf("%s: English %q lacks %q", c.name, en, c.en)
		}
	}
}

func TestPaceText(t *testing.T) {
	cases := []struct {
		p      Pace
		fr, en string
	}{
		{Pace{}, "", ""},
		{Pace{Steps: 10, Days: 5}, "2 étapes par jour ouvré", "2 steps per working day"},
		{Pace{Steps: 12, Days: 5}, "2,4 étapes par jour ouvré", "2.4 steps per working day"},
		{Pace{Steps: 5, Days: 5}, "1 étape par jour ouvré", "1 step per working day"},
		{Pace{Steps: 7, Days: 5}, "1,4 étape par jour ouvré", "1.4 steps per working day"},
		{Pace{Steps: 5432, Days: 5}, "1\u202f086 étapes par jour ouvré", "1,086 steps per working day"},
	}
	for _, c := range cases {
		if fr, en := c.p.Text(French), c.p.Text(English); fr != c.fr || en != c.en {
			t.Errorf("%+v: %q / %q, want %q / %q", c.p, fr, en, c.fr, c.en)
		}
	}
}

func TestPaceMethodNamesTheWindow(t *testing.T) {
	m := PaceMethod()
	if !strings.Contains(m.FR, "5 derniers jours ouvrés") || !strings.Contains(m.EN, "last 5 working days") || !strings.Contains(m.FR, "bascule") {
		t.Fatalf("method: %+v", m)
	}
}
