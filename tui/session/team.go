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

// teamPort is the engine's team: its store, and the member the engine acts
// for ("" for the database's owner on this machine, who may do anything
// the command line lets him do).
type teamPort struct {
	store  TeamStore
	member string
}

// SetTeam gives the engine the team's store and the team member it acts
// for: "" for a local session, the member's name for a served one.
func (e *Engine) SetTeam(ts TeamStore, member string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.teams, e.teamMember = ts, connectors.Sanitize(member)
}

// TeamMember is the team member the engine acts for; "" for a local
// session.
func (e *Engine) TeamMember() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.teamMember
}

func (e *Engine) teamStore() (teamPort, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.teams == nil {
		return teamPort{}, ErrNoTeam
	}
	return teamPort{store: e.teams, member: e.teamMember}, nil
}

// Team lists the team's portfolios; none without a team store. A
// company's user sees only his own: the cabinet's team is not his to read.
func (e *Engine) Team() ([]checklist.Portfolio, error) {
	t, err := e.teamStore()
	if err != nil {
		return nil, nil
	}
	ps, err := t.store.Portfolios(e.ws)
	if err != nil || !companyUser(ps, t.member) {
		return ps, err
	}
	return slices.DeleteFunc(ps, func(p checklist.Portfolio) bool { return p.Person != t.member }), nil
}

// companyUser says whether member is a company's user ("entreprise").
func companyUser(ps []checklist.Portfolio, member string) bool {
	return member != "" && slices.ContainsFunc(ps, func(p checklist.Portfolio) bool {
		return p.Person == member && p.Role == checklist.PortfolioRoleCompany
	})
}

// errCompanyUser refuses the team's figures to a company's user.
func errCompanyUser(member string) error {
	return &checklist.Error{Code: "company_user", Message: i18n.Text(func(m *i18n.Messages) string { return m.NotForCompaniesFmt }, member)}
}

// AssignPortfolio gives clients to a person of the team, as the engine's
// operator, audited under his name. Only an admin of the team (or the local
// owner of the database) hands out portfolios; every client must be one of
// the run's. The clients leave any other cabinet portfolio (the store's
// rule).
func (e *Engine) AssignPortfolio(person string, clients []string) (checklist.Portfolio, error) {
	t, err := e.teamStore()
	if err != nil {
		return checklist.Portfolio{}, err
	}
	if len(clients) == 0 {
		return checklist.Portfolio{}, &checklist.Error{Code: "no_client", Message: i18n.Text(func(m *i18n.Messages) string { return m.NoClientToAssign })}
	}
	ps, err := t.store.Portfolios(e.ws)
	if err != nil {
		return checklist.Portfolio{}, err
	}
	if err := mayAssign(ps, t.member); err != nil {
		return checklist.Portfolio{}, err
	}
	e.mu.Lock()
	for _, id := range clients {
		if e.run.ClientIndex(id) < 0 {
			e.mu.Unlock()
			return checklist.Portfolio{}, &checklist.Error{Code: "unknown_client", Message: i18n.Text(func(m *i18n.Messages) string { return m.UnknownClientQuotedFmt }, id)}
		}
	}
	e.mu.Unlock()
	return t.store.AssignPortfolio(e.ws, connectors.Sanitize(person), clients, e.operator)
}

// mayAssign says whether member may hand out portfolios: the local owner
// ("") or an admin still in the team.
func mayAssign(ps []checklist.Portfolio, member string) error {
	if member == "" {
		return nil
	}
	for _, p := range ps {
		if p.Person == member {
			if p.Role == checklist.PortfolioRoleAdmin {
				return nil
			}
			return &checklist.Error{Code: "not_admin", Message: i18n.Text(func(m *i18n.Messages) string { return m.OnlyAnAdminAssignsFmt }, member, p.Role)}
		}
	}
	return &checklist.Error{Code: "not_member", Message: i18n.Text(func(m *i18n.Messages) string { return m.NoLongerInTheTeamFmt }, member)}
}

// TeamFigures computes each person's progress and estimated finish and the
// cabinet's, from a snapshot of the run and the audit since the pace's
// window (checklist.TeamFigures). created is when the workspace was
// created; the clock is the engine's.
func (e *Engine) TeamFigures(created time.Time) (checklist.TeamFigures, []checklist.Portfolio, error) {
	now := e.now()
	cal := checklist.WorkCalendar()
	run := e.Snapshot()
	t, err := e.teamStore()
	if err != nil {
		return run.TeamFigures(nil, nil, created, now, cal), nil, nil
	}
	ps, err := t.store.Portfolios(e.ws)
	if err != nil {
		return checklist.TeamFigures{}, nil, err
	}
	if companyUser(ps, t.member) {
		return checklist.TeamFigures{}, nil, errCompanyUser(t.member)
	}
	evs, err := t.store.Events(e.ws, checklist.PaceStart(now, cal))
	if err != nil {
		return checklist.TeamFigures{}, nil, err
	}
	return run.TeamFigures(ps, evs, created, now, cal), ps, nil
}
