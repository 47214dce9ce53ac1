package accessible

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/tui"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// Options are what the accessible mode works on; cmd/bascule fills them
// like the full-screen program's.
type Options struct {
	Guide *checklist.Guide
	Store tui.Store
	// Secrets seals credentials typed into capture forms; nil leaves secret
	// fields out (with a message).
	Secrets tui.Secrets
	// Workspace is the open workspace. When nil, Workspaces lists the
	// existing ones to choose from.
	Workspace  *tui.Workspace
	Workspaces tui.Workspaces
	// Run is the workspace's run when already loaded; nil loads it.
	Run  *checklist.Run
	Lang checklist.Lang
	// Ports are the open workspace's connectors, as cmd/bascule built them
	// for the full-screen program. Connect builds them for a workspace
	// chosen or created here (and in API mode once the passphrase is
	// typed); nil leaves the connector checks offline.
	Ports   tui.Ports
	Connect func(w tui.Workspace, passphrase []byte) (tui.Ports, error)
	// ImportDossiers reads a V1 clients export for a new files-mode
	// workspace: the full-screen first run's hook (tui.Options).
	ImportDossiers func(path string) ([]checklist.Dossier, []string, error)
	// Passphrase is the workspace passphrase already given (API mode), nil
	// otherwise.
	Passphrase []byte
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Files reads the files capture forms name (their SHA-256, an export's
	// clients); nil leaves them unchecked. cmd/bascule passes the same as
	// to the full-screen program.
	Files checklist.FileReader
	// CheckTimeout bounds one connector check; 0 means 2 minutes, as in the
	// full-screen program.
	CheckTimeout time.Duration
}

// session is one run of the accessible mode.
type session struct {
	*dialog
	ctx  context.Context
	opts Options
	ws   tui.Workspace
	run  *checklist.Run
	g    *checklist.Guide
	pass []byte // the passphrase once given, for this session only
	// ports are the connectors of ws once known (portsFor is its id).
	ports    tui.Ports
	portsFor string
	// eng is the engine (tui/session) of ws: every write goes through it,
	// and run is its snapshot, taken again after each change.
	eng *engine.Engine
}

// Run walks the user through the guide with line prompts: choose a scope
// (the cabinet's phases, a client), see its steps with their status, choose
// one, then set its status or fill its capture form. Every change goes
// through the engine (tui/session: the same gate checks as everywhere) and
// is on disk before the next question. It returns nil when the user quits or
// the input ends.
func Run(ctx context.Context, in io.Reader, out io.Writer, opts Options) error {
	if opts.Guide == nil {
		opts.Guide = checklist.Default()
	}
	if opts.Lang == "" {
		opts.Lang = checklist.French
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &session{dialog: &dialog{in: newLineReader(in), out: out, lang: opts.Lang}, ctx: ctx, opts: opts, g: opts.Guide, pass: opts.Passphrase}
	err := s.main()
	switch {
	case errors.Is(err, errQuit):
		s.println(s.tr("Au revoir. Tout est enregistré.", "Goodbye. Everything is saved."))
		return nil
	case errors.Is(err, errEOF):
		s.println(s.tr("Fin de l'entrée. Tout ce qui a été validé est enregistré.", "End of input. Everything confirmed is saved."))
		return nil
	}
	return err
}

func (s *session) main() error {
	if err := s.openWorkspace(); err != nil {
		return err
	}
	s.header()
	for {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		if err := s.mainMenu(); err != nil {
			return err
		}
	}
}

func (s *session) header() {
	s.println("bascule — " + s.tr("mode accessible", "accessible mode") + " · " + s.ws.Cabinet.LegalName +
		" · SIREN " + ident.FormatSIREN(s.ws.Cabinet.SIREN) + " · " + s.ws.Mode.Title(s.lang))
	s.println(s.tr("À chaque question : un numéro pour choisir, entrée pour revenir, q pour quitter.",
		"At each question: a number to choose, enter to go back, q to quit."))
}

// openWorkspace uses the workspace given, or lets the user choose one or
// create one (the first run, line by line, when there is none).
func (s *session) openWorkspace() error {
	if s.opts.Workspace != nil {
		s.ws = *s.opts.Workspace
		s.ports, s.portsFor = s.opts.Ports, s.ws.ID
		run := s.opts.Run
		if run == nil {
			var err error
			if run, err = s.opts.Store.LoadRun(s.ws.ID, s.g); err != nil {
				return err
			}
		}
		return s.openEngine(run)
	}
	for {
		ws, err := s.chooseWorkspace(false)
		if err != nil {
			return err
		}
		if ws != nil {
			return s.switchTo(ws.ws, ws.pass)
		}
		if ok, err := s.yesNo(s.tr("Quitter bascule ?", "Quit bascule?"), false); err != nil || ok {
			if err == nil {
				err = errQuit
			}
			return err
		}
	}
}

// switchTo opens a workspace chosen or created in this session: its run
// is loaded, its connectors built when first needed.
// pass is the passphrase typed when it was created (API mode), if any.
func (s *session) switchTo(ws tui.Workspace, pass []byte) error {
	run, err := s.opts.Store.LoadRun(ws.ID, s.g)
	if err != nil {
		return err
	}
	if ws.ID != s.ws.ID || pass != nil {
		s.pass = pass // another workspace, another passphrase
	}
	s.ws = ws
	s.ports, s.portsFor = tui.Ports{}, ""
	return s.openEngine(run)
}

// openEngine opens the engine of s.ws on a copy of run, and reads the run
// from it.
func (s *session) openEngine(run *checklist.Run) error {
	e, err := engine.Open(engine.Config{Workspace: s.ws.ID, Cabinet: s.ws.Cabinet, Operator: s.by(), Store: s.opts.Store,
		Lang: s.lang, Guide: s.g, Run: engine.CloneRun(run), Now: s.opts.Now})
	if err != nil {
		return err
	}
	s.eng, s.run = e, e.Snapshot()
	return nil
}

// scopeChoice is one entry of the main menu: a phase of the cabinet, or a
// client (phase ignored).
type scopeChoice struct {
	label     string
	phase     checklist.Phase
	client    bool
	workspace bool // choose another workspace or create one
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
		label := fmt.Sprintf("%s %s — %d %%", tui.PhaseTitle(s.lang, ph), s.tr("du cabinet", "— firm"), t.Percent())
		if ph == checklist.PhaseRegistration {
			label = fmt.Sprintf("%s (§3.1) — %d %%", s.tr("Inscription du cabinet", "Firm registration"), t.Percent())
		}
		choices = append(choices, scopeChoice{label: label, phase: ph})
	}
	if len(s.run.Clients) > 0 {
		choices = append(choices, scopeChoice{client: true, label: fmt.Sprintf(s.tr("Un client (%s, recherche par nom ou SIREN)", "A client (%s, search by name or SIREN)"), checklist.FormatInt(s.lang, len(s.run.Clients)))})
	}
	if s.opts.Workspaces != nil {
		choices = append(choices, scopeChoice{workspace: true, label: s.tr("Changer d'espace de travail ou en créer un", "Switch to another workspace or create one")})
	}
	if next, ok := s.run.NextStep(); ok {
		who := ""
		if next.Client != nil {
			who = " — " + next.Client.Name
		}
		s.println(s.tr("Prochaine étape : ", "Next step: ") + next.Step.Title.In(s.lang) + who)
	}
	if l := s.run.PhaseLeft(prog, checklist.PhaseRequest, s.opts.Now()); l.Waiting {
		s.println(s.tr("Demande de migration : ", "Migration request: ") + l.Text(s.lang) + " (" + checklist.ZoneName().In(s.lang) + ").")
	}
	labels := make([]string, len(choices))
	for i, c := range choices {
		labels[i] = c.label
	}
	s.println()
	i, err := s.choose(s.tr("Sur quoi travailler ?", "What to work on?"), labels)
	if err != nil {
		return err
	}
	if i < 0 {
		ok, err := s.yesNo(s.tr("Quitter bascule ?", "Quit bascule?"), false)
		if err != nil {
			return err
		}
		if ok {
			return errQuit
		}
		return nil
	}
	if c := choices[i]; c.workspace {
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
		ci, err = s.choose(s.tr("Client :", "Client:"), labels)
	} else {
		ci, err = s.search(s.tr("Client :", "Client:"), labels, keys)
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
		l += s.tr(" · paiement", " · payment")
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
		i, err := s.choose(s.tr("Étapes :", "Steps:"), labels)
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
			s.println(s.tr("Attention : ", "Warning: ") + st.WarningSaid().In(s.lang))
		}
		if st.FAQ != "" {
			s.println("FAQ : « " + st.FAQ + " »")
		}
		if state.Reason != "" && cur.NeedsReason() {
			s.println(s.tr("Raison : ", "Reason: ") + state.Reason)
		}
		if state.Note != "" {
			s.println(s.tr("Note : ", "Note: ") + state.Note)
		}
		if c := state.Capture; c != nil && st.Form != nil && len(c.Items) > 0 {
			s.println(s.tr("Saisi :", "Captured:"))
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
			actions = append(actions, action{s.tr("Remplir la saisie", "Fill in the capture"), func() error { return s.capture(ref, st, state) }})
		}
		actions = append(actions,
			action{s.tr("Marquer fait", "Mark done"), func() error { return s.setStatus(ref, st, checklist.StatusDone, "") }},
			action{s.tr("Marquer bloqué (avec une raison)", "Mark blocked (with a reason)"), func() error { return s.withReason(ref, st, checklist.StatusBlocked) }},
			action{s.tr("Marquer sans objet (avec une raison)", "Mark not applicable (with a reason)"), func() error { return s.withReason(ref, st, checklist.StatusNotApplicable) }},
			action{s.tr("Remettre à faire", "Set back to to do"), func() error { return s.setStatus(ref, st, checklist.StatusTodo, "") }},
			action{s.tr("Écrire une note", "Write a note"), func() error { return s.note(ref, st, state.Note) }},
		)
		labels := make([]string, len(actions))
		for i, a := range actions {
			labels[i] = a.label
		}
		i, err := s.choose(s.tr("Que faire ?", "What to do?"), labels)
		if err != nil || i < 0 {
			return err
		}
		if err := actions[i].do(); err != nil {
			return err
		}
	}
}

// apply checks a change against the run's rules, writes it, and says what
// happened. A refusal (a gate) is printed in the user's language and is
// not an error of the dialogue.
func (s *session) apply(ch tui.StepChange, st *checklist.Step) error {
	if ch.Status != nil {
		// A tick against the blockers or the latest check passes only with
		// an override (asked here, recorded by the engine).
		if err := s.run.CheckChange(ch.Ref, *ch.Status, ch.Reason, s.latestEvidence(ch)); err != nil {
			s.println(s.tr("Refusé : ", "Refused: ") + s.errText(err))
			if ok, err := s.override(err); err != nil || !ok {
				return err
			}
		}
	}
	return s.said(ch, st, func() (checklist.StepState, error) { return s.eng.Apply(ch) })
}

// record records what a check or a job found through the engine (the
// status by checklist's one rule) and says what happened.
func (s *session) record(ref checklist.Ref, ev *checklist.Evidence, c *checklist.Capture, pending *int, st *checklist.Step) error {
	ch := s.evidenceChange(ref, ev, c)
	return s.said(ch, st, func() (checklist.StepState, error) { return s.eng.RecordEvidence(ref, *ev, c, pending) })
}

// said runs a write through the engine, takes the run again from it and
// says what happened.
func (s *session) said(ch tui.StepChange, st *checklist.Step, write func() (checklist.StepState, error)) error {
	state, err := write()
	s.run = s.eng.Snapshot() // a refused intent may still have recorded part (the request before its step)
	if err != nil {
		var ce *checklist.Error
		if errors.As(err, &ce) {
			s.println(s.tr("Refusé : ", "Refused: ") + ce.In(s.lang))
			return nil
		}
		return err
	}
	switch {
	case ch.Status != nil:
		s.println(fmt.Sprintf(s.tr("Enregistré : « %s » : %s.", "Saved: \"%s\": %s."), st.Title.In(s.lang), state.Status.Title().In(s.lang)))
	default:
		s.println(s.tr("Enregistré.", "Saved."))
	}
	return nil
}

func (s *session) errText(err error) string {
	var ce *checklist.Error
	if errors.As(err, &ce) {
		return ce.In(s.lang)
	}
	var en interface{ English() string }
	if s.lang == checklist.English && errors.As(err, &en) {
		return en.English()
	}
	return err.Error()
}

func (s *session) by() string {
	if s.ws.Operator != "" {
		return s.ws.Operator
	}
	return "bascule"
}

func statusPtr(st checklist.Status) *checklist.Status { return &st }

func (s *session) setStatus(ref checklist.Ref, st *checklist.Step, to checklist.Status, reason string) error {
	return s.apply(tui.StepChange{Ref: ref, Status: statusPtr(to), Reason: reason}, st)
}

func (s *session) withReason(ref checklist.Ref, st *checklist.Step, to checklist.Status) error {
	reason, err := s.ask(fmt.Sprintf(s.tr("Raison (%s) :", "Reason (%s):"), to.Title().In(s.lang)))
	if err != nil {
		return err
	}
	return s.setStatus(ref, st, to, reason)
}

func (s *session) note(ref checklist.Ref, st *checklist.Step, old string) error {
	prompt := s.tr("Note :", "Note:")
	if old != "" {
		prompt = s.tr("Nouvelle note (remplace « "+old+" ») :", "New note (replaces \""+old+"\"):")
	}
	v, err := s.ask(prompt)
	if err != nil {
		return err
	}
	return s.apply(tui.StepChange{Ref: ref, Note: &v}, st)
}

// secretNames are the names of the workspace's sealed secrets (read
// without the passphrase).
func (s *session) secretNames() map[string]bool {
	out := map[string]bool{}
	if s.opts.Secrets == nil {
		return out
	}
	names, _ := s.opts.Secrets.SecretNames(s.ws.ID)
	for _, n := range names {
		out[n] = true
	}
	return out
}

// recordLine reads one captured item out: its values, IBANs masked, and a
// secret as "secret enregistré (chiffré)", never its value.
func (s *session) recordLine(ref checklist.Ref, f *checklist.Form, r checklist.Record, secrets map[string]bool) string {
	var parts []string
	for _, fl := range f.Fields {
		v := r[fl.ID]
		switch fl.Type {
		case checklist.FieldSecret:
			if secrets[tui.SecretName(ref, fl, r)] {
				parts = append(parts, fl.Label.In(s.lang)+s.tr(" : ", ": ")+tui.SecretSavedText(s.lang))
			}
			continue
		case checklist.FieldIBAN:
			if v != "" {
				v = ident.MaskIBAN(v)
			}
		case checklist.FieldBool:
			if v == "true" {
				v = s.tr("oui", "yes")
			} else if v == "false" {
				v = s.tr("non", "no")
			}
		case checklist.FieldChoice, checklist.FieldMultiChoice:
			var labels []string
			for _, x := range checklist.SplitMulti(v) {
				for _, o := range fl.Options {
					if o.Value == x {
						x = o.Label.In(s.lang)
					}
				}
				labels = append(labels, x)
			}
			v = strings.Join(labels, ", ")
		}
		if v != "" {
			parts = append(parts, fl.Label.In(s.lang)+s.tr(" : ", ": ")+v)
		}
	}
	return strings.Join(parts, " · ")
}

// capture fills a step's capture: one form for a single record; for a list
// (collaborators, IBANs…), add, edit or delete items, then finish.
func (s *session) capture(ref checklist.Ref, st *checklist.Step, state checklist.StepState) error {
	var items []checklist.Record
	if state.Capture != nil {
		items = append(items, state.Capture.Items...)
	}
	if !st.Form.Repeated {
		var rec checklist.Record
		if len(items) > 0 {
			rec = items[0]
		}
		rec, ok, err := s.fillItem(ref, st, rec, "")
		if err != nil || !ok {
			return err
		}
		return s.saveCapture(ref, st, []checklist.Record{rec}, checklist.StatusDone)
	}
	label := st.Form.ItemLabel.In(s.lang)
	for {
		names := s.secretNames()
		s.println()
		s.println(fmt.Sprintf("%s — %d %s", st.Title.In(s.lang), len(items), label))
		for i, r := range items {
			s.printf("  %d. %s\n", i+1, s.recordLine(ref, st.Form, r, names))
		}
		actions := []string{
			fmt.Sprintf(s.tr("Ajouter : %s", "Add: %s"), label),
			s.tr("Modifier un élément", "Edit an item"),
			s.tr("Supprimer un élément", "Delete an item"),
			s.tr("Terminer : marquer l'étape faite", "Finish: mark the step done"),
		}
		i, err := s.choose(s.tr("Que faire ?", "What to do?"), actions)
		if err != nil || i < 0 {
			return err
		}
		switch i {
		case 0:
			rec, ok, err := s.fillItem(ref, st, nil, fmt.Sprintf(s.tr("Ajouter : %s", "Add: %s"), label))
			if err != nil {
				return err
			}
			if ok {
				items = append(items, rec)
				if err := s.saveCapture(ref, st, items, checklist.StatusInProgress); err != nil {
					return err
				}
			}
		case 1, 2:
			if len(items) == 0 {
				s.println(s.tr("La liste est vide.", "The list is empty."))
				continue
			}
			n, err := s.pickItem(items)
			if err != nil {
				return err
			}
			if n < 0 {
				continue
			}
			if i == 2 {
				ok, err := s.yesNo(fmt.Sprintf(s.tr("Supprimer l'élément %d ?", "Delete item %d?"), n+1), false)
				if err != nil {
					return err
				}
				if ok {
					items = append(items[:n:n], items[n+1:]...)
					if err := s.saveCapture(ref, st, items, checklist.StatusInProgress); err != nil {
						return err
					}
				}
				continue
			}
			rec, ok, err := s.fillItem(ref, st, items[n], fmt.Sprintf(s.tr("Modifier : %s %d", "Edit: %s %d"), label, n+1))
			if err != nil {
				return err
			}
			if ok {
				items[n] = rec
				if err := s.saveCapture(ref, st, items, checklist.StatusInProgress); err != nil {
					return err
				}
			}
		case 3:
			return s.saveCapture(ref, st, items, checklist.StatusDone)
		}
	}
}

func (s *session) pickItem(items []checklist.Record) (int, error) {
	for {
		v, err := s.ask(fmt.Sprintf(s.tr("Numéro de l'élément (1 à %d, entrée pour revenir) :", "Item number (1 to %d, enter to go back):"), len(items)))
		if err != nil {
			return -1, err
		}
		if i, ok, err := s.parseChoice(v, len(items)); err != nil || ok {
			return i, err
		}
	}
}

// fillItem runs one item's form in huh's accessible mode, then seals its
// secrets. ok is false when the form was left unfinished.
func (s *session) fillItem(ref checklist.Ref, st *checklist.Step, old checklist.Record, title string) (checklist.Record, bool, error) {
	if title != "" {
		s.println(title)
	}
	s.println(s.tr("Les champs marqués * sont obligatoires.", "Fields marked * are required."))
	var rec checklist.Record
	var ans *itemAnswers
	for {
		form, a := s.itemForm(st.Form, old)
		ans = a
		if err := form.RunWithContext(s.ctx); err != nil {
			return nil, false, err
		}
		if s.in.eof {
			return nil, false, errEOF
		}
		// The item as a whole (dates in order, files and counts) is
		// checked here, where it is typed: what is wrong is asked again.
		done, _, errs := st.Form.CheckItem(ans.record(st.Form, old), s.opts.Files)
		if len(errs) == 0 {
			rec = done
			break
		}
		for _, e := range errs {
			s.println(s.tr("À corriger : ", "To fix: ") + e.Message.In(s.lang))
		}
		old = done
	}
	for _, fl := range tui.SecretFields(st.Form) {
		v := *ans.secrets[fl.ID]
		if v == "" {
			continue
		}
		if err := s.sealSecret(tui.SecretName(ref, fl, rec), v); err != nil {
			return nil, false, err
		}
	}
	return rec, true, nil
}

// saveCapture writes the items; to is the status the step moves to, except
// that an edit does not take a step already resolved back to "en cours".
func (s *session) saveCapture(ref checklist.Ref, st *checklist.Step, items []checklist.Record, to checklist.Status) error {
	capt, ev, errs := st.Form.Check(checklist.Capture{Items: items}, s.opts.Files, s.opts.Now())
	if len(errs) > 0 && to == checklist.StatusDone {
		s.println(s.tr("Refusé : ", "Refused: ") + errs[0].Message.In(s.lang))
		return nil
	}
	ch := tui.StepChange{Ref: ref, Capture: &capt, Evidence: ev}
	if cur, err := s.run.Status(ref); err == nil {
		if st, ok := checklist.StatusAfterCapture(cur, to); ok {
			ch.Status = statusPtr(st)
		}
	}
	return s.apply(ch, st)
}

// sealSecret stores a secret under the workspace's passphrase, asked now
// (once per session) and asked again when it is wrong. An empty passphrase
// gives up: the secret is not kept.
func (s *session) sealSecret(name, value string) error {
	if s.opts.Secrets == nil {
		s.println(s.tr("Secret non enregistré : pas de coffre pour cet espace.", "Secret not saved: no vault for this workspace."))
		return nil
	}
	for {
		if s.pass == nil {
			p, err := s.askPassphrase()
			if err != nil {
				return err
			}
			if p == nil {
				s.println(s.tr("Secret non enregistré.", "Secret not saved."))
				return nil
			}
			s.pass = p
		}
		err := s.opts.Secrets.PutSecret(s.ws.ID, name, []byte(value), s.pass)
		switch {
		case err == nil:
			s.println(tui.SecretSavedText(s.lang) + s.tr(" : ", ": ") + name)
			return nil
		case tui.WrongPassphrase(err):
			s.pass = nil
			s.println(tui.PassphraseErrorText(s.lang))
		case errors.Is(err, checklist.ErrNoPassphrase):
			s.pass = nil
		default:
			return err
		}
	}
}

// askPassphrase asks the workspace's passphrase; the first secret of a
// workspace sets it, so it is then typed twice. nil when the user gives up.
func (s *session) askPassphrase() ([]byte, error) {
	names, _ := s.opts.Secrets.SecretNames(s.ws.ID)
	first := len(names) == 0
	for {
		prompt := s.tr("Phrase secrète de l'espace (masquée ; entrée pour abandonner) :", "Workspace passphrase (hidden; enter to give up):")
		if first {
			prompt = s.tr("Choisissez la phrase secrète qui chiffrera les identifiants (entrée pour abandonner) :", "Choose the passphrase that will seal the credentials (enter to give up):")
		}
		p, err := s.askSecret(prompt)
		if err != nil || p == "" {
			return nil, err
		}
		if !first {
			return []byte(p), nil
		}
		again, err := s.askSecret(s.tr("Retapez-la :", "Type it again:"))
		if err != nil {
			return nil, err
		}
		if again == p {
			return []byte(p), nil
		}
		s.println(s.tr("Les deux saisies diffèrent ; recommencez.", "The two entries differ; start again."))
	}
}
