package session

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/sandbox"
)

// freeSIREN is a valid SIREN no client of p has.
func freeSIREN(t *testing.T, p *sandbox.Platform) string {
	t.Helper()
	taken := map[string]bool{}
	for _, c := range p.Clients() {
		taken[c.SIREN] = true
	}
	for n := 100000000; n < 100100000; n++ {
		if s := fmt.Sprint(n); ident.ValidateSIREN(s) == nil && !taken[s] {
			return s
		}
	}
	t.Fatal("no free SIREN")
	return ""
}

// storeOnly hides the fake's MarkLeftV1: a store without the dossier mark.
type storeOnly struct{ Store }

// A refresh from the V1 port adds the client V1 gained, marks the one it
// lost, keeps every step's work, and publishes one event; the run it leaves
// is the one the store reloads. A second refresh changes nothing; the
// client back on V1 loses its mark.
func TestRefreshFromV1(t *testing.T) {
	ctx := context.Background()
	p, ds := sandboxPorts(t, 6)
	fs := newFakeStore(ds)
	e := open(t, fs, Ports{V1: p.V1()})
	var evs []Event
	defer e.Watch(func(ev Event) { evs = append(evs, ev) })()
	done := checklist.StatusDone
	kept := checklist.Ref{Client: ds[0].ID, Step: checklist.StepClientArticles}
	note := "vu avec le client"
	if _, err := e.Apply(checklist.StepChange{Ref: kept, Status: &done, Note: &note}); err != nil {
		t.Fatal(err)
	}
	if err := p.AddClient(connectors.Client{ID: "cli-nouveau", LegalName: "Nouvelle Épicerie", SIREN: freeSIREN(t, p), Status: connectors.StatusActive}); err != nil {
		t.Fatal(err)
	}
	gone := ds[1].ID
	if err := p.SetClientStatus(gone, connectors.StatusDraft); err != nil {
		t.Fatal(err)
	}
	r, err := e.Refresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Add) != 1 || r.Add[0].ID != "cli-nouveau" || len(r.Left) != 1 || r.Left[0].ID != gone || r.Marked != 1 || r.Back != 0 || r.Unchanged != len(ds)-1 {
		t.Fatalf("refresh %+v", r)
	}
	snap := e.Snapshot()
	reloaded, _ := fs.LoadRun("ws1", checklist.Default())
	snap.Guide, reloaded.Guide = nil, nil
	if !reflect.DeepEqual(snap, reloaded) {
		t.Fatalf("the engine's run differs from the store's:\n%+v\n%+v", snap.Clients, reloaded.Clients)
	}
	if st, _ := e.Status(kept); st != checklist.StatusDone || fs.states[kept].Note != note {
		t.Fatalf("work done touched: %v %+v", st, fs.states[kept])
	}
	if ci := snap.ClientIndex(gone); ci < 0 || !snap.Clients[ci].LeftV1 {
		t.Fatal("the client gone from V1 is not marked")
	}
	if ci := snap.ClientIndex("cli-nouveau"); ci != len(snap.Clients)-1 {
		t.Fatalf("new dossier at %d of %d", ci, len(snap.Clients))
	}
	if len(evs) != 2 || evs[1].Kind != KindRoster || evs[1].Added != 1 || evs[1].Gone != 1 || evs[1].Total != len(ds)+1 {
		t.Fatalf("events %+v", evs)
	}

	puts, marks := fs.puts, fs.marks
	if r, err := e.Refresh(ctx); err != nil || len(r.Add)+len(r.Updated)+r.Marked+r.Back != 0 || fs.puts != puts || fs.marks != marks {
		t.Fatalf("second refresh wrote: %+v, %v", r, err)
	}
	if err := p.SetClientStatus(gone, connectors.StatusActive); err != nil {
		t.Fatal(err)
	}
	if r, err := e.Refresh(ctx); err != nil || r.Back != 1 || e.Snapshot().Clients[1].LeftV1 {
		t.Fatalf("client back: %+v, %v", r, err)
	}
}

// From the file-export API: companies matched to dossiers by SIREN, new
// ones keyed by their SIREN; without a port, or a store that cannot mark,
// nothing is written.
func TestRefreshFromFilesAndRefusals(t *testing.T) {
	ctx := context.Background()
	p, ds := sandboxPorts(t, 5)
	fs := newFakeStore(ds)
	e := open(t, fs, Ports{})
	if _, err := e.Refresh(ctx); !errors.Is(err, ErrNoConnector) {
		t.Fatalf("no port: %v", err)
	}
	if _, err := e.RefreshFromFiles(ctx, nil); !errors.Is(err, ErrNoConnector) {
		t.Fatalf("no files port: %v", err)
	}
	all := p.Clients()
	r, err := e.RefreshFromFiles(ctx, p.V1Files())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Add) != len(all)-len(ds) || r.Unchanged != len(ds) || len(r.Left) != 0 {
		t.Fatalf("refresh from the file API: %+v", r)
	}
	for _, d := range r.Add {
		if d.ID != d.SIREN {
			t.Errorf("new company %+v not keyed by its SIREN", d)
		}
	}

	p2, ds2 := sandboxPorts(t, 4)
	fs2 := newFakeStore(ds2)
	e2 := open(t, storeOnly{fs2}, Ports{V1: p2.V1()})
	if err := p2.SetClientStatus(ds2[0].ID, connectors.StatusDraft); err != nil {
		t.Fatal(err)
	}
	if _, err := e2.Refresh(ctx); !errors.Is(err, ErrNoRosterStore) || fs2.puts != 0 {
		t.Fatalf("store without the mark: %v, %d writes", err, fs2.puts)
	}
}
