package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/checklist/notify"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// requestScreen is the migration request (guide §3.2): notify the clients,
// the readiness gate and its override, the submission (through V2, or one
// made by hand), the estimated answer date and its polling, the
// administrator invitation, the first login and V1 turning read-only.
type requestScreen struct {
	steps    []*checklist.Step
	cursor   int
	blockers []checklist.Blocker
	scroll   int // first line of the blocker list shown
	form     *huh.Form
	formID   int
	manual   *manualRequest
}

// manualRequest is bound to the form recording a request made by hand.
type manualRequest struct{ date, reference string }

// requestKeys are the request screen's keys.
type requestKeys struct {
	Up, Down, Do, Tick, Check, Override, Manual, PageUp, PageDown key.Binding
	global                                                        globalKeys
}

func newRequestKeys(lang checklist.Lang, g globalKeys) requestKeys {
	return requestKeys{
		Up:       upKey(tr(lang, "naviguer", "move")),
		Down:     downKey(lang),
		Do:       key.NewBinding(key.WithKeys("enter"), key.WithHelp(keyEnter(lang), tr(lang, "agir", "act"))),
		Tick:     tickKey(lang, tr(lang, "fait", "done")),
		Check:    key.NewBinding(key.WithKeys("v"), key.WithHelp("v", tr(lang, "vérifier", "check"))),
		Override: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", tr(lang, "dérogation", "override"))),
		Manual:   key.NewBinding(key.WithKeys("h"), key.WithHelp("h", tr(lang, "demande faite à la main", "request made by hand"))),
		PageUp:   pageUpKey(tr(lang, "faire défiler", "scroll")),
		PageDown: pageDownKey(lang),
		global:   g,
	}
}

func (k requestKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Do, k.Tick, k.Check, k.Override, k.Manual, k.global.Back, k.global.Help}
}

func (k requestKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Do, k.Tick, k.Check}, {k.Override, k.Manual, k.PageUp}, {k.global.Back, k.global.Help, k.global.Quit}}
}

func (m *Model) openRequest() tea.Cmd {
	mg := m.migState()
	r := &requestScreen{}
	for _, st := range m.opts.Guide.StepsFor(checklist.ScopeCabinet) {
		if st.Phase == checklist.PhaseRequest {
			r.steps = append(r.steps, st)
		}
	}
	for i, st := range r.steps {
		if cur, _ := m.run.Status(checklist.Ref{Step: st.ID}); !cur.Resolved() {
			r.cursor = i
			break
		}
	}
	r.blockers = m.run.RequestBlockers()
	mg.req = r
	m.open(screenRequest)
	refs := make([]checklist.Ref, len(r.steps))
	for i, st := range r.steps {
		refs[i] = checklist.Ref{Step: st.ID}
	}
	return tea.Batch(m.loadStatesCmd(refs), m.startPolling())
}

func (m *Model) requestStep() *checklist.Step {
	r := m.migState().req
	if r == nil || r.cursor < 0 || r.cursor >= len(r.steps) {
		return nil
	}
	return r.steps[r.cursor]
}

func (m *Model) updateRequest(msg tea.Msg) tea.Cmd {
	mg := m.migState()
	r := mg.req
	if r.form != nil {
		var cmd tea.Cmd
		r.form, cmd = m.updateForm(r.form, msg)
		return cmd
	}
	if mg.input != nil {
		purpose := mg.input.purpose
		text, ok, cmd := m.updateLineInput(msg)
		if !ok {
			return cmd
		}
		if purpose == "override" {
			return m.saveOverrideCmd(text)
		}
		if ident.NormalizeSIREN(text) != ident.NormalizeSIREN(m.ws.Cabinet.SIREN) {
			return m.setStatus(tr(m.lang, "Ce n'est pas le SIREN du cabinet : demande non envoyée.",
				"That is not the firm's SIREN: request not sent."), true)
		}
		return m.submitCmd()
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	if c := mg.confirm; c != nil {
		mg.confirm = nil
		return m.answerUndo(km, c.ref)
	}
	k := newRequestKeys(m.lang, m.gkeys)
	st := m.requestStep()
	ref := checklist.Ref{Step: st.ID}
	switch {
	case key.Matches(km, m.gkeys.Back):
		if mg.job != nil {
			return m.cancelJob()
		}
		mg.poll = 0 // the poll chain ends with the screen
		m.goBack()
		return nil
	case key.Matches(km, k.Up):
		r.cursor = max(0, r.cursor-1)
		r.scroll = 0
	case key.Matches(km, k.Down):
		r.cursor = min(len(r.steps)-1, r.cursor+1)
		r.scroll = 0
	case key.Matches(km, k.PageDown):
		r.scroll += 5
	case key.Matches(km, k.PageUp):
		r.scroll = max(0, r.scroll-5)
	case key.Matches(km, k.Tick):
		if cur, _ := m.run.Status(ref); cur == checklist.StatusDone {
			mg.confirm = &pendingConfirm{ref: ref, undo: true, text: m.undoQuestion(st.Title.In(m.lang))}
			return nil
		}
		return m.apply(StepChange{Ref: ref, Status: statusPtr(checklist.StatusDone)})
	case key.Matches(km, k.Override):
		if _, on := m.run.Override(checklist.GateRequestReadiness); on {
			return m.setStatus(tr(m.lang, "Une dérogation est déjà enregistrée.", "An override is already recorded."), false)
		}
		m.openLineInput("override", tr(m.lang, "Raison de la dérogation (obligatoire) :", "Reason for the override (required):"))
	case key.Matches(km, k.Manual):
		return m.openManualRequest()
	case key.Matches(km, k.Check):
		return m.requestAction(st, true)
	case key.Matches(km, k.Do):
		return m.requestAction(st, false)
	}
	return nil
}

// requestAction is enter (or v, a check only) on a request step.
func (m *Model) requestAction(st *checklist.Step, checkOnly bool) tea.Cmd {
	ref := checklist.Ref{Step: st.ID}
	switch st.ID {
	case checklist.StepRequestNotifyClients:
		if checkOnly {
			break
		}
		return m.runJob(ref, m.notifyJob())
	case checklist.CabinetPendingStep:
		if fn := m.jobFor(ref); fn != nil {
			return m.runJob(ref, fn)
		}
	case checklist.StepRequestClientChecks:
		m.migState().req.blockers = m.run.RequestBlockers()
		return m.runJob(ref, readinessJob(m.run.RequestBlockers(), m.opts.Now()))
	case checklist.StepRequestSubmit:
		if checkOnly {
			break
		}
		if m.run.Request.Reference != "" || !m.run.Request.SubmittedAt.IsZero() {
			return m.setStatus(tr(m.lang, "La demande est déjà envoyée : ", "The request is already sent: ")+m.run.Request.Reference, false)
		}
		if err := m.run.CheckTransition(ref, checklist.StatusDone, ""); err != nil {
			return m.errStatus(err)
		}
		if m.ports.V2 == nil {
			return m.openManualRequest()
		}
		m.openLineInput("siren", fmt.Sprintf(tr(m.lang, "Pour envoyer la demande sur V2, tapez le SIREN du cabinet (%s) :",
			"To send the request on V2, type the firm's SIREN (%s):"), m.ws.Cabinet.LegalName))
		return nil
	case checklist.StepRequestAnswer:
		return m.pollNow()
	case checklist.StepRequestV1ReadOnly:
		check := ConnectorCheck(m.ports, m.ws.Cabinet, ref, m.opts.Now)
		return m.runJob(ref, func(ctx context.Context) (jobResult, error) {
			r, err := check(ctx)
			if err != nil {
				return jobResult{}, err
			}
			return jobResult{ev: r.Evidence}, nil
		})
	}
	if checkOnly {
		return m.setStatus(tr(m.lang, "Pas de vérification automatique pour cette étape : cochez-la (espace).",
			"No automatic check for this step: tick it (space)."), false)
	}
	cur, _ := m.run.Status(ref)
	if cur == checklist.StatusDone {
		return nil
	}
	return m.apply(StepChange{Ref: ref, Status: statusPtr(checklist.StatusDone)})
}

// readinessJob records the readiness gate as evidence (§3.2: every client
// prepared, every invoice accepted).
func readinessJob(bs []checklist.Blocker, now time.Time) job {
	return func(context.Context) (jobResult, error) {
		return jobResult{ev: checklist.ReadinessEvidence(bs, now)}, nil
	}
}

// outDir is where files are written.
func (m *Model) outDir() string {
	if m.opts.OutDir != "" {
		return m.opts.OutDir
	}
	return "bascule-sortie"
}

// notifyJob writes one .eml per client announcing the migration (§3.2 item
// 1), the cabinet as sender; contacts come from V1 when it answers. The files
// are written by notify.WriteAll, as `bascule notify` does.
func (m *Model) notifyJob() job {
	b := notify.Batch{Workspace: m.ws.ID, CabinetName: m.ws.Cabinet.LegalName,
		SenderEmail: m.ws.Cabinet.ManagerEmail, Date: m.opts.Now()}
	for _, c := range m.run.Clients {
		b.Clients = append(b.Clients, notify.Recipient{ID: c.ID, Name: c.Name, SIREN: c.SIREN,
			Payment: c.Payment, PendingInvoices: c.PendingInvoices})
	}
	v1, now, root, lang := m.ports.V1, b.Date, filepath.Join(m.outDir(), "annonces"), m.lang
	return func(ctx context.Context) (jobResult, error) {
		contacts := map[string]connectors.Client{}
		if v1 != nil {
			page := connectors.Page{Limit: 1000}
			seen := map[string]bool{}
			// Bounded: a platform whose cursor never ends is broken, not large.
			for n := 0; n < 100; n++ {
				list, next, err := v1.ListClients(ctx, page)
				if err != nil {
					break // the messages are written without a recipient
				}
				for _, c := range list {
					contacts[c.ID] = c
				}
				if next == "" || seen[next] {
					break
				}
				seen[next] = true
				page.Cursor = next
			}
		}
		for i, r := range b.Clients {
			c := contacts[r.ID]
			b.Clients[i].ContactFirst, b.Clients[i].ContactLast, b.Clients[i].ContactEmail = c.ContactFirstName, c.ContactLastName, c.ContactEmail
		}
		w, err := notify.WriteAll(ctx, root, b, nil)
		if err != nil {
			return jobResult{}, err
		}
		written := len(w.Paths)
		abs, _ := filepath.Abs(w.Dir)
		ev := checklist.Evidence{Source: "file", At: now.UTC(), OK: true,
			Facts: map[string]string{"dir": abs, "messages": itoa(written), "no_contact": itoa(w.NoContact)}}
		return jobResult{ev: ev, summary: fmt.Sprintf("%d %s → %s", written, plural(written, tr(lang, "message écrit", "message written"), tr(lang, "messages écrits", "messages written")), abs)}, nil
	}
}

// overrideSavedMsg is the store's answer to an override.
type overrideSavedMsg struct {
	o   checklist.Override
	err error
	// retry is the change the override was asked for (override.go).
	retry *StepChange
}

func (m *Model) saveOverrideCmd(reason string) tea.Cmd {
	if strings.TrimSpace(reason) == "" {
		return m.setStatus(tr(m.lang, "Une dérogation demande une raison.", "An override needs a reason."), true)
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
	lead := tr(m.lang, "Dérogation enregistrée", "Override recorded")
	if st, ok := m.opts.Guide.Step(checklist.StepRequestClientChecks); ok && settled {
		lead += fmt.Sprintf(tr(m.lang, " ; elle règle « %s »", "; it settles %q"), st.Title.In(m.lang))
	}
	if err := clone.CheckTransition(checklist.Ref{Step: checklist.StepRequestSubmit}, checklist.StatusDone, ""); err != nil {
		return lead + tr(m.lang, ". Reste avant l'envoi : ", ". Left before sending: ") + m.errText(err)
	}
	return lead + tr(m.lang, " : la demande peut partir (entrée sur « Envoyer la demande »).",
		": the request may go (enter on \"Send the migration request\").")
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
		return m.setStatus(tr(m.lang, "Demande non envoyée : ", "Request not sent: ")+m.connErrText(msg.err), true)
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
	text := fmt.Sprintf(tr(m.lang, "Demande enregistrée (%s) : %s", "Request recorded (%s): %s"), orNone(m.lang, msg.rec.Reference), m.dueLine())
	return tea.Batch(m.setStatus(text, false), m.startPolling())
}

func orNone(lang checklist.Lang, s string) string {
	if s == "" {
		return tr(lang, "sans référence", "no reference")
	}
	return s
}

// openManualRequest records a request sent by hand (the form of §3.2).
func (m *Model) openManualRequest() tea.Cmd {
	mg := m.migState()
	r := mg.req
	if m.run.Request.Reference != "" || !m.run.Request.SubmittedAt.IsZero() {
		return m.setStatus(tr(m.lang, "La demande est déjà enregistrée.", "The request is already recorded."), false)
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
	form, id, cmd := m.newForm(huh.NewGroup(fields...).Title(tr(m.lang, "Demande de migration faite à la main", "Migration request made by hand")))
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
		return m.setStatus(tr(m.lang, "Date attendue au format JJ/MM/AAAA.", "Date expected as DD/MM/YYYY."), true)
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

// pollTickMsg asks for the request's state again; pollDoneMsg is V2's answer.
type (
	pollTickMsg struct{ chain int }
	pollDoneMsg struct {
		id  int
		req connectors.MigrationRequest
		err error
	}
)

func (m *Model) pollEvery() time.Duration {
	if m.opts.PollEvery > 0 {
		return m.opts.PollEvery
	}
	return 3 * time.Second
}

// polling says whether there is a request to follow on V2.
func (m *Model) polling() bool {
	return m.ports.V2 != nil && m.run.Request.Reference != "" && !m.run.Migrated()
}

// startPolling asks V2 now, then every few seconds while the request
// screen is open and the answer is awaited. A new chain replaces the old.
func (m *Model) startPolling() tea.Cmd {
	if !m.polling() {
		return nil
	}
	mg := m.migState()
	mg.poll = m.ids.take()
	return m.pollNow()
}

// pollNow calls MigrationStatus; only the last call's answer is used.
func (m *Model) pollNow() tea.Cmd {
	if m.ports.V2 == nil {
		return m.setStatus(m.jobErrText(errNoPort), true)
	}
	if m.run.Request.Reference == "" {
		return m.setStatus(tr(m.lang, "Aucune référence de demande à suivre sur V2 : cochez la réponse à sa réception.",
			"No request reference to follow on V2: tick the answer when it arrives."), false)
	}
	mg := m.migState()
	id := m.ids.take()
	mg.pollReq = id
	v2, ref := m.ports.V2, m.run.Request.Reference
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	m.ids.cancels[id] = cancel
	return func() tea.Msg {
		req, err := v2.MigrationStatus(ctx, ref)
		return pollDoneMsg{id: id, req: req, err: err}
	}
}

func (m *Model) pollTick(msg pollTickMsg) tea.Cmd {
	mg := m.migState()
	if msg.chain != mg.poll || m.screen != screenRequest || !m.polling() {
		return nil // an old chain, or nobody looks
	}
	return m.pollNow()
}

func (m *Model) pollDone(msg pollDoneMsg) tea.Cmd {
	mg := m.migState()
	if cancel, ok := m.ids.cancels[msg.id]; ok {
		cancel()
		delete(m.ids.cancels, msg.id)
	}
	if msg.id != mg.pollReq {
		return nil // stale
	}
	mg.pollReq = 0
	next := m.opts.Tick(m.pollEvery(), func(time.Time) tea.Msg { return pollTickMsg{chain: mg.poll} })
	if msg.err != nil {
		return tea.Batch(next, m.setStatus(tr(m.lang, "Suivi de la demande : ", "Request tracking: ")+m.connErrText(msg.err), true))
	}
	if string(msg.req.State) == m.run.Request.State && !msg.req.State.Done() {
		return next
	}
	if msg.req.State.Done() {
		next = nil
	}
	return tea.Batch(next, m.answerCmd(msg.req))
}

func (m *Model) viewRequest() (string, help.KeyMap) {
	mg := m.migState()
	r := mg.req
	k := newRequestKeys(m.lang, m.gkeys)
	var b strings.Builder
	b.WriteString(fmt.Sprintf(" %s · %s %s\n", m.st.Title.Render(tr(m.lang, "Demande de migration", "Migration request")),
		m.st.Header.Render(m.ws.Cabinet.LegalName), m.st.Muted.Render("· SIREN "+ident.FormatSIREN(m.ws.Cabinet.SIREN)+" · §3.2")))
	b.WriteString(m.rule() + "\n")
	var count checklist.DoneCount
	titleW := m.titleWidth(r.steps)
	for i, st := range r.steps {
		ref := checklist.Ref{Step: st.ID}
		cur, _ := m.run.Status(ref)
		count.Add(cur)
		b.WriteString(m.stepRow(ref, st, i == r.cursor, m.requestNote(st), titleW) + "\n")
	}
	req := m.run.Request
	line := m.st.Muted.Render(tr(m.lang, "   pas encore envoyée", "   not sent yet"))
	if !req.SubmittedAt.IsZero() {
		how := tr(m.lang, "via V2", "through V2")
		if req.Manual {
			how = tr(m.lang, "faite à la main", "made by hand")
		}
		line = fmt.Sprintf(tr(m.lang, "   %s envoyée le %s (%s)", "   %s sent %s (%s)"),
			orNone(m.lang, req.Reference), fmtClock(m.lang, req.SubmittedAt, m.loc)+", "+checklist.ZoneName().In(m.lang), how)
		if d := m.dueLine(); d != "" {
			line += "\n   " + d
		} else if m.run.Migrated() {
			line += "\n   " + tr(m.lang, "réponse reçue : migration confirmée", "answer received: migration confirmed")
		}
	}
	b.WriteString(m.st.Muted.Render("   "+count.Text(m.lang)) + line + "\n")
	b.WriteString(m.rule() + "\n")
	if r.form != nil {
		b.WriteString(indent(r.form.View(), 1))
		return b.String(), newFormKeys(m.lang)
	}
	b.WriteString(strings.Join(m.requestDetail(), "\n"))
	if mg.confirm != nil {
		return b.String(), newYesNoKeys(m.lang)
	}
	return b.String(), k
}

// requestNote is the short state shown on a step's row.
func (m *Model) requestNote(st *checklist.Step) string {
	ref := checklist.Ref{Step: st.ID}
	state := m.migState().states[ref]
	switch st.ID {
	case checklist.StepRequestNotifyClients:
		if ev := state.Evidence; ev != nil {
			return fmt.Sprintf(tr(m.lang, "%s messages écrits", "%s messages written"), ev.Facts["messages"])
		}
	case checklist.StepRequestClientChecks:
		if n := len(m.migState().req.blockers); n > 0 {
			s := m.st.Warn.Render(nouns(m.lang, n, "point bloquant", "points bloquants", "blocking point", "blocking points"))
			if _, on := m.run.Override(checklist.GateRequestReadiness); on {
				s += m.st.Muted.Render(tr(m.lang, " · dérogation", " · override"))
			}
			return s
		}
		return m.st.OK.Render(tr(m.lang, "prête", "ready"))
	case checklist.StepRequestSubmit:
		if r := m.run.Request.Reference; r != "" {
			return r
		}
	case checklist.StepRequestAnswer:
		if m.run.Migrated() {
			return m.st.OK.Render(tr(m.lang, "migration réussie", "migration succeeded"))
		}
		if s := m.run.Request.State; s != "" {
			label := connectors.RequestState(s).FrenchLabel()
			if m.lang == checklist.English {
				label = connectors.RequestState(s).EnglishLabel()
			}
			return label
		}
	}
	if m.migState().job != nil && m.migState().job.ref == ref {
		return m.spin.View()
	}
	return ""
}

// requestDetail is the pane under the list for the selected step.
func (m *Model) requestDetail() []string {
	mg := m.migState()
	r := mg.req
	st := m.requestStep()
	ref := checklist.Ref{Step: st.ID}
	w := m.width - 2
	cur, _ := m.run.Status(ref)
	var lines []string
	lines = append(lines, " "+m.st.Header.Render(st.Title.In(m.lang))+m.st.Muted.Render(" · "+cur.Title().In(m.lang)+" · §"+st.Section))
	if mg.input != nil {
		return append(lines, m.lineInputView()...)
	}
	if c := mg.confirm; c != nil {
		lines = append(lines, wrapLines(c.text, m.width, " ")...)
	}
	if mg.job != nil && mg.job.ref == ref {
		lines = append(lines, " "+m.spin.View()+" "+tr(m.lang, "En cours… (esc pour annuler)", "Working… (esc to cancel)"))
	}
	state := mg.states[ref]
	switch st.ID {
	case checklist.StepRequestNotifyClients:
		if ev := state.Evidence; ev != nil {
			lines = append(lines, " "+m.evidenceShort(ev)+" "+fmt.Sprintf(tr(m.lang, "%s messages dans %s (%s sans destinataire connu)",
				"%s messages in %s (%s without a known recipient)"), ev.Facts["messages"], ev.Facts["dir"], ev.Facts["no_contact"]))
		} else {
			lines = append(lines, " "+fmt.Sprintf(tr(m.lang, "entrée : écrire un e-mail (.eml) par client dans %s, expéditeur %s",
				"enter: write one e-mail (.eml) per client in %s, sender %s"), notify.Dir(filepath.Join(m.outDir(), "annonces"), m.ws.ID), m.ws.Cabinet.ManagerEmail))
		}
	case checklist.StepRequestClientChecks, checklist.StepRequestSubmit:
		if h := m.demoPendingHint(); h != "" {
			for _, l := range wrapLines(h, m.width, " ") {
				lines = append(lines, m.st.Accent.Render(l))
			}
		}
		lines = append(lines, m.gateLines(m.height-len(lines)-16)...)
	case checklist.StepRequestAnswer:
		if d := m.dueLine(); d != "" {
			lines = append(lines, " "+d)
		}
		if m.polling() {
			lines = append(lines, " "+m.st.Muted.Render(fmt.Sprintf(tr(m.lang, "V2 est interrogé toutes les %s tant que cet écran est ouvert (entrée : maintenant).",
				"V2 is asked every %s while this screen is open (enter: now)."), checklist.FormatInterval(m.lang, m.pollEvery()))))
		}
	}
	if st.ID != checklist.StepRequestClientChecks && st.ID != checklist.StepRequestSubmit {
		for _, l := range strings.Split(wrapText(st.HelpSaid().In(m.lang), w), "\n") {
			lines = append(lines, " "+m.st.Muted.Render(l))
		}
		if n := st.NoteSaid(); !n.Text.IsZero() {
			for _, l := range strings.Split(wrapText(n.In(m.lang), w), "\n") {
				lines = append(lines, " "+m.st.Muted.Render(l))
			}
		}
		if ev := state.Evidence; ev != nil && st.ID != checklist.StepRequestNotifyClients {
			for _, l := range m.evidenceLines(ev) {
				lines = append(lines, " "+l)
			}
		}
	}
	_ = r
	return lines
}

// blockerKinds is the order blockers are grouped in, with their titles.
func blockerKinds(lang checklist.Lang) []struct {
	kind  checklist.BlockerKind
	title string
} {
	return []struct {
		kind  checklist.BlockerKind
		title string
	}{
		{checklist.BlockRegistration, tr(lang, "Inscription (§3.1)", "Registration (§3.1)")},
		{checklist.BlockCabinetPreparation, tr(lang, "Préparation du cabinet (§2)", "Firm preparation (§2)")},
		{checklist.BlockCabinetPendingInvoices, tr(lang, "Factures en attente du dossier du cabinet (§3.2)", "Pending invoices of the firm's own dossier (§3.2)")},
		{checklist.BlockPendingInvoices, tr(lang, "Factures en attente sur V1 (§2)", "Invoices pending on V1 (§2)")},
		{checklist.BlockClientPreparation, tr(lang, "Préparation des clients (§2)", "Client preparation (§2)")},
		{checklist.BlockStepBlocked, tr(lang, "Étapes bloquées", "Blocked steps")},
		{checklist.BlockRequiredStepMissing, tr(lang, "Étapes préalables", "Steps required first")},
	}
}

// gateLines lists what blocks the request, grouped by kind with counts, and
// the override if any; rows lines at most, from the scroll position.
func (m *Model) gateLines(rows int) []string {
	r := m.migState().req
	var out []string
	if o, on := m.run.Override(checklist.GateRequestReadiness); on {
		for _, l := range wrapLines(fmt.Sprintf(tr(m.lang, "Dérogation par %s le %s : %s", "Override by %s on %s: %s"),
			o.By, fmtClock(m.lang, o.At, m.loc), o.Reason), m.width, " ") {
			out = append(out, m.st.Warn.Render(l))
		}
	}
	if len(r.blockers) == 0 {
		return append(out, " "+m.st.OK.Render(tr(m.lang, "✓ Rien ne bloque : la demande peut partir (entrée sur « Envoyer la demande »).",
			"✓ Nothing blocks: the request may go (enter on \"Send the migration request\").")))
	}
	out = append(out, " "+m.st.Warn.Render(fmt.Sprintf(tr(m.lang, "Ce qui bloque la demande (%d) :", "What blocks the request (%d):"), len(r.blockers)))+
		m.st.Muted.Render(tr(m.lang, "  pgup/pgdn défiler · o dérogation", "  pgup/pgdn scroll · o override")))
	// The list is a header per kind, then its blockers: 24,000 lines for a
	// cabinet of 12,000 clients. Only the lines in the window are written.
	kinds := blockerKinds(m.lang)
	counts := make([]int, len(kinds))
	for _, b := range r.blockers {
		for i, g := range kinds {
			if b.Kind == g.kind {
				counts[i]++
				break
			}
		}
	}
	total := 0
	for _, n := range counts {
		if n > 0 {
			total += 1 + n
		}
	}
	rows = max(3, rows)
	r.scroll = max(0, min(r.scroll, total-rows))
	end := min(total, r.scroll+rows)
	line := 0 // the index, in the whole list, of the next line
	for i, g := range kinds {
		if counts[i] == 0 || line >= end {
			continue
		}
		if line+1+counts[i] <= r.scroll { // the whole group is above the window
			line += 1 + counts[i]
			continue
		}
		if line >= r.scroll {
			out = append(out, "  "+m.st.Header.Render(fmt.Sprintf("%s — %d", g.title, counts[i])))
		}
		line++
		for _, b := range r.blockers {
			if b.Kind != g.kind {
				continue
			}
			if line >= end {
				break
			}
			if line >= r.scroll {
				out = append(out, "   · "+b.Message.In(m.lang))
			}
			line++
		}
	}
	if end < total {
		out = append(out, m.st.Muted.Render("   … "+nouns(m.lang, total-end, "ligne de plus", "lignes de plus", "more line", "more lines")))
	}
	return out
}
