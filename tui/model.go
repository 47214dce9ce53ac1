package tui

import (
	"context"
	"path/filepath"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/workdays"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/bascule-cli/bascule/tui/session"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// The smallest terminal the screens are laid out for.
const (
	minWidth  = 80
	minHeight = 24
)

// Model is the root of the program. It handles the global keys, the window
// size and the messages that change the run, then gives the rest to the
// screen on top of its stack (screens.go). Screens are pointers: the value
// copied on each Update is only this small header.
type Model struct {
	opts  Options
	lang  checklist.Lang
	st    Styles
	theme *huh.Theme
	gkeys globalKeys
	help  help.Model

	width, height int
	stack         []screen // the screen shown last; esc pops it

	ws    *Workspace
	run   *checklist.Run
	cols  columns
	ports Ports
	// eng is the engine (tui/session) that owns the open workspace's run;
	// every write goes through it. nil before a workspace is open.
	eng *session.Engine

	wsScreen *workspaceScreen
	dash     *dashboard
	steps    *stepsScreen
	capture  *captureScreen
	bulk     *bulkScreen
	spin     spinner.Model
	check    *runningCheck
	mig      *migration // request, reconciliation, summary: see migration.go

	loc    *time.Location // Europe/Paris, for the times shown
	status status
	fatal  error
	ids    *idSource
	vault  *vault // the passphrase once given and the sealed names: secret_tui.go

	team *teamState // the team's portfolios: team.go
	// live follows a shared engine's events and presence: live.go.
	live *liveState
}

// idSource hands out request ids and keeps the cancel functions of running
// checks, so that quitting cancels them all. It is shared by the copies of
// the model; only Update touches it.
type idSource struct {
	next    int
	cancels map[int]context.CancelFunc
}

func (s *idSource) take() int { s.next++; return s.next }

// New builds the program's model.
func New(opts Options) Model {
	if opts.Guide == nil {
		opts.Guide = checklist.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Tick == nil {
		opts.Tick = tea.Tick
	}
	if opts.StatusTTL == 0 {
		opts.StatusTTL = 6 * time.Second
	}
	if opts.Palette == (Palette{}) {
		opts.Palette = DarkPalette()
	}
	if opts.NoColor {
		opts.Palette = NoColorPalette()
	}
	m := Model{
		opts: opts, lang: opts.Lang, st: newStyles(opts.Renderer, opts.Palette, opts.NoColor), theme: HuhTheme(opts.Palette),
		gkeys: newGlobalKeys(opts.Lang), help: help.New(),
		ids:   &idSource{cancels: map[int]context.CancelFunc{}},
		ports: opts.Ports, cols: columnsOf(opts.Guide),
		width: minWidth, height: minHeight, loc: workdays.Paris(),
		mig: newMigration(opts.Now()),
	}
	if m.lang == "" {
		m.lang = checklist.French
	}
	m.help.Styles.ShortKey, m.help.Styles.FullKey = m.st.HelpKey, m.st.HelpKey
	m.help.Styles.ShortDesc, m.help.Styles.FullDesc = m.st.HelpDesc, m.st.HelpDesc
	m.help.Styles.ShortSeparator, m.help.Styles.FullSeparator = m.st.HelpSep, m.st.HelpSep
	m.help.ShortSeparator = " · "
	m.spin = spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(m.st.Accent))
	m.vault = &vault{pass: opts.Passphrase}
	m.live = newLive(opts.Engine)
	switch {
	case opts.Workspace != nil && opts.Run != nil:
		w := *opts.Workspace
		m.ws = &w
		m.setRun(opts.Run)
		m.stack = []screen{m.dash}
	case opts.Workspace != nil:
		w := *opts.Workspace
		m.ws = &w
		m.stack = []screen{loadingScreen{}}
	default:
		m.wsScreen = newWorkspaceScreen()
		m.stack = []screen{m.wsScreen}
	}
	return m
}

// Err is the fatal error that ended the program, if any: cmd/bascule turns
// it into a non-zero exit code.
func (m Model) Err() error { return m.fatal }

// Screen is the active screen, for tests and the end-to-end driver.
func (m Model) Screen() string { return m.top().name() }

// Init loads what the first screen needs.
func (m Model) Init() tea.Cmd {
	return tea.Batch(m.firstCmd(), m.sessionBackupCmd(), m.teamLoadCmd(), m.live.start())
}

// firstCmd loads what the first screen shows.
func (m Model) firstCmd() tea.Cmd {
	switch m.top().(type) {
	case loadingScreen:
		return m.loadRunCmd(*m.ws)
	case *workspaceScreen:
		return m.listWorkspacesCmd()
	}
	return m.secretNamesCmd()
}

// sessionBackupCmd takes the session's backup (Options.Backup) and says so
// in the status line; a failure is said too, and does not stop anything.
func (m Model) sessionBackupCmd() tea.Cmd {
	backup := m.opts.Backup
	if backup == nil {
		return nil
	}
	return func() tea.Msg {
		p, err := backup()
		return sessionBackupMsg{path: p, err: err}
	}
}

func (m *Model) setRun(run *checklist.Run) {
	m.run = run
	m.eng = m.openEngine(run)
	m.initTeam()
	m.dash = newDashboard(run)
	m.dash.refreshSummary(run)
}

// Messages that change the run or the program's state.
type (
	runLoadedMsg struct {
		ws  Workspace
		run *checklist.Run
		err error
	}
	fatalMsg struct{ err error }
	// sessionBackupMsg is the session's backup done: its path, "" when
	// none was needed.
	sessionBackupMsg struct {
		path string
		err  error
	}
	// statusMsg shows a passing message in the status line.
	statusMsg struct {
		text string
		err  bool
	}
	statusTickMsg struct{ id int }
)

// status is the passing message line: shown, then faded, then gone.
type status struct {
	text  string
	err   bool
	faded bool
	id    int
}

func (m *Model) setStatus(text string, isErr bool) tea.Cmd {
	id := m.ids.take()
	m.status = status{text: text, err: isErr, id: id}
	ttl := m.opts.StatusTTL
	return m.opts.Tick(ttl*2/3, func(time.Time) tea.Msg { return statusTickMsg{id: id} })
}

func (m *Model) errStatus(err error) tea.Cmd {
	return m.setStatus(m.errText(err), true)
}

// errText renders an error in the user's language when it knows how.
func (m *Model) errText(err error) string { return checklist.ErrorText(m.lang, err) }

// update handles global concerns, then the active screen (Update: live.go).
func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok && km.Type == tea.KeyRunes {
		// Typed or pasted text enters here for every screen and field.
		if km.Runes = cleanTyped(km.Runes); len(km.Runes) == 0 {
			return m, nil
		}
		if len(km.Runes) > 1 && !km.Paste && !m.typing() {
			return m.eachKey(km)
		}
		msg = km
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.Width = msg.Width
		return m, m.resizeScreens()
	case tea.KeyMsg:
		if cmd, done := m.globalKey(msg); done {
			return m, cmd
		}
	case fatalMsg:
		m.fatal = msg.err
		m.stack = append(m.stack, errorScreen{})
		m.cancelAll()
		return m, nil
	case statusMsg:
		return m, m.setStatus(msg.text, msg.err)
	case sessionBackupMsg:
		switch {
		case msg.err != nil:
			return m, m.setStatus(i18n.Of(m.lang).SessionStartBackupFailed+m.errText(msg.err), true)
		case msg.path != "":
			return m, m.setStatus(i18n.Of(m.lang).DatabaseBackedUp+filepath.Base(msg.path), false)
		}
		return m, nil
	case statusTickMsg:
		if msg.id != m.status.id {
			return m, nil // an older message's timer
		}
		if !m.status.faded {
			m.status.faded = true
			return m, m.opts.Tick(m.opts.StatusTTL/3, func(time.Time) tea.Msg { return statusTickMsg{id: msg.id} })
		}
		m.status = status{}
		return m, nil
	case runLoadedMsg:
		if msg.err != nil {
			return m, fatal(msg.err)
		}
		w := msg.ws
		m.ws = &w
		m.setRun(msg.run)
		m.stack = []screen{m.dash}
		return m, tea.Batch(m.connectCmd(w), m.secretNamesCmd(), m.teamLoadCmd())
	case secretNamesMsg:
		m.vault.setNames(msg)
		return m, nil
	case captureCheckedMsg:
		return m, m.captureChecked(msg)
	case portsMsg:
		if msg.err != nil {
			return m, m.errStatus(msg.err)
		}
		m.ports = msg.ports
		if m.eng != nil {
			m.eng.SetPorts(msg.ports.engine())
		}
		return m, nil
	case spinner.TickMsg:
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		if m.busy() {
			return m, cmd
		}
		return m, nil
	}
	if cmd, done := m.updateTeam(msg); done {
		return m, cmd
	}
	if cmd, done := m.updateRun(msg); done {
		return m, cmd
	}
	if cmd, done := m.updateMigration(msg); done {
		return m, cmd
	}
	return m, m.updateScreen(msg)
}

// eachKey handles keys typed faster than the program reads them: Bubble Tea
// reports the printable runes of one read as a single message ("xm"), which
// no key binding matches. Outside text input each rune is a key of its own,
// handled in order (a key that opens an input makes the next runes text). A
// paste is never split: its letters are not commands.
func (m Model) eachKey(km tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cur tea.Model = m
	cmds := make([]tea.Cmd, 0, len(km.Runes))
	for _, r := range km.Runes {
		var cmd tea.Cmd
		cur, cmd = cur.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: km.Alt})
		cmds = append(cmds, cmd)
	}
	return cur, tea.Batch(cmds...)
}

func fatal(err error) tea.Cmd { return func() tea.Msg { return fatalMsg{err} } }

// globalKey handles the keys every screen shares. q and ? are left to the
// screen while the user types.
func (m *Model) globalKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	if key.Matches(msg, m.gkeys.ForceQuit) {
		return m.quit(), true
	}
	if showing[errorScreen](m) {
		return m.quit(), true // any key leaves the error screen
	}
	if m.typing() {
		return nil, false
	}
	switch {
	case key.Matches(msg, m.gkeys.Quit):
		return m.quit(), true
	case key.Matches(msg, m.gkeys.Help):
		m.help.ShowAll = !m.help.ShowAll
		return nil, true
	}
	return nil, false
}

// typing reports whether keys are text for an input of the active screen.
func (m *Model) typing() bool { return m.top().typing(m) }

func (m *Model) quit() tea.Cmd {
	m.cancelAll()
	return tea.Quit
}

func (m *Model) cancelAll() {
	for id, cancel := range m.ids.cancels {
		cancel()
		delete(m.ids.cancels, id)
	}
}

// resizeScreens fits the forms and inputs of every open screen to the
// window, and the one-line prompt of phases 3–5 (migration.go).
func (m *Model) resizeScreens() tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(m.stack)+1)
	for _, s := range m.stack {
		cmds = append(cmds, s.resize(m))
	}
	return tea.Batch(append(cmds, m.resizeLineInput())...)
}

func (m *Model) formWidth() int { return max(40, min(m.width-4, 100)) }

// busy reports whether something runs in the background (the spinner turns).
func (m *Model) busy() bool { return len(m.ids.cancels) > 0 }

func (m *Model) updateScreen(msg tea.Msg) tea.Cmd { return m.top().update(m, msg) }

// View draws the active screen, the status line and the help bar.
func (m Model) View() string {
	if m.width < minWidth || m.height < minHeight {
		return m.tooSmall()
	}
	if showing[errorScreen](&m) {
		return m.errorView()
	}
	body, keys := m.top().view(&m)
	keys = m.typingKeys(keys)
	if b := m.readOnlyBanner(); b != "" {
		body = b + "\n" + body
	}
	foot := m.footer(keys)
	bodyH := m.height - lipglossHeight(foot)
	return fitHeight(body, bodyH, m.width) + "\n" + foot
}

func (m Model) tooSmall() string {
	msg := i18n.Of(m.lang).TerminalTooSmall80
	size := i18n.Of(m.lang).Now + itoa(m.width) + "×" + itoa(m.height)
	return m.st.Warn.Render(msg) + "\n" + m.st.Muted.Render(size) + "\n" +
		m.st.Muted.Render(i18n.Of(m.lang).EnlargeTheWindowOr)
}

func (m Model) errorView() string {
	title := m.st.Bad.Render(i18n.Of(m.lang).BasculeStoppedOnAn)
	body := wrapText(m.errText(m.fatal), m.width-4)
	hint := m.st.Muted.Render(i18n.Of(m.lang).ChangesAlreadyMadeAre)
	return "\n " + title + "\n\n" + indent(body, 2) + "\n\n " + hint
}
