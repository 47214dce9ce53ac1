package checklist

import "sort"

// RosterDiff is what refreshing the dossiers from V1's client list changes.
// Dossiers are never deleted: a client that left V1 keeps its dossier and
// its work, and is only reported (Left) for the user to decide.
type RosterDiff struct {
	Add       []Dossier // on V1, no dossier yet: to create with every step "à faire"
	Left      []Dossier // a dossier, no longer on V1 (or no longer active): to mark, never delete
	Updated   []Dossier // on both, name, SIREN or payment changed on V1: to update, steps kept
	Unchanged int
}

// DiffRoster compares the existing dossiers with V1's current list of
// (active) clients, matched by id. The result is in V1's order for Add and
// Updated, in the dossiers' order for Left. A V1 entry with an empty id or
// an id seen twice is ignored (the caller's reader reports those).
// PendingInvoices of added and updated dossiers is -1: the known count stays.
func DiffRoster(existing, v1 []Dossier) RosterDiff {
	var d RosterDiff
	have := make(map[string]Dossier, len(existing))
	for _, e := range existing {
		have[e.ID] = e
	}
	seen := make(map[string]bool, len(v1))
	for _, c := range v1 {
		if c.ID == "" || seen[c.ID] {
			continue
		}
		seen[c.ID] = true
		c.PendingInvoices = -1
		old, ok := have[c.ID]
		switch {
		case !ok:
			d.Add = append(d.Add, c)
		case old.Name != c.Name || old.SIREN != c.SIREN || old.Payment != c.Payment:
			d.Updated = append(d.Updated, c)
		default:
			d.Unchanged++
		}
	}
	for _, e := range existing {
		if !seen[e.ID] {
			d.Left = append(d.Left, e)
		}
	}
	return d
}

// MissingFrom returns the SIRENs of a that b lacks, sorted: clients present
// on one side only when two lists (V1's export API and the dossiers) are
// compared by SIREN. Empty SIRENs are skipped.
func MissingFrom(a, b []string) []string {
	in := make(map[string]bool, len(b))
	for _, s := range b {
		in[s] = true
	}
	var out []string
	for _, s := range a {
		if s != "" && !in[s] {
			out = append(out, s)
			in[s] = true
		}
	}
	sort.Strings(out)
	return out
}
