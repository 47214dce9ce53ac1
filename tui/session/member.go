package session

import (
	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
)

// As returns a handle on the same engine for one person: the same run,
// lock and subscribers, every intent checked first against checklist's
// team rules for that person (Member.CanChange, CanSee, CanAdminister) and
// recorded under his name whatever the change says. Snapshot gives his
// view (an "entreprise" user's dossiers only) and Subscribe the events he
// may see. m is the person as the team has him now; a later change of the
// team made through the engine (AssignPortfolio, ChangeTeam) replaces it
// for every handle of his. Closing the handle ends its subscriptions and
// its presence, not the engine's.
func (e *Engine) As(m checklist.Member) *Engine {
	m.Name = connectors.Sanitize(m.Name)
	m.Clients = append([]string(nil), m.Clients...)
	e.mu.Lock()
	defer e.mu.Unlock()
	e.teamMu.Lock()
	if e.members == nil {
		e.members = map[string]checklist.Member{}
	}
	e.members[m.Name] = m
	e.teamMu.Unlock()
	e.handles++
	return &Engine{core: e.core, operator: m.Name, person: true, id: e.handles}
}

// AsTeamMember is As for the person called name as the team's store has
// him (a program that opens its own engine for a member). Someone not in
// the team gets a handle that every rule refuses (checklist.Member.InTeam).
func (e *Engine) AsTeamMember(name string) (*Engine, error) {
	t, err := e.teamStore()
	if err != nil {
		return nil, err
	}
	ps, err := t.Portfolios(e.ws)
	if err != nil {
		return nil, err
	}
	return e.As(checklist.TeamMember(ps, connectors.Sanitize(name))), nil
}

// Member is the person acting through this handle, as the team has him
// now (no role once he has been removed: every rule then refuses him); ok
// is false for the owner's handle, whom the rules do not restrict. His
// Clients are read-only: a change of the team replaces them, never edits
// them, so that this is cheap enough for every intent and every redraw.
func (e *Engine) Member() (m checklist.Member, ok bool) {
	if !e.person {
		return checklist.Member{}, false
	}
	e.teamMu.RLock()
	defer e.teamMu.RUnlock()
	m, in := e.members[e.operator]
	if !in {
		return checklist.Member{Name: e.operator}, true
	}
	return m, true
}

// Session tells this handle's events and presence from the others': an
// event with this Session was caused through this handle.
func (e *Engine) Session() int { return e.id }

// mayChange says whether this handle's person may change ref.
func (e *Engine) mayChange(ref checklist.Ref) error {
	m, ok := e.Member()
	if !ok {
		return nil
	}
	return m.CanChange(e.guide, ref)
}

// maySee says whether this handle's person may read ref.
func (e *Engine) maySee(ref checklist.Ref) error {
	m, ok := e.Member()
	switch {
	case !ok:
		return nil
	case ref.Client == "":
		return m.CanSeeCabinet()
	}
	return m.CanSee(ref.Client)
}

// mayAdminister says whether this handle's person may act for the whole
// firm (overrides, the migration request, the team).
func (e *Engine) mayAdminister() error {
	m, ok := e.Member()
	if !ok {
		return nil
	}
	return m.CanAdminister()
}

// mayReadCabinet says whether this handle's person may read the firm's
// whole picture (the team's figures, every portfolio).
func (e *Engine) mayReadCabinet() error {
	m, ok := e.Member()
	if !ok {
		return nil
	}
	return m.CanSeeCabinet()
}

// visible says whether this handle's person may see ev. A change of the
// team reaches the people it concerns (Event.People) even when they may
// not see the firm: a removed member is told he has gone.
func (e *Engine) visible(ev Event) bool {
	if !e.person || ev.Session == e.id {
		return true
	}
	switch ev.Kind {
	case KindStep, KindPresence:
		return e.maySee(ev.Ref) == nil
	case KindTeam:
		for _, p := range ev.People {
			if p == e.operator {
				return true
			}
		}
	}
	return e.mayReadCabinet() == nil
}
