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

// A cause quoting what the platform sent is cleaned in both languages.
func TestErrorCauseSanitised(t *testing.T) {
	e := &Error{Op: "v2.SubmitMigration", Kind: ErrUnavailable, French: "réponse illisible", English: "unreadable answer",
		Err: errors.New("parsing time \"\x7f\x1b[2J\u202e\" as \"2006\"")}
	for _, msg := range []string{e.Error(), e.EnglishMessage()} {
		if Sanitize(msg) != msg || strings.ContainsAny(msg, "\x7f\x1b\u202e") {
			t.Errorf("not sanitised: %q", msg)
		}
		if !strings.Contains(msg, "parsing time") {
			t.Errorf("cause lost: %q", msg)
		}
	}
}

func TestLimitKind(t *testing.T) {
	err := fmt.Errorf("x: %w", &Error{Op: "v1.ListClients", Kind: ErrLimit, French: "trop de pages", English: "too many pages"})
	if Code(err) != "limit_exceeded" || Temporary(err) || !errors.Is(err, ErrLimit) {
		t.Fatalf("code %q temporary %v", Code(err), Temporary(err))
	}
	if English(ErrLimit) == "" || ErrLimit.Error() == "" {
		t.Fatal("messages")
	}
}
