package httpapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/sandbox"
)

// raw drives the server with plain HTTP requests, to check the contract
// itself rather than through the clients.
type raw struct {
	t   *testing.T
	url string
	tok string
}

func newRaw(t *testing.T, sopts httpapi.ServerOptions) (*raw, *sandbox.Platform, *httpapi.Server) {
	p := sandbox.New(sandbox.Options{Seed: 2, Now: fixedClock()})
	srv := httpapi.NewServer(p.V1(), p.V2(), sopts)
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	r := &raw{t: t, url: hs.URL}
	resp, err := http.PostForm(hs.URL+httpapi.PathToken, url.Values{
		"grant_type": {"client_credentials"}, "client_id": {"bascule"}, "client_secret": {"sandbox"}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tr httpapi.TokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&tr); err != nil || tr.TokenType != "Bearer" || tr.ExpiresIn != 3600 {
		t.Fatalf("token: %v %+v", err, tr)
	}
	r.tok = tr.AccessToken
	return r, p, srv
}

func (r *raw) do(method, path, key, body string) (int, http.Header, string) {
	r.t.Helper()
	req, _ := http.NewRequest(method, r.url+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+r.tok)
	if key != "" {
		req.Header.Set(httpapi.HeaderIdempotencyKey, key)
	}
	resp, err := http.DefaultClient.Do(req) // test-only, loopback
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func errorCode(t *testing.T, body string) httpapi.ErrorBody {
	t.Helper()
	var e httpapi.ErrorBody
	if err := json.Unmarshal([]byte(body), &e); err != nil {
		t.Fatalf("error body %q: %v", body, err)
	}
	if e.MessageFR == "" || e.MessageEN == "" {
		t.Errorf("error body without messages: %q", body)
	}
	return e
}

func TestServerContract(t *testing.T) {
	r, p, srv := newRaw(t, httpapi.ServerOptions{MaxBodyBytes: 1024})
	p.CompleteRegistration()
	sub := `{"cabinet_siren":"552008443","requested_by":"claire.martin@cabinet-martin.fr"}`

	st, _, body := r.do("POST", httpapi.PathV2MigrationRequests, "", sub)
	if e := errorCode(t, body); st != 400 || e.Code != "invalid" || e.Field != "Idempotency-Key" {
		t.Errorf("POST without key: %d %s", st, body)
	}
	st, _, first := r.do("POST", httpapi.PathV2MigrationRequests, "k1", sub)
	if st != 201 {
		t.Fatalf("submit: %d %s", st, first)
	}
	st, h, again := r.do("POST", httpapi.PathV2MigrationRequests, "k1", sub)
	if st != 201 || again != first || h.Get(httpapi.HeaderReplayed) != "true" {
		t.Errorf("replay: %d %q %q", st, again, h.Get(httpapi.HeaderReplayed))
	}
	st, _, body = r.do("POST", httpapi.PathV2MigrationRequests, "k1", strings.Replace(sub, "claire", "paul", 1))
	if e := errorCode(t, body); st != 409 || e.Code != "conflict" {
		t.Errorf("key reused for another body: %d %s", st, body)
	}
	st, _, body = r.do("POST", httpapi.PathV2MigrationRequests, "k2", `{"cabinet_siren":"552008443","extra":1}`)
	if e := errorCode(t, body); st != 400 || e.Code != "invalid" {
		t.Errorf("unknown field: %d %s", st, body)
	}
	st, _, body = r.do("POST", httpapi.PathV2MigrationRequests, "k3", `{"requested_by":"`+strings.Repeat("a", 2000)+`"}`)
	if st != 413 || errorCode(t, body).Code != "invalid" {
		t.Errorf("large body: %d %s", st, body)
	}
	st, _, body = r.do("GET", httpapi.Path(httpapi.PathV1ClientSnapshot, "nope/../x"), "", "")
	if st != 404 || errorCode(t, body).Code != "not_found" {
		t.Errorf("unknown client: %d %s", st, body)
	}
	st, _, body = r.do("GET", "/v3/nothing", "", "")
	if st != 404 || errorCode(t, body).Code != "not_found" {
		t.Errorf("unknown route: %d %s", st, body)
	}
	st, _, body = r.do("GET", httpapi.PathV1Clients+"?limit=abc", "", "")
	if st != 400 || errorCode(t, body).Field != "limit" {
		t.Errorf("bad limit: %d %s", st, body)
	}
	if err := p.FinishMigration(); err != nil {
		t.Fatal(err)
	}
	st, _, body = r.do("GET", httpapi.PathV1Status, "", "")
	if st != 200 || body != `{"read_only":true}` {
		t.Errorf("status: %d %s", st, body)
	}
	if got := p.SideEffects()["v2.SubmitMigration"]; got != 1 {
		t.Errorf("SubmitMigration acted %d times", got)
	}
	if w := srv.Stats().PortWrites; w != 2 { // k1 and k2 (refused by decode); k3 was too large to run
		t.Errorf("POST handlers ran %d times, want 2", w)
	}

	r.tok = "forged"
	st, h, body = r.do("GET", httpapi.PathV1Cabinet, "", "")
	if st != 401 || errorCode(t, body).Code != "unauthorized" || !strings.Contains(h.Get("WWW-Authenticate"), "invalid_token") {
		t.Errorf("forged token: %d %s", st, body)
	}
}

// Concurrent POSTs under one key: the port is called once, every caller
// gets the same answer.
func TestServerConcurrentSameKey(t *testing.T) {
	r, p, srv := newRaw(t, httpapi.ServerOptions{Faults: httpapi.Faults{Latency: 5 * time.Millisecond}})
	p.CompleteRegistration()
	sub := `{"cabinet_siren":"552008443","requested_by":"claire.martin@cabinet-martin.fr"}`
	var wg sync.WaitGroup
	bodies := make([]string, 20)
	for i := range bodies {
		wg.Go(func() {
			st, _, b := r.do("POST", httpapi.PathV2MigrationRequests, "same", sub)
			if st != 201 {
				t.Errorf("status %d: %s", st, b)
			}
			bodies[i] = b
		})
	}
	wg.Wait()
	for _, b := range bodies[1:] {
		if b != bodies[0] {
			t.Fatalf("different answers: %q vs %q", b, bodies[0])
		}
	}
	if w := srv.Stats().PortWrites; w != 1 {
		t.Errorf("port called %d times", w)
	}
	if got := p.SideEffects()["v2.SubmitMigration"]; got != 1 {
		t.Errorf("acted %d times", got)
	}
}

func TestListenLoopbackOnly(t *testing.T) {
	for _, addr := range []string{":0", "0.0.0.0:0", "[::]:0", "192.0.2.1:0", "example.com:80"} {
		if ln, err := httpapi.Listen(addr, httpapi.ListenOptions{}); err == nil {
			ln.Close()
			t.Errorf("%s accepted without AllowRemote", addr)
		} else if !strings.Contains(err.Error(), "refusée") && !strings.Contains(err.Error(), "invalide") {
			t.Errorf("%s: %v", addr, err)
		}
	}
	for addr, want := range map[string]string{
		"0.0.0.0:0": `listen address "0.0.0.0:0" refused: the sandbox listens on the local machine only`,
		"nope":      `listen address "nope" invalid (expected host:port, for example 127.0.0.1:8080): `,
	} {
		_, err := httpapi.Listen(addr, httpapi.ListenOptions{})
		var en interface{ English() string }
		if !errors.As(err, &en) || !strings.HasPrefix(en.English(), want) {
			t.Errorf("%s in English: %v", addr, err)
		}
	}
	if ln, err := httpapi.Listen("0.0.0.0:0", httpapi.ListenOptions{AllowRemote: true}); err != nil {
		t.Errorf("AllowRemote: %v", err)
	} else {
		ln.Close()
	}

	ln, err := httpapi.Listen("", httpapi.ListenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := sandbox.New(sandbox.Options{Seed: 1, Now: fixedClock()})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- httpapi.Serve(ctx, ln, httpapi.NewServer(p.V1(), p.V2(), httpapi.ServerOptions{})) }()
	resp, err := http.Get("http://" + ln.Addr().String() + httpapi.PathV1Status)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Errorf("unauthenticated: %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not stop")
	}
	for host, want := range map[string]bool{"127.0.0.1": true, "127.1.2.3": true, "::1": true, "[::1]": true,
		"localhost": true, "LOCALHOST.": true, "a.localhost": true, "localhost.evil.com": false, "10.0.0.1": false, "": false} {
		if httpapi.IsLoopbackHost(host) != want {
			t.Errorf("IsLoopbackHost(%q) != %v", host, want)
		}
	}
}
