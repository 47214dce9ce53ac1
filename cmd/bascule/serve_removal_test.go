package main

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// The admin removes Claire over SSH (team remove, through the server's
// engine) while she has two sessions open: her wizard (French) and her
// line prompts (English, from her terminal's LANG). Both are told who
// removed her, in their language, and closed; Alice's session goes on, and
// Claire's key opens no new session.
func TestServeRemovalEndsTheSessions(t *testing.T) {
	h := newTeamHarness(t)
	h.start()
	claire := h.openLive("Claire")
	claire.out.waitFor(t, "Clients (")
	lines := h.openLines("Claire", "LANG=en_US.UTF-8")
	alice := h.openLive("Alice")
	alice.out.waitFor(t, "Clients (")

	h.wantRemote(0, "Alice", "team remove Claire")

	for _, c := range []struct {
		s    *gossh.Session
		err  *lockedBuffer
		want string
	}{
		{claire.s, claire.err, "Alice vous a retiré de l'équipe : cette session est fermée."},
		{lines.s, lines.err, "Alice removed you from the team: this session is closed."},
	} {
		c.err.waitFor(t, c.want)
		var ee *gossh.ExitError
		if err := waitSession(t, c.s); !errors.As(err, &ee) || ee.ExitStatus() != exitFailure {
			t.Errorf("removed member's session ended with %v, want exit %d", err, exitFailure)
		}
	}

	// Alice's session still answers.
	m := alice.mark()
	alice.typeKeys(t, "M")
	alice.since(t, m, "Mes dossiers")
	if s := alice.err.String(); s != "" {
		t.Errorf("Alice's session was told something: %q", s)
	}
	// Claire's key no longer opens a session.
	if c, err := h.dial(h.keys["Claire"], nil); err == nil {
		c.Close()
		t.Error("the removed member's key still connects")
	}
	alice.typeKeys(t, "q")
	if err := waitSession(t, alice.s); err != nil {
		t.Errorf("Alice's session: %v", err)
	}
}

// openLines opens a session without a terminal (the line prompts) with the
// given environment, and waits for its first question.
func (h *teamHarness) openLines(who string, env ...string) liveWizard {
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
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		if err := s.Setenv(k, v); err != nil {
			h.t.Fatal(err)
		}
	}
	w := liveWizard{wizard: wizard{s: s, out: newLockedBuffer(), err: newLockedBuffer()}}
	s.Stdout, s.Stderr = w.out, w.err
	if w.in, err = s.StdinPipe(); err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { w.in.Close() })
	if err := s.Shell(); err != nil {
		h.t.Fatal(err)
	}
	w.out.waitFor(h.t, "?")
	return w
}

// waitSession waits for the session's channel to close and returns how it
// ended; it fails the test if it stays open (a hang guard, not a timing).
func waitSession(t *testing.T, s *gossh.Session) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- s.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(30 * time.Second):
		t.Fatal("the session stayed open")
		return io.EOF
	}
}
