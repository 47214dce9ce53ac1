package store

import (
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/bascule-cli/bascule/checklist"
)

// An event's number, workspace and client come back from its key and
// bucket; the stored value no longer holds them, and values written in the
// first format (which did) still read the same.
func TestEventStoredForm(t *testing.T) {
	db, _, run := seededRun(t, 3)
	c := run.Clients[1].ID
	if _, err := db.ApplyStep("w", run, StepChange{Ref: checklist.Ref{Step: "preparation.client.articles", Client: c}, Status: st(checklist.StatusBlocked), Reason: "attente", By: "M. Durand"}); err != nil {
		t.Fatal(err)
	}
	events, err := db.Events("w", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	last := events[len(events)-1]
	want := Event{Seq: last.Seq, At: last.At, Who: "M. Durand", Workspace: "w", Action: ActionStep,
		Ref: checklist.Ref{Step: "preparation.client.articles", Client: c}, From: "todo", To: "blocked", Detail: "raison : attente"}
	if !reflect.DeepEqual(last, want) || last.Seq == 0 {
		t.Fatalf("event read back:\n got %+v\nwant %+v", last, want)
	}
	// The stored value repeats none of key's or the bucket's parts.
	var raw string
	db.view(func(tx *bolt.Tx) error {
		raw = string(tx.Bucket(wsBucketName("w")).Get(eventKey(c, last.Seq)))
		return nil
	})
	for _, part := range []string{`"seq"`, `"workspace"`, `"client"`, `"ref"`, c} {
		if strings.Contains(raw, part) {
			t.Fatalf("stored event %s holds %s", raw, part)
		}
	}
	// A value in the first format, as version 0.1 wrote it.
	old := Event{Seq: 77, At: time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC), Who: "C. Martin", Workspace: "w",
		Action: ActionStep, Ref: checklist.Ref{Step: "preparation.client.logo", Client: c}, From: "todo", To: "done"}
	v, err := encode(old)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.update(func(tx *bolt.Tx) error {
		return tx.Bucket(wsBucketName("w")).Put(eventKey(c, 77), sealValue(eventKey(c, 77), v))
	}); err != nil {
		t.Fatal(err)
	}
	events, err = db.Events("w", old.At)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range events {
		if e.Seq == 77 {
			found = reflect.DeepEqual(e, old)
			if !found {
				t.Fatalf("first-format event:\n got %+v\nwant %+v", e, old)
			}
		}
	}
	if !found {
		t.Fatal("first-format event not listed")
	}
}
