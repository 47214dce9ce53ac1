package v2_test

import (
	"errors"
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

// The V2 half of the port contract, through this client and the httpapi
// server over loopback, with answers lost after the platform acted (503
// and dropped connections) so that every write is retried under its key.
func TestContractV2(t *testing.T) {
	contracttest.RunV2(t, func(t *testing.T) (connectors.V1, connectors.V2, contracttest.Control) {
		p := sandbox.New(sandbox.Options{Seed: 42, Now: fixedClock})
		srv := httpapi.NewServer(p.RawV1(), p.V2(), httpapi.ServerOptions{
			Faults: httpapi.Faults{Seed: 3, ServerErrors: 0.2, Drops: 0.2}})
		hs := httptest.NewServer(srv)
		t.Cleanup(hs.Close)
		cfg := v2.Config{BaseURL: hs.URL, ClientID: "bascule", ClientSecret: "sandbox",
			MaxRetries: 10, BaseBackoff: time.Millisecond, MaxBackoff: time.Millisecond, MaxRetryAfter: time.Millisecond}
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
	_, err := v2.New(v2.Config{BaseURL: "http://192.168.1.10:8080", ClientID: "a", ClientSecret: "b"})
	if !errors.Is(err, connectors.ErrInvalid) || !strings.Contains(err.Error(), "https://") {
		t.Fatalf("err = %v", err)
	}
}

func TestEmptyPathParameters(t *testing.T) {
	c, _ := v2.New(v2.Config{BaseURL: "http://[::1]:9", ClientID: "a", ClientSecret: "b"})
	ctx := t.Context()
	for name, err := range map[string]error{
		"MigrationStatus": func() error { _, err := c.MigrationStatus(ctx, ""); return err }(),
		"Inventory":       func() error { _, err := c.Inventory(ctx, ""); return err }(),
		"InviteUser":      func() error { _, err := c.InviteUser(ctx, "", connectors.User{}, "k"); return err }(),
		"SetNumbering":    c.SetNumbering(ctx, "", connectors.Numbering{}, "k"),
	} {
		if !errors.Is(err, connectors.ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
