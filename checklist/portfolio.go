package checklist

import (
	"slices"
	"time"

	"github.com/bascule-cli/bascule/checklist/workdays"
)

// Portfolio is one team member's share of the clients (bascule serve's
// team, as the store keeps it): the clients assigned to him, sorted.
type Portfolio struct {
	Person  string    `json:"person"`
	Role    string    `json:"role"` // admin, collaborateur or entreprise
	Clients []string  `json:"clients,omitempty"`
	Since   time.Time `json:"since"` // when the person joined the team
}

// Has says whether the client is in the portfolio (Clients sorted).
func (p Portfolio) Has(client string) bool {
	_, ok := slices.BinarySearch(p.Clients, client)
	return ok
}

// The roles of a portfolio's person, as the store records them: an admin
// hands out portfolios; a company's user ("entreprise") holds his
// company's dossier, which is no portfolio of the cabinet.
// They are the team's roles (access.go), as strings.
const (
	PortfolioRoleAdmin   = string(TeamAdmin)
	PortfolioRoleCompany = string(TeamEntreprise)
)

// openPhase says whether a phase's steps can be worked on now: everything
// before the switch, and after it the validation and the summary too. The
// per-person figures count only that work, so that validation steps that
// cannot start yet do not weigh on a finish date.
func (r *Run) openPhase(ph Phase) bool {
	return r.Migrated() || (ph != PhaseReconciliation && ph != PhaseSummary)
}

// OpenTally is the progress of the work open now: every phase's tally
// that openPhase lets in, cabinet and clients.
func (r *Run) OpenTally(p Progress) Tally {
	var t Tally
	for ph, pt := range p.Phases {
		if r.openPhase(Phase(ph)) {
			t.merge(pt)
		}
	}
	return t
}

// openPhases is openPhase for every phase, computed once for a walk over
// the clients.
func (r *Run) openPhases() [phaseCount]bool {
	var open [phaseCount]bool
	for ph := range open {
		open[ph] = r.openPhase(Phase(ph))
	}
	return open
}

// clientOpenTally is one client's tally over the open phases (ClientProgress's
// rule and durations).
func (r *Run) clientOpenTally(i int, open *[phaseCount]bool) Tally {
	var t Tally
	for ph, pt := range r.ClientProgress(i) {
		if open[ph] {
			t.merge(pt)
		}
	}
	return t
}

// openTallies is clientOpenTally for every client in one walk, without an
// allocation per client (the team's figures at 12,000 clients).
func (r *Run) openTallies() []Tally {
	g := r.Guide
	open := r.openPhases()
	type col struct {
		use, payment bool
		est          time.Duration
	}
	side := g.clientSideIndexes()
	cols := make([]col, len(side))
	for pos, i := range side {
		s := &g.Steps[i]
		cols[pos] = col{use: open[s.Phase], payment: s.Scope == ScopePayment, est: g.estimates[i].Nominal()}
	}
	out := make([]Tally, len(r.Clients))
	for ci := range r.Clients {
		c := &r.Clients[ci]
		for pos, st := range c.Steps {
			if k := cols[pos]; k.use && (!k.payment || c.Payment) {
				out[ci].add(st, k.est)
			}
		}
	}
	return out
}

// PortfolioProgress is where a set of clients stands on the work open now.
type PortfolioProgress struct {
	Clients     int      `json:"clients"`      // clients of the set found in the run
	ClientsDone int      `json:"clients_done"` // of which every open step is resolved
	Steps       Tally    `json:"steps"`
	Left        TimeLeft `json:"left"` // the guide's durations of what is left (LeftOf)
}

// StepsLeft is the number of step instances not resolved.
func (p PortfolioProgress) StepsLeft() int { return p.Steps.Total - p.Steps.Done }

// ClientsProgress computes the progress of the clients with these ids;
// ids unknown to the run (a client purged since) are skipped.
func (r *Run) ClientsProgress(ids []string) PortfolioProgress {
	open := r.openPhases()
	return r.progressOf(ids, func(i int) Tally { return r.clientOpenTally(i, &open) })
}

// progressOf sums the tallies of the clients with these ids.
func (r *Run) progressOf(ids []string, tally func(i int) Tally) PortfolioProgress {
	var p PortfolioProgress
	for _, id := range ids {
		i := r.ClientIndex(id)
		if i < 0 {
			continue
		}
		t := tally(i)
		p.Clients++
		if t.Complete() {
			p.ClientsDone++
		}
		p.Steps.merge(t)
	}
	p.Left = LeftOf(p.Steps)
	return p
}

// Unassigned returns the ids of the run's clients in no portfolio, in the
// run's order.
func (r *Run) Unassigned(ps []Portfolio) []string {
	in := map[string]bool{}
	for _, p := range ps {
		for _, id := range p.Clients {
			in[id] = true
		}
	}
	var out []string
	for i := range r.Clients {
		if id := r.Clients[i].ID; !in[id] {
			out = append(out, id)
		}
	}
	return out
}

// PersonFigures is one person's share of the open work: progress, time
// left by the guide's durations, and the finish estimated from his pace.
type PersonFigures struct {
	Person   string            `json:"person"`
	Role     string            `json:"role,omitempty"`
	Progress PortfolioProgress `json:"progress"`
	Finish   Finish            `json:"finish"`
}

// TeamFigures are the per-person figures of a team and the cabinet's.
type TeamFigures struct {
	People []PersonFigures `json:"people"`
	// Unassigned are the clients in no admin's or collaborator's portfolio.
	Unassigned PortfolioProgress `json:"unassigned"`
	// Cabinet is all the open work (the firm's steps and every client's)
	// at everyone's pace.
	Cabinet PersonFigures `json:"cabinet"`
}

// TeamFigures computes each portfolio's figures and the cabinet's at now:
// events are the audit (from PaceStart(now) on is enough), created is when
// the workspace was created (the cabinet's pace is measured from then at
// the latest).
func (r *Run) TeamFigures(ps []Portfolio, events []Event, created, now time.Time, cal workdays.Calendar) TeamFigures {
	var f TeamFigures
	tallies := r.openTallies()
	tally := func(i int) Tally { return tallies[i] }
	var cabinetSide []Portfolio
	for _, p := range ps {
		pr := r.progressOf(p.Clients, tally)
		pace := MeasurePace(events, p.Person, p.Since, now, cal)
		f.People = append(f.People, PersonFigures{Person: p.Person, Role: p.Role, Progress: pr,
			Finish: EstimateFinish(pace, pr.StepsLeft(), now, cal)})
		if p.Role != PortfolioRoleCompany {
			cabinetSide = append(cabinetSide, p)
		}
	}
	f.Unassigned = r.progressOf(r.Unassigned(cabinetSide), tally)
	open := r.OpenTally(r.Progress())
	all := PortfolioProgress{Clients: len(r.Clients), Steps: open, Left: LeftOf(open)}
	for _, t := range tallies {
		if t.Complete() {
			all.ClientsDone++
		}
	}
	pace := MeasurePace(events, "", created, now, cal)
	f.Cabinet = PersonFigures{Progress: all, Finish: EstimateFinish(pace, all.StepsLeft(), now, cal)}
	return f
}
