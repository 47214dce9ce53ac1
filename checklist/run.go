package checklist

// Dossier is a client company as the run knows it: enough for the dashboard.
type Dossier struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	SIREN   string `json:"siren"`
	Payment bool   `json:"payment"` // uses the payment services (Banqup)
	// PendingInvoices is the last count of invoices awaiting acceptance on V1,
	// or -1 when unknown (never checked).
	PendingInvoices int `json:"pending_invoices"`
	// LeftV1 says the client was missing from V1's (active) client list at
	// the last refresh: the dossier and its work are kept for the user to
	// decide. It is the dossier's own mark, so no check or sweep, which
	// rewrites a step's evidence, takes it away; the next refresh that
	// finds the client again clears it.
	LeftV1 bool `json:"left_v1,omitempty"`
}

// ClientRun is one client's dossier and the statuses of its steps, in the
// order of Guide.ClientSideSteps.
type ClientRun struct {
	Dossier
	Steps []Status
}

// Run is the state of a migration as the dashboard and the rules need it:
// statuses only. Notes, captures and evidence are kept per step by the store
// and read when a step is opened.
type Run struct {
	Guide     *Guide
	Cabinet   []Status // in the order of Guide.StepsFor(ScopeCabinet)
	Clients   []ClientRun
	Overrides []Override
	Request   RequestRecord

	// index maps a client id to its position in Clients, so lookups stay
	// O(1) at 12,000 clients; see ClientIndex and Reindex.
	index map[string]int
}

// NewRun builds an empty run (every step "à faire") for the given dossiers.
// All client status slices share one backing array: a run of 12,000 clients
// costs two allocations, not 12,000.
func NewRun(g *Guide, dossiers []Dossier) *Run {
	r := &Run{Guide: g, Cabinet: make([]Status, len(g.byScope[ScopeCabinet]))}
	width := len(g.byScope[ScopeClient]) + len(g.byScope[ScopePayment])
	backing := make([]Status, width*len(dossiers))
	r.Clients = make([]ClientRun, len(dossiers))
	for i, d := range dossiers {
		r.Clients[i] = ClientRun{Dossier: d, Steps: backing[i*width : (i+1)*width : (i+1)*width]}
	}
	r.Reindex()
	return r
}

// Position returns where a step's status lives in a run slice (Cabinet or a
// client's Steps).
func (g *Guide) Position(stepID string) (int, bool) {
	p, ok := g.posInRun[stepID]
	return p, ok
}

// ClientIndex returns the index of the client with id, or -1. The id map is
// built by NewRun (and Reindex); when Clients was changed since, a linear scan
// answers instead. Lookups never write, so a run may be read concurrently.
func (r *Run) ClientIndex(id string) int {
	if i, ok := r.index[id]; ok && i < len(r.Clients) && r.Clients[i].ID == id {
		return i
	}
	for i := range r.Clients {
		if r.Clients[i].ID == id {
			return i
		}
	}
	return -1
}

// Reindex rebuilds the id map after Clients was appended to or reordered.
func (r *Run) Reindex() {
	r.index = make(map[string]int, len(r.Clients))
	for i := range r.Clients {
		r.index[r.Clients[i].ID] = i
	}
}

// Status returns the status of a step instance.
func (r *Run) Status(ref Ref) (Status, error) {
	_, slot, err := r.locate(ref)
	if err != nil {
		return 0, err
	}
	return *slot, nil
}

// SetStatus writes a status that has already passed CheckTransition.
func (r *Run) SetStatus(ref Ref, st Status) error {
	_, slot, err := r.locate(ref)
	if err != nil {
		return err
	}
	*slot = st
	return nil
}

func (r *Run) locate(ref Ref) (*Step, *Status, error) {
	step, ok := r.Guide.Step(ref.Step)
	if !ok {
		return nil, nil, unknownStep(ref.Step)
	}
	pos := r.Guide.posInRun[ref.Step]
	if step.Scope == ScopeCabinet {
		if ref.Client != "" {
			return nil, nil, scopeMismatch(ref)
		}
		return step, &r.Cabinet[pos], nil
	}
	if ref.Client == "" {
		return nil, nil, scopeMismatch(ref)
	}
	ci := r.ClientIndex(ref.Client)
	if ci < 0 {
		return nil, nil, unknownClient(ref.Client)
	}
	if step.Scope == ScopePayment && !r.Clients[ci].Payment {
		return nil, nil, notPaymentClient(r.Clients[ci].Dossier, ref.Step)
	}
	return step, &r.Clients[ci].Steps[pos], nil
}

// applies reports whether a client-side step at pos applies to client c.
func (r *Run) applies(c *ClientRun, step *Step) bool {
	return step.Scope != ScopePayment || c.Payment
}

// Migrated reports whether the migration's success is recorded: the answer to
// the request was received. Reconciliation opens then.
func (r *Run) Migrated() bool {
	p, ok := r.Guide.posInRun[StepRequestAnswer]
	return ok && r.Cabinet[p] == StatusDone
}

// Override returns the active override of a gate, if any.
func (r *Run) Override(gate string) (Override, bool) {
	for i := len(r.Overrides) - 1; i >= 0; i-- {
		if r.Overrides[i].Gate == gate {
			return r.Overrides[i], true
		}
	}
	return Override{}, false
}

// AnswerDue returns the estimated due date of the answer to the request, if the
// request was submitted.
func (r *Run) AnswerDue() (Due, bool) {
	if r.Request.SubmittedAt.IsZero() {
		return Due{}, false
	}
	return AnswerDue(r.Request.SubmittedAt), true
}
