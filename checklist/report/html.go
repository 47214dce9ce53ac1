package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"
)

// htmlStyle is shared by the cabinet report and the client fiches: inline,
// nothing loaded from elsewhere (no font, image or script), so that the file
// opens offline and prints the same everywhere. The print rules size it for
// A4, repeat table headers on each page, keep rows whole and start each
// fiche on a new page.
const htmlStyle = `<style>
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #c9ccd1; --ok: #1b6e3a; --warn: #8a5300; --bad: #a1241b; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 10pt; color: var(--ink); margin: 0 auto; max-width: 190mm; padding: 8mm 0; line-height: 1.3; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 1.5pt solid var(--ink); padding-bottom: 1mm; page-break-after: avoid; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 3mm 0 1mm; page-break-after: avoid; break-after: avoid; }
p { margin: 1mm 0; }
p.meta { color: var(--muted); margin: 0 0 1mm; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; }
thead { display: table-header-group; }
tr, li { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 0.5pt solid var(--line); padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eef0f3; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
ul { margin: 1mm 0 2mm; padding-left: 6mm; }
.bar { display: inline-block; width: 30mm; height: 2.5mm; border: 0.5pt solid var(--muted); vertical-align: middle; margin-right: 2mm; }
.bar span { display: block; height: 100%; background: var(--ink); }
.state-done { color: var(--ok); }
.state-blocked { color: var(--bad); font-weight: 600; }
.state-in_progress, .state-todo { color: var(--warn); }
.state-not_applicable { color: var(--muted); }
.late { color: var(--bad); font-weight: 600; }
.muted { color: var(--muted); }
.nowrap { white-space: nowrap; }
section.fiche { font-size: 9pt; page-break-before: always; break-before: page; }
section.fiche:first-of-type { page-break-before: auto; break-before: auto; }
section.fiche h1 { font-size: 14pt; }
section.fiche h2 { font-size: 11pt; margin-top: 4mm; }
footer { margin-top: 6mm; color: var(--muted); font-size: 8.5pt; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
</style>`

// htmlTemplate is the cabinet report. It stays a few pages whatever the
// number of clients: each §4 line is counted across clients, blockers are
// grouped by kind with the first clients named, and the clients' notes and
// the journal are cut after a few dozen lines. The full detail per client is
// in the CSV and JSON reports and in the fiches (WriteFiches).
const htmlTemplate = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} — {{.R.Cabinet.Name}}</title>
{{.Style}}
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p><strong>{{.Header}}</strong></p>
<p class="meta">{{.Generated}}</p>
<p class="meta">{{.IBANNote}}</p>
</header>

<section>
<h2>{{.T.Progress}}</h2>
<table>
<thead><tr><th>{{.T.Phase}}</th><th>{{.T.Progress}}</th><th class="num">{{.T.Done}}</th><th class="num">{{.T.Blocked}}</th><th>{{.T.Left}}</th></tr></thead>
<tbody>
{{range .Phases}}<tr><td>{{.Title}}</td><td><span class="bar"><span style="width: {{.Width}}"></span></span>{{.Percent}} %</td><td class="num">{{.Done}}/{{.Total}}</td><td class="num">{{.Blocked}}</td><td>{{.Left}}</td></tr>
{{end}}<tr><th>{{.T.Total}}</th><th>{{.Overall.Percent}} %</th><th class="num">{{.Overall.Done}}/{{.Overall.Total}}</th><th class="num">{{.Overall.Blocked}}</th><th>{{.Overall.Left}}</th></tr>
</tbody>
</table>
<p><strong>{{.T.Next}}</strong> {{.Next}}</p>
{{if .Due}}<p><strong>{{.T.Due}}</strong> <span{{if .Late}} class="late"{{end}}>{{.Due}}</span></p>{{end}}
</section>

{{if .TeamRows}}<section>
<h2>{{.TeamTitle}}</h2>
<table>
<thead><tr>{{range .TeamHeads}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .TeamRows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
<p class="muted">{{.R.Team.Method}}</p>
</section>

{{end}}<section>
<h2>{{.T.Blockers}}</h2>
{{if .R.BlockerGroups}}<ul>
{{range .Groups}}<li><strong>{{.Text}}</strong>{{if .Names}} : {{.Names}}{{end}}</li>
{{end}}</ul>{{else}}<p>{{.T.NoBlocker}}</p>{{end}}
</section>

<section>
<h2>{{.T.CabinetSummary}}</h2>
<table>
<thead><tr><th>{{.T.Element}}</th><th>{{.T.Migrated}}</th><th>{{.T.Action}}</th><th>{{.T.State}}</th></tr></thead>
<tbody>
{{range .Cabinet}}<tr><td>{{.Element}}</td><td>{{.Migrated}}</td><td>{{.Action}}</td><td class="state-{{.StateID}}">{{.State}}</td></tr>
{{end}}</tbody>
</table>
{{if .CabinetSteps}}<h3>{{.T.NotedCabinet}}</h3>
<table>
<thead><tr><th>{{.T.Step}}</th><th>{{.T.Recorded}}</th></tr></thead>
<tbody>
{{range .CabinetSteps}}<tr><td>{{.Title}}</td><td>{{range $i, $p := .Parts}}{{if $i}}<br>{{end}}{{$p}}{{end}}</td></tr>
{{end}}</tbody>
</table>{{end}}
<h2>{{.T.CompanySummary}} — {{len .R.Clients}} {{.T.ClientsWord}}</h2>
<table>
<thead><tr><th>{{.T.Element}}</th><th>{{.T.Migrated}}</th><th>{{.T.Action}}</th><th class="num">{{.T.Done}}</th><th class="num">{{.T.InProgress}}</th><th class="num">{{.T.Blocked}}</th><th class="num">{{.T.Applicable}}</th></tr></thead>
<tbody>
{{range .Company}}<tr><td>{{.Element}}</td><td>{{.Migrated}}</td><td>{{.Action}}</td><td class="num">{{.Done}}</td><td class="num">{{.InProgress}}</td><td class="num">{{.BlockedN}}</td><td class="num">{{.Applicable}}</td></tr>
{{end}}</tbody>
</table>
{{range .R.Control}}<h3>{{.Title}} <small>({{.Source}})</small></h3>
<ul>{{range .Items}}<li>{{.}}</li>{{end}}</ul>
{{end}}</section>

<section>
<h2>{{.T.ClientNotes}}</h2>
{{if .Notes}}<table>
<thead><tr><th>{{.T.Client}}</th><th>{{.T.Step}}</th><th>{{.T.Recorded}}</th></tr></thead>
<tbody>
{{range .Notes}}<tr><td>{{.Client}}</td><td>{{.Step}}</td><td>{{.Text}}</td></tr>
{{end}}</tbody>
</table>{{if .MoreNotes}}<p class="muted">{{.MoreNotes}}</p>{{end}}{{else}}<p>{{.T.NoNote}}</p>{{end}}
<p class="muted">{{.T.FichesHint}}</p>
</section>

<section>
<h2>{{.T.Overrides}}</h2>
{{if .R.Overrides}}<table>
<thead><tr><th>{{.T.Gate}}</th><th>{{.T.Reason}}</th><th>{{.T.By}}</th><th>{{.T.Date}}</th></tr></thead>
<tbody>
{{range .Overrides}}<tr><td>{{.Gate}}</td><td>{{.Reason}}</td><td>{{.By}}</td><td>{{.Date}}</td></tr>
{{end}}</tbody>
</table>{{else}}<p>{{.T.NoOverride}}</p>{{end}}
</section>

<section>
<h2>{{.T.Audit}}</h2>
{{if .Audit}}<table>
<thead><tr><th>{{.T.Date}}</th><th>{{.T.By}}</th><th>{{.T.Event}}</th></tr></thead>
<tbody>
{{range .Audit}}<tr><td class="num">{{.Date}}</td><td>{{.By}}</td><td>{{.Text}}</td></tr>
{{end}}</tbody>
</table>{{if .MoreAudit}}<p class="muted">{{.MoreAudit}}</p>{{end}}{{else}}<p>{{.T.NoEvent}}</p>{{end}}
</section>

<footer>bascule · {{.Generated}}</footer>
</body>
</html>
`

// Caps of the cabinet report's long lists; the rest is counted, and is in
// full in the CSV and JSON reports.
const (
	htmlNotesShown = 40
	htmlAuditShown = 40
)

type htmlProgress struct {
	Title                string
	Percent, Done, Total int
	Blocked              int
	Left                 string
	Width                template.CSS
}

type htmlLine struct {
	Element, Migrated, Action, State, StateID string
	Done, InProgress, BlockedN, Applicable    string
}

type htmlRecord struct {
	Title string
	Parts []string
}

type htmlGroup struct{ Text, Names string }

type htmlNote struct{ Client, Step, Text string }

type htmlOverride struct{ Gate, Reason, By, Date string }

type htmlEntry struct{ Date, By, Text string }

type htmlView struct {
	Lang, Title, Header, Generated, IBANNote, Next, Due string
	Late                                                bool
	Style                                               template.HTML
	T                                                   map[string]string
	R                                                   *Report
	Phases                                              []htmlProgress
	Overall                                             htmlProgress
	Groups                                              []htmlGroup
	Cabinet, Company                                    []htmlLine
	CabinetSteps                                        []htmlRecord
	Notes                                               []htmlNote
	MoreNotes, MoreAudit                                string
	Overrides                                           []htmlOverride
	Audit                                               []htmlEntry
	TeamTitle                                           string
	TeamHeads                                           []string
	TeamRows                                            [][]string
}

// htmlWords are the headings and labels of the HTML documents.
func (r *Report) htmlWords() map[string]string {
	return map[string]string{
		"Progress": textsOf(r.Lang).Progress, "Phase": "Phase", "Done": textsOf(r.Lang).Done,
		"Blocked": textsOf(r.Lang).Blocked, "Left": textsOf(r.Lang).Left, "Total": "Total",
		"Next": textsOf(r.Lang).NextStep, "Due": textsOf(r.Lang).AnswerToTheRequest,
		"Blockers":       textsOf(r.Lang).WhatBlocksTheMigration,
		"NoBlocker":      textsOf(r.Lang).NothingBlocksIt,
		"CabinetSummary": textsOf(r.Lang).Summary4FirmSpace,
		"CompanySummary": textsOf(r.Lang).Summary4CompanySpaces,
		"ClientsWord":    textsOf(r.Lang).Clients,
		"Element":        textsOf(r.Lang).Element, "Migrated": textsOf(r.Lang).Migrated, "Action": textsOf(r.Lang).ManualAction,
		"State": textsOf(r.Lang).State, "InProgress": textsOf(r.Lang).InProgress, "Applicable": textsOf(r.Lang).Concerned,
		"NotedCabinet": textsOf(r.Lang).NotedForTheFirm, "Step": textsOf(r.Lang).Step,
		"Recorded": textsOf(r.Lang).Recorded, "Client": "Client",
		"ClientNotes": textsOf(r.Lang).NotesAndReasonsOf,
		"NoNote":      textsOf(r.Lang).NoNoteOrReason,
		"FichesHint":  textsOf(r.Lang).EachClientsDetailEntries,
		"Overrides":   textsOf(r.Lang).Overrides, "Gate": textsOf(r.Lang).Gate, "Reason": textsOf(r.Lang).Reason2,
		"By": textsOf(r.Lang).By, "Date": "Date", "NoOverride": textsOf(r.Lang).NoOverride,
		"Audit": textsOf(r.Lang).SessionAudit, "Event": textsOf(r.Lang).Event,
		"NoEvent": textsOf(r.Lang).NoEvent,
	}
}

// WriteHTML renders the cabinet report as one self-contained HTML page.
// Every value is escaped by html/template: a client named "<script>" prints
// as text.
func WriteHTML(w io.Writer, r Report) error {
	tpl, err := template.New("report").Parse(htmlTemplate)
	if err != nil {
		return err
	}
	v := htmlView{
		Lang: string(r.Lang), Title: r.title(), Header: strings.Join(r.header(), " · "),
		Generated: r.generated(), IBANNote: r.ibanNote(), Next: r.nextLine(), Due: r.dueLine(),
		Late: r.Due != nil && r.Due.Late, R: &r, Style: template.HTML(htmlStyle), T: r.htmlWords(),
		TeamTitle: r.teamTitle(), TeamHeads: r.teamHeads(), TeamRows: r.teamRows(),
	}
	prog := func(p Progress, title string) htmlProgress {
		return htmlProgress{Title: title, Percent: p.Percent, Done: p.Done, Total: p.Total, Blocked: p.Blocked,
			Left: r.remaining(p), Width: template.CSS(fmt.Sprintf("%d%%", p.Percent))}
	}
	for _, p := range r.Phases {
		v.Phases = append(v.Phases, prog(p, p.Title))
	}
	v.Overall = prog(r.Overall, "Total")
	v.Overall.Left = r.Overall.Remaining
	for _, g := range r.BlockerGroups {
		names := strings.Join(g.Names, ", ")
		if g.More > 0 {
			names += r.andMore(g.More)
		}
		v.Groups = append(v.Groups, htmlGroup{Text: g.Text, Names: names})
	}
	for _, l := range r.CabinetLines {
		v.Cabinet = append(v.Cabinet, htmlLine{Element: l.Element, Migrated: r.migrated(l.Migrated), Action: orDash(l.Action), State: r.state(l.State), StateID: l.State})
	}
	for _, s := range r.CabinetSteps {
		v.CabinetSteps = append(v.CabinetSteps, htmlRecord{Title: s.Title, Parts: r.recordParts(s)})
	}
	for _, l := range r.CompanyLines {
		hl := htmlLine{Element: l.Element, Migrated: r.migrated(l.Migrated), Action: orDash(l.Action),
			Done: fmt.Sprint(l.Done), InProgress: fmt.Sprint(l.InProgress), BlockedN: fmt.Sprint(l.Blocked), Applicable: fmt.Sprint(l.Applicable)}
		if l.Applicable == 0 {
			hl.Done, hl.InProgress, hl.BlockedN, hl.Applicable = "—", "—", "—", textsOf(r.Lang).NotApplicable
		}
		v.Company = append(v.Company, hl)
	}
	notes := 0
	for _, c := range r.Clients {
		for _, s := range c.Steps {
			if s.Note == "" && s.Reason == "" {
				continue
			}
			notes++
			if len(v.Notes) < htmlNotesShown {
				st := r.stepStatus(s.Status)
				if s.Reason != "" {
					st += textsOf(r.Lang).Reason + s.Reason + ")"
				}
				if s.Note != "" {
					st += textsOf(r.Lang).Note + s.Note
				}
				v.Notes = append(v.Notes, htmlNote{Client: c.Name, Step: s.Title, Text: st})
			}
		}
	}
	if more := notes - len(v.Notes); more > 0 {
		v.MoreNotes = "…" + r.andMore(more) + textsOf(r.Lang).SeeTheFichesThe
	}
	for _, o := range r.Overrides {
		v.Overrides = append(v.Overrides, htmlOverride{Gate: overrideTitle(o, r.Lang), Reason: o.Reason, By: orDash(o.By), Date: r.date(o.At)})
	}
	// The journal shows the latest events, oldest first.
	first := max(0, len(r.Audit)-htmlAuditShown)
	for _, e := range r.Audit[first:] {
		v.Audit = append(v.Audit, htmlEntry{Date: r.date(e.At), By: orDash(e.By), Text: e.Text})
	}
	if first > 0 {
		v.MoreAudit = counted(r.Lang, first, textsOf(r.Lang).OlderEventOne, textsOf(r.Lang).OlderEventMany) +
			textsOf(r.Lang).SeeTheCSVOr
	}
	return tpl.Execute(w, v)
}
