package tui

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/tui/i18n"
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
		return i18n.Of(lang).AcceptedDocumentsPaidUnpaid
	case "archived_documents":
		return i18n.Of(lang).ArchivedDocuments
	case "articles":
		return i18n.Of(lang).ArticleBase
	case "partners":
		return i18n.Of(lang).CustomersSuppliers
	case "reception_email":
		return i18n.Of(lang).PurchaseReceptionEMail
	}
	return i18n.Of(lang).BanqupPaymentAccount
}

// controlLines renders the control's evidence line by line: migré, écart
// with both figures, or à vérifier.
func (m *Model) controlLines(ev *checklist.Evidence) []string {
	if ev == nil {
		return []string{"     " + m.st.Muted.Render(i18n.Of(m.lang).NotCheckedYetEnter)}
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
			verdict = m.st.OK.Render("✓ " + i18n.Of(m.lang).Migrated)
		case "gap":
			gap := i18n.Of(m.lang).Gap
			if a, err1 := strconv.Atoi(v1); err1 == nil {
				if b, err2 := strconv.Atoi(v2); err2 == nil {
					gap += " (" + itoa(a-b) + ")"
				}
			}
			verdict = m.st.Bad.Render("✗ " + gap)
		default:
			verdict = m.st.Warn.Render("? " + i18n.Of(m.lang).ToCheck)
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
			return i18n.Of(lang).Logo + filepath.Base(l[0]["file"]) + i18n.Of(lang).AndLegalName
		}
		return i18n.Of(lang).LegalNameNoLogo
	case checklist.StepReconClientUsers:
		us := session.Reinvited(prep(checklist.StepClientUsers))
		if len(us) == 0 {
			if n := facts[checklist.FactUsers]; n != "" && n != "0" {
				return fmt.Sprintf(i18n.Of(lang).NoneNotedV1Fmt, n)
			}
			return i18n.Of(lang).NoUserNoted
		}
		return itoa(len(us)) + colon(lang) + userList(us, "roles")
	case checklist.StepReconClientBankAccounts:
		// The IBANs noted in phase 1 are external accounts: they belong to
		// the next item, not to the document bank accounts.
		if n := facts[checklist.FactBankAccounts]; n != "" && n != "0" {
			return fmt.Sprintf(i18n.Of(lang).EnterByHandV1Fmt, accountCount(lang, n))
		}
		return i18n.Of(lang).EnterByHand
	case checklist.StepReconPaymentExternalAccounts:
		ibans := session.NotedIBANs(prep(checklist.StepPaymentExternalAccounts))
		if len(ibans) == 0 {
			if n := facts[checklist.FactBankAccounts]; n != "" && n != "0" {
				return fmt.Sprintf(i18n.Of(lang).NoIBANNotedV1Fmt, accountCount(lang, n))
			}
			return i18n.Of(lang).NoIBANNoted
		}
		var masked []string
		for _, ib := range ibans {
			masked = append(masked, ident.MaskIBAN(ib))
		}
		return strings.Join(masked, ", ")
	case checklist.StepReconClientNumbering:
		n, ok := session.NumberingOf(prep(checklist.StepClientNumbering), facts)
		if !ok {
			return i18n.Of(lang).NoNumberingNoted
		}
		return fmt.Sprintf(i18n.Of(lang).NextLastOnV1Fmt, n.Format(n.LastNumber+1), n.String())
	case checklist.StepReconClientSettings:
		if s := prep(checklist.StepReconClientSettings); len(s) > 0 {
			return fmt.Sprintf("workflow %s · %s j", s[0]["workflow"], s[0]["default_due_days"])
		}
		return i18n.Of(lang).WorkflowDefaultDueDate
	case checklist.StepReconClientSubscription:
		prev := facts[checklist.FactSubscription]
		if plan, f := checklist.ChosenPlan(states[ref].Capture, nil); f == nil {
			return fmt.Sprintf(i18n.Of(lang).ClientsChoiceV1Fmt, plan, orDash(prev))
		}
		return fmt.Sprintf(i18n.Of(lang).NoChoiceNotedNoteFmt, orDash(prev))
	case checklist.StepReconPaymentPaymentAccount:
		return i18n.Of(lang).KeptAccordingToThe
	case checklist.StepReconPaymentSubscriptionRequest:
		if r := prep(checklist.StepReconPaymentSubscriptionRequest); len(r) > 0 {
			return strings.TrimSpace(r[0]["date"] + " " + r[0]["reference"])
		}
		return i18n.Of(lang).RequestToMakeThen
	case checklist.StepReconPaymentStatements:
		n := len(prep(checklist.StepPaymentStatements))
		return nouns(lang, n, i18n.Of(lang).StatementsExportedNoun) + i18n.Of(lang).DuringPreparation
	case checklist.StepReconCabinetCollaborators, checklist.StepReconCabinetRoles:
		cs := session.Reinvited(prep(checklist.StepCabinetCollaborators))
		if len(cs) == 0 {
			return i18n.Of(lang).NoCollaboratorNoted
		}
		plan := itoa(len(cs)) + colon(lang) + userList(cs, "v2_roles")
		if _, missing := checklist.Invitees(cs, "v2_roles", true); len(missing) > 0 {
			plan += fmt.Sprintf(i18n.Of(lang).WithNoRoleNotedFmt, len(missing))
		}
		return plan
	case checklist.StepReconCabinetApiConnections:
		cs := prep(checklist.StepCabinetApiConnections)
		if len(cs) == 0 {
			return i18n.Of(lang).NoConnectionNoted
		}
		var parts []string
		for _, c := range cs {
			parts = append(parts, session.SoftwareOf(c["software"]).Label()+" ("+c["scope"]+")")
		}
		return strings.Join(parts, ", ")
	case checklist.StepReconCabinetInactiveClientsImport:
		if e := prep(checklist.StepCabinetInactiveClientsExport); len(e) > 0 {
			n, _ := strconv.Atoi(e[0]["rows"])
			return nouns(lang, n, i18n.Of(lang).ClientsExportedNoun) + i18n.Of(lang).ImportFromV1
		}
		return i18n.Of(lang).ImportTheInactiveDossiers
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
