package sweep_test

import (
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/sandbox"
	"github.com/bascule-cli/bascule/connectors/sweep"
	"github.com/bascule-cli/bascule/connectors/v1"
)

// overHTTP serves a sandbox of n clients with latency added to every
// request, and returns a V1 HTTP client on it with the client ids.
func overHTTP(tb testing.TB, n int, latency time.Duration) (*v1.Client, []string) {
	tb.Helper()
	p := sandbox.New(sandbox.Options{Seed: 1, Clients: n})
	hs := httptest.NewServer(httpapi.NewServer(p.V1(), p.V2(), httpapi.ServerOptions{Faults: httpapi.Faults{Latency: latency}}))
	tb.Cleanup(hs.Close)
	c, err := v1.New(v1.Config{BaseURL: hs.URL, ClientID: "bascule", ClientSecret: "sandbox"})
	if err != nil {
		tb.Fatal(err)
	}
	var ids []string
	for _, cl := range p.Clients() {
		ids = append(ids, cl.ID)
	}
	return c, ids
}

func sweepOnce(tb testing.TB, c *v1.Client, ids []string, concurrency int) time.Duration {
	start := time.Now()
	res, err := sweep.Run(tb.Context(), c, ids, sweep.Options{Concurrency: concurrency})
	d := time.Since(start)
	if err != nil {
		tb.Fatal(err)
	}
	for _, r := range res {
		if r.Err != nil {
			tb.Fatalf("%s: %v", r.ClientID, r.Err)
		}
	}
	return d
}

// BenchmarkSweep: 500 clients over loopback HTTP with 20 ms added to each
// request, one at a time versus the default concurrency. Run with
//
//	go test -run '^$' -bench BenchmarkSweep -benchtime 1x ./connectors/sweep/
func BenchmarkSweep(b *testing.B) {
	c, ids := overHTTP(b, 500, 20*time.Millisecond)
	for _, bc := range []struct {
		name        string
		concurrency int
	}{{"sequential", 1}, {"concurrent", 0}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				sweepOnce(b, c, ids, bc.concurrency)
			}
			b.ReportMetric(float64(len(ids)), "clients/op")
		})
	}
}

// TestSweep12K measures a sweep of the largest cabinet (12,000 clients, 20
// ms latency, default concurrency). It takes seconds, so it runs only with
//
//	BASCULE_SWEEP_12K=1 go test -run TestSweep12K -v ./connectors/sweep/
func TestSweep12K(t *testing.T) {
	if os.Getenv("BASCULE_SWEEP_12K") != "1" {
		t.Skip("set BASCULE_SWEEP_12K=1 to sweep 12,000 clients")
	}
	c, ids := overHTTP(t, sandbox.MaxClients, 20*time.Millisecond)
	d := sweepOnce(t, c, ids, 0)
	t.Logf("swept %d clients in %v (concurrency %d, 20 ms latency per request)", len(ids), d.Round(time.Millisecond), sweep.DefaultConcurrency)
}
