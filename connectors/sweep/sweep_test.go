package sweep_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/sweep"
)

// fakeV1 answers snapshots after a random short delay, fails the ids in
// fail, and records the peak of calls in flight.
type fakeV1 struct {
	connectors.V1 // only ClientSnapshot is called
	fail          map[string]bool
	ignoreCtx     chan struct{} // if set, calls block on it whatever ctx says
	inFlight      atomic.Int64
	peak          atomic.Int64
}

func (f *fakeV1) ClientSnapshot(ctx context.Context, id string) (connectors.V1Snapshot, error) {
	n := f.inFlight.Add(1)
	defer f.inFlight.Add(-1)
	for {
		p := f.peak.Load()
		if n <= p || f.peak.CompareAndSwap(p, n) {
			break
		}
	}
	if f.ignoreCtx != nil {
		<-f.ignoreCtx
		return connectors.V1Snapshot{}, errors.New("too late")
	}
	select {
	case <-time.After(time.Duration(rand.IntN(3000)) * time.Microsecond):
	case <-ctx.Done():
		return connectors.V1Snapshot{}, ctx.Err()
	}
	if f.fail[id] {
		return connectors.V1Snapshot{}, &connectors.Error{Op: "v1.ClientSnapshot", Kind: connectors.ErrNotFound}
	}
	return connectors.V1Snapshot{Client: connectors.Client{ID: id}}, nil
}

func ids(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("cli-%05d", i)
	}
	return out
}

func TestRunOrderConcurrencyErrors(t *testing.T) {
	in := ids(200)
	f := &fakeV1{fail: map[string]bool{in[3]: true, in[150]: true}}
	var progress []int
	var seen int
	res, err := sweep.Run(t.Context(), f, in, sweep.Options{
		Concurrency: 7,
		OnProgress: func(done, total int) {
			if total != len(in) {
				t.Errorf("total %d", total)
			}
			progress = append(progress, done)
		},
		OnResult: func(sweep.Result) { seen++ },
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(in) || seen != len(in) || len(progress) != len(in) {
		t.Fatalf("%d results, %d callbacks, %d progress", len(res), seen, len(progress))
	}
	for i, r := range res {
		if r.ClientID != in[i] {
			t.Fatalf("result %d is %s, want input order", i, r.ClientID)
		}
		if f.fail[in[i]] {
			if !errors.Is(r.Err, connectors.ErrNotFound) {
				t.Errorf("%s: err %v", r.ClientID, r.Err)
			}
		} else if r.Err != nil || r.Snapshot.Client.ID != in[i] || r.Duration <= 0 {
			t.Errorf("%s: %+v", r.ClientID, r)
		}
		if progress[i] != i+1 {
			t.Fatalf("progress %v not 1..n", progress[:i+1])
		}
	}
	if p := f.peak.Load(); p > 7 || p < 2 {
		t.Errorf("peak concurrency %d, want 2..7", p)
	}
}

func TestRunDefaultsAndEmpty(t *testing.T) {
	res, err := sweep.Run(t.Context(), &fakeV1{}, nil, sweep.Options{})
	if err != nil || len(res) != 0 {
		t.Fatalf("%v %v", res, err)
	}
	f := &fakeV1{}
	if _, err := sweep.Run(t.Context(), f, ids(300), sweep.Options{}); err != nil {
		t.Fatal(err)
	}
	if p := f.peak.Load(); p > sweep.DefaultConcurrency {
		t.Errorf("peak %d above the default %d", p, sweep.DefaultConcurrency)
	}
}

func TestRunCancelPrompt(t *testing.T) {
	for _, ignore := range []bool{false, true} {
		t.Run(fmt.Sprintf("port_ignores_ctx=%v", ignore), func(t *testing.T) {
			f := &fakeV1{}
			if ignore {
				f.ignoreCtx = make(chan struct{})
				defer close(f.ignoreCtx)
			}
			ctx, cancel := context.WithCancel(t.Context())
			var mu sync.Mutex
			after := false
			var cancelledAt atomic.Int64
			time.AfterFunc(30*time.Millisecond, func() {
				cancelledAt.Store(time.Now().UnixNano())
				cancel()
			})
			res, err := sweep.Run(ctx, f, ids(5000), sweep.Options{Concurrency: 4, OnProgress: func(int, int) {
				mu.Lock()
				defer mu.Unlock()
				if after {
					t.Error("callback after Run returned")
				}
			}})
			mu.Lock()
			after = true
			mu.Unlock()
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v", err)
			}
			if d := time.Since(time.Unix(0, cancelledAt.Load())); d > 500*time.Millisecond {
				t.Errorf("returned %v after cancellation", d)
			}
			if len(res) != 5000 || !errors.Is(res[len(res)-1].Err, context.Canceled) || res[len(res)-1].ClientID == "" {
				t.Errorf("unfinished results must carry ctx.Err(): %+v", res[len(res)-1])
			}
		})
	}
}
