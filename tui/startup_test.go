package tui

import (
	"path/filepath"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkStartup12k measures what stands between typing bascule and the
// first screen of a 12,000-client cabinet: open the store, load the run,
// build the model, draw the first View.
//
//	go test ./tui -run '^$' -bench Startup12k -benchmem
func BenchmarkStartup12k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bascule.db")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ws := store.Workspace{ID: "big", Cabinet: store.Cabinet{SIREN: testCabinet.SIREN, LegalName: testCabinet.LegalName}, Operator: "C. Martin", Mode: "demo"}
	if err := db.CreateWorkspace(ws); err != nil {
		b.Fatal(err)
	}
	if err := db.PutDossiers(ws.ID, testDossiers(benchClients), "bench"); err != nil {
		b.Fatal(err)
	}
	g := checklist.Default()
	markPreparationDone(b, db, ws.ID, g)
	db.Close()
	tw := Workspace{ID: ws.ID, Cabinet: testCabinet, Operator: ws.Operator, Mode: ModeDemo}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		db, err := store.Open(path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		run, err := db.LoadRun(ws.ID, g)
		if err != nil {
			b.Fatal(err)
		}
		m := New(Options{Guide: g, Store: db, Workspace: &tw, Run: run, NoColor: true})
		nm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		if v := nm.(Model).View(); len(v) == 0 {
			b.Fatal("empty view")
		}
		db.Close()
	}
}

// markPreparationDone gives every client's preparation steps a recorded
// state, so the file is the size of a cabinet in the middle of its migration
// rather than an empty one.
func markPreparationDone(b *testing.B, db *store.DB, ws string, g *checklist.Guide) {
	b.Helper()
	run, err := db.LoadRun(ws, g)
	if err != nil {
		b.Fatal(err)
	}
	done := checklist.StatusDone
	var batch []store.StepChange
	flush := func() {
		for _, err := range db.ApplySteps(ws, run, batch) {
			if err != nil {
				b.Fatal(err)
			}
		}
		batch = batch[:0]
	}
	for _, c := range run.Clients {
		for _, s := range g.StepsFor(checklist.ScopeClient) {
			if s.Phase == checklist.PhasePreparation {
				batch = append(batch, store.StepChange{Ref: checklist.Ref{Step: s.ID, Client: c.ID}, Status: &done, By: "bench"})
			}
		}
		if len(batch) >= 5000 {
			flush()
		}
	}
	flush()
}
