package accessible

import (
	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// The team's figures, read-only: each person's progress on his portfolio,
// the time left by the guide's durations and the finish estimated from his
// pace, then the clients in no portfolio and the cabinet as a whole. They
// are the engine's (checklist.Run.TeamFigures), the same as the team
// screen's and `bascule status`'s.

// canShowTeam says whether the main menu offers the team's figures: a team
// store was given, the workspace has a team, and the session is not a
// company's user (the cabinet team's progress is not his to read).
func (s *session) canShowTeam() bool {
	if s.opts.Team == nil || s.eng == nil {
		return false
	}
	ps, err := s.eng.Team()
	if err != nil || len(ps) == 0 {
		return false
	}
	m, person := s.eng.Member()
	return !person || m.CanSeeCabinet() == nil
}

// showTeam reads the team's figures out, one line per person.
func (s *session) showTeam() error {
	f, _, err := s.eng.TeamFigures(s.ws.CreatedAt)
	if err != nil {
		s.println(i18n.Of(s.lang).TeamProgressNotRead + s.errText(err))
		return nil
	}
	s.println()
	s.println(i18n.Of(s.lang).TeamOpenWorkBascules)
	for _, p := range f.People {
		finish := p.Finish.Text(s.lang)
		if p.Progress.Clients == 0 {
			finish = i18n.Of(s.lang).NoClient
		}
		name := p.Person + " (" + p.Role + ")"
		if me, person := s.eng.Member(); person && p.Person == me.Name {
			name += i18n.Of(s.lang).You2
		}
		s.println("  " + s.teamLine(name, p.Progress, finish))
	}
	if f.Unassigned.Clients > 0 {
		s.println("  " + s.teamLine(i18n.Of(s.lang).Unassigned, f.Unassigned, ""))
	}
	s.println("  " + s.teamLine(i18n.Of(s.lang).FirmEveryone, f.Cabinet.Progress, f.Cabinet.Finish.Text(s.lang)))
	s.println("  " + checklist.PaceMethod().In(s.lang))
	return nil
}

// teamLine is one person's line: "Claire (collaborateur) : 0/2 clients
// finis, reste ≈ 6 min, fin estimée le …".
func (s *session) teamLine(name string, pr checklist.PortfolioProgress, finish string) string {
	parts := checklist.FormatInt(s.lang, pr.ClientsDone) + "/" +
		i18n.Of(s.lang).ClientsFinishedNoun.Count(s.lang, pr.Clients)
	if left := pr.Left.Text(s.lang); left != "" {
		parts += ", " + left
	}
	if finish != "" {
		parts += ", " + finish
	}
	return name + i18n.Of(s.lang).Colon + parts
}
