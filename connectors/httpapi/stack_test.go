package httpapi_test

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/sandbox"
	"github.com/bascule-cli/bascule/connectors/v1"
	"github.com/bascule-cli/bascule/connectors/v2"
)

func fixedClock() func() time.Time {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	return func() time.Time { return t0 }
}

// stack is the sandbox served over loopback HTTP, and the two HTTP clients.
type stack struct {
	p   *sandbox.Platform
	srv *httpapi.Server
	url string
	v1  *v1.Client
	v2  *v2.Client
}

// newStack builds a stack. The V1 side is the sandbox's raw port: hostile
// strings reach the wire as stored, so what is tested is the clients' own
// sanitising. Client retries are fast (1 ms caps) and plentiful, so that
// tests with faults run quickly.
func newStack(t testing.TB, popts sandbox.Options, sopts httpapi.ServerOptions, tweak func(*v1.Config)) *stack {
	t.Helper()
	if popts.Now == nil {
		popts.Now = fixedClock()
	}
	p := sandbox.New(popts)
	srv := httpapi.NewServer(p.RawV1(), p.V2(), sopts)
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	cfg := v1.Config{
		BaseURL:       hs.URL,
		ClientID:      "bascule",
		ClientSecret:  "sandbox",
		Timeout:       5 * time.Second,
		MaxRetries:    8,
		BaseBackoff:   time.Millisecond,
		MaxBackoff:    2 * time.Millisecond,
		MaxRetryAfter: time.Millisecond,
	}
	if sopts.ClientID != "" {
		cfg.ClientID, cfg.ClientSecret = sopts.ClientID, sopts.ClientSecret
	}
	if tweak != nil {
		tweak(&cfg)
	}
	c1, err := v1.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	c2, err := v2.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &stack{p: p, srv: srv, url: hs.URL, v1: c1, v2: c2}
}

var (
	_ connectors.V1 = (*v1.Client)(nil)
	_ connectors.V2 = (*v2.Client)(nil)
)
