package main

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
)

// liveWizard is a full-screen session over SSH the test types into.
type liveWizard struct {
	wizard
	in io.WriteCloser
}

func (h *teamHarness) openLive(who string) liveWizard {
	h.t.Helper()
	c, err := h.dial(h.keys[who], nil)
	if err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { c.Close() })
	s, err := c.NewSession()
	if err != nil {
		h.t.Fatal(err)
	}
	w := liveWizard{wizard: wizard{s: s, out: newLockedBuffer(), err: newLockedBuffer()}}
	s.Stdout, s.Stderr = w.out, w.err
	if w.in, err = s.StdinPipe(); err != nil {
		h.t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		h.t.Fatal(err)
	}
	if err := s.Shell(); err != nil {
		h.t.Fatal(err)
	}
	// The server asks the terminal its background colour (then its
	// attributes, to know when the answer will not come): answer as a
	// dark terminal does.
	w.out.waitFor(h.t, "\x1b[c")
	w.typeKeys(h.t, "\x1b]11;rgb:0000/0000/0000\x1b\\", "\x1b[?62;c")
	return w
}

// typeKeys sends keystrokes as a terminal would.
func (w liveWizard) typeKeys(t *testing.T, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if _, err := io.WriteString(w.in, k); err != nil {
			t.Fatal(err)
		}
	}
}

// since waits for want in what the session drew after mark (a length of
// its output taken earlier), so that an old screen does not count.
func (w liveWizard) since(t *testing.T, mark int, want string) {
	t.Helper()
	guard := time.NewTimer(30 * time.Second)
	defer guard.Stop()
	for !strings.Contains(w.out.String()[mark:], want) {
		select {
		case <-w.out.changed:
		case <-guard.C:
			t.Fatalf("never saw %q in:\n%q", want, w.out.String()[mark:])
		}
	}
}

func (w liveWizard) mark() int { return len(w.out.String()) }

const (
	keyDown  = "\x1b[B"
	keyEnter = "\r"
)

// openDossier filters the dashboard on a SIREN and opens that client. Keys
// are sent once the screen shows the previous one was read: a burst of
// text would reach the program as one paste.
func (w liveWizard) openDossier(t *testing.T, siren, name string) {
	t.Helper()
	w.out.waitFor(t, "Clients (")
	w.filter(t, siren, siren+"▏")
	m := w.mark()
	w.typeKeys(t, keyEnter+keyEnter)
	w.since(t, m, name)
}

// filter opens the dashboard's filter, empties it and types query, then
// waits for want.
func (w liveWizard) filter(t *testing.T, query, want string) {
	t.Helper()
	m := w.mark()
	w.typeKeys(t, "/")
	w.since(t, m, "▏")
	m = w.mark()
	w.typeKeys(t, "\x15"+query)
	w.since(t, m, want)
}

// back leaves a dossier for the dashboard.
func (w liveWizard) back(t *testing.T) {
	t.Helper()
	m := w.mark()
	w.typeKeys(t, "\x1b")
	w.since(t, m, "Clients (")
}

// Two sessions on the demo: each sees who else is on the dossier, a step
// ticked in one appears in the other at once, the other changes it in
// turn and that later change stands, and the audit keeps both under their
// authors' names.
func TestServeLiveTwoSessions(t *testing.T) {
	h := newTeamHarness(t)
	siren, name := demoClient(t, h, "cli-00002")
	siren7, name7 := demoClient(t, h, "cli-00007")
	h.start()
	alice := h.openLive("Alice")
	alice.openDossier(t, siren, name)
	claire := h.openLive("Claire")
	m := alice.mark()
	claire.openDossier(t, siren, name)
	alice.since(t, m, "Claire est sur ce dossier")
	claire.out.waitFor(t, "Alice est sur ce dossier")

	// Claire ticks the logo (third step of the dossier): Alice sees it.
	m = alice.mark()
	claire.typeKeys(t, keyDown, keyDown, " ")
	alice.since(t, m, "Claire a changé « Récupérer le logo de l'entreprise » : fait")
	// Alice, a moment later, says it is blocked: the later change stands,
	// Claire sees it at once.
	m = claire.mark()
	alice.typeKeys(t, keyDown, keyDown, "b")
	alice.out.waitFor(t, "Raison (bloqué)")
	alice.typeKeys(t, "logo flou", keyEnter)
	claire.since(t, m, "Alice a changé « Récupérer le logo de l'entreprise » : bloqué")

	// Outside her portfolio, Claire's change is refused by the shared
	// engine, whatever her screen offered.
	claire.back(t)
	claire.filter(t, siren7, siren7+"▏")
	m = claire.mark()
	claire.typeKeys(t, keyEnter+keyEnter)
	claire.since(t, m, name7)
	m = claire.mark()
	claire.typeKeys(t, keyDown, keyDown, " ")
	claire.since(t, m, "portefeuille de Claire")

	for _, w := range []liveWizard{alice, claire} {
		w.typeKeys(t, "q")
		_ = w.s.Wait()
	}
	if err := h.stopServer(); !errors.Is(err, errInterrupted) {
		t.Errorf("stopping the server: %v", err)
	}
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	evs, err := db.Events("demo", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range evs {
		if e.Action == store.ActionStep && e.Ref.Step == checklist.StepClientLogo {
			got = append(got, e.Ref.Client+" "+e.Who+" "+e.To)
		}
	}
	want := []string{"cli-00002 Claire done", "cli-00002 Alice blocked"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("audit of the logo steps: %q, want %q", got, want)
	}
	st, err := db.StepState("demo", checklist.Ref{Step: checklist.StepClientLogo, Client: "cli-00002"})
	if err != nil || st.Status != checklist.StatusBlocked || st.By != "Alice" {
		t.Errorf("the logo step is %v by %q (%v), want the later change", st.Status, st.By, err)
	}
}

// An "entreprise" user's session on the shared engine: his dossier only,
// and another's change to it shows at once.
func TestServeLiveEntreprise(t *testing.T) {
	h := newTeamHarness(t)
	siren, name := demoClient(t, h, "cli-00003")
	other, _ := demoClient(t, h, "cli-00002")
	h.start()
	eric := h.openLive("Eric")
	eric.openDossier(t, siren, name)
	m := eric.mark()
	h.wantRemote(0, "Alice", "step set client logo --client cli-00003 --status in_progress")
	eric.since(t, m, "Alice a changé « Récupérer le logo de l'entreprise » : en cours")
	// Another client is nowhere in his list.
	eric.back(t)
	eric.filter(t, other, "aucun client ne correspond")
	eric.typeKeys(t, keyEnter, "q")
	_ = eric.s.Wait()
}

// demoClient reads a demo client's SIREN and name from the database.
func demoClient(t *testing.T, h *teamHarness, id string) (siren, name string) {
	t.Helper()
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	run, err := db.LoadRun("demo", checklist.Default())
	if err != nil {
		t.Fatal(err)
	}
	ci := run.ClientIndex(id)
	if ci < 0 {
		t.Fatalf("no demo client %s", id)
	}
	return run.Clients[ci].SIREN, run.Clients[ci].Name
}
