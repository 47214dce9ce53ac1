package tui

import (
	"context"
	"errors"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// workspaceScreen is the first run: choose a workspace or create one.
type workspaceScreen struct {
	list    []Workspace
	loaded  bool
	form    *huh.Form
	formID  int
	choice  *string // bound to the chooser
	create  *newWorkspace
	working bool // a workspace is being created or opened
}

// newWorkspace is bound to the creation form; on the heap, see answers.
type newWorkspace struct {
	siren, legalName, email, operator, apiURL string
	mode                                      Mode
}

const choiceCreate = "\x00create"

type (
	workspacesMsg struct {
		list []Workspace
		err  error
	}
	workspaceCreatedMsg struct {
		ws  Workspace
		err error
	}
	portsMsg struct {
		ports Ports
		err   error
	}
)

func newWorkspaceScreen() *workspaceScreen { return &workspaceScreen{} }

func (m *Model) listWorkspacesCmd() tea.Cmd {
	wss := m.opts.Workspaces
	if wss == nil {
		return fatal(errors.New(tr(m.lang, "aucun espace de travail ni base ouverte", "no workspace and no database open")))
	}
	return func() tea.Msg {
		list, err := wss.ListWorkspaces()
		return workspacesMsg{list: list, err: err}
	}
}

func (m *Model) loadRunCmd(ws Workspace) tea.Cmd {
	store, g := m.opts.Store, m.opts.Guide
	return func() tea.Msg {
		run, err := store.LoadRun(ws.ID, g)
		return runLoadedMsg{ws: ws, run: run, err: err}
	}
}

func (m *Model) connectCmd(ws Workspace) tea.Cmd {
	connect := m.opts.Connect
	if connect == nil {
		return nil
	}
	return func() tea.Msg {
		p, err := connect(ws)
		return portsMsg{ports: p, err: err}
	}
}

func (m *Model) updateWorkspace(msg tea.Msg) tea.Cmd {
	w := m.wsScreen
	switch msg := msg.(type) {
	case workspacesMsg:
		if msg.err != nil {
			return fatal(msg.err)
		}
		w.list, w.loaded = msg.list, true
		if len(w.list) == 0 {
			return m.openCreateForm()
		}
		return m.openChooser()
	case workspaceCreatedMsg:
		w.working = false
		if msg.err != nil {
			return tea.Batch(m.errStatus(msg.err), m.openCreateForm())
		}
		w.working = true
		return m.loadRunCmd(msg.ws)
	case formSubmittedMsg:
		if w.form == nil || msg.id != w.formID {
			return nil
		}
		w.form = nil
		if w.create != nil {
			return m.createWorkspace()
		}
		if *w.choice == choiceCreate {
			return m.openCreateForm()
		}
		for _, ws := range w.list {
			if ws.ID == *w.choice {
				w.working = true
				return m.loadRunCmd(ws)
			}
		}
		return nil
	case formCancelledMsg:
		if w.form == nil || msg.id != w.formID {
			return nil
		}
		w.form = nil
		if w.create != nil && len(w.list) > 0 {
			return m.openChooser()
		}
		return m.quit()
	}
	if w.form != nil {
		f, cmd := w.form.Update(msg)
		if hf, ok := f.(*huh.Form); ok {
			w.form = hf
		}
		return cmd
	}
	return nil
}

func (m *Model) finishForm(f *huh.Form) (*huh.Form, int) {
	id := m.ids.take()
	f = f.WithTheme(m.theme).WithKeyMap(huhKeyMap(m.lang)).WithShowHelp(true).WithWidth(m.formWidth())
	f.SubmitCmd = func() tea.Msg { return formSubmittedMsg{id: id} }
	f.CancelCmd = func() tea.Msg { return formCancelledMsg{id: id} }
	return f, id
}

func (m *Model) openChooser() tea.Cmd {
	w := m.wsScreen
	w.create = nil
	choice := w.list[0].ID
	w.choice = &choice
	var opts []huh.Option[string]
	for _, ws := range w.list {
		label := ws.Cabinet.LegalName + " · SIREN " + ident.FormatSIREN(ws.Cabinet.SIREN) + " · " + ws.Mode.Title(m.lang)
		opts = append(opts, huh.NewOption(label, ws.ID))
	}
	opts = append(opts, huh.NewOption(tr(m.lang, "+ Créer un nouvel espace de travail", "+ Create a new workspace"), choiceCreate))
	w.form, w.formID = m.finishForm(huh.NewForm(huh.NewGroup(
		huh.NewSelect[string]().Title(tr(m.lang, "Espace de travail", "Workspace")).
			Description(tr(m.lang, "Un espace par cabinet migré.", "One workspace per migrated firm.")).
			Options(opts...).Value(w.choice))))
	return w.form.Init()
}

func (m *Model) openCreateForm() tea.Cmd {
	w := m.wsScreen
	if w.create == nil {
		w.create = &newWorkspace{mode: ModeDemo}
	}
	a, lang := w.create, m.lang
	fieldCheck := func(f checklist.Field) func(string) error {
		return func(v string) error {
			if msg := f.Validate(v); msg != nil {
				return errors.New(msg.In(lang))
			}
			return nil
		}
	}
	sirenF := checklist.Field{Label: checklist.Text{FR: "SIREN", EN: "SIREN"}, Type: checklist.FieldSIREN, Required: true}
	nameF := checklist.Field{Label: checklist.Text{FR: "Raison sociale", EN: "Legal name"}, Type: checklist.FieldText, Required: true}
	emailF := checklist.Field{Label: checklist.Text{FR: "E-mail du responsable", EN: "Manager e-mail"}, Type: checklist.FieldEmail, Required: true}
	opF := checklist.Field{Label: checklist.Text{FR: "Opérateur", EN: "Operator"}, Type: checklist.FieldText, Required: true}
	urlF := checklist.Field{Label: checklist.Text{FR: "Adresse de l'API", EN: "API address"}, Type: checklist.FieldText, Required: true}
	w.form, w.formID = m.finishForm(huh.NewForm(
		huh.NewGroup(
			huh.NewInput().Title("SIREN *").Placeholder("552 008 443").Value(&a.siren).Validate(fieldCheck(sirenF)),
			huh.NewInput().Title(tr(lang, "Raison sociale *", "Legal name *")).Value(&a.legalName).Validate(fieldCheck(nameF)),
			huh.NewInput().Title(tr(lang, "E-mail du responsable *", "Manager e-mail *")).Value(&a.email).Validate(fieldCheck(emailF)),
			huh.NewInput().Title(tr(lang, "Votre nom (opérateur) *", "Your name (operator) *")).Value(&a.operator).Validate(fieldCheck(opF)),
			huh.NewSelect[Mode]().Title(tr(lang, "Connecteurs", "Connectors")).Options(
				huh.NewOption(tr(lang, "Démonstration (plateforme simulée)", "Demo (simulated platform)"), ModeDemo),
				huh.NewOption(tr(lang, "Fichiers d'export V1 (hors ligne)", "V1 export files (offline)"), ModeFiles),
				huh.NewOption(tr(lang, "API V1/V2", "V1/V2 API"), ModeAPI),
			).Value(&a.mode),
		).Title(tr(lang, "Nouvel espace de travail", "New workspace")).
			Description(tr(lang, "L'identité du cabinet sert à vérifier l'inscription sur V2 (§3.1).", "The firm's identity is used to check the V2 registration (§3.1).")),
		huh.NewGroup(
			huh.NewInput().Title(tr(lang, "Adresse de l'API *", "API address *")).Placeholder("https://").Value(&a.apiURL).Validate(fieldCheck(urlF)).
				Description(tr(lang, "Les identifiants sont demandés ensuite et chiffrés.", "Credentials are asked next and sealed.")),
		).WithHideFunc(func() bool { return a.mode != ModeAPI }),
	))
	return w.form.Init()
}

func (m *Model) createWorkspace() tea.Cmd {
	w := m.wsScreen
	a := w.create
	ws := Workspace{
		ID:       ident.NormalizeSIREN(a.siren),
		Cabinet:  connectors.Cabinet{SIREN: ident.NormalizeSIREN(a.siren), LegalName: strings.TrimSpace(a.legalName), ManagerEmail: ident.NormalizeEmail(a.email)},
		Operator: strings.TrimSpace(a.operator), Mode: a.mode, APIURL: strings.TrimSpace(a.apiURL), Created: m.opts.Now(),
	}
	w.working = true
	wss := m.opts.Workspaces
	return func() tea.Msg {
		created, err := wss.CreateWorkspace(context.Background(), ws)
		return workspaceCreatedMsg{ws: created, err: err}
	}
}

func (m *Model) viewWorkspace() (string, help.KeyMap) {
	w := m.wsScreen
	head := " " + m.st.Title.Render("bascule") + m.st.Muted.Render(tr(m.lang,
		" · migration jefacture.com V1 → V2", " · jefacture.com V1 → V2 migration")) + "\n" + m.rule() + "\n"
	switch {
	case w.working:
		return head + " " + m.spin.View() + " " + tr(m.lang, "Ouverture de l'espace…", "Opening the workspace…"), formKeys{Quit: m.gkeys.ForceQuit}
	case w.form != nil:
		return head + indent(w.form.View(), 1), newFormKeys(m.lang)
	}
	return head + " " + m.spin.View() + " " + tr(m.lang, "Lecture des espaces…", "Reading workspaces…"), formKeys{Quit: m.gkeys.ForceQuit}
}
