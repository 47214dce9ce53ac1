package tui

import (
	"fmt"

	"github.com/bascule-cli/bascule/checklist"
)

// A step set aside ("sans objet") in preparation is carried into the
// reconciliation: its re-creation says so instead of "nothing noted".

// prepStepOf is the phase-1 step a re-creation works from, "" for none.
func prepStepOf(step string) string {
	switch step {
	case "reconciliation.client.profile":
		return "preparation.client.logo"
	case "reconciliation.client.users":
		return "preparation.client.users"
	case "reconciliation.payment.external_accounts":
		return "preparation.payment.external_accounts"
	case "reconciliation.client.numbering":
		return "preparation.client.numbering"
	case "reconciliation.payment.statements":
		return "preparation.payment.statements"
	case "reconciliation.cabinet.collaborators", "reconciliation.cabinet.roles":
		return "preparation.cabinet.collaborators"
	case "reconciliation.cabinet.api_connections":
		return "preparation.cabinet.api_connections"
	case "reconciliation.cabinet.inactive_clients_import":
		return "preparation.cabinet.inactive_clients_export"
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
	out := tr(lang, "sans objet en préparation", "not applicable during preparation")
	if r := m.migState().states[pref].Reason; r != "" {
		out += " (" + r + ")"
	}
	facts := factsOf(m.migState().states, ref.Client)
	switch ref.Step {
	case "reconciliation.client.users":
		if n := facts[checklist.FactUsers]; n != "" && n != "0" {
			out += fmt.Sprintf(tr(lang, ", mais V1 a %s", ", but V1 has %s"), userCount(lang, n))
		}
	case "reconciliation.payment.external_accounts":
		if n := facts[checklist.FactBankAccounts]; n != "" && n != "0" {
			out += fmt.Sprintf(tr(lang, ", mais V1 a %s", ", but V1 has %s"), accountCount(lang, n))
		}
	case "reconciliation.client.numbering":
		if n := facts[checklist.FactNumbering]; n != "" {
			out += fmt.Sprintf(tr(lang, ", mais V1 numérote ses factures (dernière : %s)", ", but V1 numbers its invoices (last: %s)"), n)
		}
	}
	return out
}

// accountCount writes "1 compte", "3 comptes" from a V1 fact.
func accountCount(lang checklist.Lang, n string) string {
	one := n == "1"
	return n + " " + tr(lang, pick(one, "compte", "comptes"), pick(one, "account", "accounts"))
}

// userCount writes "1 utilisateur", "2 utilisateurs" from a V1 fact.
func userCount(lang checklist.Lang, n string) string {
	one := n == "1"
	return n + " " + tr(lang, pick(one, "utilisateur", "utilisateurs"), pick(one, "user", "users"))
}

func pick(one bool, a, b string) string {
	if one {
		return a
	}
	return b
}
