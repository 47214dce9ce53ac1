package session

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
)

func TestJobWrites(t *testing.T) {
	for _, tc := range []struct {
		step string
		want bool
	}{
		{checklist.StepReconClientNumbering, true},
		{checklist.StepReconClientUsers, true},
		{checklist.StepReconCabinetInactiveClientsImport, true},
		{checklist.StepReconCabinetRoles, false},
		{checklist.StepReconPaymentPaymentAccount, false},
		{checklist.StepReconClientV1ReadOnly, false},
		{checklist.StepReconClientControl, false},
		{checklist.StepReconCabinetDossierControl, false},
		{checklist.StepClientPendingInvoices, false},
		{checklist.StepRequestClientChecks, false},
	} {
		if got := JobWrites(tc.step); got != tc.want {
			t.Errorf("JobWrites(%s) = %v, want %v", tc.step, got, tc.want)
		}
	}
}

// The idempotency seed keeps its shape: keys derived before an upgrade
// must replay after it, or V2 would create twice.
func TestWorkspaceSeed(t *testing.T) {
	w := checklist.Workspace{ID: "ws1", Cabinet: connectors.Cabinet{SIREN: "552008443"},
		CreatedAt: time.Date(2026, 3, 12, 10, 14, 0, 5, time.FixedZone("Paris", 3600))}
	if got, want := WorkspaceSeed(w), "ws1|552008443|2026-03-12T09:14:00.000000005Z"; got != want {
		t.Fatalf("seed %q, want %q", got, want)
	}
	other := w
	other.CreatedAt = other.CreatedAt.Add(time.Second)
	if WorkspaceSeed(other) == WorkspaceSeed(w) {
		t.Fatal("two workspaces of one cabinet share a seed")
	}
}

// The request's readiness check is in the job table: it needs the run
// (no run, no job) and records bascule's own verdict on what blocks.
func TestReadinessJob(t *testing.T) {
	ref := checklist.Ref{Step: checklist.StepRequestClientChecks}
	if Job(JobDeps{}, ref) != nil {
		t.Fatal("a readiness job without a run")
	}
	run := checklist.NewRun(checklist.Default(), dossiers(2))
	fn := Job(JobDeps{Run: run, Now: func() time.Time { return testNow }}, ref)
	if fn == nil {
		t.Fatal("no readiness job")
	}
	res, err := fn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := len(run.RequestBlockers())
	if want == 0 || res.Evidence.OK || res.Evidence.Source != "bascule" || res.Evidence.Facts["blockers"] != itoa(want) || !res.Evidence.At.Equal(testNow) {
		t.Fatalf("evidence %+v, want %d blockers", res.Evidence, want)
	}
}

func TestNoticesJob(t *testing.T) {
	out := t.TempDir()
	for _, lang := range []checklist.Lang{checklist.French, checklist.English} {
		res, err := noticeEngine(t, nil).NoticesJob(out, lang)(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		ev := res.Evidence
		dir := ev.Facts["dir"]
		if !ev.OK || ev.Source != "file" || !filepath.IsAbs(dir) || !strings.HasPrefix(dir, filepath.Join(out, "annonces")) ||
			ev.Facts["messages"] != "3" || ev.Facts["no_contact"] != "3" {
			t.Fatalf("evidence %+v", ev)
		}
		want := map[checklist.Lang]string{checklist.French: "3 messages écrits → ", checklist.English: "3 messages written → "}[lang]
		if res.Summary != want+dir {
			t.Errorf("summary %q, want %q", res.Summary, want+dir)
		}
		if es, _ := os.ReadDir(dir); len(es) != 3 {
			t.Errorf("%d files in %s, want 3", len(es), dir)
		}
	}
}

func TestSummaryExport(t *testing.T) {
	e := open(t, newFakeStore(dossiers(2)), Ports{})
	dir := filepath.Join(t.TempDir(), "sortie")
	paths, err := e.SummaryExport(checklist.Workspace{ID: "ws1"}, dir, time.Time{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2 || !filepath.IsAbs(paths[0]) || filepath.Base(paths[0]) != "synthese-ws1.md" || filepath.Base(paths[1]) != "synthese-ws1.html" {
		t.Fatalf("paths %v", paths)
	}
	for _, p := range paths {
		if b, err := os.ReadFile(p); err != nil || !strings.Contains(string(b), "Client 1") {
			t.Errorf("%s: %v\n%.300s", p, err, b)
		}
	}
}
