package tui

// What a reconciliation item will re-create, from what phase 1 noted (the
// plan shown on its row and under the list), and the small helpers the
// re-creation jobs share with it.

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
)

// noted returns the items captured for a step in phase 1.
func noted(states map[checklist.Ref]checklist.StepState, ref checklist.Ref) []checklist.Record {
	if c := states[ref].Capture; c != nil {
		return c.Items
	}
	return nil
}

// factsOf returns the V1 facts noted before the switch for a client: the
// evidence of its pending-invoices check (checklist.SnapshotFacts).
func factsOf(states map[checklist.Ref]checklist.StepState, client string) map[string]string {
	if ev := states[checklist.Ref{Step: "preparation.client.pending_invoices", Client: client}].Evidence; ev != nil {
		return ev.Facts
	}
	return nil
}

// reconPlan says in a few words what an item will re-create, from what
// phase 1 noted.
func (m *Model) reconPlan(ref checklist.Ref) string {
	states := m.migState().states
	prep := func(step string) []checklist.Record {
		return noted(states, checklist.Ref{Step: step, Client: ref.Client})
	}
	facts := factsOf(states, ref.Client)
	lang := m.lang
	if na := m.notApplicableInPrep(ref); na != "" {
		return na
	}
	switch ref.Step {
	case "reconciliation.client.profile":
		if l := prep("preparation.client.logo"); len(l) > 0 && l[0]["file"] != "" {
			return tr(lang, "logo ", "logo ") + filepath.Base(l[0]["file"]) + tr(lang, " et raison sociale", " and legal name")
		}
		return tr(lang, "raison sociale ; aucun logo noté", "legal name; no logo noted")
	case "reconciliation.client.users":
		us := reinvited(prep("preparation.client.users"))
		if len(us) == 0 {
			if n := facts[checklist.FactUsers]; n != "" && n != "0" {
				return fmt.Sprintf(tr(lang, "aucun noté (V1 : %s)", "none noted (V1: %s)"), n)
			}
			return tr(lang, "aucun utilisateur noté", "no user noted")
		}
		return itoa(len(us)) + colon(lang) + userList(us, "roles")
	case "reconciliation.client.bank_accounts":
		// The IBANs noted in phase 1 are external accounts: they belong to
		// the next item, not to the document bank accounts.
		if n := facts[checklist.FactBankAccounts]; n != "" && n != "0" {
			return fmt.Sprintf(tr(lang, "à ressaisir à la main (V1 : %s)", "enter by hand (V1: %s)"), accountCount(lang, n))
		}
		return tr(lang, "à ressaisir à la main", "enter by hand")
	case "reconciliation.payment.external_accounts":
		ibans := notedIBANs(prep("preparation.payment.external_accounts"))
		if len(ibans) == 0 {
			if n := facts[checklist.FactBankAccounts]; n != "" && n != "0" {
				return fmt.Sprintf(tr(lang, "aucun IBAN noté (V1 : %s) : ressaisie à la main", "no IBAN noted (V1: %s): enter by hand"), accountCount(lang, n))
			}
			return tr(lang, "aucun IBAN noté", "no IBAN noted")
		}
		var masked []string
		for _, ib := range ibans {
			masked = append(masked, ident.MaskIBAN(ib))
		}
		return strings.Join(masked, ", ")
	case "reconciliation.client.numbering":
		n, ok := numberingOf(prep("preparation.client.numbering"), facts)
		if !ok {
			return tr(lang, "aucune numérotation notée", "no numbering noted")
		}
		return fmt.Sprintf(tr(lang, "prochaine %s (dernière V1 : %s)", "next %s (last on V1: %s)"), n.Format(n.LastNumber+1), n.String())
	case "reconciliation.client.settings":
		if s := prep("reconciliation.client.settings"); len(s) > 0 {
			return fmt.Sprintf("workflow %s · %s j", s[0]["workflow"], s[0]["default_due_days"])
		}
		return tr(lang, "workflow, échéance par défaut : à la main", "workflow, default due date: by hand")
	case "reconciliation.client.subscription":
		prev := facts[checklist.FactSubscription]
		if plan, f := checklist.ChosenPlan(states[ref].Capture, nil); f == nil {
			return fmt.Sprintf(tr(lang, "choix du client : %s (V1 : %s)", "client's choice: %s (V1: %s)"), plan, orDash(prev))
		}
		return fmt.Sprintf(tr(lang, "aucun choix noté : notez le plan choisi par le client (V1 : %s)", "no choice noted: note the plan the client chose (V1: %s)"), orDash(prev))
	case "reconciliation.payment.payment_account":
		return tr(lang, "conservé d'après le guide : à constater sur V2", "kept according to the guide: see it on V2")
	case "reconciliation.payment.subscription_request":
		if r := prep("reconciliation.payment.subscription_request"); len(r) > 0 {
			return strings.TrimSpace(r[0]["date"] + " " + r[0]["reference"])
		}
		return tr(lang, "demande à faire, puis noter sa date ou sa référence", "request to make, then note its date or reference")
	case "reconciliation.payment.statements":
		return fmt.Sprintf(tr(lang, "%d relevé(s) exporté(s) en préparation", "%d statement(s) exported during preparation"), len(prep("preparation.payment.statements")))
	case "reconciliation.cabinet.collaborators", "reconciliation.cabinet.roles":
		cs := reinvited(prep("preparation.cabinet.collaborators"))
		if len(cs) == 0 {
			return tr(lang, "aucun collaborateur noté", "no collaborator noted")
		}
		plan := itoa(len(cs)) + colon(lang) + userList(cs, "v2_roles")
		if _, missing := checklist.Invitees(cs, "v2_roles", true); len(missing) > 0 {
			plan += fmt.Sprintf(tr(lang, " ; %d sans rôle noté, donc non invité", "; %d with no role noted, so not invited"), len(missing))
		}
		return plan
	case "reconciliation.cabinet.api_connections":
		cs := prep("preparation.cabinet.api_connections")
		if len(cs) == 0 {
			return tr(lang, "aucune connexion notée", "no connection noted")
		}
		var parts []string
		for _, c := range cs {
			parts = append(parts, softwareOf(c["software"]).Label()+" ("+c["scope"]+")")
		}
		return strings.Join(parts, ", ")
	case "reconciliation.cabinet.inactive_clients_import":
		if e := prep("preparation.cabinet.inactive_clients_export"); len(e) > 0 {
			return fmt.Sprintf(tr(lang, "%s client(s) exporté(s) : importer depuis V1", "%s client(s) exported: import from V1"), e[0]["rows"])
		}
		return tr(lang, "importer les dossiers inactifs lus sur V1", "import the inactive dossiers read on V1")
	}
	return ""
}

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

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// reinvited keeps the noted people to invite again.
func reinvited(rs []checklist.Record) []checklist.Record {
	var out []checklist.Record
	for _, r := range rs {
		if r["email"] != "" && r["reinvite"] != "false" {
			out = append(out, r)
		}
	}
	return out
}

func userList(rs []checklist.Record, rolesField string) string {
	var parts []string
	for _, r := range rs {
		s := r["email"]
		if roles := r[rolesField]; roles != "" {
			s += " (" + roles + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

func notedIBANs(rs []checklist.Record) []string {
	var out []string
	for _, r := range rs {
		if ib := ident.NormalizeIBAN(r["iban"]); ib != "" {
			out = append(out, ib)
		}
	}
	return out
}

// numberingOf is the numbering noted in phase 1, or failing that the one
// V1's snapshot gave before the switch.
func numberingOf(rs []checklist.Record, facts map[string]string) (connectors.Numbering, bool) {
	if len(rs) > 0 {
		if n, ok := checklist.ProposedNumbering(rs[0]); ok {
			return n, true
		}
	}
	if s := facts[checklist.FactNumbering]; s != "" {
		if n, err := connectors.ParseNumbering(s); err == nil {
			return n, true
		}
	}
	return connectors.Numbering{}, false
}

func softwareOf(v string) connectors.Software {
	if v == "autre" || v == "" {
		return connectors.SoftwareOther
	}
	return connectors.Software(v)
}

func splitName(name string) (first, last string) {
	name = strings.TrimSpace(name)
	if i := strings.IndexByte(name, ' '); i > 0 {
		return name[:i], strings.TrimSpace(name[i+1:])
	}
	return "", name
}

func isConflict(err error) bool { return errors.Is(err, connectors.ErrConflict) }
