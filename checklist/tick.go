package checklist

import (
	"fmt"
	"strings"
	"time"
)

// A tick that contradicts what a check found is not refused outright: the
// user may know better than the last check (invoices accepted a minute ago).
// But it is a decision, so it passes only with a reason, recorded as an
// override of the step's own gate (TickGate), which reports list among the
// other overrides.

// tickGatePrefix starts the id of a step's tick gate.
const tickGatePrefix = "tick:"

// TickGate is the gate of one step instance: an override of it lets the step
// be ticked done against the latest evidence.
func TickGate(ref Ref) string { return tickGatePrefix + ref.String() }

// TickGateRef reads back the step instance of a tick gate; ok is false for
// any other gate.
func TickGateRef(gate string) (Ref, bool) {
	rest, ok := strings.CutPrefix(gate, tickGatePrefix)
	if !ok {
		return Ref{}, false
	}
	client, step, ok := strings.Cut(rest, "/")
	if !ok || step == "" {
		return Ref{}, false
	}
	if client == "cabinet" {
		client = ""
	}
	return Ref{Step: step, Client: client}, true
}

// GateTitle names a gate for the user, in reports and on screens.
func (r *Run) GateTitle(gate string) Text {
	if gate == GateRequestReadiness {
		return tx("demande de migration autorisée malgré les points bloquants", "migration request allowed despite the blocking points")
	}
	ref, ok := TickGateRef(gate)
	if !ok {
		return tx(gate, gate)
	}
	t := r.stepTitle(ref.Step)
	fr, en := "« "+t.FR+" » cochée malgré la dernière vérification", "\""+t.EN+"\" ticked despite the latest check"
	if ref.Client != "" {
		name := ref.Client
		if ci := r.ClientIndex(ref.Client); ci >= 0 {
			name = r.Clients[ci].Name
		}
		fr, en = name+" — "+fr, name+" — "+en
	}
	return tx(fr, en)
}

// tickOverride returns the override of ref's tick gate recorded at or after
// since (any time when since is zero).
func (r *Run) tickOverride(ref Ref, since time.Time) (Override, bool) {
	o, ok := r.Override(TickGate(ref))
	if !ok || (!since.IsZero() && o.At.Before(since)) {
		return Override{}, false
	}
	return o, true
}

// pendingContradiction refuses "Accepter les factures en attente" while the
// last count of the client's pending invoices is above zero, unless the tick
// is overridden.
func (r *Run) pendingContradiction(ref Ref, step *Step) error {
	ci := r.ClientIndex(ref.Client)
	if ci < 0 || r.Clients[ci].PendingInvoices <= 0 {
		return nil
	}
	if _, ok := r.tickOverride(ref, time.Time{}); ok {
		return nil
	}
	n := pendingCount(r.Clients[ci].PendingInvoices)
	return contradiction(ref, step, tx(n.FR+" sur V1", n.EN+" on V1"))
}

func contradiction(ref Ref, step *Step, found Text) *Error {
	return &Error{Code: "contradicts_evidence", Gate: TickGate(ref),
		Message: tx(fmt.Sprintf("« %s » : la dernière vérification a trouvé %s ; pour cocher quand même, donnez une raison (dérogation)", step.Title.FR, found.FR),
			fmt.Sprintf("%q: the latest check found %s; to tick it anyway, give a reason (override)", step.Title.EN, found.EN))}
}

// CheckChange is CheckTransition, plus the rule that a step is not ticked
// done against the latest evidence without an override. latest is the
// evidence the change carries, or else the one recorded for the step: a
// check that finds the step fine and ticks it in the same change passes.
// When latest is nil, the run's last count of the client's pending invoices
// stands for the check of "Accepter les factures en attente".
func (r *Run) CheckChange(ref Ref, to Status, reason string, latest *Evidence) error {
	if err := r.CheckTransition(ref, to, reason); err != nil {
		return err
	}
	if to != StatusDone {
		return nil
	}
	step, _, err := r.locate(ref)
	if err != nil {
		return err
	}
	if latest == nil {
		// No evidence at hand: the run's own record of the last count
		// of pending invoices still speaks.
		if step.ID == pendingInvoicesStep {
			return r.pendingContradiction(ref, step)
		}
		return nil
	}
	if latest.OK || leftToJudge(latest) {
		return nil
	}
	if _, ok := r.tickOverride(ref, latest.At); ok {
		return nil
	}
	return contradiction(ref, step, evidenceFound(latest))
}

// evidenceFound says in a few words what a failed check found.
func evidenceFound(ev *Evidence) Text {
	if len(ev.Findings) == 0 {
		return tx("l'étape à reprendre", "the step needs work")
	}
	var fr, en []string
	for _, f := range ev.Findings {
		t := FindingText(f)
		fr, en = append(fr, t.FR), append(en, t.EN)
	}
	return tx(strings.Join(fr, ", "), strings.Join(en, ", "))
}

// leftToJudge reports whether a failed check only hands the step to a
// person (bascule's rules found nothing, the articles are to be judged): a
// tick then follows the check rather than contradicting it.
func leftToJudge(ev *Evidence) bool {
	if len(ev.Findings) == 0 {
		return false
	}
	for _, f := range ev.Findings {
		if f.Code != FindingArticlesToJudge {
			return false
		}
	}
	return true
}
