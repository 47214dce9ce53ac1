package accessible

import (
	"context"

	"github.com/bascule-cli/bascule/tui"
	"github.com/bascule-cli/bascule/tui/i18n"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// canRefresh says whether the main menu offers to refresh the clients from
// V1: a workspace with a V1 connection (demo or API); files mode's
// dossiers come from the export.
//
// Over `serve`, only an admin of the team refreshes: the client list is the
// cabinet's, as the portfolios are.
func (s *session) canRefresh() bool {
	if s.ws.Mode == tui.ModeFiles {
		return false
	}
	return s.eng == nil || s.eng.MayRefresh() == nil
}

// refreshClients reads V1's client list through the engine (the same
// intent as the dashboard's u key and `bascule clients refresh`): new
// clients get a dossier, those that left are marked, the work is kept.
func (s *session) refreshClients() error {
	ports, ok, err := s.connectedTo("V1", func(err error) string { return i18n.Of(s.lang).CouldNotConnectTo + s.errText(err) })
	if !ok {
		return err
	}
	s.eng.SetPorts(engine.Ports{V1: ports.V1, V2: ports.V2})
	s.println(i18n.Of(s.lang).ReadingV1sClientList)
	var r engine.Refreshed
	_, err = s.withTimeout(func(ctx context.Context) error {
		var err error
		r, err = s.eng.Refresh(ctx)
		return err
	})
	s.run = s.eng.Snapshot()
	if err != nil {
		s.println(i18n.Of(s.lang).V1sClientListNot + s.errText(err))
		return nil
	}
	s.println(tui.RefreshText(s.lang, r))
	for _, d := range r.Left {
		s.println("  " + d.Name + i18n.Of(s.lang).NoLongerOnV1s)
	}
	return nil
}
