package comapi

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/time/rate"

	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/httpapi"
)

// Client reads V1's file-export API. It implements connectors.V1Files and
// is safe for concurrent use.
type Client struct {
	cfg     Config
	base    *url.URL
	hc      *http.Client
	limiter *rate.Limiter
}

var _ connectors.V1Files = (*Client)(nil)

// New checks cfg, fills its defaults and returns a Client.
func New(cfg Config) (*Client, error) {
	const op = "comapi.New"
	cfg = cfg.withDefaults()
	u, err := checkURL(strings.TrimRight(cfg.BaseURL, "/"))
	if err != nil {
		return nil, connectors.Invalid(op, "base_url", "adresse de l'API d'export V1 : "+err.Error(), "V1 export API address: "+connectors.English(err))
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, connectors.Invalid(op, "base_url", "adresse de l'API d'export V1 avec requête ou fragment", "V1 export API address with query or fragment")
	}
	if strings.TrimSpace(cfg.SoftwareID) == "" || strings.TrimSpace(cfg.APIKey) == "" {
		return nil, connectors.Invalid(op, "api_key", "identifiant logiciel (X-SOFTWARE-ID) et clé d'API (X-API-KEY) requis",
			"software id (X-SOFTWARE-ID) and API key (X-API-KEY) required")
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: cfg.Timeout,
			MaxIdleConnsPerHost:   16,
			IdleConnTimeout:       90 * time.Second,
		}}
	} else {
		copied := *hc
		hc = &copied
	}
	if hc.Timeout <= 0 {
		hc.Timeout = cfg.Timeout
	}
	// A redirect could carry the API key elsewhere: none is followed.
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	limit := rate.Inf
	switch {
	case cfg.RequestsPerSecond > 0:
		limit = rate.Limit(cfg.RequestsPerSecond)
	case cfg.RequestsPerSecond == 0 && !httpapi.IsLoopbackHost(u.Hostname()):
		limit = 20
	}
	burst := 1
	if limit != rate.Inf {
		burst = max(1, int(limit))
	}
	return &Client{cfg: cfg, base: u, hc: hc, limiter: rate.NewLimiter(limit, burst)}, nil
}

// checkURL parses an absolute http(s) URL; plain http only to loopback.
func checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") || u.User != nil {
		return nil, connectors.Invalid("", "url", fmt.Sprintf("%q invalide : attendu https://hôte[:port][/chemin]", connectors.Sanitize(raw)),
			fmt.Sprintf("%q invalid: expected https://host[:port][/path]", connectors.Sanitize(raw)))
	}
	if u.Scheme == "http" && !httpapi.IsLoopbackHost(u.Hostname()) {
		return nil, connectors.Invalid("", "url", fmt.Sprintf("%q refusée : http:// en clair n'est permis que vers cette machine ; utilisez https://", connectors.Sanitize(raw)),
			fmt.Sprintf("%q refused: plain http:// only to this machine; use https://", connectors.Sanitize(raw)))
	}
	return u, nil
}

// String describes the client without its key.
func (c *Client) String() string { return "comapi.Client{" + c.cfg.redacted() + "}" }

// GoString is String.
func (c *Client) GoString() string { return c.String() }

// Format prints the client without its key whatever the verb.
func (c *Client) Format(f fmt.State, _ rune) { fmt.Fprint(f, c.String()) }

// Enterprises implements connectors.V1Files: GET /enterprise.
func (c *Client) Enterprises(ctx context.Context) ([]connectors.Enterprise, error) {
	const op = "comapi.Enterprises"
	data, err := c.get(ctx, op, c.base.String()+"/enterprise", true, true, c.cfg.MaxResponseBytes)
	if err != nil {
		return nil, err
	}
	list, err := ParseEnterprises(data, c.cfg.MaxEntries)
	var se *ShapeError
	if errors.As(err, &se) {
		return nil, se.asError(op)
	}
	return list, err
}

// Files implements connectors.V1Files: GET /invoice/{siren}/{dir}/{folder}.
func (c *Client) Files(ctx context.Context, siren string, box connectors.FileBox) ([]connectors.V1File, error) {
	const op = "comapi.Files"
	siren = ident.NormalizeSIREN(siren)
	if err := ident.ValidateSIREN(siren); err != nil {
		return nil, connectors.Invalid(op, "siren", "SIREN "+connectors.Sanitize(siren)+" invalide", "invalid SIREN "+connectors.Sanitize(siren))
	}
	if !box.Valid() {
		return nil, connectors.Invalid(op, "folder", "dossier "+connectors.Sanitize(box.String())+" inconnu (attendu AP|AR et Transfer|Archived)",
			"unknown folder "+connectors.Sanitize(box.String())+" (expected AP|AR and Transfer|Archived)")
	}
	u := c.base.String() + httpapi.Path("/invoice/{siren}/{direction}/{folder}", siren, string(box.Direction), string(box.Folder))
	data, err := c.get(ctx, op, u, true, true, c.cfg.MaxResponseBytes)
	if err != nil {
		return nil, err
	}
	files, err := ParseFiles(data, c.cfg.MaxEntries, siren, box, func(raw string) error {
		_, err := checkURL(raw)
		return err
	})
	var se *ShapeError
	if errors.As(err, &se) {
		return nil, se.asError(op)
	}
	return files, err
}

// Download implements connectors.V1Files: it fetches f.DownloadURL (with the
// API headers only when it is on the API's own host) within MaxFileBytes
// and refuses a body whose length is not f.Size.
func (c *Client) Download(ctx context.Context, f connectors.V1File, w io.Writer) (int64, error) {
	const op = "comapi.Download"
	u, err := checkURL(f.DownloadURL)
	if err != nil {
		return 0, connectors.Invalid(op, "downloadurl", "adresse de téléchargement : "+err.Error(), "download address: "+connectors.English(err))
	}
	if f.Size > c.cfg.MaxFileBytes {
		return 0, tooLarge(op, connectors.Sanitize(f.Name), c.cfg.MaxFileBytes)
	}
	sameHost := u.Scheme == c.base.Scheme && strings.EqualFold(u.Host, c.base.Host)
	data, err := c.get(ctx, op, u.String(), sameHost, false, c.cfg.MaxFileBytes)
	if err != nil {
		return 0, err
	}
	if int64(len(data)) != f.Size {
		return 0, &connectors.Error{Op: op, Kind: connectors.ErrUnavailable, Field: "size",
			French:  fmt.Sprintf("téléchargement de %q incomplet ou différent : %d octets reçus, %d annoncés", connectors.Sanitize(f.Name), len(data), f.Size),
			English: fmt.Sprintf("download of %q partial or different: %d bytes received, %d announced", connectors.Sanitize(f.Name), len(data), f.Size)}
	}
	n, err := w.Write(data)
	return int64(n), err
}

func tooLarge(op, what string, limit int64) error {
	return &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
		French:  fmt.Sprintf("%s : réponse trop volumineuse (plus de %d octets)", what, limit),
		English: fmt.Sprintf("%s: answer too large (more than %d bytes)", what, limit)}
}

// get sends GET u with retries and returns the body of a 200 answer, read
// within limit bytes. With isJSON, a body that is not JSON at all (cut by
// a proxy, garbled) is retried like a network error; a JSON body of the
// wrong shape is the caller's to refuse.
func (c *Client) get(ctx context.Context, op, u string, auth, isJSON bool, limit int64) ([]byte, error) {
	for n := 0; ; n++ {
		if err := c.limiter.Wait(ctx); err != nil {
			return nil, cancelled(op, ctx)
		}
		data, a := c.once(ctx, op, u, auth, limit)
		if a.err == nil && isJSON && !json.Valid(data) {
			a = attempt{retry: true, err: &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
				French:  "réponse illisible de l'API d'export V1 (JSON invalide ou coupé)",
				English: "unreadable answer from the V1 export API (invalid or cut JSON)"}}
		}
		if a.err == nil {
			return data, nil
		}
		if ctx.Err() != nil {
			return nil, cancelled(op, ctx)
		}
		if !a.retry || n >= c.cfg.MaxRetries {
			if n > 0 {
				a.err.French += fmt.Sprintf(" (abandon après %d tentatives)", n+1)
				a.err.English += fmt.Sprintf(" (gave up after %d attempts)", n+1)
			}
			return nil, a.err
		}
		if err := c.cfg.Sleep(ctx, c.backoff(n, a.retryAfter)); err != nil {
			return nil, cancelled(op, ctx)
		}
	}
}

type attempt struct {
	err        *connectors.Error
	retry      bool
	retryAfter time.Duration
}

// backoff is the platform's Retry-After capped, or full-jitter exponential.
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

func (c *Client) once(ctx context.Context, op, u string, auth bool, limit int64) ([]byte, attempt) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, attempt{err: &connectors.Error{Op: op, Kind: connectors.ErrInvalid,
			French: "requête impossible à construire", English: "cannot build request"}}
	}
	if auth {
		req.Header.Set(httpapi.HeaderComapiSoftwareID, c.cfg.SoftwareID)
		req.Header.Set(httpapi.HeaderComapiAPIKey, c.cfg.APIKey)
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, networkError(op, ctx, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, c.statusError(op, resp)
	}
	if resp.ContentLength > limit {
		return nil, attempt{err: tooLarge(op, "API d'export V1", limit).(*connectors.Error)}
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, networkError(op, ctx, err)
	}
	if int64(len(data)) > limit {
		return nil, attempt{err: tooLarge(op, "API d'export V1", limit).(*connectors.Error)}
	}
	return data, attempt{}
}

// statusError maps a non-200 answer. The real platform's error bodies are
// unknown, so only the status counts and no body text is shown.
func (c *Client) statusError(op string, resp *http.Response) attempt {
	st := resp.StatusCode
	e := &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
		French:  fmt.Sprintf("réponse inattendue de l'API d'export V1 (HTTP %d)", st),
		English: fmt.Sprintf("unexpected answer from the V1 export API (HTTP %d)", st)}
	retry := false
	switch {
	case st == http.StatusUnauthorized || st == http.StatusForbidden:
		e.Kind = connectors.ErrUnauthorized
		e.French = fmt.Sprintf("accès refusé par l'API d'export V1 (HTTP %d) : vérifiez l'identifiant logiciel et la clé d'API", st)
		e.English = fmt.Sprintf("access refused by the V1 export API (HTTP %d): check the software id and the API key", st)
	case st == http.StatusNotFound:
		e.Kind = connectors.ErrNotFound
		e.French = "introuvable sur l'API d'export V1 (HTTP 404)"
		e.English = "not found on the V1 export API (HTTP 404)"
	case st >= 300 && st < 400:
		e.French = fmt.Sprintf("redirection refusée de l'API d'export V1 (HTTP %d)", st)
		e.English = fmt.Sprintf("redirect from the V1 export API refused (HTTP %d)", st)
	case st == http.StatusTooManyRequests:
		e.Kind, retry = connectors.ErrRateLimited, true
		e.French = "trop de requêtes vers l'API d'export V1 (HTTP 429)"
		e.English = "too many requests to the V1 export API (HTTP 429)"
	case st == 500 || st == 502 || st == 503 || st == 504:
		retry = true
	}
	ra := parseRetryAfter(resp.Header.Get(httpapi.HeaderRetryAfter), c.cfg.Now())
	e.RetryAfter = ra
	return attempt{err: e, retry: retry, retryAfter: ra}
}

// maxRetryAfterHint bounds what a Retry-After may report (the wait itself
// is capped by MaxRetryAfter).
const maxRetryAfterHint = 365 * 24 * time.Hour

func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if s, err := strconv.ParseInt(v, 10, 64); err == nil {
		if s <= 0 {
			return 0
		}
		return min(time.Duration(min(s, int64(maxRetryAfterHint/time.Second)))*time.Second, maxRetryAfterHint)
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return min(t.Sub(now), maxRetryAfterHint)
	}
	return 0
}

func networkError(op string, ctx context.Context, err error) attempt {
	if ctx.Err() != nil {
		return attempt{err: cancelled(op, ctx)}
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return attempt{retry: true, err: &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
			French: "l'API d'export V1 n'a pas répondu à temps", English: "the V1 export API did not answer in time"}}
	}
	return attempt{retry: true, err: &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
		French: "connexion à l'API d'export V1 interrompue ou impossible", English: "connection to the V1 export API failed or was cut"}}
}

func cancelled(op string, ctx context.Context) *connectors.Error {
	fr, en := "opération annulée", "operation cancelled"
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		fr, en = "délai de l'opération dépassé", "operation deadline exceeded"
	}
	return &connectors.Error{Op: op, Kind: connectors.ErrUnavailable, French: fr, English: en, Err: ctx.Err()}
}
