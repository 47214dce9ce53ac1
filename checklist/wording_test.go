package checklist

import (
	"strings"
	"testing"
	"time"
)

func TestFormatInt(t *testing.T) {
	for _, c := range []struct {
		n      int
		fr, en string
	}{
		{0, "0", "0"},
		{999, "999", "999"},
		{1000, "1\u202f000", "1,000"},
		{10603, "10\u202f603", "10,603"},
		{603000, "603\u202f000", "603,000"},
		{1234567, "1\u202f234\u202f567", "1,234,567"},
		{-12000, "-12\u202f000", "-12,000"},
	} {
		if got := FormatInt(French, c.n); got != c.fr {
			t.Errorf("FormatInt(fr, %d) = %q, want %q", c.n, got, c.fr)
		}
		if got := FormatInt(English, c.n); got != c.en {
			t.Errorf("FormatInt(en, %d) = %q, want %q", c.n, got, c.en)
		}
	}
}

func TestPluralAndCount(t *testing.T) {
	for _, c := range []struct {
		n      int
		fr, en string
	}{
		{0, "0 facture", "0 invoices"},
		{1, "1 facture", "1 invoice"},
		{4, "4 factures", "4 invoices"},
		{10603, "10\u202f603 factures", "10,603 invoices"},
	} {
		got := Count(c.n, "facture", "factures", "invoice", "invoices")
		if got.FR != c.fr || got.EN != c.en {
			t.Errorf("Count(%d) = %q / %q, want %q / %q", c.n, got.FR, got.EN, c.fr, c.en)
		}
	}
}

func TestFormatWorkload(t *testing.T) {
	for _, c := range []struct {
		d      time.Duration
		fr, en string
	}{
		{45 * time.Minute, "≈ 45 min", "≈ 45 min"},
		{6*time.Hour + 40*time.Minute, "≈ 6 h 40", "≈ 6 h 40"},
		{12 * time.Hour, "≈ 12 h", "≈ 12 h"},
		// 12,000 clients: the "≈ 2207 h 15" becomes hours and days.
		{2207*time.Hour + 15*time.Minute, "≈ 2\u202f207 h, soit ≈ 276 j de travail (8 h)", "≈ 2,207 h, i.e. ≈ 276 working days (8 h)"},
	} {
		if got := FormatWorkload(French, c.d); got != c.fr {
			t.Errorf("FormatWorkload(fr, %v) = %q, want %q", c.d, got, c.fr)
		}
		if got := FormatWorkload(English, c.d); got != c.en {
			t.Errorf("FormatWorkload(en, %v) = %q, want %q", c.d, got, c.en)
		}
	}
}

// Reconciliation's time left followed neither the number of clients nor the
// progress ("reste ≈ 18 min" always): the guide times only two cabinet
// steps, so the steps it does not time are counted and said.
func TestReconciliationTimeLeftFollowsClientsAndProgress(t *testing.T) {
	g := Default()
	text := func(r *Run) string {
		return r.PhaseLeft(r.Progress(), PhaseReconciliation, time.Now()).Text(French)
	}
	small, large := NewRun(g, dossiers(5, 0)), NewRun(g, dossiers(40, 0))
	if a, b := text(small), text(large); a == b {
		t.Fatalf("5 and 40 clients give the same time left: %q", a)
	}
	before := text(large)
	pos, _ := g.Position("reconciliation.client.control")
	large.Clients[0].Steps[pos] = StatusDone
	if after := text(large); after == before {
		t.Errorf("ticking a client's reconciliation step leaves %q", after)
	}
	if !strings.HasPrefix(before, "reste ≈ 18 min + ") || !strings.Contains(before, "étapes non chiffrées") {
		t.Errorf("reconciliation for 40 clients: %q", before)
	}
}

func TestPreparationTimeLeftPerClient(t *testing.T) {
	g := Default()
	r := NewRun(g, dossiers(3, 0))
	if got := r.ClientLeft(0).Work; got != 10*time.Minute {
		t.Errorf("one client's time left = %v, want the guide's 10 min", got)
	}
	pos, _ := g.Position("preparation.client.logo")
	r.Clients[0].Steps[pos] = StatusDone
	if got := r.ClientLeft(0).Work; got != 8*time.Minute {
		t.Errorf("after one of 5 steps: %v, want 8 min", got)
	}
	if got := r.ClientLeft(1).Work; got != 10*time.Minute {
		t.Errorf("another client moved: %v", got)
	}
}

// While the answer is awaited the request phase showed "reste ≈ 0 min"; once
// it came, the estimate must go.
func TestRequestWaitIsShownAsAWait(t *testing.T) {
	g := Default()
	r := NewRun(g, dossiers(2, 0))
	sent := time.Date(2026, 12, 7, 10, 0, 0, 0, Paris()) // a Monday
	r.Request.SubmittedAt = sent
	pos, _ := g.Position("request.submit")
	r.Cabinet[pos] = StatusDone
	l := r.PhaseLeft(r.Progress(), PhaseRequest, sent.Add(time.Hour))
	got := l.Text(French)
	if got != "attente de la réponse, estimée le 10/12/2026 à 10:00" {
		t.Errorf("waiting: %q", got)
	}
	if l.Late {
		t.Error("late one hour after sending")
	}
	if late := r.PhaseLeft(r.Progress(), PhaseRequest, sent.AddDate(0, 0, 7)); !late.Late || !strings.HasSuffix(late.Text(French), "(dépassée)") {
		t.Errorf("a week later: %+v %q", late, late.Text(French))
	}
	pos, _ = g.Position("request.answer")
	r.Cabinet[pos] = StatusDone
	got = r.PhaseLeft(r.Progress(), PhaseRequest, sent.Add(time.Hour)).Text(French)
	if strings.Contains(got, "estimée") || strings.Contains(got, "0 min") {
		t.Errorf("after the answer: %q", got)
	}
}

func TestTimeLeftNeverSaysZeroMinutes(t *testing.T) {
	g := Default()
	r := NewRun(g, dossiers(1, 0))
	for _, ph := range Phases() {
		for _, lang := range []Lang{French, English} {
			if got := r.PhaseLeft(r.Progress(), ph, time.Now()).Text(lang); strings.Contains(got, "≈ 0 min") || strings.Contains(got, "(s)") {
				t.Errorf("%s (%s): %q", ph, lang, got)
			}
		}
	}
}

func TestFormatClockIsParisTime(t *testing.T) {
	at := time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)
	if got := FormatClock(French, at); got != "01/07/2026 à 14:00" {
		t.Errorf("summer: %q", got)
	}
	if got := FormatClock(English, at.AddDate(0, 6, 0)); got != "2027-01-01 at 13:00" {
		t.Errorf("winter: %q", got)
	}
}

func TestDoneCount(t *testing.T) {
	count := func(sts ...Status) DoneCount {
		var c DoneCount
		for _, s := range sts {
			c.Add(s)
		}
		return c
	}
	D, N, B, T := StatusDone, StatusNotApplicable, StatusBlocked, StatusTodo
	for _, c := range []struct {
		c      DoneCount
		fr, en string
	}{
		{count(D, D, D, D, B), "4/5 faites, 1 bloquée", "4/5 done, 1 blocked"},
		{count(D, T, T, B, B), "1/5 faite, 2 bloquées", "1/5 done, 2 blocked"},
		{count(T, T, T), "0/3 faites", "0/3 done"},
		{count(D, D, D, D, D, N, N), "7/7 traitées", "7/7 dealt with"},
	} {
		if got := c.c.Text(French); got != c.fr {
			t.Errorf("fr: %q, want %q", got, c.fr)
		}
		if got := c.c.Text(English); got != c.en {
			t.Errorf("en: %q, want %q", got, c.en)
		}
	}
}

func TestFormatInterval(t *testing.T) {
	for d, want := range map[time.Duration]string{3 * time.Second: "3 s", 45 * time.Second: "45 s", 2 * time.Minute: "2 min", time.Hour: "1 h"} {
		if got := FormatInterval(French, d); got != want {
			t.Errorf("FormatInterval(%v) = %q, want %q", d, got, want)
		}
	}
}
