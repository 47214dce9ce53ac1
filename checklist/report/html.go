package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/bascule-cli/bascule/checklist/ident"
)

// htmlTemplate is the whole report in one file: the style is inline and
// nothing is loaded from elsewhere (no font, image or script), so that it
// opens offline and prints the same everywhere. The print rules size it for
// A4, repeat table headers on each page and keep rows whole.
const htmlTemplate = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} — {{.R.Cabinet.Name}}</title>
<style>
@page { size: A4; margin: 15mm 12mm 18mm 12mm; }
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #c9ccd1; --ok: #1b6e3a; --warn: #8a5300; --bad: #a1241b; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; color: var(--ink); margin: 0 auto; max-width: 190mm; padding: 8mm 0; line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1.5pt solid var(--ink); padding-bottom: 1mm; page-break-after: avoid; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; page-break-after: avoid; break-after: avoid; }
p.meta { color: var(--muted); margin: 0 0 1mm; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 0.5pt solid var(--line); padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eef0f3; font-weight: 600; }
td.num { text-align: right; white-space: nowrap; }
.bar { display: inline-block; width: 30mm; height: 2.5mm; border: 0.5pt solid var(--muted); vertical-align: middle; margin-right: 2mm; }
.bar span { display: block; height: 100%; background: var(--ink); }
.state-done { color: var(--ok); }
.state-blocked { color: var(--bad); font-weight: 600; }
.state-in_progress, .state-todo { color: var(--warn); }
.state-not_applicable { color: var(--muted); }
.late { color: var(--bad); font-weight: 600; }
section.clients { page-break-before: always; break-before: page; }
footer { margin-top: 8mm; color: var(--muted); font-size: 9pt; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
</style>
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
<thead><tr><th>{{.T.Phase}}</th><th>{{.T.Progress}}</th><th>{{.T.Done}}</th><th>{{.T.Blocked}}</th><th>{{.T.Left}}</th></tr></thead>
<tbody>
{{range .Phases}}<tr><td>{{.Title}}</td><td><span class="bar"><span style="width: {{.Width}}"></span></span>{{.Percent}} %</td><td class="num">{{.Done}}/{{.Total}}</td><td class="num">{{.Blocked}}</td><td>{{.Left}}</td></tr>
{{end}}<tr><th>{{.T.Total}}</th><th>{{.Overall.Percent}} %</th><th class="num">{{.Overall.Done}}/{{.Overall.Total}}</th><th class="num">{{.Overall.Blocked}}</th><th>{{.Overall.Left}}</th></tr>
</tbody>
</table>
<p><strong>{{.T.Next}}</strong> {{.Next}}</p>
{{if .Due}}<p><strong>{{.T.Due}}</strong> <span{{if .Late}} class="late"{{end}}>{{.Due}}</span></p>{{end}}
</section>

<section>
<h2>{{.T.Blockers}}</h2>
{{if .R.Blockers}}<ul>
{{range .R.BlockerSummary}}<li>{{.}}</li>
{{end}}</ul>
<h3>{{.T.Details}}</h3>
<ul>
{{range .R.Blockers}}<li>{{.Message}}</li>
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
<h2>{{.T.CompanySummary}}</h2>
<table>
<thead><tr><th>{{.T.Element}}</th><th>{{.T.Migrated}}</th><th>{{.T.Action}}</th><th>{{.T.ClientsDone}}</th></tr></thead>
<tbody>
{{range .Company}}<tr><td>{{.Element}}</td><td>{{.Migrated}}</td><td>{{.Action}}</td><td class="num">{{.Done}}</td></tr>
{{end}}</tbody>
</table>
</section>

<section class="clients">
<h2>{{.T.Clients}} ({{len .Clients}})</h2>
{{if .Clients}}<table>
<thead><tr><th>{{.T.Client}}</th><th>SIREN</th><th>{{.T.Progress}}</th><th>{{.T.Pending}}</th><th>IBAN</th><th>{{.T.ToDo}}</th></tr></thead>
<tbody>
{{range .Clients}}<tr><td>{{.Name}}</td><td class="num">{{.SIREN}}</td><td class="num">{{.Progress}}</td><td class="num">{{.Pending}}</td><td>{{.IBANs}}</td><td>{{.ToDo}}</td></tr>
{{end}}</tbody>
</table>{{end}}
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
<thead><tr><th>{{.T.Date}}</th><th>{{.T.By}}</th><th>{{.T.Step}}</th><th>{{.T.Change}}</th><th>{{.T.ReasonNote}}</th></tr></thead>
<tbody>
{{range .Audit}}<tr><td class="num">{{.Date}}</td><td>{{.By}}</td><td>{{.Ref}}</td><td>{{.Change}}</td><td>{{.Detail}}</td></tr>
{{end}}</tbody>
</table>{{else}}<p>{{.T.NoEvent}}</p>{{end}}
</section>

<footer>bascule · {{.Generated}}</footer>
</body>
</html>
`

type htmlProgress struct {
	Title                string
	Percent, Done, Total int
	Blocked              int
	Left                 string
	Width                template.CSS
}

type htmlLine struct {
	Element, Migrated, Action, State, StateID, Done string
}

type htmlClient struct {
	Name, SIREN, Progress, Pending, IBANs, ToDo string
}

type htmlOverride struct{ Gate, Reason, By, Date string }

type htmlEntry struct{ Date, By, Ref, Change, Detail string }

type htmlView struct {
	Lang, Title, Header, Generated, IBANNote, Next, Due string
	Late                                                bool
	T                                                   map[string]string
	R                                                   *Report
	Phases                                              []htmlProgress
	Overall                                             htmlProgress
	Cabinet, Company                                    []htmlLine
	Clients                                             []htmlClient
	Overrides                                           []htmlOverride
	Audit                                               []htmlEntry
}

// WriteHTML renders the report as one self-contained HTML page. Every value is
// escaped by html/template: a client named "<script>" prints as text.
func WriteHTML(w io.Writer, r Report) error {
	tpl, err := template.New("report").Parse(htmlTemplate)
	if err != nil {
		return err
	}
	v := htmlView{
		Lang: string(r.Lang), Title: r.title(), Header: strings.Join(r.header(), " · "),
		Generated: r.generated(), IBANNote: r.ibanNote(), Next: r.nextLine(), Due: r.dueLine(),
		Late: r.Due != nil && r.Due.Late, R: &r,
	}
	v.T = map[string]string{
		"Progress": r.tr("Progression", "Progress"), "Phase": "Phase", "Done": r.tr("Fait", "Done"),
		"Blocked": r.tr("Bloqué", "Blocked"), "Left": r.tr("Reste", "Left"), "Total": "Total",
		"Next": r.tr("Prochaine étape :", "Next step:"), "Due": r.tr("Réponse à la demande attendue le :", "Answer to the request due on:"),
		"Blockers": r.tr("Blocages de la demande de migration", "What blocks the migration request"),
		"Details":  r.tr("Détail", "Details"), "NoBlocker": r.tr("Aucun blocage.", "Nothing blocks it."),
		"CabinetSummary": r.tr("Synthèse (§4) — Espace cabinet", "Summary (§4) — Firm space"),
		"CompanySummary": r.tr("Synthèse (§4) — Espaces entreprises", "Summary (§4) — Company spaces"),
		"Element":        r.tr("Élément", "Element"), "Migrated": r.tr("Migré", "Migrated"), "Action": r.tr("Action manuelle", "Manual action"),
		"State": r.tr("État", "State"), "ClientsDone": r.tr("Clients terminés", "Clients done"),
		"Clients": "Clients", "Client": "Client", "Pending": r.tr("Factures en attente", "Pending invoices"),
		"ToDo": r.tr("Reste à faire", "Left to do"), "Overrides": r.tr("Dérogations", "Overrides"),
		"Gate": r.tr("Barrière", "Gate"), "Reason": r.tr("Motif", "Reason"), "By": r.tr("Par", "By"), "Date": "Date",
		"NoOverride": r.tr("Aucune dérogation.", "No override."), "Audit": r.tr("Journal de la session", "Session audit"),
		"Step": r.tr("Étape", "Step"), "Change": r.tr("Changement", "Change"), "ReasonNote": r.tr("Motif / note", "Reason / note"),
		"NoEvent": r.tr("Aucun événement.", "No event."),
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
	for _, l := range r.CabinetLines {
		v.Cabinet = append(v.Cabinet, htmlLine{Element: l.Element, Migrated: r.migrated(l.Migrated), Action: orDash(l.Action), State: r.state(l.State), StateID: l.State})
	}
	for _, l := range r.CompanyLines {
		done := fmt.Sprintf("%d / %d", l.Done, l.Applicable)
		if l.Applicable == 0 {
			done = r.tr("sans objet", "not applicable")
		}
		v.Company = append(v.Company, htmlLine{Element: l.Element, Migrated: r.migrated(l.Migrated), Action: orDash(l.Action), Done: done})
	}
	for _, c := range r.Clients {
		v.Clients = append(v.Clients, htmlClient{Name: c.Name, SIREN: ident.FormatSIREN(c.SIREN),
			Progress: fmt.Sprintf("%d %% (%d/%d)", c.Percent, c.Done, c.Total), Pending: r.pending(c.PendingInvoices),
			IBANs: orDash(strings.Join(c.IBANs, ", ")), ToDo: r.toDo(c)})
	}
	for _, o := range r.Overrides {
		v.Overrides = append(v.Overrides, htmlOverride{Gate: o.Gate, Reason: o.Reason, By: orDash(o.By), Date: r.date(o.At)})
	}
	for _, e := range r.Audit {
		v.Audit = append(v.Audit, htmlEntry{Date: r.date(e.At), By: orDash(e.By), Ref: r.ref(e.Client, e.Step), Change: r.change(e), Detail: joinNonEmpty(" — ", e.Reason, e.Note)})
	}
	return tpl.Execute(w, v)
}
