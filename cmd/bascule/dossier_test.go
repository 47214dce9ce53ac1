package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
)

// seedDossier records a client's users and IBAN as the capture forms do, and
// a reason and a note with step set.
func seedDossier(t *testing.T, h *harness) {
	t.Helper()
	seedWorkspace(t, h, "files")
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	run, err := db.LoadRun("martin", checklist.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, ch := range []store.StepChange{
		{Ref: checklist.Ref{Step: "preparation.client.users", Client: "a1"},
			Capture: &checklist.Capture{Items: []checklist.Record{{"name": "Céline Lefèvre", "email": "celine@zinc.fr", "roles": "admin", "reinvite": "true"}}}},
		{Ref: checklist.Ref{Step: "preparation.payment.external_accounts", Client: "a2"},
			Capture: &checklist.Capture{Items: []checklist.Record{{"iban": "FR7630006000011234567890189", "holder": "Garage du Port", "validated": "true"}}}},
	} {
		if _, err := db.ApplyStep("martin", run, ch); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	h.want(0, "step", "set", "client", "pending_invoices", "--client", "a1", "--status", "blocked",
		"--reason", "client injoignable", "--note", "rappeler lundi", "--workspace", "martin")
}

func TestStepListJSONCarriesTheRecord(t *testing.T) {
	h := newHarness(t)
	seedDossier(t, h)
	var rows []map[string]any
	r := h.want(0, "step", "list", "--client", "a1", "--json", "--workspace", "martin")
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatal(err)
	}
	got := map[string]map[string]any{}
	for _, row := range rows {
		got[row["id"].(string)] = row
	}
	p := got["preparation.client.pending_invoices"]
	if p["reason"] != "client injoignable" || p["note"] != "rappeler lundi" || p["by"] != "C. Martin" || p["at"] == nil {
		t.Errorf("pending_invoices row = %v", p)
	}
	u, _ := json.Marshal(got["preparation.client.users"]["captured"])
	if !strings.Contains(string(u), "Céline Lefèvre") {
		t.Errorf("users row has no captured values: %s", u)
	}
	text := h.want(0, "step", "list", "--client", "a1", "--workspace", "martin").stdout
	if !strings.Contains(text, "client injoignable") || !strings.Contains(text, "rappeler lundi") {
		t.Errorf("text list lacks reason or note:\n%s", text)
	}
	r = h.want(0, "step", "list", "--client", "a2", "--json", "--workspace", "martin")
	if strings.Contains(r.stdout, "30006000011234567890") || !strings.Contains(r.stdout, "FR76 •••• 0189") {
		t.Error("step list shows the IBAN in full without --reveal")
	}
}

func TestReportCarriesTheDossier(t *testing.T) {
	h := newHarness(t)
	seedDossier(t, h)
	want := []string{"client injoignable", "rappeler lundi", "Céline Lefèvre", "celine@zinc.fr", "FR76 •••• 0189"}
	for _, f := range []string{"json", "md", "csv"} {
		out := h.want(0, "report", "--workspace", "martin", "--format", f).stdout
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s report lacks %q", f, w)
			}
		}
	}
	cab := h.want(0, "report", "--workspace", "martin", "--format", "html").stdout
	for _, w := range want[:2] {
		if !strings.Contains(cab, w) {
			t.Errorf("cabinet HTML lacks %q", w)
		}
	}
	fiches := h.want(0, "report", "--workspace", "martin", "--fiches", "all").stdout
	for _, w := range want {
		if !strings.Contains(fiches, w) {
			t.Errorf("fiches lack %q", w)
		}
	}
	one := h.want(0, "report", "--workspace", "martin", "--fiches", "404833048").stdout // by SIREN
	if strings.Count(one, `<section class="fiche">`) != 1 || !strings.Contains(one, "Garage du Port") {
		t.Error("--fiches SIREN does not give that client's fiche alone")
	}
	h.want(2, "report", "--workspace", "martin", "--fiches", "nope")
	h.want(2, "report", "--workspace", "martin", "--fiches", "all", "--format", "csv")
}

func TestStatusNeverAllDoneWhileBlocked(t *testing.T) {
	h := newHarness(t)
	d := "--demo-clients=1"
	for _, s := range []string{"preparation.cabinet.collaborators", "preparation.cabinet.inactive_clients_export", "preparation.cabinet.api_connections",
		"registration.comptexpert", "registration.mobile_app", "request.notify_clients"} {
		h.want(0, "step", "set", "cabinet", s, "--status", "blocked", "--reason", "x", d)
	}
	for _, s := range []string{"pending_invoices", "articles", "logo", "preparation.client.users", "preparation.client.numbering"} {
		h.want(0, "step", "set", "client", s, "--client", "cli-00001", "--status", "blocked", "--reason", "x", d)
	}
	out := h.want(0, "status", d).stdout
	if strings.Contains(out, "Tout est fait") || !strings.Contains(out, "bloquées") {
		t.Errorf("status with every open step blocked:\n%s", out)
	}
}

// TestReportPrintsOnFewPages prints the cabinet report of the 12,000-client
// demo, and one client's fiche, with headless Chromium and counts the A4
// pages of the PDFs. It skips where Chromium is not installed.
func TestReportPrintsOnFewPages(t *testing.T) {
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("chromium not installed")
	}
	if testing.Short() {
		t.Skip("prints with a browser")
	}
	h := newHarness(t)
	dir := t.TempDir()
	d := "--demo-clients=12000"
	h.want(0, "step", "set", "client", "pending_invoices", "--client", "cli-00001", "--status", "blocked", "--reason", "client injoignable", "--note", "rappeler lundi", d)
	cab, fiche := filepath.Join(dir, "cabinet.html"), filepath.Join(dir, "fiche.html")
	h.want(0, "report", d, "--format", "html", "-o", cab)
	h.want(0, "report", d, "--fiches", "cli-00001", "-o", fiche)
	for _, c := range []struct {
		html     string
		min, max int
	}{{cab, 1, 20}, {fiche, 1, 2}} {
		pdf := strings.TrimSuffix(c.html, ".html") + ".pdf"
		cmd := exec.Command(browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir="+filepath.Join(dir, "profile"),
			"--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+c.html)
		if out, err := cmd.CombinedOutput(); err != nil {
			// A browser killed by a signal (seen: a segfault on a loaded
			// machine) says nothing about the report: skip, don't fail.
			var ee *exec.ExitError
			if errors.As(err, &ee) && !ee.Exited() {
				t.Skipf("chromium crashed (%v); the page count is not checked here", err)
			}
			t.Fatalf("chromium: %v\n%s", err, out)
		}
		b, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		// Page objects are "/Type /Page" not followed by "s" (/Pages is the tree).
		n := bytes.Count(b, []byte("/Type /Page")) - bytes.Count(b, []byte("/Type /Pages"))
		t.Logf("%s: %d page(s)", filepath.Base(c.html), n)
		if n < c.min || n > c.max {
			t.Errorf("%s prints on %d pages, want %d to %d", filepath.Base(c.html), n, c.min, c.max)
		}
	}
}

// The evidence summary of step list --json names the facts for the reader
// (the facts map keeps its stable keys for scripts).
func TestStepListEvidenceSummaryNamed(t *testing.T) {
	h := newHarness(t)
	h.want(0, "sweep", "--demo")
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	run, err := db.LoadRun("demo", checklist.Default())
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	var rows []struct {
		ID       string `json:"id"`
		Evidence *struct {
			Facts   map[string]string `json:"facts"`
			Summary string            `json:"summary"`
		} `json:"evidence"`
	}
	r := h.want(0, "step", "list", "--client", run.Clients[0].ID, "--json", "--demo")
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		if row.ID != checklist.StepClientPendingInvoices {
			continue
		}
		if row.Evidence == nil || row.Evidence.Facts[checklist.FactPendingPurchases] == "" {
			t.Fatalf("no evidence after the sweep: %+v", row)
		}
		s := row.Evidence.Summary
		if !strings.Contains(s, "achats en attente : ") || strings.Contains(s, "pending_purchases") {
			t.Fatalf("summary %q", s)
		}
		return
	}
	t.Fatal("no pending invoices row")
}
