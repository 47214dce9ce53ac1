package checklist

import (
	"fmt"
	"time"
)

// Guide is the migration guide as data, with indexes for lookups.
type Guide struct {
	Groups    []Group
	Steps     []Step
	Table     []SummaryLine
	Transfers []TransferItem

	byID      map[string]int
	byScope   [scopeCount][]int // indexes into Steps, in guide order
	posInRun  map[string]int    // position of a step in its run slice (see Run)
	estimates []Estimate        // per step index, computed once
}

// Default returns the guide as written in steps.go and table.go. Each call
// builds a fresh value: callers may keep it for the life of the program.
func Default() *Guide {
	g, err := newGuide(groups(), steps(), summaryTable(), transferItems())
	if err != nil {
		panic(err) // the data is ours and tested: an error here is a bug
	}
	return g
}

func newGuide(gs []Group, ss []Step, table []SummaryLine, items []TransferItem) (*Guide, error) {
	g := &Guide{Groups: gs, Steps: ss, Table: table, Transfers: items,
		byID: make(map[string]int, len(ss)), posInRun: make(map[string]int, len(ss))}
	groupIDs := map[string]bool{}
	for _, gr := range gs {
		groupIDs[gr.ID] = true
	}
	for i, s := range ss {
		if _, dup := g.byID[s.ID]; dup {
			return nil, fmt.Errorf("checklist: duplicate step id %q", s.ID)
		}
		if s.Group != "" && !groupIDs[s.Group] {
			return nil, fmt.Errorf("checklist: step %q names unknown group %q", s.ID, s.Group)
		}
		g.byID[s.ID] = i
		g.byScope[s.Scope] = append(g.byScope[s.Scope], i)
	}
	for _, s := range ss {
		for _, r := range s.Requires {
			if _, ok := g.byID[r]; !ok {
				return nil, fmt.Errorf("checklist: step %q requires unknown step %q", s.ID, r)
			}
		}
	}
	// Cabinet steps index the cabinet slice; client and payment steps share
	// one per-client slice, client steps first.
	for pos, i := range g.byScope[ScopeCabinet] {
		g.posInRun[ss[i].ID] = pos
	}
	for pos, i := range g.clientSideIndexes() {
		g.posInRun[ss[i].ID] = pos
	}
	g.estimates = make([]Estimate, len(ss))
	for i := range ss {
		g.estimates[i] = g.computeEstimate(&ss[i])
	}
	for _, l := range table {
		for _, id := range l.Steps {
			if _, ok := g.byID[id]; !ok {
				return nil, fmt.Errorf("checklist: §4 line %q names unknown step %q", l.ID, id)
			}
		}
	}
	for _, it := range items {
		for _, id := range it.Steps {
			if _, ok := g.byID[id]; !ok {
				return nil, fmt.Errorf("checklist: §3.3 item %q names unknown step %q", it.ID, id)
			}
		}
	}
	return g, nil
}

func (g *Guide) clientSideIndexes() []int {
	out := make([]int, 0, len(g.byScope[ScopeClient])+len(g.byScope[ScopePayment]))
	out = append(out, g.byScope[ScopeClient]...)
	return append(out, g.byScope[ScopePayment]...)
}

// Step returns the step with id.
func (g *Guide) Step(id string) (*Step, bool) {
	i, ok := g.byID[id]
	if !ok {
		return nil, false
	}
	return &g.Steps[i], true
}

// StepsFor returns the steps of a scope in guide order.
func (g *Guide) StepsFor(s Scope) []*Step {
	out := make([]*Step, 0, len(g.byScope[s]))
	for _, i := range g.byScope[s] {
		out = append(out, &g.Steps[i])
	}
	return out
}

// ClientSideSteps returns the steps kept per client: client steps, then
// payment-client steps. A client's run slice follows this order.
func (g *Guide) ClientSideSteps() []*Step {
	idx := g.clientSideIndexes()
	out := make([]*Step, 0, len(idx))
	for _, i := range idx {
		out = append(out, &g.Steps[i])
	}
	return out
}

// Group returns the group with id.
func (g *Guide) Group(id string) (*Group, bool) {
	for i := range g.Groups {
		if g.Groups[i].ID == id {
			return &g.Groups[i], true
		}
	}
	return nil, false
}

// Estimate is what a step takes according to the guide: its own duration, or
// its even share of its group's duration. Zero when the guide gives none.
func (g *Guide) Estimate(s *Step) Estimate {
	if i, ok := g.byID[s.ID]; ok {
		return g.estimates[i]
	}
	return g.computeEstimate(s)
}

// EstimateSource says where a step's estimate comes from: the guide when it
// times the step itself; bascule when the step's figure is its even share
// of a block the guide times as a whole (the split is bascule's).
func (g *Guide) EstimateSource(s *Step) Source {
	switch {
	case !s.Duration.IsZero():
		return FromGuide(s.Section)
	case s.Group != "" && !g.Estimate(s).IsZero():
		return FromBascule()
	}
	return Source{}
}

// EstimateNote explains a split estimate: the block's duration in the guide
// and bascule's even share. ok is false when the guide times the step itself
// or not at all.
func (g *Guide) EstimateNote(s *Step) (Said, bool) {
	gr, found := g.Group(s.Group)
	if !found || g.EstimateSource(s).Kind != SourceBascule {
		return Said{}, false
	}
	mins := int(gr.Duration.Nominal().Minutes())
	return Said{Source: FromBascule(), Text: tx(
		fmt.Sprintf("Le guide (§%s) donne %d min pour tout le bloc « %s » ; bascule les répartit également entre ses étapes.", gr.Section, mins, gr.Title.FR),
		fmt.Sprintf("The guide (§%s) gives %d min for the whole block \"%s\"; bascule splits them evenly between its steps.", gr.Section, mins, gr.Title.EN))}, true
}

func (g *Guide) computeEstimate(s *Step) Estimate {
	if !s.Duration.IsZero() || s.Group == "" {
		return s.Duration
	}
	gr, ok := g.Group(s.Group)
	if !ok {
		return Estimate{}
	}
	n := 0
	for i := range g.Steps {
		if g.Steps[i].Group == s.Group {
			n++
		}
	}
	if n == 0 {
		return Estimate{}
	}
	return Estimate{Min: gr.Duration.Min / time.Duration(n), Max: gr.Duration.Max / time.Duration(n)}
}

// SummaryLinesFor returns the §4 lines that a step handles.
func (g *Guide) SummaryLinesFor(stepID string) []SummaryLine {
	var out []SummaryLine
	for _, l := range g.Table {
		for _, id := range l.Steps {
			if id == stepID {
				out = append(out, l)
				break
			}
		}
	}
	return out
}
