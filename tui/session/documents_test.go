package session

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/report"
	"github.com/bascule-cli/bascule/connectors"
)

// contactsV1 lists clients with their contacts, one per page; failAt makes
// that page fail, loop repeats the same cursor for ever, endless gives a
// new cursor for ever.
type contactsV1 struct {
	connectors.V1
	clients []connectors.Client
	failAt  int
	loop    bool
	endless int
}

func (v *contactsV1) ListClients(_ context.Context, p connectors.Page) ([]connectors.Client, string, error) {
	if v.loop {
		return nil, "again", nil
	}
	if v.endless > 0 {
		v.endless++
		return nil, fmt.Sprint(v.endless), nil
	}
	i := 0
	if p.Cursor != "" {
		i = int(p.Cursor[0] - '0')
	}
	if v.failAt > 0 && i == v.failAt {
		return nil, "", errors.New("V1 a répondu 503")
	}
	next := ""
	if i+1 < len(v.clients) {
		next = string(rune('0' + i + 1))
	}
	return v.clients[i : i+1], next, nil
}

func noticeEngine(t *testing.T, v1 connectors.V1) *Engine {
	t.Helper()
	e, err := Open(Config{Workspace: "ws1", Cabinet: connectors.Cabinet{SIREN: "552008443", LegalName: "Cabinet Martin", ManagerEmail: "claire@cabinet-martin.fr"},
		Store: newFakeStore(dossiers(3)), Ports: Ports{V1: v1}, Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestWriteNotices(t *testing.T) {
	clients := []connectors.Client{
		{ID: "c00000", ContactFirstName: "Jean", ContactLastName: "Lefèvre", ContactEmail: "jean@boulangerie.fr"},
		{ID: "c00001", ContactEmail: "cafe@zinc.fr"},
		{ID: "c00002"},
	}
	for _, tc := range []struct {
		name      string
		v1        connectors.V1
		noContact int
		contacts  func(error) bool
	}{
		{"files mode, no V1", nil, 3, func(err error) bool { return err == nil }},
		{"every page read", &contactsV1{clients: clients}, 1, func(err error) bool { return err == nil }},
		{"listing fails midway", &contactsV1{clients: clients, failAt: 1}, 2, func(err error) bool { return err != nil }},
		{"listing repeats a cursor", &contactsV1{loop: true}, 3, func(err error) bool {
			var u *UnendingListError
			return errors.As(err, &u) && u.Pages == 2
		}},
		{"listing never ends", &contactsV1{endless: 1}, 3, func(err error) bool {
			var u *UnendingListError
			return errors.As(err, &u) && u.Pages == maxClientPages
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			var seen []string
			w, err := noticeEngine(t, tc.v1).WriteNotices(context.Background(), NoticeRequest{Root: root, OnWrite: func(p string) { seen = append(seen, p) }})
			if err != nil {
				t.Fatal(err)
			}
			if len(w.Paths) != 3 || len(seen) != 3 || w.NoContact != tc.noContact || !tc.contacts(w.ContactsErr) || !w.Date.Equal(testNow) {
				t.Fatalf("wrote %d (%d seen), %d without contact, contacts error %v", len(w.Paths), len(seen), w.NoContact, w.ContactsErr)
			}
			b, err := os.ReadFile(w.Paths[0])
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), "claire@cabinet-martin.fr") {
				t.Errorf("sender missing:\n%s", b)
			}
			if tc.noContact < 3 && !strings.Contains(string(b), "jean@boulangerie.fr") {
				t.Errorf("recipient missing:\n%s", b)
			}
			if st, _ := os.Stat(w.Paths[0]); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
				t.Errorf("mode %v", st.Mode().Perm())
			}
		})
	}
}

func TestWriteNoticesSenderGiven(t *testing.T) {
	w, err := noticeEngine(t, nil).WriteNotices(context.Background(), NoticeRequest{Root: t.TempDir(), SenderName: "Claire Martin", SenderEmail: "claire.martin@example.fr"})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(w.Paths[0])
	if !strings.Contains(string(b), "claire.martin@example.fr") || strings.Contains(string(b), "claire@cabinet-martin.fr") {
		t.Fatalf("sender not the one given:\n%s", b)
	}
}

func TestWriteNoticesCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := noticeEngine(t, nil).WriteNotices(ctx, NoticeRequest{Root: t.TempDir()}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want cancelled", err)
	}
}

// eventStore is the fake store with its audit log readable.
type eventStore struct{ *fakeStore }

func (s eventStore) Events(_ string, since time.Time) ([]checklist.Event, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []checklist.Event
	for _, e := range s.events {
		if !e.At.Before(since) {
			out = append(out, e)
		}
	}
	return out, nil
}

func TestReportReadsRecordsAndJournal(t *testing.T) {
	st := eventStore{newFakeStore(dossiers(2))}
	e := open(t, st, Ports{})
	note := "relancer le client"
	ref := checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: "c00001"}
	if _, err := e.Apply(checklist.StepChange{Ref: ref, Note: &note}); err != nil {
		t.Fatal(err)
	}
	ws := checklist.Workspace{ID: "ws1", Operator: "C. Martin", Mode: checklist.ModeDemo}
	r, err := e.Report(ReportRequest{Workspace: ws, ReadEvents: true})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Demo || r.Cabinet.Operator != "C. Martin" || len(r.Audit) != 1 || r.Audit[0].Client != "c00001" {
		t.Fatalf("report: demo %v, operator %q, audit %+v", r.Demo, r.Cabinet.Operator, r.Audit)
	}
	found := false
	for _, c := range r.Clients {
		for _, s := range c.Steps {
			found = found || s.Note == note
		}
	}
	if !found {
		t.Fatal("the step's note is not in the report: states not read")
	}
	// Events given by the front end are used as they are.
	r, err = e.Report(ReportRequest{Workspace: ws})
	if err != nil || len(r.Audit) != 0 {
		t.Fatalf("no events given: %d entries, %v", len(r.Audit), err)
	}
	// A store without an audit log says so.
	if _, err := open(t, newFakeStore(dossiers(1)), Ports{}).Report(ReportRequest{ReadEvents: true}); !errors.Is(err, ErrNoEventLog) {
		t.Fatalf("err %v, want ErrNoEventLog", err)
	}

	dir := filepath.Join(t.TempDir(), "sortie")
	paths, err := WriteReportFiles(dir, "synthese-ws1", r, report.Markdown, report.HTML)
	if err != nil || len(paths) != 2 || !filepath.IsAbs(paths[0]) || !strings.HasSuffix(paths[1], "synthese-ws1.html") {
		t.Fatalf("paths %v, %v", paths, err)
	}
	if st, _ := os.Stat(dir); runtime.GOOS != "windows" && st.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v", st.Mode().Perm())
	}
	if b, _ := os.ReadFile(paths[0]); !strings.Contains(string(b), "Client 1") {
		t.Errorf("markdown report lacks the clients:\n%.400s", b)
	}
}
