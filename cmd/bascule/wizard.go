package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui"
	"github.com/bascule-cli/bascule/tui/accessible"
)

// runWizard opens the interactive wizard: the root command without a
// subcommand. --demo opens the demo workspace on the in-process sandbox;
// otherwise the workspace named by --workspace, the only one of the
// database, or the first-run screen to choose or create one.
func runWizard(cmd *cobra.Command, env *appEnv) error {
	if env.accessibleMode() {
		return runAccessible(cmd, env)
	}
	opts, db, err := env.wizardOptions()
	if err != nil {
		return err
	}
	defer db.Close()
	// The terminal's background is asked here, before tea.NewProgram:
	// asking once the program reads the terminal can hang lipgloss v1.
	if !opts.NoColor && !lipgloss.HasDarkBackground() {
		opts.Palette = tui.LightPalette()
	}
	p := tea.NewProgram(tui.New(opts), tea.WithAltScreen(), tea.WithContext(cmd.Context()),
		tea.WithInput(env.stdin), tea.WithOutput(env.stdout))
	final, err := p.Run()
	if err != nil {
		if errors.Is(err, tea.ErrProgramKilled) || errors.Is(err, tea.ErrInterrupted) || cmd.Context().Err() != nil {
			return errInterrupted
		}
		return err
	}
	if m, ok := final.(tui.Model); ok && m.Err() != nil {
		return m.Err()
	}
	return nil
}

// accessibleMode says the wizard runs as line prompts: asked for
// (--accessible, ACCESSIBLE=1, TERM=dumb), or stdin or stdout is not a
// terminal (a full-screen program cannot run there).
func (env *appEnv) accessibleMode() bool {
	return env.accessible || !env.isTerminal || !isTerminalReader(env.stdin)
}

func isTerminalReader(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// runAccessible runs the accessible mode (tui/accessible) on the same
// database, workspace and run as the full-screen program would.
func runAccessible(cmd *cobra.Command, env *appEnv) error {
	opts, db, err := env.wizardOptions()
	if err != nil {
		return err
	}
	defer db.Close()
	err = accessible.Run(cmd.Context(), env.stdin, env.stdout, accessible.Options{
		Guide: opts.Guide, Store: db, Secrets: db, Workspace: opts.Workspace, Workspaces: opts.Workspaces,
		Run: opts.Run, Lang: env.lang,
	})
	if err != nil && cmd.Context().Err() != nil {
		return errInterrupted
	}
	return err
}

// wizardOptions opens the database and prepares what the program starts
// from.
func (env *appEnv) wizardOptions() (tui.Options, *store.DB, error) {
	db, err := env.openDB()
	if err != nil {
		return tui.Options{}, nil, err
	}
	opts := tui.Options{
		Guide: env.guide, Store: db, Secrets: db, Lang: env.lang, Now: env.now,
		NoColor:    env.getenv("NO_COLOR") != "",
		Workspaces: wizardWorkspaces{env: env, db: db},
		Connect:    func(w tui.Workspace) (tui.Ports, error) { return env.wizardPorts(db, w) },
		Palette:    tui.DarkPalette(),
	}
	var ws store.Workspace
	switch all, err := db.Workspaces(); {
	case err != nil:
		db.Close()
		return opts, nil, err
	case env.demo || env.wsFlag != "" || len(all) == 1:
		if ws, err = env.workspace(db); err != nil {
			db.Close()
			return opts, nil, err
		}
	default:
		return opts, db, nil // the first-run screen lists or creates one
	}
	run, err := db.LoadRun(ws.ID, env.guide)
	if err != nil {
		db.Close()
		return opts, nil, err
	}
	tw := toTUIWorkspace(ws)
	opts.Workspace, opts.Run = &tw, run
	if opts.Ports, err = env.wizardPorts(db, tw); err != nil {
		opts.Ports = tui.Ports{} // offline: checks say so, the rest works
	}
	return opts, db, nil
}

func toTUIWorkspace(ws store.Workspace) tui.Workspace {
	mode := tui.Mode(ws.Mode)
	if ws.Demo {
		mode = tui.ModeDemo
	}
	return tui.Workspace{ID: ws.ID, Operator: ws.Operator, Mode: mode, APIURL: ws.V1URL, Created: ws.CreatedAt,
		Cabinet: connectors.Cabinet{SIREN: ws.Cabinet.SIREN, LegalName: ws.Cabinet.LegalName,
			ManagerEmail: ws.Cabinet.ManagerEmail, Address: ws.Cabinet.Address}}
}

// wizardPorts builds a workspace's connectors: the sandbox in demo mode,
// the V1 HTTP client in API mode; files mode has none.
func (env *appEnv) wizardPorts(db *store.DB, w tui.Workspace) (tui.Ports, error) {
	switch w.Mode {
	case tui.ModeDemo:
		// The run says how far the demo went; a fresh sandbox is replayed to it.
		run, err := db.LoadRun(w.ID, env.guide)
		if err != nil {
			run = nil
		}
		p := env.demoPlatformFor(w.ID, run)
		return tui.Ports{V1: p.V1(), V2: p.V2(), Demo: p}, nil
	case tui.ModeAPI:
		ws, err := db.Workspace(w.ID)
		if err != nil {
			return tui.Ports{}, err
		}
		v1, err := env.v1Port(&session{db: db, ws: ws})
		return tui.Ports{V1: v1}, err
	}
	return tui.Ports{}, nil
}

// wizardWorkspaces serves the first-run screen from the database.
type wizardWorkspaces struct {
	env *appEnv
	db  *store.DB
}

func (w wizardWorkspaces) ListWorkspaces() ([]tui.Workspace, error) {
	all, err := w.db.Workspaces()
	if err != nil {
		return nil, err
	}
	out := make([]tui.Workspace, len(all))
	for i, ws := range all {
		out[i] = toTUIWorkspace(ws)
	}
	return out, nil
}

// CreateWorkspace records the workspace. In demo mode its dossiers come
// from the sandbox (the demo workspace itself); in the other modes they are
// imported later from V1 or its export file.
func (w wizardWorkspaces) CreateWorkspace(ctx context.Context, t tui.Workspace) (tui.Workspace, error) {
	if t.Mode == tui.ModeDemo {
		ws, err := ensureDemoWorkspace(w.db, w.env.demoOptions())
		return toTUIWorkspace(ws), err
	}
	ws := store.Workspace{ID: t.ID, Operator: t.Operator, Mode: string(t.Mode), V1URL: t.APIURL,
		Cabinet: store.Cabinet{SIREN: t.Cabinet.SIREN, LegalName: t.Cabinet.LegalName, ManagerEmail: t.Cabinet.ManagerEmail}}
	if err := w.db.CreateWorkspace(ws); err != nil {
		return tui.Workspace{}, err
	}
	if err := w.db.PutDossiers(ws.ID, []checklist.Dossier{}, ws.Operator); err != nil {
		return tui.Workspace{}, fmt.Errorf("%w", err)
	}
	got, err := w.db.Workspace(ws.ID)
	return toTUIWorkspace(got), err
}
