package report

import (
	"fmt"

	"github.com/bascule-cli/bascule/checklist"
)

// Team is the team's share of the open work, as `bascule status` shows it:
// each person's progress on his portfolio and estimated finish, the
// clients in no portfolio, and the cabinet as a whole. The figures are
// checklist.TeamFigures' (the same rule as status and the team screen);
// the report only puts them into words.
type Team struct {
	People []PersonLine `json:"people"`
	// Unassigned are the clients in no cabinet portfolio; nil when none.
	Unassigned *PersonLine `json:"unassigned,omitempty"`
	// Cabinet is all the open work at everyone's pace.
	Cabinet PersonLine `json:"cabinet"`
	// Method says how the finish dates are estimated: bascule's own method,
	// not the guide's.
	Method string `json:"method"`
}

// PersonLine is one line of the team's figures.
type PersonLine struct {
	Person      string `json:"person,omitempty"`
	Role        string `json:"role,omitempty"`
	Clients     int    `json:"clients"`
	ClientsDone int    `json:"clients_done"`
	StepsDone   int    `json:"steps_done"`
	StepsTotal  int    `json:"steps_total"`
	StepsLeft   int    `json:"steps_left"`
	// Left is the time left by the guide's durations ("reste ≈ 6 h 40").
	Left string `json:"left,omitempty"`
	// Finish is the estimate (checklist.Finish: pace, working days, date);
	// nil for the unassigned clients, whom nobody's pace measures.
	Finish *checklist.Finish `json:"finish,omitempty"`
	// FinishText is the estimate in words, labelled as one ("fin estimée le
	// …"); "aucun client" for a person with an empty portfolio, "" for the
	// unassigned clients.
	FinishText string `json:"finish_text,omitempty"`
}

// teamOf puts a team's figures into words; nil without figures.
func teamOf(f *checklist.TeamFigures, lang checklist.Lang) *Team {
	if f == nil {
		return nil
	}
	t := &Team{People: make([]PersonLine, 0, len(f.People)), Method: checklist.PaceMethod().In(lang)}
	for _, p := range f.People {
		l := personLine(p.Progress, &p.Finish, lang)
		l.Person, l.Role = p.Person, p.Role
		if p.Progress.Clients == 0 {
			// As status says it: an empty portfolio has no finish to estimate.
			l.FinishText = textsOf(lang).NoClient
		}
		t.People = append(t.People, l)
	}
	if f.Unassigned.Clients > 0 {
		l := personLine(f.Unassigned, nil, lang)
		t.Unassigned = &l
	}
	t.Cabinet = personLine(f.Cabinet.Progress, &f.Cabinet.Finish, lang)
	return t
}

func personLine(pr checklist.PortfolioProgress, fin *checklist.Finish, lang checklist.Lang) PersonLine {
	l := PersonLine{Clients: pr.Clients, ClientsDone: pr.ClientsDone, StepsDone: pr.Steps.Done,
		StepsTotal: pr.Steps.Total, StepsLeft: pr.StepsLeft(), Left: pr.Left.Text(lang)}
	if fin != nil {
		f := *fin
		l.Finish, l.FinishText = &f, f.Text(lang)
	}
	return l
}

// teamTitle is the heading of the team's section.
func (r *Report) teamTitle() string {
	return textsOf(r.Lang).TeamOpenWorkBascules
}

// teamRows are the team's lines for a table: who, role, clients finished,
// steps left, time left by the guide, estimated finish.
func (r *Report) teamRows() [][]string {
	t := r.Team
	if t == nil {
		return nil
	}
	row := func(name, role string, l PersonLine) []string {
		return []string{name, orDash(role),
			checklist.FormatInt(r.Lang, l.ClientsDone) + "/" + checklist.FormatInt(r.Lang, l.Clients),
			checklist.FormatInt(r.Lang, l.StepsLeft), orDash(l.Left), orDash(l.FinishText)}
	}
	out := make([][]string, 0, len(t.People)+2)
	for _, p := range t.People {
		out = append(out, row(p.Person, p.Role, p))
	}
	if t.Unassigned != nil {
		out = append(out, row(textsOf(r.Lang).Unassigned, "", *t.Unassigned))
	}
	return append(out, row(textsOf(r.Lang).FirmEveryone, "", t.Cabinet))
}

// teamHeads are the team table's column titles.
func (r *Report) teamHeads() []string {
	return []string{textsOf(r.Lang).Person, textsOf(r.Lang).Role, textsOf(r.Lang).ClientsFinished,
		textsOf(r.Lang).StepsLeft, textsOf(r.Lang).LeftGuidesDurations,
		textsOf(r.Lang).EstimatedFinish}
}

// teamDate is the estimated finish date of a line for a CSV cell; "" when
// there is none.
func (r *Report) teamDate(l PersonLine) string {
	if l.Finish == nil || !l.Finish.Known {
		return ""
	}
	return checklist.FormatDate(r.Lang, l.Finish.At)
}

// teamCSV writes the team's lines into the CSV's columns: the person in the
// element column, the clients finished in the state column, the time left
// and the estimate in the detail, the estimated date in the date column.
func (r *Report) teamCSV(put func(cells ...string)) {
	if r.Team == nil {
		return
	}
	sec := textsOf(r.Lang).Team
	lines := append([]PersonLine(nil), r.Team.People...)
	names := make([]string, 0, len(lines)+2)
	for _, p := range r.Team.People {
		names = append(names, fmt.Sprintf("%s (%s)", p.Person, orDash(p.Role)))
	}
	if u := r.Team.Unassigned; u != nil {
		lines, names = append(lines, *u), append(names, textsOf(r.Lang).Unassigned)
	}
	lines, names = append(lines, r.Team.Cabinet), append(names, textsOf(r.Lang).FirmEveryone)
	for i, l := range lines {
		state := checklist.FormatInt(r.Lang, l.ClientsDone) + "/" + counted(r.Lang, l.Clients, textsOf(r.Lang).ClientFinishedOne, textsOf(r.Lang).ClientFinishedMany)
		detail := joinNonEmpty(" ; ", counted(r.Lang, l.StepsLeft, textsOf(r.Lang).StepLeftOne, textsOf(r.Lang).StepLeftMany), l.Left, l.FinishText)
		put(sec, "", "", "", names[i], "", "", state, detail, r.teamDate(l))
	}
	put(sec, "", "", "", textsOf(r.Lang).HowTheEstimateIs, "", "", "", r.Team.Method, "")
}

// inCharge maps each client to the person of the cabinet whose portfolio
// holds it. A company's user holds his own dossier, not the cabinet's work:
// he is left out. The store keeps a client in one cabinet portfolio at
// most; were it in two, the first in the team's order is named.
func inCharge(ps []checklist.Portfolio) map[string]string {
	out := map[string]string{}
	for _, p := range ps {
		if p.Role == checklist.PortfolioRoleCompany {
			continue
		}
		for _, id := range p.Clients {
			if _, ok := out[id]; !ok {
				out[id] = p.Person
			}
		}
	}
	return out
}

// inChargeText is "suivi par Claire" for a client held in a portfolio; ""
// otherwise.
func (r *Report) inChargeText(c Client) string {
	if c.InCharge == "" {
		return ""
	}
	return textsOf(r.Lang).HandledBy2 + c.InCharge
}
