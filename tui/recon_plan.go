package tui

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/tui/session"
)

func isControl(step string) bool {
	return step == checklist.StepReconClientControl || step == checklist.StepReconCabinetDossierControl
}

func hasGap(ev *checklist.Evidence) bool {
	for _, f := range ev.Findings {
		if strings.HasPrefix(f.Code, "gap.") {
			return true
		}
	}
	return false
}

// reconItems are the lines of §3.3's control, in the guide's order.
var reconItems = []string{"accepted_documents", "archived_documents", "articles", "partners", "reception_email", "payment_account"}

func reconItemTitle(lang checklist.Lang, item string) string {
	switch item {
	case "accepted_documents":
		return tr(lang, "Documents acceptés (payés / non payés)", "Accepted documents (paid / unpaid)")
	case "archived_documents":
		return tr(lang, "Documents archivés", "Archived documents")
	case "articles":
		return tr(lang, "Base articles", "Article base")
	case "partners":
		return tr(lang, "Clients / fournisseurs", "Customers / suppliers")
	case "reception_email":
		return tr(lang, "E-mail de réception des achats", "Purchase reception e-mail")
	}
	return tr(lang, "Compte de paiement Banqup", "Banqup payment account")
}

// controlLines renders the control's evidence line by line: migré, écart
// with both figures, or à vérifier.
func (m *Model) controlLines(ev *checklist.Evidence) []string {
	if ev == nil {
		return []string{"     " + m.st.Muted.Render(tr(m.lang, "pas encore contrôlé : entrée pour comparer V1 (noté avant la bascule) et V2",
			"not checked yet: enter to compare V1 (noted before the switch) with V2"))}
	}
	var out []string
	for _, it := range reconItems {
		state, ok := ev.Facts[it+".state"]
		if !ok {
			continue
		}
		v1, v2 := ev.Facts[it+".v1"], ev.Facts[it+".v2"]
		if it == "payment_account" {
			v1, v2 = factValue(m.lang, v1), factValue(m.lang, v2)
		}
		if v1 == "" {
			v1 = "?"
		}
		var verdict string
		switch state {
		case "migrated":
			verdict = m.st.OK.Render("✓ " + tr(m.lang, "migré", "migrated"))
		case "gap":
			gap := tr(m.lang, "écart", "gap")
			if a, err1 := strconv.Atoi(v1); err1 == nil {
				if b, err2 := strconv.Atoi(v2); err2 == nil {
					gap += " (" + itoa(a-b) + ")"
				}
			}
			verdict = m.st.Bad.Render("✗ " + gap)
		default:
			verdict = m.st.Warn.Render("? " + tr(m.lang, "à vérifier", "to check"))
		}
		w := max(8, min(24, (m.width-60)/2))
		titleW := max(16, min(38, m.width-2*w-27))
		out = append(out, "     "+cell(reconItemTitle(m.lang, it), titleW)+" V1 "+cell(v1, w)+" V2 "+cell(v2, w)+" "+verdict)
	}
	return out
}

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
	if ev := states[checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: client}].Evidence; ev != nil {
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
	case checklist.StepReconClientProfile:
		if l := prep(checklist.StepClientLogo); len(l) > 0 && l[0]["file"] != "" {
			return tr(lang, "logo ", "logo ") + filepath.Base(l[0]["file"]) + tr(lang, " et raison sociale", " and legal name")
		}
		return tr(lang, "raison sociale ; aucun logo noté", "legal name; no logo noted")
	case checklist.StepReconClientUsers:
		us := session.Reinvited(prep(checklist.StepClientUsers))
		if len(us) == 0 {
			if n := facts[checklist.FactUsers]; n != "" && n != "0" {
				return fmt.Sprintf(tr(lang, "aucun noté (V1 : %s)", "none noted (V1: %s)"), n)
			}
			return tr(lang, "aucun utilisateur noté", "no user noted")
		}
		return itoa(len(us)) + colon(lang) + userList(us, "roles")
	case checklist.StepReconClientBankAccounts:
		// The IBANs noted in phase 1 are external accounts: they belong to
		// the next item, not to the document bank accounts.
		if n := facts[checklist.FactBankAccounts]; n != "" && n != "0" {
			return fmt.Sprintf(tr(lang, "à ressaisir à la main (V1 : %s)", "enter by hand (V1: %s)"), accountCount(lang, n))
		}
		return tr(lang, "à ressaisir à la main", "enter by hand")
	case checklist.StepReconPaymentExternalAccounts:
		ibans := session.NotedIBANs(prep(checklist.StepPaymentExternalAccounts))
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
	case checklist.StepReconClientNumbering:
		n, ok := session.NumberingOf(prep(checklist.StepClientNumbering), facts)
		if !ok {
			return tr(lang, "aucune numérotation notée", "no numbering noted")
		}
		return fmt.Sprintf(tr(lang, "prochaine %s (dernière V1 : %s)", "next %s (last on V1: %s)"), n.Format(n.LastNumber+1), n.String())
	case checklist.StepReconClientSettings:
		if s := prep(checklist.StepReconClientSettings); len(s) > 0 {
			return fmt.Sprintf("workflow %s · %s j", s[0]["workflow"], s[0]["default_due_days"])
		}
		return tr(lang, "workflow, échéance par défaut : à la main", "workflow, default due date: by hand")
	case checklist.StepReconClientSubscription:
		prev := facts[checklist.FactSubscription]
		if plan, f := checklist.ChosenPlan(states[ref].Capture, nil); f == nil {
			return fmt.Sprintf(tr(lang, "choix du client : %s (V1 : %s)", "client's choice: %s (V1: %s)"), plan, orDash(prev))
		}
		return fmt.Sprintf(tr(lang, "aucun choix noté : notez le plan choisi par le client (V1 : %s)", "no choice noted: note the plan the client chose (V1: %s)"), orDash(prev))
	case checklist.StepReconPaymentPaymentAccount:
		return tr(lang, "conservé d'après le guide : à constater sur V2", "kept according to the guide: see it on V2")
	case checklist.StepReconPaymentSubscriptionRequest:
		if r := prep(checklist.StepReconPaymentSubscriptionRequest); len(r) > 0 {
			return strings.TrimSpace(r[0]["date"] + " " + r[0]["reference"])
		}
		return tr(lang, "demande à faire, puis noter sa date ou sa référence", "request to make, then note its date or reference")
	case checklist.StepReconPaymentStatements:
		n := len(prep(checklist.StepPaymentStatements))
		return nouns(lang, n, "relevé exporté", "relevés exportés", "statement exported", "statements exported") + tr(lang, " en préparation", " during preparation")
	case checklist.StepReconCabinetCollaborators, checklist.StepReconCabinetRoles:
		cs := session.Reinvited(prep(checklist.StepCabinetCollaborators))
		if len(cs) == 0 {
			return tr(lang, "aucun collaborateur noté", "no collaborator noted")
		}
		plan := itoa(len(cs)) + colon(lang) + userList(cs, "v2_roles")
		if _, missing := checklist.Invitees(cs, "v2_roles", true); len(missing) > 0 {
			plan += fmt.Sprintf(tr(lang, " ; %d sans rôle noté, donc non invité", "; %d with no role noted, so not invited"), len(missing))
		}
		return plan
	case checklist.StepReconCabinetApiConnections:
		cs := prep(checklist.StepCabinetApiConnections)
		if len(cs) == 0 {
			return tr(lang, "aucune connexion notée", "no connection noted")
		}
		var parts []string
		for _, c := range cs {
			parts = append(parts, session.SoftwareOf(c["software"]).Label()+" ("+c["scope"]+")")
		}
		return strings.Join(parts, ", ")
	case checklist.StepReconCabinetInactiveClientsImport:
		if e := prep(checklist.StepCabinetInactiveClientsExport); len(e) > 0 {
			n, _ := strconv.Atoi(e[0]["rows"])
			return nouns(lang, n, "client exporté", "clients exportés", "client exported", "clients exported") + tr(lang, " : importer depuis V1", ": import from V1")
		}
		return tr(lang, "importer les dossiers inactifs lus sur V1", "import the inactive dossiers read on V1")
	}
	return ""
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
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
