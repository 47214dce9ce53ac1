package session

import (
	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
)

// As returns a handle on the same engine for one person: the same run,
// lock and subscribers, every intent checked first against checklist's
// team rules for m (Member.CanChange, CanSee, CanAdminister) and recorded
// under m's name whatever the change says. Snapshot gives m's view (an
// "entreprise" user's dossiers only) and Subscribe the events m may see.
// Closing the handle ends its subscriptions and its presence, not the
// engine's.
func (e *Engine) As(m checklist.Member) *Engine {
	m.Name = connectors.Sanitize(m.Name)
	m.Clients = append([]string(nil), m.Clients...)
	e.mu.Lock()
	defer e.mu.Unlock()
	e.handles++
	return &Engine{core: e.core, operator: m.Name, member: &m, id: e.handles, teamMember: m.Name}
}

// Member is the person acting through this handle; ok is false for the
// owner's handle.
func (e *Engine) Member() (m checklist.Member, ok bool) {
	if e.member == nil {
		return checklist.Member{}, false
	}
	return *e.member, true
}

// Session tells this handle's events and presence from the others': an
// event with this Session was caused through this handle.
func (e *Engine) Session() int { return e.id }

// mayChange says whether this handle's person may change ref.
func (e *Engine) mayChange(ref checklist.Ref) error {
	if e.member == nil {
		return nil
	}
	return e.member.CanChange(e.guide, ref)
}

// maySee says whether this handle's person may read ref.
func (e *Engine) maySee(ref checklist.Ref) error {
	switch {
	case e.member == nil:
		return nil
	case ref.Client == "":
		return e.member.CanSeeCabinet()
	}
	return e.member.CanSee(ref.Client)
}

// mayAdminister says whether this handle's person may act for the whole
// firm (overrides, the migration request).
func (e *Engine) mayAdminister() error {
	if e.member == nil {
		return nil
	}
	return e.member.CanAdminister()
}

// visible says whether this handle's person may see ev.
func (e *Engine) visible(ev Event) bool {
	if e.member == nil || ev.Session == e.id {
		return true
	}
	switch ev.Kind {
	case KindStep, KindPresence:
		return e.maySee(ev.Ref) == nil
	}
	return e.member.CanSeeCabinet() == nil
}
