package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
)

func TestRoundTrip(t *testing.T) {
	db, path := tempDB(t)
	g := checklist.Default()
	seedWS(t, db, "martin", 4)

	ws, err := db.Workspace("martin")
	if err != nil || ws.Cabinet.LegalName != "Cabinet Martin" || ws.CreatedAt.IsZero() {
		t.Fatalf("Workspace = %+v, %v", ws, err)
	}
	ws.V2URL = "https://v2.example"
	if err := db.UpdateWorkspace(ws); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateWorkspace(Workspace{ID: "martin"}); !errors.Is(err, ErrExists) {
		t.Fatalf("duplicate create: %v", err)
	}
	if _, err := db.Workspace("nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing: %v", err)
	}

	run, err := db.LoadRun("martin", g)
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Clients) != 4 || run.Clients[2].ID != "c00002" || run.Clients[0].PendingInvoices != -1 {
		t.Fatalf("clients = %+v", run.Clients)
	}
	ref := checklist.Ref{Step: "preparation.client.users", Client: "c00001"}
	capture := &checklist.Capture{Items: []checklist.Record{{"name": " Anne Lefèvre ", "email": "Anne@Example.FR", "roles": "gestionnaire", "reinvite": "oui", "junk": "x"}}}
	state, err := db.ApplyStep("martin", run, StepChange{Ref: ref, Status: st(checklist.StatusInProgress), Note: str("à revoir"), Capture: capture, By: "C. Martin"})
	if err != nil {
		t.Fatal(err)
	}
	if state.Capture.Items[0]["name"] != "Anne Lefèvre" || state.Capture.Items[0]["junk"] != "" {
		t.Fatalf("capture not normalised: %+v", state.Capture)
	}
	ev := &checklist.Evidence{Source: "v1", At: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), OK: true, Facts: map[string]string{"pending_purchases": "0"}}
	pref := checklist.Ref{Step: "preparation.client.pending_invoices", Client: "c00003"}
	if _, err := db.ApplyStep("martin", run, StepChange{Ref: pref, Status: st(checklist.StatusDone), Evidence: ev, By: "bot"}); err != nil {
		t.Fatal(err)
	}
	cref := checklist.Ref{Step: "registration.comptexpert"}
	if _, err := db.ApplyStep("martin", run, StepChange{Ref: cref, Status: st(checklist.StatusBlocked), Reason: "attente ECMA", By: "C. Martin"}); err != nil {
		t.Fatal(err)
	}
	// A rule violation comes back as the checklist's own error.
	_, err = db.ApplyStep("martin", run, StepChange{Ref: cref, Status: st(checklist.StatusNotApplicable)})
	var ce *checklist.Error
	if !errors.As(err, &ce) || ce.Code != "reason_required" {
		t.Fatalf("want reason_required, got %v", err)
	}
	if err := db.SetPendingInvoices("martin", "c00002", 7); err != nil {
		t.Fatal(err)
	}
	run.Clients[2].PendingInvoices = 7 // the caller keeps its run in step
	o := checklist.Override{Gate: checklist.GateRequestReadiness, Reason: "client radié", By: "C. Martin", At: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)}
	if err := db.AddOverride("martin", run, o); err != nil {
		t.Fatal(err)
	}
	req := checklist.RequestRecord{SubmittedAt: time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC), Reference: "REQ-1", State: "submitted"}
	if err := db.SetRequest("martin", run, req, "C. Martin"); err != nil {
		t.Fatal(err)
	}
	errs := db.ApplySteps("martin", run, []StepChange{
		{Ref: checklist.Ref{Step: "preparation.client.articles", Client: "c00000"}, Status: st(checklist.StatusDone)},
		{Ref: checklist.Ref{Step: "preparation.client.articles", Client: "nobody"}, Status: st(checklist.StatusDone)},
		{Ref: checklist.Ref{Step: "preparation.client.articles", Client: "c00001"}, Status: st(checklist.StatusDone)},
	})
	if errs[0] != nil || errs[1] == nil || errs[2] != nil {
		t.Fatalf("ApplySteps errs = %v", errs)
	}

	// Everything is there after reopening.
	db.Close()
	db2 := openTest(t, path)
	run2, err := db2.LoadRun("martin", g)
	if err != nil {
		t.Fatal(err)
	}
	run.Guide, run2.Guide = nil, nil
	if !reflect.DeepEqual(run, run2) {
		t.Fatalf("run differs after reopen:\n%+v\n%+v", run, run2)
	}
	if run2.Clients[2].PendingInvoices != 7 {
		t.Fatalf("pending = %d", run2.Clients[2].PendingInvoices)
	}
	got, err := db2.StepState("martin", ref)
	if err != nil || got.Note != "à revoir" || got.Status != checklist.StatusInProgress || got.By != "C. Martin" || got.Capture.Items[0]["email"] != "Anne@example.fr" {
		t.Fatalf("StepState = %+v, %v", got, err)
	}
	got, _ = db2.StepState("martin", pref)
	if got.Evidence == nil || !got.Evidence.OK || got.Evidence.Facts["pending_purchases"] != "0" {
		t.Fatalf("evidence = %+v", got.Evidence)
	}
	got, _ = db2.StepState("martin", checklist.Ref{Step: "preparation.client.logo", Client: "c00000"})
	if !reflect.DeepEqual(got, checklist.StepState{}) {
		t.Fatalf("unset step = %+v", got)
	}
	events, err := db2.Events("martin", time.Time{})
	if err != nil || len(events) < 8 {
		t.Fatalf("events = %d, %v", len(events), err)
	}
	for i, e := range events {
		if e.Seq != uint64(i+1) || e.Workspace != "martin" {
			t.Fatalf("event %d = %+v", i, e)
		}
	}
	wss, _ := db2.Workspaces()
	if len(wss) != 1 || wss[0].V2URL != "https://v2.example" {
		t.Fatalf("Workspaces = %+v", wss)
	}
}

func TestPutDossiersKeepsStates(t *testing.T) {
	db, _ := tempDB(t)
	g := checklist.Default()
	seedWS(t, db, "w", 2)
	run, _ := db.LoadRun("w", g)
	ref := checklist.Ref{Step: "preparation.client.articles", Client: "c00001"}
	if _, err := db.ApplyStep("w", run, StepChange{Ref: ref, Status: st(checklist.StatusDone)}); err != nil {
		t.Fatal(err)
	}
	ds := dossiers(3)
	ds[1].Name = "Renamed"
	if err := db.PutDossiers("w", ds, "x"); err != nil {
		t.Fatal(err)
	}
	run, _ = db.LoadRun("w", g)
	if s, _ := run.Status(ref); s != checklist.StatusDone || run.Clients[1].Name != "Renamed" || len(run.Clients) != 3 {
		t.Fatalf("after upsert: %v %+v", s, run.Clients)
	}
}

func TestSecrets(t *testing.T) {
	db, path := tempDB(t)
	seedWS(t, db, "w", 1)
	token := []byte("myunisoft-TOKEN-4f1c9a")
	pass := []byte("correct horse")
	if err := db.PutSecret("w", "myunisoft", token, pass); err != nil {
		t.Fatal(err)
	}
	if err := db.PutSecret("w", "other", []byte("x"), []byte("wrong")); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("second passphrase: %v", err)
	}
	got, err := db.Secret("w", "myunisoft", pass)
	if err != nil || string(got) != string(token) {
		t.Fatalf("Secret = %q, %v", got, err)
	}
	if _, err := db.Secret("w", "myunisoft", []byte("nope")); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("wrong passphrase: %v", err)
	} else if err.Error() == "" {
		t.Fatal("empty message")
	}
	if _, err := db.Secret("w", "myunisoft", nil); !errors.Is(err, ErrNoPassphrase) {
		t.Fatalf("no passphrase: %v", err)
	}
	names, _ := db.SecretNames("w")
	if len(names) != 1 || names[0] != "myunisoft" {
		t.Fatalf("names = %v", names)
	}
	db.Close()
	assertNotInFile(t, path, token)
}

// A new passphrase has at least MinPassphrase characters (not bytes); the
// refusal is typed and French, and seals nothing.
func TestPassphraseLength(t *testing.T) {
	for _, tc := range []struct {
		pass string
		ok   bool
	}{
		{"x", false},
		{"123456789", false},
		{"éééééééé", false}, // 16 bytes, 8 characters
		{"1234567890", true},
		{"phrase du cabinet", true},
	} {
		db, _ := tempDB(t)
		seedWS(t, db, "w", 1)
		err := db.PutSecret("w", "api", []byte("token"), []byte(tc.pass))
		var we *WeakPassphraseError
		if tc.ok != (err == nil) || !tc.ok && (!errors.As(err, &we) || !errors.Is(err, ErrWeakPassphrase) || !strings.Contains(err.Error(), "au moins 10")) {
			t.Fatalf("%q: %v", tc.pass, err)
		}
		if names, _ := db.SecretNames("w"); len(names) != map[bool]int{true: 1, false: 0}[tc.ok] {
			t.Fatalf("%q: secrets %v", tc.pass, names)
		}
	}
}
