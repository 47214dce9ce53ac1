package transport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/connectors"
)

// Header authentication: the headers replace the token (none is asked
// for), go only to the base host, are masked when printed and must have a
// value; errors are told from the status alone, with the service's name,
// and Fetch keeps the body as it came, retrying a cut JSON answer.
func TestHeaderAuth(t *testing.T) {
	calls := 0
	elsewhere := "unset"
	srv, tokens := fakePlatform(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/elsewhere" {
			elsewhere = r.Header.Get("X-Api-Key")
			fmt.Fprint(w, "fichier")
			return
		}
		calls++
		if r.Header.Get("X-Api-Key") != "k-secret" || r.Header.Get("Authorization") != "" {
			t.Errorf("headers %v", r.Header)
		}
		switch r.URL.Path {
		case "/enterprise":
			if calls == 1 {
				fmt.Fprint(w, `[{"name":`)
				return
			}
			fmt.Fprint(w, `[]`)
		case "/denied":
			w.WriteHeader(http.StatusForbidden)
			fmt.Fprint(w, `{"code":"invalid","message_fr":"texte du serveur"}`)
		}
	})
	rec := &recorder{}
	c := newClient(t, srv.URL, rec, func(cfg *Config) {
		cfg.ClientID, cfg.ClientSecret = "", ""
		cfg.Headers = http.Header{"X-API-KEY": {"k-secret"}}
		cfg.StatusOnlyErrors = true
		cfg.ServiceFR, cfg.ServiceEN = "l'API d'export V1", "the V1 export API"
	})
	data, err := c.Fetch(context.Background(), "t.Fetch", "/enterprise", 0, true)
	if err != nil || string(data) != "[]" || calls != 2 || tokens.Load() != 0 {
		t.Fatalf("fetch %q, %v after %d calls, %d tokens", data, err, calls, tokens.Load())
	}
	_, err = c.Fetch(context.Background(), "t.Fetch", "/denied", 0, true)
	if !errors.Is(err, connectors.ErrUnauthorized) || !strings.Contains(err.Error(), "accès refusé par l'API d'export V1 (HTTP 403)") ||
		strings.Contains(err.Error(), "texte du serveur") {
		t.Fatalf("denied: %v", err)
	}
	for _, s := range []string{c.String(), fmt.Sprintf("%+v", c)} {
		if strings.Contains(s, "k-secret") || !strings.Contains(s, "X-Api-Key") {
			t.Errorf("printed: %s", s)
		}
	}
	if _, err := New("t.New", Config{BaseURL: srv.URL, Headers: http.Header{"X-API-KEY": {" "}}}); !errors.Is(err, connectors.ErrInvalid) {
		t.Fatalf("empty header accepted: %v", err)
	}
	// The same server under another host name is another host: no header.
	other := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/elsewhere"
	if data, err := c.Fetch(context.Background(), "t.Fetch", other, 0, false); err != nil || string(data) != "fichier" || elsewhere != "" {
		t.Fatalf("fetch elsewhere: %q, %v, key %q", data, err, elsewhere)
	}
}
