package accessible

import (
	"errors"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// latestEvidence is what a change is judged against: the evidence it
// brings, or else the one recorded for its step.
func (s *session) latestEvidence(ch tui.StepChange) *checklist.Evidence {
	if ch.Evidence != nil {
		return ch.Evidence
	}
	if st, err := s.opts.Store.StepState(s.ws.ID, ch.Ref); err == nil {
		return st.Evidence
	}
	return nil
}

// override asks for the reason of an override when one can lift the
// refusal err, and records it: ok is true when the change may now go. An
// empty reason records nothing.
func (s *session) override(refusal error) (bool, error) {
	var ce *checklist.Error
	_, hasStore := s.opts.Store.(tui.MigrationStore)
	if !errors.As(refusal, &ce) || ce.Gate == "" || !hasStore {
		return false, nil
	}
	reason, err := s.ask(i18n.Of(s.lang).ReasonForTheOverride4)
	if err != nil || reason == "" {
		return false, err
	}
	if _, err := s.eng.AddOverride(ce.Gate, reason); err != nil {
		return false, err
	}
	s.run = s.eng.Snapshot()
	s.println(i18n.Of(s.lang).OverrideRecorded2 + s.run.GateTitle(ce.Gate).In(s.lang) + ".")
	return true, nil
}
