package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
)

// ficheTemplate is the "fiche de migration" of each client: one printable
// page (two at most) that a consultant hands to the client. It says what
// was noted before the switch, what V2 holds now, and what is left and who
// does it. Each fiche starts on a new A4 page.
const ficheTemplate = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} — {{.Cabinet}}</title>
{{.Style}}
</head>
<body>
{{range .Fiches}}<section class="fiche">
<h1>{{$.Title}} — {{.Name}}</h1>
<p><strong>SIREN {{.SIREN}}</strong> · {{.Progress}} · {{$.T.Pending}} {{.Pending}}{{if .LeftV1}} · <strong>{{.LeftV1}}</strong>{{end}}{{if .InCharge}} · {{.InCharge}}{{end}}</p>
<p class="meta">{{$.Cabinet}} · {{$.Generated}}</p>
<h2>{{$.T.Noted}}</h2>
{{if .Noted}}<table>
<thead><tr><th>{{$.T.Step}}</th><th>{{$.T.Recorded}}</th></tr></thead>
<tbody>
{{range .Noted}}<tr><td>{{.Title}}</td><td>{{range $i, $p := .Parts}}{{if $i}}<br>{{end}}{{$p}}{{end}}</td></tr>
{{end}}</tbody>
</table>{{else}}<p>{{$.T.NothingNoted}}</p>{{end}}
{{if .IBANs}}<p><strong>{{$.T.IBANs}}</strong> {{.IBANs}}</p>{{end}}
<h2>{{$.T.OnV2}}</h2>
{{if not $.Migrated}}<p>{{$.T.NotYet}}</p>{{end}}
<table>
<thead><tr><th>{{$.T.Element}}</th><th>{{$.T.Migrated}}</th><th>{{$.T.State}}</th></tr></thead>
<tbody>
{{range .Lines}}<tr><td>{{.Element}}</td><td>{{.Migrated}}</td><td class="state-{{.StateID}}">{{.State}}</td></tr>
{{end}}</tbody>
</table>
<h2>{{$.T.Left}}</h2>
{{if or .Left .After}}{{if .Left}}<table>
<thead><tr><th>{{$.T.Step}}</th><th>{{$.T.Who}}</th><th>{{$.T.State}}</th></tr></thead>
<tbody>
{{range .Left}}<tr><td>{{.Title}}</td><td class="nowrap">{{.Who}}</td><td class="state-{{.StateID}}">{{.State}}</td></tr>
{{end}}</tbody>
</table>{{end}}
{{if .After}}<h3>{{$.T.After}}</h3>
<table>
<thead><tr><th>{{$.T.Step}}</th><th>{{$.T.Who}}</th></tr></thead>
<tbody>
{{range .After}}<tr><td>{{.Title}}</td><td class="nowrap">{{.Who}}</td></tr>
{{end}}</tbody>
</table>{{end}}{{else}}<p>{{$.T.NothingLeft}}</p>{{end}}
<p class="meta">{{$.IBANNote}}</p>
</section>
{{end}}</body>
</html>
`

type ficheLine struct{ Element, Migrated, State, StateID string }

type ficheLeft struct{ Title, Who, State, StateID string }

type ficheView struct {
	Name, SIREN, Progress, Pending, IBANs string
	LeftV1                                string // "" when the client is on V1's list
	InCharge                              string // "suivi par Claire"; "" when in no portfolio
	Noted                                 []htmlRecord
	Lines                                 []ficheLine
	// Left is what can be done now; After opens after the migration.
	Left, After []ficheLeft
}

// UnknownClientsError lists the client ids a selection of fiches names but
// the report does not hold.
type UnknownClientsError struct{ IDs []string }

func (e *UnknownClientsError) Error() string {
	return checklist.Plural(checklist.French, len(e.IDs), "client inconnu : ", "clients inconnus : ") + strings.Join(e.IDs, ", ")
}

// WriteFiches renders the migration fiche of the clients with the given
// ids, in that order, or of every client when ids is empty, as one
// self-contained HTML file with one page per client.
func WriteFiches(w io.Writer, r Report, ids []string) error {
	clients, err := r.selectClients(ids)
	if err != nil {
		return err
	}
	tpl, err := template.New("fiches").Parse(ficheTemplate)
	if err != nil {
		return err
	}
	t := r.htmlWords()
	for k, v := range map[string]string{
		"Pending":      textsOf(r.Lang).InvoicesPendingOnV1,
		"Noted":        textsOf(r.Lang).NotedBeforeTheMigration,
		"NothingNoted": textsOf(r.Lang).NothingWasNotedFor,
		"IBANs":        textsOf(r.Lang).ExternalAccountsToEnter,
		"OnV2":         textsOf(r.Lang).WhatV2HoldsNow,
		"Left":         textsOf(r.Lang).LeftToDoAnd,
		"After":        textsOf(r.Lang).AfterTheMigration,
		"NotYet":       textsOf(r.Lang).TheMigrationHasNot,
		"Who":          textsOf(r.Lang).Who, "NothingLeft": textsOf(r.Lang).NothingThisClientsMigration,
	} {
		t[k] = v
	}
	view := struct {
		Lang, Title, Cabinet, Generated, IBANNote string
		Migrated                                  bool
		Style                                     template.HTML
		T                                         map[string]string
		Fiches                                    []ficheView
	}{Lang: string(r.Lang), Title: textsOf(r.Lang).MigrationFiche, Cabinet: strings.Join(r.header(), " · "),
		Generated: r.generated(), IBANNote: r.ibanNote(), Migrated: r.Migrated, Style: template.HTML(htmlStyle), T: t}
	for _, c := range clients {
		view.Fiches = append(view.Fiches, r.fiche(c))
	}
	return tpl.Execute(w, view)
}

func (r *Report) selectClients(ids []string) ([]Client, error) {
	if len(ids) == 0 {
		return r.Clients, nil
	}
	byID := make(map[string]int, len(r.Clients))
	for i, c := range r.Clients {
		byID[c.ID] = i
	}
	var out []Client
	var unknown []string
	for _, id := range ids {
		i, ok := byID[id]
		if !ok {
			unknown = append(unknown, id)
			continue
		}
		out = append(out, r.Clients[i])
	}
	if len(unknown) > 0 {
		return nil, &UnknownClientsError{IDs: unknown}
	}
	return out, nil
}

func (r *Report) fiche(c Client) ficheView {
	f := ficheView{Name: c.Name, SIREN: ident.FormatSIREN(c.SIREN), Pending: r.pending(c.PendingInvoices),
		Progress: fmt.Sprintf(textsOf(r.Lang).DoneStepsFmt, c.Percent, c.Done, c.Total),
		IBANs:    strings.Join(c.IBANs, ", "), LeftV1: r.leftV1(c), InCharge: r.inChargeText(c)}
	for _, s := range c.Steps {
		f.Noted = append(f.Noted, htmlRecord{Title: s.Title, Parts: r.recordParts(s)})
	}
	for _, l := range c.Lines {
		if l.State == StateNotApplicable && l.Migrated != "yes" {
			continue // a payment line for a client without payment services
		}
		f.Lines = append(f.Lines, ficheLine{Element: l.Element, Migrated: r.onV2(l), State: r.state(l.State), StateID: l.State})
	}
	for _, s := range c.Left {
		st := r.stepStatus(s.Status)
		if s.Reason != "" {
			st += textsOf(r.Lang).Reason + s.Reason + ")"
		}
		l := ficheLeft{Title: s.Title, Who: s.Who, State: st, StateID: s.Status}
		if s.Open {
			f.Left = append(f.Left, l)
		} else {
			f.After = append(f.After, l)
		}
	}
	return f
}

// onV2 says how a §4 element reaches V2.
func (r *Report) onV2(l Line) string {
	switch l.Migrated {
	case "yes":
		return textsOf(r.Lang).MigratedAutomatically
	case "no":
		if l.Action != "" {
			return textsOf(r.Lang).ToRedo + l.Action
		}
		return textsOf(r.Lang).DoesNotMigrate
	}
	return orDash(l.Action)
}
