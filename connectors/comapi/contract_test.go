package comapi

import (
	"net/http/httptest"
	"testing"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/contracttest"
	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/sandbox"
)

// The comapi client against the sandbox over loopback HTTP passes the same
// contract as the sandbox in process: plain, with hostile names stored raw
// (the client must sanitise them), and with the server's faults (retries
// must hide them).
func TestContractOverHTTP(t *testing.T) {
	cases := []struct {
		name    string
		hostile bool
		faults  httpapi.Faults
	}{
		{name: "plain"},
		{name: "hostile", hostile: true},
		{name: "faults", faults: httpapi.Faults{Seed: 7, RateLimited: 0.1, ServerErrors: 0.1, Drops: 0.1, Malformed: 0.1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			contracttest.RunV1Files(t, func(t *testing.T) (connectors.V1Files, connectors.V1) {
				p := sandbox.New(sandbox.Options{Seed: 42, Hostile: tc.hostile})
				srv := httptest.NewServer(httpapi.NewServer(p.RawV1(), p.V2(), httpapi.ServerOptions{Files: p.RawV1Files(), Faults: tc.faults}))
				t.Cleanup(srv.Close)
				return newClient(t, srv.URL+httpapi.PathComapiPrefix, func(c *Config) { c.MaxRetries = 10 }), p.V1()
			})
		})
	}
}
