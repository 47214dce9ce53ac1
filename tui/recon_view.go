package tui

import (
	"fmt"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/charmbracelet/bubbles/help"
)

func (m *Model) viewRecon() (string, help.KeyMap) {
	mg := m.migState()
	r := mg.recon
	k := newReconKeys(m.lang, m.gkeys)
	k.PrevClient.SetEnabled(r.client >= 0)
	k.NextClient.SetEnabled(r.client >= 0)
	k.Capture.SetEnabled(len(r.steps) > 0 && r.steps[min(r.cursor, len(r.steps)-1)].Form != nil)
	var b strings.Builder
	title := i18n.Of(m.lang).ValidationAndReEntry2
	if m.width < 100 {
		title = i18n.Of(m.lang).Validation // the client's name matters more
	}
	lead := m.st.Title.Render(title+" §3.3–3.4") + " · "
	if r.client >= 0 {
		b.WriteString(m.clientLine(r.client, lead) + "\n")
	} else {
		b.WriteString(" " + lead + m.st.Header.Render(m.ws.Cabinet.LegalName) + m.st.Muted.Render(i18n.Of(m.lang).Firm) + "\n")
	}
	b.WriteString(m.rule() + "\n")
	var count checklist.DoneCount
	titleW := m.titleWidth(r.steps)
	blocks := make([][]string, len(r.steps))
	for i, st := range r.steps {
		ref := m.reconRef(st)
		cur, _ := m.run.Status(ref)
		count.Add(cur)
		state := mg.states[ref]
		note := ""
		if mg.job != nil && mg.job.ref == ref {
			note = m.spin.View() + " "
		}
		if isControl(st.ID) {
			note += m.evidenceShort(state.Evidence)
		} else {
			note += m.reconPlan(ref)
		}
		blocks[i] = []string{m.stepRow(ref, st, i == r.cursor, note, titleW)}
		// On a small terminal the control's lines make room for the
		// confirmation and the detail when another item is selected.
		if isControl(st.ID) && (m.height >= 30 || i == r.cursor) {
			blocks[i] = append(blocks[i], m.controlLines(state.Evidence)...)
		}
	}
	// The selected item's detail is laid out first, the list gets the rest:
	// opening the comparison must not push the detail off the screen.
	bottom := m.reconBottom()
	avail := m.height - 3 - 4 // footer; title, two rules, the count
	if m.readOnlyBanner() != "" {
		avail--
	}
	// The list keeps at least the selected item whole (the comparison's
	// lines with the control), the detail the rest, cut with "…".
	minList := max(5, len(blocks[r.cursor]))
	if len(bottom) > avail-minList {
		keep := max(2, avail-minList)
		if keep < len(bottom) {
			bottom = append(bottom[:keep-1:keep-1], " "+m.st.Muted.Render(ellipsis))
		}
	}
	lo, hi := reconWindow(blocks, r.cursor, max(minList, avail-len(bottom)))
	for _, bl := range blocks[lo:hi] {
		for _, l := range bl {
			b.WriteString(l + "\n")
		}
	}
	line := "   " + count.Text(m.lang)
	if hidden := len(r.steps) - (hi - lo); hidden > 0 {
		line += " · " + nouns(m.lang, hidden, i18n.Of(m.lang).MoreOffScreenNoun) + " (↑↓)"
	}
	b.WriteString(m.st.Muted.Render(line) + "\n")
	b.WriteString(m.rule() + "\n")
	b.WriteString(strings.Join(bottom, "\n"))
	if mg.confirm != nil {
		return b.String(), newYesNoKeys(m.lang)
	}
	return b.String(), k
}

// reconBottom is the pane under the list: the question waiting for o/n,
// the job running, then the selected item's title, evidence and help.
func (m *Model) reconBottom() []string {
	mg := m.migState()
	r := mg.recon
	var out []string
	st := r.steps[r.cursor]
	ref := m.reconRef(st)
	if c := mg.confirm; c != nil {
		for _, l := range wrapLines(c.text, m.width, " ") {
			out = append(out, m.st.Accent.Render(l))
		}
	}
	if mg.input != nil {
		out = append(out, m.lineInputView()...)
	}
	if mg.job != nil && mg.job.ref == ref {
		out = append(out, " "+m.spin.View()+" "+i18n.Of(m.lang).WorkingEscToCancel)
	}
	cur, _ := m.run.Status(ref)
	out = append(out, " "+m.st.Header.Render(st.Title.In(m.lang))+m.st.Muted.Render(" · "+cur.Title().In(m.lang)+" · §"+st.Section+" · "+st.Actor.Title().In(m.lang)))
	if plan := m.reconPlan(ref); plan != "" && !isControl(st.ID) {
		// The row's note may be cut: the plan is written whole here.
		out = append(out, wrapLines("→ "+plan, m.width, " ")...)
	}
	if !st.Warning.IsZero() {
		for _, l := range wrapLines("⚠ "+st.WarningSaid().In(m.lang), m.width, " ") {
			out = append(out, m.st.Warn.Render(l))
		}
	}
	if ev := mg.states[ref].Evidence; ev != nil && !isControl(st.ID) {
		for _, l := range m.evidenceLines(ev) {
			out = append(out, " "+l)
		}
	}
	if hint := m.reconHint(ref); hint != "" {
		for _, l := range wrapLines(hint, m.width, " ") {
			out = append(out, m.st.Muted.Render(l))
		}
	}
	for _, l := range m.reconDetail(st) {
		out = append(out, " "+m.st.Muted.Render(l))
	}
	return out
}

// reconWindow picks the items shown when they do not all fit in rows
// lines: the selected one, then its neighbours below and above in turn.
func reconWindow(blocks [][]string, cursor, rows int) (lo, hi int) {
	lo, hi = cursor, cursor+1
	used := len(blocks[cursor])
	for grown := true; grown; {
		grown = false
		if hi < len(blocks) && used+len(blocks[hi]) <= rows {
			used += len(blocks[hi])
			hi++
			grown = true
		}
		if lo > 0 && used+len(blocks[lo-1]) <= rows {
			lo--
			used += len(blocks[lo])
			grown = true
		}
	}
	return lo, hi
}

// reconDetail is the selected item's help with its source, bascule's note,
// and under the control the §3.3 reminder of what must be redone by hand.
func (m *Model) reconDetail(st *checklist.Step) []string {
	w := max(20, m.width-2)
	var out []string
	add := func(s string) {
		if s != "" {
			out = append(out, strings.Split(wrapText(s, w), "\n")...)
		}
	}
	add(st.HelpSaid().In(m.lang))
	add(st.NoteSaid().In(m.lang))
	if st.ID == checklist.ControlStep {
		var redo []string
		for _, it := range m.opts.Guide.ItemsOf(st.ID) {
			if !it.Migrated {
				redo = append(redo, it.Title.In(m.lang))
			}
		}
		add(checklist.ControlListTitle(false).In(m.lang) + i18n.Of(m.lang).Guide33 + strings.Join(redo, " · "))
	}
	return out
}

// reconHint is a line of advice under an item: the command that turns the
// V1 export into V2's import file, the manual steps.
func (m *Model) reconHint(ref checklist.Ref) string {
	switch ref.Step {
	case checklist.StepReconCabinetInactiveClientsImport:
		file := "export-v1.csv"
		if c := m.migState().states[checklist.Ref{Step: checklist.StepCabinetInactiveClientsExport}].Capture; c != nil && len(c.Items) > 0 && c.Items[0]["file"] != "" {
			file = c.Items[0]["file"]
		}
		if m.writesImport() {
			return fmt.Sprintf(i18n.Of(m.lang).EnterWritesV2sImportFmt, file)
		}
		return fmt.Sprintf(i18n.Of(m.lang).OfflineBasculeClientsConvertFmt, file)
	}
	return ""
}
