package v1_test

import (
	"errors"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/contracttest"
	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/sandbox"
	"github.com/bascule-cli/bascule/connectors/v1"
	"github.com/bascule-cli/bascule/connectors/v2"
)

func fixedClock() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }

// The V1 half of the port contract, through this client and the httpapi
// server over loopback, the sandbox's raw (unsanitised) V1 behind it.
func TestContractV1(t *testing.T) {
	contracttest.RunV1(t, func(t *testing.T) (connectors.V1, connectors.V2, contracttest.Control) {
		p := sandbox.New(sandbox.Options{Seed: 42, Hostile: true, Now: fixedClock})
		hs := httptest.NewServer(httpapi.NewServer(p.RawV1(), p.V2(), httpapi.ServerOptions{}))
		t.Cleanup(hs.Close)
		cfg := v1.Config{BaseURL: hs.URL, ClientID: "bascule", ClientSecret: "sandbox"}
		c1, err := v1.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		c2, err := v2.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return c1, c2, p
	})
}

func TestNewRefusesPlainHTTP(t *testing.T) {
	_, err := v1.New(v1.Config{BaseURL: "http://api.jefacture.com", ClientID: "a", ClientSecret: "b"})
	if !errors.Is(err, connectors.ErrInvalid) || !strings.HasPrefix(err.Error(), "v1.New : adresse") {
		t.Fatalf("err = %v", err)
	}
	if _, err := v1.New(v1.Config{BaseURL: "http://127.0.0.1:9", ClientID: "a", ClientSecret: "b"}); err != nil {
		t.Fatal(err)
	}
}

func TestSecretNotPrinted(t *testing.T) {
	cfg := v1.Config{BaseURL: "https://x.example", ClientID: "a", ClientSecret: "hunter2"}
	c, err := v1.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{fmt.Sprintf("%+v %#v %v", cfg, cfg, c), c.String()} {
		if strings.Contains(s, "hunter2") {
			t.Errorf("secret printed: %s", s)
		}
	}
}

func TestEmptyClientID(t *testing.T) {
	c, _ := v1.New(v1.Config{BaseURL: "http://127.0.0.1:9", ClientID: "a", ClientSecret: "b"})
	if _, err := c.ClientSnapshot(t.Context(), ""); !errors.Is(err, connectors.ErrInvalid) {
		t.Fatalf("err = %v", err)
	}
}
