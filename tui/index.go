package tui

import (
	"sort"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// sortKey is the order of the client table.
type sortKey uint8

const (
	sortName sortKey = iota
	sortSIREN
	sortProgress
	sortKeyCount
)

func (k sortKey) title(lang checklist.Lang) string {
	switch k {
	case sortSIREN:
		return "SIREN"
	case sortProgress:
		return i18n.Of(lang).Progress
	}
	return i18n.Of(lang).Name
}

// rowStat is what the table shows of one client, computed when its statuses
// change rather than on every frame.
type rowStat struct {
	prepDone, prepTotal   uint16
	reconDone, reconTotal uint16
}

func (r rowStat) percent() int {
	if r.prepTotal == 0 {
		return 100
	}
	return int(r.prepDone) * 100 / int(r.prepTotal)
}

// clientIndex is the dashboard's own filter: a folded search key per client
// (name and SIREN), the current order, and the rows matching the query.
//
// Typing one more character can only remove rows (a key that contains "lefe"
// contains "lef"), so a growing query filters the previous result, not the
// 12,000 clients; any other edit starts again from the full order.
type clientIndex struct {
	keys     []string // per client: folded name, a tab, SIREN digits
	stats    []rowStat
	order    []int32 // every client, in the current sort
	sortBy   sortKey
	query    string  // the query as typed
	norm     string  // its normalised form, used for matching
	filtered []int32 // rows shown: order filtered by the query
	// Two buffers that never alias order: a filter reads from the current
	// one (or order) and writes into the other.
	bufA, bufB []int32
	cur        int8 // what filtered is: 0 order, 1 bufA, 2 bufB
	// keep, when set, limits the rows to the clients it marks ("mes
	// dossiers", team.go).
	keep []bool
}

// newClientIndex builds the index of a run's clients.
func newClientIndex(run *checklist.Run) *clientIndex {
	n := len(run.Clients)
	ix := &clientIndex{keys: make([]string, n), stats: make([]rowStat, n), order: make([]int32, n)}
	cols := columnsOf(run.Guide)
	for i := range run.Clients {
		c := &run.Clients[i]
		ix.keys[i] = fold(c.Name) + "\t" + c.SIREN
		ix.stats[i] = cols.stat(c)
		ix.order[i] = int32(i)
	}
	ix.sort(sortName, run)
	return ix
}

// columns say, per position of a client's status slice, which phase and
// scope the step belongs to; computed once per guide.
type columns struct {
	phase []checklist.Phase
	scope []checklist.Scope
}

func columnsOf(g *checklist.Guide) columns {
	side := g.ClientSideSteps()
	c := columns{phase: make([]checklist.Phase, len(side)), scope: make([]checklist.Scope, len(side))}
	for i, s := range side {
		c.phase[i], c.scope[i] = s.Phase, s.Scope
	}
	return c
}

func (c columns) stat(cl *checklist.ClientRun) rowStat {
	var r rowStat
	for pos, st := range cl.Steps {
		if c.scope[pos] == checklist.ScopePayment && !cl.Payment {
			continue
		}
		switch c.phase[pos] {
		case checklist.PhasePreparation:
			r.prepTotal++
			if st.Resolved() {
				r.prepDone++
			}
		case checklist.PhaseReconciliation:
			r.reconTotal++
			if st.Resolved() {
				r.reconDone++
			}
		}
	}
	return r
}

// sort orders the clients by k and filters again.
func (ix *clientIndex) sort(k sortKey, run *checklist.Run) {
	ix.sortBy = k
	cl := run.Clients
	less := func(a, b int32) bool { return ix.keys[a] < ix.keys[b] }
	switch k {
	case sortSIREN:
		less = func(a, b int32) bool { return cl[a].SIREN < cl[b].SIREN }
	case sortProgress:
		less = func(a, b int32) bool {
			pa, pb := ix.stats[a].percent(), ix.stats[b].percent()
			if pa != pb {
				return pa < pb // least advanced first: that is where work is
			}
			return ix.keys[a] < ix.keys[b]
		}
	}
	sort.SliceStable(ix.order, func(i, j int) bool { return less(ix.order[i], ix.order[j]) })
	ix.refilter()
}

// normalizeQuery folds the query; a query of digits and spaces is a SIREN
// typed in groups ("552 008"), so its spaces go.
func normalizeQuery(q string) string {
	q = fold(strings.TrimSpace(q))
	digits := q != ""
	for i := 0; i < len(q); i++ {
		if c := q[i]; c != ' ' && (c < '0' || c > '9') {
			digits = false
			break
		}
	}
	if digits {
		q = strings.ReplaceAll(q, " ", "")
	}
	return q
}

// setQuery changes the query and updates the filtered rows, narrowing the
// previous result when the query only grew.
func (ix *clientIndex) setQuery(q string) {
	norm := normalizeQuery(q)
	grew := ix.norm != "" && strings.HasPrefix(norm, ix.norm)
	ix.query = q
	if norm == ix.norm {
		return
	}
	ix.norm = norm
	if !grew {
		ix.refilter()
		return
	}
	ix.filterFrom(ix.filtered)
}

// refilter filters the full order. With no query and no restriction
// (keep) the rows are the order itself, without copying.
func (ix *clientIndex) refilter() {
	if ix.norm == "" && ix.keep == nil {
		ix.filtered, ix.cur = ix.order, 0
		return
	}
	ix.filterFrom(ix.order)
}

// filterFrom writes the rows of src matching the query into the buffer that
// filtered does not use (src may be filtered itself), then makes it current.
func (ix *clientIndex) filterFrom(src []int32) {
	next := &ix.bufA
	cur := int8(1)
	if ix.cur == 1 {
		next, cur = &ix.bufB, 2
	}
	out := (*next)[:0]
	for _, i := range src {
		if strings.Contains(ix.keys[i], ix.norm) && (ix.keep == nil || ix.keep[i]) {
			out = append(out, i)
		}
	}
	*next = out
	ix.filtered, ix.cur = out, cur
}
