package transport

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/httpapi"
)

// Client speaks the contract of package httpapi: it gets and caches the
// OAuth2 token, limits its rate, retries what may be retried and maps every
// failure to a connectors error. It is safe for concurrent use.
type Client struct {
	cfg     Config
	base    *url.URL
	hc      *http.Client
	limiter *rate.Limiter

	// tokenSem serialises token requests (a channel, not a mutex, so that
	// a caller waiting for another's token request still honours its ctx).
	tokenSem chan struct{}
	tokMu    sync.Mutex
	token    string
	expiry   time.Time
}

// New checks cfg, fills its defaults and returns a Client. op names the
// caller in errors ("v1.New").
func New(op string, cfg Config) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(cfg.BaseURL, "/"))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, connectors.Invalid(op, "base_url",
			fmt.Sprintf("adresse de la plateforme %q invalide : attendu https://hôte[:port][/chemin]", cfg.BaseURL),
			fmt.Sprintf("invalid platform address %q: expected https://host[:port][/path]", cfg.BaseURL))
	}
	loopback := plainHTTPAllowed(u.Hostname())
	if u.Scheme == "http" && !loopback {
		return nil, connectors.Invalid(op, "base_url",
			fmt.Sprintf("adresse %q refusée : http:// en clair n'est permis que vers cette machine, par son adresse (127.0.0.1, ::1) ou le nom exact localhost ; utilisez https://", cfg.BaseURL),
			fmt.Sprintf("address %q refused: plain http:// is only allowed to this machine, by its address (127.0.0.1, ::1) or the exact name localhost; use https://", cfg.BaseURL))
	}
	if cfg.ClientID == "" || cfg.ClientSecret == "" {
		return nil, connectors.Invalid(op, "client_id",
			"identifiant et secret client requis", "client id and secret required")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	switch {
	case cfg.MaxRetries == 0:
		cfg.MaxRetries = 4
	case cfg.MaxRetries < 0:
		cfg.MaxRetries = 0
	}
	if cfg.BaseBackoff <= 0 {
		cfg.BaseBackoff = 250 * time.Millisecond
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 10 * time.Second
	}
	if cfg.MaxRetryAfter <= 0 {
		cfg.MaxRetryAfter = 30 * time.Second
	}
	if cfg.MaxResponseBytes <= 0 {
		cfg.MaxResponseBytes = 32 << 20
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = "bascule"
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleep
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	limit, burst := rate.Inf, 0
	switch {
	case cfg.RequestsPerSecond > 0:
		limit, burst = rate.Limit(cfg.RequestsPerSecond), cfg.Burst
	case cfg.RequestsPerSecond == 0 && !loopback:
		limit, burst = 20, cfg.Burst
		if burst <= 0 {
			burst = 20
		}
	}
	if burst <= 0 {
		burst = max(1, int(cfg.RequestsPerSecond))
	}

	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{Transport: newTransport(cfg.Timeout)}
	} else {
		copied := *hc
		hc = &copied
	}
	if hc.Timeout <= 0 {
		hc.Timeout = cfg.Timeout
	}
	// A redirect would carry the bearer token elsewhere, possibly to plain
	// http; the contract has none, so any 3xx is an error.
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	return &Client{
		cfg:      cfg,
		base:     u,
		hc:       hc,
		limiter:  rate.NewLimiter(limit, burst),
		tokenSem: make(chan struct{}, 1),
	}, nil
}

// String describes the client without its secret.
func (c *Client) String() string { return "transport.Client{" + c.cfg.redacted() + "}" }

// GoString is String.
func (c *Client) GoString() string { return c.String() }

// Format prints the client without its secret whatever the verb: the
// default %v of a struct would print the unexported config, secret included.
func (c *Client) Format(f fmt.State, verb rune) { fmt.Fprint(f, c.String()) }

// Get sends GET path?query and decodes the JSON answer into out. op names
// the port method in errors ("v1.Cabinet").
func (c *Client) Get(ctx context.Context, op, path string, query url.Values, out any) error {
	_, err := c.do(ctx, op, http.MethodGet, path, query, "", nil, out)
	return err
}

// GetSized is Get that also returns the size in bytes of the answer
// decoded, so that a caller paging through a listing can bound the total.
func (c *Client) GetSized(ctx context.Context, op, path string, query url.Values, out any) (int, error) {
	return c.do(ctx, op, http.MethodGet, path, query, "", nil, out)
}

// Post sends in as JSON to path with the Idempotency-Key key (a random one
// when key is empty) and decodes the answer into out (nil to ignore it). It
// is retried, with the same key, like a GET: the platform replays the
// answer instead of acting twice.
func (c *Client) Post(ctx context.Context, op, path, key string, in, out any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return &connectors.Error{Op: op, Kind: connectors.ErrInvalid, French: "requête impossible à encoder",
			English: "request cannot be encoded", Err: err}
	}
	if key == "" {
		key = NewKey()
	}
	_, err = c.do(ctx, op, http.MethodPost, path, nil, key, body, out)
	return err
}

// NewKey returns a random idempotency key (128 bits, hex).
func NewKey() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// attempt is the outcome of one try.
type attempt struct {
	err        *connectors.Error
	retry      bool          // the same request may be sent again
	retryAfter time.Duration // what the platform asked for, uncapped
	badToken   string        // a 401 for this token: refresh and retry once
	size       int           // bytes of the answer, on success
}

func (c *Client) do(ctx context.Context, op, method, path string, query url.Values, key string, body []byte, out any) (int, error) {
	refreshed := false
	for n := 0; ; n++ {
		if err := c.limiter.Wait(ctx); err != nil {
			return 0, cancelled(op, ctx, err)
		}
		a := c.once(ctx, op, method, path, query, key, body, out)
		if a.err == nil {
			return a.size, nil
		}
		if ctx.Err() != nil {
			return 0, cancelled(op, ctx, ctx.Err())
		}
		if a.badToken != "" && !refreshed {
			// The token expired or was revoked before the time it
			// announced: get a new one, once, and retry at once.
			refreshed = true
			c.forgetToken(a.badToken)
			n--
			continue
		}
		// A POST is retried only under its idempotency key.
		if !a.retry || n >= c.cfg.MaxRetries || (method != http.MethodGet && key == "") {
			if n > 0 {
				a.err.French += fmt.Sprintf(" (abandon après %d tentatives)", n+1)
				a.err.English += fmt.Sprintf(" (gave up after %d attempts)", n+1)
			}
			return 0, a.err
		}
		if err := c.cfg.Sleep(ctx, c.backoff(n, a.retryAfter)); err != nil {
			return 0, cancelled(op, ctx, err)
		}
	}
}

// backoff returns the wait before retry n+1: the platform's Retry-After
// capped by MaxRetryAfter, or else a full-jitter exponential delay.
func (c *Client) backoff(n int, retryAfter time.Duration) time.Duration {
	if retryAfter > 0 {
		return min(retryAfter, c.cfg.MaxRetryAfter)
	}
	ceiling := c.cfg.MaxBackoff
	if n < 30 && c.cfg.BaseBackoff<<n < ceiling && c.cfg.BaseBackoff<<n > 0 {
		ceiling = c.cfg.BaseBackoff << n
	}
	return time.Duration(mrand.Int64N(int64(ceiling) + 1))
}

func (c *Client) once(ctx context.Context, op, method, path string, query url.Values, key string, body []byte, out any) attempt {
	tok, a := c.accessToken(ctx, op)
	if a.err != nil {
		return a
	}
	u := c.endpoint(path, query)
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return attempt{err: &connectors.Error{Op: op, Kind: connectors.ErrInvalid,
			French: "requête impossible à construire", English: "cannot build request", Err: err}}
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if key != "" {
		req.Header.Set(httpapi.HeaderIdempotencyKey, key)
	}
	status, hdr, data, a := c.send(op, req)
	if a.err != nil {
		return a
	}
	switch {
	case status == http.StatusUnauthorized:
		a := c.errorFrom(op, status, hdr, data)
		a.badToken = tok
		return a
	case status >= 300:
		return c.errorFrom(op, status, hdr, data)
	}
	if out != nil && status != http.StatusNoContent {
		if err := json.Unmarshal(data, out); err != nil {
			// A cut or garbled answer: the request may be sent again (a
			// POST under its key gets the stored answer).
			return attempt{retry: true, err: &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
				French:  "réponse illisible de la plateforme (JSON invalide)",
				English: "unreadable answer from the platform (invalid JSON)", Err: err}}
		}
	}
	return attempt{size: len(data)}
}

func (c *Client) endpoint(path string, query url.Values) string {
	// path is already escaped (httpapi.Path); base has no trailing slash.
	u := c.base.String() + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	return u
}

// send performs req and reads the whole body within MaxResponseBytes.
func (c *Client) send(op string, req *http.Request) (int, http.Header, []byte, attempt) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return 0, nil, nil, networkError(op, req.Context(), err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, c.cfg.MaxResponseBytes+1))
	if err != nil {
		return 0, nil, nil, networkError(op, req.Context(), err)
	}
	if int64(len(data)) > c.cfg.MaxResponseBytes {
		return 0, nil, nil, attempt{err: &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
			French:  fmt.Sprintf("réponse de la plateforme trop volumineuse (plus de %d octets)", c.cfg.MaxResponseBytes),
			English: fmt.Sprintf("answer from the platform too large (more than %d bytes)", c.cfg.MaxResponseBytes)}}
	}
	return resp.StatusCode, resp.Header, data, attempt{}
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
