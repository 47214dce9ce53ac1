package connectors

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

func TestErrors(t *testing.T) {
	err := fmt.Errorf("wrap: %w", Invalid("v2.ImportClients", "siren", "SIREN invalide", "invalid SIREN"))
	if !errors.Is(err, ErrInvalid) || errors.Is(err, ErrNotFound) {
		t.Fatal("errors.Is on kind")
	}
	var e *Error
	if !errors.As(err, &e) || e.Field != "siren" {
		t.Fatal("errors.As")
	}
	if got := e.Error(); got != "v2.ImportClients : SIREN invalide (champ siren)" {
		t.Errorf("Error() = %q", got)
	}
	if got := English(err); got != "v2.ImportClients: invalid SIREN (field siren)" {
		t.Errorf("English = %q", got)
	}
	if Code(err) != "invalid" {
		t.Errorf("Code = %q", Code(err))
	}

	rl := &Error{Op: "v2.Inventory", Kind: ErrRateLimited, RetryAfter: 3 * time.Second}
	if !Temporary(rl) || !strings.Contains(rl.Error(), "trop de requêtes") {
		t.Errorf("rate limited: %v", rl)
	}

	cause := &Error{Op: "v1.Cabinet", Err: io.ErrUnexpectedEOF}
	if !errors.Is(cause, ErrUnavailable) || !errors.Is(cause, io.ErrUnexpectedEOF) {
		t.Error("nil Kind means unavailable, cause reachable")
	}
	if English(ErrReadOnly) != "platform is read-only" || ErrReadOnly.Error() != "plateforme en lecture seule" {
		t.Error("sentinel messages")
	}
	if Code(nil) != "" || English(nil) != "" || Code(io.EOF) != "" {
		t.Error("nil / foreign errors")
	}
}

// A Go-internal cause stays out of the messages people read, and is
// cleaned where it is shown (it may quote what the platform sent).
func TestErrorCauseSanitised(t *testing.T) {
	e := &Error{Op: "v2.SubmitMigration", Kind: ErrUnavailable, French: "réponse illisible", English: "unreadable answer",
		Err: errors.New("parsing time \"\x7f\x1b[2J\u202e\" as \"2006\"")}
	for _, msg := range []string{e.Error(), e.EnglishMessage()} {
		if Sanitize(msg) != msg || strings.ContainsAny(msg, "\x7f\x1b\u202e") {
			t.Errorf("not sanitised: %q", msg)
		}
		if strings.Contains(msg, "parsing time") {
			t.Errorf("Go internals shown: %q", msg)
		}
	}
	if d := e.Detail(); !strings.Contains(d, "parsing time") || strings.ContainsAny(d, "\x1b\u202e") {
		t.Errorf("Detail = %q", d)
	}
	if !errors.Is(e, e.Err) {
		t.Error("cause unreachable")
	}
	// A cause written for people is part of the message.
	outer := &Error{Op: "sweep", Kind: ErrUnavailable, French: "relevé interrompu", English: "sweep stopped",
		Err: &Error{Op: "v1.ClientSnapshot", Kind: ErrNotFound}}
	if got := outer.Error(); got != "sweep : relevé interrompu : v1.ClientSnapshot : introuvable" {
		t.Errorf("Error() = %q", got)
	}
	if got := outer.EnglishMessage(); got != "sweep: sweep stopped: v1.ClientSnapshot: not found" {
		t.Errorf("EnglishMessage() = %q", got)
	}
}
