package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/bascule-cli/bascule/connectors"
)

// reply is a response computed in full before anything is written, so that
// faults can be applied to it and POST answers stored for replay.
type reply struct {
	status     int
	body       []byte // JSON, nil for 204
	retryAfter time.Duration
}

// jsonReply encodes v as the body of a reply with status.
func jsonReply(status int, v any) reply {
	b, err := json.Marshal(v)
	if err != nil {
		return errorReply(err)
	}
	return reply{status: status, body: b}
}

// errorReply turns a port error into the contract's error answer. Errors
// that are not connectors errors are answered 500 without their text: it
// may hold internals.
func errorReply(err error) reply {
	code := connectors.Code(err)
	body := ErrorBody{Code: code}
	var retryAfter time.Duration
	var e *connectors.Error
	if errors.As(err, &e) {
		body.MessageFR, body.MessageEN, body.Field = e.French, e.English, e.Field
		retryAfter = e.RetryAfter
	}
	if code == "" {
		body.Code = "unavailable"
		body.MessageFR, body.MessageEN = "erreur interne du serveur", "internal server error"
		b, _ := json.Marshal(body)
		return reply{status: http.StatusInternalServerError, body: b}
	}
	if body.MessageFR == "" {
		body.MessageFR = kindOf(err).Error()
	}
	if body.MessageEN == "" {
		body.MessageEN = connectors.English(kindOf(err))
	}
	status := Status(code)
	if status == http.StatusUnauthorized && e != nil && e.Op != "" {
		// The port itself refuses (application not whitelisted…): 403, so
		// that clients do not take it for an expired token.
		status = http.StatusForbidden
	}
	b, _ := json.Marshal(body)
	return reply{status: status, body: b, retryAfter: retryAfter}
}

// kindOf returns the sentinel err wraps.
func kindOf(err error) error {
	for _, k := range []error{connectors.ErrNotFound, connectors.ErrReadOnly, connectors.ErrUnauthorized,
		connectors.ErrRateLimited, connectors.ErrUnavailable, connectors.ErrInvalid, connectors.ErrConflict} {
		if errors.Is(err, k) {
			return k
		}
	}
	return connectors.ErrUnavailable
}

func writeReply(w http.ResponseWriter, rep reply) {
	h := w.Header()
	if rep.retryAfter > 0 {
		h.Set(HeaderRetryAfter, strconv.Itoa(int(math.Ceil(rep.retryAfter.Seconds()))))
	} else if rep.status == http.StatusTooManyRequests || rep.status == http.StatusServiceUnavailable {
		h.Set(HeaderRetryAfter, "1")
	}
	if rep.body != nil {
		h.Set("Content-Type", "application/json; charset=utf-8")
		h.Set("Content-Length", strconv.Itoa(len(rep.body)))
	}
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(rep.status)
	if rep.body != nil {
		w.Write(rep.body)
	}
}

// decode reads a JSON request body strictly: unknown fields and trailing
// data are refused, so that a client drifting from the contract is told.
func decode(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return connectors.Invalid("", "body", "JSON invalide : "+err.Error(), "invalid JSON: "+err.Error())
	}
	if dec.More() {
		return connectors.Invalid("", "body", "données après le JSON", "trailing data after JSON")
	}
	return nil
}
