package contracttest

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/httpapi/transport"
)

// Scripted is a platform for the HTTP clients' fuzz targets: it hands out
// a token, then answers every call with what the test set last (status,
// Retry-After, body), whatever was asked.
type Scripted struct {
	srv    *httptest.Server
	mu     sync.Mutex
	status int
	ra     string
	body   []byte
}

// NewScripted starts a Scripted platform, stopped with tb's cleanup.
func NewScripted(tb testing.TB) *Scripted {
	s := &Scripted{status: http.StatusOK}
	token, _ := json.Marshal(httpapi.TokenResponse{AccessToken: "tok", TokenType: "Bearer", ExpiresIn: 3600})
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == httpapi.PathToken {
			w.Write(token)
			return
		}
		s.mu.Lock()
		status, ra, body := s.status, s.ra, s.body
		s.mu.Unlock()
		if ra != "" {
			w.Header()[httpapi.HeaderRetryAfter] = []string{ra}
		}
		w.WriteHeader(status)
		w.Write(body)
	}))
	tb.Cleanup(s.srv.Close)
	return s
}

// Answer sets the next answers. A Retry-After holding a control character
// is left out: no server could send it.
func (s *Scripted) Answer(status int, retryAfter string, body []byte) {
	for i := 0; i < len(retryAfter); i++ {
		if retryAfter[i] < 0x20 || retryAfter[i] == 0x7f {
			retryAfter = ""
			break
		}
	}
	s.mu.Lock()
	s.status, s.ra, s.body = status, retryAfter, body
	s.mu.Unlock()
}

// Config is a client configuration for this platform that gives up fast:
// one retry, no real waiting, no rate limit, answers up to 1 MiB.
func (s *Scripted) Config() transport.Config {
	return transport.Config{BaseURL: s.srv.URL, ClientID: "id", ClientSecret: "secret", HTTPClient: s.srv.Client(),
		Timeout: 2 * time.Second, MaxRetries: 1, BaseBackoff: time.Millisecond, MaxBackoff: time.Millisecond,
		MaxRetryAfter: time.Millisecond, MaxResponseBytes: 1 << 20, RequestsPerSecond: -1,
		Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() }}
}
