package session

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/report"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// The step work both the full-screen program and the accessible mode run
// themselves (each with its own timeout and read-out) and then hand to the
// engine: what a job's idempotency keys derive from, whether a job writes
// on V2, the request's readiness check, the clients' notices as a step's
// job and the summary export. Both modes call these, so that they write
// the same files and record identical evidence.

// WorkspaceSeed is what a workspace's idempotency keys derive from
// (JobDeps.Seed): the same workspace gives the same keys, after a restart
// and in either mode; two workspaces of the same cabinet never share one.
func WorkspaceSeed(w checklist.Workspace) string {
	return w.ID + "|" + w.Cabinet.SIREN + "|" + w.CreatedAt.UTC().Format(time.RFC3339Nano)
}

// JobWrites says a step's job changes something on V2 (a re-creation),
// rather than only reading (a check or a control): a front end asks before
// running it.
func JobWrites(step string) bool {
	switch step {
	case checklist.StepReconCabinetRoles, checklist.StepReconPaymentPaymentAccount, checklist.StepReconClientV1ReadOnly:
		return false // checks: they read V2 or V1, they write nothing
	case checklist.StepReconClientControl, checklist.StepReconCabinetDossierControl:
		return false // controls: they compare V1 with V2
	}
	return strings.HasPrefix(step, "reconciliation.")
}

// jobRequestReadiness records the request's readiness gate as evidence
// (§3.2: every client prepared, every invoice accepted). What blocks the
// request is computed when the job runs, not when a menu offering it is
// drawn (9 ms at 12,000 clients). No run, no job.
func jobRequestReadiness(j *jobCtx) JobFunc {
	run, now := j.run, j.now
	if run == nil {
		return nil
	}
	return func(context.Context) (JobResult, error) {
		return JobResult{Evidence: checklist.ReadinessEvidence(run.RequestBlockers(), now())}, nil
	}
}

// NoticesJob writes the clients' notices (§3.2 item 1) with WriteNotices
// into outDir/annonces, the cabinet as sender and each client's contact
// from V1 when the engine has it, and returns the evidence the step records
// (the folder, the messages written, those without a recipient) with a
// one-line summary in lang. A V1 that does not answer only costs
// recipients.
func (e *Engine) NoticesJob(outDir string, lang checklist.Lang) JobFunc {
	root := filepath.Join(outDir, "annonces")
	return func(ctx context.Context) (JobResult, error) {
		w, err := e.WriteNotices(ctx, NoticeRequest{Root: root})
		if err != nil {
			return JobResult{}, err
		}
		written := len(w.Paths)
		abs, _ := filepath.Abs(w.Dir)
		ev := checklist.Evidence{Source: "file", At: w.Date.UTC(), OK: true,
			Facts: map[string]string{"dir": abs, "messages": itoa(written), "no_contact": itoa(w.NoContact)}}
		one, many := i18n.Of(lang).MessageWritten, i18n.Of(lang).MessagesWritten
		return JobResult{Evidence: ev, Summary: fmt.Sprintf("%d %s → %s", written, pick(written, one, many), abs)}, nil
	}
}

// SummaryExport writes the report (Markdown and self-contained HTML, IBANs
// masked) into outDir as synthese-<workspace>, built by Report with the
// journal since since: events when the front end holds them, else read
// from the store when it keeps an audit log. It returns the files'
// absolute paths.
func (e *Engine) SummaryExport(ws checklist.Workspace, outDir string, since time.Time, events []checklist.Event, loc *time.Location) ([]string, error) {
	r, err := e.Report(ReportRequest{Workspace: ws, Since: since, Events: events, Location: loc})
	if err != nil {
		return nil, err
	}
	return WriteReportFiles(outDir, "synthese-"+ws.ID, r, report.Markdown, report.HTML)
}

// pick is one for none or one, many above (the French rule, kept in
// English for these lines).
func pick(n int, one, many string) string {
	if n <= 1 {
		return one
	}
	return many
}
