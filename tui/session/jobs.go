package session

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// JobResult is what a step's connector work found or did: the evidence to
// record (its status follows from it by checklist's one rule), the count of
// pending invoices and the capture it gathered, if any, and a one-line
// summary in the user's language.
type JobResult struct {
	Evidence checklist.Evidence
	Pending  *int
	Capture  *checklist.Capture
	Summary  string
}

// JobFunc runs one step instance's connector work. It reads the store and
// calls V1 or V2, never writes to the store: the engine records its result.
type JobFunc func(ctx context.Context) (JobResult, error)

// ErrNothingNoted says a re-creation has nothing to re-create: preparation
// noted nothing for it.
var ErrNothingNoted = errors.New("nothing noted during preparation")

// FindingError is a job that refuses to act, for a reason the user can fix
// (no plan chosen, a plan V2 does not offer); Plans is V2's list, if a
// connector gave one.
type FindingError struct {
	Finding checklist.Finding
	Plans   []string
}

func (e FindingError) Error() string { return e.Finding.Code }

// PlanLister is a V2 connector that can list the subscription plans V2
// offers. None does yet; bascule shows no list without one.
type PlanLister interface {
	SubscriptionPlans(ctx context.Context) ([]string, error)
}

// SpaceReadOnly is a V1 connector that can tell whether one client's old
// company space is read-only (§3.2). Without it the step is seen by hand.
type SpaceReadOnly interface {
	SpaceReadOnly(ctx context.Context, clientID string) (bool, error)
}

// JobDeps is what a job needs of the front end or engine that runs it.
type JobDeps struct {
	Ports Ports
	// Reader reads what preparation noted (a Store is one).
	Reader interface {
		StepState(ws string, ref checklist.Ref) (checklist.StepState, error)
	}
	Workspace string
	// Seed is what the workspace's idempotency keys derive from
	// (WorkspaceSeed): a retry of the same action replays on V2.
	Seed string
	// Run is read only: a client's dossier, read when the job is made, and
	// what blocks the request, read when the readiness job runs. A front
	// end that runs that job in another goroutine while it changes its run
	// passes a snapshot (Engine.Snapshot, CloneRun).
	Run  *checklist.Run
	Lang checklist.Lang
	Now  func() time.Time
}

// jobCtx is one job's captured values and the helpers every job shares.
type jobCtx struct {
	v1     connectors.V1
	v2     connectors.V2
	now    func() time.Time
	read   func(ws string, ref checklist.Ref) (checklist.StepState, error)
	ws     string
	seed   string
	lang   checklist.Lang
	ref    checklist.Ref
	client checklist.Dossier
	run    *checklist.Run // read only; nil when the front end gave none
}

// jobs is the table of connector work, by step id: the preparation's V1
// checks (for bulk runs), the request's readiness check (bascule's own
// rules, no connector), the reconciliation's controls and re-creations.
func jobs() map[string]func(*jobCtx) JobFunc {
	return map[string]func(*jobCtx) JobFunc{
		checklist.StepRequestClientChecks:               jobRequestReadiness,
		checklist.StepClientPendingInvoices:             jobClientPendingInvoices,
		checklist.StepClientArticles:                    jobClientArticles,
		checklist.CabinetPendingStep:                    jobCabinetPendingStep,
		checklist.StepReconClientV1ReadOnly:             jobReconClientV1ReadOnly,
		checklist.StepReconClientControl:                jobReconClientControl,
		checklist.StepReconCabinetDossierControl:        jobReconClientControl,
		checklist.StepReconPaymentPaymentAccount:        jobReconPaymentPaymentAccount,
		checklist.StepReconClientProfile:                jobReconClientProfile,
		checklist.StepReconClientUsers:                  jobReconClientUsers,
		checklist.StepReconCabinetCollaborators:         jobReconClientUsers,
		checklist.StepReconCabinetRoles:                 jobReconCabinetRoles,
		checklist.StepReconPaymentExternalAccounts:      jobReconPaymentExternalAccounts,
		checklist.StepReconClientNumbering:              jobReconClientNumbering,
		checklist.StepReconClientSubscription:           jobReconClientSubscription,
		checklist.StepReconCabinetApiConnections:        jobReconCabinetApiConnections,
		checklist.StepReconCabinetInactiveClientsImport: jobReconCabinetInactiveClientsImport,
	}
}

// Job returns the connector work of a step instance, or nil when the step
// is done by hand (or the client is unknown).
func Job(d JobDeps, ref checklist.Ref) JobFunc {
	mk, ok := jobs()[ref.Step]
	if !ok {
		return nil
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	j := &jobCtx{v1: d.Ports.V1, v2: d.Ports.V2, now: d.Now, ws: d.Workspace, seed: d.Seed, lang: d.Lang, ref: ref, run: d.Run}
	if d.Reader != nil {
		j.read = d.Reader.StepState
	}
	if ref.Client != "" {
		if d.Run == nil {
			return nil // no run to find the client's dossier in
		}
		ci := d.Run.ClientIndex(ref.Client)
		if ci < 0 {
			return nil
		}
		j.client = d.Run.Clients[ci].Dossier
	}
	return mk(j)
}

// HasJob says a step has connector work (whatever the ports).
func HasJob(step string) bool {
	_, ok := jobs()[step]
	return ok
}

// RunJob runs a step instance's connector work with the engine's ports,
// outside the lock, then records its result (the status by checklist's one
// rule, against the run as it is then). seed is the workspace's
// idempotency seed (WorkspaceSeed).
func (e *Engine) RunJob(ctx context.Context, ref checklist.Ref, seed string) (JobResult, checklist.StepState, error) {
	if err := e.mayChange(ref); err != nil {
		return JobResult{}, checklist.StepState{}, err
	}
	fn := Job(JobDeps{Ports: e.Ports(), Reader: e.store, Workspace: e.ws, Seed: seed, Run: e.Snapshot(), Lang: e.lang, Now: e.now}, ref)
	if fn == nil {
		return JobResult{}, checklist.StepState{}, ErrNoCheck
	}
	res, err := fn(ctx)
	if err != nil {
		return res, checklist.StepState{}, err
	}
	st, err := e.RecordEvidence(ref, res.Evidence, res.Capture, res.Pending)
	return res, st, err
}

func (j *jobCtx) load(step string) checklist.StepState {
	if j.read == nil {
		return checklist.StepState{}
	}
	s, _ := j.read(j.ws, checklist.Ref{Step: step, Client: j.ref.Client})
	return s
}

func (j *jobCtx) notedIn(step string) []checklist.Record {
	if c := j.load(step).Capture; c != nil {
		return c.Items
	}
	return nil
}

func (j *jobCtx) evV2() checklist.Evidence {
	return checklist.Evidence{Source: checklist.SourceV2, At: j.now().UTC(), OK: true, Facts: map[string]string{}}
}

func (j *jobCtx) done(ev checklist.Evidence, summary string) (JobResult, error) {
	return JobResult{Evidence: ev, Summary: summary}, nil
}

func (j *jobCtx) needV2() error {
	if j.v2 == nil {
		return ErrNoConnector
	}
	return nil
}

func factsFrom(s checklist.StepState) map[string]string {
	if s.Evidence != nil {
		return s.Evidence.Facts
	}
	return nil
}

// IdemKey derives an idempotency key from the workspace, the operation and
// its arguments: the same action again gives the same key (V2 replays it);
// a different one (another IBAN, a corrected numbering) a new key.
func IdemKey(seed, op string, args ...any) string {
	b, _ := json.Marshal(args)
	sum := sha256.Sum256([]byte(seed + "\x00" + op + "\x00" + string(b)))
	return "bascule-" + hex.EncodeToString(sum[:12])
}

func itoa(n int) string { return strconv.Itoa(n) }

// nouns writes a count with its noun, singular or plural, in lang.
func nouns(lang checklist.Lang, n int, w i18n.Noun) string {
	return checklist.FormatInt(lang, n) + " " + checklist.Plural(lang, n, w.One, w.Many)
}

// Reinvited keeps the noted people to invite again.
func Reinvited(rs []checklist.Record) []checklist.Record {
	var out []checklist.Record
	for _, r := range rs {
		if r["email"] != "" && r["reinvite"] != "false" {
			out = append(out, r)
		}
	}
	return out
}

// NotedIBANs are the IBANs noted in phase 1, normalised.
func NotedIBANs(rs []checklist.Record) []string {
	var out []string
	for _, r := range rs {
		if ib := ident.NormalizeIBAN(r["iban"]); ib != "" {
			out = append(out, ib)
		}
	}
	return out
}

// NumberingOf is the numbering noted in phase 1, or failing that the one
// V1's snapshot gave before the switch.
func NumberingOf(rs []checklist.Record, facts map[string]string) (connectors.Numbering, bool) {
	if len(rs) > 0 {
		if n, ok := checklist.ProposedNumbering(rs[0]); ok {
			return n, true
		}
	}
	if s := facts[checklist.FactNumbering]; s != "" {
		if n, err := connectors.ParseNumbering(s); err == nil {
			return n, true
		}
	}
	return connectors.Numbering{}, false
}

// SoftwareOf is the accounting software a noted value names.
func SoftwareOf(v string) connectors.Software {
	if v == "autre" || v == "" {
		return connectors.SoftwareOther
	}
	return connectors.Software(v)
}

func splitName(name string) (first, last string) {
	name = strings.TrimSpace(name)
	if i := strings.IndexByte(name, ' '); i > 0 {
		return name[:i], strings.TrimSpace(name[i+1:])
	}
	return "", name
}

func isConflict(err error) bool { return errors.Is(err, connectors.ErrConflict) }
