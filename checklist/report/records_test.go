package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
)

// TestRecordsInEveryFormat: a note and a reason set on a step, and a
// client's captured values, appear in every report format.
func TestRecordsInEveryFormat(t *testing.T) {
	r := fixture(t, checklist.French, false)
	want := map[string][]string{
		"note":     {"à rappeler"},
		"reason":   {"token MyUnisoft introuvable", "factures faites à la main"},
		"captured": {"Céline Lefèvre", "celine@zinc.fr", "Lefèvre SARL"},
	}
	for _, f := range []Format{Markdown, CSV, JSON} {
		out := string(render(t, f, r))
		for kind, ss := range want {
			for _, s := range ss {
				if !strings.Contains(out, s) {
					t.Errorf("%s report lacks the %s %q", f, kind, s)
				}
			}
		}
	}
	// The cabinet HTML names notes and reasons; the fiche holds the values.
	cab := string(render(t, HTML, r))
	for _, s := range append(want["note"], want["reason"]...) {
		if !strings.Contains(cab, s) {
			t.Errorf("cabinet HTML lacks %q", s)
		}
	}
	var b bytes.Buffer
	if err := WriteFiches(&b, r, []string{"c2"}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Céline Lefèvre", "celine@zinc.fr", "à rappeler", "Fiche de migration", "Ce que V2 contient maintenant", "Reste à faire, et qui le fait"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("fiche of c2 lacks %q", s)
		}
	}
	if strings.Contains(b.String(), "Lefèvre SARL") {
		t.Error("fiche of c2 shows another client's data")
	}
}

func TestFichesSelection(t *testing.T) {
	r := fixture(t, checklist.French, false)
	var b bytes.Buffer
	if err := WriteFiches(&b, r, nil); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), `<section class="fiche">`); n != 3 {
		t.Errorf("all fiches: %d sections, want 3", n)
	}
	if !strings.Contains(b.String(), "break-before: page") {
		t.Error("fiches do not start on a new page")
	}
	b.Reset()
	if err := WriteFiches(&b, r, []string{"c3", "c1"}); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	if i, j := strings.Index(s, "Garage du Port"), strings.Index(s, "Boulangerie"); i < 0 || j < 0 || i > j {
		t.Error("selected fiches missing or not in the order asked")
	}
	err := WriteFiches(&b, r, []string{"c1", "nope"})
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("unknown client: err = %v", err)
	}
}

func TestJournalSentences(t *testing.T) {
	r := fixture(t, checklist.French, false)
	for _, f := range []Format{Markdown, HTML} {
		out := string(render(t, f, r))
		i := strings.Index(out, "Journal de la session")
		if i < 0 {
			t.Fatalf("%s: no journal", f)
		}
		journal := out[i:]
		for _, bad := range []string{"c1/preparation", "todo → ", "step.update", "request.readiness", "external_accounts"} {
			if strings.Contains(journal, bad) {
				t.Errorf("%s journal speaks in ids: %q", f, bad)
			}
		}
		for _, good := range []string{"Boulangerie Lefèvre", "Noter les IBAN des comptes externes", "à faire", "fait", "motif", "Dérogation"} {
			if !strings.Contains(journal, good) {
				t.Errorf("%s journal lacks %q", f, good)
			}
		}
	}
}

func TestSentences(t *testing.T) {
	g := checklist.Default()
	run := checklist.NewRun(g, []checklist.Dossier{{ID: "cli-00001", Name: "Boulangerie Lefèvre", SIREN: "552008443"}})
	for _, c := range []struct {
		e    Entry
		lang checklist.Lang
		want string
	}{
		{Entry{Action: "step.update", Client: "cli-00001", Step: "preparation.client.pending_invoices", From: "todo", To: "in_progress"}, checklist.French,
			"« Accepter les factures en attente » pour Boulangerie Lefèvre : passe de « à faire » à « en cours »."},
		{Entry{Action: "step.update", Step: "preparation.cabinet.api_connections", From: "todo", To: "blocked", Detail: "raison : pas de token"}, checklist.English,
			"“List the API connections to accounting software”: goes from “to do” to “blocked”, reason: pas de token."},
		{Entry{Action: "step.update", Client: "cli-00001", Step: "preparation.client.users", Detail: "note modifiée ; saisie : 1 élément(s) → 2, email, name"}, checklist.French,
			"« Lister les utilisateurs et leurs rôles » pour Boulangerie Lefèvre : note modifiée, saisie modifiée (1 élément(s) → 2, e-mail, nom)."},
		{Entry{Action: "dossiers.put", Detail: "32 nouveau(x), 0 mis à jour"}, checklist.French, "Dossiers clients enregistrés (32 nouveau(x), 0 mis à jour)."},
		{Entry{Action: "gate.override", To: "request.readiness", Detail: "raison : client fermé"}, checklist.French,
			"Dérogation : demande de migration autorisée malgré les points bloquants (motif : client fermé)."},
		{Entry{Action: "gate.override", To: "tick:cli-00001/preparation.client.pending_invoices", Detail: "raison : acceptées à l'instant"}, checklist.French,
			"Dérogation : Boulangerie Lefèvre — « Accepter les factures en attente » cochée malgré la dernière vérification (motif : acceptées à l'instant)."},
		{Entry{Action: "dossier.pending_invoices", Client: "cli-00001", From: "-1", To: "3"}, checklist.French,
			"Factures en attente sur V1 pour Boulangerie Lefèvre : non vérifié → 3."},
		{Entry{Action: "dossier.left_v1", Client: "cli-00001", From: "false", To: "true"}, checklist.French,
			"Boulangerie Lefèvre n'est plus sur la liste des clients de V1 : dossier et travail conservés."},
		{Entry{Action: "dossier.left_v1", Client: "cli-00001", From: "true", To: "false"}, checklist.English,
			"Boulangerie Lefèvre is back on V1's client list."},
		{Entry{Action: "request.update", From: "submitted", To: "succeeded", Detail: "référence MIG-1"}, checklist.French,
			"Demande de migration : envoyée → réussie (référence MIG-1)."},
	} {
		if got := Sentence(run, c.e, c.lang); got != c.want {
			t.Errorf("sentence(%+v)\n got %q\nwant %q", c.e, got, c.want)
		}
	}
}

func TestNothingNextNeverAllDoneWhileOpen(t *testing.T) {
	for _, c := range []struct {
		o      Progress
		phases []Progress
		done   bool
	}{
		{Progress{Done: 10, Total: 10}, nil, true},
		{Progress{Done: 49, Total: 50, Blocked: 1}, nil, false},
		{Progress{Done: 5, Total: 10}, []Progress{{Done: 5, Total: 5, Open: true}, {Done: 0, Total: 5}}, false},
	} {
		r := Report{Lang: checklist.French, Overall: c.o, Phases: c.phases}
		got := r.NothingNext()
		if (got == "tout est fait") != c.done {
			t.Errorf("NothingNext(%+v) = %q", c.o, got)
		}
	}
}

func TestIBANFieldsMaskedInRecords(t *testing.T) {
	for _, f := range []Format{Markdown, CSV, JSON} {
		out := string(render(t, f, fixture(t, checklist.French, false)))
		if strings.Contains(strings.ReplaceAll(out, " ", ""), "FR7630006000011234567890189") {
			t.Errorf("%s: captured IBAN in full", f)
		}
	}
	var b bytes.Buffer
	if err := WriteFiches(&b, fixture(t, checklist.French, false), []string{"c1"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "FR76 •••• 0189") || strings.Contains(b.String(), "FR7630006000011234567890189") {
		t.Error("fiche does not mask the IBAN")
	}
}

// TestCabinetHTMLStaysSmall: with 12,000 clients, each blocked with a note,
// the cabinet report has a bounded number of rows (the printing test in
// cmd/bascule counts its pages).
func TestCabinetHTMLStaysSmall(t *testing.T) {
	g := checklist.Default()
	ds := make([]checklist.Dossier, 12000)
	states := States{}
	for i := range ds {
		ds[i] = checklist.Dossier{ID: fmt.Sprintf("c%05d", i), Name: fmt.Sprintf("Client %d", i), SIREN: "552008443", PendingInvoices: 2, Payment: i%3 == 0}
		states[checklist.Ref{Step: "preparation.client.users", Client: ds[i].ID}] = checklist.StepState{Status: checklist.StatusBlocked, Reason: "injoignable"}
	}
	run := checklist.NewRun(g, ds)
	for i := range ds {
		_ = run.SetStatus(checklist.Ref{Step: "preparation.client.users", Client: ds[i].ID}, checklist.StatusBlocked)
	}
	r := Build(Input{Run: run, States: states, Now: time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)})
	out := string(render(t, HTML, r))
	if n := strings.Count(out, "<tr>"); n > 120 {
		t.Errorf("cabinet HTML of 12,000 clients has %d rows", n)
	}
	if !strings.Contains(out, "et 11\u202f995 autres") {
		t.Error("blockers do not name the first clients and count the rest")
	}
}

// TestJSONStreamedAsEncoded: the streamed JSON is what encoding/json writes.
func TestJSONStreamedAsEncoded(t *testing.T) {
	for _, n := range []int{0, 3} {
		r := fixture(t, checklist.French, false)
		r.Clients = r.Clients[:n]
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(true)
		if n == 0 {
			r.Clients = []Client{}
		}
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		if got := render(t, JSON, r); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%d clients: streamed JSON differs\n--- got ---\n%.600s\n--- want ---\n%.600s", n, got, want.Bytes())
		}
	}
}

// A dossier marked as gone from V1 says so in every format and in its fiche.
func TestLeftV1InEveryFormat(t *testing.T) {
	g := checklist.Default()
	run := checklist.NewRun(g, []checklist.Dossier{
		{ID: "c1", Name: "Boulangerie Lefèvre", SIREN: "552008443", PendingInvoices: -1, LeftV1: true},
		{ID: "c2", Name: "Garage du Port", SIREN: "732829320", PendingInvoices: -1},
	})
	r := Build(Input{Run: run, Cabinet: Cabinet{Name: "Cabinet Martin"}, Workspace: "w", Lang: checklist.French,
		Now: time.Date(2026, 3, 10, 16, 45, 0, 0, time.UTC)})
	const want = "absent de la liste des clients de V1"
	for _, f := range []Format{JSON, Markdown, CSV} {
		out := string(render(t, f, r))
		if f == JSON {
			if !strings.Contains(out, `"left_v1": true`) || strings.Count(out, `"left_v1"`) != 1 {
				t.Errorf("json: the mark of c1 alone expected:\n%s", out)
			}
			continue
		}
		if strings.Count(out, want) != 1 {
			t.Errorf("%s: want one %q:\n%s", f, want, out)
		}
	}
	var b strings.Builder
	if err := WriteFiches(&b, r, []string{"c1"}); err != nil || !strings.Contains(b.String(), want) {
		t.Errorf("fiche of c1 (%v) lacks the mark", err)
	}
}

func TestCabinetOfAndEntriesOf(t *testing.T) {
	ws := checklist.Workspace{ID: "552008443", Operator: "C. Martin",
		Cabinet: checklist.Cabinet{SIREN: "552008443", LegalName: "Cabinet Martin", ManagerEmail: "claire@cabinet-martin.fr", Address: "Lyon"}}
	want := Cabinet{Name: "Cabinet Martin", SIREN: "552008443", ManagerEmail: "claire@cabinet-martin.fr", Operator: "C. Martin"}
	if got := CabinetOf(ws); got != want {
		t.Fatalf("CabinetOf = %+v, want %+v", got, want)
	}
	at := time.Date(2026, 3, 12, 9, 0, 0, 0, time.UTC)
	ev := checklist.Event{At: at, Who: "C. Martin", Action: checklist.ActionStep,
		Ref: checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: "c1"}, From: "todo", To: "done", Detail: "d"}
	got := EntriesOf([]checklist.Event{ev})
	if len(got) != 1 || got[0] != (Entry{At: at, By: "C. Martin", Client: "c1", Step: checklist.StepClientPendingInvoices,
		Action: checklist.ActionStep, From: "todo", To: "done", Detail: "d"}) {
		t.Fatalf("EntriesOf = %+v", got)
	}
}
