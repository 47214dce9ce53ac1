package checklist

import "time"

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
	g := r.Guide
	cabinetIn := func(ph Phase) (Next, bool) {
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
	side := g.clientSideIndexes()
	clientsIn := func(ph Phase) (Next, bool) {
		for ci := range r.Clients {
			c := &r.Clients[ci]
			for pos, i := range side {
				s := &g.Steps[i]
				if s.Phase != ph || !r.applies(c, s) || c.Steps[pos].Resolved() || c.Steps[pos] == StatusBlocked {
					continue
				}
				return Next{Ref: Ref{Step: s.ID, Client: c.ID}, Step: s, Client: &c.Dossier}, true
			}
		}
		return Next{}, false
	}
	order := []func() (Next, bool){
		func() (Next, bool) { return cabinetIn(PhasePreparation) },
		func() (Next, bool) { return clientsIn(PhasePreparation) },
		func() (Next, bool) { return cabinetIn(PhaseRegistration) },
		func() (Next, bool) { return cabinetIn(PhaseRequest) },
	}
	if r.Migrated() {
		order = append(order,
			func() (Next, bool) { return cabinetIn(PhaseReconciliation) },
			func() (Next, bool) { return clientsIn(PhaseReconciliation) },
			func() (Next, bool) { return cabinetIn(PhaseSummary) })
	}
	for _, f := range order {
		if n, ok := f(); ok {
			return n, true
		}
	}
	return Next{}, false
}
