package tui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// bulkScreen marks one step for every selected client, after a confirmation.
type bulkScreen struct {
	clients []int // indexes of the selected clients
	form    *huh.Form
	formID  int
	ans     *bulkAnswers
}

// bulkAnswers is bound to the form's fields; on the heap, see answers.
type bulkAnswers struct {
	step    string
	status  checklist.Status
	reason  string
	confirm bool
}

func (m *Model) openBulk() tea.Cmd {
	b := &bulkScreen{ans: &bulkAnswers{status: checklist.StatusDone, confirm: false}}
	for i, on := range m.dash.marked {
		if on {
			b.clients = append(b.clients, i)
		}
	}
	var stepOpts []huh.Option[string]
	phases := []checklist.Phase{checklist.PhasePreparation}
	if m.run.Migrated() {
		// Reconciliation steps once migrated (§3.3–3.4, ticked by hand).
		phases = append(phases, checklist.PhaseReconciliation)
	}
	for _, st := range clientStepsByPhase(m.opts.Guide, phases...) {
		title := st.Title.In(m.lang)
		if len(phases) > 1 {
			title = phaseShort(m.lang, st.Phase) + " · " + title
		}
		stepOpts = append(stepOpts, huh.NewOption(title, st.ID))
	}
	b.ans.step = stepOpts[0].Value
	statusOpts := []huh.Option[checklist.Status]{
		huh.NewOption(checklist.StatusDone.Title().In(m.lang), checklist.StatusDone),
		huh.NewOption(checklist.StatusNotApplicable.Title().In(m.lang), checklist.StatusNotApplicable),
		huh.NewOption(checklist.StatusBlocked.Title().In(m.lang), checklist.StatusBlocked),
		huh.NewOption(checklist.StatusTodo.Title().In(m.lang), checklist.StatusTodo),
	}
	a, lang, n := b.ans, m.lang, len(b.clients)
	form, id, cmd := m.newForm(
		huh.NewGroup(
			newSelect(i18n.Of(lang).Step, stepOpts, &a.step),
			newSelect(i18n.Of(lang).NewStatus, statusOpts, &a.status),
		).Title(fmt.Sprintf(i18n.Of(lang).MarkFmt, n, plural(n, "client", "clients"))),
		huh.NewGroup(
			huh.NewInput().Title(i18n.Of(lang).Reason).Value(&a.reason).Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return errors.New(i18n.Of(lang).ReasonRequiredForThis)
				}
				return nil
			}),
		).WithHideFunc(func() bool { return !a.status.NeedsReason() }),
		huh.NewGroup(
			confirmOf(lang, newConfirm(i18n.Of(lang).YesMark, i18n.Of(lang).No, &a.confirm).TitleFunc(func() string {
				st, _ := m.opts.Guide.Step(a.step)
				return fmt.Sprintf(i18n.Of(lang).MarkAsForFmt,
					st.Title.In(lang), a.status.Title().In(lang), n, plural(n, "client", "clients"))
			}, a)),
		),
	)
	b.form, b.formID = form, id
	m.bulk = b
	m.open(m.bulk)
	return cmd
}

// clientStepsByPhase lists a client's steps phase by phase, in the guide's
// order (a client's steps, then the payment client's, within each phase),
// rather than scope by scope as ClientSideSteps does.
func clientStepsByPhase(g *checklist.Guide, phases ...checklist.Phase) []*checklist.Step {
	var out []*checklist.Step
	for _, p := range phases {
		for _, st := range g.ClientSideSteps() {
			if st.Phase == p {
				out = append(out, st)
			}
		}
	}
	return out
}

func (m *Model) updateBulk(msg tea.Msg) tea.Cmd {
	b := m.bulk
	switch msg := msg.(type) {
	case formSubmittedMsg:
		if msg.id != b.formID {
			return nil
		}
		m.goBack()
		if !b.ans.confirm {
			return m.setStatus(i18n.Of(m.lang).NothingWasMarked, false)
		}
		chs := make([]StepChange, 0, len(b.clients))
		for _, ci := range b.clients {
			st, _ := m.opts.Guide.Step(b.ans.step)
			c := &m.run.Clients[ci]
			if st.Scope == checklist.ScopePayment && !c.Payment {
				continue // the step does not apply to this client
			}
			reason := ""
			if b.ans.status.NeedsReason() {
				reason = connectors.Sanitize(b.ans.reason)
			}
			chs = append(chs, StepChange{Ref: checklist.Ref{Step: b.ans.step, Client: c.ID}, Status: statusPtr(b.ans.status), Reason: reason})
		}
		clear(m.dash.marked)
		m.dash.nMarked = 0
		return m.applyManyChecked(chs)
	case formCancelledMsg:
		if msg.id == b.formID {
			m.goBack()
		}
		return nil
	}
	var cmd tea.Cmd
	b.form, cmd = m.updateForm(b.form, msg)
	return cmd
}

func (m *Model) viewBulk() (string, help.KeyMap) {
	b := m.bulk
	var names []string
	for _, ci := range b.clients[:min(3, len(b.clients))] {
		names = append(names, m.run.Clients[ci].Name)
	}
	who := strings.Join(names, ", ")
	if more := len(b.clients) - len(names); more > 0 {
		who += " " + i18n.Of(m.lang).And2 + nouns(m.lang, more, i18n.Of(m.lang).MoreNoun)
	}
	head := m.header() + "\n" + m.rule() + "\n " + m.st.Muted.Render(who) + "\n\n"
	return head + indent(b.form.View(), 1), newFormKeys(m.lang)
}

// applyManyChecked applies a bulk marking, except for the clients where the
// mark would go against what is known (pending invoices counted on V1):
// those are refused and counted, each needs its own override (override.go).
func (m *Model) applyManyChecked(chs []StepChange) tea.Cmd {
	var ok, refused []StepChange
	var errs []error
	for _, ch := range chs {
		if err := m.run.CheckChange(ch.Ref, *ch.Status, ch.Reason, nil); err != nil {
			refused, errs = append(refused, ch), append(errs, err)
			continue
		}
		ok = append(ok, ch)
	}
	if len(refused) == 0 {
		return m.applyManyCmd(ok)
	}
	if len(ok) == 0 {
		return func() tea.Msg { return stepsAppliedMsg{changes: refused, errs: errs} }
	}
	inner := m.applyManyCmd(ok)
	return func() tea.Msg {
		msg, _ := inner().(stepsAppliedMsg)
		all := make([]error, len(msg.changes), len(msg.changes)+len(errs))
		copy(all, msg.errs)
		msg.changes = append(msg.changes, refused...)
		msg.errs = append(all, errs...)
		return msg
	}
}

// The bulk screen (screens.go).
func (*bulkScreen) name() string                         { return "bulk" }
func (*bulkScreen) update(m *Model, msg tea.Msg) tea.Cmd { return m.updateBulk(msg) }
func (*bulkScreen) view(m *Model) (string, help.KeyMap)  { return m.viewBulk() }
func (*bulkScreen) typing(*Model) bool                   { return true }
func (b *bulkScreen) resize(m *Model) tea.Cmd            { return m.refit(&b.form) }
