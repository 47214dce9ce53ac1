package tui

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/checklist/notify"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/charmbracelet/bubbles/help"
)

func (m *Model) viewRequest() (string, help.KeyMap) {
	mg := m.migState()
	r := mg.req
	k := newRequestKeys(m.lang, m.gkeys)
	var b strings.Builder
	b.WriteString(fmt.Sprintf(" %s · %s %s\n", m.st.Title.Render(tr(m.lang, "Demande de migration", "Migration request")),
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
	line := m.st.Muted.Render(tr(m.lang, "   pas encore envoyée", "   not sent yet"))
	if !req.SubmittedAt.IsZero() {
		how := tr(m.lang, "via V2", "through V2")
		if req.Manual {
			how = tr(m.lang, "faite à la main", "made by hand")
		}
		line = fmt.Sprintf(tr(m.lang, "   %s envoyée le %s (%s)", "   %s sent %s (%s)"),
			orNone(m.lang, req.Reference), fmtClock(m.lang, req.SubmittedAt, m.loc)+", "+checklist.ZoneName().In(m.lang), how)
		if d := m.dueLine(); d != "" {
			line += "\n   " + d
		} else if m.run.Migrated() {
			line += "\n   " + tr(m.lang, "réponse reçue : migration confirmée", "answer received: migration confirmed")
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
			return fmt.Sprintf(tr(m.lang, "%s messages écrits", "%s messages written"), ev.Facts["messages"])
		}
	case checklist.StepRequestClientChecks:
		if n := len(m.migState().req.blockers); n > 0 {
			s := m.st.Warn.Render(nouns(m.lang, n, "point bloquant", "points bloquants", "blocking point", "blocking points"))
			if _, on := m.run.Override(checklist.GateRequestReadiness); on {
				s += m.st.Muted.Render(tr(m.lang, " · dérogation", " · override"))
			}
			return s
		}
		return m.st.OK.Render(tr(m.lang, "prête", "ready"))
	case checklist.StepRequestSubmit:
		if r := m.run.Request.Reference; r != "" {
			return r
		}
	case checklist.StepRequestAnswer:
		if m.run.Migrated() {
			return m.st.OK.Render(tr(m.lang, "migration réussie", "migration succeeded"))
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
		lines = append(lines, " "+m.spin.View()+" "+tr(m.lang, "En cours… (esc pour annuler)", "Working… (esc to cancel)"))
	}
	state := mg.states[ref]
	switch st.ID {
	case checklist.StepRequestNotifyClients:
		if ev := state.Evidence; ev != nil {
			lines = append(lines, " "+m.evidenceShort(ev)+" "+fmt.Sprintf(tr(m.lang, "%s messages dans %s (%s sans destinataire connu)",
				"%s messages in %s (%s without a known recipient)"), ev.Facts["messages"], ev.Facts["dir"], ev.Facts["no_contact"]))
		} else {
			lines = append(lines, " "+fmt.Sprintf(tr(m.lang, "entrée : écrire un e-mail (.eml) par client dans %s, expéditeur %s",
				"enter: write one e-mail (.eml) per client in %s, sender %s"), notify.Dir(filepath.Join(m.outDir(), "annonces"), m.ws.ID), m.ws.Cabinet.ManagerEmail))
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
			lines = append(lines, " "+m.st.Muted.Render(fmt.Sprintf(tr(m.lang, "V2 est interrogé toutes les %s tant que cet écran est ouvert (entrée : maintenant).",
				"V2 is asked every %s while this screen is open (enter: now)."), checklist.FormatInterval(m.lang, m.pollEvery()))))
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
		{checklist.BlockRegistration, tr(lang, "Inscription (§3.1)", "Registration (§3.1)")},
		{checklist.BlockCabinetPreparation, tr(lang, "Préparation du cabinet (§2)", "Firm preparation (§2)")},
		{checklist.BlockCabinetPendingInvoices, tr(lang, "Factures en attente du dossier du cabinet (§3.2)", "Pending invoices of the firm's own dossier (§3.2)")},
		{checklist.BlockPendingInvoices, tr(lang, "Factures en attente sur V1 (§2)", "Invoices pending on V1 (§2)")},
		{checklist.BlockClientPreparation, tr(lang, "Préparation des clients (§2)", "Client preparation (§2)")},
		{checklist.BlockStepBlocked, tr(lang, "Étapes bloquées", "Blocked steps")},
		{checklist.BlockRequiredStepMissing, tr(lang, "Étapes préalables", "Steps required first")},
	}
}

// gateLines lists what blocks the request, grouped by kind with counts, and
// the override if any; rows lines at most, from the scroll position.
func (m *Model) gateLines(rows int) []string {
	r := m.migState().req
	var out []string
	if o, on := m.run.Override(checklist.GateRequestReadiness); on {
		for _, l := range wrapLines(fmt.Sprintf(tr(m.lang, "Dérogation par %s le %s : %s", "Override by %s on %s: %s"),
			o.By, fmtClock(m.lang, o.At, m.loc), o.Reason), m.width, " ") {
			out = append(out, m.st.Warn.Render(l))
		}
	}
	if len(r.blockers) == 0 {
		return append(out, " "+m.st.OK.Render(tr(m.lang, "✓ Rien ne bloque : la demande peut partir (entrée sur « Envoyer la demande »).",
			"✓ Nothing blocks: the request may go (enter on \"Send the migration request\").")))
	}
	out = append(out, " "+m.st.Warn.Render(fmt.Sprintf(tr(m.lang, "Ce qui bloque la demande (%d) :", "What blocks the request (%d):"), len(r.blockers)))+
		m.st.Muted.Render(tr(m.lang, "  pgup/pgdn défiler · o dérogation", "  pgup/pgdn scroll · o override")))
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
		out = append(out, m.st.Muted.Render("   … "+nouns(m.lang, total-end, "ligne de plus", "lignes de plus", "more line", "more lines")))
	}
	return out
}
