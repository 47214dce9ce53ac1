package tui

import (
	"context"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/bascule-cli/bascule/tui/session"
)

// What the accessible mode (tui/accessible) shares with the full-screen
// program: the first run's questions and the way a workspace is created
// from them, and the connector checks. Both modes go through these so that
// they create identical workspaces and record identical evidence.

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

// FirstRunAnswers are the first run's answers, as the full-screen form
// binds them.
type FirstRunAnswers struct {
	Mode                     Mode
	SIREN, LegalName, Email  string
	Operator                 string
	ExportPath               string // files mode
	APIURL, V2URL, ClientID  string // API mode
	ClientSecret, Passphrase []byte // API mode; sealed, never stored in clear
	Now                      time.Time
	ImportDossiers           func(path string) ([]checklist.Dossier, []string, error)
	Workspaces               Workspaces
	Secrets                  Secrets
	Lang                     checklist.Lang
}

// FirstRunResult is what creating the workspace gave: the workspace as
// recorded, how many dossiers the V1 export gave and its rejected rows.
type FirstRunResult struct {
	Workspace Workspace
	Imported  int
	RowErrors []string
	// ImportFailed says the V1 export could not be read: nothing was
	// created, another file may be tried.
	ImportFailed bool
}

// CreateFirstRunWorkspace records a new workspace as the full-screen first
// run does: in files mode the V1 export is read first (its active clients
// become the dossiers), in API mode the client secret is sealed under the
// passphrase (for V1, and V2 when its address is given). The workspace's
// id is the cabinet's SIREN (the demo's is its own).
func CreateFirstRunWorkspace(ctx context.Context, a FirstRunAnswers) (FirstRunResult, error) {
	lang := a.Lang
	if a.Workspaces == nil {
		return FirstRunResult{}, errors.New(i18n.Of(lang).NoDatabaseOpenTo)
	}
	// Every answer is typed or pasted: cleaned of escape sequences, control
	// characters and bidi overrides here, for both front ends. The client
	// secret is kept as typed: it is sealed, never shown.
	clean := connectors.Sanitize
	siren := ident.NormalizeSIREN(clean(a.SIREN))
	ws := Workspace{
		ID:       siren,
		Cabinet:  connectors.Cabinet{SIREN: siren, LegalName: clean(a.LegalName), ManagerEmail: ident.NormalizeEmail(clean(a.Email))},
		Operator: clean(a.Operator), Mode: a.Mode, Created: a.Now,
	}
	if a.Mode == ModeAPI {
		ws.APIURL, ws.V2URL, ws.ClientID = clean(a.APIURL), clean(a.V2URL), clean(a.ClientID)
	}
	var rowErrors []string
	if a.Mode == ModeFiles {
		if a.ImportDossiers == nil {
			return FirstRunResult{}, errors.New(i18n.Of(lang).ImportingAV1Export)
		}
		ds, rows, err := a.ImportDossiers(clean(a.ExportPath))
		if err != nil {
			return FirstRunResult{ImportFailed: true}, err
		}
		// The export's cells reach the screen through the dossiers' names
		// and the rejected rows' messages.
		for i := range ds {
			ds[i].Name, ds[i].SIREN = clean(ds[i].Name), clean(ds[i].SIREN)
		}
		for i := range rows {
			rows[i] = clean(rows[i])
		}
		ws.Dossiers, rowErrors = ds, rows
	}
	created, err := a.Workspaces.CreateWorkspace(ctx, ws)
	if err != nil {
		return FirstRunResult{}, err
	}
	res := FirstRunResult{Workspace: created, Imported: len(ws.Dossiers), RowErrors: rowErrors}
	if a.Mode == ModeAPI {
		if a.Secrets == nil {
			return res, errors.New(i18n.Of(lang).NoVaultToSeal)
		}
		names := []string{SecretV1ClientSecret}
		if ws.V2URL != "" {
			names = append(names, SecretV2ClientSecret)
		}
		secret := []byte(strings.TrimSpace(string(a.ClientSecret)))
		for _, n := range names {
			if err := a.Secrets.PutSecret(created.ID, n, secret, a.Passphrase); err != nil {
				return res, err
			}
		}
	}
	return res, nil
}

// ImportSummary is the line the first run shows after reading a V1
// export: "3 dossiers créés depuis l'export V1, 1 ligne refusée".
func ImportSummary(lang checklist.Lang, imported, rejected int) string {
	text := itoa(imported) + " " + plural(imported, i18n.Of(lang).DossiersCreatedNoun.One, i18n.Of(lang).DossiersCreatedNoun.Many) +
		i18n.Of(lang).FromTheV1Export
	if rejected > 0 {
		text += ", " + itoa(rejected) + " " + plural(rejected, i18n.Of(lang).RowsRejectedNoun.One, i18n.Of(lang).RowsRejectedNoun.Many)
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
			out = append(out, label+i18n.Of(lang).Colon+factValue(lang, ev.Facts[k]))
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
		return i18n.Of(lang).ByBascule
	case "file":
		return i18n.Of(lang).InAFile
	}
	return i18n.Of(lang).On + SourceLabel(lang, source)
}

// SourceLabel names where evidence comes from in a short label: "V1",
// "V2", "fichier", "bascule", "simulation"; an unknown source keeps its
// own name, upper-cased like V1 and V2.
func SourceLabel(lang checklist.Lang, source string) string {
	switch source {
	case "file":
		return i18n.Of(lang).File
	case "bascule":
		return "bascule"
	case "sandbox":
		return i18n.Of(lang).Simulation
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
