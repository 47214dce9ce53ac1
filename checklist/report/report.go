package report

import (
	"fmt"
	"sort"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/workdays"
)

// Entry is one audit event as the report shows it. Callers convert their own
// event records into entries; the report never reads a database.
type Entry struct {
	At     time.Time `json:"at"`
	By     string    `json:"by,omitempty"`
	Client string    `json:"client,omitempty"` // client id, empty for the cabinet
	Step   string    `json:"step,omitempty"`
	// Action is the store's id of what happened ("step.update",
	// "gate.override", "request.update", "dossiers.put"...).
	Action string `json:"action"`
	From   string `json:"from,omitempty"`
	To     string `json:"to,omitempty"`
	// Detail is the store's own detail ("raison : …", "note modifiée").
	Detail string `json:"detail,omitempty"`
	// Text is the event as a sentence with names and titles, in the
	// report's language; Build writes it.
	Text string `json:"text"`
}

// Cabinet identifies the firm the report is about, as the report writes it:
// not a second cabinet record (that is checklist.Cabinet) but the report's
// heading, whose JSON keys ("name", "operator") scripts read from `report
// --format json` and `status --json`. CabinetOf is its one constructor.
type Cabinet struct {
	Name         string `json:"name"`
	SIREN        string `json:"siren"`
	ManagerEmail string `json:"manager_email,omitempty"`
	Operator     string `json:"operator,omitempty"`
}

// CabinetOf is the report's heading for a workspace: its cabinet and its
// operator.
func CabinetOf(ws checklist.Workspace) Cabinet {
	return Cabinet{Name: ws.Cabinet.LegalName, SIREN: ws.Cabinet.SIREN, ManagerEmail: ws.Cabinet.ManagerEmail, Operator: ws.Operator}
}

// Input is what Build needs. Everything outside (names, notes, reasons) is
// expected to be sanitised already by the adapter it came from.
type Input struct {
	Run       *checklist.Run
	Cabinet   Cabinet
	Workspace string
	Demo      bool
	// Entries are the audit events to show, oldest first; Since is the start
	// of the session they cover (zero: the whole history).
	Entries []Entry
	Since   time.Time
	// States are the step records (notes, reasons, captures, evidence), as
	// LoadStates reads them; nil leaves them out of the report.
	States States
	Now    time.Time
	Lang   checklist.Lang
	// Reveal keeps IBANs in full. By default every IBAN, in any field, is
	// masked to its country, check digits and last four characters.
	Reveal bool
	// Location is the time zone dates are written in; nil means Europe/Paris.
	Location *time.Location
	// Team is the team's figures as `bascule status` computes them
	// (checklist.Run.TeamFigures over the audit of the pace's window, at
	// Now); nil when the workspace has no team, which leaves the section out.
	Team *checklist.TeamFigures
	// Portfolios are the team's portfolios: each client names the person of
	// the cabinet who holds it. nil without a team.
	Portfolios []checklist.Portfolio
}

// Report is the migration report in one language. Its JSON form uses English
// snake_case keys; states and kinds are stable ids, titles are in Lang.
type Report struct {
	Lang        checklist.Lang `json:"lang"`
	Workspace   string         `json:"workspace,omitempty"`
	Demo        bool           `json:"demo,omitempty"`
	GeneratedAt time.Time      `json:"generated_at"`
	Since       *time.Time     `json:"since,omitempty"`
	Cabinet     Cabinet        `json:"cabinet"`
	Revealed    bool           `json:"ibans_revealed"`
	// Migrated says the migration request succeeded: V2 holds the dossiers.
	Migrated bool `json:"migrated"`

	Overall Progress   `json:"overall"`
	Phases  []Progress `json:"phases"`
	Next    *Next      `json:"next,omitempty"`
	Due     *Due       `json:"answer_due,omitempty"`
	// Team is who has how much left and when each should finish, by
	// bascule's estimate; absent when the workspace has no team.
	Team     *Team     `json:"team,omitempty"`
	Blockers []Blocker `json:"blockers"`
	// BlockerSummary is the blockers in a few lines, counted by kind
	// ("12 clients ont des factures en attente").
	BlockerSummary []string `json:"blocker_summary"`
	// BlockerGroups are the same lines with the first clients named.
	BlockerGroups []BlockerGroup `json:"blocker_groups"`

	// CabinetSteps are the cabinet's step records.
	CabinetSteps []StepRecord `json:"cabinet_steps"`
	CabinetLines []Line       `json:"cabinet_summary"`
	CompanyLines []LineTotal  `json:"company_summary"`
	// Control is the guide's two §3.3 lists: what V2 should now hold by
	// itself, and what must be redone by hand.
	Control   []ControlList `json:"control_lists"`
	Clients   []Client      `json:"clients"`
	Overrides []Override    `json:"overrides"`
	Audit     []Entry       `json:"audit"`

	loc *time.Location
}

// Progress is a tally as the report shows it.
type Progress struct {
	ID        string `json:"id,omitempty"`
	Title     string `json:"title,omitempty"`
	Done      int    `json:"done"`
	Total     int    `json:"total"`
	Blocked   int    `json:"blocked"`
	Percent   int    `json:"percent"`
	Remaining string `json:"remaining,omitempty"` // "≈ 6 h 40 + 12 étapes non chiffrées"
	// Left is the same as a phrase: "reste ≈ 6 h 40", "attente de la
	// réponse, estimée le …" while the request's answer is awaited.
	Left string `json:"left,omitempty"`
	// Open says whether the phase can be worked on yet (reconciliation opens
	// after the migration).
	Open bool `json:"open"`
}

// Next is the recommended next step.
type Next struct {
	Step   string `json:"step"`
	Title  string `json:"title"`
	Client string `json:"client,omitempty"`
	Name   string `json:"client_name,omitempty"`
}

// Due is the estimated date of the answer to the migration request.
type Due struct {
	At       time.Time `json:"at"`
	Estimate bool      `json:"estimate"`
	Late     bool      `json:"late"`
}

// Blocker is one reason the migration request cannot be sent.
type Blocker struct {
	Kind    string `json:"kind"`
	Client  string `json:"client,omitempty"`
	Step    string `json:"step,omitempty"`
	Count   int    `json:"count,omitempty"`
	Message string `json:"message"`
}

// Override is a gate passed despite its blockers, with its reason.
type Override struct {
	Gate   string    `json:"gate"`
	Title  string    `json:"title,omitempty"` // the gate for the reader
	Reason string    `json:"reason"`
	By     string    `json:"by,omitempty"`
	At     time.Time `json:"at"`
}

// Line is one line of the §4 table with where it stands for one party.
type Line struct {
	ID       string `json:"id"`
	Element  string `json:"element"`
	Migrated string `json:"migrated"` // yes, no, not_applicable
	Action   string `json:"action,omitempty"`
	State    string `json:"state"` // todo, in_progress, done, blocked, not_applicable
}

// LineTotal is one company-side line of the §4 table counted over clients.
type LineTotal struct {
	ID         string `json:"id"`
	Element    string `json:"element"`
	Migrated   string `json:"migrated"`
	Action     string `json:"action,omitempty"`
	Done       int    `json:"done"`       // clients for whom it is done
	Applicable int    `json:"applicable"` // clients it applies to
	InProgress int    `json:"in_progress"`
	Blocked    int    `json:"blocked"`
}

// Client is one client dossier in the report.
type Client struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	SIREN   string `json:"siren"`
	Payment bool   `json:"payment"`
	// PendingInvoices is the last count found on V1, -1 when never checked.
	PendingInvoices int `json:"pending_invoices"`
	// LeftV1 says the client was missing from V1's client list at the last
	// refresh (the dossier is kept; the user decides).
	LeftV1 bool `json:"left_v1,omitempty"`
	// InCharge is the person of the cabinet whose portfolio holds the
	// client (a team's admin or collaborator); "" when none does.
	InCharge string `json:"in_charge,omitempty"`
	Done     int    `json:"done"`
	Total    int    `json:"total"`
	Percent  int    `json:"percent"`
	Lines    []Line `json:"lines"`
	// IBANs are the external accounts noted before the switch, to enter
	// again after it (§3.4 item 4).
	IBANs []string `json:"ibans,omitempty"`
	// Steps are the client's step records: status, reason, note, captured
	// values and evidence, wherever something was recorded.
	Steps []StepRecord `json:"steps"`
	// Left is what is still open for the client, and who does it.
	Left []LeftStep `json:"left"`
}

// LeftStep is one step still open for a client.
type LeftStep struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Phase  string `json:"phase"`
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
	Actor  string `json:"actor"`
	Who    string `json:"who"`
	// Open is false for steps that open after the migration.
	Open bool `json:"open"`
}

// States of a §4 line for one party.
const (
	StateTodo          = "todo"
	StateInProgress    = "in_progress"
	StateDone          = "done"
	StateBlocked       = "blocked"
	StateNotApplicable = "not_applicable"
)

// Build computes the report. It does not change in.Run.
func Build(in Input) Report {
	lang := in.Lang
	if lang == "" {
		lang = checklist.French
	}
	loc := in.Location
	if loc == nil {
		loc = workdays.Paris()
	}
	run := in.Run
	g := run.Guide
	r := Report{
		Lang:        lang,
		Workspace:   in.Workspace,
		Demo:        in.Demo,
		GeneratedAt: in.Now.In(loc),
		Cabinet:     in.Cabinet,
		Revealed:    in.Reveal,
		Migrated:    run.Migrated(),
		loc:         loc,
	}
	if !in.Since.IsZero() {
		s := in.Since.In(loc)
		r.Since = &s
	}

	p := run.Progress()
	r.Overall = progressOf(p.All, checklist.LeftOf(p.All), "", "", lang, true)
	for _, ph := range checklist.Phases() {
		open := ph != checklist.PhaseReconciliation && ph != checklist.PhaseSummary || run.Migrated()
		r.Phases = append(r.Phases, progressOf(p.Phase(ph), run.PhaseLeft(p, ph, in.Now), ph.String(), ph.Title().In(lang), lang, open))
	}
	if n, ok := run.NextStep(); ok {
		nx := &Next{Step: n.Step.ID, Title: n.Step.Title.In(lang)}
		if n.Client != nil {
			nx.Client, nx.Name = n.Client.ID, n.Client.Name
		}
		r.Next = nx
	}
	if d, ok := run.AnswerDue(); ok && !run.Migrated() {
		r.Due = &Due{At: d.At.In(loc), Estimate: d.Estimate, Late: d.Late(in.Now)}
	}
	r.Team = teamOf(in.Team, lang)
	bs := run.RequestBlockers()
	r.Blockers = make([]Blocker, 0, len(bs))
	for _, b := range bs {
		r.Blockers = append(r.Blockers, Blocker{Kind: string(b.Kind), Client: b.Client, Step: b.Step, Count: b.Count, Message: b.Message.In(lang)})
	}
	r.BlockerSummary = SummariseBlockers(bs, lang)
	r.BlockerGroups = groupBlockers(run, bs, lang)
	r.CabinetSteps = cabinetRecords(run, in.States, lang, loc)

	var cabinetLines, companyLines []checklist.SummaryLine
	for _, l := range g.Table {
		if l.Environment == checklist.EnvCabinet {
			cabinetLines = append(cabinetLines, l)
		} else {
			companyLines = append(companyLines, l)
		}
	}
	r.CabinetLines = make([]Line, 0, len(cabinetLines))
	for _, l := range cabinetLines {
		r.CabinetLines = append(r.CabinetLines, lineOf(l, lang, lineState(run, l, -1)))
	}
	totals := make([]LineTotal, len(companyLines))
	for i, l := range companyLines {
		totals[i] = LineTotal{ID: l.ID, Element: l.Element.In(lang), Migrated: l.Migrated.String(), Action: l.Action.In(lang)}
	}
	holder := inCharge(in.Portfolios)
	r.Clients = make([]Client, 0, len(run.Clients))
	for ci := range run.Clients {
		c := &run.Clients[ci]
		cl := Client{ID: c.ID, Name: c.Name, SIREN: c.SIREN, Payment: c.Payment, PendingInvoices: c.PendingInvoices, LeftV1: c.LeftV1,
			InCharge: holder[c.ID]}
		var t checklist.Tally
		for _, pt := range run.ClientProgress(ci) {
			t.Done += pt.Done
			t.Total += pt.Total
		}
		cl.Done, cl.Total, cl.Percent = t.Done, t.Total, t.Percent()
		cl.Lines = make([]Line, 0, len(companyLines))
		for i, l := range companyLines {
			st := lineState(run, l, ci)
			cl.Lines = append(cl.Lines, lineOf(l, lang, st))
			if st != StateNotApplicable {
				totals[i].Applicable++
			}
			switch st {
			case StateDone:
				totals[i].Done++
			case StateBlocked:
				totals[i].Blocked++
			case StateInProgress:
				totals[i].InProgress++
			}
		}
		cl.Steps, cl.Left = clientRecords(run, ci, in.States, lang, loc)
		cl.IBANs = ibansOf(cl.Steps)
		r.Clients = append(r.Clients, cl)
	}
	r.CompanyLines = totals
	r.Control = controlLists(g, lang)

	r.Overrides = make([]Override, 0, len(run.Overrides))
	for _, o := range run.Overrides {
		r.Overrides = append(r.Overrides, Override{Gate: o.Gate, Title: run.GateTitle(o.Gate).In(lang), Reason: o.Reason, By: o.By, At: o.At.In(loc)})
	}
	r.Audit = make([]Entry, 0, len(in.Entries))
	for _, e := range in.Entries {
		if !in.Since.IsZero() && e.At.Before(in.Since) {
			continue
		}
		e.At = e.At.In(loc)
		e.Text = Sentence(run, e, lang)
		r.Audit = append(r.Audit, e)
	}
	sort.SliceStable(r.Audit, func(i, j int) bool { return r.Audit[i].At.Before(r.Audit[j].At) })

	if !in.Reveal {
		r.maskIBANs()
	}
	return r
}

func progressOf(t checklist.Tally, left checklist.TimeLeft, id, title string, lang checklist.Lang, open bool) Progress {
	return Progress{ID: id, Title: title, Done: t.Done, Total: t.Total, Blocked: t.Blocked, Percent: t.Percent(), Open: open,
		Remaining: left.Amount(lang), Left: left.Text(lang)}
}

func lineOf(l checklist.SummaryLine, lang checklist.Lang, state string) Line {
	return Line{ID: l.ID, Element: l.Element.In(lang), Migrated: l.Migrated.String(), Action: l.Action.In(lang), State: state}
}

// lineState says where a §4 line stands for the cabinet (ci < 0) or the
// client at index ci, from the statuses of the steps that handle it. Steps
// of another scope count too: a company line handled by a cabinet step
// ("Accès à l'ancien espace entreprise") follows that step.
func lineState(run *checklist.Run, l checklist.SummaryLine, ci int) string {
	var applicable, resolved, notApplicable, blocked, started int
	for _, id := range l.Steps {
		s, ok := run.Guide.Step(id)
		if !ok {
			continue
		}
		ref := checklist.Ref{Step: id}
		if s.Scope != checklist.ScopeCabinet {
			if ci < 0 {
				continue
			}
			if s.Scope == checklist.ScopePayment && !run.Clients[ci].Payment {
				continue
			}
			ref.Client = run.Clients[ci].ID
		}
		st, err := run.Status(ref)
		if err != nil {
			continue
		}
		applicable++
		switch st {
		case checklist.StatusNotApplicable:
			notApplicable++
			resolved++
		case checklist.StatusDone:
			resolved++
			started++
		case checklist.StatusBlocked:
			blocked++
		case checklist.StatusInProgress:
			started++
		}
	}
	switch {
	case applicable == 0 || notApplicable == applicable:
		return StateNotApplicable
	case resolved == applicable:
		return StateDone
	case blocked > 0:
		return StateBlocked
	case started > 0:
		return StateInProgress
	}
	return StateTodo
}

// FormatDuration writes a guide duration the way the dashboard does:
// "6 h 40", "25 min", "3 h".
func FormatDuration(d time.Duration) string {
	m := int(d.Round(time.Minute) / time.Minute)
	switch {
	case m < 60:
		return fmt.Sprintf("%d min", m)
	case m%60 == 0:
		return fmt.Sprintf("%d h", m/60)
	}
	return fmt.Sprintf("%d h %02d", m/60, m%60)
}
