package tui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
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
		return fatal(errors.New(i18n.Of(m.lang).NoWorkspaceAndNo))
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
	opts = append(opts, huh.NewOption(i18n.Of(m.lang).CreateANewWorkspace, choiceCreate))
	var cmd tea.Cmd
	w.form, w.formID, cmd = m.newForm(huh.NewGroup(
		newSelect(i18n.Of(m.lang).Workspace, opts, w.choice).
			Description(i18n.Of(m.lang).OneWorkspacePerMigrated)))
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
		return huh.NewInput().Title(i18n.Of(lang).YourNameOperator).Value(&a.operator).Validate(fieldCheck("operator"))
	}
	var modeOpts []huh.Option[Mode]
	modes, labels := FirstRunModes(lang)
	for i, md := range modes {
		modeOpts = append(modeOpts, huh.NewOption(labels[i], md))
	}
	var cmd tea.Cmd
	w.form, w.formID, cmd = m.newForm(
		huh.NewGroup(
			newSelect(i18n.Of(lang).Connectors, modeOpts, &a.mode).
				Description(i18n.Of(lang).HowBasculeReadsV1),
		).Title(i18n.Of(lang).NewWorkspace),
		huh.NewGroup(
			huh.NewNote().Title(i18n.Of(lang).DemoFirm).
				Description(i18n.Of(lang).TheDemoUsesThe),
			operator(),
		).WithHideFunc(func() bool { return a.mode != ModeDemo }),
		huh.NewGroup(
			huh.NewInput().Title("SIREN *").Placeholder("552 008 443").Value(&a.siren).Validate(fieldCheck("siren")),
			huh.NewInput().Title(i18n.Of(lang).LegalName).Value(&a.legalName).Validate(fieldCheck("legal_name")),
			huh.NewInput().Title(i18n.Of(lang).ManagerEMail).Value(&a.email).Validate(fieldCheck("email")),
			operator(),
		).Title(i18n.Of(lang).TheFirmsIdentity).
			Description(i18n.Of(lang).ItIsUsedTo).
			WithHideFunc(func() bool { return a.mode == ModeDemo }),
		huh.NewGroup(
			huh.NewInput().Title(i18n.Of(lang).V1ClientsExportFile).
				Placeholder("clients-v1.csv").Value(&a.exportPath).Validate(fieldCheck("export")).
				Description(i18n.Of(lang).ExportedFromV1sClients),
		).WithHideFunc(func() bool { return a.mode != ModeFiles }),
		huh.NewGroup(
			huh.NewInput().Title(i18n.Of(lang).V1APIAddress).Placeholder("https://").Value(&a.apiURL).Validate(fieldCheck("api_url")),
			huh.NewInput().Title(i18n.Of(lang).V2APIAddress).Placeholder("https://").Value(&a.v2URL),
			huh.NewInput().Title(i18n.Of(lang).ClientId).Value(&a.clientID).Validate(fieldCheck("client_id")),
			huh.NewInput().Title(i18n.Of(lang).ClientSecret).Value(&a.clientSecret).Validate(fieldCheck("client_secret")).
				EchoMode(huh.EchoModePassword),
			huh.NewInput().Title(i18n.Of(lang).WorkspacePassphrase2).Value(&a.pass).Validate(fieldCheck("passphrase")).
				EchoMode(huh.EchoModePassword).
				Description(i18n.Of(lang).ItSealsTheClient),
			huh.NewInput().Title(i18n.Of(lang).TypeItAgain).Value(&a.passConfirm).EchoMode(huh.EchoModePassword).
				Validate(func(v string) error {
					if v != a.pass {
						return errors.New(i18n.Of(lang).TheTwoEntriesDiffer)
					}
					return nil
				}),
		).Title(i18n.Of(lang).V1V2API).
			Description(i18n.Of(lang).TheSameClientCredentials).
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
				rows = append(rows[:maxReportRows:maxReportRows], i18n.Of(m.lang).And3+nouns(m.lang, more, i18n.Of(m.lang).MoreNoun))
			}
			w.created, w.report = &ws, append([]string{text + i18n.Of(m.lang).Colon2}, rows...)
			return status
		}
	}
	w.working = true
	return tea.Batch(status, m.loadRunCmd(msg.ws))
}

func (m *Model) viewWorkspace() (string, help.KeyMap) {
	w := m.wsScreen
	head := " " + m.st.Title.Render("bascule") + m.st.Muted.Render(i18n.Of(m.lang).JefactureComV1V2) + "\n" + m.rule() + "\n"
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
		hint := wrapText(i18n.Of(m.lang).TheseRowsAreNot, m.width-4)
		body += "\n" + indent(m.st.Muted.Render(hint), 1)
		return head + body, formKeys{Next: key.NewBinding(key.WithKeys("enter"), key.WithHelp(keyEnter(m.lang), i18n.Of(m.lang).Continue)), Quit: m.gkeys.Quit}
	case w.working:
		return head + " " + m.spin.View() + " " + i18n.Of(m.lang).OpeningTheWorkspace, formKeys{Quit: m.gkeys.ForceQuit}
	case w.form != nil:
		return head + indent(w.form.View(), 1), newFormKeys(m.lang)
	}
	return head + " " + m.spin.View() + " " + i18n.Of(m.lang).ReadingWorkspaces, formKeys{Quit: m.gkeys.ForceQuit}
}

// The workspace screen (screens.go).
func (*workspaceScreen) name() string                         { return "workspace" }
func (*workspaceScreen) update(m *Model, msg tea.Msg) tea.Cmd { return m.updateWorkspace(msg) }
func (*workspaceScreen) view(m *Model) (string, help.KeyMap)  { return m.viewWorkspace() }
func (w *workspaceScreen) typing(*Model) bool                 { return w.form != nil }
func (w *workspaceScreen) resize(m *Model) tea.Cmd            { return m.refit(&w.form) }
