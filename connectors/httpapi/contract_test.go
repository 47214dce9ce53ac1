package httpapi_test

import (
	"testing"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/contracttest"
	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/sandbox"
)

// The HTTP clients talking to the sandbox over loopback pass the same port
// contract as the sandbox in process: plain, with hostile names, and with
// every fault the server can inject (the clients' retries must hide them,
// and the contract's side-effect checks prove no write acted twice).
func TestContractOverHTTP(t *testing.T) {
	cases := []struct {
		name    string
		hostile bool
		faults  httpapi.Faults
	}{
		{name: "plain"},
		{name: "hostile", hostile: true, faults: httpapi.Faults{Hostile: 0.5}},
		{name: "faults", faults: httpapi.Faults{Seed: 7, RateLimited: 0.1, ServerErrors: 0.1, Drops: 0.1, Malformed: 0.1, Hostile: 0.1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			contracttest.Run(t, func(t *testing.T) (connectors.V1, connectors.V2, contracttest.Control) {
				s := newStack(t, sandbox.Options{Seed: 42, Hostile: tc.hostile},
					httpapi.ServerOptions{Faults: tc.faults}, nil)
				return s.v1, s.v2, s.p
			})
		})
	}
}
