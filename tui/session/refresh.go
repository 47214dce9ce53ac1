package session

import (
	"context"
	"errors"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
)

// RosterStore is what a refresh needs beyond Store: the dossier's own
// "left V1" mark, which no check or sweep rewrites. *store.DB has it.
type RosterStore interface {
	MarkLeftV1(ws string, ids []string, left bool, by string) error
}

// ErrNoRosterStore says the store cannot keep the "left V1" mark.
var ErrNoRosterStore = errors.New("store: no dossier mark")

// Refreshed is what a refresh changed: the roster's difference (added,
// updated, absent from V1, unchanged) and, of the absent ones, how many
// were marked now; Back counts the marks cleared (clients back on V1).
type Refreshed struct {
	checklist.RosterDiff
	Marked, Back int
}

// refreshPage is how many clients a refresh asks V1 for at a time.
const refreshPage = 1000

// ActiveDossiers reads V1's client list through the port, page by page, and
// returns the active clients as dossiers: the ones V1 migrates by itself
// (the inactive ones are the cabinet's export/import step). A first run in
// API mode seeds the workspace with it; Refresh compares with it.
func ActiveDossiers(ctx context.Context, v1 connectors.V1) ([]checklist.Dossier, error) {
	if v1 == nil {
		return nil, ErrNoConnector
	}
	var out []checklist.Dossier
	page := connectors.Page{Limit: refreshPage}
	for {
		clients, next, err := v1.ListClients(ctx, page)
		if err != nil {
			return nil, err
		}
		for _, c := range clients {
			if !c.Status.Inactive() {
				out = append(out, checklist.Dossier{ID: c.ID, Name: c.LegalName, SIREN: c.SIREN, Payment: c.PaymentServices, PendingInvoices: -1})
			}
		}
		if next == "" || next == page.Cursor {
			return out, nil
		}
		page.Cursor = next
	}
}

// Refresh brings the dossiers in line with V1's active clients, read
// through the engine's V1 port: it creates a dossier for each client that
// appeared, updates the name, SIREN and payment option of those that
// changed, and marks those no longer listed (their dossier and work are
// kept, never deleted); a marked client listed again loses its mark. No
// step status, note, capture or evidence is touched. V1 is read before the
// engine's lock is taken, so other intents wait only for the writes.
// MayRefresh says why this handle's person may not refresh the client list
// (nil when he may): the list is the cabinet's, so in a team only who may
// administer it refreshes it (checklist.Member.CanAdminister).
func (e *Engine) MayRefresh() error { return e.mayAdminister() }

func (e *Engine) Refresh(ctx context.Context) (Refreshed, error) {
	if err := e.MayRefresh(); err != nil {
		return Refreshed{}, err
	}
	e.mu.Lock()
	v1 := e.ports.V1
	e.mu.Unlock()
	fresh, err := ActiveDossiers(ctx, v1)
	if err != nil {
		return Refreshed{}, err
	}
	return e.applyRoster(func(*checklist.Run) []checklist.Dossier { return fresh })
}

// RefreshFromFiles does what Refresh does from the V1 file-export API's
// list of companies (connectors.V1Files, GET /enterprise). That API has
// neither dossier id nor status: a company takes the id of the dossier with
// its SIREN, or its SIREN for a new one (as a V1 export without ids does),
// and every company listed counts as present.
func (e *Engine) RefreshFromFiles(ctx context.Context, src connectors.V1Files) (Refreshed, error) {
	if err := e.MayRefresh(); err != nil {
		return Refreshed{}, err
	}
	if src == nil {
		return Refreshed{}, ErrNoConnector
	}
	list, err := src.Enterprises(ctx)
	if err != nil {
		return Refreshed{}, err
	}
	return e.applyRoster(func(run *checklist.Run) []checklist.Dossier {
		bySIREN := make(map[string]checklist.Dossier, len(run.Clients))
		for _, c := range run.Clients {
			bySIREN[c.SIREN] = c.Dossier
		}
		out := make([]checklist.Dossier, 0, len(list))
		for _, en := range list {
			d, ok := bySIREN[en.SIREN]
			if !ok {
				d = checklist.Dossier{ID: en.SIREN, SIREN: en.SIREN}
			}
			d.Name, d.PendingInvoices, d.LeftV1 = connectors.Sanitize(en.Name), -1, false
			out = append(out, d)
		}
		return out
	})
}

// applyRoster writes the difference between the run's dossiers and the
// list fresh returns (computed under the lock, against the run as it is),
// then updates the run and publishes one KindRoster event.
func (e *Engine) applyRoster(fresh func(*checklist.Run) []checklist.Dossier) (Refreshed, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	existing := make([]checklist.Dossier, len(e.run.Clients))
	for i, c := range e.run.Clients {
		existing[i] = c.Dossier
	}
	r := Refreshed{RosterDiff: checklist.DiffRoster(existing, fresh(e.run))}
	mark, back := marksToChange(e.run, r.Left)
	rs, ok := e.store.(RosterStore)
	if !ok && len(mark)+len(back) > 0 {
		return r, ErrNoRosterStore // checked before anything is written
	}
	if put := append(append([]checklist.Dossier{}, r.Add...), r.Updated...); len(put) > 0 {
		if err := e.store.PutDossiers(e.ws, put, e.operator); err != nil {
			return r, err
		}
	}
	for _, m := range []struct {
		ids  []string
		left bool
	}{{mark, true}, {back, false}} {
		if len(m.ids) == 0 {
			continue
		}
		if err := rs.MarkLeftV1(e.ws, m.ids, m.left, e.operator); err != nil {
			return r, err
		}
	}
	r.Marked, r.Back = len(mark), len(back)
	e.updateRoster(r, mark, back)
	e.publishLocked(Event{Kind: KindRoster, Who: e.operator, At: e.now(),
		Added: len(r.Add), Updated: len(r.Updated), Gone: len(r.Left), Total: len(e.run.Clients)})
	return r, nil
}

// marksToChange returns the dossiers to mark (absent from V1, not marked
// yet) and those to unmark (marked, listed again).
func marksToChange(run *checklist.Run, left []checklist.Dossier) (mark, back []string) {
	gone := make(map[string]bool, len(left))
	for _, d := range left {
		gone[d.ID] = true
	}
	for _, c := range run.Clients {
		switch {
		case gone[c.ID] && !c.LeftV1:
			mark = append(mark, c.ID)
		case !gone[c.ID] && c.LeftV1:
			back = append(back, c.ID)
		}
	}
	return mark, back
}

// updateRoster applies a written refresh to the engine's run, as the store
// recorded it: updated dossiers keep their pending count, new ones come
// last with every step "à faire". e.mu is held.
func (e *Engine) updateRoster(r Refreshed, mark, back []string) {
	set := func(ids []string, left bool) {
		for _, id := range ids {
			if ci := e.run.ClientIndex(id); ci >= 0 {
				e.run.Clients[ci].LeftV1 = left
			}
		}
	}
	for _, d := range r.Updated {
		if ci := e.run.ClientIndex(d.ID); ci >= 0 {
			c := &e.run.Clients[ci]
			c.Name, c.SIREN, c.Payment = d.Name, d.SIREN, d.Payment
		}
	}
	set(mark, true)
	set(back, false)
	if len(r.Add) > 0 {
		added := checklist.NewRun(e.guide, r.Add)
		e.run.Clients = append(e.run.Clients, added.Clients...)
		e.run.Reindex()
	}
}
