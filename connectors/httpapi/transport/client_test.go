package transport

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/httpapi"
)

// recorder is a fake Sleep: it records the waits and returns at once, so
// backoff is asserted on values, not on wall time.
type recorder struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (r *recorder) sleep(ctx context.Context, d time.Duration) error {
	r.mu.Lock()
	r.waits = append(r.waits, d)
	r.mu.Unlock()
	return ctx.Err()
}

func (r *recorder) all() []time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]time.Duration(nil), r.waits...)
}

// fakePlatform answers the token endpoint and hands API requests to api.
func fakePlatform(t *testing.T, api http.HandlerFunc) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var tokens atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == httpapi.PathToken {
			tokens.Add(1)
			json.NewEncoder(w).Encode(httpapi.TokenResponse{AccessToken: "tok", TokenType: "Bearer", ExpiresIn: 3600})
			return
		}
		api(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &tokens
}

func newClient(t *testing.T, base string, rec *recorder, tweak func(*Config)) *Client {
	t.Helper()
	cfg := Config{BaseURL: base, ClientID: "id", ClientSecret: "s3cr3t-value", Sleep: rec.sleep}
	if tweak != nil {
		tweak(&cfg)
	}
	c, err := New("test", cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestPlainHTTPRefusedExceptLoopback(t *testing.T) {
	for _, base := range []string{"http://api.jefacture.com", "http://10.0.0.1:8080", "http://127.0.0.1.evil.example", "http://[fe80::1]:80",
		// Names other than the exact "localhost" go through a resolver.
		"http://evil.localhost", "http://evil.localhost.:80", "http://localhost.", "http://localhost.evil.example",
		"http://127.1", "http://0x7f.0.0.1", "http://2130706433", "http://[::1%25lo]:80"} {
		_, err := New("v1.New", Config{BaseURL: base, ClientID: "a", ClientSecret: "b"})
		if !errors.Is(err, connectors.ErrInvalid) || !strings.Contains(err.Error(), "http:// en clair") {
			t.Errorf("%s: err = %v, want a French refusal", base, err)
		}
	}
	for _, base := range []string{"http://127.0.0.1:8080", "http://127.9.9.9", "http://[::1]:8080", "http://localhost:1/api", "http://LocalHost:1", "http://[::ffff:127.0.0.1]:80", "https://api.jefacture.com"} {
		if _, err := New("v1.New", Config{BaseURL: base, ClientID: "a", ClientSecret: "b"}); err != nil {
			t.Errorf("%s: %v", base, err)
		}
	}
	for _, base := range []string{"", "api.jefacture.com", "ftp://x", "https://u:p@x", "https://x/?a=b"} {
		if _, err := New("v1.New", Config{BaseURL: base, ClientID: "a", ClientSecret: "b"}); !errors.Is(err, connectors.ErrInvalid) {
			t.Errorf("%q accepted", base)
		}
	}
}

func TestRetryAfterCapped(t *testing.T) {
	var calls atomic.Int64
	srv, _ := fakePlatform(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= 2 {
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Write([]byte(`{"read_only":true}`))
	})
	rec := &recorder{}
	c := newClient(t, srv.URL, rec, func(c *Config) { c.MaxRetryAfter = 7 * time.Second })
	var out httpapi.ReadOnlyStatus
	if err := c.Get(context.Background(), "v1.ReadOnly", httpapi.PathV1Status, nil, &out); err != nil || !out.ReadOnly {
		t.Fatalf("err = %v, out = %+v", err, out)
	}
	if got := rec.all(); len(got) != 2 || got[0] != 7*time.Second || got[1] != 7*time.Second {
		t.Errorf("waits = %v, want two waits capped at 7s", got)
	}

	// Retries exhausted: the error keeps the platform's full Retry-After.
	calls.Store(-100)
	rec2 := &recorder{}
	c = newClient(t, srv.URL, rec2, func(c *Config) { c.MaxRetryAfter = time.Millisecond; c.MaxRetries = 2 })
	err := c.Get(context.Background(), "v1.ReadOnly", httpapi.PathV1Status, nil, &out)
	var e *connectors.Error
	if !errors.Is(err, connectors.ErrRateLimited) || !errors.As(err, &e) || e.RetryAfter != time.Hour {
		t.Fatalf("err = %#v", err)
	}
	if !strings.Contains(err.Error(), "trop de requêtes") || !strings.Contains(err.Error(), "3 tentatives") {
		t.Errorf("message = %q", err)
	}
	if got := rec2.all(); len(got) != 2 || got[0] != time.Millisecond {
		t.Errorf("waits = %v", got)
	}
}

func TestBackoffFullJitterBounded(t *testing.T) {
	var calls atomic.Int64
	srv, _ := fakePlatform(t, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusBadGateway) // no Retry-After: backoff decides
	})
	rec := &recorder{}
	c := newClient(t, srv.URL, rec, func(c *Config) {
		c.BaseBackoff, c.MaxBackoff, c.MaxRetries = 100*time.Millisecond, 300*time.Millisecond, 4
	})
	err := c.Get(context.Background(), "v1.Cabinet", httpapi.PathV1Cabinet, nil, &struct{}{})
	if !errors.Is(err, connectors.ErrUnavailable) {
		t.Fatalf("err = %v", err)
	}
	if calls.Load() != 5 {
		t.Errorf("%d attempts, want 1 + 4 retries", calls.Load())
	}
	ceilings := []time.Duration{100, 200, 300, 300}
	for i, d := range rec.all() {
		if d < 0 || d > ceilings[i]*time.Millisecond {
			t.Errorf("wait %d = %v, want within [0, %vms]", i, d, ceilings[i])
		}
	}
}

func TestNoRetryOnClientErrors(t *testing.T) {
	var calls atomic.Int64
	srv, _ := fakePlatform(t, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(`{"code":"not_found","message_fr":"dossier \u001b[31mC-9\u001b[0m introuvable","message_en":"dossier C-9 not found"}`))
	})
	c := newClient(t, srv.URL, &recorder{}, nil)
	err := c.Get(context.Background(), "v1.ClientSnapshot", "/v1/clients/C-9/snapshot", nil, &struct{}{})
	if !errors.Is(err, connectors.ErrNotFound) || calls.Load() != 1 {
		t.Fatalf("err = %v after %d calls", err, calls.Load())
	}
	if got := err.Error(); got != "v1.ClientSnapshot : dossier C-9 introuvable" {
		t.Errorf("Error() = %q (message must be sanitised)", got)
	}
}

func TestResponseSizeLimit(t *testing.T) {
	var calls atomic.Int64
	srv, _ := fakePlatform(t, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		fmt.Fprintf(w, `{"legal_name":%q}`, strings.Repeat("x", 4096))
	})
	c := newClient(t, srv.URL, &recorder{}, func(c *Config) { c.MaxResponseBytes = 1024 })
	err := c.Get(context.Background(), "v1.Cabinet", httpapi.PathV1Cabinet, nil, &struct{}{})
	if err == nil || !strings.Contains(err.Error(), "trop volumineuse") || calls.Load() != 1 {
		t.Fatalf("err = %v after %d calls", err, calls.Load())
	}
	c = newClient(t, srv.URL, &recorder{}, func(c *Config) { c.MaxResponseBytes = 8192 })
	if err := c.Get(context.Background(), "v1.Cabinet", httpapi.PathV1Cabinet, nil, &struct{}{}); err != nil {
		t.Fatal(err)
	}
}

func TestPostIdempotencyKey(t *testing.T) {
	var mu sync.Mutex
	var keys []string
	srv, _ := fakePlatform(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		keys = append(keys, r.Header.Get(httpapi.HeaderIdempotencyKey))
		n := len(keys)
		mu.Unlock()
		if n%2 == 1 { // first attempt of each call fails after "acting"
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	c := newClient(t, srv.URL, &recorder{}, nil)
	ctx := context.Background()
	if err := c.Post(ctx, "v2.SetNumbering", "/v2/companies/1/numbering", "my-key", map[string]int{"a": 1}, nil); err != nil {
		t.Fatal(err)
	}
	if err := c.Post(ctx, "v2.SetNumbering", "/v2/companies/1/numbering", "", map[string]int{"a": 1}, nil); err != nil {
		t.Fatal(err)
	}
	if keys[0] != "my-key" || keys[1] != "my-key" {
		t.Errorf("caller's key not kept across retries: %q", keys[:2])
	}
	if len(keys[2]) != 32 || keys[2] != keys[3] {
		t.Errorf("generated key %q then %q, want one 32-hex key reused", keys[2], keys[3])
	}
}

func TestCancelPrompt(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	srv, _ := fakePlatform(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	c := newClient(t, srv.URL, &recorder{}, nil)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	start := time.Now()
	err := c.Get(ctx, "v1.Cabinet", httpapi.PathV1Cabinet, nil, &struct{}{})
	if !errors.Is(err, context.Canceled) || time.Since(start) > 2*time.Second {
		t.Fatalf("err = %v after %v", err, time.Since(start))
	}
	if !strings.Contains(err.Error(), "annulée") {
		t.Errorf("message = %q", err)
	}
}

func TestWrongSecret(t *testing.T) {
	var tokens atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tokens.Add(1)
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte(`{"code":"unauthorized","message_fr":"non","message_en":"no"}`))
	}))
	defer srv.Close()
	c := newClient(t, srv.URL, &recorder{}, nil)
	err := c.Get(context.Background(), "v1.Cabinet", httpapi.PathV1Cabinet, nil, &struct{}{})
	if !errors.Is(err, connectors.ErrUnauthorized) || !strings.Contains(err.Error(), "secret client incorrect") {
		t.Fatalf("err = %v", err)
	}
	if tokens.Load() != 1 {
		t.Errorf("%d token requests, want 1 (wrong credentials are not retried)", tokens.Load())
	}
}

func TestRedirectRefused(t *testing.T) {
	srv, _ := fakePlatform(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://evil.example/steal", http.StatusFound)
	})
	c := newClient(t, srv.URL, &recorder{}, nil)
	err := c.Get(context.Background(), "v1.Cabinet", httpapi.PathV1Cabinet, nil, &struct{}{})
	if !errors.Is(err, connectors.ErrUnavailable) || !strings.Contains(err.Error(), "HTTP 302") {
		t.Fatalf("err = %v", err)
	}
}

func TestSecretNeverPrinted(t *testing.T) {
	const secret = "s3cr3t-value"
	cfg := Config{BaseURL: "https://api.example", ClientID: "id", ClientSecret: secret}
	c, err := New("test", cfg)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		out = append(out, fmt.Sprintf(f, cfg), fmt.Sprintf(f, &cfg), fmt.Sprintf(f, c),
			fmt.Sprintf(f, struct{ C Config }{cfg}))
	}
	j, _ := json.Marshal(cfg)
	out = append(out, string(j), cfg.String(), cfg.GoString())
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("cfg", "config", cfg)
	out = append(out, buf.String())
	for _, s := range out {
		if strings.Contains(s, secret) || strings.Contains(s, fmt.Sprintf("%x", secret)) {
			t.Errorf("secret leaked: %s", s)
		}
	}
	if !strings.Contains(cfg.String(), "[masqué]") {
		t.Errorf("String() = %s", cfg)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Duration{
		"": 0, "0": 0, "-3": 0, "12": 12 * time.Second, "abc": 0,
		now.Add(90 * time.Second).Format(http.TimeFormat): 90 * time.Second,
		now.Add(-time.Hour).Format(http.TimeFormat):       0,
		"99999999999999":                365 * 24 * time.Hour,
		"Wed, 21 Oct 2215 07:28:00 GMT": 365 * 24 * time.Hour, // a date too far is bounded too
	} {
		if got := parseRetryAfter(in, now); got != want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestLocalhostNeverResolved checks that the exact name "localhost" is
// dialled as a loopback address, whatever a resolver would answer: the
// fake platform listens on 127.0.0.1 only.
func TestLocalhostNeverResolved(t *testing.T) {
	srv, _ := fakePlatform(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"read_only":true}`)
	})
	_, port, _ := strings.Cut(strings.TrimPrefix(srv.URL, "http://"), ":")
	c, err := New("v1.New", Config{BaseURL: "http://localhost:" + port, ClientID: "a", ClientSecret: "b"})
	if err != nil {
		t.Fatal(err)
	}
	var st httpapi.ReadOnlyStatus
	if err := c.Get(t.Context(), "v1.ReadOnly", httpapi.PathV1Status, nil, &st); err != nil || !st.ReadOnly {
		t.Fatalf("Get via localhost: %v %+v", err, st)
	}
	var asked []string
	d := localDialer(func(_ context.Context, _, addr string) (net.Conn, error) {
		asked = append(asked, addr)
		return nil, errors.New("refused")
	})
	for _, addr := range []string{"localhost:8080", "LOCALHOST:1", "api.jefacture.com:443"} {
		_, _ = d(t.Context(), "tcp", addr)
	}
	want := []string{"127.0.0.1:8080", "[::1]:8080", "127.0.0.1:1", "[::1]:1", "api.jefacture.com:443"}
	if fmt.Sprint(asked) != fmt.Sprint(want) {
		t.Fatalf("dialled %v, want %v", asked, want)
	}
}

// Errors people read say what failed in French, without Go's own text
// ("dial tcp…", "json: …"), which stays reachable for logs.
func TestErrorsWithoutGoInternals(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	c := newClient(t, "http://"+addr, &recorder{}, func(c *Config) { c.MaxRetries = -1 })
	err = c.Get(t.Context(), "v1.ReadOnly", httpapi.PathV1Status, nil, &httpapi.ReadOnlyStatus{})
	var ce *connectors.Error
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "connexion refusée") || strings.Contains(err.Error(), "dial tcp") ||
		strings.Contains(connectors.English(err), "dial tcp") || !strings.Contains(ce.Detail(), "dial tcp") {
		t.Errorf("refused: %q / %q / detail %q", err, connectors.English(err), ce.Detail())
	}

	srv, _ := fakePlatform(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `{"read_only": tru`) })
	c = newClient(t, srv.URL, &recorder{}, func(c *Config) { c.MaxRetries = -1 })
	err = c.Get(t.Context(), "v1.ReadOnly", httpapi.PathV1Status, nil, &httpapi.ReadOnlyStatus{})
	if err == nil || !strings.Contains(err.Error(), "JSON invalide") || strings.Contains(err.Error(), "json:") ||
		strings.Contains(err.Error(), "unexpected") {
		t.Errorf("bad JSON: %q", err)
	}
}
