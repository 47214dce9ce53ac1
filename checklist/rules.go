package checklist

import (
	"fmt"
	"slices"
	"strings"
)

// BlockerKind says why something blocks the request.
type BlockerKind string

// What can block the migration request (§3.2).
const (
	BlockPendingInvoices BlockerKind = "pending_invoices" // a client still has invoices to accept
	// BlockCabinetPendingInvoices: the firm's own V1 dossier is not checked
	// for invoices awaiting acceptance, or still has some (§3.2).
	BlockCabinetPendingInvoices BlockerKind = "cabinet_pending_invoices"
	BlockClientPreparation      BlockerKind = "client_preparation"  // a client's §2 steps are not all done
	BlockCabinetPreparation     BlockerKind = "cabinet_preparation" // the cabinet's §2 steps are not all done
	BlockRegistration           BlockerKind = "registration"        // §3.1 is not finished
	BlockStepBlocked            BlockerKind = "step_blocked"        // a preparation step is marked blocked
	BlockRequiredStepMissing    BlockerKind = "required_step"       // a step this one needs is not done
	BlockNotMigrated            BlockerKind = "not_migrated"        // reconciliation before the migration succeeded
)

// CabinetPendingStep is the check of the firm's own V1 dossier for invoices
// awaiting acceptance, made before the request (§3.2).
const CabinetPendingStep = StepRequestCabinetPendingInvoices

// Blocker is one precise reason a gate is closed.
type Blocker struct {
	Kind    BlockerKind `json:"kind"`
	Client  string      `json:"client,omitempty"` // client id, empty for the cabinet
	Step    string      `json:"step,omitempty"`
	Count   int         `json:"count,omitempty"`
	Message Text        `json:"message"`
}

// RequestBlockers lists exactly what keeps the migration request from being
// sent: registration not finished, cabinet or client preparation not done,
// invoices still pending on V1. An override does not empty the list: it only
// lets the gate pass, and the list stays visible.
func (r *Run) RequestBlockers() []Blocker {
	g := r.Guide
	var out []Blocker
	for _, s := range g.StepsFor(ScopeCabinet) {
		st := r.Cabinet[g.posInRun[s.ID]]
		if st.Resolved() || s.Optional {
			continue
		}
		switch {
		case s.ID == CabinetPendingStep:
			out = append(out, Blocker{Kind: BlockCabinetPendingInvoices, Step: s.ID,
				Message: tx("Dossier du cabinet : factures en attente à accepter ou à vérifier ("+st.Title().FR+")",
					"Firm's own dossier: pending invoices to accept or to check ("+st.Title().EN+")")})
			continue
		}
		switch s.Phase {
		case PhasePreparation:
			out = append(out, Blocker{Kind: BlockCabinetPreparation, Step: s.ID,
				Message: tx("Préparation du cabinet : "+s.Title.FR+" ("+st.Title().FR+")",
					"Firm preparation: "+s.Title.EN+" ("+st.Title().EN+")")})
		case PhaseRegistration:
			out = append(out, Blocker{Kind: BlockRegistration, Step: s.ID,
				Message: tx("Inscription : "+s.Title.FR+" ("+st.Title().FR+")",
					"Registration: "+s.Title.EN+" ("+st.Title().EN+")")})
		}
	}
	side := g.ClientSideSteps()
	const pendingID = StepClientPendingInvoices
	pendingPos := g.posInRun[pendingID]
	// The client preparation steps, by position in ClientRun.Steps.
	var prep []int
	for p, s := range side {
		if s.Phase == PhasePreparation && s.ID != pendingID && !s.Optional {
			prep = append(prep, p)
		}
	}
	// At 12,000 clients this runs after each key of the request screen:
	// messages are built with one allocation each, not through Sprintf and
	// joined slices (it was 50 ms and 222,000 allocations a call).
	out = slices.Grow(out, 2*len(r.Clients))
	var fr, en []byte // reused: each message is then one allocation
	for i := range r.Clients {
		c := &r.Clients[i]
		if c.PendingInvoices > 0 {
			n := pendingCount(c.PendingInvoices)
			out = append(out, Blocker{Kind: BlockPendingInvoices, Client: c.ID, Step: pendingID, Count: c.PendingInvoices,
				Message: tx(c.Name+" : "+n.FR+" d'acceptation sur V1", c.Name+": "+n.EN+" acceptance on V1")})
		} else if !c.Steps[pendingPos].Resolved() {
			out = append(out, Blocker{Kind: BlockPendingInvoices, Client: c.ID, Step: pendingID,
				Message: tx(c.Name+" : factures en attente non vérifiées", c.Name+": pending invoices not checked")})
		}
		open := 0
		for _, p := range prep {
			if s := side[p]; !c.Steps[p].Resolved() && r.applies(c, s) {
				if open == 0 {
					fr = append(append(fr[:0], c.Name...), " : préparation incomplète ("...)
					en = append(append(en[:0], c.Name...), ": preparation not finished ("...)
				} else {
					fr = append(fr, ", "...)
					en = append(en, ", "...)
				}
				fr = append(fr, s.Title.FR...)
				en = append(en, s.Title.EN...)
				open++
			}
		}
		if open > 0 {
			out = append(out, Blocker{Kind: BlockClientPreparation, Client: c.ID, Count: open,
				Message: tx(string(append(fr, ')')), string(append(en, ')')))})
		}
	}
	return out
}

// BlockerSummary counts blockers by kind and distinct clients, for a one-line
// message such as "12 clients ont des factures en attente".
func BlockerSummary(bs []Blocker) map[BlockerKind]int {
	out := map[BlockerKind]int{}
	for _, b := range bs {
		out[b.Kind]++
	}
	return out
}

// CheckTransition says whether a step instance may take a new status, given
// the guide's rules: a reason for blocked and not applicable; the steps it
// requires done first; the request gate (every client ready, or an override);
// reconciliation only once the migration succeeded. It does not change r.
func (r *Run) CheckTransition(ref Ref, to Status, reason string) error {
	if to >= statusCount {
		return newError("bad_status", "statut inconnu", "unknown status")
	}
	step, _, err := r.locate(ref)
	if err != nil {
		return err
	}
	if to.NeedsReason() && strings.TrimSpace(reason) == "" {
		return newError("reason_required",
			fmt.Sprintf("le statut « %s » demande une raison", to.Title().FR),
			fmt.Sprintf("status %q needs a reason", to.Title().EN))
	}
	if to == StatusTodo || to == StatusNotApplicable || to == StatusBlocked {
		return nil // going back, or setting aside, is always allowed
	}
	if step.Phase == PhaseReconciliation && !r.Migrated() {
		return &Error{Code: "gate_closed",
			Message: tx("la validation et la réintégration s'ouvrent une fois la migration confirmée (étape « "+r.stepTitle(StepRequestAnswer).FR+" »)",
				"validation and re-entry open once the migration is confirmed (step \""+r.stepTitle(StepRequestAnswer).EN+"\")"),
			Blockers: []Blocker{{Kind: BlockNotMigrated, Step: StepRequestAnswer, Message: tx("migration non confirmée", "migration not confirmed")}}}
	}
	if to != StatusDone {
		return nil
	}
	if missing := r.missingRequirements(ref, step); len(missing) > 0 {
		var fr, en []string
		for _, b := range missing {
			fr = append(fr, b.Message.FR)
			en = append(en, b.Message.EN)
		}
		return &Error{Code: "requirements", Blockers: missing,
			Message: tx("à faire avant : "+strings.Join(fr, " ; "), "to do first: "+strings.Join(en, "; "))}
	}
	switch step.ID {
	case StepRequestSubmit, StepRequestClientChecks:
		// Ticking the control while points block is as much a decision to
		// go on as sending the request: both pass only with the override.
		if bs := r.RequestBlockers(); len(bs) > 0 {
			if _, ok := r.Override(GateRequestReadiness); !ok {
				return readinessClosed(step, bs)
			}
		}
	}
	return nil
}

const pendingInvoicesStep = StepClientPendingInvoices

func pendingCount(n int) Text {
	return Count(n, "facture en attente", "factures en attente", "invoice awaiting", "invoices awaiting")
}

func readinessClosed(step *Step, bs []Blocker) *Error {
	n := Count(len(bs), "point bloquant", "points bloquants", "blocking point", "blocking points")
	head := tx("la demande ne peut pas être envoyée", "the request cannot be sent")
	if step.ID != StepRequestSubmit {
		head = tx("« "+step.Title.FR+" » ne peut pas être cochée", "\""+step.Title.EN+"\" cannot be ticked")
	}
	return &Error{Code: "gate_closed", Blockers: bs, Gate: GateRequestReadiness,
		Message: tx(fmt.Sprintf("%s : %s, dont « %s » ; pour passer outre, donnez une raison (dérogation)", head.FR, n.FR, bs[0].Message.FR),
			fmt.Sprintf("%s: %s, including %q; to go on anyway, give a reason (override)", head.EN, n.EN, bs[0].Message.EN))}
}

func (r *Run) missingRequirements(ref Ref, step *Step) []Blocker {
	var out []Blocker
	for _, req := range step.Requires {
		rs, _ := r.Guide.Step(req)
		rref := Ref{Step: req}
		if rs.Scope != ScopeCabinet {
			rref.Client = ref.Client
		}
		st, err := r.Status(rref)
		if err != nil || st.Resolved() {
			continue
		}
		out = append(out, Blocker{Kind: BlockRequiredStepMissing, Step: req, Client: rref.Client,
			Message: tx("« "+rs.Title.FR+" »", "\""+rs.Title.EN+"\"")})
	}
	return out
}

func (r *Run) stepTitle(id string) Text {
	if s, ok := r.Guide.Step(id); ok {
		return s.Title
	}
	return Text{}
}
