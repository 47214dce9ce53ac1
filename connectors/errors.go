package connectors

import (
	"errors"
	"strings"
	"time"
)

// kind is the type of the sentinel errors below. Its Error method returns the
// French message; English returns the English one.
type kind struct {
	code    string
	french  string
	english string
}

func (k *kind) Error() string { return k.french }

// Code returns a stable English snake_case code ("not_found"…) for logs and JSON.
func (k *kind) Code() string { return k.code }

// English returns the English message.
func (k *kind) English() string { return k.english }

// Sentinel errors. Adapters return them wrapped in an *Error; callers test them
// with errors.Is(err, connectors.ErrNotFound).
var (
	// ErrNotFound: the client, request or resource does not exist.
	ErrNotFound error = &kind{"not_found", "introuvable", "not found"}
	// ErrReadOnly: V1 refuses writes once the cabinet has been migrated.
	ErrReadOnly error = &kind{"read_only", "plateforme en lecture seule", "platform is read-only"}
	// ErrUnauthorized: missing, expired or revoked credentials, or the
	// application is not whitelisted for this space.
	ErrUnauthorized error = &kind{"unauthorized", "accès refusé", "unauthorized"}
	// ErrRateLimited: the platform asks to slow down; see Error.RetryAfter.
	ErrRateLimited error = &kind{"rate_limited", "trop de requêtes, réessayer plus tard", "rate limited, retry later"}
	// ErrUnavailable: network failure, timeout or server error; retrying may help.
	ErrUnavailable error = &kind{"unavailable", "plateforme indisponible", "platform unavailable"}
	// ErrInvalid: a value was refused; Error.Field names it.
	ErrInvalid error = &kind{"invalid", "valeur invalide", "invalid value"}
	// ErrConflict: the resource already exists, or an idempotency key was
	// reused with a different payload.
	ErrConflict error = &kind{"conflict", "conflit avec l'existant", "conflict with existing data"}
	// ErrLimit: the platform's answer goes past a bound bascule sets on
	// what it accepts (pages of a listing, a cursor that comes back, a
	// size). Retrying the same call will not help.
	ErrLimit error = &kind{"limit_exceeded", "limite dépassée dans la réponse de la plateforme", "limit exceeded in the platform's answer"}
)

// Error is the error every port method returns. Kind is one of the sentinels
// above (so errors.Is works through it), Err the underlying cause if any.
type Error struct {
	Op         string        // operation, e.g. "v2.SetNumbering"
	Kind       error         // ErrNotFound, ErrInvalid…; nil means ErrUnavailable
	Field      string        // offending field for ErrInvalid, e.g. "siren"
	French     string        // message for the user, in French (defaults to Kind's)
	English    string        // same message in English (defaults to Kind's)
	RetryAfter time.Duration // for ErrRateLimited / ErrUnavailable, 0 if unknown
	Err        error         // underlying cause, may be nil
}

func (e *Error) kind() error {
	if e.Kind == nil {
		return ErrUnavailable
	}
	return e.Kind
}

// Error returns the French message: "op : message (champ field)", then
// ": cause" when the cause is itself written for people (a connectors
// error, or one with an English method). A Go-internal cause (a network or
// decoding error: "dial tcp…", "json: cannot unmarshal…") stays out of the
// message: Unwrap reaches it, Detail gives its text for logs.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(" : ")
	}
	msg := e.French
	if msg == "" {
		msg = e.kind().Error()
	}
	b.WriteString(msg)
	if e.Field != "" {
		b.WriteString(" (champ ")
		b.WriteString(e.Field)
		b.WriteString(")")
	}
	if e.Err != nil && forPeople(e.Err) {
		b.WriteString(" : ")
		b.WriteString(e.Err.Error())
	}
	// The platform's own message (French, Field) is outside text: the
	// message is cleaned like any other.
	return Sanitize(b.String())
}

// Detail returns the text of the underlying cause, sanitised (it may quote
// what the platform sent), for logs and support; "" without a cause.
func (e *Error) Detail() string {
	if e.Err == nil {
		return ""
	}
	return Sanitize(e.Err.Error())
}

// forPeople reports whether err's message was written for the user rather
// than by the Go runtime or a library.
func forPeople(err error) bool {
	var e *Error
	var k *kind
	var en interface{ English() string }
	var enMsg interface{ EnglishMessage() string }
	return errors.As(err, &e) || errors.As(err, &k) || errors.As(err, &en) || errors.As(err, &enMsg)
}

// EnglishMessage returns the English counterpart of Error().
func (e *Error) EnglishMessage() string {
	var b strings.Builder
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	msg := e.English
	if msg == "" {
		msg = English(e.kind())
	}
	b.WriteString(msg)
	if e.Field != "" {
		b.WriteString(" (field ")
		b.WriteString(e.Field)
		b.WriteString(")")
	}
	if e.Err != nil && forPeople(e.Err) {
		b.WriteString(": ")
		b.WriteString(English(e.Err))
	}
	return Sanitize(b.String())
}

// Unwrap exposes both the kind and the cause to errors.Is / errors.As.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.kind()}
	}
	return []error{e.kind(), e.Err}
}

// Invalid returns an ErrInvalid error for field with French and English messages.
func Invalid(op, field, french, english string) *Error {
	return &Error{Op: op, Kind: ErrInvalid, Field: field, French: french, English: english}
}

// English returns the English message of err: EnglishMessage for an *Error in
// the chain, the English text of a sentinel, or err.Error() otherwise.
// It returns "" for a nil error.
func English(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.EnglishMessage()
	}
	var k *kind
	if errors.As(err, &k) {
		return k.english
	}
	return err.Error()
}

// Code returns the stable snake_case code of err's kind ("not_found",
// "read_only", "unauthorized", "rate_limited", "unavailable", "invalid",
// "conflict", "limit_exceeded"), or "" if err is nil or none of them.
func Code(err error) string {
	for _, k := range []error{ErrNotFound, ErrReadOnly, ErrUnauthorized, ErrRateLimited, ErrUnavailable, ErrInvalid, ErrConflict, ErrLimit} {
		if errors.Is(err, k) {
			return k.(*kind).code
		}
	}
	return ""
}

// Temporary reports whether retrying the same call later may succeed
// (ErrRateLimited or ErrUnavailable).
func Temporary(err error) bool {
	return errors.Is(err, ErrRateLimited) || errors.Is(err, ErrUnavailable)
}
