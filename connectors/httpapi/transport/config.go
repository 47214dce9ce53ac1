package transport

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/connectors"
)

// Config configures a Client. Only BaseURL, ClientID and ClientSecret are
// required; every other zero field takes the default documented on it.
//
// Config never shows ClientSecret: String, GoString, Format, LogValue and
// JSON encoding all mask it, so a Config logged or printed by mistake does
// not leak the secret.
type Config struct {
	// BaseURL of the platform, e.g. "https://api.jefacture.com". Plain
	// http:// is refused unless the host is a literal loopback address
	// (127.0.0.0/8, ::1) or the exact name localhost, which is dialled
	// without any resolver: a bearer token must not cross a network in
	// clear.
	BaseURL      string
	ClientID     string
	ClientSecret string `json:"-"`

	// Headers, when set, authenticate every request with these headers
	// instead of an OAuth2 token: V1's file-export API takes X-SOFTWARE-ID
	// and X-API-KEY. ClientID and ClientSecret are then unused; every
	// header needs a value. They go only to the base address's scheme and
	// host, and their values are masked like the secret.
	Headers http.Header `json:"-"`

	// StatusOnlyErrors says the platform does not speak httpapi's error
	// body: an error answer is mapped from its status alone and no text of
	// its body is shown.
	StatusOnlyErrors bool

	// ServiceFR and ServiceEN name the remote side in error messages, with
	// their article: "l'API d'export V1", "the V1 export API" (default "la
	// plateforme", "the platform").
	ServiceFR, ServiceEN string

	// HTTPClient, if set, is used instead of the one built from the fields
	// below (tests, proxies). A zero Timeout on it is replaced by Timeout,
	// and redirects are refused either way.
	HTTPClient *http.Client `json:"-"`

	// Timeout bounds one attempt, from dialling to the end of the body
	// (default 30 s).
	Timeout time.Duration

	// MaxRetries is the number of retries after the first attempt on 429,
	// 5xx, network errors and unreadable answers (default 4; negative: no
	// retry).
	MaxRetries int

	// BaseBackoff and MaxBackoff bound the full-jitter exponential backoff:
	// before retry n the client sleeps a random time in [0,
	// min(MaxBackoff, BaseBackoff·2ⁿ)] (defaults 250 ms and 10 s).
	BaseBackoff time.Duration
	MaxBackoff  time.Duration

	// MaxRetryAfter caps the wait a Retry-After header asks for (default
	// 30 s): a platform asking for an hour must not freeze the wizard. When
	// retries run out the error still carries the platform's full value.
	MaxRetryAfter time.Duration

	// RequestsPerSecond and Burst set the client-side rate limiter. Zero
	// means 20 requests/s (burst 20) towards a remote host and no limit
	// towards loopback (the local sandbox); negative means no limit.
	RequestsPerSecond float64
	Burst             int

	// MaxResponseBytes bounds an answer body (default 32 MiB, room for the
	// snapshot of a 12,000-client cabinet). A larger answer is an error.
	MaxResponseBytes int64

	// UserAgent sent with every request (default "bascule").
	UserAgent string

	// Sleep waits d or until ctx is done (default: a timer). Tests replace
	// it to observe backoff without waiting.
	Sleep func(ctx context.Context, d time.Duration) error `json:"-"`

	// Now is the clock for token expiry (default time.Now).
	Now func() time.Time `json:"-"`
}

const masked = "[masqué]"

func (c Config) redacted() string {
	secret := ""
	if c.ClientSecret != "" {
		secret = masked
	}
	headers := make([]string, 0, len(c.Headers))
	for k := range c.Headers {
		headers = append(headers, http.CanonicalHeaderKey(k)+": "+masked)
	}
	slices.Sort(headers)
	return fmt.Sprintf("Config{BaseURL: %q, ClientID: %q, ClientSecret: %q, Headers: %q, Timeout: %v, MaxRetries: %d, MaxRetryAfter: %v, RequestsPerSecond: %v}",
		c.BaseURL, c.ClientID, secret, headers, c.Timeout, c.MaxRetries, c.MaxRetryAfter, c.RequestsPerSecond)
}

// checkCredentials requires either header authentication with a value for
// every header, or a client id and secret.
func (c Config) checkCredentials(op string) error {
	if len(c.Headers) == 0 {
		if c.ClientID == "" || c.ClientSecret == "" {
			return connectors.Invalid(op, "client_id", "identifiant et secret client requis", "client id and secret required")
		}
		return nil
	}
	for k, vs := range c.Headers {
		if len(vs) == 0 || strings.TrimSpace(vs[0]) == "" {
			return connectors.Invalid(op, "headers", "en-tête "+http.CanonicalHeaderKey(k)+" sans valeur", "header "+http.CanonicalHeaderKey(k)+" without a value")
		}
	}
	return nil
}

// String describes c with the secret masked.
func (c Config) String() string { return c.redacted() }

// GoString is String, for %#v.
func (c Config) GoString() string { return c.redacted() }

// Format prints c with the secret masked whatever the verb.
func (c Config) Format(f fmt.State, verb rune) { fmt.Fprint(f, c.redacted()) }

// LogValue masks the secret in structured logs.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("base_url", c.BaseURL),
		slog.String("client_id", c.ClientID),
		slog.String("client_secret", masked),
	)
}
