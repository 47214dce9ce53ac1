package session

import (
	"context"
	"errors"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
)

// CheckResult is a connector check's answer: the evidence to record and,
// for pending invoices, the count found.
type CheckResult struct {
	Evidence checklist.Evidence
	Pending  *int
}

// CheckFunc runs one step instance's connector check. It writes nothing.
type CheckFunc func(ctx context.Context) (CheckResult, error)

// ErrNoCheck says a step has no automatic check: a person ticks it.
var ErrNoCheck = errors.New("no automatic check for this step")

// checkDeps is what a check needs: the ports, the workspace's cabinet (the
// identity check compares with it) and the clock.
type checkDeps struct {
	v1  connectors.V1
	v2  connectors.V2
	cab connectors.Cabinet
	now func() time.Time
}

// checks is the table of connector checks, by step id: pending invoices
// and articles on V1 (§2), the registration's identity, activation and
// cabinet dossier on V2 (§3.1), the firm's own pending invoices before the
// request and V1 read-only after the migration (§3.2).
func checks() map[string]func(d checkDeps, ref checklist.Ref) CheckFunc {
	registration := func(d checkDeps, ref checklist.Ref) CheckFunc {
		return func(ctx context.Context) (CheckResult, error) {
			if d.v2 == nil {
				return CheckResult{}, ErrNoConnector
			}
			reg, err := d.v2.Registration(ctx)
			if err != nil {
				return CheckResult{}, err
			}
			if ref.Step == checklist.StepRegistrationIdentity {
				return CheckResult{Evidence: *checklist.IdentityEvidence(d.cab, reg, d.now())}, nil
			}
			return CheckResult{Evidence: *checklist.RegistrationEvidence(ref.Step, reg, d.now())}, nil
		}
	}
	return map[string]func(checkDeps, checklist.Ref) CheckFunc{
		checklist.StepClientPendingInvoices: func(d checkDeps, ref checklist.Ref) CheckFunc {
			return func(ctx context.Context) (CheckResult, error) {
				snap, err := snapshot(ctx, d.v1, ref.Client)
				if err != nil {
					return CheckResult{}, err
				}
				ev, n := checklist.PendingInvoicesEvidence(snap, d.now())
				return CheckResult{Evidence: *ev, Pending: &n}, nil
			}
		},
		checklist.StepClientArticles: func(d checkDeps, ref checklist.Ref) CheckFunc {
			return func(ctx context.Context) (CheckResult, error) {
				snap, err := snapshot(ctx, d.v1, ref.Client)
				if err != nil {
					return CheckResult{}, err
				}
				return CheckResult{Evidence: *checklist.ArticlesEvidence(snap, d.now())}, nil
			}
		},
		checklist.CabinetPendingStep: func(d checkDeps, _ checklist.Ref) CheckFunc {
			return func(ctx context.Context) (CheckResult, error) {
				// The firm's own V1 dossier, before the request (§3.2); the
				// count is the firm's own: it is no client's PendingInvoices.
				snap, err := snapshot(ctx, d.v1, connectors.SpaceCabinet)
				if err != nil {
					return CheckResult{}, err
				}
				ev, _ := checklist.PendingInvoicesEvidence(snap, d.now())
				return CheckResult{Evidence: *ev}, nil
			}
		},
		checklist.StepRegistrationIdentity:       registration,
		checklist.StepRegistrationActivate:       registration,
		checklist.StepRegistrationCabinetDossier: registration,
		checklist.StepRequestV1ReadOnly: func(d checkDeps, _ checklist.Ref) CheckFunc {
			return func(ctx context.Context) (CheckResult, error) {
				if d.v1 == nil {
					return CheckResult{}, ErrNoConnector
				}
				ro, err := d.v1.ReadOnly(ctx)
				if err != nil {
					return CheckResult{}, err
				}
				return CheckResult{Evidence: *checklist.ReadOnlyEvidence(ro, d.now())}, nil
			}
		},
	}
}

func snapshot(ctx context.Context, v1 connectors.V1, client string) (connectors.V1Snapshot, error) {
	if v1 == nil {
		return connectors.V1Snapshot{}, ErrNoConnector
	}
	return v1.ClientSnapshot(ctx, client)
}

// Check returns the connector check of a step instance, or nil when the
// step has none. cab is the workspace's cabinet; now nil means time.Now.
func Check(ports Ports, cab connectors.Cabinet, ref checklist.Ref, now func() time.Time) CheckFunc {
	mk, ok := checks()[ref.Step]
	if !ok {
		return nil
	}
	if now == nil {
		now = time.Now
	}
	return mk(checkDeps{v1: ports.V1, v2: ports.V2, cab: cab, now: now}, ref)
}

// HasCheck says a step has a connector check (whatever the ports).
func HasCheck(step string) bool {
	_, ok := checks()[step]
	return ok
}

// RunCheck runs a step instance's connector check with the engine's ports,
// outside the lock, then records what it found with RecordEvidence (the
// status by checklist's one rule, against the run as it is then).
// ErrNoCheck when the step has none, ErrNoConnector when the mode lacks the
// port; the check's own error otherwise (nothing is recorded).
func (e *Engine) RunCheck(ctx context.Context, ref checklist.Ref) (CheckResult, checklist.StepState, error) {
	if err := e.mayChange(ref); err != nil {
		return CheckResult{}, checklist.StepState{}, err
	}
	fn := Check(e.Ports(), e.cabinet, ref, e.now)
	if fn == nil {
		return CheckResult{}, checklist.StepState{}, ErrNoCheck
	}
	res, err := fn(ctx)
	if err != nil {
		return res, checklist.StepState{}, err
	}
	st, err := e.RecordEvidence(ref, res.Evidence, nil, res.Pending)
	return res, st, err
}
