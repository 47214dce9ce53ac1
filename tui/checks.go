package tui

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
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

// checkFunc runs one check with values captured when it started.
type checkFunc func(ctx context.Context) (checklist.Evidence, *int, error)

// errNoPort says the workspace's mode has no connector for this check.
var errNoPort = errors.New("no connector")

// checkFor returns the check of a step instance, or nil when the step has
// none that bascule can run.
func (m *Model) checkFor(ref checklist.Ref) checkFunc {
	v1, v2, now := m.ports.V1, m.ports.V2, m.opts.Now
	var cab connectors.Cabinet
	if m.ws != nil {
		cab = m.ws.Cabinet
	}
	switch ref.Step {
	case "preparation.client.pending_invoices":
		id := ref.Client
		return func(ctx context.Context) (checklist.Evidence, *int, error) {
			if v1 == nil {
				return checklist.Evidence{}, nil, errNoPort
			}
			return checkPendingInvoices(ctx, v1, id, now)
		}
	case "preparation.client.articles":
		id := ref.Client
		return func(ctx context.Context) (checklist.Evidence, *int, error) {
			if v1 == nil {
				return checklist.Evidence{}, nil, errNoPort
			}
			ev, err := checkArticles(ctx, v1, id, now)
			return ev, nil, err
		}
	case "registration.identity", "registration.activate", "registration.cabinet_dossier":
		step := ref.Step
		return func(ctx context.Context) (checklist.Evidence, *int, error) {
			if v2 == nil {
				return checklist.Evidence{}, nil, errNoPort
			}
			ev, err := checkRegistration(ctx, v2, step, cab, now)
			return ev, nil, err
		}
	}
	return nil
}

// checkPendingInvoices counts the invoices still awaiting acceptance on V1
// (§2, item 1): they would not be transferred.
func checkPendingInvoices(ctx context.Context, v1 connectors.V1, clientID string, now func() time.Time) (checklist.Evidence, *int, error) {
	snap, err := v1.ClientSnapshot(ctx, clientID)
	if err != nil {
		return checklist.Evidence{}, nil, err
	}
	p, s := snap.Invoices.Purchases.Pending, snap.Invoices.Sales.Pending
	n := p + s
	ev := checklist.Evidence{Source: "v1", At: now(), OK: n == 0, Facts: map[string]string{
		"pending_purchases": itoa(p), "pending_sales": itoa(s)}}
	if n > 0 {
		ev.Findings = []checklist.Finding{{Code: "pending_invoices", Count: n}}
	}
	return ev, &n, nil
}

// checkArticles looks for articles V2 would not accept as they are (§2, item 2).
func checkArticles(ctx context.Context, v1 connectors.V1, clientID string, now func() time.Time) (checklist.Evidence, error) {
	snap, err := v1.ClientSnapshot(ctx, clientID)
	if err != nil {
		return checklist.Evidence{}, err
	}
	byProblem := map[connectors.ArticleProblem]int{}
	bad := 0
	for _, a := range snap.Articles {
		if len(a.Problems) > 0 {
			bad++
		}
		for _, p := range a.Problems {
			byProblem[p]++
		}
	}
	ev := checklist.Evidence{Source: "v1", At: now(), OK: bad == 0, Facts: map[string]string{
		"articles": itoa(len(snap.Articles)), "articles_with_problems": itoa(bad)}}
	for _, p := range connectors.ArticleProblems() {
		if n := byProblem[p]; n > 0 {
			ev.Findings = append(ev.Findings, checklist.Finding{Code: string(p), Count: n, Detail: p.FrenchLabel()})
		}
	}
	return ev, nil
}

// checkRegistration reads the registration on V2 (§3.1). For the identity
// step it compares what V2 pre-filled with the workspace's cabinet.
func checkRegistration(ctx context.Context, v2 connectors.V2, step string, cab connectors.Cabinet, now func() time.Time) (checklist.Evidence, error) {
	reg, err := v2.Registration(ctx)
	if err != nil {
		return checklist.Evidence{}, err
	}
	ev := checklist.Evidence{Source: "v2", At: now(), Facts: map[string]string{}}
	switch step {
	case "registration.identity":
		id := reg.Identity
		ev.Facts["siren"] = id.SIREN
		ev.Facts["legal_name"] = id.LegalName
		ev.Facts["manager_email"] = id.ManagerEmail
		if !reg.Registered {
			ev.Findings = append(ev.Findings, checklist.Finding{Code: "not_registered"})
		}
		if ident.NormalizeSIREN(id.SIREN) != ident.NormalizeSIREN(cab.SIREN) {
			ev.Findings = append(ev.Findings, checklist.Finding{Code: "siren_mismatch", Detail: id.SIREN + " ≠ " + cab.SIREN})
		}
		if !sameName(id.LegalName, cab.LegalName) {
			ev.Findings = append(ev.Findings, checklist.Finding{Code: "legal_name_mismatch", Detail: id.LegalName + " ≠ " + cab.LegalName})
		}
		if ident.NormalizeEmail(id.ManagerEmail) != ident.NormalizeEmail(cab.ManagerEmail) {
			ev.Findings = append(ev.Findings, checklist.Finding{Code: "manager_email_mismatch", Detail: id.ManagerEmail + " ≠ " + cab.ManagerEmail})
		}
	case "registration.activate":
		ev.Facts["space_activated"] = yesNo(reg.SpaceActivated)
		if !reg.SpaceActivated {
			ev.Findings = append(ev.Findings, checklist.Finding{Code: "space_not_activated"})
		}
	case "registration.cabinet_dossier":
		ev.Facts["cabinet_dossier_created"] = yesNo(reg.CabinetDossierCreated)
		if !reg.CabinetDossierCreated {
			ev.Findings = append(ev.Findings, checklist.Finding{Code: "cabinet_dossier_missing"})
		}
	}
	ev.OK = len(ev.Findings) == 0
	return ev, nil
}

func yesNo(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// sameName compares two legal names as a person would: case, accents and
// runs of spaces do not count.
func sameName(a, b string) bool {
	return strings.Join(strings.Fields(fold(a)), " ") == strings.Join(strings.Fields(fold(b)), " ")
}

// startCheck runs a step's check in a command, with a spinner and a context
// that esc cancels.
func (m *Model) startCheck(ref checklist.Ref) tea.Cmd {
	fn := m.checkFor(ref)
	if fn == nil {
		return m.setStatus(tr(m.lang, "Pas de vérification automatique pour cette étape : cochez-la à la main.",
			"No automatic check for this step: tick it by hand."), false)
	}
	if m.check != nil {
		m.cancelCheckQuiet()
	}
	id := m.ids.take()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	m.ids.cancels[id] = cancel
	m.check = &runningCheck{id: id, ref: ref}
	run := func() tea.Msg {
		ev, pending, err := fn(ctx)
		return checkDoneMsg{id: id, ref: ref, ev: ev, pending: pending, err: err}
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
	return m.setStatus(tr(m.lang, "Vérification annulée.", "Check cancelled."), false)
}

// checkDone keeps the evidence of the current check and drops stale ones.
// A check that finds nothing wrong marks the step done; otherwise the step
// keeps the evidence and stays to do.
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
			return m.setStatus(tr(m.lang, "Aucun connecteur pour cette vérification dans ce mode : cochez l'étape à la main.",
				"No connector for this check in this mode: tick the step by hand."), true)
		}
		return m.setStatus(tr(m.lang, "Vérification impossible : ", "Check failed: ")+m.errText(msg.err), true)
	}
	ev := msg.ev
	ch := StepChange{Ref: msg.ref, Evidence: &ev}
	if ev.OK {
		if err := m.run.CheckTransition(msg.ref, checklist.StatusDone, ""); err == nil {
			ch.Status = statusPtr(checklist.StatusDone)
		}
	} else if cur, err := m.run.Status(msg.ref); err == nil && cur == checklist.StatusTodo {
		ch.Status = statusPtr(checklist.StatusInProgress)
	}
	return m.applyCmd(ch, msg.pending)
}

// evidenceLines renders evidence for the step's detail pane.
func (m *Model) evidenceLines(ev *checklist.Evidence) []string {
	src := strings.ToUpper(ev.Source)
	head := fmt.Sprintf(tr(m.lang, "Vérifié sur %s le %s", "Checked on %s, %s"), src, fmtClock(m.lang, ev.At))
	if ev.OK {
		head += " " + m.st.OK.Render("✓ "+tr(m.lang, "conforme", "ok"))
	} else {
		head += " " + m.st.Warn.Render("⚠ "+tr(m.lang, "à reprendre", "needs work"))
	}
	lines := []string{head}
	keys := make([]string, 0, len(ev.Facts))
	for k := range ev.Facts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var facts []string
	for _, k := range keys {
		facts = append(facts, factLabel(m.lang, k)+" : "+factValue(m.lang, ev.Facts[k]))
	}
	if len(facts) > 0 {
		lines = append(lines, "  "+strings.Join(facts, " · "))
	}
	for _, f := range ev.Findings {
		l := "  ✗ " + findingLabel(m.lang, f.Code)
		if f.Count > 0 {
			l += " (" + itoa(f.Count) + ")"
		}
		if f.Detail != "" && f.Detail != findingLabel(m.lang, f.Code) {
			l += " : " + f.Detail
		}
		lines = append(lines, m.st.Warn.Render(l))
	}
	return lines
}

func factValue(lang checklist.Lang, v string) string {
	switch v {
	case "true":
		return tr(lang, "oui", "yes")
	case "false":
		return tr(lang, "non", "no")
	}
	return v
}

func factLabel(lang checklist.Lang, k string) string {
	switch k {
	case "pending_purchases":
		return tr(lang, "achats en attente", "pending purchases")
	case "pending_sales":
		return tr(lang, "ventes en attente", "pending sales")
	case "articles":
		return tr(lang, "articles", "articles")
	case "articles_with_problems":
		return tr(lang, "articles à revoir", "articles to review")
	case "siren":
		return tr(lang, "SIREN sur V2", "SIREN on V2")
	case "legal_name":
		return tr(lang, "raison sociale sur V2", "legal name on V2")
	case "manager_email":
		return tr(lang, "e-mail du responsable sur V2", "manager e-mail on V2")
	case "space_activated":
		return tr(lang, "espace cabinet actif", "firm space active")
	case "cabinet_dossier_created":
		return tr(lang, "dossier du cabinet créé", "firm dossier created")
	}
	return k
}

func findingLabel(lang checklist.Lang, code string) string {
	switch code {
	case "pending_invoices":
		return tr(lang, "factures en attente d'acceptation", "invoices awaiting acceptance")
	case "not_registered":
		return tr(lang, "cabinet pas encore inscrit sur V2", "firm not registered on V2 yet")
	case "siren_mismatch":
		return tr(lang, "SIREN différent", "SIREN differs")
	case "legal_name_mismatch":
		return tr(lang, "raison sociale différente", "legal name differs")
	case "manager_email_mismatch":
		return tr(lang, "e-mail du responsable différent", "manager e-mail differs")
	case "space_not_activated":
		return tr(lang, "espace cabinet pas encore activé", "firm space not activated yet")
	case "cabinet_dossier_missing":
		return tr(lang, "dossier du cabinet absent sur V2", "firm dossier missing on V2")
	}
	p := connectors.ArticleProblem(code)
	if lang == checklist.English {
		return p.EnglishLabel()
	}
	return p.FrenchLabel()
}
