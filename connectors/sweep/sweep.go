package sweep

import (
	"context"
	"sync"
	"time"

	"github.com/bascule-cli/bascule/connectors"
)

// DefaultConcurrency is the number of snapshots fetched at once when
// Options.Concurrency is not set. Sixteen keeps a sweep of 12,000 dossiers
// to minutes over a slow link while staying a modest load for the platform
// (the client's rate limiter has the last word).
const DefaultConcurrency = 16

// Options tunes Run.
type Options struct {
	// Concurrency bounds the snapshots in flight (default
	// DefaultConcurrency).
	Concurrency int

	// OnProgress is called after each dossier with the count done so far
	// and the total. OnResult is called with each result as it arrives (not
	// in input order). Both are called from Run's goroutine, one call at a
	// time, never after Run has returned: they need no locking but should be
	// quick (send a message to the UI, say).
	OnProgress func(done, total int)
	OnResult   func(Result)
}

// Result is the outcome for one dossier.
type Result struct {
	ClientID string
	Snapshot connectors.V1Snapshot // zero when Err is set
	Err      error
	Duration time.Duration // time spent fetching this snapshot
}

// Run fetches the V1 snapshot of every client in clientIDs, at most
// opts.Concurrency at a time. A failure is recorded in that client's
// Result and the sweep goes on. Results come back in the order of
// clientIDs.
//
// When ctx ends Run returns promptly with ctx.Err(): dossiers done so far
// keep their result, the others get ctx.Err() as their error. Calls still in
// flight are left to finish in the background (they see the same ctx); their
// results are dropped.
func Run(ctx context.Context, v1 connectors.V1, clientIDs []string, opts Options) ([]Result, error) {
	n := opts.Concurrency
	if n <= 0 {
		n = DefaultConcurrency
	}
	total := len(clientIDs)
	n = min(n, total)
	results := make([]Result, total)
	for i, id := range clientIDs {
		results[i].ClientID = id
	}
	if total == 0 {
		return results, ctx.Err()
	}

	type indexed struct {
		i int
		r Result
	}
	// Buffered for every result, so a worker never blocks on a Run that
	// has already returned after cancellation.
	out := make(chan indexed, total)
	next := make(chan int)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for i := range next {
				if err := ctx.Err(); err != nil { // handed out just as ctx ended
					out <- indexed{i, Result{ClientID: clientIDs[i], Err: err}}
					continue
				}
				start := time.Now()
				snap, err := v1.ClientSnapshot(ctx, clientIDs[i])
				r := Result{ClientID: clientIDs[i], Err: err, Duration: time.Since(start)}
				if err == nil {
					r.Snapshot = snap
				}
				out <- indexed{i, r}
			}
		})
	}

	// Feed indexes until all are handed out or ctx ends.
	go func() {
		defer close(next)
		for i := range total {
			if ctx.Err() != nil { // select picks at random among ready cases
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()

	done := make([]bool, total)
	for count := 0; count < total; {
		if ctx.Err() != nil {
			// Checked first: with results still flowing, select alone
			// could keep choosing them over cancellation.
			return cancelled(results, done, ctx.Err())
		}
		select {
		case x := <-out:
			results[x.i] = x.r
			done[x.i] = true
			count++
			if opts.OnResult != nil {
				opts.OnResult(x.r)
			}
			if opts.OnProgress != nil {
				opts.OnProgress(count, total)
			}
		case <-ctx.Done():
			return cancelled(results, done, ctx.Err())
		}
	}
	wg.Wait() // every index handed out and answered: workers are exiting
	return results, nil
}

// cancelled gives err to every result not done and returns them with err.
func cancelled(results []Result, done []bool, err error) ([]Result, error) {
	for i := range results {
		if !done[i] {
			results[i].Err = err
		}
	}
	return results, err
}
