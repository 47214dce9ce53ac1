package session

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/atomicfile"
	"github.com/bascule-cli/bascule/checklist/notify"
	"github.com/bascule-cli/bascule/checklist/report"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// The documents a workspace produces, written by the engine for every front
// end: the clients' notices (.eml, guide §3.2) and the migration report
// (§4 and the journal). Each exists once, here.

// NoticeRequest says where and as whom the notices are written.
type NoticeRequest struct {
	// Root is the output folder; the messages go into one sub-folder per
	// workspace (notify.Dir).
	Root string
	// SenderName and SenderEmail sign the messages; empty: the cabinet, at
	// its manager's e-mail.
	SenderName, SenderEmail string
	// OnWrite is called with each path once its file is in place.
	OnWrite func(path string)
}

// Notices is what WriteNotices wrote.
type Notices struct {
	notify.Written
	// Date is the messages' date (the engine's clock).
	Date time.Time
	// ContactsErr says why recipients are missing although V1 was asked:
	// its listing failed (the error) or never ended (*UnendingListError).
	// The messages are written anyway, without those recipients.
	ContactsErr error
}

// UnendingListError says V1's client listing kept giving new pages past
// the bound: a broken platform, not a large one.
type UnendingListError struct{ Pages int }

func (e *UnendingListError) Error() string { return e.In(checklist.French) }

// English is the error in English, for the front ends' ErrorText.
func (e *UnendingListError) English() string { return e.In(checklist.English) }

// In is the error in lang.
func (e *UnendingListError) In(lang checklist.Lang) string {
	return fmt.Sprintf(i18n.Of(lang).UnendingClientListFmt, e.Pages)
}

// maxClientPages bounds a V1 client listing: 12,000 clients at 1,000 a page
// is 12 pages.
const maxClientPages = 100

// WriteNotices writes one .eml per client of the run announcing the
// migration (§3.2 item 1), through notify.WriteAll: the cabinet as sender,
// each client's contact as recipient when the engine's V1 gives it.
// Cancelling ctx stops the listing and the writing.
func (e *Engine) WriteNotices(ctx context.Context, req NoticeRequest) (Notices, error) {
	run := e.Snapshot()
	v1 := e.Ports().V1
	b := notify.Batch{Workspace: e.ws, CabinetName: e.cabinet.LegalName,
		SenderName: req.SenderName, SenderEmail: req.SenderEmail, Date: e.now()}
	if b.SenderEmail == "" {
		b.SenderEmail = e.cabinet.ManagerEmail
	}
	out := Notices{Date: b.Date}
	contacts := map[string]connectors.Client{}
	if v1 != nil {
		contacts, out.ContactsErr = listContacts(ctx, v1)
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
	}
	for _, c := range run.Clients {
		k := contacts[c.ID]
		b.Clients = append(b.Clients, notify.Recipient{ID: c.ID, Name: c.Name, SIREN: c.SIREN,
			Payment: c.Payment, PendingInvoices: c.PendingInvoices,
			ContactFirst: k.ContactFirstName, ContactLast: k.ContactLastName, ContactEmail: k.ContactEmail})
	}
	w, err := notify.WriteAll(ctx, req.Root, b, req.OnWrite)
	out.Written = w
	return out, err
}

// listContacts reads every client of V1, page by page; what was read
// before a failure is kept.
func listContacts(ctx context.Context, v1 connectors.V1) (map[string]connectors.Client, error) {
	contacts := map[string]connectors.Client{}
	err := eachClientPage(ctx, v1, func(list []connectors.Client) {
		for _, c := range list {
			contacts[c.ID] = c
		}
	})
	return contacts, err
}

// eachClientPage hands fn every page of V1's client list, in order, and
// stops with an *UnendingListError when the list repeats a cursor or runs
// past maxClientPages.
func eachClientPage(ctx context.Context, v1 connectors.V1, fn func([]connectors.Client)) error {
	page := connectors.Page{Limit: 1000}
	seen := map[string]bool{}
	for n := 0; ; n++ {
		list, next, err := v1.ListClients(ctx, page)
		if err != nil {
			return err
		}
		fn(list)
		if next == "" {
			return nil
		}
		if seen[next] || n+1 >= maxClientPages {
			return &UnendingListError{Pages: n + 1}
		}
		seen[next] = true
		page.Cursor = next
	}
}

// EventReader reads a workspace's audit log since a time (*store.DB).
type EventReader interface {
	Events(ws string, since time.Time) ([]checklist.Event, error)
}

// ReportRequest says what the report covers.
type ReportRequest struct {
	// Workspace is the workspace as recorded: the report names its operator
	// and says whether it is the demo.
	Workspace checklist.Workspace
	// Since starts the journal (zero: the whole history).
	Since time.Time
	// Events are the journal's audit events when the front end holds them
	// already; with ReadEvents they are read from the store since Since.
	Events     []checklist.Event
	ReadEvents bool
	// Reveal keeps IBANs in full.
	Reveal bool
	// Location is the time zone of the dates; nil: Paris.
	Location *time.Location
}

// ErrNoEventLog says the store cannot read the audit log for a report.
var ErrNoEventLog = errors.New("store: no audit log")

// Report builds the migration report from the engine's run, the step
// records read through the store (report.LoadStates) and the journal: the
// one way every front end builds it, so that they say the same.
func (e *Engine) Report(req ReportRequest) (report.Report, error) {
	run := e.Snapshot()
	events := req.Events
	if req.ReadEvents {
		er, ok := e.store.(EventReader)
		if !ok {
			return report.Report{}, ErrNoEventLog
		}
		var err error
		if events, err = er.Events(e.ws, req.Since); err != nil {
			return report.Report{}, err
		}
	}
	states, err := report.LoadStates(e.store, e.ws, run)
	if err != nil {
		return report.Report{}, err
	}
	ws := req.Workspace
	ws.Cabinet = e.cabinet // the engine's, as for every other intent
	in := report.Input{
		Run: run, Workspace: e.ws, Demo: ws.IsDemo(), Cabinet: report.CabinetOf(ws),
		Entries: report.EntriesOf(events), Since: req.Since, States: states,
		Now: e.now(), Lang: e.lang, Reveal: req.Reveal, Location: req.Location,
	}
	if err := e.reportTeam(&in, ws.CreatedAt); err != nil {
		return report.Report{}, err
	}
	return report.Build(in), nil
}

// reportTeam adds the team's section (TeamSection) to a report.
func (e *Engine) reportTeam(in *report.Input, created time.Time) error {
	var err error
	in.Team, in.Portfolios, err = e.TeamSection(created)
	return err
}

// WriteReportFiles writes r into dir (created 0700) as name plus each
// format's extension, each file atomically, and returns their absolute
// paths.
func WriteReportFiles(dir, name string, r report.Report, formats ...report.Format) ([]string, error) {
	if err := atomicfile.MkdirAll(dir); err != nil {
		return nil, err
	}
	var paths []string
	for _, f := range formats {
		p := filepath.Join(dir, name+f.Ext())
		if err := atomicfile.Write(p, func(w io.Writer) error { return report.Write(w, f, r) }); err != nil {
			return paths, err
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p
		}
		paths = append(paths, abs)
	}
	return paths, nil
}
