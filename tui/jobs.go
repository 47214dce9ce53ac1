package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/bascule-cli/bascule/tui/session"
)

// The connector work of each step is the engine's (session.Job: a table
// from step id to job); the screens run it in commands and hand the result
// to the engine.

// findingError is a job that refuses to act, for a reason the user can fix
// (the engine's).
type findingError = session.FindingError

// jobFor returns the connector work of a reconciliation (or preparation)
// step instance, or nil when the step is done by hand. The job reads what
// it needs from the store itself, so bulk actions can run it for any client.
func (m *Model) jobFor(ref checklist.Ref) job {
	d := jobDeps{v1: m.ports.V1, v2: m.ports.V2, now: m.opts.Now, store: m.opts.Store,
		ws: m.ws.ID, seed: m.wsSeed(), run: m.run, lang: m.lang}
	if m.writesImport() {
		d.writeImport, d.outDir = m.opts.WriteV2Import, m.outDir()
	}
	return jobFor(d, ref)
}

// writesImport reports whether "Importer les clients…" writes V2's import
// file here: files mode (no V2), with the writer wired.
func (m *Model) writesImport() bool {
	return m.opts.WriteV2Import != nil && m.ports.V2 == nil
}

// jobDeps is what a step's job needs of the program that runs it.
type jobDeps struct {
	v1       connectors.V1
	v2       connectors.V2
	now      func() time.Time
	store    Store
	ws, seed string // the workspace's id, and what its idempotency keys derive from
	run      *checklist.Run
	lang     checklist.Lang
	// writeImport and outDir write V2's import file in files mode
	// (Options.WriteV2Import); nil outside it.
	writeImport func(from, to string) (V2ImportFiles, error)
	outDir      string
}

// jobFor is the engine's job of a step instance, as the screens run it, or
// nil.
func jobFor(d jobDeps, ref checklist.Ref) job {
	if d.writeImport != nil && ref.Step == checklist.StepReconCabinetInactiveClientsImport {
		return writeImportJob(d, func(step string) []checklist.Record {
			if st, _ := d.store.StepState(d.ws, checklist.Ref{Step: step}); st.Capture != nil {
				return st.Capture.Items
			}
			return nil
		})
	}
	fn := session.Job(session.JobDeps{Ports: session.Ports{V1: d.v1, V2: d.v2}, Reader: d.store, Workspace: d.ws,
		Seed: d.seed, Run: d.run, Lang: d.lang, Now: d.now}, ref)
	if fn == nil {
		return nil
	}
	return func(ctx context.Context) (jobResult, error) {
		r, err := fn(ctx)
		return jobResult{ev: r.Evidence, pending: r.Pending, capture: r.Capture, summary: r.Summary}, err
	}
}

// writeImportJob writes V2's import file from the inactive clients' export
// noted in phase 1, as `bascule clients convert` does: files mode has no V2
// to import into, so the step stays in progress until the file is imported
// on V2 and ticked. Its evidence is therefore not OK (V2 does not hold the
// clients yet: finding "v2_import_to_do"), and the engine's rule starts the
// step without ticking it.
func writeImportJob(d jobDeps, notedIn func(step string) []checklist.Record) job {
	lang, now := d.lang, d.now
	return func(ctx context.Context) (jobResult, error) {
		noted := notedIn(checklist.StepCabinetInactiveClientsExport)
		if len(noted) == 0 || noted[0]["file"] == "" {
			return jobResult{}, errNothingNoted
		}
		if err := os.MkdirAll(d.outDir, 0o700); err != nil {
			return jobResult{}, err
		}
		to := filepath.Join(d.outDir, "import-v2.xlsx")
		w, err := d.writeImport(noted[0]["file"], to)
		if err != nil {
			return jobResult{}, err
		}
		ev := checklist.Evidence{Source: "file", At: now().UTC(), Facts: map[string]string{
			"from": noted[0]["file"], "files": strings.Join(w.Paths, ", "), "clients": itoa(w.Clients), "rejected": itoa(w.Rejected)},
			Findings: []checklist.Finding{{Code: "v2_import_to_do", Count: w.Clients, Detail: strings.Join(w.Paths, ", ")}}}
		sum := fmt.Sprintf(i18n.Of(lang).ForV2ImportItFmt,
			clientCount(lang, w.Clients), strings.Join(w.Paths, ", "))
		if w.Rejected > 0 {
			sum += fmt.Sprintf(i18n.Of(lang).ParenPercentFmt, w.Rejected, plural(w.Rejected, i18n.Of(lang).RowsRejectedNoun.One, i18n.Of(lang).RowsRejectedNoun.Many))
		}
		return jobResult{ev: ev, summary: sum}, nil
	}
}

// clientCount writes "1 client écrit", "12 clients écrits".
func clientCount(lang checklist.Lang, n int) string {
	return itoa(n) + " " + plural(n, i18n.Of(lang).ClientsWrittenNoun.One, i18n.Of(lang).ClientsWrittenNoun.Many)
}
