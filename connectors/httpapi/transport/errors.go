package transport

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/httpapi"
)

func (c *Client) networkError(op string, ctx context.Context, err error) attempt {
	if ctx.Err() != nil {
		return attempt{err: cancelled(op, ctx, ctx.Err())}
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return attempt{retry: true, err: &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
			French: c.cfg.ServiceFR + " n'a pas répondu à temps", English: c.cfg.ServiceEN + " did not answer in time", Err: err}}
	}
	fr, en := netReason(err)
	return attempt{retry: true, err: &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
		French: "connexion à " + c.cfg.ServiceFR + " interrompue ou impossible" + fr, English: "connection to " + c.cfg.ServiceEN + " failed or was cut" + en, Err: err}}
}

// unreadable is the error of an answer that is not the JSON it should be:
// cut or garbled on the way, so the request may be sent again (a POST
// under its key gets the stored answer).
func (c *Client) unreadable(op string, err error) attempt {
	return attempt{retry: true, err: &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
		French:  "réponse illisible de " + c.cfg.ServiceFR + " (JSON invalide ou coupé)",
		English: "unreadable answer from " + c.cfg.ServiceEN + " (invalid or cut JSON)", Err: err}}
}

// tooLarge is the error of an answer past the size limit.
func (c *Client) tooLarge(op string, limit int64) attempt {
	return attempt{err: &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
		French:  fmt.Sprintf("réponse de %s trop volumineuse (plus de %d octets)", c.cfg.ServiceFR, limit),
		English: fmt.Sprintf("answer from %s too large (more than %d bytes)", c.cfg.ServiceEN, limit)}}
}

// cancelled is the error of a call whose context ended.
func cancelled(op string, ctx context.Context, err error) *connectors.Error {
	if cerr := ctx.Err(); cerr != nil {
		err = cerr
	}
	fr, en := "opération annulée", "operation cancelled"
	if errors.Is(err, context.DeadlineExceeded) {
		fr, en = "délai de l'opération dépassé", "operation deadline exceeded"
	}
	return &connectors.Error{Op: op, Kind: connectors.ErrUnavailable, French: fr, English: en, Err: err}
}

// errorFrom maps an error answer to a connectors error: from the
// contract's error body, or from the status alone (StatusOnlyErrors).
func (c *Client) errorFrom(op string, status int, hdr http.Header, data []byte) attempt {
	var e *connectors.Error
	if c.cfg.StatusOnlyErrors {
		e = c.statusError(op, status)
	} else {
		e = c.contractError(op, status, data)
	}
	ra := parseRetryAfter(hdr.Get(httpapi.HeaderRetryAfter), c.cfg.Now())
	e.RetryAfter = ra
	retry := status == http.StatusTooManyRequests || status == http.StatusInternalServerError ||
		status == http.StatusBadGateway || status == http.StatusServiceUnavailable || status == http.StatusGatewayTimeout
	return attempt{err: e, retry: retry, retryAfter: ra}
}

// contractError reads httpapi's error body; a proxy's HTML page has none,
// and the status decides.
func (c *Client) contractError(op string, status int, data []byte) *connectors.Error {
	var body httpapi.ErrorBody
	_ = json.Unmarshal(data, &body)
	kind := httpapi.Kind(body.Code, status)
	e := &connectors.Error{Op: op, Kind: kind,
		French:  connectors.Sanitize(body.MessageFR),
		English: connectors.Sanitize(body.MessageEN),
		Field:   connectors.Sanitize(body.Field),
	}
	if kind != nil && e.French == "" {
		e.French = kind.Error()
	}
	if kind != nil && e.English == "" {
		e.English = connectors.English(kind)
	}
	if kind == nil {
		e.Kind = connectors.ErrUnavailable
		e.French = fmt.Sprintf("réponse inattendue de %s (HTTP %d)", c.cfg.ServiceFR, status)
		e.English = fmt.Sprintf("unexpected answer from %s (HTTP %d)", c.cfg.ServiceEN, status)
	}
	return e
}

// statusError words an error answer from its status alone: the body of a
// platform that does not speak the contract is neither trusted nor shown.
func (c *Client) statusError(op string, status int) *connectors.Error {
	fr, en := c.cfg.ServiceFR, c.cfg.ServiceEN
	e := &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
		French:  fmt.Sprintf("réponse inattendue de %s (HTTP %d)", fr, status),
		English: fmt.Sprintf("unexpected answer from %s (HTTP %d)", en, status)}
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		e.Kind = connectors.ErrUnauthorized
		e.French, e.English = fmt.Sprintf("accès refusé par %s (HTTP %d)", fr, status), fmt.Sprintf("access refused by %s (HTTP %d)", en, status)
	case status == http.StatusNotFound || status == http.StatusGone:
		e.Kind = connectors.ErrNotFound
		e.French, e.English = fmt.Sprintf("introuvable sur %s (HTTP %d)", fr, status), fmt.Sprintf("not found on %s (HTTP %d)", en, status)
	case status == http.StatusTooManyRequests:
		e.Kind = connectors.ErrRateLimited
		e.French, e.English = fmt.Sprintf("trop de requêtes vers %s (HTTP 429)", fr), fmt.Sprintf("too many requests to %s (HTTP 429)", en)
	case status >= 300 && status < 400:
		e.French, e.English = fmt.Sprintf("redirection refusée de %s (HTTP %d)", fr, status), fmt.Sprintf("redirect from %s refused (HTTP %d)", en, status)
	}
	return e
}

// maxRetryAfterHint bounds the delay a Retry-After may report, whichever
// form it takes: more is absurd, and seconds beyond it would overflow. The
// wait itself is capped far lower by Config.MaxRetryAfter.
const maxRetryAfterHint = 365 * 24 * time.Hour

// parseRetryAfter reads delay-seconds or an HTTP date; 0 if absent or bad.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil {
		if s <= 0 {
			return 0
		}
		if s > int64(maxRetryAfterHint/time.Second) {
			return maxRetryAfterHint
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return min(t.Sub(now), maxRetryAfterHint)
	}
	return 0
}
