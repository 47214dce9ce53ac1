package tui

import (
	"context"
	"fmt"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/bascule-cli/bascule/tui/session"
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
		Up:       upKey(i18n.Of(lang).Move),
		Down:     downKey(lang),
		Do:       key.NewBinding(key.WithKeys("enter"), key.WithHelp(keyEnter(lang), i18n.Of(lang).Act)),
		Tick:     tickKey(lang, i18n.Of(lang).Done),
		Check:    key.NewBinding(key.WithKeys("v"), key.WithHelp("v", i18n.Of(lang).Check)),
		Override: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", i18n.Of(lang).Override)),
		Manual:   key.NewBinding(key.WithKeys("h"), key.WithHelp("h", i18n.Of(lang).RequestMadeByHand)),
		PageUp:   pageUpKey(i18n.Of(lang).Scroll2),
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
	m.open(mg.req)
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
			return m.setStatus(i18n.Of(m.lang).ThatIsNotThe, true)
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
			return m.setStatus(i18n.Of(m.lang).AnOverrideIsAlready, false)
		}
		m.openLineInput("override", i18n.Of(m.lang).ReasonForTheOverride2)
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
			return m.setStatus(i18n.Of(m.lang).TheRequestIsAlready+m.run.Request.Reference, false)
		}
		if err := m.run.CheckTransition(ref, checklist.StatusDone, ""); err != nil {
			return m.errStatus(err)
		}
		if m.ports.V2 == nil {
			return m.openManualRequest()
		}
		m.openLineInput("siren", fmt.Sprintf(i18n.Of(m.lang).ToSendTheRequestFmt, m.ws.Cabinet.LegalName))
		return nil
	case checklist.StepRequestAnswer:
		return m.pollNow()
	case checklist.StepRequestV1ReadOnly:
		check := session.Check(m.ports.engine(), m.ws.Cabinet, ref, m.opts.Now)
		return m.runJob(ref, func(ctx context.Context) (jobResult, error) {
			r, err := check(ctx)
			if err != nil {
				return jobResult{}, err
			}
			return jobResult{ev: r.Evidence}, nil
		})
	}
	if checkOnly {
		return m.setStatus(i18n.Of(m.lang).NoAutomaticCheckFor2, false)
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

// DefaultOutDir is where the program and the accessible mode write the
// notices and the summary export unless told otherwise.
const DefaultOutDir = "bascule-sortie"

// outDir is where files are written.
func (m *Model) outDir() string {
	if m.opts.OutDir != "" {
		return m.opts.OutDir
	}
	return DefaultOutDir
}

// onServer names a path of the program's disk as the server's when the
// person is connected over SSH (Options.RemoteReport), so that nobody looks
// for it on his own machine.
func (m *Model) onServer(path string) string {
	if m.opts.RemoteReport == "" {
		return path
	}
	return fmt.Sprintf(i18n.Of(m.lang).OnTheServerFmt, path)
}

// notifyJob writes one .eml per client announcing the migration (§3.2 item
// 1) through the engine (Engine.NoticesJob), as the accessible mode and
// `bascule notify` do.
func (m *Model) notifyJob() job {
	eng, dir, lang, remote := m.eng, m.outDir(), m.lang, m.opts.RemoteReport != ""
	return func(ctx context.Context) (jobResult, error) {
		if eng == nil {
			return jobResult{}, errNoEngine
		}
		r, err := eng.NoticesJob(dir, lang)(ctx)
		if err == nil && remote {
			r.Summary = fmt.Sprintf(i18n.Of(lang).OnTheServerFmt, r.Summary)
		}
		return jobResult{ev: r.Evidence, summary: r.Summary}, err
	}
}

// The request screen (screens.go).
func (*requestScreen) name() string { return "request" }
func (*requestScreen) update(m *Model, msg tea.Msg) tea.Cmd {
	return m.updateMigScreen(msg, m.updateRequest)
}
func (*requestScreen) view(m *Model) (string, help.KeyMap) { return m.viewRequest() }
func (r *requestScreen) typing(m *Model) bool              { return m.migPromptOpen() || r.form != nil }
func (r *requestScreen) resize(m *Model) tea.Cmd           { return m.refit(&r.form) }
