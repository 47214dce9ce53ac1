package tui

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/bascule-cli/bascule/tui/session"
)

// The team mode's live view. When the program is handed a shared engine
// (Options.Engine: `bascule serve` gives each SSH session a person's handle
// on the workspace's one engine), it follows what the others do: a command
// waits on the engine's events and returns them as one message, re-armed
// after each; Update turns them into the run's new statuses and the
// presence line, with no I/O. The program also tells the engine which
// client it has open, so that the others read "Claire est sur ce dossier".

// maxLiveBatch bounds how many events one message carries: a bulk run of
// another person's arrives in a few redraws, not one per client.
const maxLiveBatch = 1024

// liveState is the subscription of a program on a shared engine. Shared by
// the copies of the model; only Update touches its fields.
type liveState struct {
	eng    *session.Engine
	events <-chan session.Event
	// here is the client this program told the engine it has open.
	here      string
	announced bool
	// want is here for the commands that tell the engine: they may run in
	// any order, so each says the latest (hereMu keeps them one at a time).
	want   atomic.Value // string
	hereMu sync.Mutex
	// people is who is connected, as last published.
	people []session.Presence
	// last is each step's status as the latest event said, in commit
	// order: this program's own answer may arrive after a later change of
	// someone else's, and must not undo it on screen.
	last map[checklist.Ref]checklist.Status
}

// newLive subscribes to a shared engine; nil without one. The subscription
// ends when the engine's handle is closed (its owner does it when the
// program ends).
func newLive(e *session.Engine) *liveState {
	if e == nil {
		return nil
	}
	events, _ := e.Subscribe()
	return &liveState{eng: e, events: events, last: map[checklist.Ref]checklist.Status{}}
}

// liveMsg carries the events published since the last one, and who is
// connected when that changed.
type liveMsg struct {
	events    []session.Event
	people    []session.Presence
	hasPeople bool
	closed    bool
}

// start is the live view's first commands: wait for events, say we are here.
func (l *liveState) start() tea.Cmd {
	if l == nil {
		return nil
	}
	l.announced = true
	l.want.Store("")
	return tea.Batch(l.wait(), l.tellHere())
}

// tellHere tells the engine the client this program has open now, in a
// command: the latest one, whichever of these commands runs last.
func (l *liveState) tellHere() tea.Cmd {
	return func() tea.Msg {
		l.hereMu.Lock()
		defer l.hereMu.Unlock()
		c, _ := l.want.Load().(string)
		l.eng.Here(c)
		return nil
	}
}

// wait blocks (in its own goroutine) for the next event, then takes the
// ones already there without waiting.
func (l *liveState) wait() tea.Cmd {
	if l == nil {
		return nil
	}
	events, eng := l.events, l.eng
	return func() tea.Msg {
		ev, ok := <-events
		if !ok {
			return liveMsg{closed: true}
		}
		msg := liveMsg{events: []session.Event{ev}}
	more:
		for len(msg.events) < maxLiveBatch {
			select {
			case ev, ok := <-events:
				if !ok {
					break more // the next wait says it is closed
				}
				msg.events = append(msg.events, ev)
			default:
				break more
			}
		}
		if slices.ContainsFunc(msg.events, func(e session.Event) bool { return e.Kind == session.KindPresence }) {
			msg.people, msg.hasPeople = eng.Presence(), true
		}
		return msg
	}
}

// Update is the root of every message: the shared engine's events here,
// everything else to update; then the engine is told which client is open
// when that changed.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if lm, ok := msg.(liveMsg); ok {
		cmd := m.onLive(lm)
		return m, cmd
	}
	nm, cmd := m.update(msg)
	mm, ok := nm.(Model)
	if !ok {
		return nm, cmd
	}
	mm.keepLatest(msg)
	if here := mm.announce(); here != nil {
		cmd = tea.Batch(cmd, here)
	}
	return mm, cmd
}

// keepLatest puts back the latest committed status of the steps an answer
// of this program's own just set: the events are in commit order, the
// answers are not (someone may have changed the step since).
func (m *Model) keepLatest(msg tea.Msg) {
	if m.live == nil || m.run == nil {
		return
	}
	var refs []checklist.Ref
	switch msg := msg.(type) {
	case stepAppliedMsg:
		refs = []checklist.Ref{msg.change.Ref}
	case stepsAppliedMsg:
		for _, ch := range msg.changes {
			refs = append(refs, ch.Ref)
		}
	}
	changed := false
	for _, ref := range refs {
		want, ok := m.live.last[ref]
		if cur, err := m.run.Status(ref); !ok || err != nil || cur == want {
			continue
		}
		_ = m.run.SetStatus(ref, want)
		m.refreshClient(m.run.ClientIndex(ref.Client))
		changed = true
	}
	if changed {
		m.runChanged()
	}
}

// announce tells the shared engine which client this program has open, in
// a command, when that changed.
func (m *Model) announce() tea.Cmd {
	l := m.live
	if l == nil {
		return nil
	}
	c := m.openClientID()
	if l.announced && c == l.here {
		return nil
	}
	l.here, l.announced = c, true
	l.want.Store(c)
	return l.tellHere()
}

// openClientID is the client whose dossier is open ("" on the firm's
// screens): its preparation steps, a capture, or its reconciliation.
func (m *Model) openClientID() string {
	ci := -1
	switch {
	case m.run == nil:
	case (showing[*stepsScreen](m) || showing[*captureScreen](m)) && m.steps != nil:
		ci = m.steps.client
	case showing[*reconScreen](m) && m.mig != nil && m.mig.recon != nil:
		ci = m.mig.recon.client
	}
	if ci < 0 || ci >= len(m.run.Clients) {
		return ""
	}
	return m.run.Clients[ci].ID
}

// onLive applies what the others did to this program's view of the run.
func (m *Model) onLive(lm liveMsg) tea.Cmd {
	l := m.live
	if l == nil || lm.closed {
		return nil
	}
	if lm.hasPeople {
		l.people = lm.people
	}
	cmds := []tea.Cmd{l.wait()}
	if m.run == nil {
		return cmds[0]
	}
	own := l.eng.Session()
	// A burst of events is one redraw: the steps move the summary one by
	// one (cheap), what else changed recomputes once at the end.
	changed, stepped := false, false
	var said string
	for _, ev := range lm.events {
		mine := ev.Session == own
		switch ev.Kind {
		case session.KindStep:
			l.last[ev.Ref] = ev.To
			if m.liveStep(ev) {
				stepped = true
			}
			if !mine && m.showsRef(ev.Ref) {
				cmds = append(cmds, m.reloadState(ev.Ref))
				said = m.changedBy(ev)
			}
		case session.KindOverride:
			if !mine {
				m.run.Overrides = append(m.run.Overrides, checklist.Override{Gate: ev.Gate, Reason: ev.Detail, By: ev.Who, At: ev.At})
				changed = true
			}
		case session.KindRequest:
			if !mine && m.run.Request.State != ev.Detail {
				m.run.Request.State = ev.Detail
				changed = true
			}
		}
	}
	switch {
	case changed:
		m.runChanged()
	case stepped:
		m.refreshBlockers()
	}
	cmds = append(cmds, m.liveTeam(lm.events)) // team.go's: a change of the team
	if said != "" {
		cmds = append(cmds, m.setStatus(said, false))
	}
	return tea.Batch(cmds...)
}

// liveStep sets one committed step change in the view, moving the
// dashboard's summary by that change alone; false when the view already had
// it (this program's own change, answered first).
func (m *Model) liveStep(ev session.Event) bool {
	return m.moveStep(ev.Ref, ev.To, ev.Pending)
}

// showsRef says whether the open screen lists ref's scope: the firm's
// steps, or the client whose dossier is open.
func (m *Model) showsRef(ref checklist.Ref) bool {
	if open := m.openClientID(); open != "" {
		return ref.Client == open
	}
	return ref.Client == "" && m.steps != nil && m.steps.client < 0 && (showing[*stepsScreen](m) || showing[*captureScreen](m))
}

// reloadState reads what is now recorded for ref, in a command, for the
// open steps screen's detail pane.
func (m *Model) reloadState(ref checklist.Ref) tea.Cmd {
	eng := m.live.eng
	return func() tea.Msg {
		st, err := eng.StepState(ref)
		return stepStateMsg{ref: ref, state: st, err: err}
	}
}

// changedBy says, on the status line, who changed a step of the open
// dossier and to what.
func (m *Model) changedBy(ev session.Event) string {
	title := ev.Ref.Step
	if st, ok := m.opts.Guide.Step(ev.Ref.Step); ok {
		title = st.Title.In(m.lang)
	}
	return fmt.Sprintf(i18n.Of(m.lang).ChangedFmt, ev.Who, title, ev.To.Title().In(m.lang))
}

// presenceLine is who else is connected, on the dashboard and a dossier's
// screens: "Claire est sur ce dossier" for those who have the open client
// too, then the others and the client each has open. "" when alone.
func (m *Model) presenceLine() string {
	l := m.live
	switch {
	case l == nil || m.run == nil:
		return ""
	case !showing[*dashboard](m) && !showing[*stepsScreen](m) && !showing[*captureScreen](m) && !showing[*reconScreen](m):
		return ""
	}
	own, open := l.eng.Session(), m.openClientID()
	var onThis, elsewhere []string
	for _, p := range l.people {
		switch {
		case p.Session == own:
		case open != "" && p.Client == open:
			if !slices.Contains(onThis, p.Who) {
				onThis = append(onThis, p.Who)
			}
		default:
			if w := m.where(p); !slices.Contains(elsewhere, w) {
				elsewhere = append(elsewhere, w)
			}
		}
	}
	var parts []string
	if len(onThis) > 0 {
		parts = append(parts, m.st.Accent.Render(onDossier(m.lang, onThis)))
	}
	if len(elsewhere) > 0 {
		parts = append(parts, m.st.Muted.Render(i18n.Of(m.lang).Online+strings.Join(elsewhere, ", ")))
	}
	if len(parts) == 0 {
		return ""
	}
	return " " + clip(strings.Join(parts, m.st.Muted.Render(" · ")), m.width-2)
}

// where names a connected person and the client he has open, if any.
func (m *Model) where(p session.Presence) string {
	if p.Client == "" {
		return p.Who
	}
	if ci := m.run.ClientIndex(p.Client); ci >= 0 {
		return p.Who + " (" + m.run.Clients[ci].Name + ")"
	}
	return p.Who
}

// onDossier says who else has the open dossier: "Claire est sur ce
// dossier", "Claire et Marc sont sur ce dossier".
func onDossier(lang checklist.Lang, names []string) string {
	and := i18n.Of(lang).And
	list := names[0]
	if n := len(names); n > 1 {
		list = strings.Join(names[:n-1], ", ") + and + names[n-1]
	}
	if len(names) == 1 {
		return list + i18n.Of(lang).IsOnThisDossier
	}
	return list + i18n.Of(lang).AreOnThisDossier
}
