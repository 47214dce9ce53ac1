package report

import (
	"fmt"
	"sort"

	"github.com/bascule-cli/bascule/checklist"
)

// SummariseBlockers counts blockers by kind and distinct clients, one line per
// kind: "12 clients ont des factures en attente".
func SummariseBlockers(bs []checklist.Blocker, lang checklist.Lang) []string {
	kinds, clients, cabinet := blockerKinds(bs)
	out := make([]string, 0, len(kinds))
	for _, k := range kinds {
		n := len(clients[k])
		steps := cabinet[k]
		m := textsOf(lang)
		var line string
		switch k {
		case checklist.BlockPendingInvoices:
			line = counted(lang, n, m.ClientHasPending, m.ClientsHavePending)
		case checklist.BlockClientPreparation:
			line = counted(lang, n, m.ClientNotPrepared, m.ClientsNotPrepared)
		case checklist.BlockCabinetPreparation:
			line = counted(lang, steps, m.FirmStepLeft, m.FirmStepsLeft)
		case checklist.BlockCabinetPendingInvoices:
			line = m.FirmFilePending
		case checklist.BlockRegistration:
			line = counted(lang, steps, m.SignUpStepLeft, m.SignUpStepsLeft)
		default:
			line = counted(lang, n+steps, fmt.Sprintf(m.BlockerOfKindFmt, k), fmt.Sprintf(m.BlockersOfKindFmt, k))
		}
		out = append(out, line)
	}
	return out
}

// counted writes n with its words agreed, thousands separated, in lang:
// "10 603 clients ont…" / "10,603 clients have…".
func counted(lang checklist.Lang, n int, one, many string) string {
	return checklist.FormatInt(lang, n) + " " + checklist.Plural(lang, n, one, many)
}

// blockerKinds counts blockers by kind, in the order the reader needs them:
// distinct clients per kind and cabinet steps per kind.
func blockerKinds(bs []checklist.Blocker) ([]checklist.BlockerKind, map[checklist.BlockerKind]map[string]bool, map[checklist.BlockerKind]int) {
	clients := map[checklist.BlockerKind]map[string]bool{}
	var kinds []checklist.BlockerKind
	cabinet := map[checklist.BlockerKind]int{}
	for _, b := range bs {
		if _, seen := clients[b.Kind]; !seen {
			clients[b.Kind] = map[string]bool{}
			kinds = append(kinds, b.Kind)
		}
		if b.Client != "" {
			clients[b.Kind][b.Client] = true
		} else {
			cabinet[b.Kind]++
		}
	}
	// The clients' own work first: it is what the cabinet chases, and the
	// status line shows the first entry.
	rank := map[checklist.BlockerKind]int{checklist.BlockPendingInvoices: 0, checklist.BlockClientPreparation: 1,
		checklist.BlockCabinetPendingInvoices: 2, checklist.BlockCabinetPreparation: 3, checklist.BlockRegistration: 4}
	sort.SliceStable(kinds, func(i, j int) bool {
		ri, ok := rank[kinds[i]]
		if !ok {
			ri = len(rank)
		}
		rj, ok := rank[kinds[j]]
		if !ok {
			rj = len(rank)
		}
		return ri < rj
	})
	return kinds, clients, cabinet
}

// BlockerGroup is one kind of blocker as the cabinet report prints it: the
// summary line, then the first clients (or cabinet steps) named and the rest
// counted, so that 12,000 clients take a few lines.
type BlockerGroup struct {
	Kind  string   `json:"kind"`
	Text  string   `json:"text"`
	Names []string `json:"names"`
	More  int      `json:"more"`
}

// namedPerGroup is how many clients or steps a blocker group names.
const namedPerGroup = 5

func groupBlockers(run *checklist.Run, bs []checklist.Blocker, lang checklist.Lang) []BlockerGroup {
	kinds, _, _ := blockerKinds(bs)
	lines := SummariseBlockers(bs, lang)
	out := make([]BlockerGroup, 0, len(kinds))
	for i, k := range kinds {
		g := BlockerGroup{Kind: string(k), Text: lines[i], Names: []string{}}
		seen := map[string]bool{}
		for _, b := range bs {
			if b.Kind != k {
				continue
			}
			name := b.Message.In(lang)
			key := "step:" + b.Step
			if b.Client != "" {
				key = "client:" + b.Client
				if ci := run.ClientIndex(b.Client); ci >= 0 {
					name = run.Clients[ci].Name
				}
			} else if s, ok := run.Guide.Step(b.Step); ok {
				name = s.Title.In(lang)
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			if len(g.Names) < namedPerGroup {
				g.Names = append(g.Names, name)
			} else {
				g.More++
			}
		}
		out = append(out, g)
	}
	return out
}
