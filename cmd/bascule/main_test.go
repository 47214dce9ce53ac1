package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors/files"
	"github.com/bascule-cli/bascule/store"
)

// result is what one in-process run of bascule gave.
type result struct {
	stdout, stderr string
	code           int
}

// harness runs bascule in-process against a database of its own.
type harness struct {
	t     *testing.T
	db    string
	env   map[string]string
	stdin string
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	return &harness{t: t, db: filepath.Join(t.TempDir(), "bascule.db"), env: map[string]string{}}
}

func (h *harness) run(args ...string) result {
	h.t.Helper()
	var out, errb bytes.Buffer
	full := append([]string{"--db", h.db}, args...)
	code := runWith(full, strings.NewReader(h.stdin), &out, &errb, func(k string) string { return h.env[k] })
	return result{stdout: out.String(), stderr: errb.String(), code: code}
}

func (h *harness) want(code int, args ...string) result {
	h.t.Helper()
	r := h.run(args...)
	if r.code != code {
		h.t.Fatalf("bascule %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), r.code, code, r.stdout, r.stderr)
	}
	return r
}

func TestVersionHelpAndUsage(t *testing.T) {
	h := newHarness(t)
	if r := h.want(0, "--version"); !strings.Contains(r.stdout, "bascule") {
		t.Errorf("--version: %q", r.stdout)
	}
	if r := h.want(0, "--help"); !strings.Contains(r.stdout, "status") || !strings.Contains(r.stdout, "sandbox") {
		t.Errorf("--help lacks commands:\n%s", r.stdout)
	}
	h.want(2, "--no-such-flag")
	h.want(2, "no-such-command")
	h.want(2, "status", "extra")
	h.want(2, "--lang", "de", "status", "--demo")
	h.want(2, "step", "bogus")
	for _, sh := range []string{"bash", "zsh", "fish"} {
		if r := h.want(0, "completion", sh); !strings.Contains(r.stdout, "bascule") {
			t.Errorf("completion %s: %q", sh, r.stdout[:min(len(r.stdout), 200)])
		}
	}
}

func TestStatus(t *testing.T) {
	h := newHarness(t)
	r := h.want(0, "status", "--demo")
	for _, want := range []string{"Cabinet Martin", "Préparation", "Prochaine étape", "clients ont des factures en attente"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("status lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "\x1b") {
		t.Error("escape sequence in output that is not a terminal")
	}
	r = h.want(0, "status", "--demo", "--json", "--lang", "en")
	var m map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
		t.Fatalf("status --json: %v\n%s", err, r.stdout)
	}
	for _, k := range []string{"workspace", "cabinet", "progress", "phases", "blockers", "blocker_summary", "next_step", "answer_due"} {
		if _, ok := m[k]; !ok {
			t.Errorf("status --json lacks %q", k)
		}
	}
	h.env["LANG"] = "en_GB.UTF-8"
	if r := h.want(0, "status", "--demo"); !strings.Contains(r.stdout, "Next step") {
		t.Errorf("LANG=en: %s", r.stdout)
	}
}

func TestNoWorkspace(t *testing.T) {
	h := newHarness(t)
	r := h.want(1, "status")
	if !strings.Contains(r.stderr, "aucun espace de travail") {
		t.Errorf("stderr = %q", r.stderr)
	}
	// An unknown workspace is a wrong argument (2), like an unknown client.
	h.want(2, "status", "--workspace", "absent")
	h.want(2, "status", "--demo", "--workspace", "autre")
	// Once the demo exists it is the only workspace: no flag needed.
	h.want(0, "status", "--demo")
	h.want(0, "status")
}

func TestDatabaseInUse(t *testing.T) {
	h := newHarness(t)
	h.want(0, "status", "--demo")
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	r := h.want(3, "status", "--demo")
	if time.Since(start) > 3*time.Second {
		t.Errorf("in-use error after %v", time.Since(start))
	}
	if !strings.Contains(r.stderr, h.db) {
		t.Errorf("in-use message does not name the file: %q", r.stderr)
	}
}

type stepRowT struct {
	ID, Phase, Scope, Section, Title, Status, Client string
	Counts                                           map[string]int
}

func stepList(t *testing.T, h *harness, args ...string) []stepRowT {
	t.Helper()
	r := h.want(0, append([]string{"step", "list", "--json"}, args...)...)
	var rows []stepRowT
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatalf("step list --json: %v\n%s", err, r.stdout)
	}
	return rows
}

func findRow(rows []stepRowT, id string) stepRowT {
	for _, r := range rows {
		if r.ID == id {
			return r
		}
	}
	return stepRowT{}
}

func TestStepListAndSet(t *testing.T) {
	h := newHarness(t)
	rows := stepList(t, h, "--demo")
	if len(rows) < 30 {
		t.Fatalf("%d steps", len(rows))
	}
	for _, r := range rows {
		if r.ID == "" || r.Phase == "" || r.Scope == "" || r.Section == "" || r.Title == "" || r.Status == "" {
			t.Fatalf("incomplete row %+v", r)
		}
	}
	if r := findRow(rows, "preparation.client.logo"); r.Counts["todo"] == 0 {
		t.Errorf("client step without counts: %+v", r)
	}
	if r := h.want(0, "step", "list", "--demo"); !strings.Contains(r.stdout, "preparation.cabinet.collaborators") {
		t.Errorf("text list:\n%s", r.stdout)
	}
	h.want(2, "step", "list", "--demo", "--scope", "galaxy")
	h.want(2, "step", "list", "--demo", "--client", "nobody")

	r := h.want(0, "step", "set", "cabinet", "preparation.cabinet.collaborators", "--status", "done", "--demo", "--note", "3 collaborateurs")
	if !strings.Contains(r.stdout, "à faire → fait") {
		t.Errorf("step set output %q", r.stdout)
	}
	// Short step name, client by SIREN-less id, reason for blocked.
	h.want(0, "step", "set", "client", "logo", "--client", "cli-00002", "--status", "blocked", "--reason", "logo introuvable", "--demo")
	rows = stepList(t, h, "--demo", "--client", "cli-00002")
	if got := findRow(rows, "preparation.client.logo"); got.Status != "blocked" || got.Client != "cli-00002" {
		t.Errorf("after set: %+v", got)
	}
	if got := findRow(stepList(t, h, "--demo", "--scope", "cabinet"), "preparation.cabinet.collaborators"); got.Status != "done" {
		t.Errorf("cabinet step after set: %+v", got)
	}

	// Usage errors: exit 2.
	h.want(2, "step", "set", "cabinet", "--status", "done", "--demo")
	h.want(2, "step", "set", "galaxy", "x", "--status", "done", "--demo")
	h.want(2, "step", "set", "cabinet", "preparation.cabinet.collaborators", "--status", "finished", "--demo")
	h.want(2, "step", "set", "cabinet", "preparation.cabinet.collaborators", "--demo")
	h.want(2, "step", "set", "client", "logo", "--status", "done", "--demo")
	h.want(2, "step", "set", "client", "logo", "--client", "nobody", "--status", "done", "--demo")
	h.want(2, "step", "set", "cabinet", "preparation.cabinet.collaborators", "--status", "blocked", "--demo")
	h.want(2, "step", "set", "cabinet", "preparation.client.logo", "--status", "done", "--demo")
	h.want(2, "step", "set", "cabinet", "nosuchstep", "--status", "done", "--demo")

	// A closed gate: the French message and what blocks, exit 1.
	r = h.want(1, "step", "set", "cabinet", "request.submit", "--status", "done", "--demo")
	if !strings.Contains(r.stderr, "bascule:") || !strings.Contains(r.stderr, "  - ") {
		t.Errorf("gate refusal without blockers:\n%s", r.stderr)
	}
	r = h.want(1, "step", "set", "cabinet", "request.submit", "--status", "done", "--demo", "--lang", "en")
	if strings.Contains(r.stderr, "à faire") {
		t.Errorf("English refusal in French:\n%s", r.stderr)
	}
}

func TestSweepDemo(t *testing.T) {
	h := newHarness(t)
	r := h.want(0, "sweep", "--demo")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) < 30 {
		t.Fatalf("%d result lines:\n%s", len(lines), r.stdout)
	}
	if !strings.Contains(r.stderr, "32/32") || strings.Contains(r.stderr, "\r") {
		t.Errorf("progress on stderr: %q", r.stderr)
	}
	got := findRow(stepList(t, h, "--demo", "--scope", "client"), "preparation.client.pending_invoices")
	if got.Counts["done"] == 0 || got.Counts["in_progress"] == 0 {
		t.Errorf("sweep evidence not applied: %+v", got)
	}
	// Pending counts are recorded: the status now names them.
	if st := h.want(0, "status", "--demo"); !strings.Contains(st.stdout, "factures en attente") {
		t.Errorf("status after sweep:\n%s", st.stdout)
	}
}

func TestSweepWithoutV1(t *testing.T) {
	h := newHarness(t)
	seedWorkspace(t, h, "files")
	r := h.want(1, "sweep", "--workspace", "martin")
	if !strings.Contains(r.stderr, "pas d'accès en ligne à V1") {
		t.Errorf("stderr = %q", r.stderr)
	}
}

// seedWorkspace creates a non-demo workspace with two clients.
func seedWorkspace(t *testing.T, h *harness, mode string) {
	t.Helper()
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.CreateWorkspace(store.Workspace{ID: "martin", Cabinet: store.Cabinet{SIREN: "552008443", LegalName: "Cabinet Martin", ManagerEmail: "claire@cabinet-martin.fr"}, Operator: "C. Martin", Mode: checklist.Mode(mode)}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutDossiers("martin", []checklist.Dossier{
		{ID: "a1", Name: "Café Le Zinc", SIREN: "732829320", PendingInvoices: -1},
		{ID: "a2", Name: "Garage du Port", SIREN: "404833048", Payment: true, PendingInvoices: 2},
	}, "test"); err != nil {
		t.Fatal(err)
	}
}

func TestReport(t *testing.T) {
	h := newHarness(t)
	h.want(0, "step", "set", "cabinet", "preparation.cabinet.collaborators", "--status", "done", "--demo")
	r := h.want(0, "report", "--demo")
	for _, want := range []string{"# Rapport de migration", "Synthèse (§4)", "Journal de la session", "Recenser les collaborateurs du cabinet"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("markdown report lacks %q", want)
		}
	}
	dir := t.TempDir()
	for _, f := range []string{"html", "csv", "json", "md"} {
		out := filepath.Join(dir, "rapport."+f)
		h.want(0, "report", "--demo", "-o", out) // format from the extension
		st, err := os.Stat(out)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", out, st.Mode().Perm())
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "rapport.csv"))
	if !bytes.HasPrefix(b, []byte("\uFEFF")) || !bytes.Contains(b, []byte(";")) {
		t.Error("CSV report not for French Excel")
	}
	b, _ = os.ReadFile(filepath.Join(dir, "rapport.html"))
	if !bytes.Contains(b, []byte("@page")) {
		t.Error("HTML report without print rules")
	}
	if r := h.want(0, "report", "--demo", "--since", "1h", "--format", "json"); !strings.Contains(r.stdout, `"audit"`) {
		t.Error("json report")
	}
	h.want(0, "report", "--demo", "--since", "2026-03-02")
	h.want(2, "report", "--demo", "--format", "pdf")
	h.want(2, "report", "--demo", "--since", "hier")
	h.want(1, "report", "--demo", "-o", filepath.Join(dir, "no", "such", "dir.md"))
}

func TestReportMasksIBANs(t *testing.T) {
	h := newHarness(t)
	seedWorkspace(t, h, "files")
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	run, err := db.LoadRun("martin", checklist.Default())
	if err != nil {
		t.Fatal(err)
	}
	capture := checklist.Capture{Items: []checklist.Record{{"iban": "FR7630006000011234567890189", "holder": "Garage du Port", "validated": "true"}}}
	if _, err := db.ApplyStep("martin", run, store.StepChange{Ref: checklist.Ref{Step: "preparation.payment.external_accounts", Client: "a2"}, Capture: &capture}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	r := h.want(0, "report", "--workspace", "martin", "--format", "md")
	if strings.Contains(r.stdout, "30006000011234567890") {
		t.Errorf("IBAN in clear without --reveal:\n%s", r.stdout)
	}
	r = h.want(0, "report", "--workspace", "martin", "--format", "md", "--reveal")
	if !strings.Contains(r.stdout, "FR7630006000011234567890189") {
		t.Errorf("--reveal did not show the IBAN")
	}
}

// frenchExcelCSV is a V1 export as French Excel saves it: Windows-1252, ';',
// a sep= line, a quoted field holding ';' and a line break, a SIREN and a
// postal code that lost their leading zero, and one bad row per check.
func frenchExcelCSV(t *testing.T) []byte {
	t.Helper()
	text := "sep=;\r\n" +
		"Raison sociale;SIREN;Statut;E-mail du contact;Prénom du contact;Nom du contact;Code postal;Ville;IBAN\r\n" +
		"Boulangerie Lefèvre;552008443;Brouillon;emile@lefevre.fr;Émile;Lefèvre;75011;Paris;FR7630006000011234567890189\r\n" +
		"\"Café \"\"Le Zinc\"\"; bar\r\net tabac\";732829320;Créé;zinc@cafe.fr;Léa;Dupont;6000;Nice;\r\n" +
		"Société ancienne;404833047;Brouillon;contact@ancienne.fr;Paul;Durand;69001;Lyon;\r\n" +
		"Sans courriel;404833048;Mis à jour;pas-un-email;Jean;Roux;13001;Marseille;\r\n" +
		"Mauvais IBAN;303265045;Brouillon;ok@exemple.fr;Anne;Petit;33000;Bordeaux;FR7630006000011234567890180\r\n" +
		"Client actif;334175221;Actif;actif@exemple.fr;Marc;Blanc;44000;Nantes;\r\n"
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestClientsConvert(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "export.csv")
	if err := os.WriteFile(in, frenchExcelCSV(t), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "import.xlsx")
	r := h.want(1, "clients", "convert", "--from", in, "--to", out)
	for _, want := range []string{"ligne 6, colonne « SIREN »", "ligne 7", "ligne 8, colonne « IBAN »", "6 lignes lues : 2 écrites, 3 rejetées, 1 client actif ignoré"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stdout, "import.xlsx") {
		t.Errorf("stdout = %q", r.stdout)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	exp, err := files.ReadClientsExport(f, out, files.ReadOptions{})
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(exp.Clients) != 2 || exp.Clients[1].PostalCode != "06000" {
		t.Errorf("written clients: %+v", exp.Clients)
	}

	// The xlsx written above read back as an export, split in files of one.
	outCSV := filepath.Join(dir, "split.csv")
	r = h.want(0, "clients", "convert", "--from", out, "--to", outCSV, "--max-rows", "1", "--include-active")
	if n := len(strings.Fields(r.stdout)); n != 2 {
		t.Errorf("split into %d files:\n%s", n, r.stdout)
	}
	b, err := os.ReadFile(filepath.Join(dir, "split-001.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\uFEFF")) {
		t.Error("CSV import without BOM")
	}

	// An explicit mapping for a column nothing recognises.
	odd := filepath.Join(dir, "odd.csv")
	os.WriteFile(odd, []byte("Nom;Numéro légal;Statut;Mail;Prénom;Famille\nCafé;732829320;brouillon;a@b.fr;Léa;Dupont\n"), 0o600)
	h.want(0, "clients", "convert", "--from", odd, "--to", filepath.Join(dir, "odd.xlsx"),
		"--map", "Nom=legal_name", "--map", "Numéro légal=siren", "--map", "Mail=contact_email", "--map", "Prénom=contact_first_name", "--map", "Famille=contact_last_name")

	h.want(2, "clients", "convert", "--to", out)
	h.want(2, "clients", "convert", "--from", in, "--to", filepath.Join(dir, "x.pdf"))
	h.want(2, "clients", "convert", "--from", in, "--to", out, "--map", "oops")
	h.want(1, "clients", "convert", "--from", filepath.Join(dir, "absent.csv"), "--to", out)
}

func TestNotify(t *testing.T) {
	h := newHarness(t)
	dir := filepath.Join(t.TempDir(), "annonces")
	r := h.want(0, "notify", "--demo", "--out", dir)
	paths := strings.Fields(r.stdout)
	if len(paths) != 32 {
		t.Fatalf("%d messages", len(paths))
	}
	st, _ := os.Stat(dir)
	if st.Mode().Perm() != 0o700 {
		t.Errorf("dir mode %v", st.Mode().Perm())
	}
	for _, p := range paths[:3] {
		st, err := os.Stat(p)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v %v", p, err, st)
		}
		b, _ := os.ReadFile(p)
		m, err := mail.ReadMessage(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if m.Header.Get("From") == "" || m.Header.Get("To") == "" || m.Header.Get("Subject") == "" || m.Header.Get("Date") == "" {
			t.Errorf("%s headers: %v", p, m.Header)
		}
		body, _ := io.ReadAll(m.Body)
		if len(body) == 0 {
			t.Error("empty body")
		}
	}
	h.want(2, "notify", "--demo")
	h.want(2, "notify", "--demo", "--out", dir, "--from", "pas-une-adresse")
}

func TestExportImport(t *testing.T) {
	h := newHarness(t)
	h.want(0, "step", "set", "cabinet", "preparation.cabinet.collaborators", "--status", "done", "--demo")
	file := filepath.Join(t.TempDir(), "demo.json")
	h.want(0, "export", "--demo", "-o", file)
	if st, _ := os.Stat(file); st.Mode().Perm() != 0o600 {
		t.Errorf("export mode %v", st.Mode().Perm())
	}
	other := newHarness(t)
	if r := other.want(0, "import", file); strings.TrimSpace(r.stdout) != "demo" {
		t.Errorf("import printed %q", r.stdout)
	}
	if got := findRow(stepList(t, other, "--workspace", "demo", "--scope", "cabinet"), "preparation.cabinet.collaborators"); got.Status != "done" {
		t.Errorf("imported status %+v", got)
	}
	if r := other.want(1, "import", file); !strings.Contains(r.stderr, "--replace") {
		t.Errorf("overwrite refusal: %q", r.stderr)
	}
	other.want(0, "import", file, "--rename-to", "demo2")
	other.want(0, "import", file, "--replace")
	other.want(2, "import")
	other.want(2, "import", file, "--replace", "--rename-to", "x")
	other.want(1, "import", filepath.Join(t.TempDir(), "absent.json"))
	// stdin
	b, _ := os.ReadFile(file)
	other.stdin = string(b)
	other.want(0, "import", "-", "--rename-to", "demo3")
}

func TestBackupRestoreDoctor(t *testing.T) {
	h := newHarness(t)
	if r := h.want(0, "doctor"); !strings.Contains(r.stdout, "n'existe pas encore") {
		t.Errorf("doctor on no database:\n%s", r.stdout)
	}
	h.want(1, "restore")
	h.want(0, "status", "--demo")
	r := h.want(0, "backup")
	backup := strings.TrimSpace(r.stdout)
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("backup %q: %v", backup, err)
	}
	h.want(0, "step", "set", "cabinet", "preparation.cabinet.collaborators", "--status", "done", "--demo")
	r = h.want(0, "doctor")
	for _, want := range []string{"bonne", "demo", "Sauvegardes (1, heure de Paris)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("doctor lacks %q:\n%s", want, r.stdout)
		}
	}
	h.want(0, "restore")
	if got := findRow(stepList(t, h, "--demo", "--scope", "cabinet"), "preparation.cabinet.collaborators"); got.Status != "todo" {
		t.Errorf("after restore: %+v", got)
	}
	h.want(0, "restore", backup)
	h.want(1, "restore", filepath.Join(t.TempDir(), "nope"))
	h.want(2, "restore", "a", "b")

	// A damaged file: doctor says so, names a backup, exits 1.
	if err := os.WriteFile(h.db, bytes.Repeat([]byte{0xAB}, 8192), 0o600); err != nil {
		t.Fatal(err)
	}
	r = h.want(1, "doctor")
	if !strings.Contains(r.stdout, "ENDOMMAGÉE") {
		t.Errorf("doctor on garbage:\n%s", r.stdout)
	}
	h.want(1, "status", "--demo")
}

func TestPurge(t *testing.T) {
	h := newHarness(t)
	seedWorkspace(t, h, "files")
	h.stdin = "123456789\n"
	h.want(1, "purge", "--workspace", "martin")
	h.want(0, "status", "--workspace", "martin")
	h.stdin = ""
	h.want(1, "purge", "--workspace", "martin", "--client", "a2")
	h.want(2, "purge", "--workspace", "martin", "--client", "zz", "--yes")
	h.stdin = "404 833 048\n"
	h.want(0, "purge", "--workspace", "martin", "--client", "a2")
	h.stdin = "552 008 443\n"
	r := h.want(0, "purge", "--workspace", "martin")
	if !strings.Contains(r.stdout, "effacé") {
		t.Errorf("purge output %q", r.stdout)
	}
	h.want(2, "status", "--workspace", "martin") // gone: an unknown workspace
	h.want(0, "status", "--demo")
	h.want(0, "purge", "--demo", "--yes")
}

func TestSandboxServeUsage(t *testing.T) {
	h := newHarness(t)
	h.want(2, "sandbox", "serve", "--rate-429", "1.5")
	h.want(2, "sandbox", "serve", "--addr", "0.0.0.0:0")
	h.want(2, "sandbox", "serve", "--clients", "999999")
	if r := h.want(0, "sandbox", "serve", "--help"); !strings.Contains(r.stdout, "--latency") {
		t.Error("sandbox serve --help")
	}
}
