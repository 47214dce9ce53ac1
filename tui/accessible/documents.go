package accessible

import (
	"context"
	"errors"
	"fmt"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// writeNotices writes the clients' notices through the engine, as the
// full-screen request screen does (Engine.NoticesJob), and records the step's
// evidence. V1 gives each client's contact when it is connected; without
// it the messages are written without recipients.
func (s *session) writeNotices(ref checklist.Ref, st *checklist.Step) error {
	ports, err := s.connectors()
	switch {
	case s.ctx.Err() != nil:
		return s.ctx.Err()
	case errors.Is(err, errEOF), errors.Is(err, errQuit):
		return err
	case err != nil || ports.V1 == nil:
		s.println(i18n.Of(s.lang).V1IsNotConnected)
	}
	s.eng.SetPorts(engine.Ports{V1: ports.V1, V2: ports.V2})
	s.println(i18n.Of(s.lang).WritingTheEMails)
	var res engine.JobResult
	job := s.eng.NoticesJob(s.opts.OutDir, s.lang)
	if _, err := s.withTimeout(func(ctx context.Context) (err error) { res, err = job(ctx); return err }); err != nil {
		if s.ctx.Err() != nil {
			return s.ctx.Err()
		}
		s.println(i18n.Of(s.lang).CouldNotWrite + s.errText(err))
		return nil
	}
	if s.opts.RemoteReport != "" {
		res.Summary = fmt.Sprintf(i18n.Of(s.lang).OnTheServerFmt, res.Summary)
	}
	s.println(res.Summary)
	ev := res.Evidence
	return s.record(ref, &ev, nil, nil, st)
}

// writeSummary writes the summary export (Markdown and HTML) through the
// engine, as the full-screen summary screen does (Engine.SummaryExport), with
// the journal of this session when the store keeps one.
func (s *session) writeSummary() error {
	if r := s.opts.RemoteReport; r != "" {
		s.println(fmt.Sprintf(i18n.Of(s.lang).SummaryNotOnTheServerFmt, r))
		return nil
	}
	var events []checklist.Event
	if er, ok := s.opts.Store.(engine.EventReader); ok {
		evs, err := er.Events(s.ws.ID, s.start)
		if err != nil {
			s.println(i18n.Of(s.lang).JournalUnreadable + s.errText(err))
		}
		events = evs
	}
	paths, err := s.eng.SummaryExport(s.ws, s.opts.OutDir, s.start, events, nil)
	if err != nil {
		s.println(i18n.Of(s.lang).CouldNotWrite + s.errText(err))
		return nil
	}
	s.println(i18n.Of(s.lang).SummaryWritten)
	for _, p := range paths {
		s.println("  " + p)
	}
	return nil
}
