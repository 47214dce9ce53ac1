package comapi

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"
)

// Base URLs known from public client code.
const (
	DefaultBaseURL = "https://fichiers.jefacture.com/comapi/v1"
	TestBaseURL    = "https://jefacture.nomadeskpartner.com/comapi/v1"
)

// Config configures a Client. SoftwareID and APIKey are required; every
// other zero field takes the default documented on it. Config never shows
// APIKey: String, GoString, Format, LogValue and JSON all mask it.
type Config struct {
	// BaseURL of the API (default DefaultBaseURL). Plain http:// is refused
	// unless the host is loopback: the API key must not cross a network in
	// clear.
	BaseURL string
	// SoftwareID identifies the calling software (X-SOFTWARE-ID), issued
	// by the publisher.
	SoftwareID string
	// APIKey is the cabinet's key (X-API-KEY).
	APIKey string `json:"-"`

	// HTTPClient, if set, is used instead of the default one (tests,
	// proxies). A zero Timeout on it is replaced by Timeout; redirects are
	// refused either way.
	HTTPClient *http.Client `json:"-"`
	// Timeout bounds one attempt, body included (default 60 s: a download
	// may be large).
	Timeout time.Duration
	// MaxRetries after the first attempt on 429, 5xx, network errors and
	// cut answers (default 4; negative: none).
	MaxRetries int
	// BaseBackoff and MaxBackoff bound the full-jitter exponential backoff
	// (defaults 250 ms and 10 s).
	BaseBackoff, MaxBackoff time.Duration
	// MaxRetryAfter caps the wait a Retry-After asks for (default 30 s).
	MaxRetryAfter time.Duration
	// MaxResponseBytes bounds a JSON answer (default 16 MiB).
	MaxResponseBytes int64
	// MaxEntries bounds the entries of one list (default 100,000): the
	// API is not known to page, so a list is one answer.
	MaxEntries int
	// MaxFileBytes bounds one downloaded file (default 100 MiB).
	MaxFileBytes int64
	// RequestsPerSecond limits the client's rate: zero means 20 requests/s
	// towards a remote host (the API's limits are unknown) and no limit
	// towards loopback; negative means no limit.
	RequestsPerSecond float64
	// UserAgent sent with every request (default "bascule").
	UserAgent string
	// Sleep waits d or until ctx is done (tests replace it).
	Sleep func(ctx context.Context, d time.Duration) error `json:"-"`
	// Now is the clock for HTTP-date Retry-After values (default time.Now).
	Now func() time.Time `json:"-"`
}

const masked = "[masqué]"

func (c Config) redacted() string {
	key := ""
	if c.APIKey != "" {
		key = masked
	}
	return fmt.Sprintf("comapi.Config{BaseURL: %q, SoftwareID: %q, APIKey: %q, Timeout: %v, MaxRetries: %d, MaxEntries: %d}",
		c.BaseURL, c.SoftwareID, key, c.Timeout, c.MaxRetries, c.MaxEntries)
}

// String describes c with the key masked.
func (c Config) String() string { return c.redacted() }

// GoString is String, for %#v.
func (c Config) GoString() string { return c.redacted() }

// Format prints c with the key masked whatever the verb.
func (c Config) Format(f fmt.State, _ rune) { fmt.Fprint(f, c.redacted()) }

// LogValue masks the key in structured logs.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(slog.String("base_url", c.BaseURL), slog.String("software_id", c.SoftwareID),
		slog.String("api_key", masked))
}

// withDefaults fills the zero fields that are the API's own; the retry,
// backoff, rate, clock and user-agent defaults are the shared transport's.
func (c Config) withDefaults() Config {
	if c.BaseURL == "" {
		c.BaseURL = DefaultBaseURL
	}
	if c.Timeout <= 0 {
		c.Timeout = 60 * time.Second
	}
	if c.MaxResponseBytes <= 0 {
		c.MaxResponseBytes = 16 << 20
	}
	if c.MaxEntries <= 0 {
		c.MaxEntries = 100000
	}
	if c.MaxFileBytes <= 0 {
		c.MaxFileBytes = 100 << 20
	}
	return c
}
