package main

import (
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui"
)

// A served session starts from the shared engine's run: wizardOptions
// takes the snapshot it is given, once, instead of loading its own copy
// of the whole run; without one it loads the database's.
func TestWizardOptionsTakesTheSharedRun(t *testing.T) {
	h := newTeamHarness(t)
	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	g := checklist.Default()
	env := &appEnv{shared: db, guide: g, wsFlag: "demo", getenv: func(string) string { return "" }, now: time.Now,
		demoPorts: &tui.Ports{}}
	shared := checklist.NewRun(g, nil)
	calls := 0
	opts, _, err := env.wizardOptions(func() *checklist.Run { calls++; return shared })
	if err != nil {
		t.Fatal(err)
	}
	if opts.Run != shared || calls != 1 {
		t.Errorf("the session's run is not the snapshot given (%d calls)", calls)
	}
	opts, _, err = env.wizardOptions(nil)
	if err != nil {
		t.Fatal(err)
	}
	if opts.Run == nil || opts.Run == shared || len(opts.Run.Clients) == 0 {
		t.Errorf("without a snapshot the run is not the database's: %+v", opts.Run)
	}
}
