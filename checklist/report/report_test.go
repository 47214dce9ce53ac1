package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/bascule-cli/bascule/checklist"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixture is a small cabinet mid-way through preparation, with one override,
// a hostile client name and an IBAN hidden in a note.
func fixture(t *testing.T, lang checklist.Lang, reveal bool) Report {
	t.Helper()
	return Build(fixtureInput(t, lang, reveal))
}

// fixtureInput is fixture's input, before Build.
func fixtureInput(t *testing.T, lang checklist.Lang, reveal bool) Input {
	t.Helper()
	g := checklist.Default()
	run := checklist.NewRun(g, []checklist.Dossier{
		{ID: "c1", Name: "Boulangerie Lefèvre & Fils", SIREN: "552008443", Payment: true, PendingInvoices: 4},
		{ID: "c2", Name: "Café <b>Le Zinc</b> | =cmd", SIREN: "732829320", PendingInvoices: 0},
		{ID: "c3", Name: "Garage du Port", SIREN: "012345674", PendingInvoices: -1},
	})
	set := func(client, step string, st checklist.Status) {
		t.Helper()
		if err := run.SetStatus(checklist.Ref{Step: step, Client: client}, st); err != nil {
			t.Fatalf("SetStatus %s/%s: %v", client, step, err)
		}
	}
	set("", "preparation.cabinet.collaborators", checklist.StatusDone)
	set("", "preparation.cabinet.inactive_clients_export", checklist.StatusInProgress)
	set("", "preparation.cabinet.api_connections", checklist.StatusBlocked)
	set("c2", "preparation.client.pending_invoices", checklist.StatusDone)
	set("c2", "preparation.client.articles", checklist.StatusDone)
	set("c1", "preparation.payment.external_accounts", checklist.StatusDone)
	set("c3", "preparation.client.numbering", checklist.StatusNotApplicable)
	at := time.Date(2026, 3, 2, 10, 30, 0, 0, time.UTC)
	run.Overrides = append(run.Overrides, checklist.Override{Gate: checklist.GateRequestReadiness,
		Reason: "Garage du Port a fermé ; compte FR76 3000 6000 0112 3456 7890 189 clos", By: "C. Martin", At: at})
	run.Request.SubmittedAt = time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
	in := Input{
		Run:       run,
		Cabinet:   Cabinet{Name: "Cabinet Martin & Associés", SIREN: "552008443", ManagerEmail: "claire.martin@cabinet-martin.fr", Operator: "C. Martin"},
		Workspace: "demo",
		Demo:      true,
		Entries: []Entry{
			{At: at.Add(-48 * time.Hour), By: "C. Martin", Step: "preparation.cabinet.collaborators", Action: "step.update", From: "todo", To: "done"},
			{At: at.Add(5 * time.Minute), By: "C. Martin", Client: "c1", Step: "preparation.payment.external_accounts", Action: "step.update", From: "todo", To: "done", Detail: "note modifiée ; saisie : iban"},
			{At: at.Add(time.Minute), By: "C. Martin", Step: "preparation.cabinet.api_connections", Action: "step.update", From: "todo", To: "blocked", Detail: "raison : token MyUnisoft introuvable"},
			{At: at.Add(6 * time.Minute), By: "Paul Durand", Client: "c2", Step: "preparation.client.articles", Action: "step.update", From: "todo", To: "done"},
			{At: at.Add(7 * time.Minute), By: "C. Martin", Action: "gate.override", To: checklist.GateRequestReadiness, Detail: "raison : Garage du Port a fermé"},
		},
		Since:  at,
		States: fixtureStates(at),
		Now:    time.Date(2026, 3, 10, 16, 45, 0, 0, time.UTC),
		Lang:   lang,
		Reveal: reveal,
	}
	in.Team, in.Portfolios = fixtureTeam(run, in.Now), teamPeople
	return in
}

// fixtureStates are the records behind the fixture: a reason on a blocked
// cabinet step, a client's IBAN with a note quoting it, a client's users.
func fixtureStates(at time.Time) States {
	return States{
		{Step: "preparation.cabinet.api_connections"}: {Status: checklist.StatusBlocked, Reason: "token MyUnisoft introuvable", By: "C. Martin", At: at.Add(time.Minute)},
		{Step: "preparation.payment.external_accounts", Client: "c1"}: {Status: checklist.StatusDone, By: "C. Martin", At: at.Add(5 * time.Minute),
			Note:    "IBAN FR7630006000011234567890189 noté",
			Capture: &checklist.Capture{Items: []checklist.Record{{"iban": "FR7630006000011234567890189", "holder": "Lefèvre SARL", "validated": "true"}}}},
		{Step: "preparation.client.users", Client: "c2"}: {Status: checklist.StatusInProgress, Note: "=HYPERLINK(\"x\") à rappeler", By: "C. Martin", At: at,
			Capture: &checklist.Capture{Items: []checklist.Record{{"name": "Céline Lefèvre", "email": "celine@zinc.fr", "roles": "admin", "reinvite": "true"}}}},
		{Step: "preparation.client.numbering", Client: "c3"}: {Status: checklist.StatusNotApplicable, Reason: "factures faites à la main", By: "C. Martin", At: at},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run with -update if intended)\n--- got ---\n%s", name, got)
	}
}

func render(t *testing.T, f Format, r Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, f, r); err != nil {
		t.Fatalf("Write %s: %v", f, err)
	}
	return b.Bytes()
}

func TestMarkdownGolden(t *testing.T) {
	golden(t, "report.fr.md.golden", render(t, Markdown, fixture(t, checklist.French, false)))
	golden(t, "report.en.md.golden", render(t, Markdown, fixture(t, checklist.English, false)))
}

func TestCSVGolden(t *testing.T) {
	golden(t, "report.fr.csv.golden", render(t, CSV, fixture(t, checklist.French, false)))
}

func TestCSVForFrenchExcel(t *testing.T) {
	out := render(t, CSV, fixture(t, checklist.French, false))
	if !bytes.HasPrefix(out, []byte("\uFEFF")) {
		t.Fatal("CSV has no UTF-8 BOM")
	}
	rd := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\uFEFF"))))
	rd.Comma = ';'
	rows, err := rd.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse back with ';': %v", err)
	}
	if len(rows) < 10 {
		t.Fatalf("only %d rows", len(rows))
	}
	if !bytes.Contains(out, []byte("\r\n")) {
		t.Error("CSV lines do not end with CRLF")
	}
	sirens := map[string]bool{}
	for _, row := range rows[1:] {
		for i, c := range row {
			v, formula := excelReads(c)
			if formula {
				t.Errorf("cell %q would run as a formula in Excel", c)
			}
			if i == 3 && v != "" {
				sirens[v] = true
			}
		}
	}
	if !sirens["012345674"] {
		t.Errorf("SIREN 012345674 lost its leading zero; Excel reads: %v", sirens)
	}
}

// excelReads is how French Excel reads a CSV cell: ="…" is the text
// between the quotes, a leading apostrophe keeps the rest as text, a
// number loses its leading zeros, and anything starting with =, +, -, @,
// a tab or a carriage return (after spaces) is run as a formula.
func excelReads(c string) (string, bool) {
	if strings.HasPrefix(c, `="`) && strings.HasSuffix(c, `"`) && len(c) >= 3 &&
		!strings.ContainsAny(c[2:len(c)-1], `"&(),;`) {
		return c[2 : len(c)-1], false
	}
	if strings.HasPrefix(c, "'") {
		return c[1:], false
	}
	if t := strings.TrimLeft(c, " "); t != "" && strings.ContainsRune("=+-@\t\r", rune(t[0])) {
		return "", true
	}
	if c != "" && strings.Trim(c, "0123456789") == "" {
		if n := strings.TrimLeft(c, "0"); n != "" {
			return n, false
		}
		return "0", false
	}
	return c, false
}

func TestCSVCellNeutralisesFormulaStarts(t *testing.T) {
	for _, in := range []string{"=1+1", "+33 6", "-2", "@SUM(A1)", "\tx", "\rx", "  =cmd", "=\"012345674\""} {
		if _, formula := excelReads(csvCell(in)); formula {
			t.Errorf("csvCell(%q) = %q still runs as a formula", in, csvCell(in))
		}
		if _, formula := excelReads(sirenCell(in)); formula {
			t.Errorf("sirenCell(%q) = %q still runs as a formula", in, sirenCell(in))
		}
	}
	if got := sirenCell("012345674"); got != `="012345674"` {
		t.Errorf("sirenCell = %q", got)
	}
}

func TestIBANsMaskedUnlessRevealed(t *testing.T) {
	const full = "FR7630006000011234567890189"
	for _, f := range []Format{Markdown, HTML, CSV, JSON} {
		masked := string(render(t, f, fixture(t, checklist.French, false)))
		flat := strings.ReplaceAll(masked, " ", "")
		if strings.Contains(flat, full) || strings.Contains(flat, "300060000112") {
			t.Errorf("%s: IBAN printed in full without --reveal", f)
		}
		if !strings.Contains(masked, "FR76 •••• 0189") {
			t.Errorf("%s: masked IBAN missing", f)
		}
		revealed := string(render(t, f, fixture(t, checklist.French, true)))
		if !strings.Contains(revealed, full) {
			t.Errorf("%s: IBAN not shown with reveal", f)
		}
	}
}

func TestMaskText(t *testing.T) {
	for in, want := range map[string]string{
		"rien à masquer":                         "rien à masquer",
		"IBAN FR76 3000 6000 0112 3456 7890 189": "IBAN FR76 •••• 0189",
		"DE89370400440532013000, merci":          "DE89 •••• 3000, merci",
		"SIREN 552008443":                        "SIREN 552008443",
	} {
		if got := MaskText(in); got != want {
			t.Errorf("MaskText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHTMLWellFormedAndSelfContained(t *testing.T) {
	r := fixture(t, checklist.French, false)
	var fiches bytes.Buffer
	if err := WriteFiches(&fiches, r, nil); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string][]byte{"cabinet": render(t, HTML, r), "fiches": fiches.Bytes()} {
		t.Run(name, func(t *testing.T) { checkHTML(t, out) })
	}
}

func checkHTML(t *testing.T, out []byte) {
	s := string(out)
	for _, must := range []string{"<!DOCTYPE html>", "@page", "size: A4", "page-break-inside: avoid", "<style>"} {
		if !strings.Contains(s, must) {
			t.Errorf("HTML lacks %q", must)
		}
	}
	if strings.Contains(s, "<b>Le Zinc</b>") {
		t.Error("client name not escaped")
	}
	// Tag balance and no external resource, with the HTML5 tokenizer.
	z := html.NewTokenizer(bytes.NewReader(out))
	var stack []string
	void := map[string]bool{"meta": true, "br": true, "img": true, "link": true, "hr": true, "input": true}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				t.Fatalf("tokenizer: %v", z.Err())
			}
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken:
			for _, a := range tok.Attr {
				if (a.Key == "src" || a.Key == "href") && (strings.Contains(a.Val, "//") || strings.HasPrefix(a.Val, "http")) {
					t.Errorf("external resource: <%s %s=%q>", tok.Data, a.Key, a.Val)
				}
			}
			if tok.Data == "script" || tok.Data == "link" || tok.Data == "img" || tok.Data == "iframe" {
				t.Errorf("unexpected <%s> in a self-contained report", tok.Data)
			}
			if !void[tok.Data] {
				stack = append(stack, tok.Data)
			}
		case html.EndTagToken:
			if len(stack) == 0 || stack[len(stack)-1] != tok.Data {
				t.Fatalf("unbalanced </%s>, open: %v", tok.Data, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		t.Fatalf("unclosed tags: %v", stack)
	}
	if strings.Contains(s, "url(") || strings.Contains(s, "@import") {
		t.Error("CSS loads something from elsewhere")
	}
}

func TestJSONKeys(t *testing.T) {
	out := render(t, JSON, fixture(t, checklist.English, false))
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"generated_at", "cabinet", "overall", "phases", "blockers", "blocker_summary", "cabinet_summary", "company_summary", "clients", "overrides", "audit"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks key %q", k)
		}
	}
}

func TestBuild(t *testing.T) {
	r := fixture(t, checklist.French, false)
	if len(r.Audit) != 4 {
		t.Errorf("audit since the session start: %d entries, want 4", len(r.Audit))
	}
	if !r.Audit[0].At.Before(r.Audit[1].At) {
		t.Error("audit not in time order")
	}
	if r.Due == nil || !r.Due.Late {
		t.Errorf("answer due = %+v, want late", r.Due)
	}
	if len(r.Clients) != 3 || len(r.Clients[0].Lines) == 0 {
		t.Fatalf("clients = %+v", r.Clients)
	}
	// Payment lines do not apply to a client without payment services.
	for _, l := range r.Clients[1].Lines {
		if l.ID == "company.payment_account" && l.State != StateNotApplicable {
			t.Errorf("payment account for a non-payment client: %s", l.State)
		}
	}
	found := false
	for _, s := range r.BlockerSummary {
		if strings.Contains(s, "clients ont des factures en attente") {
			found = true
		}
	}
	if !found {
		t.Errorf("blocker summary = %q", r.BlockerSummary)
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"md": Markdown, "Markdown": Markdown, "html": HTML, "csv": CSV, "json": JSON} {
		if got, ok := ParseFormat(in); !ok || got != want {
			t.Errorf("ParseFormat(%q) = %v, %v", in, got, ok)
		}
	}
	if _, ok := ParseFormat("pdf"); ok {
		t.Error("pdf accepted")
	}
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{25 * time.Minute: "25 min", 3 * time.Hour: "3 h", 6*time.Hour + 40*time.Minute: "6 h 40"} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}
