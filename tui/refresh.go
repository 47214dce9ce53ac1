package tui

import (
	"context"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/bascule-cli/bascule/tui/session"
	tea "github.com/charmbracelet/bubbletea"
)

// The dashboard's refresh key (u): the engine reads V1's client list,
// creates the dossiers of the clients that appeared, updates those that
// changed and marks those that left (session.Engine.Refresh); the dashboard
// then shows the engine's run. The work done is never touched.

// mayRefresh says why the session cannot refresh the client list, "" when
// it can: the engine's rule (session.Engine.MayRefresh).
func (m *Model) mayRefresh() string {
	if m.eng == nil {
		return ""
	}
	if err := m.eng.MayRefresh(); err != nil {
		return m.errText(err)
	}
	return ""
}

// refreshedMsg is the engine's answer to the refresh key, with the run as
// it left it.
type refreshedMsg struct {
	id  int // the cancel function's key in ids.cancels
	r   session.Refreshed
	run *checklist.Run
	err error
}

// startRefresh runs the engine's refresh in a command; quitting cancels it.
func (m *Model) startRefresh() tea.Cmd {
	eng := m.eng
	if eng == nil {
		return m.errStatus(errNoEngine)
	}
	if why := m.mayRefresh(); why != "" {
		return m.setStatus(why, true)
	}
	if m.ports.V1 == nil {
		return m.setStatus(i18n.Of(m.lang).NoConnectionToV1, true)
	}
	id := m.ids.take()
	ctx, cancel := context.WithCancel(context.Background())
	m.ids.cancels[id] = cancel
	return tea.Batch(m.setStatus(i18n.Of(m.lang).ReadingV1sClientList, false),
		func() tea.Msg {
			r, err := eng.Refresh(ctx)
			return refreshedMsg{id: id, r: r, run: eng.Snapshot(), err: err}
		})
}

// refreshed shows the engine's run after a refresh and says what changed.
func (m *Model) refreshed(msg refreshedMsg) tea.Cmd {
	if cancel, ok := m.ids.cancels[msg.id]; ok {
		cancel()
		delete(m.ids.cancels, msg.id)
	}
	if msg.err != nil {
		return m.setStatus(i18n.Of(m.lang).V1sClientListNot+m.errText(msg.err), true)
	}
	r := msg.r
	if len(r.Add)+len(r.Updated)+r.Marked+r.Back > 0 && msg.run != nil {
		// New dossiers come last, so the indexes other screens hold stay
		// valid; the dashboard is rebuilt for the new rows.
		m.run = msg.run
		m.dash = newDashboard(msg.run)
		m.runChanged()
	}
	return m.setStatus(RefreshText(m.lang, r), false)
}

// RefreshText is the status line after a refresh, which the line prompts
// say too: "Clients de V1 : 1 dossier ajouté, 0 mis à jour, 2 absents de
// V1 (dossiers conservés, marqués)."
func RefreshText(lang checklist.Lang, r session.Refreshed) string {
	s := i18n.Of(lang).V1Clients +
		nouns(lang, len(r.Add), i18n.Of(lang).DossiersAddedNoun) + ", " +
		nouns(lang, len(r.Updated), i18n.Of(lang).UpdatedNoun) + ", " +
		nouns(lang, len(r.Left), i18n.Of(lang).MissingFromV1Noun)
	if len(r.Left) > 0 {
		s += i18n.Of(lang).DossiersKeptMarked
	}
	if r.Back > 0 {
		s += ", " + nouns(lang, r.Back, i18n.Of(lang).BackNoun)
	}
	return s + "."
}
