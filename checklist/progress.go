package checklist

import (
	"slices"
	"time"
)

// Tally counts step instances and the guide time they still need.
type Tally struct {
	Done      int           `json:"done"` // done or not applicable
	Total     int           `json:"total"`
	Blocked   int           `json:"blocked"`
	Remaining time.Duration `json:"remaining"` // guide time of the steps not resolved
	// Untimed counts the steps not resolved for which the guide gives no
	// duration (most of reconciliation): they are not in Remaining, and the
	// time left says so instead of showing a figure that never moves.
	Untimed int `json:"untimed"`
}

// Percent is Done/Total as a whole percentage; 100 when there is nothing to do.
func (t Tally) Percent() int {
	if t.Total == 0 {
		return 100
	}
	return t.Done * 100 / t.Total
}

// Complete reports whether every step instance is resolved.
func (t Tally) Complete() bool { return t.Done == t.Total }

func (t *Tally) add(st Status, est time.Duration) {
	t.Total++
	if st.Resolved() {
		t.Done++
		return
	}
	if st == StatusBlocked {
		t.Blocked++
	}
	t.Remaining += est
	if est == 0 {
		t.Untimed++
	}
}

// remove takes back what add counted.
func (t *Tally) remove(st Status, est time.Duration) {
	t.Total--
	if st.Resolved() {
		t.Done--
		return
	}
	if st == StatusBlocked {
		t.Blocked--
	}
	t.Remaining -= est
	if est == 0 {
		t.Untimed--
	}
}

func (t *Tally) merge(o Tally) {
	t.Done += o.Done
	t.Total += o.Total
	t.Blocked += o.Blocked
	t.Remaining += o.Remaining
	t.Untimed += o.Untimed
}

// Progress is the run's progress by phase and by scope, and in all.
type Progress struct {
	Phases [phaseCount]Tally `json:"-"`
	Scopes [scopeCount]Tally `json:"-"`
	All    Tally             `json:"all"`
}

// Phase returns the tally of one phase.
func (p Progress) Phase(ph Phase) Tally { return p.Phases[ph] }

// Scope returns the tally of one scope.
func (p Progress) Scope(s Scope) Tally { return p.Scopes[s] }

// Progress computes the whole run's progress. It walks every client's status
// slice once, with per-step estimates computed beforehand: no allocation per
// client, so 12,000 clients stay cheap.
func (r *Run) Progress() Progress {
	var p Progress
	g := r.Guide
	for pos, i := range g.byScope[ScopeCabinet] {
		s := &g.Steps[i]
		p.Phases[s.Phase].add(r.Cabinet[pos], g.estimates[i].Nominal())
		p.Scopes[ScopeCabinet].add(r.Cabinet[pos], g.estimates[i].Nominal())
	}
	side := g.clientSideIndexes()
	type col struct {
		phase Phase
		scope Scope
		est   time.Duration
	}
	cols := make([]col, len(side))
	for pos, i := range side {
		cols[pos] = col{g.Steps[i].Phase, g.Steps[i].Scope, g.estimates[i].Nominal()}
	}
	for ci := range r.Clients {
		c := &r.Clients[ci]
		for pos, st := range c.Steps {
			k := cols[pos]
			if k.scope == ScopePayment && !c.Payment {
				continue
			}
			p.Phases[k.phase].add(st, k.est)
			p.Scopes[k.scope].add(st, k.est)
		}
	}
	for _, t := range p.Phases {
		p.All.merge(t)
	}
	return p
}

// MoveProgress adjusts p, the run's progress, for one step instance that
// went from one status to another (SetStatus): what Progress would give
// again, without walking every client. An error when ref is not one of the
// run's step instances (p is left as it was).
func (r *Run) MoveProgress(p *Progress, ref Ref, from, to Status) error {
	step, _, err := r.locate(ref)
	if err != nil || from == to {
		return err
	}
	est := r.Guide.estimates[r.Guide.byID[ref.Step]].Nominal()
	for _, t := range []*Tally{&p.Phases[step.Phase], &p.Scopes[step.Scope], &p.All} {
		t.remove(from, est)
		t.add(to, est)
	}
	return nil
}

// ClientProgress is one client's progress by phase.
func (r *Run) ClientProgress(i int) [phaseCount]Tally {
	var out [phaseCount]Tally
	g := r.Guide
	c := &r.Clients[i]
	for pos, si := range g.clientSideIndexes() {
		s := &g.Steps[si]
		if s.Scope == ScopePayment && !c.Payment {
			continue
		}
		out[s.Phase].add(c.Steps[pos], g.estimates[si].Nominal())
	}
	return out
}

// Next is the recommended next step.
type Next struct {
	Ref    Ref
	Step   *Step
	Client *Dossier // nil for a cabinet step
}

// NextStep returns the first unresolved step in the guide's order of work:
// cabinet preparation, each client's preparation, registration, the request,
// then reconciliation (cabinet, then each client), then the summary. Steps
// whose requirements are not met are passed over; blocked steps too, so that
// one blocked client does not hide the rest. ok is false when all is done.
func (r *Run) NextStep() (Next, bool) {
	return r.nextFrom(r.nextOrder(), 0, 0, 0)
}

// nextGroup is one stage of NextStep's order: the cabinet's or the clients'
// steps of a phase.
type nextGroup struct {
	phase   Phase
	clients bool
}

// nextOrder is the order NextStep looks in; reconciliation and the summary
// only once the migration's success is recorded.
func (r *Run) nextOrder() []nextGroup {
	order := []nextGroup{{PhasePreparation, false}, {PhasePreparation, true}, {PhaseRegistration, false}, {PhaseRequest, false}}
	if r.Migrated() {
		order = append(order, nextGroup{PhaseReconciliation, false}, nextGroup{PhaseReconciliation, true}, nextGroup{PhaseSummary, false})
	}
	return order
}

// nextFrom is the first open step from group gi of order on, starting in
// that group at client ci0 and its step position pos0 (a clients' group).
func (r *Run) nextFrom(order []nextGroup, gi, ci0, pos0 int) (Next, bool) {
	for ; gi < len(order); gi++ {
		gr := order[gi]
		var n Next
		var ok bool
		if gr.clients {
			n, ok = r.clientsNext(gr.phase, ci0, pos0)
		} else {
			n, ok = r.cabinetNext(gr.phase)
		}
		if ok {
			return n, true
		}
		ci0, pos0 = 0, 0
	}
	return Next{}, false
}

func (r *Run) cabinetNext(ph Phase) (Next, bool) {
	g := r.Guide
	for pos, i := range g.byScope[ScopeCabinet] {
		s := &g.Steps[i]
		if s.Phase != ph || r.Cabinet[pos].Resolved() || r.Cabinet[pos] == StatusBlocked {
			continue
		}
		if len(r.missingRequirements(Ref{Step: s.ID}, s)) > 0 {
			continue
		}
		return Next{Ref: Ref{Step: s.ID}, Step: s}, true
	}
	return Next{}, false
}

// clientsNext is the first open client step of phase ph, from client ci0's
// step position pos0 on.
func (r *Run) clientsNext(ph Phase, ci0, pos0 int) (Next, bool) {
	side := r.Guide.clientSideIndexes()
	for ci := ci0; ci < len(r.Clients); ci++ {
		from := 0
		if ci == ci0 {
			from = pos0
		}
		for pos := from; pos < len(side); pos++ {
			if n, ok := r.clientOpen(ph, ci, pos); ok {
				return n, true
			}
		}
	}
	return Next{}, false
}

// clientOpen says whether client ci's step at pos is one NextStep would
// give for phase ph: of that phase, applying to the client, neither
// resolved nor blocked.
func (r *Run) clientOpen(ph Phase, ci, pos int) (Next, bool) {
	g := r.Guide
	c := &r.Clients[ci]
	s := &g.Steps[g.clientSideIndexes()[pos]]
	if s.Phase != ph || !r.applies(c, s) || c.Steps[pos].Resolved() || c.Steps[pos] == StatusBlocked {
		return Next{}, false
	}
	return Next{Ref: Ref{Step: s.ID, Client: c.ID}, Step: s, Client: &c.Dossier}, true
}

// NextAfter is NextStep after one step instance, ref, changed status, given
// NextStep's answer before the change (prev, had): the same answer, found
// from where the previous one was rather than by walking every client. A
// client step changes only its phase's clients' stage of the order; a
// cabinet step may change requirements and the order itself, so the run is
// walked again then.
func (r *Run) NextAfter(prev Next, had bool, ref Ref) (Next, bool) {
	g := r.Guide
	step, ok := g.Step(ref.Step)
	ci := r.ClientIndex(ref.Client)
	if !ok || step.Scope == ScopeCabinet || ci < 0 {
		return r.NextStep()
	}
	order := r.nextOrder()
	gi := slices.Index(order, nextGroup{step.Phase, true})
	if gi < 0 {
		return prev, had // a stage NextStep does not look at yet
	}
	pi := len(order) // nothing open: after every stage
	pci, ppos := 0, 0
	if had {
		pi = slices.Index(order, nextGroup{prev.Step.Phase, prev.Client != nil})
		if prev.Client != nil {
			pci, ppos = r.ClientIndex(prev.Ref.Client), g.posInRun[prev.Ref.Step]
		}
	}
	pos := g.posInRun[ref.Step]
	n, open := r.clientOpen(step.Phase, ci, pos)
	switch {
	case pi < gi || pi < 0 || pci < 0:
		if pi < 0 || pci < 0 {
			return r.NextStep() // prev is not one of this run's answers
		}
		return prev, had // an earlier stage still has open work
	case pi > gi || ci < pci || (ci == pci && pos < ppos):
		if open {
			return n, true // before the previous answer
		}
		return prev, had
	case ci == pci && pos == ppos:
		if open {
			return n, true
		}
		return r.nextFrom(order, gi, pci, ppos+1) // the previous answer was done
	}
	return prev, had // after the previous answer
}
