package tui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/session"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
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
	// report is what the import of a V1 export found, shown before the
	// dashboard when rows were rejected; enter goes on to created.
	report  []string
	created *Workspace
}

// newWorkspace is bound to the creation form; on the heap, see answers.
// The client secret and the passphrase stay here only until they are
// sealed.
type newWorkspace struct {
	siren, legalName, email, operator string
	mode                              Mode
	exportPath                        string
	apiURL, v2URL, clientID           string
	clientSecret, pass, passConfirm   string
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
		// imported is how many dossiers the V1 export gave, rowErrors its
		// rejected rows; pass the passphrase that sealed the client secret.
		imported  int
		rowErrors []string
		pass      []byte
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
	pass := m.vault.pass
	return func() tea.Msg {
		p, err := connect(ws, pass)
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
		return m.workspaceCreated(msg)
	case tea.KeyMsg:
		if w.created != nil && w.form == nil && msg.Type == tea.KeyEnter {
			ws := *w.created
			w.created, w.report, w.working = nil, nil, true
			return m.loadRunCmd(ws)
		}
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
		var cmd tea.Cmd
		w.form, cmd = m.updateForm(w.form, msg)
		return cmd
	}
	return nil
}

func (m *Model) openChooser() tea.Cmd {
	w := m.wsScreen
	w.create = nil
	choice := w.list[0].ID
	w.choice = &choice
	var opts []huh.Option[string]
	for _, ws := range w.list {
		label := ws.Cabinet.LegalName + " · SIREN " + ident.FormatSIREN(ws.Cabinet.SIREN) + " · " + ModeTitle(m.lang, ws.Mode)
		opts = append(opts, huh.NewOption(label, ws.ID))
	}
	opts = append(opts, huh.NewOption(tr(m.lang, "+ Créer un nouvel espace de travail", "+ Create a new workspace"), choiceCreate))
	var cmd tea.Cmd
	w.form, w.formID, cmd = m.newForm(huh.NewGroup(
		newSelect(tr(m.lang, "Espace de travail", "Workspace"), opts, w.choice).
			Description(tr(m.lang, "Un espace par cabinet migré.", "One workspace per migrated firm."))))
	return cmd
}

func (m *Model) openCreateForm() tea.Cmd {
	w := m.wsScreen
	if w.create == nil {
		w.create = &newWorkspace{mode: ModeDemo}
	}
	a, lang := w.create, m.lang
	// Each answer is checked by the first run's field, as in the
	// accessible mode (FirstRunField).
	fieldCheck := func(name string) func(string) error {
		f := FirstRunField(name)
		return func(v string) error {
			if msg := f.Validate(v); msg != nil {
				return errors.New(msg.In(lang))
			}
			return nil
		}
	}
	operator := func() *huh.Input {
		return huh.NewInput().Title(tr(lang, "Votre nom (opérateur) *", "Your name (operator) *")).Value(&a.operator).Validate(fieldCheck("operator"))
	}
	var cmd tea.Cmd
	w.form, w.formID, cmd = m.newForm(
		huh.NewGroup(
			newSelect(tr(lang, "Connecteurs", "Connectors"), []huh.Option[Mode]{
				huh.NewOption(tr(lang, "Démonstration (plateforme simulée)", "Demo (simulated platform)"), ModeDemo),
				huh.NewOption(tr(lang, "Fichiers d'export V1 (hors ligne)", "V1 export files (offline)"), ModeFiles),
				huh.NewOption(tr(lang, "API V1/V2", "V1/V2 API"), ModeAPI),
			}, &a.mode).
				Description(tr(lang, "Comment bascule lit V1 et V2 pour ce cabinet.", "How bascule reads V1 and V2 for this firm.")),
		).Title(tr(lang, "Nouvel espace de travail", "New workspace")),
		huh.NewGroup(
			huh.NewNote().Title(tr(lang, "Cabinet de démonstration", "Demo firm")).
				Description(tr(lang, "La démonstration utilise le cabinet fictif de la plateforme simulée, avec son identité et ses clients : rien n'est demandé sur le cabinet.",
					"The demo uses the simulated platform's fictitious firm, with its identity and clients: nothing is asked about the firm.")),
			operator(),
		).WithHideFunc(func() bool { return a.mode != ModeDemo }),
		huh.NewGroup(
			huh.NewInput().Title("SIREN *").Placeholder("552 008 443").Value(&a.siren).Validate(fieldCheck("siren")),
			huh.NewInput().Title(tr(lang, "Raison sociale *", "Legal name *")).Value(&a.legalName).Validate(fieldCheck("legal_name")),
			huh.NewInput().Title(tr(lang, "E-mail du responsable *", "Manager e-mail *")).Value(&a.email).Validate(fieldCheck("email")),
			operator(),
		).Title(tr(lang, "Identité du cabinet", "The firm's identity")).
			Description(tr(lang, "Elle sert à vérifier l'inscription sur V2 (§3.1).", "It is used to check the V2 registration (§3.1).")).
			WithHideFunc(func() bool { return a.mode == ModeDemo }),
		huh.NewGroup(
			huh.NewInput().Title(tr(lang, "Fichier d'export des clients V1 (CSV ou xlsx) *", "V1 clients export file (CSV or xlsx) *")).
				Placeholder("clients-v1.csv").Value(&a.exportPath).Validate(fieldCheck("export")).
				Description(tr(lang, "Exporté depuis l'onglet Clients de V1 (bouton Exporter). Les clients actifs deviennent les dossiers ; les lignes refusées sont listées.",
					"Exported from V1's Clients tab (Export button). Active clients become the dossiers; rejected rows are listed.")),
		).WithHideFunc(func() bool { return a.mode != ModeFiles }),
		huh.NewGroup(
			huh.NewInput().Title(tr(lang, "Adresse de l'API V1 *", "V1 API address *")).Placeholder("https://").Value(&a.apiURL).Validate(fieldCheck("api_url")),
			huh.NewInput().Title(tr(lang, "Adresse de l'API V2", "V2 API address")).Placeholder("https://").Value(&a.v2URL),
			huh.NewInput().Title(tr(lang, "Identifiant client *", "Client id *")).Value(&a.clientID).Validate(fieldCheck("client_id")),
			huh.NewInput().Title(tr(lang, "Secret client *", "Client secret *")).Value(&a.clientSecret).Validate(fieldCheck("client_secret")).
				EchoMode(huh.EchoModePassword),
			huh.NewInput().Title(tr(lang, "Phrase secrète de l'espace *", "Workspace passphrase *")).Value(&a.pass).Validate(fieldCheck("passphrase")).
				EchoMode(huh.EchoModePassword).
				Description(tr(lang, "Elle chiffre le secret client dans la base et sera demandée pour le lire ; elle n'est pas enregistrée.",
					"It seals the client secret in the database and will be asked to read it; it is not stored.")),
			huh.NewInput().Title(tr(lang, "Retapez-la *", "Type it again *")).Value(&a.passConfirm).EchoMode(huh.EchoModePassword).
				Validate(func(v string) error {
					if v != a.pass {
						return errors.New(tr(lang, "les deux saisies diffèrent", "the two entries differ"))
					}
					return nil
				}),
		).Title(tr(lang, "API V1/V2", "V1/V2 API")).
			Description(tr(lang, "Les mêmes identifiants client servent pour V1 et V2.", "The same client credentials are used for V1 and V2.")).
			WithHideFunc(func() bool { return a.mode != ModeAPI }),
	)
	return cmd
}

// createWorkspace records the new workspace in a command, through the
// engine (session.CreateWorkspace, as the accessible mode and the CLI do): in files mode the
// V1 export is read first (its active clients become the dossiers), in API
// mode the client secret is sealed under the passphrase just typed.
func (m *Model) createWorkspace() tea.Cmd {
	w := m.wsScreen
	a := w.create
	ans := session.NewWorkspace{
		Mode: a.mode, SIREN: a.siren, LegalName: a.legalName, Email: a.email, Operator: a.operator,
		ExportPath: a.exportPath, ImportDossiers: m.opts.ImportDossiers, Lang: m.lang,
	}
	wss := m.opts.Workspaces
	if wss != nil {
		ans.DemoID, ans.DemoV1 = wss.DemoID(), wss.DemoV1
	}
	ans.Secrets = m.opts.Secrets // a nil interface stays nil
	if a.mode == ModeAPI {
		ans.V1URL, ans.V2URL, ans.ClientID = a.apiURL, a.v2URL, a.clientID
		ans.ClientSecret, ans.Passphrase = []byte(a.clientSecret), []byte(a.pass)
	}
	// The secret and the passphrase leave the form's answers now.
	a.clientSecret, a.pass, a.passConfirm = "", "", ""
	w.working = true
	prefill := m.prefillInactive(a.mode, a.exportPath)
	return func() tea.Msg {
		res, err := session.CreateWorkspace(context.Background(), wss, ans)
		if err != nil {
			return workspaceCreatedMsg{ws: res.Workspace, err: err}
		}
		prefill(res.Workspace)
		return workspaceCreatedMsg{ws: res.Workspace, imported: res.Imported, rowErrors: res.RowErrors, pass: ans.Passphrase}
	}
}

// prefillInactive returns what records, in files mode, the export read at
// first run as the capture of "Exporter la liste des clients inactifs": the
// same file holds the clients that do not migrate, and their count. The
// step stays to do: the user checks it and ticks it. A failure leaves the
// step empty, as before.
func (m *Model) prefillInactive(mode Mode, path string) func(Workspace) {
	count, st, g := m.opts.CountInactive, m.opts.Store, m.opts.Guide
	if mode != ModeFiles || count == nil || st == nil || path == "" {
		return func(Workspace) {}
	}
	path = connectors.Sanitize(strings.TrimSpace(path))
	return func(w Workspace) {
		n, err := count(path)
		if err != nil {
			return
		}
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		// Through an engine of the new workspace, as every write.
		eng, err := session.Open(session.Config{Workspace: w.ID, Operator: w.Operator, Store: st, Guide: g})
		if err != nil {
			return
		}
		_, _ = eng.Apply(StepChange{Ref: checklist.Ref{Step: checklist.StepCabinetInactiveClientsExport},
			Capture: &checklist.Capture{Items: []checklist.Record{{"file": path, "rows": itoa(n)}}}})
	}
}

// maxReportRows is how many rejected rows the first-run screen lists.
const maxReportRows = 12

// workspaceCreated opens the new workspace; after an import with rejected
// rows, their list is shown first.
func (m *Model) workspaceCreated(msg workspaceCreatedMsg) tea.Cmd {
	w := m.wsScreen
	if msg.pass != nil {
		m.vault.pass = msg.pass
	}
	var status tea.Cmd
	if w.create != nil && w.create.mode == ModeFiles {
		text := ImportSummary(m.lang, msg.imported, len(msg.rowErrors))
		status = m.setStatus(text, len(msg.rowErrors) > 0)
		if len(msg.rowErrors) > 0 {
			ws := msg.ws
			rows := msg.rowErrors
			if len(rows) > maxReportRows {
				more := len(rows) - maxReportRows
				rows = append(rows[:maxReportRows:maxReportRows], tr(m.lang, "… et ", "… and ")+nouns(m.lang, more, "autre", "autres", "more", "more"))
			}
			w.created, w.report = &ws, append([]string{text + tr(m.lang, " :", ":")}, rows...)
			return status
		}
	}
	w.working = true
	return tea.Batch(status, m.loadRunCmd(msg.ws))
}

func (m *Model) viewWorkspace() (string, help.KeyMap) {
	w := m.wsScreen
	head := " " + m.st.Title.Render("bascule") + m.st.Muted.Render(tr(m.lang,
		" · migration jefacture.com V1 → V2", " · jefacture.com V1 → V2 migration")) + "\n" + m.rule() + "\n"
	switch {
	case w.report != nil:
		body := ""
		for i, l := range w.report {
			if i == 0 {
				body += " " + m.st.Header.Render(l) + "\n"
				continue
			}
			body += "  " + m.st.Warn.Render("• "+l) + "\n"
		}
		hint := wrapText(tr(m.lang, "Ces lignes ne sont pas importées : corrigez le fichier et importez-les plus tard (§3.4). Entrée pour continuer.",
			"These rows are not imported: fix the file and import them later (§3.4). Enter to continue."), m.width-4)
		body += "\n" + indent(m.st.Muted.Render(hint), 1)
		return head + body, formKeys{Next: key.NewBinding(key.WithKeys("enter"), key.WithHelp(keyEnter(m.lang), tr(m.lang, "continuer", "continue"))), Quit: m.gkeys.Quit}
	case w.working:
		return head + " " + m.spin.View() + " " + tr(m.lang, "Ouverture de l'espace…", "Opening the workspace…"), formKeys{Quit: m.gkeys.ForceQuit}
	case w.form != nil:
		return head + indent(w.form.View(), 1), newFormKeys(m.lang)
	}
	return head + " " + m.spin.View() + " " + tr(m.lang, "Lecture des espaces…", "Reading workspaces…"), formKeys{Quit: m.gkeys.ForceQuit}
}

// The workspace screen (screens.go).
func (*workspaceScreen) name() string                         { return "workspace" }
func (*workspaceScreen) update(m *Model, msg tea.Msg) tea.Cmd { return m.updateWorkspace(msg) }
func (*workspaceScreen) view(m *Model) (string, help.KeyMap)  { return m.viewWorkspace() }
func (w *workspaceScreen) typing(*Model) bool                 { return w.form != nil }
func (w *workspaceScreen) resize(m *Model) tea.Cmd            { return m.refit(&w.form) }
