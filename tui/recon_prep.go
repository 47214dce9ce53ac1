package tui

import (
	"fmt"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// A step set aside ("sans objet") in preparation is carried into the
// reconciliation: its re-creation says so instead of "nothing noted".

// prepStepOf is the phase-1 step a re-creation works from, "" for none.
func prepStepOf(step string) string {
	switch step {
	case checklist.StepReconClientProfile:
		return checklist.StepClientLogo
	case checklist.StepReconClientUsers:
		return checklist.StepClientUsers
	case checklist.StepReconPaymentExternalAccounts:
		return checklist.StepPaymentExternalAccounts
	case checklist.StepReconClientNumbering:
		return checklist.StepClientNumbering
	case checklist.StepReconPaymentStatements:
		return checklist.StepPaymentStatements
	case checklist.StepReconCabinetCollaborators, checklist.StepReconCabinetRoles:
		return checklist.StepCabinetCollaborators
	case checklist.StepReconCabinetApiConnections:
		return checklist.StepCabinetApiConnections
	case checklist.StepReconCabinetInactiveClientsImport:
		return checklist.StepCabinetInactiveClientsExport
	}
	return ""
}

// notApplicableInPrep carries a "sans objet" of phase 1 into the
// reconciliation: said as such, with what V1 held before the switch when it
// contradicts it ("sans objet en préparation, mais V1 a 3 comptes"). ""
// when the phase-1 step was not set aside.
func (m *Model) notApplicableInPrep(ref checklist.Ref) string {
	prep := prepStepOf(ref.Step)
	if prep == "" {
		return ""
	}
	pref := checklist.Ref{Step: prep, Client: ref.Client}
	if st, err := m.run.Status(pref); err != nil || st != checklist.StatusNotApplicable {
		return ""
	}
	lang := m.lang
	out := i18n.Of(lang).NotApplicableDuringPreparation
	if r := m.migState().states[pref].Reason; r != "" {
		out += " (" + r + ")"
	}
	facts := factsOf(m.migState().states, ref.Client)
	switch ref.Step {
	case checklist.StepReconClientUsers:
		if n := facts[checklist.FactUsers]; n != "" && n != "0" {
			out += fmt.Sprintf(i18n.Of(lang).ButV1HasFmt, userCount(lang, n))
		}
	case checklist.StepReconPaymentExternalAccounts:
		if n := facts[checklist.FactBankAccounts]; n != "" && n != "0" {
			out += fmt.Sprintf(i18n.Of(lang).ButV1HasFmt, accountCount(lang, n))
		}
	case checklist.StepReconClientNumbering:
		if n := facts[checklist.FactNumbering]; n != "" {
			out += fmt.Sprintf(i18n.Of(lang).ButV1NumbersItsFmt, n)
		}
	}
	return out
}

// accountCount writes "1 compte", "3 comptes" from a V1 fact.
func accountCount(lang checklist.Lang, n string) string {
	one := n == "1"
	return n + " " + pick(one, i18n.Of(lang).AccountsNoun.One, i18n.Of(lang).AccountsNoun.Many)
}

// userCount writes "1 utilisateur", "2 utilisateurs" from a V1 fact.
func userCount(lang checklist.Lang, n string) string {
	one := n == "1"
	return n + " " + pick(one, i18n.Of(lang).UsersNoun.One, i18n.Of(lang).UsersNoun.Many)
}

func pick(one bool, a, b string) string {
	if one {
		return a
	}
	return b
}
