package accessible

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui"
	"github.com/bascule-cli/bascule/tui/i18n"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// defaultCheckTimeout bounds one connector check, as in the full-screen
// program.
const defaultCheckTimeout = 2 * time.Minute

// hasCheck says bascule can run the step's connector check (whatever the
// mode: without a connector, running it says so).
func (s *session) hasCheck(ref checklist.Ref) bool {
	return engine.Check(engine.Ports{}, s.ws.Cabinet, ref, s.opts.Now) != nil || s.job(tui.Ports{}, ref) != nil ||
		ref.Step == checklist.StepRequestAnswer
}

// job is the step's connector work beyond the checks (the request's
// readiness, the reconciliation's controls and re-creations), the engine's
// table as the full-screen program runs it, or nil.
func (s *session) job(ports tui.Ports, ref checklist.Ref) engine.JobFunc {
	return engine.Job(engine.JobDeps{Ports: enginePorts(ports), Reader: s.opts.Store, Workspace: s.ws.ID,
		Seed: engine.WorkspaceSeed(s.ws), Run: s.run, Lang: s.lang, Now: s.opts.Now}, ref)
}

// enginePorts are the connectors the engine's checks and jobs use.
func enginePorts(p tui.Ports) engine.Ports { return engine.Ports{V1: p.V1, V2: p.V2} }

// checkSource is the platform a step's check reads or writes: V2 for the
// registration, the request's answer and the reconciliation, V1 otherwise.
func checkSource(step string) string {
	if strings.HasPrefix(step, "registration.") || strings.HasPrefix(step, "reconciliation.") || step == checklist.StepRequestAnswer {
		return "V2"
	}
	return "V1"
}

// checkLabel is the menu line that runs a step's connector work.
func (s *session) checkLabel(step string) string {
	switch {
	case engine.JobWrites(step):
		return i18n.Of(s.lang).DoItOnV2
	case step == checklist.StepRequestClientChecks:
		return i18n.Of(s.lang).CheckNowWhatBlocks
	}
	return fmt.Sprintf(i18n.Of(s.lang).CheckNowOnFmt, checkSource(step))
}

// connectedTo opens the workspace's connectors for src ("V1" or "V2").
// Without that connector it says so; when they cannot be opened it prints
// failed's words; either way ok is false and the caller goes back to its
// menu. err is an interruption or the end of the answers, to return.
func (s *session) connectedTo(src string, failed func(error) string) (ports tui.Ports, ok bool, err error) {
	ports, err = s.connectors()
	switch {
	case s.ctx.Err() != nil:
		return ports, false, s.ctx.Err()
	case errors.Is(err, errEOF), errors.Is(err, errQuit):
		return ports, false, err
	case errors.Is(err, engine.ErrNoConnector), err == nil && (src == "V1" && ports.V1 == nil || src == "V2" && ports.V2 == nil):
		s.noConnector(src)
		return ports, false, nil
	case err != nil:
		s.println(failed(err))
		return ports, false, nil
	}
	return ports, true, nil
}

// connectors returns the open workspace's connectors: those cmd/bascule
// gave, or built with Connect for a workspace opened here. In API mode the
// passphrase opens the client secret: asked when not yet given, asked
// again when wrong; an empty answer leaves the checks offline.
func (s *session) connectors() (tui.Ports, error) {
	if s.portsFor == s.ws.ID && (s.ports.V1 != nil || s.ports.V2 != nil || s.ws.Mode != tui.ModeAPI) {
		return s.ports, nil
	}
	if s.opts.Connect == nil || s.ws.Mode == tui.ModeFiles {
		return tui.Ports{}, nil
	}
	pass := s.pass
	for tries := 0; ; tries++ {
		p, err := s.opts.Connect(s.ws, pass)
		if err == nil {
			s.ports, s.portsFor = p, s.ws.ID
			if pass != nil {
				s.pass = pass
			}
			return p, nil
		}
		if s.ws.Mode != tui.ModeAPI || tries >= 3 || (pass != nil && !tui.WrongPassphrase(err)) {
			return tui.Ports{}, err
		}
		if pass != nil {
			s.println(tui.PassphraseErrorText(s.lang))
		}
		v, err := s.askSecret(i18n.Of(s.lang).WorkspacePassphraseToConnect)
		if err != nil {
			return tui.Ports{}, err
		}
		if v == "" {
			return tui.Ports{}, engine.ErrNoConnector
		}
		pass = []byte(v)
	}
}

// noConnector says why the check cannot run in this workspace.
func (s *session) noConnector(src string) {
	switch s.ws.Mode {
	case tui.ModeFiles:
		s.println(fmt.Sprintf(i18n.Of(s.lang).NoAutomaticCheckInFmt, src, src))
	case tui.ModeAPI:
		s.println(fmt.Sprintf(i18n.Of(s.lang).NoConnectionToPassphraseFmt, src, src))
	default:
		s.println(i18n.Of(s.lang).NoConnectorForThis)
	}
}

// runCheck runs a step's connector check, the engine's (engine.Check),
// with a timeout; prints what it found; and records
// the evidence (and the count of pending invoices) through the engine,
// whose status follows checklist's one rule for evidence.
func (s *session) runCheck(ref checklist.Ref, st *checklist.Step) error {
	if ref.Step == checklist.StepRequestClientChecks { // bascule's own rules: no connector
		return s.runJob(ref, st, s.job(tui.Ports{}, ref))
	}
	src := checkSource(ref.Step)
	ports, ok, err := s.connectedTo(src, func(err error) string {
		return fmt.Sprintf(i18n.Of(s.lang).CheckFailedCouldNotFmt, src, s.errText(err))
	})
	if !ok {
		return err
	}
	if ref.Step == checklist.StepRequestAnswer {
		return s.requestAnswer(ports.V2, st)
	}
	fn := engine.Check(enginePorts(ports), s.ws.Cabinet, ref, s.opts.Now)
	if fn == nil {
		if job := s.job(ports, ref); job != nil {
			return s.runJob(ref, st, job)
		}
		s.println(i18n.Of(s.lang).NoAutomaticCheckFor)
		return nil
	}
	s.println(fmt.Sprintf(i18n.Of(s.lang).CheckingFmt, src))
	var res engine.CheckResult
	timeout, err := s.withTimeout(func(ctx context.Context) (err error) { res, err = fn(ctx); return err })
	switch {
	case s.ctx.Err() != nil:
		return s.ctx.Err()
	case errors.Is(err, engine.ErrNoConnector):
		s.noConnector(src)
		return nil
	case errors.Is(err, context.DeadlineExceeded):
		s.println(fmt.Sprintf(i18n.Of(s.lang).CheckFailedDidNotFmt, src, intervalText(s.lang, timeout)))
		return nil
	case err != nil:
		s.println(i18n.Of(s.lang).CheckFailed + s.errText(err))
		return nil
	}
	ev := res.Evidence
	s.printEvidence(&ev, false)
	return s.record(ref, &ev, nil, res.Pending, st)
}

// runJob runs a reconciliation step's work on V2 (a control, or a
// re-creation once confirmed), with the checks' timeout; reads out what it
// found or did; and records it like the full-screen program: the evidence,
// the capture it gathered, and the status it suggests when the rules allow.
func (s *session) runJob(ref checklist.Ref, st *checklist.Step, job engine.JobFunc) error {
	if engine.JobWrites(ref.Step) {
		ok, err := s.yesNo(fmt.Sprintf(i18n.Of(s.lang).WillBeDoneOnFmt, st.Title.In(s.lang)), false)
		if err != nil || !ok {
			return err
		}
	}
	if ref.Step == checklist.StepRequestClientChecks {
		s.println(i18n.Of(s.lang).Checking)
	} else {
		s.println(i18n.Of(s.lang).V2Working)
	}
	var res engine.JobResult
	timeout, err := s.withTimeout(func(ctx context.Context) (err error) { res, err = job(ctx); return err })
	switch {
	case s.ctx.Err() != nil:
		return s.ctx.Err()
	case errors.Is(err, engine.ErrNoConnector):
		s.noConnector("V2")
		return nil
	case errors.Is(err, engine.ErrNothingNoted):
		s.println(i18n.Of(s.lang).NothingWasNotedDuring)
		return nil
	case errors.As(err, new(engine.FindingError)):
		var fe engine.FindingError
		errors.As(err, &fe)
		s.println(i18n.Of(s.lang).Failed + checklist.FindingText(fe.Finding).In(s.lang))
		return nil
	case errors.Is(err, context.DeadlineExceeded):
		s.println(fmt.Sprintf(i18n.Of(s.lang).FailedV2DidNotFmt, intervalText(s.lang, timeout)))
		return nil
	case err != nil:
		s.println(i18n.Of(s.lang).Failed + s.errText(err))
		return nil
	}
	if res.Summary != "" {
		s.println(res.Summary)
	}
	ev := res.Evidence
	s.printEvidence(&ev, false)
	return s.record(ref, &ev, res.Capture, res.Pending, st)
}

// requestAnswer asks V2 where the migration request stands, reads it out,
// and records it as the full-screen program's request screen does (the
// request record, then the step checklist.StepRequestAnswer).
func (s *session) requestAnswer(v2 connectors.V2, st *checklist.Step) error {
	reference := s.run.Request.Reference
	if reference == "" {
		s.println(i18n.Of(s.lang).NoRequestReferenceTo)
		return nil
	}
	if _, ok := s.opts.Store.(tui.MigrationStore); !ok {
		return errors.New("store: no request record")
	}
	s.println(fmt.Sprintf(i18n.Of(s.lang).V2WhereDoesRequestFmt, reference))
	var req connectors.MigrationRequest
	timeout, err := s.withTimeout(func(ctx context.Context) (err error) { req, err = v2.MigrationStatus(ctx, reference); return err })
	switch {
	case s.ctx.Err() != nil:
		return s.ctx.Err()
	case errors.Is(err, context.DeadlineExceeded):
		s.println(fmt.Sprintf(i18n.Of(s.lang).FailedV2DidNot2Fmt, intervalText(s.lang, timeout)))
		return nil
	case err != nil:
		s.println(i18n.Of(s.lang).Failed + s.errText(err))
		return nil
	}
	label := req.State.FrenchLabel()
	if s.lang == checklist.English {
		label = req.State.EnglishLabel()
	}
	s.println(fmt.Sprintf(i18n.Of(s.lang).RequestFmt, reference, label))
	if req.Message != "" {
		s.println("  " + req.Message)
	}
	ev := checklist.RequestEvidence(req, s.opts.Now())
	s.printEvidence(ev, false)
	return s.said(tui.StepChange{Ref: checklist.Ref{Step: checklist.StepRequestAnswer}, Status: statusPtr(checklist.StatusDone)}, st,
		func() (checklist.StepState, error) {
			_, state, err := s.eng.RecordAnswer(req)
			return state, err
		})
}

// evidenceChange is the change a check's or a job's evidence will record,
// as the engine will decide it (checklist's one rule), so that the line
// read out names the new status. When the rule's status is refused by the
// gates (a step required first), it says why.
func (s *session) evidenceChange(ref checklist.Ref, ev *checklist.Evidence, c *checklist.Capture) tui.StepChange {
	ch := tui.StepChange{Ref: ref, Evidence: ev, Capture: c}
	if to, ok := s.run.StatusAfterEvidence(ref, *ev); ok {
		ch.Status = statusPtr(to)
		return ch
	}
	cur, _ := s.run.Status(ref)
	if step, ok := s.opts.Guide.Step(ref.Step); ok {
		if to, ok := checklist.StatusFromEvidence(step, cur, *ev); ok {
			if err := s.run.CheckTransition(ref, to, ""); err != nil && to == checklist.StatusDone {
				s.println(i18n.Of(s.lang).OKButTheStep + s.errText(err))
			} else if err != nil {
				s.println(i18n.Of(s.lang).TheStatusCannotChange + s.errText(err))
			}
		}
	}
	return ch
}

// withTimeout runs fn under the checks' timeout, and says which it was.
func (s *session) withTimeout(fn func(context.Context) error) (time.Duration, error) {
	timeout := s.opts.CheckTimeout
	if timeout <= 0 {
		timeout = defaultCheckTimeout
	}
	ctx, cancel := context.WithTimeout(s.ctx, timeout)
	defer cancel()
	return timeout, fn(ctx)
}

// printEvidence reads out a check's result: where and when, the verdict,
// the figures that explain it and what needs work (checklist.FindingText).
func (s *session) printEvidence(ev *checklist.Evidence, withTime bool) {
	verdict := i18n.Of(s.lang).NeedsWork
	if ev.OK {
		verdict = i18n.Of(s.lang).Ok
	}
	where := tui.CheckedWhere(s.lang, ev.Source)
	head := fmt.Sprintf(i18n.Of(s.lang).Checked2Fmt, where, verdict)
	if withTime && !ev.At.IsZero() {
		// Paris time, said: a screen reader reads this line on its own.
		at := ev.At.In(checklist.Paris())
		head = fmt.Sprintf(i18n.Of(s.lang).CheckedOnAtFmt,
			where, at.Format(i18n.Of(s.lang).N20060102), at.Format("15:04"), checklist.ZoneName().In(s.lang), verdict)
	}
	s.println(head)
	for _, f := range tui.EvidenceFacts(s.lang, *ev) {
		s.println("  " + f)
	}
	for _, f := range ev.Findings {
		s.println(i18n.Of(s.lang).NeedsWork2 + checklist.FindingText(f).In(s.lang))
	}
}
