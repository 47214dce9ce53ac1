package checklist

import (
	"slices"
	"strconv"
	"time"
)

// The one rule for what a check's evidence does to a step's status. Every
// front end (the full-screen wizard, the line prompts, `bascule sweep`) and
// every V2 job goes through it, through the engine (tui/session).

// waitsOnPlatform lists the steps where a failing check means "not yet"
// rather than "work started": the cabinet has nothing to do but wait for V2
// to switch V1 to read-only (§3.2 item 7), or for V2's answer (item 4).
func waitsOnPlatform(id string) bool {
	return id == StepRequestV1ReadOnly || id == StepRequestAnswer
}

// StatusFromEvidence is the status to record on step, now at cur, after a
// check or a V2 job produced ev; ok is false when the status must stay.
//
//   - A human decision is never overwritten: a step marked blocked or not
//     applicable (both carry a reason), or already done, keeps its status.
//     The evidence is still recorded beside it.
//   - A failed check never ticks: a step still to do becomes in progress
//     (something was found to handle), unless it only waits on the platform.
//   - A passed check ticks the step done only when the guide lets a check
//     settle it: not a step a person ticks (Step.PersonTicks: the article
//     base, whose check only applies bascule's own rules).
//
// It does not check gates or requirements: Run.StatusAfterEvidence does.
func StatusFromEvidence(step *Step, cur Status, ev Evidence) (Status, bool) {
	if step == nil || cur == StatusDone || cur.NeedsReason() {
		return cur, false
	}
	if !ev.OK {
		if cur == StatusTodo && !waitsOnPlatform(step.ID) {
			return StatusInProgress, true
		}
		return cur, false
	}
	if step.PersonTicks {
		return cur, false
	}
	return StatusDone, true
}

// StatusAfterEvidence applies StatusFromEvidence to a step instance of the
// run, then the transition rules: a status the gates or requirements refuse
// is left out (ok false), and the evidence alone is recorded.
func (r *Run) StatusAfterEvidence(ref Ref, ev Evidence) (Status, bool) {
	step, ok := r.Guide.Step(ref.Step)
	if !ok {
		return 0, false
	}
	cur, err := r.Status(ref)
	if err != nil {
		return 0, false
	}
	to, ok := StatusFromEvidence(step, cur, ev)
	if !ok || r.CheckTransition(ref, to, "") != nil {
		return cur, false
	}
	return to, true
}

// ReadinessEvidence is what the readiness check of the request records
// (§3.2 item 2: every client prepared, every invoice accepted): the count of
// blockers, by kind, as facts and findings in a stable order. It is checked
// by bascule's own rules, not a connector.
func ReadinessEvidence(bs []Blocker, now time.Time) Evidence {
	ev := Evidence{Source: "bascule", At: now.UTC(), Facts: map[string]string{"blockers": strconv.Itoa(len(bs))}, OK: len(bs) == 0}
	counts := BlockerSummary(bs)
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, string(k))
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		n := counts[BlockerKind(k)]
		ev.Facts["blockers."+k] = strconv.Itoa(n)
		ev.Findings = append(ev.Findings, Finding{Code: "blocker." + k, Count: n})
	}
	return ev
}

// StatusAfterCapture is the status to record when a capture is saved on a
// step now at cur, asking for to (done when the user finishes, in progress
// for a draft); ok is false when the status must stay: an edit never takes
// a step already resolved (done, not applicable) back to "en cours".
func StatusAfterCapture(cur, to Status) (Status, bool) {
	if cur == to || (to == StatusInProgress && cur.Resolved()) {
		return cur, false
	}
	return to, true
}
