package transport

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/httpapi"
)

// shown reports whether s can reach a terminal as is: valid UTF-8 without
// C0 (but LF when multiline), DEL, C1 or bidi embeddings and overrides.
func shown(s string, multiline bool) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		switch {
		case r == '\n' && multiline:
		case r < 0x20, r >= 0x7f && r <= 0x9f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return false
		}
	}
	return true
}

// fuzzAnswer is what the fake platform answers; the fuzz function sets it.
type fuzzAnswer struct {
	tokenStatus int
	tokenBody   []byte
	status      int
	retryAfter  string
	body        []byte
}

// statusFrom maps a fuzzed number to a status a server can send (200–599).
func statusFrom(n uint16) int { return 200 + int(n)%400 }

// Properties of one call against a platform answering arbitrary statuses,
// Retry-After values and bodies, on the token endpoint and on the API: it
// returns within the deadline, never panics; an error is a *connectors.Error
// of a known kind whose messages are safe to show and whose RetryAfter is
// sane; waits never exceed the caps; attempts stay within MaxRetries (plus
// one token refresh); a 2xx JSON answer whose token was granted succeeds.
func FuzzClientResponse(f *testing.F) {
	okToken, _ := json.Marshal(httpapi.TokenResponse{AccessToken: "tok", TokenType: "Bearer", ExpiresIn: 3600})
	for _, s := range []struct {
		tokStatus uint16
		tok       string
		status    uint16
		ra        string
		body      string
		post      bool
	}{
		{0, string(okToken), 0, "", `{"read_only":true}`, false},
		{0, string(okToken), 4, "", ``, true}, // 204
		{0, string(okToken), 204, "", `{"code":"not_found","message_fr":"introuvable \u001b[2J","message_en":"\u202egone","field":"id\u0007"}`, false},
		{0, string(okToken), 229, "120", `{"code":"rate_limited"}`, true},
		{0, string(okToken), 229, "Wed, 21 Oct 2015 07:28:00 GMT", ``, false},
		{0, string(okToken), 229, "99999999999999999999", ``, false},
		{0, string(okToken), 229, "-5", `{"code":"rate_limited"}`, false},
		{0, string(okToken), 303, "1", `<html>Bad gateway</html>`, false},
		{0, string(okToken), 201, "", `{"code":"\u009b31m","message_fr":"\x1b]8;;x\x07a"}`, true},
		{0, string(okToken), 100, "", `{"code":"conflict"}`, true},
		{0, string(okToken), 101, "", `{"message_fr":"\xff\xfe"}`, false},
		{0, string(okToken), 0, "", `{"read_only":tr`, false},
		{0, string(okToken), 0, "", `[1,2,3]`, false},
		{201, `{"code":"unauthorized"}`, 0, "", `{}`, false},
		{0, `{"access_token":"a\r\nX-Evil: 1","token_type":"Bearer","expires_in":-1}`, 0, "", `{}`, false},
		{0, `{"access_token":"t","token_type":"\u001b[2JMAC","expires_in":99999999999999}`, 0, "", `{}`, false},
		{0, `{"access_token":""}`, 0, "", `{}`, false},
		{300, ``, 0, "", `{}`, false},
	} {
		f.Add(s.tokStatus, []byte(s.tok), s.status, s.ra, []byte(s.body), s.post)
	}

	var (
		mu       sync.Mutex
		cur      fuzzAnswer
		apiHits  atomic.Int64
		tokHits  atomic.Int64
		lastPost atomic.Value // idempotency key of the last POST
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		a := cur
		mu.Unlock()
		status, body := a.status, a.body
		if r.URL.Path == httpapi.PathToken {
			tokHits.Add(1)
			status, body = a.tokenStatus, a.tokenBody
		} else {
			apiHits.Add(1)
			if r.Method == http.MethodPost {
				lastPost.Store(r.Header.Get(httpapi.HeaderIdempotencyKey))
			}
			if a.retryAfter != "" {
				w.Header()[httpapi.HeaderRetryAfter] = []string{a.retryAfter}
			}
		}
		w.WriteHeader(status)
		w.Write(body)
	}))
	f.Cleanup(srv.Close)

	const (
		maxRetries    = 2
		maxRetryAfter = 20 * time.Millisecond
		maxBackoff    = 5 * time.Millisecond
	)
	f.Fuzz(func(t *testing.T, tokStatus uint16, tokBody []byte, status uint16, retryAfter string, body []byte, post bool) {
		if !validHeader(retryAfter) {
			retryAfter = "" // not a header a server can send
		}
		a := fuzzAnswer{tokenStatus: statusFrom(tokStatus), tokenBody: tokBody, status: statusFrom(status), retryAfter: retryAfter, body: body}
		mu.Lock()
		cur = a
		mu.Unlock()
		apiHits.Store(0)
		tokHits.Store(0)

		rec := &recorder{}
		c, err := New("test.Op", Config{
			BaseURL: srv.URL, ClientID: "id", ClientSecret: "secret", HTTPClient: srv.Client(),
			Timeout: 2 * time.Second, MaxRetries: maxRetries, BaseBackoff: time.Millisecond, MaxBackoff: maxBackoff,
			MaxRetryAfter: maxRetryAfter, MaxResponseBytes: 64 << 10, RequestsPerSecond: -1, Sleep: rec.sleep,
		})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		var out struct {
			ReadOnly bool   `json:"read_only"`
			Name     string `json:"name"`
		}
		start := time.Now()
		if post {
			err = c.Post(ctx, "test.Op", "/v2/x", "key-1", map[string]string{"a": "b"}, &out)
		} else {
			err = c.Get(ctx, "test.Op", "/v1/x", nil, &out)
		}
		if el := time.Since(start); el > 4*time.Second || ctx.Err() != nil {
			t.Fatalf("call took %v (hang?), err %v", el, err)
		}

		for _, d := range rec.all() {
			if d < 0 || d > max(maxRetryAfter, maxBackoff) {
				t.Fatalf("waited %v, caps %v / %v", d, maxRetryAfter, maxBackoff)
			}
		}
		if n := apiHits.Load(); n > maxRetries+2 {
			t.Fatalf("%d API attempts for MaxRetries %d", n, maxRetries)
		}
		if n := tokHits.Load(); n > maxRetries+2 {
			t.Fatalf("%d token requests for MaxRetries %d", n, maxRetries)
		}
		if post && apiHits.Load() > 0 {
			if k, _ := lastPost.Load().(string); k != "key-1" {
				t.Fatalf("POST sent with key %q", k)
			}
		}

		var tr httpapi.TokenResponse
		tokenOK := a.tokenStatus == http.StatusOK && json.Unmarshal(a.tokenBody, &tr) == nil &&
			tr.AccessToken != "" && (tr.TokenType == "" || strings.EqualFold(tr.TokenType, "bearer")) &&
			!strings.ContainsAny(tr.AccessToken, "\x00\r\n\x7f") && validHeader(tr.AccessToken)
		if err == nil {
			if a.status >= 300 {
				t.Fatalf("status %d answered without error", a.status)
			}
			return
		}
		var e *connectors.Error
		if !errors.As(err, &e) {
			t.Fatalf("error %v (%T) is not a *connectors.Error", err, err)
		}
		if connectors.Code(err) == "" {
			t.Fatalf("error %v has no known kind", err)
		}
		if e.Op != "test.Op" {
			t.Fatalf("error op %q", e.Op)
		}
		if !shown(e.French, false) || !shown(e.English, false) || !shown(e.Field, false) ||
			!shown(err.Error(), false) || !shown(connectors.English(err), false) {
			t.Fatalf("unsafe error messages: %q / %q (field %q)", err.Error(), connectors.English(err), e.Field)
		}
		if e.RetryAfter < 0 || e.RetryAfter > 366*24*time.Hour {
			t.Fatalf("RetryAfter %v", e.RetryAfter)
		}
		if tokenOK && a.status < 300 && a.status != http.StatusNoContent && json.Valid(a.body) {
			var probe struct {
				ReadOnly bool   `json:"read_only"`
				Name     string `json:"name"`
			}
			if json.Unmarshal(a.body, &probe) == nil {
				t.Fatalf("2xx answer %q refused: %v", a.body, err)
			}
		}
		if tokenOK && a.status >= 400 && a.status != http.StatusUnauthorized {
			var eb httpapi.ErrorBody
			_ = json.Unmarshal(a.body, &eb)
			if want := httpapi.Kind(eb.Code, a.status); want != nil && !errors.Is(err, want) {
				t.Fatalf("status %d body %q: error %v, want kind %v", a.status, a.body, err, want)
			}
		}
	})
}

// validHeader reports whether v can be sent as a header value by net/http.
func validHeader(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; (c < 0x20 && c != '\t') || c == 0x7f {
			return false
		}
	}
	return true
}
