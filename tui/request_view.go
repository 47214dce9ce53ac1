package tui

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/checklist/notify"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/charmbracelet/bubbles/help"
)

func (m *Model) viewRequest() (string, help.KeyMap) {
	mg := m.migState()
	r := mg.req
	k := newRequestKeys(m.lang, m.gkeys)
	var b strings.Builder
	b.WriteString(fmt.Sprintf(" %s · %s %s\n", m.st.Title.Render(i18n.Of(m.lang).MigrationRequest),
		m.st.Header.Render(m.ws.Cabinet.LegalName), m.st.Muted.Render("· SIREN "+ident.FormatSIREN(m.ws.Cabinet.SIREN)+" · §3.2")))
	b.WriteString(m.rule() + "\n")
	var count checklist.DoneCount
	titleW := m.titleWidth(r.steps)
	for i, st := range r.steps {
		ref := checklist.Ref{Step: st.ID}
		cur, _ := m.run.Status(ref)
		count.Add(cur)
		b.WriteString(m.stepRow(ref, st, i == r.cursor, m.requestNote(st), titleW) + "\n")
	}
	req := m.run.Request
	line := m.st.Muted.Render(i18n.Of(m.lang).NotSentYet)
	if !req.SubmittedAt.IsZero() {
		how := i18n.Of(m.lang).ThroughV2
		if req.Manual {
			how = i18n.Of(m.lang).MadeByHand
		}
		line = fmt.Sprintf(i18n.Of(m.lang).SentFmt,
			orNone(m.lang, req.Reference), fmtClock(m.lang, req.SubmittedAt, m.loc)+", "+checklist.ZoneName().In(m.lang), how)
		if d := m.dueLine(); d != "" {
			line += "\n   " + d
		} else if m.run.Migrated() {
			line += "\n   " + i18n.Of(m.lang).AnswerReceivedMigrationConfirmed
		}
	}
	b.WriteString(m.st.Muted.Render("   "+count.Text(m.lang)) + line + "\n")
	b.WriteString(m.rule() + "\n")
	if r.form != nil {
		b.WriteString(indent(r.form.View(), 1))
		return b.String(), newFormKeys(m.lang)
	}
	b.WriteString(strings.Join(m.requestDetail(), "\n"))
	if mg.confirm != nil {
		return b.String(), newYesNoKeys(m.lang)
	}
	return b.String(), k
}

// requestNote is the short state shown on a step's row.
func (m *Model) requestNote(st *checklist.Step) string {
	ref := checklist.Ref{Step: st.ID}
	state := m.migState().states[ref]
	switch st.ID {
	case checklist.StepRequestNotifyClients:
		if ev := state.Evidence; ev != nil {
			return fmt.Sprintf(i18n.Of(m.lang).MessagesWrittenFmt, ev.Facts["messages"])
		}
	case checklist.StepRequestClientChecks:
		if n := len(m.migState().req.blockers); n > 0 {
			s := m.st.Warn.Render(nouns(m.lang, n, i18n.Of(m.lang).BlockingPointsNoun))
			if _, on := m.run.Override(checklist.GateRequestReadiness); on {
				s += m.st.Muted.Render(i18n.Of(m.lang).Override2)
			}
			return s
		}
		return m.st.OK.Render(i18n.Of(m.lang).Ready)
	case checklist.StepRequestSubmit:
		if r := m.run.Request.Reference; r != "" {
			return r
		}
	case checklist.StepRequestAnswer:
		if m.run.Migrated() {
			return m.st.OK.Render(i18n.Of(m.lang).MigrationSucceeded)
		}
		if s := m.run.Request.State; s != "" {
			label := connectors.RequestState(s).FrenchLabel()
			if m.lang == checklist.English {
				label = connectors.RequestState(s).EnglishLabel()
			}
			return label
		}
	}
	if m.migState().job != nil && m.migState().job.ref == ref {
		return m.spin.View()
	}
	return ""
}

// requestDetail is the pane under the list for the selected step.
func (m *Model) requestDetail() []string {
	mg := m.migState()
	r := mg.req
	st := m.requestStep()
	ref := checklist.Ref{Step: st.ID}
	w := m.width - 2
	cur, _ := m.run.Status(ref)
	var lines []string
	lines = append(lines, " "+m.st.Header.Render(st.Title.In(m.lang))+m.st.Muted.Render(" · "+cur.Title().In(m.lang)+" · §"+st.Section))
	if mg.input != nil {
		return append(lines, m.lineInputView()...)
	}
	if c := mg.confirm; c != nil {
		lines = append(lines, wrapLines(c.text, m.width, " ")...)
	}
	if mg.job != nil && mg.job.ref == ref {
		lines = append(lines, " "+m.spin.View()+" "+i18n.Of(m.lang).WorkingEscToCancel)
	}
	state := mg.states[ref]
	switch st.ID {
	case checklist.StepRequestNotifyClients:
		if ev := state.Evidence; ev != nil {
			lines = append(lines, " "+m.evidenceShort(ev)+" "+fmt.Sprintf(i18n.Of(m.lang).MessagesInWithoutAFmt, ev.Facts["messages"], m.onServer(ev.Facts["dir"]), ev.Facts["no_contact"]))
		} else {
			lines = append(lines, " "+fmt.Sprintf(i18n.Of(m.lang).EnterWriteOneEFmt, m.onServer(notify.Dir(filepath.Join(m.outDir(), "annonces"), m.ws.ID)), m.ws.Cabinet.ManagerEmail))
		}
	case checklist.StepRequestClientChecks, checklist.StepRequestSubmit:
		if h := m.demoPendingHint(); h != "" {
			for _, l := range wrapLines(h, m.width, " ") {
				lines = append(lines, m.st.Accent.Render(l))
			}
		}
		lines = append(lines, m.gateLines(m.height-len(lines)-16)...)
	case checklist.StepRequestAnswer:
		if d := m.dueLine(); d != "" {
			lines = append(lines, " "+d)
		}
		if m.polling() {
			lines = append(lines, " "+m.st.Muted.Render(fmt.Sprintf(i18n.Of(m.lang).V2IsAskedEveryFmt, checklist.FormatInterval(m.lang, m.pollEvery()))))
		}
	}
	if st.ID != checklist.StepRequestClientChecks && st.ID != checklist.StepRequestSubmit {
		for _, l := range strings.Split(wrapText(st.HelpSaid().In(m.lang), w), "\n") {
			lines = append(lines, " "+m.st.Muted.Render(l))
		}
		if n := st.NoteSaid(); !n.Text.IsZero() {
			for _, l := range strings.Split(wrapText(n.In(m.lang), w), "\n") {
				lines = append(lines, " "+m.st.Muted.Render(l))
			}
		}
		if ev := state.Evidence; ev != nil && st.ID != checklist.StepRequestNotifyClients {
			for _, l := range m.evidenceLines(ev) {
				lines = append(lines, " "+l)
			}
		}
	}
	_ = r
	return lines
}

// blockerKinds is the order blockers are grouped in, with their titles.
func blockerKinds(lang checklist.Lang) []struct {
	kind  checklist.BlockerKind
	title string
} {
	return []struct {
		kind  checklist.BlockerKind
		title string
	}{
		{checklist.BlockRegistration, i18n.Of(lang).Registration312},
		{checklist.BlockCabinetPreparation, i18n.Of(lang).FirmPreparation2},
		{checklist.BlockCabinetPendingInvoices, i18n.Of(lang).PendingInvoicesOfThe},
		{checklist.BlockPendingInvoices, i18n.Of(lang).InvoicesPendingOnV1},
		{checklist.BlockClientPreparation, i18n.Of(lang).ClientPreparation2},
		{checklist.BlockStepBlocked, i18n.Of(lang).BlockedSteps},
		{checklist.BlockRequiredStepMissing, i18n.Of(lang).StepsRequiredFirst},
	}
}

// gateLines lists what blocks the request, grouped by kind with counts, and
// the override if any; rows lines at most, from the scroll position.
func (m *Model) gateLines(rows int) []string {
	r := m.migState().req
	var out []string
	if o, on := m.run.Override(checklist.GateRequestReadiness); on {
		for _, l := range wrapLines(fmt.Sprintf(i18n.Of(m.lang).OverrideByOnFmt,
			o.By, fmtClock(m.lang, o.At, m.loc), o.Reason), m.width, " ") {
			out = append(out, m.st.Warn.Render(l))
		}
	}
	if len(r.blockers) == 0 {
		return append(out, " "+m.st.OK.Render(i18n.Of(m.lang).NothingBlocksTheRequest))
	}
	out = append(out, " "+m.st.Warn.Render(fmt.Sprintf(i18n.Of(m.lang).WhatBlocksTheRequestFmt, len(r.blockers)))+
		m.st.Muted.Render(i18n.Of(m.lang).PgupPgdnScrollO))
	// The list is a header per kind, then its blockers: 24,000 lines for a
	// cabinet of 12,000 clients. Only the lines in the window are written.
	kinds := blockerKinds(m.lang)
	counts := make([]int, len(kinds))
	for _, b := range r.blockers {
		for i, g := range kinds {
			if b.Kind == g.kind {
				counts[i]++
				break
			}
		}
	}
	total := 0
	for _, n := range counts {
		if n > 0 {
			total += 1 + n
		}
	}
	rows = max(3, rows)
	r.scroll = max(0, min(r.scroll, total-rows))
	end := min(total, r.scroll+rows)
	line := 0 // the index, in the whole list, of the next line
	for i, g := range kinds {
		if counts[i] == 0 || line >= end {
			continue
		}
		if line+1+counts[i] <= r.scroll { // the whole group is above the window
			line += 1 + counts[i]
			continue
		}
		if line >= r.scroll {
			out = append(out, "  "+m.st.Header.Render(fmt.Sprintf("%s — %d", g.title, counts[i])))
		}
		line++
		for _, b := range r.blockers {
			if b.Kind != g.kind {
				continue
			}
			if line >= end {
				break
			}
			if line >= r.scroll {
				out = append(out, "   · "+b.Message.In(m.lang))
			}
			line++
		}
	}
	if end < total {
		out = append(out, m.st.Muted.Render("   … "+nouns(m.lang, total-end, i18n.Of(m.lang).MoreLinesNoun)))
	}
	return out
}
