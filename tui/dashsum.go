package tui

import "github.com/bascule-cli/bascule/checklist"

// The dashboard's summary walks every client when it is computed whole
// (refreshSummary): on start and after this program's own changes. The
// changes the others make arrive as events, one step at a time, in every
// session at once; for them the summary is moved by what changed
// (moveStep): the changed client's share out, its new share in, the
// progress and the next step through checklist's incremental forms. Both
// give the same summary (live_sum_test.go).

// share is what one client adds to the summary's counts.
type share struct {
	pendingClients, pendingInvoices, uncheckedClients, prepIncomplete int
}

// clientShare is client ci's share of the summary; its row's stats must be
// up to date (refreshClient).
func (d *dashboard) clientShare(run *checklist.Run, pendingPos, ci int) share {
	var sh share
	c := &run.Clients[ci]
	switch {
	case c.PendingInvoices > 0:
		sh.pendingClients, sh.pendingInvoices = 1, c.PendingInvoices
	case !c.Steps[pendingPos].Resolved():
		sh.uncheckedClients = 1
	}
	if st := d.ix.stats[ci]; st.prepDone < st.prepTotal {
		sh.prepIncomplete = 1
	}
	return sh
}

// add counts a client's share in (sign 1) or out (sign -1).
func (s *summary) add(sh share, sign int) {
	s.pendingClients += sign * sh.pendingClients
	s.pendingInvoices += sign * sh.pendingInvoices
	s.uncheckedClients += sign * sh.uncheckedClients
	s.prepIncomplete += sign * sh.prepIncomplete
}

// refreshSummary computes the summary from the whole run.
func (d *dashboard) refreshSummary(run *checklist.Run) {
	s := summary{progress: run.Progress(), migrated: run.Migrated()}
	pendingPos, _ := run.Guide.Position(checklist.StepClientPendingInvoices)
	for i := range run.Clients {
		s.add(d.clientShare(run, pendingPos, i), 1)
	}
	s.next, s.hasNext = run.NextStep()
	d.sum = s
}

// moveStep sets one step instance's status (and, for a client's step, the
// client's count of pending invoices when pending is not nil) and moves the
// summary and the client's row by that change alone. false when the run
// already had both.
func (m *Model) moveStep(ref checklist.Ref, to checklist.Status, pending *int) bool {
	ci := -1
	if ref.Client != "" {
		if ci = m.run.ClientIndex(ref.Client); ci < 0 {
			return false
		}
	}
	from, err := m.run.Status(ref)
	if err != nil {
		return false
	}
	newPending := ci >= 0 && pending != nil && m.run.Clients[ci].PendingInvoices != *pending
	if from == to && !newPending {
		return false
	}
	d := m.dash
	pendingPos, _ := m.run.Guide.Position(checklist.StepClientPendingInvoices)
	if d != nil && ci >= 0 {
		d.sum.add(d.clientShare(m.run, pendingPos, ci), -1)
	}
	if newPending {
		m.run.Clients[ci].PendingInvoices = *pending
	}
	_ = m.run.SetStatus(ref, to)
	if d == nil {
		return true
	}
	m.refreshClient(ci)
	if ci >= 0 {
		d.sum.add(d.clientShare(m.run, pendingPos, ci), 1)
	}
	if from != to {
		_ = m.run.MoveProgress(&d.sum.progress, ref, from, to)
		d.sum.next, d.sum.hasNext = m.run.NextAfter(d.sum.next, d.sum.hasNext, ref)
		d.sum.migrated = m.run.Migrated()
	}
	return true
}
