package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
)

// Format is an output format of the report.
type Format string

// The formats Write knows.
const (
	Markdown Format = "md"
	HTML     Format = "html"
	CSV      Format = "csv"
	JSON     Format = "json"
)

// ParseFormat reads a --format value ("md", "markdown", "html", "csv", "json").
func ParseFormat(s string) (Format, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "md", "markdown":
		return Markdown, true
	case "html", "htm":
		return HTML, true
	case "csv":
		return CSV, true
	case "json":
		return JSON, true
	}
	return "", false
}

// Ext is the file extension of the format, dot included.
func (f Format) Ext() string { return "." + string(f) }

// Write renders r in format f.
func Write(w io.Writer, f Format, r Report) error {
	switch f {
	case Markdown:
		return WriteMarkdown(w, r)
	case HTML:
		return WriteHTML(w, r)
	case CSV:
		return WriteCSV(w, r)
	case JSON:
		return writeJSON(w, r)
	}
	return fmt.Errorf("format de rapport inconnu : %q", string(f))
}

func (r *Report) date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	loc := r.loc
	if loc == nil {
		loc = time.UTC
	}
	return t.In(loc).Format(textsOf(r.Lang).DateLayout)
}

// StateTitle is a §4 line state for the reader.
func StateTitle(lang checklist.Lang, state string) string {
	m := textsOf(lang)
	switch state {
	case StateTodo:
		return m.StateToDo
	case StateInProgress:
		return m.StateInProgressTitle
	case StateDone:
		return m.StateDoneTitle
	case StateBlocked:
		return m.StateBlockedTitle
	case StateNotApplicable:
		return m.StateNotApplicableTitle
	}
	return state
}

func (r *Report) state(s string) string { return StateTitle(r.Lang, s) }

func (r *Report) migrated(m string) string {
	switch m {
	case "yes":
		return textsOf(r.Lang).Yes
	case "no":
		return textsOf(r.Lang).No
	}
	return textsOf(r.Lang).NotApplicable2
}

func (r *Report) pending(n int) string {
	if n < 0 {
		return textsOf(r.Lang).NotChecked
	}
	return fmt.Sprint(n)
}

func (r *Report) title() string {
	return textsOf(r.Lang).JefactureComV1V2
}

// header is the line under the title: cabinet, SIREN, operator, mode.
func (r *Report) header() []string {
	parts := []string{r.Cabinet.Name}
	if r.Cabinet.SIREN != "" {
		parts = append(parts, "SIREN "+ident.FormatSIREN(r.Cabinet.SIREN))
	}
	if r.Cabinet.Operator != "" {
		parts = append(parts, textsOf(r.Lang).Operator+r.Cabinet.Operator)
	}
	if r.Demo {
		parts = append(parts, textsOf(r.Lang).Demo)
	}
	return parts
}

func (r *Report) generated() string {
	s := textsOf(r.Lang).GeneratedOn + r.date(r.GeneratedAt) + textsOf(r.Lang).ParisTime
	if r.Since != nil {
		s += textsOf(r.Lang).SessionSince + r.date(*r.Since)
	}
	return s
}

func (r *Report) ibanNote() string {
	if r.Revealed {
		return textsOf(r.Lang).IBANsShownInFull
	}
	return textsOf(r.Lang).IBANsMaskedOnlyThe
}

func (r *Report) nextLine() string {
	if r.Next == nil {
		return r.NothingNext()
	}
	s := r.Next.Title
	if r.Next.Name != "" {
		s += " — " + r.Next.Name
	}
	return s
}

func (r *Report) dueLine() string {
	if r.Due == nil {
		return ""
	}
	s := r.date(r.Due.At) + textsOf(r.Lang).Estimate72HIn
	if r.Due.Late {
		s += textsOf(r.Lang).Late
	}
	return s
}

func (r *Report) remaining(p Progress) string {
	if !p.Open {
		return textsOf(r.Lang).OpensAfterTheMigration
	}
	return p.Remaining
}

// toDo lists the §4 elements still open for a client.
func (r *Report) toDo(c Client) string {
	var out []string
	for _, l := range c.Lines {
		if l.State != StateDone && l.State != StateNotApplicable {
			out = append(out, l.Element+" ("+r.state(l.State)+")")
		}
	}
	if len(out) == 0 {
		return textsOf(r.Lang).Nothing
	}
	return strings.Join(out, " ; ")
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// WriteMarkdown renders the report as Markdown (GitHub tables).
func WriteMarkdown(w io.Writer, r Report) error {
	b := &strings.Builder{}
	cell := mdCell
	row := func(cells ...string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + cell(c) + " |")
		}
		b.WriteString("\n")
	}
	head := func(cells ...string) {
		row(cells...)
		b.WriteString("|" + strings.Repeat("---|", len(cells)) + "\n")
	}
	fmt.Fprintf(b, "# %s\n\n", r.title())
	fmt.Fprintf(b, "**%s**\n\n", mdText(strings.Join(r.header(), " · ")))
	fmt.Fprintf(b, "%s  \n%s\n\n", mdText(r.generated()), mdText(r.ibanNote()))

	fmt.Fprintf(b, "## %s\n\n", textsOf(r.Lang).Progress)
	head(textsOf(r.Lang).Phase, textsOf(r.Lang).Progress2, textsOf(r.Lang).Done, textsOf(r.Lang).Blocked, textsOf(r.Lang).Left)
	for _, p := range r.Phases {
		row(p.Title, fmt.Sprintf("%d %%", p.Percent), fmt.Sprintf("%d/%d", p.Done, p.Total), fmt.Sprint(p.Blocked), r.remaining(p))
	}
	row("**"+textsOf(r.Lang).Total+"**", fmt.Sprintf("%d %%", r.Overall.Percent), fmt.Sprintf("%d/%d", r.Overall.Done, r.Overall.Total), fmt.Sprint(r.Overall.Blocked), r.Overall.Remaining)
	fmt.Fprintf(b, "\n**%s** %s\n", textsOf(r.Lang).NextStep, mdText(r.nextLine()))
	if d := r.dueLine(); d != "" {
		fmt.Fprintf(b, "\n**%s** %s\n", textsOf(r.Lang).AnswerToTheRequest, mdText(d))
	}

	if rows := r.teamRows(); len(rows) > 0 {
		fmt.Fprintf(b, "\n## %s\n\n", r.teamTitle())
		head(r.teamHeads()...)
		for _, cells := range rows {
			row(cells...)
		}
		fmt.Fprintf(b, "\n*%s*\n", mdText(r.Team.Method))
	}

	fmt.Fprintf(b, "\n## %s\n\n", textsOf(r.Lang).WhatBlocksTheMigration)
	if len(r.Blockers) == 0 {
		fmt.Fprintf(b, "%s\n", textsOf(r.Lang).NothingBlocksIt)
	} else {
		for _, g := range r.BlockerGroups {
			fmt.Fprintf(b, "- %s\n", mdText(r.groupLine(g)))
		}
		fmt.Fprintf(b, "\n### %s\n\n", textsOf(r.Lang).Details)
		for _, bl := range r.Blockers {
			fmt.Fprintf(b, "- %s\n", mdText(bl.Message))
		}
	}

	fmt.Fprintf(b, "\n## %s\n\n", textsOf(r.Lang).Summary4FirmSpace)
	head(textsOf(r.Lang).Element, textsOf(r.Lang).Migrated, textsOf(r.Lang).ManualAction, textsOf(r.Lang).State)
	for _, l := range r.CabinetLines {
		row(l.Element, r.migrated(l.Migrated), orDash(l.Action), r.state(l.State))
	}
	if len(r.CabinetSteps) > 0 {
		fmt.Fprintf(b, "\n### %s\n\n", textsOf(r.Lang).NotedForTheFirm)
		for _, s := range r.CabinetSteps {
			fmt.Fprintf(b, "- **%s**%s%s\n", mdText(s.Title), textsOf(r.Lang).Colon, mdText(r.recordText(s)))
		}
	}
	fmt.Fprintf(b, "\n## %s\n\n", textsOf(r.Lang).Summary4CompanySpaces)
	head(textsOf(r.Lang).Element, textsOf(r.Lang).Migrated, textsOf(r.Lang).ManualAction, textsOf(r.Lang).ClientsDone)
	for _, l := range r.CompanyLines {
		done := fmt.Sprintf("%d / %d", l.Done, l.Applicable)
		if l.Applicable == 0 {
			done = textsOf(r.Lang).NotApplicable
		}
		row(l.Element, r.migrated(l.Migrated), orDash(l.Action), done)
	}

	for _, l := range r.Control {
		fmt.Fprintf(b, "\n### %s (%s)\n\n", mdText(l.Title), mdText(l.Source))
		for _, it := range l.Items {
			fmt.Fprintf(b, "- %s\n", mdText(it))
		}
	}

	fmt.Fprintf(b, "\n## %s (%d)\n\n", textsOf(r.Lang).Clients2, len(r.Clients))
	if len(r.Clients) > 0 {
		heads := []string{textsOf(r.Lang).Client, "SIREN", textsOf(r.Lang).Progress2, textsOf(r.Lang).PendingInvoices2, "IBAN", textsOf(r.Lang).LeftToDo}
		if r.Team != nil { // with a team, who holds each client
			heads = append(heads, textsOf(r.Lang).HandledBy)
		}
		head(heads...)
		for _, c := range r.Clients {
			cells := []string{c.Name, ident.FormatSIREN(c.SIREN), fmt.Sprintf("%d %% (%d/%d)", c.Percent, c.Done, c.Total), r.pending(c.PendingInvoices), orDash(strings.Join(c.IBANs, ", ")), r.toDo(c)}
			if r.Team != nil {
				cells = append(cells, orDash(c.InCharge))
			}
			row(cells...)
		}
		for _, c := range r.Clients {
			if len(c.Steps) == 0 && !c.LeftV1 {
				continue
			}
			fmt.Fprintf(b, "\n### %s — SIREN %s\n\n", mdText(c.Name), ident.FormatSIREN(c.SIREN))
			if l := r.leftV1(c); l != "" {
				fmt.Fprintf(b, "*%s*\n\n", l)
			}
			for _, s := range c.Steps {
				fmt.Fprintf(b, "- **%s**%s%s\n", mdText(s.Title), textsOf(r.Lang).Colon, mdText(r.recordText(s)))
			}
		}
	}

	fmt.Fprintf(b, "\n## %s\n\n", textsOf(r.Lang).Overrides)
	if len(r.Overrides) == 0 {
		fmt.Fprintf(b, "%s\n", textsOf(r.Lang).NoOverride)
	} else {
		head(textsOf(r.Lang).Gate, textsOf(r.Lang).Reason2, textsOf(r.Lang).By, textsOf(r.Lang).Date)
		for _, o := range r.Overrides {
			row(overrideTitle(o, r.Lang), o.Reason, orDash(o.By), r.date(o.At))
		}
	}

	fmt.Fprintf(b, "\n## %s\n\n", textsOf(r.Lang).SessionAudit)
	if len(r.Audit) == 0 {
		fmt.Fprintf(b, "%s\n", textsOf(r.Lang).NoEvent)
	} else {
		head(textsOf(r.Lang).Date, textsOf(r.Lang).By, textsOf(r.Lang).Event)
		for _, e := range r.Audit {
			row(r.date(e.At), orDash(e.By), e.Text)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// mdText escapes what Markdown would read as markup in running text, so that a
// client named "*Boulangerie*" or "<script>" prints as written.
func mdText(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch c {
		case '\\', '*', '_', '`', '[', ']', '<', '>', '#', '|':
			b.WriteByte('\\')
			b.WriteRune(c)
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// mdCell is mdText for a table cell; bold markers we add ourselves are kept.
func mdCell(s string) string {
	if strings.HasPrefix(s, "**") && strings.HasSuffix(s, "**") && len(s) > 4 {
		return "**" + mdText(s[2:len(s)-2]) + "**"
	}
	return mdText(s)
}

// NothingNext says why no step is proposed: everything is done, or what is
// left is blocked or waits for the migration. It never says all is done
// while a step is open.
func (r *Report) NothingNext() string {
	o := r.Overall
	if o.Done == o.Total {
		return textsOf(r.Lang).EverythingIsDone
	}
	var parts []string
	if o.Blocked > 0 {
		parts = append(parts, counted(r.Lang, o.Blocked, textsOf(r.Lang).BlockedStepOne, textsOf(r.Lang).BlockedStepMany)+textsOf(r.Lang).ToUnblock)
	}
	waiting := 0
	for _, p := range r.Phases {
		if !p.Open {
			waiting += p.Total - p.Done
		}
	}
	if waiting > 0 {
		parts = append(parts, counted(r.Lang, waiting, textsOf(r.Lang).StepOpensOne, textsOf(r.Lang).StepOpensMany)+textsOf(r.Lang).AfterTheMigration2)
	}
	if open := o.Total - o.Done - o.Blocked - waiting; open > 0 {
		parts = append(parts, counted(r.Lang, open, textsOf(r.Lang).StepWaitsOne, textsOf(r.Lang).StepWaitsMany))
	}
	return textsOf(r.Lang).NoStepAvailable + strings.Join(parts, ", ")
}

// groupLine is a blocker group in one line: "12 clients ont … : A, B, C et
// 9 autres".
func (r *Report) groupLine(g BlockerGroup) string {
	s := g.Text
	if len(g.Names) > 0 {
		s += textsOf(r.Lang).Colon + strings.Join(g.Names, ", ")
	}
	if g.More > 0 {
		s += r.andMore(g.More)
	}
	return s
}

// writeJSON writes the report as indented JSON, the clients one at a time:
// 12,000 clients make some 80 MB that need not sit in memory at once. The
// result is byte for byte what json.Encoder with a two-space indent writes.
func writeJSON(w io.Writer, r Report) error {
	clients := r.Clients
	r.Clients = []Client{}
	head, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	// Quotes inside JSON strings are escaped, so this can only be the key.
	mark := []byte(`"clients": []`)
	i := bytes.Index(head, mark)
	if i < 0 || len(clients) == 0 {
		_, err := w.Write(append(head, '\n'))
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.Write(head[:i])
	bw.WriteString(`"clients": [`)
	for n, c := range clients {
		b, err := json.MarshalIndent(c, "    ", "  ")
		if err != nil {
			return err
		}
		if n > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		bw.Write(b)
	}
	bw.WriteString("\n  ]")
	bw.Write(head[i+len(mark):])
	bw.WriteString("\n")
	return bw.Flush()
}

// andMore is " et 3 autres" / " and 3 more" after a shortened list.
func (r *Report) andMore(n int) string {
	m := textsOf(r.Lang)
	return fmt.Sprintf(m.AndOthersFmt, counted(r.Lang, n, m.OtherOne, m.OtherMany))
}

// leftV1 says, in the report's language, that a client is no longer on
// V1's list; "" when it is.
func (r *Report) leftV1(c Client) string {
	if !c.LeftV1 {
		return ""
	}
	return textsOf(r.Lang).MissingFromV1sClient
}
