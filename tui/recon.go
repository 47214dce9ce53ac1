package tui

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/tui/session"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// reconScreen is the reconciliation of one client, or of the cabinet
// (client -1): first the control of what migrated (§3.3), V1 as noted before
// the switch against V2 now, then the list of what to re-create (§3.4),
// pre-filled from what phase 1 noted. Each item is ticked by hand or done
// through V2 (enter, then a confirmation); the result is kept as evidence.
type reconScreen struct {
	client int
	steps  []*checklist.Step
	cursor int
}

// errNothingNoted says a re-creation has no data from phase 1 to work from.
var errNothingNoted = session.ErrNothingNoted

// reconKeys are the reconciliation screen's keys.
type reconKeys struct {
	Up, Down, Do, Tick, Check, PrevClient, NextClient key.Binding
	global                                            globalKeys
}

func newReconKeys(lang checklist.Lang, g globalKeys) reconKeys {
	return reconKeys{
		Up:         upKey(tr(lang, "naviguer", "move")),
		Down:       downKey(lang),
		Do:         key.NewBinding(key.WithKeys("enter"), key.WithHelp(keyEnter(lang), tr(lang, "agir", "act"))),
		Tick:       tickKey(lang, tr(lang, "fait", "done")),
		Check:      key.NewBinding(key.WithKeys("v"), key.WithHelp("v", tr(lang, "contrôler", "check"))),
		PrevClient: prevClientKey(lang),
		NextClient: nextClientKey(lang),
		global:     g,
	}
}

func (k reconKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Do, k.Tick, k.Check, k.PrevClient, k.global.Back, k.global.Help}
}

func (k reconKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Do, k.Tick, k.Check}, {k.PrevClient, k.global.Back, k.global.Help, k.global.Quit}}
}

// reconStatesMsg carries step states read for the phase 3–5 screens.
type reconStatesMsg struct {
	states map[checklist.Ref]checklist.StepState
	err    error
}

// loadStatesCmd reads the states of refs in one command.
func (m *Model) loadStatesCmd(refs []checklist.Ref) tea.Cmd {
	st, ws := m.opts.Store, m.ws.ID
	return func() tea.Msg {
		out := make(map[checklist.Ref]checklist.StepState, len(refs))
		for _, r := range refs {
			s, err := st.StepState(ws, r)
			if err != nil {
				return reconStatesMsg{err: err}
			}
			out[r] = s
		}
		return reconStatesMsg{states: out}
	}
}

func (m *Model) reconStatesLoaded(msg reconStatesMsg) {
	if msg.err != nil {
		return
	}
	for r, s := range msg.states {
		m.migState().states[r] = s
	}
}

// cacheEvidence keeps a job's evidence (and capture) for display at once.
func (m *Model) cacheEvidence(ref checklist.Ref, res jobResult) {
	mg := m.migState()
	st := mg.states[ref]
	ev := res.ev
	st.Evidence = &ev
	if res.capture != nil {
		st.Capture = res.capture
	}
	mg.states[ref] = st
}

// reconRefs are the steps whose states the screen shows: phase 1's
// captures and evidence, and the reconciliation steps.
func (m *Model) reconRefs(ci int) []checklist.Ref {
	var refs []checklist.Ref
	if ci < 0 {
		for _, st := range m.opts.Guide.StepsFor(checklist.ScopeCabinet) {
			if st.Phase == checklist.PhasePreparation || st.Phase == checklist.PhaseReconciliation {
				refs = append(refs, checklist.Ref{Step: st.ID})
			}
		}
		return refs
	}
	c := m.run.Clients[ci]
	for _, st := range m.opts.Guide.ClientSideSteps() {
		if (st.Phase == checklist.PhasePreparation || st.Phase == checklist.PhaseReconciliation) && (st.Scope != checklist.ScopePayment || c.Payment) {
			refs = append(refs, checklist.Ref{Step: st.ID, Client: c.ID})
		}
	}
	return refs
}

func (m *Model) openRecon(ci int) tea.Cmd {
	mg := m.migState()
	r := &reconScreen{client: ci}
	if ci < 0 {
		for _, st := range m.opts.Guide.StepsFor(checklist.ScopeCabinet) {
			if st.Phase == checklist.PhaseReconciliation {
				r.steps = append(r.steps, st)
			}
		}
	} else {
		pay := m.run.Clients[ci].Payment
		for _, st := range m.opts.Guide.ClientSideSteps() {
			if st.Phase == checklist.PhaseReconciliation && (st.Scope != checklist.ScopePayment || pay) {
				r.steps = append(r.steps, st)
			}
		}
	}
	mg.recon = r
	mg.confirm = nil
	m.open(screenRecon)
	var cmd tea.Cmd
	if !m.run.Migrated() {
		cmd = m.setStatus(tr(m.lang, "La validation et la réintégration s'ouvrent une fois la migration confirmée (§3.2) : consultation seulement.",
			"Validation and re-entry open once the migration is confirmed (§3.2): read only."), false)
	}
	return tea.Batch(cmd, m.loadStatesCmd(m.reconRefs(ci)))
}

func (m *Model) reconRef(st *checklist.Step) checklist.Ref {
	r := m.migState().recon
	ref := checklist.Ref{Step: st.ID}
	if r.client >= 0 && st.Scope != checklist.ScopeCabinet {
		ref.Client = m.run.Clients[r.client].ID
	}
	return ref
}

func (m *Model) updateRecon(msg tea.Msg) tea.Cmd {
	mg := m.migState()
	r := mg.recon
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	if mg.confirm != nil {
		c := mg.confirm
		mg.confirm = nil
		if c.undo {
			return m.answerUndo(km, c.ref)
		}
		if yesKey(km) {
			if fn := m.jobFor(c.ref); fn != nil {
				return m.runJob(c.ref, fn)
			}
		}
		return m.setStatus(tr(m.lang, "Rien n'a été fait sur V2.", "Nothing was done on V2."), false)
	}
	k := newReconKeys(m.lang, m.gkeys)
	switch {
	case key.Matches(km, m.gkeys.Back):
		if mg.job != nil {
			return m.cancelJob()
		}
		m.goBack()
		return nil
	case key.Matches(km, k.Up):
		r.cursor = max(0, r.cursor-1)
		return nil
	case key.Matches(km, k.Down):
		r.cursor = min(len(r.steps)-1, r.cursor+1)
		return nil
	case key.Matches(km, k.PrevClient, k.NextClient):
		if r.client < 0 || m.dash == nil {
			return nil
		}
		return m.moveReconClient(key.Matches(km, k.NextClient))
	}
	st := r.steps[r.cursor]
	ref := m.reconRef(st)
	switch {
	case key.Matches(km, k.Tick):
		cur, _ := m.run.Status(ref)
		if cur == checklist.StatusDone {
			mg.confirm = &pendingConfirm{ref: ref, undo: true, text: m.undoQuestion(st.Title.In(m.lang))}
			return nil
		}
		if ev := mg.states[ref].Evidence; ev != nil && isControl(st.ID) && hasGap(ev) {
			return m.setStatus(tr(m.lang, "Un écart ne peut pas être coché fait : rattrapez-le, contrôlez de nouveau, ou marquez l'étape bloquée avec une raison.",
				"A gap cannot be ticked done: fix it, check again, or mark the step blocked with a reason."), true)
		}
		return m.apply(StepChange{Ref: ref, Status: statusPtr(checklist.StatusDone)})
	case key.Matches(km, k.Check, k.Do):
		if err := m.run.CheckTransition(ref, checklist.StatusInProgress, ""); err != nil {
			return m.errStatus(err)
		}
		fn := m.jobFor(ref)
		if fn == nil {
			// A manual step: enter marks it done, as on every list of steps.
			if cur, _ := m.run.Status(ref); cur == checklist.StatusDone || key.Matches(km, k.Check) {
				return m.setStatus(tr(m.lang, "Étape manuelle : pas de contrôle automatique.", "Manual step: no automatic check."), false)
			}
			return m.apply(StepChange{Ref: ref, Status: statusPtr(checklist.StatusDone)})
		}
		if st.Kind == checklist.KindConnectorCheck || key.Matches(km, k.Check) && st.Kind != checklist.KindConnectorAction {
			return m.runJob(ref, fn)
		}
		plan := m.reconPlan(ref)
		text := fmt.Sprintf(tr(m.lang, "Faire sur V2 : %s — %s ? (o/n)", "Do on V2: %s — %s? (y/n)"), st.Title.In(m.lang), plan)
		if ref.Step == checklist.StepReconCabinetInactiveClientsImport && m.writesImport() {
			text = fmt.Sprintf(tr(m.lang, "Écrire le fichier d'import V2 dans %s (comme bascule clients convert) ? (o/n)",
				"Write V2's import file in %s (as bascule clients convert does)? (y/n)"), m.outDir())
		}
		mg.confirm = &pendingConfirm{ref: ref, text: text}
	}
	return nil
}

// moveReconClient opens the previous or next client of the dashboard's rows.
func (m *Model) moveReconClient(next bool) tea.Cmd {
	d := m.dash
	cur := m.migState().recon.client
	pos := -1
	for i, ci := range d.ix.filtered {
		if int(ci) == cur {
			pos = i
			break
		}
	}
	if next {
		pos++
	} else {
		pos--
	}
	if pos < 0 || pos >= len(d.ix.filtered) {
		return nil
	}
	d.cursor = pos
	d.clamp(m.pageRows())
	m.back = m.back[:max(0, len(m.back)-1)]
	m.screen = screenDashboard
	return m.openRecon(int(d.ix.filtered[pos]))
}

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

func (m *Model) viewRecon() (string, help.KeyMap) {
	mg := m.migState()
	r := mg.recon
	k := newReconKeys(m.lang, m.gkeys)
	k.PrevClient.SetEnabled(r.client >= 0)
	k.NextClient.SetEnabled(r.client >= 0)
	var b strings.Builder
	title := tr(m.lang, "Validation et réintégration", "Validation and re-entry")
	if m.width < 100 {
		title = tr(m.lang, "Validation", "Validation") // the client's name matters more
	}
	lead := m.st.Title.Render(title+" §3.3–3.4") + " · "
	if r.client >= 0 {
		b.WriteString(m.clientLine(r.client, lead) + "\n")
	} else {
		b.WriteString(" " + lead + m.st.Header.Render(m.ws.Cabinet.LegalName) + m.st.Muted.Render(tr(m.lang, " · cabinet", " · firm")) + "\n")
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
		line += " · " + nouns(m.lang, hidden, "autre hors de l'écran", "autres hors de l'écran", "more off screen", "more off screen") + " (↑↓)"
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
		out = append(out, " "+m.spin.View()+" "+tr(m.lang, "En cours… (esc pour annuler)", "Working… (esc to cancel)"))
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
		add(checklist.ControlListTitle(false).In(m.lang) + tr(m.lang, " (guide §3.3) : ", " (guide §3.3): ") + strings.Join(redo, " · "))
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
			return fmt.Sprintf(tr(m.lang, "Entrée écrit le fichier d'import V2 depuis %s (comme bascule clients convert) ; importez-le ensuite sur V2.",
				"Enter writes V2's import file from %s (as bascule clients convert does); then import it on V2."), file)
		}
		return fmt.Sprintf(tr(m.lang, "Hors ligne : bascule clients convert --from %s --to import-v2.xlsx, puis importez le fichier sur V2.",
			"Offline: bascule clients convert --from %s --to import-v2.xlsx, then import the file on V2."), file)
	}
	return ""
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
