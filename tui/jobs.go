package tui

import (
	"context"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/session"
)

// The connector work of each step is the engine's (session.Job: a table
// from step id to job); the screens run it in commands and hand the result
// to the engine.

// findingError is a job that refuses to act, for a reason the user can fix
// (the engine's).
type findingError = session.FindingError

// jobFor returns the connector work of a reconciliation (or preparation)
// step instance, or nil when the step is done by hand. The job reads what
// it needs from the store itself, so bulk actions can run it for any client.
func (m *Model) jobFor(ref checklist.Ref) job {
	return jobFor(jobDeps{v1: m.ports.V1, v2: m.ports.V2, now: m.opts.Now, store: m.opts.Store,
		ws: m.ws.ID, seed: m.wsSeed(), run: m.run, lang: m.lang}, ref)
}

// jobDeps is what a step's job needs of the program that runs it.
type jobDeps struct {
	v1       connectors.V1
	v2       connectors.V2
	now      func() time.Time
	store    Store
	ws, seed string // the workspace's id, and what its idempotency keys derive from
	run      *checklist.Run
	lang     checklist.Lang
}

// jobFor is the engine's job of a step instance, as the screens run it, or
// nil.
func jobFor(d jobDeps, ref checklist.Ref) job {
	fn := session.Job(session.JobDeps{Ports: session.Ports{V1: d.v1, V2: d.v2}, Reader: d.store, Workspace: d.ws,
		Seed: d.seed, Run: d.run, Lang: d.lang, Now: d.now}, ref)
	if fn == nil {
		return nil
	}
	return func(ctx context.Context) (jobResult, error) {
		r, err := fn(ctx)
		return jobResult{ev: r.Evidence, pending: r.Pending, capture: r.Capture, summary: r.Summary}, err
	}
}
