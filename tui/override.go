package tui

import (
	"errors"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	tea "github.com/charmbracelet/bubbletea"
)

// A change the rules refuse but an override would let pass (ticking the
// control while points block, ticking a step the last check found wrong)
// does not stop at an error: the user is asked for the reason, the override
// is recorded, and the change is applied again.

// gateAsk is a refused change waiting for the reason of its override.
type gateAsk struct {
	gate   string
	why    string // the refusal, shown above the prompt
	change StepChange
}

// purposeGate is the line input of a gate's reason on the migration screens.
const purposeGate = "gate"

// latestEvidence is the evidence a change is judged against: the one it
// brings, or else the one recorded for its step (as loaded by the screen).
func (m *Model) latestEvidence(ch StepChange) *checklist.Evidence {
	if ch.Evidence != nil {
		return ch.Evidence
	}
	if m.steps != nil {
		if st, ok := m.steps.states[ch.Ref]; ok {
			return st.Evidence
		}
	}
	if m.mig != nil {
		return m.mig.states[ch.Ref].Evidence
	}
	return nil
}

// askOverride opens the reason prompt for a refusal an override can lift;
// ok is false for any other error.
func (m *Model) askOverride(err error, ch StepChange) (tea.Cmd, bool) {
	var ce *checklist.Error
	if !errors.As(err, &ce) || ce.Gate == "" {
		return nil, false
	}
	label := i18n.Of(m.lang).ReasonForTheOverride
	ask := &gateAsk{gate: ce.Gate, why: ce.In(m.lang), change: ch}
	switch m.top().(type) {
	case *stepsScreen:
		m.openPrompt(checklist.StatusDone, false, "")
		m.steps.prompt.gate = ask
	case *requestScreen, *reconScreen:
		m.openLineInput(purposeGate, label)
		m.migState().gate = ask
	default:
		return nil, false
	}
	return nil, true
}

// gateWhy is the refusal above a gate's prompt, wrapped to the width.
func (m *Model) gateWhy(ask *gateAsk) []string {
	if ask == nil {
		return nil
	}
	var out []string
	for _, l := range strings.Split(wrapText(ask.why, m.width-4), "\n") {
		out = append(out, " "+m.st.Warn.Render(l))
	}
	return out
}

// updateGateInput handles the reason typed on a migration screen; done is
// false when no gate's reason is being typed.
func (m *Model) updateGateInput(msg tea.Msg) (tea.Cmd, bool) {
	mg := m.migState()
	if mg.input == nil || mg.input.purpose != purposeGate || mg.gate == nil {
		return nil, false
	}
	text, ok, cmd := m.updateLineInput(msg)
	if !ok {
		if mg.input == nil {
			mg.gate = nil // esc: nothing recorded
		}
		return cmd, true
	}
	ask := mg.gate
	mg.gate = nil
	return m.saveGateOverride(ask, text), true
}

// saveGateOverride records the override of ask's gate, then applies its
// change once the store has it (overrideSaved).
func (m *Model) saveGateOverride(ask *gateAsk, reason string) tea.Cmd {
	if strings.TrimSpace(reason) == "" {
		return m.setStatus(i18n.Of(m.lang).AnOverrideNeedsA, true)
	}
	if _, ok := m.migStore(); !ok {
		return m.setStatus(m.jobErrText(errNoMigStore), true)
	}
	eng, gate, retry := m.eng, ask.gate, ask.change
	return func() tea.Msg {
		if eng == nil {
			return overrideSavedMsg{err: errNoEngine}
		}
		o, err := eng.AddOverride(gate, reason)
		return overrideSavedMsg{o: o, err: err, retry: &retry}
	}
}
