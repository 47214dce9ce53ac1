package session

import (
	"errors"
	"slices"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// TeamStore is what portfolios need beyond Store: the team's portfolios,
// the assignment of clients, and the audit the pace is measured from.
// *store.DB has it.
type TeamStore interface {
	Portfolios(ws string) ([]checklist.Portfolio, error)
	AssignPortfolio(ws, person string, clients []string, by string) (checklist.Portfolio, error)
	Events(ws string, since time.Time) ([]checklist.Event, error)
}

// ErrNoTeam says the engine was given no team store.
var ErrNoTeam = errors.New("session: no team store")

// What a KindTeam event says was done (its Detail).
const (
	TeamAssigned = "assigned" // clients given to a person (AssignPortfolio)
	TeamChanged  = "changed"  // a member added, removed or his portfolio set (ChangeTeam)
)

// SetTeam gives the engine (every handle of it) the team's store. Who acts
// is the handle's: the owner's (Open) may do anything the command line
// lets him do, a person's (As) what checklist's rules let him do.
func (e *Engine) SetTeam(ts TeamStore) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.teams = ts
}

func (e *Engine) teamStore() (TeamStore, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.teams == nil {
		return nil, ErrNoTeam
	}
	return e.teams, nil
}

// Team lists the team's portfolios; none without a team store. A person
// who may not see the firm (a company's user) sees only his own: the
// cabinet's team is not his to read.
func (e *Engine) Team() ([]checklist.Portfolio, error) {
	ts, err := e.teamStore()
	if err != nil {
		return nil, nil
	}
	ps, err := ts.Portfolios(e.ws)
	if err != nil || e.mayReadCabinet() == nil {
		return ps, err
	}
	return slices.DeleteFunc(ps, func(p checklist.Portfolio) bool { return p.Person != e.operator }), nil
}

// AssignPortfolio gives clients to a person of the team, as this handle's
// person, audited under his name. Only who may administer the firm (an
// admin, or the owner's handle) hands out portfolios; every client must be
// one of the run's. The clients leave any other cabinet portfolio (the
// store's rule). Every handle then sees the new portfolios (KindTeam).
func (e *Engine) AssignPortfolio(person string, clients []string) (checklist.Portfolio, error) {
	ts, err := e.teamStore()
	if err != nil {
		return checklist.Portfolio{}, err
	}
	if len(clients) == 0 {
		return checklist.Portfolio{}, &checklist.Error{Code: "no_client", Message: i18n.Text(func(m *i18n.Messages) string { return m.NoClientToAssign })}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.mayAdminister(); err != nil {
		return checklist.Portfolio{}, err
	}
	for _, id := range clients {
		if e.run.ClientIndex(id) < 0 {
			return checklist.Portfolio{}, &checklist.Error{Code: "unknown_client", Message: i18n.Text(func(m *i18n.Messages) string { return m.UnknownClientQuotedFmt }, id)}
		}
	}
	p, err := ts.AssignPortfolio(e.ws, connectors.Sanitize(person), clients, e.operator)
	if err != nil {
		return p, err
	}
	return p, e.teamChangedLocked(ts, TeamAssigned)
}

// ChangeTeam makes a change of the team that the store makes on its own
// (the team commands: add, remove, assign with --replace) as this handle's
// person: refused unless he may administer the firm; change is given the
// name the audit records. Every handle then reads its person again (a
// removed member's next intent is refused) and a KindTeam event tells the
// open sessions.
func (e *Engine) ChangeTeam(change func(by string) error) error {
	ts, err := e.teamStore()
	if err != nil {
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.mayAdminister(); err != nil {
		return err
	}
	if err := change(e.operator); err != nil {
		return err
	}
	return e.teamChangedLocked(ts, TeamChanged)
}

// teamChangedLocked reads the team again under e.mu (so that two changes
// end with the latest), replaces every handle's person with what the team
// has now, and publishes who changed. e.mu is held.
func (e *Engine) teamChangedLocked(ts TeamStore, what string) error {
	ps, err := ts.Portfolios(e.ws)
	if err != nil {
		return err
	}
	var changed []string
	e.teamMu.Lock()
	for name, old := range e.members {
		now := checklist.TeamMember(ps, name)
		if now.Role != old.Role || !slices.Equal(now.Clients, old.Clients) {
			e.members[name] = now
			changed = append(changed, name)
		}
	}
	e.teamMu.Unlock()
	// People names those with a handle; the firm's screens read the whole
	// team again whoever it names.
	slices.Sort(changed)
	e.publishLocked(Event{Kind: KindTeam, Who: e.operator, At: e.now().UTC(), Detail: what, People: changed})
	return nil
}

// TeamSection is the team's figures and portfolios as `status` and the
// reports show them: nil without a team store, without people, or for a
// person who may not read the firm's progress (a company's user).
func (e *Engine) TeamSection(created time.Time) (*checklist.TeamFigures, []checklist.Portfolio, error) {
	if _, err := e.teamStore(); err != nil || e.mayReadCabinet() != nil {
		return nil, nil, nil
	}
	f, ps, err := e.TeamFigures(created)
	if err != nil || len(ps) == 0 {
		return nil, nil, err
	}
	return &f, ps, nil
}

// TeamFigures computes each person's progress and estimated finish and the
// cabinet's, from a snapshot of the run and the audit since the pace's
// window (checklist.TeamFigures). created is when the workspace was
// created; the clock is the engine's. A person who may not see the firm
// (a company's user) is refused.
func (e *Engine) TeamFigures(created time.Time) (checklist.TeamFigures, []checklist.Portfolio, error) {
	now := e.now()
	cal := checklist.WorkCalendar()
	if err := e.mayReadCabinet(); err != nil {
		return checklist.TeamFigures{}, nil, err
	}
	run := e.Snapshot()
	ts, err := e.teamStore()
	if err != nil {
		return run.TeamFigures(nil, nil, created, now, cal), nil, nil
	}
	ps, err := ts.Portfolios(e.ws)
	if err != nil {
		return checklist.TeamFigures{}, nil, err
	}
	evs, err := ts.Events(e.ws, checklist.PaceStart(now, cal))
	if err != nil {
		return checklist.TeamFigures{}, nil, err
	}
	return run.TeamFigures(ps, evs, created, now, cal), ps, nil
}
