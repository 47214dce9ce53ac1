package tui

import (
	"slices"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// The team's portfolios in the wizard (bascule serve's team, issue 16):
// "mes dossiers" on the dashboard, the assignment of the clients marked
// there to a person of the team (admin only, through the engine), and the
// team screen, each person's progress, time left and estimated finish.
// Every write goes through the engine (session.Engine.AssignPortfolio).

// teamState is what the program knows of the team. It lives as long as the
// open workspace.
type teamState struct {
	ps   []checklist.Portfolio // the team, by name; nil without one
	me   string                // the session's person: "" when none
	mine bool                  // the dashboard shows only my portfolio

	figs    *checklist.TeamFigures // the team screen's figures; nil while computed
	figsErr error
	pick    int // the assignment screen's cursor, in candidates()
	off     int // the team screen's first person shown (teamOffset clamps it)
}

// Messages of the team.
type (
	teamLoadedMsg struct {
		ps  []checklist.Portfolio
		err error
		// mine turns "mes dossiers" on once the team is read again (an
		// admin may have changed the portfolio since the session began).
		mine bool
	}
	teamFiguresMsg struct {
		figs checklist.TeamFigures
		ps   []checklist.Portfolio
		err  error
	}
	portfolioAssignedMsg struct {
		p   checklist.Portfolio
		n   int
		err error
	}
)

// initTeam gives the engine the team's store (Options.Team), when the
// program has one. Who acts is the engine handle's person (a served
// session's, tui/session As), read from the engine whenever a rule is
// asked: a change of the team applies at once.
func (m *Model) initTeam() {
	m.team = &teamState{}
	if m.eng != nil && m.opts.Team != nil {
		m.eng.SetTeam(m.opts.Team)
	}
}

// member is the person the program acts for; ok is false for the
// database's owner on this machine, whom the team's rules do not restrict.
func (m *Model) member() (checklist.Member, bool) {
	if m.eng == nil {
		return checklist.Member{}, false
	}
	return m.eng.Member()
}

// hasTeam says whether the team features are on: a team store was given.
func (m *Model) hasTeam() bool { return m.eng != nil && m.opts.Team != nil && m.team != nil }

// teamLoadCmd reads the team's portfolios through the engine.
func (m *Model) teamLoadCmd() tea.Cmd { return m.readTeamCmd(false) }

// readTeamCmd reads the team's portfolios; mine turns "mes dossiers" on
// when they land.
func (m *Model) readTeamCmd(mine bool) tea.Cmd {
	if !m.hasTeam() {
		return nil
	}
	eng := m.eng
	return func() tea.Msg {
		ps, err := eng.Team()
		return teamLoadedMsg{ps: ps, err: err, mine: mine}
	}
}

// person is who "mes dossiers" is about: the member the session acts for,
// else the local operator when he is a member of the team.
func (m *Model) person() string {
	if p, ok := m.member(); ok {
		return p.Name
	}
	if m.ws != nil && slices.ContainsFunc(m.team.ps, func(p checklist.Portfolio) bool { return p.Person == m.ws.Operator }) {
		return m.ws.Operator
	}
	return ""
}

// portfolio returns a person's portfolio.
func (t *teamState) portfolio(name string) (checklist.Portfolio, bool) {
	i := slices.IndexFunc(t.ps, func(p checklist.Portfolio) bool { return p.Person == name })
	if i < 0 {
		return checklist.Portfolio{}, false
	}
	return t.ps[i], true
}

// candidates are the people clients can be assigned to: the cabinet's
// (admins and collaborators), never a company's user.
func (t *teamState) candidates() []checklist.Portfolio {
	var out []checklist.Portfolio
	for _, p := range t.ps {
		if p.Role != checklist.PortfolioRoleCompany {
			out = append(out, p)
		}
	}
	return out
}

// updateTeam handles the team's messages.
func (m *Model) updateTeam(msg tea.Msg) (tea.Cmd, bool) {
	if m.team == nil {
		return nil, false
	}
	switch msg := msg.(type) {
	case teamLoadedMsg:
		if msg.err != nil {
			return m.errStatus(msg.err), true
		}
		if msg.mine {
			m.team.mine = true
		}
		m.setTeam(msg.ps)
		if msg.mine && m.team.mine {
			return m.setStatus(m.mineSummary(), false), true
		}
		return nil, true
	case teamFiguresMsg:
		if msg.err == nil {
			m.setTeam(msg.ps)
			m.team.figs = &msg.figs
		}
		m.team.figsErr = msg.err
		return nil, true
	case teamLiveMsg:
		return m.onTeamLive(msg), true
	case portfolioAssignedMsg:
		if msg.err != nil {
			return m.errStatus(msg.err), true
		}
		if m.dash != nil {
			clear(m.dash.marked)
			m.dash.nMarked = 0
		}
		if showing[assignScreen](m) {
			m.goBack()
		}
		text := nouns(m.lang, msg.n, i18n.Of(m.lang).ClientsAssignedNoun) +
			i18n.Of(m.lang).To + msg.p.Person + i18n.Of(m.lang).Portfolio +
			nouns(m.lang, len(msg.p.Clients), i18n.Of(m.lang).ClientsNoun)
		return tea.Batch(m.setStatus(text, false), m.teamLoadCmd()), true
	}
	return nil, false
}

// setTeam records the team as read, and keeps "mes dossiers" in step.
func (m *Model) setTeam(ps []checklist.Portfolio) {
	m.team.ps = ps
	m.team.me = m.person()
	if m.team.me == "" {
		m.team.mine = false
	}
	m.applyMine()
}

// applyMine restricts the dashboard's rows to my portfolio, or lifts the
// restriction.
func (m *Model) applyMine() {
	d := m.dash
	if d == nil {
		return
	}
	keep := []bool(nil)
	if m.team.mine {
		keep = make([]bool, len(m.run.Clients))
		p, _ := m.team.portfolio(m.team.me)
		for _, id := range p.Clients {
			if i := m.run.ClientIndex(id); i >= 0 {
				keep[i] = true
			}
		}
	}
	d.ix.keep = keep
	d.ix.refilter()
	d.cursor, d.offset = 0, 0
}

// teamKeys are the dashboard's team keys.
type teamKeys struct{ Mine, Assign, Team key.Binding }

func (m *Model) newTeamKeys() teamKeys {
	k := teamKeys{
		Mine:   key.NewBinding(key.WithKeys("M"), key.WithHelp("M", i18n.Of(m.lang).MyDossiers)),
		Assign: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", i18n.Of(m.lang).AssignToThePortfolio)),
		Team:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", i18n.Of(m.lang).TeamProgressEstimatedFinish)),
	}
	on := m.hasTeam()
	// A company's user (and someone removed from the team) has only "mes
	// dossiers": the cabinet's team is not his to read.
	cabinet := true
	if p, ok := m.member(); ok {
		cabinet = p.CanSeeCabinet() == nil
	}
	k.Mine.SetEnabled(on && m.team.me != "")
	k.Assign.SetEnabled(on && cabinet && len(m.team.ps) > 0)
	k.Team.SetEnabled(on && cabinet)
	return k
}

// dashTeamKeys is the dashboard's key map with the team's keys: the short
// help shows "mes dossiers", the full help a fourth column.
type dashTeamKeys struct {
	dashKeys
	team teamKeys
}

func (k dashTeamKeys) ShortHelp() []key.Binding {
	bs := k.dashKeys.ShortHelp()
	if !k.team.Mine.Enabled() {
		return bs
	}
	// After "ouvrir" and "prochaine étape": a member's own dossiers are
	// where he works.
	n := min(2, len(bs))
	return slices.Concat(bs[:n], []key.Binding{k.team.Mine}, bs[n:])
}

func (k dashTeamKeys) FullHelp() [][]key.Binding {
	return append(k.dashKeys.FullHelp(), []key.Binding{k.team.Mine, k.team.Assign, k.team.Team})
}

// dashHelp is the dashboard's key map: with the team's keys when there is
// a team.
func (m *Model) dashHelp(k dashKeys) help.KeyMap {
	if !m.hasTeam() {
		return k
	}
	return dashTeamKeys{dashKeys: k, team: m.newTeamKeys()}
}

// dashTeamKey handles the team's keys on the dashboard; false when km is
// not one of them (or they are off).
func (m *Model) dashTeamKey(km tea.KeyMsg) (tea.Cmd, bool) {
	if !m.hasTeam() {
		return nil, false
	}
	k := m.newTeamKeys()
	switch {
	case key.Matches(km, k.Mine):
		if !m.team.mine {
			return m.readTeamCmd(true), true // on with the portfolio as it is now
		}
		m.team.mine = false
		m.applyMine()
		return m.setStatus(m.mineSummary(), false), true
	case key.Matches(km, k.Assign):
		return m.openAssign(), true
	case key.Matches(km, k.Team):
		return m.openTeam(), true
	}
	return nil, false
}

// mineSummary is the status line when "mes dossiers" is turned on or off:
// my clients finished, and the guide's time for what is left.
func (m *Model) mineSummary() string {
	if !m.team.mine {
		return i18n.Of(m.lang).AllClients
	}
	p, _ := m.team.portfolio(m.team.me)
	pr := m.run.ClientsProgress(p.Clients)
	text := i18n.Of(m.lang).MyDossiers2 + checklist.FormatInt(m.lang, pr.ClientsDone) + "/" +
		nouns(m.lang, pr.Clients, i18n.Of(m.lang).ClientsFinishedNoun)
	if l := pr.Left.Text(m.lang); l != "" {
		text += " · " + l
	}
	return text
}

// mayAssign says why the session cannot hand out portfolios, "" when it
// can, so that a collaborator is told at once: checklist's rule
// (Member.CanAdminister), which the engine applies again when it assigns.
func (m *Model) mayAssign() string {
	p, ok := m.member()
	switch {
	case !ok || p.CanAdminister() == nil:
		return ""
	case p.InTeam() != nil:
		return m.errText(p.InTeam())
	}
	return i18n.Of(m.lang).OnlyATeamAdmin
}

// openAssign opens the choice of the person to give the marked clients to.
func (m *Model) openAssign() tea.Cmd {
	switch {
	case m.dash.nMarked == 0:
		return m.setStatus(i18n.Of(m.lang).SelectClientsFirstSpace3, false)
	case m.mayAssign() != "":
		return m.setStatus(m.mayAssign(), true)
	case len(m.team.candidates()) == 0:
		return m.setStatus(i18n.Of(m.lang).NobodyToAssignTo, false)
	}
	m.team.pick = 0
	m.open(assignScreen{})
	return nil
}

// marked lists the ids of the clients marked on the dashboard, in the
// run's order.
func (m *Model) markedIDs() []string {
	var ids []string
	for i, on := range m.dash.marked {
		if on {
			ids = append(ids, m.run.Clients[i].ID)
		}
	}
	return ids
}

// assignKeys are the keys of the assignment screen.
type assignKeys struct{ Up, Down, Assign, Back key.Binding }

func newAssignKeys(lang checklist.Lang, g globalKeys) assignKeys {
	return assignKeys{
		Up:     upKey(i18n.Of(lang).Choose),
		Down:   downKey(lang),
		Assign: key.NewBinding(key.WithKeys("enter"), key.WithHelp(keyEnter(lang), i18n.Of(lang).Assign)),
		Back:   g.Back,
	}
}

func (k assignKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Up, k.Assign, k.Back} }
func (k assignKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

func (m *Model) updateAssign(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := newAssignKeys(m.lang, m.gkeys)
	cs := m.team.candidates()
	switch {
	case key.Matches(km, k.Up):
		m.team.pick = max(0, m.team.pick-1)
	case key.Matches(km, k.Down):
		m.team.pick = min(len(cs)-1, m.team.pick+1)
	case key.Matches(km, k.Back):
		m.goBack()
	case key.Matches(km, k.Assign):
		if m.team.pick >= len(cs) {
			return nil
		}
		return m.assignCmd(cs[m.team.pick].Person, m.markedIDs())
	}
	return nil
}

// assignCmd gives the clients to person through the engine.
func (m *Model) assignCmd(person string, ids []string) tea.Cmd {
	eng := m.eng
	return func() tea.Msg {
		p, err := eng.AssignPortfolio(person, ids)
		return portfolioAssignedMsg{p: p, n: len(ids), err: err}
	}
}

// openTeam opens the team screen and computes its figures in the
// background (the audit of the last working days is read).
func (m *Model) openTeam() tea.Cmd {
	m.team.figs, m.team.figsErr, m.team.off = nil, nil, 0
	m.open(teamScreen{})
	eng := m.eng
	created := m.ws.CreatedAt
	return func() tea.Msg {
		f, ps, err := eng.TeamFigures(created)
		return teamFiguresMsg{figs: f, ps: ps, err: err}
	}
}

func (m *Model) updateTeamScreen(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := newTeamScreenKeys(m.lang, m.gkeys)
	switch {
	case key.Matches(km, k.Back):
		m.goBack()
	case key.Matches(km, k.Up):
		m.team.off = max(0, m.teamOffset()-1)
	case key.Matches(km, k.Down):
		m.team.off = m.teamOffset() + 1 // teamOffset keeps it within the list
	}
	return nil
}

// teamScreenKeys are the team screen's keys.
type teamScreenKeys struct{ Up, Down, Back, Quit key.Binding }

func newTeamScreenKeys(lang checklist.Lang, g globalKeys) teamScreenKeys {
	return teamScreenKeys{Up: upKey(i18n.Of(lang).Scroll), Down: downKey(lang), Back: g.Back, Quit: g.Quit}
}

func (k teamScreenKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Up, k.Back, k.Quit} }
func (k teamScreenKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
