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
	u, err := checkBase(op, strings.TrimRight(cfg.BaseURL, "/"))
	if err != nil {
		return nil, err
	}
	loopback := plainHTTPAllowed(u.Hostname())
	if err := cfg.checkCredentials(op); err != nil {
		return nil, err
	}
	if cfg.ServiceFR == "" || cfg.ServiceEN == "" {
		cfg.ServiceFR, cfg.ServiceEN = "la plateforme", "the platform"
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
	// A redirect would carry the bearer token (or the API key) elsewhere,
	// possibly to plain http; the contract has none, so any 3xx is an error.
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
	_, err := c.do(ctx, op, c.contract(http.MethodGet, path, query, "", nil, out))
	return err
}

// GetSized is Get that also returns the size in bytes of the answer
// decoded, so that a caller paging through a listing can bound the total.
func (c *Client) GetSized(ctx context.Context, op, path string, query url.Values, out any) (int, error) {
	res, err := c.do(ctx, op, c.contract(http.MethodGet, path, query, "", nil, out))
	return res.size, err
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
	_, err = c.do(ctx, op, c.contract(http.MethodPost, path, nil, key, body, out))
	return err
}

// Fetch sends GET target and returns the body of a 2xx answer as it came,
// read within limit bytes (MaxResponseBytes when 0), with the same rate
// limit, retries, Retry-After cap and error mapping as Get. target is a
// path under the base address (already escaped) or an absolute URL, which
// must pass CheckURL (plain http:// only to this machine); the credentials
// go only to the base address's scheme and host. With isJSON, a body that
// is not JSON at all (cut by a proxy, garbled) is retried; its shape is the
// caller's to check.
func (c *Client) Fetch(ctx context.Context, op, target string, limit int64, isJSON bool) ([]byte, error) {
	if limit <= 0 {
		limit = c.cfg.MaxResponseBytes
	}
	cl := call{method: http.MethodGet, raw: true, isJSON: isJSON, limit: limit}
	if strings.HasPrefix(target, "/") {
		cl.url, cl.auth = c.endpoint(target, nil), true
	} else {
		u, err := CheckURL(op, "url", target)
		if err != nil {
			return nil, err
		}
		cl.url = u.String()
		cl.auth = u.Scheme == c.base.Scheme && strings.EqualFold(u.Host, c.base.Host)
	}
	res, err := c.do(ctx, op, cl)
	return res.data, err
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

// call is one request, as every attempt sends it again.
type call struct {
	method, url string // url is absolute
	auth        bool   // the URL is on the base address: authenticate
	key         string // Idempotency-Key, if any
	body        []byte // JSON body, if any
	out         any    // decode the JSON answer into it (nil: none)
	raw         bool   // keep the body as is (Fetch)
	isJSON      bool   // with raw: a body that is not JSON is retried
	limit       int64  // bytes of answer allowed
}

// result is what a successful call returns.
type result struct {
	size int
	data []byte // with call.raw
}

func (c *Client) contract(method, path string, query url.Values, key string, body []byte, out any) call {
	return call{method: method, url: c.endpoint(path, query), auth: true, key: key, body: body, out: out, limit: c.cfg.MaxResponseBytes}
}

func (c *Client) do(ctx context.Context, op string, cl call) (result, error) {
	refreshed := false
	for n := 0; ; n++ {
		if err := c.limiter.Wait(ctx); err != nil {
			return result{}, cancelled(op, ctx, err)
		}
		res, a := c.once(ctx, op, cl)
		if a.err == nil {
			return res, nil
		}
		if ctx.Err() != nil {
			return result{}, cancelled(op, ctx, ctx.Err())
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
		if !a.retry || n >= c.cfg.MaxRetries || (cl.method != http.MethodGet && cl.key == "") {
			if n > 0 {
				a.err.French += fmt.Sprintf(" (abandon après %d tentatives)", n+1)
				a.err.English += fmt.Sprintf(" (gave up after %d attempts)", n+1)
			}
			return result{}, a.err
		}
		if err := c.cfg.Sleep(ctx, c.backoff(n, a.retryAfter)); err != nil {
			return result{}, cancelled(op, ctx, err)
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

func (c *Client) once(ctx context.Context, op string, cl call) (result, attempt) {
	var rd io.Reader
	if cl.body != nil {
		rd = bytes.NewReader(cl.body)
	}
	req, err := http.NewRequestWithContext(ctx, cl.method, cl.url, rd)
	if err != nil {
		return result{}, attempt{err: &connectors.Error{Op: op, Kind: connectors.ErrInvalid,
			French: "requête impossible à construire", English: "cannot build request", Err: err}}
	}
	tok := ""
	switch {
	case cl.auth && len(c.cfg.Headers) > 0:
		for k, vs := range c.cfg.Headers {
			req.Header[http.CanonicalHeaderKey(k)] = append([]string(nil), vs...)
		}
	case cl.auth:
		var a attempt
		if tok, a = c.accessToken(ctx, op); a.err != nil {
			return result{}, a
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	if !cl.raw || cl.isJSON {
		req.Header.Set("Accept", "application/json")
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	if cl.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if cl.key != "" {
		req.Header.Set(httpapi.HeaderIdempotencyKey, cl.key)
	}
	status, hdr, data, a := c.send(op, req, cl.limit)
	if a.err != nil {
		return result{}, a
	}
	switch {
	case status == http.StatusUnauthorized && tok != "":
		a := c.errorFrom(op, status, hdr, data)
		a.badToken = tok
		return result{}, a
	case status >= 300:
		return result{}, c.errorFrom(op, status, hdr, data)
	}
	if cl.raw {
		if cl.isJSON && !json.Valid(data) {
			return result{}, c.unreadable(op, nil)
		}
		return result{size: len(data), data: data}, attempt{}
	}
	if cl.out != nil && status != http.StatusNoContent {
		if err := json.Unmarshal(data, cl.out); err != nil {
			// A cut or garbled answer: the request may be sent again (a
			// POST under its key gets the stored answer).
			return result{}, c.unreadable(op, err)
		}
	}
	return result{size: len(data)}, attempt{}
}

func (c *Client) endpoint(path string, query url.Values) string {
	// path is already escaped (httpapi.Path); base has no trailing slash.
	u := c.base.String() + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	return u
}

// send performs req and reads the whole body within limit bytes; an
// answer announcing more is refused before it is read.
func (c *Client) send(op string, req *http.Request, limit int64) (int, http.Header, []byte, attempt) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return 0, nil, nil, c.networkError(op, req.Context(), err)
	}
	defer resp.Body.Close()
	if resp.ContentLength > limit {
		return 0, nil, nil, c.tooLarge(op, limit)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return 0, nil, nil, c.networkError(op, req.Context(), err)
	}
	if int64(len(data)) > limit {
		return 0, nil, nil, c.tooLarge(op, limit)
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
