package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// overrideSavedMsg is the store's answer to an override.
type overrideSavedMsg struct {
	o   checklist.Override
	err error
	// retry is the change the override was asked for (override.go).
	retry *StepChange
}

func (m *Model) saveOverrideCmd(reason string) tea.Cmd {
	if strings.TrimSpace(reason) == "" {
		return m.setStatus(i18n.Of(m.lang).AnOverrideNeedsA2, true)
	}
	if _, ok := m.migStore(); !ok {
		return m.setStatus(m.jobErrText(errNoMigStore), true)
	}
	eng := m.eng
	return func() tea.Msg {
		if eng == nil {
			return overrideSavedMsg{err: errNoEngine}
		}
		o, err := eng.AddOverride(checklist.GateRequestReadiness, reason)
		return overrideSavedMsg{o: o, err: err}
	}
}

func (m *Model) overrideSaved(msg overrideSavedMsg) tea.Cmd {
	if msg.err != nil {
		return m.errStatus(msg.err)
	}
	m.run.Overrides = append(m.run.Overrides, msg.o)
	if msg.retry != nil {
		return m.apply(*msg.retry)
	}
	// The override settles the control step (guide §3.2: the checks of §2
	// come before the request). It is the firm's recorded decision to send
	// despite them; a second tick on the same control would either
	// contradict its evidence or ask the same question twice. The control
	// keeps the blockers and the override as evidence, for the reports.
	ref := checklist.Ref{Step: checklist.StepRequestClientChecks}
	bs := m.run.RequestBlockers()
	var ch *StepChange
	if cur, _ := m.run.Status(ref); cur != checklist.StatusDone && m.run.CheckTransition(ref, checklist.StatusDone, "") == nil {
		res, _ := readinessJob(bs, m.opts.Now())(context.Background())
		res.ev.Facts["override"] = msg.o.Reason
		ch = &StepChange{Ref: ref, Status: statusPtr(checklist.StatusDone), Evidence: &res.ev}
	}
	text := m.afterOverrideText(ch != nil)
	if ch == nil {
		return m.setStatus(text, false)
	}
	return m.applyThen(m.applyCmd(*ch), text, false)
}

// afterOverrideText says what is left before the request can be sent once
// the override is recorded (and the control settled by it when settled).
func (m *Model) afterOverrideText(settled bool) string {
	clone := cloneRun(m.run)
	if settled {
		_ = clone.SetStatus(checklist.Ref{Step: checklist.StepRequestClientChecks}, checklist.StatusDone)
	}
	lead := i18n.Of(m.lang).OverrideRecorded
	if st, ok := m.opts.Guide.Step(checklist.StepRequestClientChecks); ok && settled {
		lead += fmt.Sprintf(i18n.Of(m.lang).ItSettlesFmt, st.Title.In(m.lang))
	}
	if err := clone.CheckTransition(checklist.Ref{Step: checklist.StepRequestSubmit}, checklist.StatusDone, ""); err != nil {
		return lead + i18n.Of(m.lang).LeftBeforeSending + m.errText(err)
	}
	return lead + i18n.Of(m.lang).TheRequestMayGo
}

// submitDoneMsg is V2's answer to the submission.
type submitDoneMsg struct {
	id    int
	rec   checklist.RequestRecord
	state checklist.StepState
	err   error
}

// requestSavedMsg is the store's answer once the request is recorded.
type requestSavedMsg struct {
	rec   checklist.RequestRecord
	ref   checklist.Ref
	state checklist.StepState
	err   error
}

// submitCmd sends the request through the engine (session.SubmitRequest:
// the gate first, then V2 with the workspace's idempotency key: sent twice,
// V2 returns the same request), which records it and ticks its step.
func (m *Model) submitCmd() tea.Cmd {
	eng := m.eng
	sub := connectors.MigrationSubmission{CabinetSIREN: m.ws.Cabinet.SIREN, RequestedBy: m.ws.Cabinet.ManagerEmail, IdempotencyKey: RequestKey(*m.ws)}
	id := m.ids.take()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	m.ids.cancels[id] = cancel
	m.migState().job = &runningJob{id: id, ref: checklist.Ref{Step: checklist.StepRequestSubmit}}
	return tea.Batch(m.spin.Tick, func() tea.Msg {
		if eng == nil {
			return submitDoneMsg{id: id, err: errNoEngine}
		}
		rec, st, err := eng.SubmitRequest(ctx, sub)
		return submitDoneMsg{id: id, rec: rec, state: st, err: err}
	})
}

func (m *Model) submitDone(msg submitDoneMsg) tea.Cmd {
	mg := m.migState()
	if mg.job == nil || mg.job.id != msg.id {
		return nil
	}
	if cancel, ok := m.ids.cancels[msg.id]; ok {
		cancel()
		delete(m.ids.cancels, msg.id)
	}
	mg.job = nil
	if msg.err != nil {
		return m.setStatus(i18n.Of(m.lang).RequestNotSent+m.connErrText(msg.err), true)
	}
	return m.requestSaved(requestSavedMsg{rec: msg.rec, ref: checklist.Ref{Step: checklist.StepRequestSubmit}, state: msg.state})
}

// answerCmd records V2's answer about the request through the engine
// (session.RecordAnswer: the request record, then the step).
func (m *Model) answerCmd(req connectors.MigrationRequest) tea.Cmd {
	if _, ok := m.migStore(); !ok {
		return m.setStatus(m.jobErrText(errNoMigStore), true)
	}
	eng := m.eng
	return func() tea.Msg {
		if eng == nil {
			return requestSavedMsg{err: errNoEngine}
		}
		rec, st, err := eng.RecordAnswer(req)
		return requestSavedMsg{rec: rec, ref: checklist.Ref{Step: checklist.StepRequestAnswer}, state: st, err: err}
	}
}

func (m *Model) requestSaved(msg requestSavedMsg) tea.Cmd {
	if msg.err != nil {
		return m.errStatus(msg.err)
	}
	m.run.Request = msg.rec
	_ = m.run.SetStatus(msg.ref, msg.state.Status)
	m.migState().states[msg.ref] = msg.state
	m.runChanged()
	text := fmt.Sprintf(i18n.Of(m.lang).RequestRecordedFmt, orNone(m.lang, msg.rec.Reference), m.dueLine())
	return tea.Batch(m.setStatus(text, false), m.startPolling())
}

func orNone(lang checklist.Lang, s string) string {
	if s == "" {
		return i18n.Of(lang).NoReference
	}
	return s
}

// openManualRequest records a request sent by hand (the form of §3.2).
func (m *Model) openManualRequest() tea.Cmd {
	mg := m.migState()
	r := mg.req
	if m.run.Request.Reference != "" || !m.run.Request.SubmittedAt.IsZero() {
		return m.setStatus(i18n.Of(m.lang).TheRequestIsAlready2, false)
	}
	if err := m.run.CheckTransition(checklist.Ref{Step: checklist.StepRequestSubmit}, checklist.StatusDone, ""); err != nil {
		return m.errStatus(err)
	}
	st, _ := m.opts.Guide.Step(checklist.StepRequestSubmit)
	a := &manualRequest{date: m.opts.Now().In(m.loc).Format("02/01/2006")}
	ans := &answers{text: map[string]*string{}, bools: map[string]*bool{}, multi: map[string]*[]string{}}
	var fields []huh.Field
	for _, fl := range st.Form.Fields {
		v := a.date
		if fl.ID == "reference" {
			v = ""
		}
		fields = append(fields, m.huhField(fl, v, ans))
	}
	form, id, cmd := m.newForm(huh.NewGroup(fields...).Title(i18n.Of(m.lang).MigrationRequestMadeBy))
	r.form, r.formID = form, id
	r.manual = a
	mg.reqAnswers = ans
	return cmd
}

func (m *Model) requestForm(msg tea.Msg) tea.Cmd {
	mg := m.migState()
	r := mg.req
	r.form = nil
	if _, ok := msg.(formCancelledMsg); ok {
		return nil
	}
	st, _ := m.opts.Guide.Step(checklist.StepRequestSubmit)
	rec := mg.reqAnswers.record(st.Form)
	day, err := checklist.ParseDate(rec["date"])
	if err != nil {
		return m.setStatus(i18n.Of(m.lang).DateExpectedAsDD, true)
	}
	now := m.opts.Now()
	at := time.Date(day.Year(), day.Month(), day.Day(), 12, 0, 0, 0, m.loc)
	if y, mo, d := now.In(m.loc).Date(); y == day.Year() && mo == day.Month() && d == day.Day() {
		at = now
	}
	req := checklist.RequestRecord{SubmittedAt: at, Reference: rec["reference"], Manual: true, State: string(connectors.RequestSubmitted)}
	capt := checklist.Capture{Items: []checklist.Record{rec}}
	if _, ok := m.migStore(); !ok {
		return m.setStatus(m.jobErrText(errNoMigStore), true)
	}
	eng := m.eng
	return func() tea.Msg {
		if eng == nil {
			return requestSavedMsg{err: errNoEngine}
		}
		st, err := eng.RecordManualRequest(req, capt)
		return requestSavedMsg{rec: req, ref: checklist.Ref{Step: checklist.StepRequestSubmit}, state: st, err: err}
	}
}
