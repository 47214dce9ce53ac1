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

func networkError(op string, ctx context.Context, err error) attempt {
	if ctx.Err() != nil {
		return attempt{err: cancelled(op, ctx, ctx.Err())}
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return attempt{retry: true, err: &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
			French: "la plateforme n'a pas répondu à temps", English: "the platform did not answer in time", Err: err}}
	}
	fr, en := netReason(err)
	return attempt{retry: true, err: &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
		French: "connexion à la plateforme interrompue ou impossible" + fr, English: "connection to the platform failed or was cut" + en, Err: err}}
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

// errorFrom maps an error answer of the contract to a connectors error.
func (c *Client) errorFrom(op string, status int, hdr http.Header, data []byte) attempt {
	var body httpapi.ErrorBody
	_ = json.Unmarshal(data, &body) // a proxy's HTML page has no body: the status decides
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
		e.French = fmt.Sprintf("réponse inattendue de la plateforme (HTTP %d)", status)
		e.English = fmt.Sprintf("unexpected answer from the platform (HTTP %d)", status)
	}
	ra := parseRetryAfter(hdr.Get(httpapi.HeaderRetryAfter), c.cfg.Now())
	e.RetryAfter = ra
	retry := status == http.StatusTooManyRequests || status == http.StatusInternalServerError ||
		status == http.StatusBadGateway || status == http.StatusServiceUnavailable || status == http.StatusGatewayTimeout
	return attempt{err: e, retry: retry, retryAfter: ra}
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
