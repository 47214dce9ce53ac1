package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/files"
	v1client "github.com/bascule-cli/bascule/connectors/v1"
	v2client "github.com/bascule-cli/bascule/connectors/v2"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui"
	"github.com/bascule-cli/bascule/tui/accessible"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// runWizard opens the interactive wizard: the root command without a
// subcommand. --demo opens the demo workspace on the in-process sandbox;
// otherwise the workspace named by --workspace, the only one of the
// database, or the first-run screen to choose or create one.
func runWizard(cmd *cobra.Command, env *appEnv) error {
	if env.accessibleMode() {
		return runAccessible(cmd, env)
	}
	opts, db, err := env.wizardOptions(nil)
	if err != nil {
		return err
	}
	defer env.closeDB(db)
	// The terminal's background is asked here, before tea.NewProgram:
	// asking once the program reads the terminal can hang lipgloss v1.
	if !opts.NoColor && !lipgloss.HasDarkBackground() {
		opts.Palette = tui.LightPalette()
	}
	// API mode: the passphrase opens the client secret, asked once here
	// (or taken from BASCULE_PASSPHRASE) and handed to the program.
	if w := opts.Workspace; w != nil && w.Mode == tui.ModeAPI {
		pass, err := env.startPassphrase(db, w.ID)
		if err != nil {
			return err
		}
		if pass != nil {
			opts.Passphrase = pass
			if ports, err := env.wizardPorts(db, *w, pass); err == nil {
				opts.Ports = ports
			} else {
				fmt.Fprintln(env.stderr, "bascule: "+env.errText(err))
			}
		}
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

// sessionBackupAge: a session starting within this time of the newest
// backup takes none (five are kept; see store.DB.SessionBackup).
const sessionBackupAge = time.Hour

// runAccessible runs the accessible mode (tui/accessible) on the same
// database, workspace and run as the full-screen program would.
func runAccessible(cmd *cobra.Command, env *appEnv) error {
	opts, db, err := env.wizardOptions(nil)
	if err != nil {
		return err
	}
	defer env.closeDB(db)
	// The session's backup: here before the first prompt (a line saying
	// so), in the background in the full-screen program.
	switch p, err := db.SessionBackup(sessionBackupAge); {
	case err != nil:
		fmt.Fprintln(env.stdout, i18n.Of(env.lang).SessionStartBackupFailed+env.errText(err))
	case p != "":
		fmt.Fprintln(env.stdout, i18n.Of(env.lang).DatabaseBackedUp+filepath.Base(p))
	}
	err = accessible.Run(cmd.Context(), env.stdin, env.stdout, accessible.Options{
		Guide: opts.Guide, Store: db, Secrets: seedingSecrets{DB: db, guide: opts.Guide}, Workspace: opts.Workspace, Workspaces: opts.Workspaces,
		Run: opts.Run, Lang: env.lang, Now: opts.Now,
		// The full-screen first run's and checks' hooks: both modes create
		// identical workspaces and record identical evidence.
		Ports: opts.Ports, Connect: opts.Connect, ImportDossiers: opts.ImportDossiers, Files: opts.Files,
		Team: opts.Team,
	})
	if err != nil && cmd.Context().Err() != nil {
		return errInterrupted
	}
	return err
}

// wizardOptions opens the database and prepares what the program starts
// from. snapshot, when not nil, gives the run instead of the database: a
// served session starts from the shared engine's (loading its own copy of
// 12,000 clients only to drop it would cost every session the whole run).
func (env *appEnv) wizardOptions(snapshot func() *checklist.Run) (tui.Options, *store.DB, error) {
	db, err := env.openDB()
	if err != nil {
		return tui.Options{}, nil, err
	}
	opts := tui.Options{
		Guide: env.guide, Store: db, Secrets: seedingSecrets{DB: db, guide: env.guide}, Lang: env.lang, Now: env.now,
		NoColor:    env.getenv("NO_COLOR") != "",
		Workspaces: wizardWorkspaces{DB: db, env: env},
		Connect: func(w tui.Workspace, pass []byte) (tui.Ports, error) {
			return env.wizardPorts(db, w, pass)
		},
		ImportDossiers: env.importV1Export,
		Files:          captureFiles{},
		WriteV2Import:  env.writeV2Import,
		CountInactive:  env.countInactive,
		Palette:        tui.DarkPalette(),
		Backup:         func() (string, error) { return db.SessionBackup(sessionBackupAge) },
		Team:           db,
	}
	var ws store.Workspace
	switch all, err := db.Workspaces(); {
	case err != nil:
		env.closeDB(db)
		return opts, nil, err
	case env.demo || env.wsFlag != "" || len(all) == 1:
		if ws, err = env.workspace(db); err != nil {
			env.closeDB(db)
			return opts, nil, err
		}
	default:
		return opts, db, nil // the first-run screen lists or creates one
	}
	var run *checklist.Run
	if snapshot != nil {
		run = snapshot()
	} else if run, err = db.LoadRun(ws.ID, env.guide); err != nil {
		env.closeDB(db)
		return opts, nil, err
	}
	opts.Workspace, opts.Run = &ws, run
	if opts.Ports, err = env.wizardPorts(db, ws, nil); err != nil {
		opts.Ports = tui.Ports{} // offline: checks say so, the rest works
	}
	return opts, db, nil
}

// wizardPorts builds a workspace's connectors: the sandbox in demo mode,
// the V1 and V2 HTTP clients in API mode (their client secret opened with
// pass, or BASCULE_PASSPHRASE); files mode has none.
func (env *appEnv) wizardPorts(db *store.DB, w tui.Workspace, pass []byte) (tui.Ports, error) {
	switch w.Mode {
	case tui.ModeDemo:
		if env.demoPorts != nil {
			return *env.demoPorts, nil
		}
		// The run says how far the demo went; a fresh sandbox is replayed to it.
		ws, err := db.Workspace(w.ID)
		if err != nil {
			return tui.Ports{}, err
		}
		run, err := db.LoadRun(w.ID, env.guide)
		if err != nil {
			run = nil
		}
		p := env.demoPlatformFor(ws, run)
		return tui.Ports{V1: p.V1(), V2: p.V2(), Demo: p}, nil
	case tui.ModeAPI:
		ws, err := db.Workspace(w.ID)
		if err != nil {
			return tui.Ports{}, err
		}
		if pass == nil && env.getenv(envPassphrase) != "" {
			pass = []byte(env.getenv(envPassphrase))
		}
		if pass == nil {
			return tui.Ports{}, localized(func(m *i18n.Messages) string { return m.APIModeThePassphrase })
		}
		return apiPorts(db, ws, pass)
	}
	return tui.Ports{}, nil
}

// apiPorts builds the V1 and V2 HTTP clients of an API-mode workspace from
// its configuration and its sealed client secrets. V2's secret falls back
// on V1's: the first-run screen asks one pair of client credentials.
func apiPorts(db *store.DB, ws store.Workspace, pass []byte) (tui.Ports, error) {
	secret, err := db.Secret(ws.ID, tui.SecretV1ClientSecret, pass)
	if err != nil {
		return tui.Ports{}, err
	}
	v1, err := v1client.New(v1client.Config{BaseURL: ws.V1URL, ClientID: ws.ClientID, ClientSecret: string(secret)})
	if err != nil {
		return tui.Ports{}, err
	}
	ports := tui.Ports{V1: v1}
	if ws.V2URL != "" {
		s2, err := db.Secret(ws.ID, tui.SecretV2ClientSecret, pass)
		if errors.Is(err, store.ErrNotFound) {
			s2, err = secret, nil
		}
		if err != nil {
			return ports, err
		}
		v2, err := v2client.New(v2client.Config{BaseURL: ws.V2URL, ClientID: ws.ClientID, ClientSecret: string(s2)})
		if err != nil {
			return ports, err
		}
		ports.V2 = v2
	}
	return ports, nil
}

// startPassphrase asks the passphrase of an API-mode workspace before the
// program starts: BASCULE_PASSPHRASE when set, otherwise typed without echo
// on the terminal, checked against the sealed client secret, asked again
// when wrong (three tries). nil means offline: no secret, no terminal, or
// the user pressed enter.
func (env *appEnv) startPassphrase(db *store.DB, ws string) ([]byte, error) {
	if p := env.getenv(envPassphrase); p != "" {
		return []byte(p), nil
	}
	names, err := db.SecretNames(ws)
	if err != nil || !slices.Contains(names, tui.SecretV1ClientSecret) {
		return nil, err
	}
	f, ok := env.stdin.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return nil, nil
	}
	return env.askPassphrase(func() ([]byte, error) { return term.ReadPassword(f.Fd()) }, func(b []byte) error {
		_, err := db.Secret(ws, tui.SecretV1ClientSecret, b)
		return err
	})
}

// askPassphrase asks the passphrase on stderr, read by read and checked by
// open, three tries at most; nil when the user enters nothing. The
// explanation goes on its own line, so that the prompt fits 80 columns.
func (env *appEnv) askPassphrase(read func() ([]byte, error), open func([]byte) error) ([]byte, error) {
	fmt.Fprintln(env.stderr, i18n.Of(env.lang).PassphraseToConnectOffline)
	for range 3 {
		fmt.Fprint(env.stderr, i18n.Of(env.lang).WorkspacePassphraseToConnect2)
		b, err := read()
		fmt.Fprintln(env.stderr)
		if err != nil {
			return nil, err
		}
		if len(b) == 0 {
			return nil, nil
		}
		err = open(b)
		switch {
		case err == nil:
			return b, nil
		case !errors.Is(err, store.ErrWrongPassphrase):
			return nil, err
		}
		fmt.Fprintln(env.stderr, i18n.Of(env.lang).WrongPassphraseTheSealed)
	}
	return nil, nil
}

// importV1Export reads a V1 clients export for a new files-mode workspace:
// its active clients become the dossiers (the inactive ones are the
// cabinet's export/import step), its rejected rows are listed.
func (env *appEnv) importV1Export(path string) ([]checklist.Dossier, []string, error) {
	f, err := files.OpenFile(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	exp, err := files.ReadClientsExport(f, filepath.Base(path), files.ReadOptions{})
	if err != nil {
		return nil, nil, files.InFile(filepath.Base(path), err)
	}
	// One message per rejected row, as `clients convert` counts them: a row
	// with two errors is one line refused.
	rows := make([]string, 0, len(exp.Errors))
	for i, e := range exp.Errors {
		if i > 0 && e.Row > 0 && exp.Errors[i-1].Row == e.Row {
			rows[len(rows)-1] += i18n.Of(env.lang).Semicolon + env.rowError(e)
			continue
		}
		rows = append(rows, env.rowError(e))
	}
	ds := make([]checklist.Dossier, 0, len(exp.Clients))
	seen := map[string]bool{}
	for _, c := range exp.Dossiers() {
		id := c.ID
		if id == "" {
			id = c.SIREN
		}
		if id == "" || seen[id] {
			id = fmt.Sprintf("ligne-%d", c.Row)
		}
		seen[id] = true
		ds = append(ds, checklist.Dossier{ID: id, Name: c.LegalName, SIREN: c.SIREN, Payment: c.PaymentServices, PendingInvoices: -1})
	}
	return ds, rows, nil
}

// countInactive counts the clients of a V1 export that do not migrate (not
// active): files mode pre-fills the inactive-clients step with it.
func (env *appEnv) countInactive(path string) (int, error) {
	f, err := files.OpenFile(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	exp, err := files.ReadClientsExport(f, filepath.Base(path), files.ReadOptions{})
	if err != nil {
		return 0, files.InFile(filepath.Base(path), err)
	}
	return exp.Inactive(), nil
}

// writeV2Import is `bascule clients convert --from from --to to` for the
// full-screen program in files mode: the export's non-active clients written
// as V2's import file(s), files.ImportMaxRows rows a file.
func (env *appEnv) writeV2Import(from, to string) (tui.V2ImportFiles, error) {
	in, err := files.OpenFile(from)
	if err != nil {
		return tui.V2ImportFiles{}, err
	}
	defer in.Close()
	res, err := files.Convert(in, from, files.ConvertOptions{})
	if err != nil {
		return tui.V2ImportFiles{}, files.InFile(filepath.Base(from), err)
	}
	out := tui.V2ImportFiles{Clients: res.Summary.Written, Rejected: res.Summary.Rejected}
	if len(res.Clients) == 0 {
		return out, nil
	}
	paths, err := files.WriteFiles(to, 0, res.Clients, files.ImportMaxRows)
	var rej *files.RejectedError
	if errors.As(err, &rej) {
		n := files.RejectedRows(rej.Rows)
		out.Rejected += n
		out.Clients -= n
	} else if err != nil {
		return out, err
	}
	out.Paths = paths
	return out, nil
}

// wizardWorkspaces serves the first-run screen from the database: the
// engine creates the new workspace in it (session.CreateWorkspace), the
// demo one from the sandbox the flags ask for.
type wizardWorkspaces struct {
	*store.DB
	env *appEnv
}

func (w wizardWorkspaces) ListWorkspaces() ([]tui.Workspace, error) { return w.Workspaces() }

// DemoID is the demo workspace the flags ask for; DemoV1 its sandbox's V1.
func (w wizardWorkspaces) DemoID() string { return w.env.demoOptions().workspaceID() }

func (w wizardWorkspaces) DemoV1() connectors.V1 { return demoPlatform(w.env.demoOptions()).V1() }
