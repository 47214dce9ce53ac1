package tui

import (
	"fmt"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// dashboard is the home screen: phases, blockers, next step, client table.
type dashboard struct {
	ix        *clientIndex
	cursor    int // position in ix.filtered
	offset    int // first row shown
	filtering bool
	marked    []bool
	nMarked   int
	sum       summary
	longest   int // the widest client name, for the name column
}

// summary is the top of the dashboard, computed when the run changes: it
// walks every client, which a keystroke must not do.
type summary struct {
	progress         checklist.Progress
	pendingClients   int // clients with invoices awaiting acceptance
	pendingInvoices  int
	uncheckedClients int // pending invoices never checked
	prepIncomplete   int // clients whose preparation is not finished
	migrated         bool
	next             checklist.Next
	hasNext          bool
}

func newDashboard(run *checklist.Run) *dashboard {
	d := &dashboard{ix: newClientIndex(run), marked: make([]bool, len(run.Clients))}
	for i := range run.Clients {
		w := ansi.StringWidth(run.Clients[i].Name)
		if run.Clients[i].LeftV1 {
			w += leftV1MarkWidth // room for the mark, so that it does not cut the name
		}
		d.longest = max(d.longest, w)
	}
	return d
}

// refreshClient recomputes one client's row after its statuses changed.
func (m *Model) refreshClient(ci int) {
	if m.dash == nil || ci < 0 || ci >= len(m.run.Clients) {
		return
	}
	m.dash.ix.stats[ci] = m.cols.stat(&m.run.Clients[ci])
}

// dashFixedLines is the dashboard's height outside the client rows.
const dashFixedLines = 10

// pageRows is how many client rows fit on the dashboard now.
func (m *Model) pageRows() int {
	footer := 3
	if m.help.ShowAll {
		k := newDashKeys(m.lang, m.gkeys)
		k.Demo.SetEnabled(m.ports.Demo != nil)
		footer = 2 + len(m.fullHelp(m.dashHelp(k)))
	}
	return max(1, m.height-footer-dashFixedLines)
}

func (d *dashboard) clamp(rows int) {
	n := len(d.ix.filtered)
	d.cursor = max(0, min(d.cursor, n-1))
	if d.cursor < d.offset {
		d.offset = d.cursor
	}
	if d.cursor >= d.offset+rows {
		d.offset = d.cursor - rows + 1
	}
	d.offset = max(0, min(d.offset, max(0, n-rows)))
}

// current returns the client index under the cursor, or -1.
func (d *dashboard) current() int {
	if d.cursor < 0 || d.cursor >= len(d.ix.filtered) {
		return -1
	}
	return int(d.ix.filtered[d.cursor])
}

func (m *Model) updateDashboard(msg tea.Msg) tea.Cmd {
	d := m.dash
	km, ok := msg.(tea.KeyMsg)
	if !ok || d == nil {
		return nil
	}
	k := newDashKeys(m.lang, m.gkeys)
	k.Demo.SetEnabled(m.ports.Demo != nil)
	rows := m.pageRows()
	defer d.clamp(rows)
	if d.filtering {
		switch km.Type {
		case tea.KeyRunes, tea.KeySpace:
			d.ix.setQuery(d.ix.query + string(km.Runes))
			d.cursor, d.offset = 0, 0
			return nil
		case tea.KeyBackspace:
			if r := []rune(d.ix.query); len(r) > 0 {
				d.ix.setQuery(string(r[:len(r)-1]))
				d.cursor, d.offset = 0, 0
			}
			return nil
		case tea.KeyCtrlU:
			d.ix.setQuery("")
			return nil
		case tea.KeyEnter:
			d.filtering = false
			return nil
		case tea.KeyEsc:
			d.filtering = false
			d.ix.setQuery("")
			d.cursor, d.offset = 0, 0
			return nil
		}
	}
	if cmd, ok := m.dashTeamKey(km); ok {
		return cmd
	}
	switch {
	case key.Matches(km, k.Up):
		d.cursor--
	case key.Matches(km, k.Down):
		d.cursor++
	case key.Matches(km, k.PageUp):
		d.cursor -= rows
	case key.Matches(km, k.PageDown):
		d.cursor += rows
	case key.Matches(km, k.Top):
		d.cursor = 0
	case key.Matches(km, k.Bottom):
		d.cursor = len(d.ix.filtered) - 1
	case key.Matches(km, k.Filter):
		d.filtering = true
	case key.Matches(km, k.Sort):
		d.ix.sort((d.ix.sortBy+1)%sortKeyCount, m.run)
		d.cursor, d.offset = 0, 0
		return m.setStatus(i18n.Of(m.lang).Sort+d.ix.sortBy.title(m.lang), false)
	case key.Matches(km, k.Mark):
		if ci := d.current(); ci >= 0 {
			d.toggle(ci)
			d.cursor++
		}
	case key.Matches(km, k.MarkAll):
		// Selects every client shown; a second press changes nothing (esc
		// clears the selection).
		for _, i := range d.ix.filtered {
			if !d.marked[i] {
				d.toggle(int(i))
			}
		}
		return m.setStatus(fmt.Sprintf(i18n.Of(m.lang).EscToClearTheFmt,
			d.nMarked, plural(d.nMarked, i18n.Of(m.lang).ClientsSelectedNoun.One, i18n.Of(m.lang).ClientsSelectedNoun.Many)), false)
	case key.Matches(km, k.Next):
		return m.openNextStep()
	case key.Matches(km, k.Bulk):
		if d.nMarked == 0 {
			return m.setStatus(i18n.Of(m.lang).SelectClientsFirstSpace2, false)
		}
		return m.openBulk()
	case key.Matches(km, k.Open):
		// Before the migration a client's work is its preparation; after
		// it, its validation (§3.3–3.4).
		if ci := d.current(); ci >= 0 {
			if m.run.Migrated() {
				return m.openRecon(ci)
			}
			return m.openSteps(ci, checklist.PhasePreparation)
		}
	case key.Matches(km, k.Cabinet):
		return m.openSteps(-1, checklist.PhasePreparation)
	case key.Matches(km, k.Registration):
		return m.openSteps(-1, checklist.PhaseRegistration)
	case key.Matches(km, k.Check):
		if ci := d.current(); ci >= 0 {
			return m.startCheck(checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: m.run.Clients[ci].ID})
		}
	case key.Matches(km, k.Refresh):
		return m.startRefresh()
	case key.Matches(km, k.Request, k.Recon, k.ReconCabinet, k.Actions, k.Summary, k.Demo):
		return m.dashMigKey(km, k)
	case key.Matches(km, m.gkeys.Back):
		switch {
		case m.check != nil:
			return m.cancelCheck()
		case d.ix.query != "":
			d.ix.setQuery("")
			d.cursor, d.offset = 0, 0
		case d.nMarked > 0:
			clear(d.marked)
			d.nMarked = 0
		}
	}
	return nil
}

// openNextStep opens the screen of the dashboard's "Prochaine étape", its
// cursor on that step.
func (m *Model) openNextStep() tea.Cmd {
	s := m.dash.sum
	if !s.hasNext {
		return m.setStatus(i18n.Of(m.lang).NothingToDoFor, false)
	}
	ci := -1
	if s.next.Client != nil {
		ci = m.run.ClientIndex(s.next.Client.ID)
	}
	var cmd tea.Cmd
	switch p := s.next.Step.Phase; p {
	case checklist.PhaseRequest:
		cmd = m.openRequest()
		if r := m.migState().req; r != nil {
			for i, st := range r.steps {
				if st.ID == s.next.Step.ID {
					r.cursor = i
				}
			}
		}
		return cmd
	case checklist.PhaseReconciliation:
		cmd = m.openRecon(ci)
		if r := m.migState().recon; r != nil {
			for i, st := range r.steps {
				if st.ID == s.next.Step.ID {
					r.cursor = i
				}
			}
		}
		return cmd
	case checklist.PhasePreparation, checklist.PhaseRegistration:
		cmd = m.openSteps(ci, p)
		for i, st := range m.steps.steps {
			if st.ID == s.next.Step.ID {
				m.steps.cursor = i
			}
		}
		return tea.Batch(cmd, m.loadStateCmd())
	}
	return m.openSummary()
}

func (d *dashboard) toggle(ci int) {
	d.marked[ci] = !d.marked[ci]
	if d.marked[ci] {
		d.nMarked++
	} else {
		d.nMarked--
	}
}

// The dashboard screen (screens.go).
func (*dashboard) name() string                         { return "dashboard" }
func (*dashboard) update(m *Model, msg tea.Msg) tea.Cmd { return m.updateDashboard(msg) }
func (*dashboard) view(m *Model) (string, help.KeyMap)  { return m.viewDashboard() }
func (d *dashboard) typing(*Model) bool                 { return d.filtering }
func (*dashboard) resize(*Model) tea.Cmd                { return nil }
