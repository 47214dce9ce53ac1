package accessible

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/tui"
	"github.com/bascule-cli/bascule/tui/i18n"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// Options are what the accessible mode works on; cmd/bascule fills them
// like the full-screen program's.
type Options struct {
	Guide *checklist.Guide
	Store tui.Store
	// Secrets seals credentials typed into capture forms; nil leaves secret
	// fields out (with a message).
	Secrets tui.Secrets
	// Workspace is the open workspace. When nil, Workspaces lists the
	// existing ones to choose from.
	Workspace  *tui.Workspace
	Workspaces tui.Workspaces
	// Run is the workspace's run when already loaded; nil loads it.
	Run  *checklist.Run
	Lang checklist.Lang
	// Ports are the open workspace's connectors, as cmd/bascule built them
	// for the full-screen program. Connect builds them for a workspace
	// chosen or created here (and in API mode once the passphrase is
	// typed); nil leaves the connector checks offline.
	Ports   tui.Ports
	Connect func(w tui.Workspace, passphrase []byte) (tui.Ports, error)
	// ImportDossiers reads a V1 clients export for a new files-mode
	// workspace: the full-screen first run's hook (tui.Options).
	ImportDossiers func(path string) ([]checklist.Dossier, []string, error)
	// Passphrase is the workspace passphrase already given (API mode), nil
	// otherwise.
	Passphrase []byte
	// OutDir is where the clients' notices and the summary export are
	// written; empty means tui.DefaultOutDir, as in the full-screen program.
	OutDir string
	// RemoteReport is tui.Options.RemoteReport: over SSH the summary is
	// not written on the server but fetched with this command, and the
	// notices say they are on the server.
	RemoteReport string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Engine is the workspace's engine when it is shared (`bascule serve`
	// hands each session a person's handle, tui/session As); nil opens one.
	Engine *engine.Engine
	// Files reads the files capture forms name (their SHA-256, an export's
	// clients); nil leaves them unchecked. cmd/bascule passes the same as
	// to the full-screen program.
	Files checklist.FileReader
	// CheckTimeout bounds one connector check; 0 means 2 minutes, as in the
	// full-screen program.
	CheckTimeout time.Duration
	// Team is the team's store (portfolios, the audit the pace is measured
	// from); with a team, the main menu's last entry reads out each
	// person's figures. nil leaves it out. Member, when the session opens
	// its own engine (no Engine), is the team member it acts as: it works
	// through his handle (session.Engine.AsTeamMember). A shared Engine is
	// already its person's.
	Team   engine.TeamStore
	Member string
}

// session is one run of the accessible mode.
type session struct {
	*dialog
	ctx  context.Context
	opts Options
	ws   tui.Workspace
	run  *checklist.Run
	g    *checklist.Guide
	pass []byte // the passphrase once given, for this session only
	// ports are the connectors of ws once known (portsFor is its id).
	ports    tui.Ports
	portsFor string
	// eng is the engine (tui/session) of ws: every write goes through it,
	// and run is its snapshot, taken again after each change.
	eng *engine.Engine
	// start is when this session began: the summary export's journal
	// starts there.
	start time.Time
}

// Run walks the user through the guide with line prompts: choose a scope
// (the cabinet's phases, a client), see its steps with their status, choose
// one, then set its status or fill its capture form. Every change goes
// through the engine (tui/session: the same gate checks as everywhere) and
// is on disk before the next question. It returns nil when the user quits or
// the input ends.
func Run(ctx context.Context, in io.Reader, out io.Writer, opts Options) error {
	if opts.Guide == nil {
		opts.Guide = checklist.Default()
	}
	if opts.Lang == "" {
		opts.Lang = checklist.French
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.OutDir == "" {
		opts.OutDir = tui.DefaultOutDir
	}
	s := &session{dialog: &dialog{in: newLineReader(in), out: out, lang: opts.Lang}, ctx: ctx, opts: opts, g: opts.Guide, pass: opts.Passphrase,
		start: opts.Now()}
	err := s.main()
	switch {
	case errors.Is(err, errQuit):
		s.println(i18n.Of(s.lang).GoodbyeEverythingIsSaved)
		return nil
	case errors.Is(err, errEOF):
		s.println(i18n.Of(s.lang).EndOfInputEverything)
		return nil
	}
	return err
}

func (s *session) main() error {
	if err := s.openWorkspace(); err != nil {
		return err
	}
	s.header()
	for {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		if err := s.mainMenu(); err != nil {
			return err
		}
	}
}

func (s *session) header() {
	s.println("bascule — " + i18n.Of(s.lang).AccessibleMode + " · " + s.ws.Cabinet.LegalName +
		" · SIREN " + ident.FormatSIREN(s.ws.Cabinet.SIREN) + " · " + tui.ModeTitle(s.lang, s.ws.Mode))
	s.println(i18n.Of(s.lang).AtEachQuestionA)
}

// openWorkspace uses the workspace given, or lets the user choose one or
// create one (the first run, line by line, when there is none).
func (s *session) openWorkspace() error {
	if s.opts.Workspace != nil {
		s.ws = *s.opts.Workspace
		s.ports, s.portsFor = s.opts.Ports, s.ws.ID
		run := s.opts.Run
		if run == nil {
			var err error
			if run, err = s.opts.Store.LoadRun(s.ws.ID, s.g); err != nil {
				return err
			}
		}
		return s.openEngine(run)
	}
	for {
		ws, err := s.chooseWorkspace(false)
		if err != nil {
			return err
		}
		if ws != nil {
			return s.switchTo(ws.ws, ws.pass)
		}
		if ok, err := s.yesNo(i18n.Of(s.lang).QuitBascule, false); err != nil || ok {
			if err == nil {
				err = errQuit
			}
			return err
		}
	}
}

// switchTo opens a workspace chosen or created in this session: its run
// is loaded, its connectors built when first needed.
// pass is the passphrase typed when it was created (API mode), if any.
func (s *session) switchTo(ws tui.Workspace, pass []byte) error {
	run, err := s.opts.Store.LoadRun(ws.ID, s.g)
	if err != nil {
		return err
	}
	if ws.ID != s.ws.ID || pass != nil {
		s.pass = pass // another workspace, another passphrase
	}
	s.ws = ws
	s.ports, s.portsFor = tui.Ports{}, ""
	return s.openEngine(run)
}

// openEngine opens the engine of s.ws on a copy of run, and reads the run
// from it.
func (s *session) openEngine(run *checklist.Run) error {
	if e := s.opts.Engine; e != nil && e.Workspace() == s.ws.ID {
		s.eng, s.run = e, e.Snapshot()
		return nil
	}
	e, err := engine.Open(engine.Config{Workspace: s.ws.ID, Cabinet: s.ws.Cabinet, Operator: s.ws.Operator, Store: s.opts.Store,
		Lang: s.lang, Guide: s.g, Run: engine.CloneRun(run), Now: s.opts.Now})
	if err != nil {
		return err
	}
	if s.opts.Team != nil {
		e.SetTeam(s.opts.Team)
		if s.opts.Member != "" {
			if e, err = e.AsTeamMember(s.opts.Member); err != nil {
				return err
			}
		}
	}
	s.eng, s.run = e, e.Snapshot()
	return nil
}

// apply checks a change against the run's rules, writes it, and says what
// happened. A refusal (a gate) is printed in the user's language and is
// not an error of the dialogue.
func (s *session) apply(ch tui.StepChange, st *checklist.Step) error {
	if ch.Status != nil {
		// A tick against the blockers or the latest check passes only with
		// an override (asked here, recorded by the engine).
		if err := s.run.CheckChange(ch.Ref, *ch.Status, ch.Reason, s.latestEvidence(ch)); err != nil {
			s.println(i18n.Of(s.lang).Refused + s.errText(err))
			if ok, err := s.override(err); err != nil || !ok {
				return err
			}
		}
	}
	return s.said(ch, st, func() (checklist.StepState, error) { return s.eng.Apply(ch) })
}

// record records what a check or a job found through the engine (the
// status by checklist's one rule) and says what happened.
func (s *session) record(ref checklist.Ref, ev *checklist.Evidence, c *checklist.Capture, pending *int, st *checklist.Step) error {
	ch := s.evidenceChange(ref, ev, c)
	return s.said(ch, st, func() (checklist.StepState, error) { return s.eng.RecordEvidence(ref, *ev, c, pending) })
}

// said runs a write through the engine, takes the run again from it and
// says what happened.
func (s *session) said(ch tui.StepChange, st *checklist.Step, write func() (checklist.StepState, error)) error {
	state, err := write()
	s.run = s.eng.Snapshot() // a refused intent may still have recorded part (the request before its step)
	if err != nil {
		var ce *checklist.Error
		if errors.As(err, &ce) {
			s.println(i18n.Of(s.lang).Refused + ce.In(s.lang))
			return nil
		}
		return err
	}
	switch {
	case ch.Status != nil:
		s.println(fmt.Sprintf(i18n.Of(s.lang).SavedFmt, st.Title.In(s.lang), state.Status.Title().In(s.lang)))
	default:
		s.println(i18n.Of(s.lang).Saved)
	}
	return nil
}

// errText renders an error in the user's language (checklist.ErrorText).
func (s *session) errText(err error) string { return checklist.ErrorText(s.lang, err) }

func statusPtr(st checklist.Status) *checklist.Status { return &st }

func (s *session) setStatus(ref checklist.Ref, st *checklist.Step, to checklist.Status, reason string) error {
	return s.apply(tui.StepChange{Ref: ref, Status: statusPtr(to), Reason: reason}, st)
}

func (s *session) withReason(ref checklist.Ref, st *checklist.Step, to checklist.Status) error {
	reason, err := s.ask(fmt.Sprintf(i18n.Of(s.lang).ReasonFmt, to.Title().In(s.lang)))
	if err != nil {
		return err
	}
	return s.setStatus(ref, st, to, reason)
}

func (s *session) note(ref checklist.Ref, st *checklist.Step, old string) error {
	prompt := i18n.Of(s.lang).Note2
	if old != "" {
		prompt = fmt.Sprintf(i18n.Of(s.lang).NewNoteReplacesFmt, old)
	}
	v, err := s.ask(prompt)
	if err != nil {
		return err
	}
	return s.apply(tui.StepChange{Ref: ref, Note: &v}, st)
}
