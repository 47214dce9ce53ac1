package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/report"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/bascule-cli/bascule/tui/session"
	tea "github.com/charmbracelet/bubbletea"
)

// runningCheck is the connector check in flight: only its answer is used.
type runningCheck struct {
	id  int
	ref checklist.Ref
}

// checkDoneMsg is a connector check's answer, tagged with its request id.
type checkDoneMsg struct {
	id      int
	ref     checklist.Ref
	ev      checklist.Evidence
	pending *int // pending invoices found, for the dashboard and the gate
	err     error
}

// errNoPort says the workspace's mode has no connector for this check: the
// engine's ErrNoConnector, so that both sides match it.
var errNoPort = session.ErrNoConnector

func yesNo(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// startCheck runs a step's check in a command, with a spinner and a context
// that esc cancels.
func (m *Model) startCheck(ref checklist.Ref) tea.Cmd {
	var cab connectors.Cabinet
	if m.ws != nil {
		cab = m.ws.Cabinet
	}
	fn := session.Check(m.ports.engine(), cab, ref, m.opts.Now)
	if fn == nil {
		return m.setStatus(i18n.Of(m.lang).NoAutomaticCheckFor, false)
	}
	if m.check != nil {
		m.cancelCheckQuiet()
	}
	id := m.ids.take()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	m.ids.cancels[id] = cancel
	m.check = &runningCheck{id: id, ref: ref}
	run := func() tea.Msg {
		res, err := fn(ctx)
		return checkDoneMsg{id: id, ref: ref, ev: res.Evidence, pending: res.Pending, err: err}
	}
	return tea.Batch(m.spin.Tick, run)
}

func (m *Model) cancelCheckQuiet() {
	if m.check == nil {
		return
	}
	if cancel, ok := m.ids.cancels[m.check.id]; ok {
		cancel()
		delete(m.ids.cancels, m.check.id)
	}
	m.check = nil
}

func (m *Model) cancelCheck() tea.Cmd {
	m.cancelCheckQuiet()
	return m.setStatus(i18n.Of(m.lang).CheckCancelled, false)
}

// checkDone keeps the evidence of the current check and drops stale ones.
// The status it records is checklist's one rule (Run.StatusAfterEvidence).
func (m *Model) checkDone(msg checkDoneMsg) tea.Cmd {
	if m.check == nil || msg.id != m.check.id {
		return nil // cancelled or superseded: its answer is stale
	}
	if cancel, ok := m.ids.cancels[msg.id]; ok {
		cancel()
		delete(m.ids.cancels, msg.id)
	}
	m.check = nil
	if msg.err != nil {
		if errors.Is(msg.err, errNoPort) {
			return m.setStatus(i18n.Of(m.lang).NoConnectorForThis, true)
		}
		return m.setStatus(i18n.Of(m.lang).CheckFailed+m.errText(msg.err), true)
	}
	return m.evidenceCmd(msg.ref, msg.ev, nil, msg.pending)
}

// evidenceLines renders evidence for the step's detail pane.
func (m *Model) evidenceLines(ev *checklist.Evidence) []string {
	// The one time of the steps screen: its zone is named (Paris time).
	head := fmt.Sprintf(i18n.Of(m.lang).CheckedFmt, CheckedWhere(m.lang, ev.Source), fmtClock(m.lang, ev.At, m.loc),
		checklist.ZoneName().In(m.lang))
	if ev.OK {
		head += " " + m.st.OK.Render("✓ "+i18n.Of(m.lang).Ok)
	} else {
		head += " " + m.st.Warn.Render("⚠ "+i18n.Of(m.lang).NeedsWork)
	}
	lines := []string{head}
	// Evidence keeps every figure reconciliation needs; the pane shows the
	// ones that explain this step (as the accessible mode reads them out).
	facts := EvidenceFacts(m.lang, *ev)
	if len(facts) > 0 {
		for _, l := range strings.Split(wrapText(strings.Join(facts, " · "), m.width-4), "\n") {
			lines = append(lines, "  "+l)
		}
	}
	for _, f := range ev.Findings {
		l := "  ✗ " + findingLabel(m.lang, f.Code)
		if f.Count > 0 {
			l += " (" + itoa(f.Count) + ")"
		}
		if f.Detail != "" && f.Detail != findingLabel(m.lang, f.Code) {
			l += colon(m.lang) + f.Detail
		}
		lines = append(lines, m.st.Warn.Render(l))
	}
	return lines
}

func factValue(lang checklist.Lang, v string) string { return report.FactValue("", v, lang) }

// factLabel names a fact the detail pane shows, from the reports' one table
// of fact names (report.FactLabel); "" leaves the others out of the pane.
func factLabel(lang checklist.Lang, k string) string {
	switch k {
	case "pending_purchases", "pending_sales", "articles", "invalid_articles", "siren", "legal_name", "manager_email",
		"space_activated", "cabinet_dossier_created", "registered":
		return report.FactLabel(nil, k, lang)
	}
	return ""
}

func findingLabel(lang checklist.Lang, code string) string {
	switch code {
	case "pending_purchases":
		return i18n.Of(lang).PurchaseInvoicesAwaitingAcceptance
	case "pending_sales":
		return i18n.Of(lang).SalesInvoicesAwaitingAcceptance
	case "not_yet":
		return i18n.Of(lang).NotDoneOnV2
	case "not_registered":
		return i18n.Of(lang).FirmNotRegisteredOn
	case "siren_mismatch":
		return i18n.Of(lang).SIRENDiffers
	case "legal_name_mismatch":
		return i18n.Of(lang).LegalNameDiffers
	case "manager_email_mismatch":
		return i18n.Of(lang).ManagerEMailDiffers
	case "space_not_activated":
		return i18n.Of(lang).FirmSpaceNotActivated
	case "cabinet_dossier_missing":
		return i18n.Of(lang).FirmDossierMissingOn
	}
	p := connectors.ArticleProblem(code)
	if lang == checklist.English {
		return p.EnglishLabel()
	}
	return p.FrenchLabel()
}
