package tui

import (
	"fmt"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/bascule-cli/bascule/tui/session"
)

// A change of the team made in another session (an admin's assignment, a
// team command over SSH) reaches this program as a KindTeam event of the
// shared engine (live.go hands the events here). The engine already
// applies the new portfolio to this session's rules; the program reads the
// team again in a command, and Update shows it: "mes dossiers", an
// "entreprise" user's dossiers, the team screen if open, and a word when
// the change is about this session's person.

// teamLiveMsg is what a command read after a change of the team.
type teamLiveMsg struct {
	ps  []checklist.Portfolio
	err error
	// by made the change; aboutMe says it changed this session's person.
	by      string
	aboutMe bool
	// me is this session's person as the team has him now (person false
	// for the database's owner).
	me     checklist.Member
	person bool
	// run is the person's dossiers again when the firm's are not all his
	// to see (an "entreprise" user, someone removed): they change with his
	// portfolio. nil otherwise.
	run *checklist.Run
	// figs is the team screen's figures again, when it was open.
	figs *teamFiguresMsg
}

// liveTeam answers the team's events among evs with the command that reads
// the team again; nil when there is none or the program has no team.
func (m *Model) liveTeam(evs []session.Event) tea.Cmd {
	i := slices.IndexFunc(evs, func(ev session.Event) bool { return ev.Kind == session.KindTeam })
	if i < 0 || !m.hasTeam() {
		return nil
	}
	me := m.person()
	msg := teamLiveMsg{by: evs[i].Who}
	for _, ev := range evs[i:] {
		if ev.Kind == session.KindTeam {
			msg.by = ev.Who
			msg.aboutMe = msg.aboutMe || (me != "" && ev.Session != m.eng.Session() && slices.Contains(ev.People, me))
		}
	}
	eng, figs := m.eng, showing[teamScreen](m)
	created := m.ws.CreatedAt
	return func() tea.Msg {
		out := msg
		out.ps, out.err = eng.Team()
		out.me, out.person = eng.Member()
		if out.person && out.me.CanSeeCabinet() != nil {
			out.run = eng.Snapshot()
		}
		if figs && (!out.person || out.me.CanSeeCabinet() == nil) {
			f, ps, err := eng.TeamFigures(created)
			out.figs = &teamFiguresMsg{figs: f, ps: ps, err: err}
		}
		return out
	}
}

// onTeamLive shows a change of the team, with no I/O: everything was read
// by liveTeam's command.
func (m *Model) onTeamLive(msg teamLiveMsg) tea.Cmd {
	if msg.err != nil {
		return m.errStatus(msg.err)
	}
	if msg.run != nil && !sameClients(m.run, msg.run) {
		// An "entreprise" user's dossiers changed: the screens that hold
		// a client's index are left for the new dashboard.
		m.run = msg.run
		m.dash = newDashboard(msg.run)
		m.stack = []screen{m.dash}
		m.runChanged()
	}
	m.team.ps = msg.ps
	m.team.me = m.person()
	if m.team.me == "" {
		m.team.mine = false
	}
	m.refilterMine()
	if msg.figs != nil && showing[teamScreen](m) {
		m.team.figs, m.team.figsErr = nil, msg.figs.err
		if msg.figs.err == nil {
			m.team.figs = &msg.figs.figs
		}
	}
	switch {
	case msg.person && msg.me.InTeam() != nil:
		return m.setStatus(fmt.Sprintf(i18n.Of(m.lang).RemovedFromTheTeamByFmt, msg.by), true)
	case msg.aboutMe:
		p, _ := m.team.portfolio(m.team.me)
		return m.setStatus(fmt.Sprintf(i18n.Of(m.lang).YourPortfolioChangedFmt, msg.by,
			nouns(m.lang, len(p.Clients), i18n.Of(m.lang).ClientsNoun)), false)
	}
	return nil
}

// refilterMine applies "mes dossiers" again after the portfolio changed,
// keeping the client under the cursor when it is still listed.
func (m *Model) refilterMine() {
	d := m.dash
	if d == nil {
		return
	}
	cur := d.current()
	m.applyMine()
	if cur < 0 {
		return
	}
	if i := slices.Index(d.ix.filtered, int32(cur)); i >= 0 {
		d.cursor = i
	}
}

// sameClients says whether two runs list the same dossiers in the same
// order.
func sameClients(a, b *checklist.Run) bool {
	if a == nil || len(a.Clients) != len(b.Clients) {
		return false
	}
	for i := range a.Clients {
		if a.Clients[i].ID != b.Clients[i].ID {
			return false
		}
	}
	return true
}
