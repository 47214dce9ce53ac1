package tui

import (
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/bascule-cli/bascule/tui/session"
	tea "github.com/charmbracelet/bubbletea"
)

// StepChange is one change to a step instance, as the store records it. Nil
// pointers leave the field as it is.
type StepChange = checklist.StepChange

// Store is what the program needs from the store, per workspace: the
// engine's port (session.Store). *store.DB satisfies it; tests use an
// in-memory fake. The program writes only through its engine.
type Store = session.Store

// Mode is how a workspace reaches V1 and V2 (checklist's).
type Mode = checklist.Mode

// The connector modes offered at first run.
const (
	ModeDemo  = checklist.ModeDemo
	ModeFiles = checklist.ModeFiles
	ModeAPI   = checklist.ModeAPI
)

// ModeTitle is a mode as the header shows it.
func ModeTitle(lang checklist.Lang, m Mode) string {
	switch m {
	case ModeDemo:
		return i18n.Of(lang).Demo2
	case ModeFiles:
		return i18n.Of(lang).V1Files
	case ModeAPI:
		return "API V1/V2"
	}
	return string(m)
}

// Workspace is one cabinet's migration (checklist's type, the store's and
// the engine's too).
type Workspace = checklist.Workspace

// Workspaces lists the workspaces for the first-run screen and is the
// store the engine creates a new one in (session.CreateWorkspace; *store.DB
// has those methods). DemoID is the demo workspace's id, DemoV1 the
// simulated V1 it is created from.
type Workspaces interface {
	ListWorkspaces() ([]Workspace, error)
	session.WorkspaceStore
	DemoID() string
	DemoV1() connectors.V1
}

// V2ImportFiles is what WriteV2Import wrote: the files, the clients in
// them and the export's rows refused (one per row).
type V2ImportFiles struct {
	Paths    []string
	Clients  int
	Rejected int
}

// Ports are the connectors of an open workspace. Either may be nil (offline
// mode has no V2): the checks that need it then say so.
type Ports struct {
	V1 connectors.V1
	V2 connectors.V2
	// Demo plays the user's part on the simulated platforms; nil outside
	// the demo. See demo.go.
	Demo Demo
}

// engine are the ports the engine's checks and jobs use (Demo is this
// program's alone).
func (p Ports) engine() session.Ports { return session.Ports{V1: p.V1, V2: p.V2} }

// Options configure the program. cmd/bascule fills them; tests use fakes.
type Options struct {
	Guide *checklist.Guide
	Store Store
	// Secrets seals the credentials typed into capture forms; nil leaves
	// secret fields out of the forms.
	Secrets Secrets
	// Workspace opens this workspace at once; nil shows the first-run screen,
	// which needs Workspaces.
	Workspace  *Workspace
	Workspaces Workspaces
	// Run is the workspace's run when the caller already loaded it; nil loads
	// it in a command.
	Run *checklist.Run
	// Connect returns the ports of a workspace; nil when they are given in
	// Ports. passphrase is the one the user gave in this session (nil if
	// none): API mode opens the client secret with it.
	Connect func(w Workspace, passphrase []byte) (Ports, error)
	// ImportDossiers reads a V1 clients export for a new workspace in files
	// mode: the active clients as dossiers, and the rejected rows as
	// messages ("ligne 4, SIREN : …"). cmd/bascule builds it on
	// connectors/files; nil means files mode cannot import.
	// Its messages are one per rejected row (a row with two errors is one
	// message): the first run counts them as rejected lines.
	ImportDossiers func(path string) ([]checklist.Dossier, []string, error)
	// Files reads the files capture forms name: their SHA-256 kept as
	// evidence, an export's clients against the count noted. cmd/bascule
	// builds it on connectors/files; nil leaves files unchecked.
	Files checklist.FileReader
	// WriteV2Import turns a V1 clients export into V2's import file(s) at
	// to, as `bascule clients convert` does (connectors/files): files mode
	// then does "Importer les clients…" itself instead of saying it has no
	// connector. nil leaves that step to the command line.
	WriteV2Import func(from, to string) (V2ImportFiles, error)
	// CountInactive counts the non-active clients of a V1 export (the ones
	// that do not migrate, §2): files mode pre-fills "Exporter la liste des
	// clients inactifs" from the export read at first run. nil leaves the
	// step empty.
	CountInactive func(path string) (int, error)
	// Passphrase is the workspace passphrase cmd/bascule asked at start (API
	// mode), so that the program does not ask it again; nil otherwise.
	Passphrase []byte
	Ports      Ports

	Lang    checklist.Lang
	Palette Palette
	NoColor bool
	// Renderer draws the styles for the terminal the program runs on (an
	// SSH session's, with its colour profile); nil means the process's.
	Renderer *lipgloss.Renderer
	// Now is the clock; nil means time.Now. Tests fix it.
	Now func() time.Time
	// StatusTTL is how long a passing message stays; 0 means 6 seconds.
	StatusTTL time.Duration
	// OutDir is where the request screen writes the clients' e-mails and the
	// summary screen its report; "" means ./bascule-sortie.
	OutDir string
	// RemoteReport is set when the person is not at the machine that runs
	// the program (bascule serve): what it writes lands on the server's
	// disk, out of his reach. It is the command that streams the summary to
	// his own machine instead (ssh -p PORT HOST report --format html >
	// synthese.html): the summary export is refused and names it, and the
	// clients' notices, a step's work, say they are on the server.
	RemoteReport string
	// PollEvery is how often the request screen asks V2 for the request's
	// state while it is open; 0 means 3 seconds.
	PollEvery time.Duration
	// Tick schedules a timer's message: the passing message's fading and
	// the request's polling. nil means tea.Tick; tests hold the timers and
	// fire them when they move their own clock, so that they never wait.
	Tick func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
	// Team is the team's store (bascule serve's members and portfolios):
	// "mes dossiers", the assignment of clients and the team screen. nil
	// leaves them out. The team member the program acts for is Engine's
	// person (a served session's handle, session.Engine.As); a program
	// without Engine acts as the database's owner.
	Team session.TeamStore
	// Backup takes the session's backup of the database, in the background
	// once the program has started (a large file takes a second or more),
	// and returns its path, "" when none was needed; nil takes none.
	Backup func() (string, error)
	// Engine is the workspace's engine when it is shared (`bascule serve`
	// hands each session a person's handle, tui/session As): the program
	// writes through it, follows the others' changes and presence (live.go)
	// instead of opening its own. Run should then be its Snapshot. Its
	// owner closes it when the program ends.
	Engine *session.Engine
}
