package accessible

import (
	"fmt"
	"sort"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/tui"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// scopeChoice is one entry of the main menu: a phase of the cabinet, or a
// client (phase ignored).
type scopeChoice struct {
	label     string
	phase     checklist.Phase
	client    bool
	workspace bool // choose another workspace or create one
	refresh   bool // read V1's client list again (refresh.go)
	report    bool // write the summary export
	team      bool // the team's figures, read-only (team.go)
}

func (s *session) mainMenu() error {
	var choices []scopeChoice
	prog := s.run.Progress()
	for _, ph := range checklist.Phases() {
		steps := s.cabinetSteps(ph)
		if len(steps) == 0 {
			continue
		}
		t := prog.Phase(ph)
		label := fmt.Sprintf("%s %s — %d %%", tui.PhaseTitle(s.lang, ph), i18n.Of(s.lang).Firm5, t.Percent())
		if ph == checklist.PhaseRegistration {
			label = fmt.Sprintf("%s (§3.1) — %d %%", i18n.Of(s.lang).FirmRegistration, t.Percent())
		}
		choices = append(choices, scopeChoice{label: label, phase: ph})
	}
	if len(s.run.Clients) > 0 {
		choices = append(choices, scopeChoice{client: true, label: fmt.Sprintf(i18n.Of(s.lang).AClientSearchByFmt, checklist.FormatInt(s.lang, len(s.run.Clients)))})
	}
	if s.opts.Workspaces != nil {
		choices = append(choices, scopeChoice{workspace: true, label: i18n.Of(s.lang).SwitchToAnotherWorkspace})
	}
	if s.canRefresh() { // last, so that the other entries keep their numbers
		choices = append(choices, scopeChoice{refresh: true, label: i18n.Of(s.lang).RefreshTheClientsFrom})
	}
	// Last, so that the entries before keep their numbers.
	choices = append(choices, scopeChoice{report: true, label: i18n.Of(s.lang).WriteTheSummaryMarkdown})
	if s.canShowTeam() { // after every other entry: their numbers do not move
		choices = append(choices, scopeChoice{team: true, label: i18n.Of(s.lang).TeamProgressPerPerson2})
	}
	if next, ok := s.run.NextStep(); ok {
		who := ""
		if next.Client != nil {
			who = " — " + next.Client.Name
		}
		s.println(i18n.Of(s.lang).NextStep + next.Step.Title.In(s.lang) + who)
	}
	if l := s.run.PhaseLeft(prog, checklist.PhaseRequest, s.opts.Now()); l.Waiting {
		s.println(i18n.Of(s.lang).MigrationRequest2 + l.Text(s.lang) + " (" + checklist.ZoneName().In(s.lang) + ").")
	}
	labels := make([]string, len(choices))
	for i, c := range choices {
		labels[i] = c.label
	}
	s.println()
	i, err := s.choose(i18n.Of(s.lang).WhatToWorkOn, labels)
	if err != nil {
		return err
	}
	if i < 0 {
		ok, err := s.yesNo(i18n.Of(s.lang).QuitBascule, false)
		if err != nil {
			return err
		}
		if ok {
			return errQuit
		}
		return nil
	}
	if choices[i].refresh {
		return s.refreshClients()
	}
	if choices[i].team {
		return s.showTeam()
	}
	if c := choices[i]; c.report {
		return s.writeSummary()
	} else if c.workspace {
		ws, err := s.chooseWorkspace(true)
		if err != nil || ws == nil {
			return err
		}
		if err := s.switchTo(ws.ws, ws.pass); err != nil {
			return err
		}
		s.println()
		s.header()
		return nil
	} else if c.client {
		return s.clientMenu()
	} else {
		return s.stepsMenu(-1, s.cabinetSteps(c.phase), c.label)
	}
}

func (s *session) cabinetSteps(ph checklist.Phase) []*checklist.Step {
	var out []*checklist.Step
	for _, st := range s.g.StepsFor(checklist.ScopeCabinet) {
		if st.Phase == ph {
			out = append(out, st)
		}
	}
	return out
}

// clientMenu finds a client by typing part of its name or SIREN, then
// lists its steps.
func (s *session) clientMenu() error {
	n := len(s.run.Clients)
	labels := make([]string, n)
	keys := make([]string, n)
	for i, c := range s.run.Clients {
		labels[i] = s.clientLabel(i)
		keys[i] = tui.SearchKey(c.Name, c.SIREN)
	}
	var ci int
	var err error
	if n <= maxListed {
		ci, err = s.choose(i18n.Of(s.lang).Client, labels)
	} else {
		ci, err = s.search(i18n.Of(s.lang).Client, labels, keys)
	}
	if err != nil || ci < 0 {
		return err
	}
	var steps []*checklist.Step
	payment := s.run.Clients[ci].Payment
	for _, st := range s.g.ClientSideSteps() {
		if st.Scope != checklist.ScopePayment || payment {
			steps = append(steps, st)
		}
	}
	// Phase by phase: a payment client's preparation steps come before the
	// reconciliation, as the user works through them.
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].Phase < steps[j].Phase })
	return s.stepsMenu(ci, steps, s.clientLabel(ci))
}

func (s *session) clientLabel(ci int) string {
	c := s.run.Clients[ci]
	l := c.Name + " · SIREN " + ident.FormatSIREN(c.SIREN)
	if c.Payment {
		l += i18n.Of(s.lang).Payment2
	}
	return l
}

func (s *session) ref(client int, st *checklist.Step) checklist.Ref {
	r := checklist.Ref{Step: st.ID}
	if client >= 0 {
		r.Client = s.run.Clients[client].ID
	}
	return r
}

// stepsMenu lists the steps of a scope with their status and opens one.
func (s *session) stepsMenu(client int, steps []*checklist.Step, title string) error {
	for {
		var count checklist.DoneCount
		labels := make([]string, len(steps))
		for i, st := range steps {
			cur, _ := s.run.Status(s.ref(client, st))
			count.Add(cur)
			phase := ""
			if client >= 0 {
				phase = tui.PhaseTitle(s.lang, st.Phase) + " · "
			}
			labels[i] = fmt.Sprintf("[%s] %s (%s%s, §%s)", cur.Title().In(s.lang), st.Title.In(s.lang), phase, st.Kind.Title().In(s.lang), st.Section)
		}
		s.println()
		s.println(title + " — " + count.Text(s.lang))
		i, err := s.choose(i18n.Of(s.lang).Steps2, labels)
		if err != nil || i < 0 {
			return err
		}
		if err := s.stepMenu(client, steps[i]); err != nil {
			return err
		}
	}
}

// stepMenu shows one step and what was recorded, and offers what can be
// done with it.
func (s *session) stepMenu(client int, st *checklist.Step) error {
	ref := s.ref(client, st)
	for {
		state, err := s.opts.Store.StepState(s.ws.ID, ref)
		if err != nil {
			return err
		}
		cur, _ := s.run.Status(ref)
		s.println()
		if client >= 0 {
			s.println(s.clientLabel(client))
		}
		s.println(st.Title.In(s.lang) + " — " + cur.Title().In(s.lang) + " (§" + st.Section + ", " + st.Kind.Title().In(s.lang) + ", " + st.Actor.Title().In(s.lang) + ")")
		if h := st.HelpSaid().In(s.lang); h != "" {
			s.println(h)
		}
		if n := st.NoteSaid().In(s.lang); n != "" {
			s.println(n)
		}
		if !st.Warning.IsZero() {
			s.println(i18n.Of(s.lang).Warning + st.WarningSaid().In(s.lang))
		}
		if st.FAQ != "" {
			s.println(fmt.Sprintf(i18n.Of(s.lang).FAQTitleFmt, st.FAQ))
		}
		if state.Reason != "" && cur.NeedsReason() {
			s.println(i18n.Of(s.lang).Reason2 + state.Reason)
		}
		if state.Note != "" {
			s.println(i18n.Of(s.lang).Note3 + state.Note)
		}
		if c := state.Capture; c != nil && st.Form != nil && len(c.Items) > 0 {
			s.println(i18n.Of(s.lang).Captured2)
			names := s.secretNames()
			for i, r := range c.Items {
				s.printf("  %d. %s\n", i+1, s.recordLine(ref, st.Form, r, names))
			}
		}
		if ev := state.Evidence; ev != nil {
			s.printEvidence(ev, true)
		}
		type action struct {
			label string
			do    func() error
		}
		var actions []action
		if s.hasCheck(ref) {
			actions = append(actions, action{s.checkLabel(st.ID),
				func() error { return s.runCheck(ref, st) }})
		}
		if st.Form != nil {
			actions = append(actions, action{i18n.Of(s.lang).FillInTheCapture, func() error { return s.capture(ref, st, state) }})
		}
		if st.ID == checklist.StepRequestNotifyClients {
			actions = append(actions, action{i18n.Of(s.lang).WriteTheClientsE,
				func() error { return s.writeNotices(ref, st) }})
		}
		actions = append(actions,
			action{i18n.Of(s.lang).MarkDone, func() error { return s.setStatus(ref, st, checklist.StatusDone, "") }},
			action{i18n.Of(s.lang).MarkBlockedWithA, func() error { return s.withReason(ref, st, checklist.StatusBlocked) }},
			action{i18n.Of(s.lang).MarkNotApplicableWith, func() error { return s.withReason(ref, st, checklist.StatusNotApplicable) }},
			action{i18n.Of(s.lang).SetBackToTo, func() error { return s.setStatus(ref, st, checklist.StatusTodo, "") }},
			action{i18n.Of(s.lang).WriteANote, func() error { return s.note(ref, st, state.Note) }},
		)
		labels := make([]string, len(actions))
		for i, a := range actions {
			labels[i] = a.label
		}
		i, err := s.choose(i18n.Of(s.lang).WhatToDo, labels)
		if err != nil || i < 0 {
			return err
		}
		if err := actions[i].do(); err != nil {
			return err
		}
	}
}
