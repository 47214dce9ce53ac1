package store

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
)

// The "left V1" mark is the dossier's: set and cleared with an audit event
// each, kept by a dossier update, by a check's evidence on any step and by
// an export/import; an unknown client writes nothing.
func TestMarkLeftV1(t *testing.T) {
	db, _ := tempDB(t)
	g := checklist.Default()
	seedWS(t, db, "martin", 3)
	if err := db.MarkLeftV1("martin", []string{"c00001", "nobody"}, true, "C. Martin"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown client: %v", err)
	}
	run, _ := db.LoadRun("martin", g)
	if run.Clients[1].LeftV1 {
		t.Fatal("a refused mark was written")
	}
	if err := db.MarkLeftV1("martin", []string{"c00001"}, true, "C. Martin"); err != nil {
		t.Fatal(err)
	}
	// What a refresh and a sweep do afterwards must not clear it.
	if err := db.PutDossiers("martin", []checklist.Dossier{{ID: "c00001", Name: "Nouveau nom", SIREN: "732829320", PendingInvoices: -1}}, "bascule"); err != nil {
		t.Fatal(err)
	}
	ev := &checklist.Evidence{Source: "v1", At: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), OK: true, Facts: map[string]string{"pending_purchases": "0"}}
	for _, step := range []string{"preparation.client.pending_invoices", "preparation.client.articles"} {
		if _, err := db.ApplyStep("martin", run, StepChange{Ref: checklist.Ref{Step: step, Client: "c00001"}, Evidence: ev, By: "sweep"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.SetPendingInvoices("martin", "c00001", 0); err != nil {
		t.Fatal(err)
	}
	run, _ = db.LoadRun("martin", g)
	if !run.Clients[1].LeftV1 || run.Clients[0].LeftV1 || run.Clients[1].Name != "Nouveau nom" {
		t.Fatalf("mark after update and checks: %+v", run.Clients)
	}
	var b bytes.Buffer
	if err := db.Export("martin", &b, false); err != nil {
		t.Fatal(err)
	}
	id, err := db.Import(bytes.NewReader(b.Bytes()), ImportOptions{RenameTo: "copie"})
	if err != nil {
		t.Fatal(err)
	}
	if cp, _ := db.LoadRun(id, g); !cp.Clients[1].LeftV1 {
		t.Fatal("the mark was lost by export/import")
	}
	if err := db.MarkLeftV1("martin", []string{"c00001", "c00002"}, false, "C. Martin"); err != nil {
		t.Fatal(err)
	}
	run, _ = db.LoadRun("martin", g)
	if run.Clients[1].LeftV1 {
		t.Fatal("mark not cleared")
	}
	evs, err := db.Events("martin", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var marks []string
	for _, e := range evs {
		if e.Action == ActionLeftV1 {
			marks = append(marks, e.Ref.Client+":"+e.From+"→"+e.To)
		}
	}
	if len(marks) != 2 || marks[0] != "c00001:false→true" || marks[1] != "c00001:true→false" {
		t.Fatalf("audit of the mark: %v", marks)
	}
}
