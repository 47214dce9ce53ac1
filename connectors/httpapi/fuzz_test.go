package httpapi_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/sandbox"
)

var fuzzMethods = []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodHead, http.MethodOptions, "PATCH", "BREW"}

// fuzzServer is a fresh sandbox (registration complete, so that a migration
// request can go through) behind a fresh server, and a valid token.
func fuzzServer(t testing.TB) (*httpapi.Server, string) {
	p := sandbox.New(sandbox.Options{Seed: 2, Clients: 2, Now: fixedClock()})
	p.CompleteRegistration()
	srv := httpapi.NewServer(p.V1(), p.V2(), httpapi.ServerOptions{MaxBodyBytes: 16 << 10, IdempotencyCacheSize: 8, Now: fixedClock()})
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {"bascule"}, "client_secret": {"sandbox"}}
	req := httptest.NewRequest(http.MethodPost, httpapi.PathToken, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, req)
	var tr httpapi.TokenResponse
	if err := json.Unmarshal(w.Body.Bytes(), &tr); err != nil || tr.AccessToken == "" {
		t.Fatalf("token: %d %q", w.Code, w.Body.String())
	}
	return srv, tr.AccessToken
}

// Properties of the server over the sandbox, for an arbitrary method, path,
// authorisation, Idempotency-Key, Content-Type and body: no panic; the
// status is a known one; an error (4xx, 5xx) is a JSON ErrorBody with a
// known code matching the status and both messages; a success with a body
// is JSON; a POST sent again with the same key and body gets the same
// answer (replayed when it was kept).
func FuzzServerRequest(f *testing.F) {
	fuzzServer(f)             // fails early if the setup is broken
	const siren = "552008443" // the sandbox cabinet's; clients are looked up by path anyway
	for _, s := range []struct {
		method uint8
		path   string
		auth   uint8
		key    string
		ctype  string
		body   string
	}{
		{0, httpapi.PathV1Cabinet, 0, "", "", ""},
		{0, httpapi.PathV1Clients + "?limit=1&cursor=x", 0, "", "", ""},
		{0, httpapi.PathV1Clients + "?limit=-1", 0, "", "", ""},
		{0, httpapi.Path(httpapi.PathV1ClientSnapshot, "1"), 0, "", "", ""},
		{0, "/v1/clients/%2e%2e%2fadmin/snapshot", 0, "", "", ""},
		{0, httpapi.PathV1Status, 1, "", "", ""},
		{0, httpapi.PathV2Registration, 2, "", "", ""},
		{1, httpapi.PathV2MigrationRequests, 0, "k1", "application/json", `{"cabinet_siren":"` + siren + `","requested_by":"claire.martin@cabinet-martin.fr"}`},
		{1, httpapi.PathV2MigrationRequests, 0, "k1", "application/json", `{"cabinet_siren":"` + siren + `","requested_by":"x","idempotency_key":"other"}`},
		{1, httpapi.PathV2MigrationRequests, 0, "", "", `{}`},
		{1, httpapi.PathV2MigrationRequests, 0, strings.Repeat("k", 300), "", `{}`},
		{0, httpapi.Path(httpapi.PathV2MigrationRequest, "MIG-1"), 0, "", "", ""},
		{0, httpapi.Path(httpapi.PathV2Inventory, siren), 0, "", "", ""},
		{1, httpapi.Path(httpapi.PathV2Users, "cabinet"), 0, "k2", "", `{"email":"a@b.fr","roles":["Comptable"],"extra":1}`},
		{1, httpapi.PathV2ClientImports, 0, "k3", "", `{"clients":[{"id":"9","legal_name":"\u001b[2JACME","siren":"552008443","status":"brouillon"}]}`},
		{1, httpapi.Path(httpapi.PathV2Profile, siren), 0, "k4", "", `{"legal_name":"X","logo_data":"!!!"}`},
		{1, httpapi.Path(httpapi.PathV2BankAccounts, siren), 0, "k5", "", `{"iban":"FR7630006000011234567890189","bic":"AGRIFRPP"}`},
		{1, httpapi.Path(httpapi.PathV2Numbering, siren), 0, "k6", "", `{"prefix":"FAC-","last_number":-1,"padding":1000000}`},
		{1, httpapi.Path(httpapi.PathV2Integrations, "cabinet"), 0, "k7", "", `{"software":"acd","scope":"cabinet","fields":{"url":"x"}} {}`},
		{1, httpapi.Path(httpapi.PathV2Subscription, siren), 0, "k8", "", `{"plan":"premium"`},
		{1, httpapi.PathToken, 1, "", "application/x-www-form-urlencoded", "grant_type=client_credentials&client_id=bascule&client_secret=%zz"},
		{1, httpapi.PathToken, 1, "", "multipart/form-data; boundary=x", "--x\r\n"},
		{2, httpapi.PathV1Cabinet, 0, "", "", ""},
		{7, "/../../etc/passwd", 0, "", "", ""},
		{0, "//v1//cabinet", 3, "", "", ""},
		{0, "/v1/cabinet\x00\u202e", 0, "", "", ""},
	} {
		f.Add(s.method, s.path, s.auth, s.key, s.ctype, []byte(s.body))
	}
	f.Fuzz(func(t *testing.T, m uint8, path string, auth uint8, key, ctype string, body []byte) {
		method := fuzzMethods[int(m)%len(fuzzMethods)]
		u, err := url.ParseRequestURI(path)
		if err != nil || u.Host != "" || u.Scheme != "" {
			u = &url.URL{Path: "/" + strings.TrimLeft(path, "/")}
		}
		srv, tok := fuzzServer(t)
		send := func() *httptest.ResponseRecorder {
			req := &http.Request{Method: method, URL: u, RequestURI: u.RequestURI(), Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
				Header: http.Header{}, Host: "127.0.0.1", RemoteAddr: "127.0.0.1:1234",
				Body: http.NoBody, ContentLength: int64(len(body))}
			if len(body) > 0 {
				req.Body = readCloser{bytes.NewReader(body)}
			}
			req = req.WithContext(t.Context())
			switch auth % 4 {
			case 0:
				req.Header.Set("Authorization", "Bearer "+tok)
			case 1:
			case 2:
				req.Header["Authorization"] = []string{"Bearer " + key}
			case 3:
				req.Header["Authorization"] = []string{"bearer  " + tok}
			}
			if key != "" {
				req.Header[httpapi.HeaderIdempotencyKey] = []string{key}
			}
			if ctype != "" {
				req.Header["Content-Type"] = []string{ctype}
			}
			w := httptest.NewRecorder()
			srv.ServeHTTP(w, req)
			return w
		}
		w := send()
		checkAnswer(t, method, path, w)
		if method == http.MethodPost && key != "" && w.Code != http.StatusNotFound {
			again := send()
			checkAnswer(t, method, path, again)
			kept := w.Code < 500 && w.Code != http.StatusTooManyRequests && w.Code != http.StatusUnauthorized
			if kept && (again.Code != w.Code || !bytes.Equal(again.Body.Bytes(), w.Body.Bytes())) {
				t.Fatalf("%s %q replayed as %d %q, first %d %q", method, path, again.Code, again.Body, w.Code, w.Body)
			}
			if replayed := again.Header().Get(httpapi.HeaderReplayed) == "true"; kept && w.Code != http.StatusBadRequest && w.Code != http.StatusRequestEntityTooLarge && !replayed && strings.HasPrefix(u.Path, "/v2/") {
				// 400s for a missing or long key and 413s are answered
				// before the cache; everything else kept must be a replay.
				t.Fatalf("%s %q: second answer %d not marked replayed", method, path, again.Code)
			}
		}
	})
}

type readCloser struct{ *bytes.Reader }

func (readCloser) Close() error { return nil }

// checkAnswer checks one answer of the server.
func checkAnswer(t *testing.T, method, path string, w *httptest.ResponseRecorder) {
	t.Helper()
	switch {
	case w.Code >= 300 && w.Code < 400:
		// Only the mux's redirect to the clean path ("//x", "/a/../b").
		if w.Code != http.StatusMovedPermanently && w.Code != http.StatusTemporaryRedirect && w.Code != http.StatusPermanentRedirect || w.Header().Get("Location") == "" {
			t.Fatalf("%s %q: %d without Location", method, path, w.Code)
		}
		return
	case w.Code < 200 || w.Code > 599:
		t.Fatalf("%s %q: status %d", method, path, w.Code)
	}
	if w.Code == http.StatusNoContent {
		if w.Body.Len() != 0 {
			t.Fatalf("%s %q: 204 with a body %q", method, path, w.Body)
		}
		return
	}
	if method != http.MethodHead && !json.Valid(w.Body.Bytes()) {
		t.Fatalf("%s %q: %d answer is not JSON: %q", method, path, w.Code, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Fatalf("%s %q: %d Content-Type %q", method, path, w.Code, ct)
	}
	if w.Code < 400 {
		return
	}
	var eb httpapi.ErrorBody
	dec := json.NewDecoder(bytes.NewReader(w.Body.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&eb); err != nil {
		t.Fatalf("%s %q: %d error body %q: %v", method, path, w.Code, w.Body, err)
	}
	if eb.MessageFR == "" || eb.MessageEN == "" {
		t.Fatalf("%s %q: error body without messages: %q", method, path, w.Body)
	}
	want := httpapi.Status(eb.Code)
	switch {
	case want == 500 && eb.Code != "unavailable":
		t.Fatalf("%s %q: unknown error code %q", method, path, eb.Code)
	case w.Code == want,
		w.Code == http.StatusForbidden && eb.Code == "unauthorized",
		w.Code == http.StatusRequestEntityTooLarge && eb.Code == "invalid",
		w.Code == http.StatusInternalServerError && eb.Code == "unavailable":
	default:
		t.Fatalf("%s %q: status %d with code %q", method, path, w.Code, eb.Code)
	}
	if (w.Code == http.StatusTooManyRequests || w.Code == http.StatusServiceUnavailable) && w.Header().Get(httpapi.HeaderRetryAfter) == "" {
		t.Fatalf("%s %q: %d without Retry-After", method, path, w.Code)
	}
}
