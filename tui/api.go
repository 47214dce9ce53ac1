package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/report"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/session"
)

// The application API the accessible mode (tui/accessible) shares with the
// full-screen program: the first run's questions (the workspace itself is
// created by the engine, session.CreateWorkspace), the connector checks and
// jobs (the engine's, with this program's ports) and how their evidence is
// told, the clients' notices (NoticesJob) and the summary export
// (SummaryExport). Both modes go through these so that they ask the same
// questions, write the same files and record identical evidence.

// FirstRunField is the field whose Validate checks one answer of the
// first run, with the full-screen form's messages: "siren", "legal_name",
// "email", "operator", "export", "api_url", "client_id", "client_secret",
// "passphrase".
func FirstRunField(name string) checklist.Field {
	f := func(fr, en string, t checklist.FieldType) checklist.Field {
		return checklist.Field{ID: name, Label: checklist.Text{FR: fr, EN: en}, Type: t, Required: true}
	}
	switch name {
	case "siren":
		return f("SIREN", "SIREN", checklist.FieldSIREN)
	case "legal_name":
		return f("Raison sociale", "Legal name", checklist.FieldText)
	case "email":
		return f("E-mail du responsable", "Manager e-mail", checklist.FieldEmail)
	case "operator":
		return f("Opérateur", "Operator", checklist.FieldText)
	case "export":
		return f("Fichier d'export", "Export file", checklist.FieldFile)
	case "api_url":
		return f("Adresse de l'API V1", "V1 API address", checklist.FieldText)
	case "client_id":
		return f("Identifiant client", "Client id", checklist.FieldText)
	case "client_secret":
		return f("Secret client", "Client secret", checklist.FieldText)
	case "passphrase":
		p := f("Phrase secrète", "Passphrase", checklist.FieldText)
		p.MinRunes = checklist.MinPassphrase
		return p
	}
	return f(name, name, checklist.FieldText)
}

// ImportSummary is the line the first run shows after reading a V1
// export: "3 dossiers créés depuis l'export V1, 1 ligne refusée".
func ImportSummary(lang checklist.Lang, imported, rejected int) string {
	text := itoa(imported) + " " + tr(lang, plural(imported, "dossier créé", "dossiers créés"), plural(imported, "dossier created", "dossiers created")) +
		tr(lang, " depuis l'export V1", " from the V1 export")
	if rejected > 0 {
		text += ", " + itoa(rejected) + " " + tr(lang, plural(rejected, "ligne refusée", "lignes refusées"), plural(rejected, "row rejected", "rows rejected"))
	}
	return text
}

// ErrNoConnector says the workspace's mode has no connector for a check
// (files mode, or API mode without the passphrase).
var ErrNoConnector = errNoPort

// CheckResult is a connector check's answer (the engine's).
type CheckResult = session.CheckResult

// ConnectorCheck returns the check bascule runs for a step instance, or nil
// when the step has none: the engine's table (session.Check), with the
// workspace's V1 and V2 ports. cab is the workspace's cabinet (the identity
// check compares with it).
func ConnectorCheck(ports Ports, cab connectors.Cabinet, ref checklist.Ref, now func() time.Time) func(ctx context.Context) (CheckResult, error) {
	fn := session.Check(session.Ports{V1: ports.V1, V2: ports.V2}, cab, ref, now)
	if fn == nil {
		return nil
	}
	return fn
}

// EvidenceFacts are the facts of some evidence that explain its step, as
// "label : value" lines in the user's language (the detail pane's).
func EvidenceFacts(lang checklist.Lang, ev checklist.Evidence) []string {
	keys := make([]string, 0, len(ev.Facts))
	for k := range ev.Facts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		if label := factLabel(lang, k); label != "" {
			out = append(out, label+tr(lang, " : ", ": ")+factValue(lang, ev.Facts[k]))
		}
	}
	return out
}

// CheckedWhere says where some evidence was taken, as the user reads it
// after "Vérifié"/"Checked": "sur V1", "sur V2", "par bascule" for a check
// of bascule's own rules, "dans un fichier" for files bascule wrote.
func CheckedWhere(lang checklist.Lang, source string) string {
	switch source {
	case "bascule":
		return Tr(lang, "par bascule", "by bascule")
	case "file":
		return Tr(lang, "dans un fichier", "in a file")
	}
	return Tr(lang, "sur ", "on ") + SourceLabel(lang, source)
}

// SourceLabel names where evidence comes from in a short label: "V1",
// "V2", "fichier", "bascule", "simulation"; an unknown source keeps its
// own name, upper-cased like V1 and V2.
func SourceLabel(lang checklist.Lang, source string) string {
	switch source {
	case "file":
		return Tr(lang, "fichier", "file")
	case "bascule":
		return "bascule"
	case "sandbox":
		return Tr(lang, "simulation", "simulation")
	}
	return strings.ToUpper(source)
}

// JobResult is what a step's connector work found or did (the engine's).
type JobResult = session.JobResult

// StepJob returns the connector work the full-screen program runs for a
// step instance — the reconciliation's controls and re-creations on V2, the
// preparation's checks, and the request's readiness check (what blocks the
// request) — or nil when the step is done by hand.
// Re-creations write on V2 (StepJobWrites), under idempotency keys derived
// from the workspace, the same in both modes: running one again, here or
// there, does not create twice.
func StepJob(ports Ports, st Store, w Workspace, run *checklist.Run, lang checklist.Lang, now func() time.Time, ref checklist.Ref) func(ctx context.Context) (JobResult, error) {
	if now == nil {
		now = time.Now
	}
	var j job
	if ref.Step == checklist.StepRequestClientChecks && run != nil {
		// The request screen's readiness check: what blocks the request when
		// it runs (not when the menu offering it is shown: 9 ms at 12,000
		// clients).
		j = func(ctx context.Context) (jobResult, error) { return readinessJob(run.RequestBlockers(), now())(ctx) }
	} else {
		j = jobFor(jobDeps{v1: ports.V1, v2: ports.V2, now: now, store: st, ws: w.ID, seed: workspaceSeed(w), run: run, lang: lang}, ref)
	}
	if j == nil {
		return nil
	}
	return func(ctx context.Context) (JobResult, error) {
		r, err := j(ctx)
		return JobResult{Evidence: r.ev, Pending: r.pending, Capture: r.capture, Summary: r.summary}, err
	}
}

// StepJobWrites says a step's job changes something on V2 (a re-creation),
// rather than only reading (a check or a control).
func StepJobWrites(step string) bool {
	switch step {
	case checklist.StepReconCabinetRoles, checklist.StepReconPaymentPaymentAccount, checklist.StepReconClientV1ReadOnly:
		return false // checks: they read V2 or V1, they write nothing
	}
	return strings.HasPrefix(step, "reconciliation.") && !isControl(step)
}

// BoolAnswer is the answer a yes/no capture field starts on: the value
// noted, or for a new item Oui where the guide expects it most of the time
// (a person noted is invited again unless told otherwise), else Non.
func BoolAnswer(fl checklist.Field, value string) bool {
	if value == "" {
		return fl.ID == "reinvite"
	}
	return value == "true"
}

// NoticesJob writes the clients' notices (§3.2 item 1) through the engine
// (session.WriteNotices) into outDir/annonces, the cabinet as sender and
// each client's contact from V1 when the engine has it, and returns the
// evidence the step records (the folder, the messages written, those
// without a recipient) with a one-line summary. A V1 that does not answer
// only costs recipients.
func NoticesJob(eng *session.Engine, outDir string, lang checklist.Lang) func(ctx context.Context) (JobResult, error) {
	root := filepath.Join(outDir, "annonces")
	return func(ctx context.Context) (JobResult, error) {
		if eng == nil {
			return JobResult{}, errNoEngine
		}
		w, err := eng.WriteNotices(ctx, session.NoticeRequest{Root: root})
		if err != nil {
			return JobResult{}, err
		}
		written := len(w.Paths)
		abs, _ := filepath.Abs(w.Dir)
		ev := checklist.Evidence{Source: "file", At: w.Date.UTC(), OK: true,
			Facts: map[string]string{"dir": abs, "messages": itoa(written), "no_contact": itoa(w.NoContact)}}
		return JobResult{Evidence: ev, Summary: fmt.Sprintf("%d %s → %s", written, plural(written, tr(lang, "message écrit", "message written"), tr(lang, "messages écrits", "messages written")), abs)}, nil
	}
}

// SummaryExport writes the report (Markdown and self-contained HTML, IBANs
// masked) into outDir as synthese-<workspace>, built by the engine
// (session.Report) with the journal since since: events when the front end
// holds them, else read from the store when it keeps an audit log. It
// returns the files' absolute paths.
func SummaryExport(eng *session.Engine, ws Workspace, outDir string, since time.Time, events []checklist.Event, loc *time.Location) ([]string, error) {
	if eng == nil {
		return nil, errNoEngine
	}
	req := session.ReportRequest{Workspace: ws, Since: since, Events: events, Location: loc}
	r, err := eng.Report(req)
	if err != nil {
		return nil, err
	}
	return session.WriteReportFiles(outDir, "synthese-"+ws.ID, r, report.Markdown, report.HTML)
}
