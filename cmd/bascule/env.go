package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/atomicfile"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/files"
	"github.com/bascule-cli/bascule/connectors/sandbox"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui"
	"github.com/bascule-cli/bascule/tui/i18n"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// appEnv is what every command shares: the streams, the clock, the
// environment and the global flags once resolved. It is built once per run
// and passed down; nothing lives in package variables.
type appEnv struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
	// isTerminal says stdout is a terminal; errTerminal the same of stderr
	// (progress is redrawn in place only there).
	isTerminal, errTerminal bool

	// Global flags, as typed.
	dbFlag, wsFlag, langFlag string
	demo, accessible         bool
	// demoClients sizes the demo cabinet (--demo-clients); demoDelay is how
	// long its simulated platform takes to migrate (--demo-delay).
	demoClients int
	demoDelay   time.Duration

	// Resolved by resolve before any command runs.
	dbPath string
	lang   checklist.Lang
	guide  *checklist.Guide

	// Set by "bascule serve" for a command run over SSH: the server's open
	// database (commands borrow it and never close it) and the team member
	// bound to the session's key, whom the audit names.
	shared *store.DB
	member *store.Member
	// demoPorts are the server's simulated platform, shared by every
	// session of a demo workspace: one platform, as one real V1 and V2.
	demoPorts *tui.Ports
	// engine is the member's handle on the server's one engine of the
	// workspace: a command over SSH changes the run through it, so that
	// every session sees the change and the team rules apply.
	engine *engine.Engine
}

// demoWorkspaceID is the id of the workspace --demo acts on.
const demoWorkspaceID = "demo"

// resolve turns the global flags into settings: language, database path.
func (env *appEnv) resolve(cmd *cobra.Command) error {
	if env.langFlag != "" {
		l, ok := checklist.ParseLang(env.langFlag)
		if !ok {
			return usageError{localized(func(m *i18n.Messages) string { return m.LangExpectsFrOrFmt }, quote(env.langFlag))}
		}
		env.lang = l
	} else {
		env.lang = checklist.DetectLang("", env.getenv)
	}
	if env.getenv("ACCESSIBLE") != "" || env.getenv("TERM") == "dumb" {
		env.accessible = true
	}
	if env.demoClients < 0 || env.demoClients > sandbox.MaxClients {
		return usageError{localized(func(m *i18n.Messages) string { return m.DemoClientsExpectsAFmt }, sandbox.MaxClients)}
	}
	if env.demoClients > 0 {
		env.demo = true
	}
	if _, isDemo := demoOptionsFromID(env.wsFlag, 0); env.demo && env.wsFlag != "" &&
		env.wsFlag != env.demoOptions().workspaceID() && !(isDemo && env.demoClients == 0) {
		return usageError{localized(func(m *i18n.Messages) string { return m.DemoAndWorkspaceAre })}
	}
	switch {
	case env.dbFlag != "":
		env.dbPath = env.dbFlag
	default:
		p, err := store.DefaultPath(env.getenv)
		if err != nil {
			return err
		}
		env.dbPath = p
	}
	env.guide = checklist.Default()
	return nil
}

// rowError writes a bad row of an outside file in the user's language.
func (env *appEnv) rowError(e connectors.RowError) string {
	if env.lang == checklist.English {
		return files.FormatRowErrorEnglish(e)
	}
	return files.FormatRowError(e)
}

// inLang is a text written when it is shown, in the reader's language: an
// error's message, a count, a list.
type inLang func(checklist.Lang) string

func (f inLang) In(lang checklist.Lang) string { return f(lang) }

// localizedError is an error of this command whose words come from the
// catalogue when it is printed, in the reader's language; Error() is French
// like every message of the product.
type localizedError struct{ text inLang }

func (e *localizedError) Error() string                 { return e.text(checklist.French) }
func (e *localizedError) English() string               { return e.text(checklist.English) }
func (e *localizedError) In(lang checklist.Lang) string { return e.text(lang) }

// localized is an error whose message pick chooses in the catalogue: a
// format string when args are given. An argument that has a text per
// language (In, as checklist.Text, a count, a list) or is an error is
// written in the reader's language too.
func localized(pick func(*i18n.Messages) string, args ...any) error {
	return &localizedError{text: catalogued(pick, args...)}
}

// catalogued is the text of a catalogue message, written in the language
// it is shown in; see localized.
func catalogued(pick func(*i18n.Messages) string, args ...any) inLang {
	return func(lang checklist.Lang) string {
		in := make([]any, len(args))
		for i, a := range args {
			in[i] = errorIn(a, lang)
		}
		return i18n.Format(lang, pick, in...)
	}
}

// errorIn is a's message in lang when a is an error without a text per
// language of its own (i18n.Format writes those): its message in French,
// its English one in English.
func errorIn(a any, lang checklist.Lang) any {
	if _, ok := a.(interface{ In(checklist.Lang) string }); ok {
		return a
	}
	if err, ok := a.(error); ok {
		if lang == checklist.English {
			return checklist.WithoutOps(englishOf(err), err)
		}
		return checklist.WithoutOps(err.Error(), err)
	}
	return a
}

// counted is n and its noun, both written in the reader's language:
// counted(3, …InvoicesNoun) is "3 factures" / "3 invoices".
func counted(n int, noun func(*i18n.Messages) i18n.Noun) inLang {
	return func(lang checklist.Lang) string {
		return noun(i18n.Of(lang)).Count(lang, n)
	}
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

// englishOf returns the English message of err when some error in its chain
// has one.
func englishOf(err error) string {
	var ce *checklist.Error
	if errors.As(err, &ce) {
		return ce.In(checklist.English)
	}
	var en interface{ English() string }
	if errors.As(err, &en) {
		return en.English()
	}
	if s := connectors.English(err); s != "" {
		return s
	}
	return err.Error()
}

// errText is err in the user's language, without the connectors'
// operation names (Go methods, for logs), as the screens show it
// (checklist.WithoutOps): every command's error and result line goes
// through it.
func (env *appEnv) errText(err error) string {
	msg := err.Error()
	if env.lang == checklist.English {
		msg = englishOf(err)
	}
	return humanize(checklist.WithoutOps(msg, err), err, env.lang)
}

// openDB opens the database. A database held by another bascule process is
// an *InUseError (exit code 3) after about a second, never a hang.
func (env *appEnv) openDB() (*store.DB, error) {
	if env.shared != nil {
		return env.shared, nil
	}
	return store.Open(env.dbPath, store.Options{Now: env.now})
}

// closeDB closes a database openDB opened; the server's shared one stays
// open for the other sessions.
func (env *appEnv) closeDB(db *store.DB) error {
	if db == env.shared {
		return nil
	}
	return db.Close()
}

// workspace returns the workspace the command acts on: the demo one with
// --demo (created on first use), the one named by --workspace, or the only
// one of the database.
func (env *appEnv) workspace(db *store.DB) (store.Workspace, error) {
	if env.demo && env.demoClients == 0 && env.wsFlag == "" {
		return env.existingDemo(db)
	}
	if env.demo && env.wsFlag == "" {
		return ensureDemoWorkspace(db, env.demoOptions())
	}
	if env.wsFlag != "" {
		ws, err := db.Workspace(env.wsFlag)
		if opts, ok := demoOptionsFromID(env.wsFlag, env.demoDelay); ok && errors.Is(err, store.ErrNotFound) {
			return ensureDemoWorkspace(db, opts)
		}
		if errors.Is(err, store.ErrNotFound) {
			return ws, env.unknownWorkspace(db)
		}
		return ws, err
	}
	all, err := db.Workspaces()
	if err != nil {
		return store.Workspace{}, err
	}
	switch len(all) {
	case 0:
		return store.Workspace{}, localized(func(m *i18n.Messages) string { return m.NoWorkspaceInRunFmt }, env.dbPath)
	case 1:
		return all[0], nil
	}
	ids := make([]string, len(all))
	for i, w := range all {
		ids[i] = w.ID
	}
	sort.Strings(ids)
	return store.Workspace{}, usageError{localized(func(m *i18n.Messages) string { return m.SeveralWorkspacesUseWorkspaceFmt }, strings.Join(ids, ", "))}
}

// existingDemo is the workspace a bare --demo acts on: the demo workspace
// that exists, whatever its size (a --demo-clients 5 run made "demo-5"; a
// later --demo must find its work, not start a 40-client demo beside it).
// Several demos: the standard one if it is among them, else a usage error
// naming them. None: the standard demo is created.
func (env *appEnv) existingDemo(db *store.DB) (store.Workspace, error) {
	all, err := db.Workspaces()
	if err != nil {
		return store.Workspace{}, err
	}
	var demos []store.Workspace
	for _, w := range all {
		if _, ok := demoOptionsFromID(w.ID, 0); ok && (w.Demo || w.Mode == "demo") {
			if w.ID == demoWorkspaceID {
				return w, nil
			}
			demos = append(demos, w)
		}
	}
	switch len(demos) {
	case 0:
		return ensureDemoWorkspace(db, env.demoOptions())
	case 1:
		return demos[0], nil
	}
	ids := make([]string, len(demos))
	for i, w := range demos {
		ids[i] = w.ID
	}
	sort.Strings(ids)
	return store.Workspace{}, usageError{localized(func(m *i18n.Messages) string { return m.SeveralDemoWorkspacesFmt }, knownList(ids), ids[0])}
}

// unknownWorkspace is the error for a --workspace that names none: a wrong
// argument (exit 2), with the workspaces that exist.
func (env *appEnv) unknownWorkspace(db *store.DB) error {
	all, err := db.Workspaces()
	if err != nil {
		return err
	}
	ids := make([]string, len(all))
	for i, w := range all {
		ids[i] = w.ID
	}
	sort.Strings(ids)
	if len(ids) == 0 {
		return usageError{localized(func(m *i18n.Messages) string { return m.UnknownWorkspaceDatabaseHoldsFmt }, quote(env.wsFlag), env.dbPath)}
	}
	return usageError{localized(func(m *i18n.Messages) string { return m.UnknownWorkspaceKnownFmt }, quote(env.wsFlag), knownList(ids))}
}

// knownList names the first few of ids and counts the rest, for messages
// that list what exists.
func knownList(ids []string) inLang {
	const shown = 5
	if len(ids) <= shown {
		list := strings.Join(ids, ", ")
		return func(checklist.Lang) string { return list }
	}
	more := andOthers(len(ids) - shown)
	return func(lang checklist.Lang) string { return strings.Join(ids[:shown], ", ") + " " + more(lang) }
}

// andOthers is "… et 3 autres" / "… and 3 more", closing a shortened list.
func andOthers(n int) inLang {
	return catalogued(func(m *i18n.Messages) string { return m.AndOthersFmt },
		counted(n, func(m *i18n.Messages) i18n.Noun { return m.OthersNoun }))
}

// session is an open database, the workspace and its run: what most
// commands start from.
type session struct {
	env *appEnv
	db  *store.DB
	ws  store.Workspace
	run *checklist.Run
}

func (env *appEnv) openSession() (*session, error) {
	db, err := env.openDB()
	if err != nil {
		return nil, err
	}
	ws, err := env.workspace(db)
	if err != nil {
		env.closeDB(db)
		return nil, err
	}
	run, err := db.LoadRun(ws.ID, env.guide)
	if err != nil {
		env.closeDB(db)
		return nil, err
	}
	return &session{env: env, db: db, ws: ws, run: run}, nil
}

func (s *session) Close() error { return s.env.closeDB(s.db) }

// engine opens the engine (tui/session) through which a command changes the
// run, with the workspace's ports (zero when the command needs none). The
// engine owns s.run from then on: read it through the engine's Snapshot.
func (s *session) engine(env *appEnv, ports engine.Ports) (*engine.Engine, error) {
	if e := env.engine; e != nil && e.Workspace() == s.ws.ID {
		if ports.V1 != nil || ports.V2 != nil {
			e.SetPorts(ports) // the same workspace's connectors
		}
		return e, nil
	}
	e, err := engine.Open(engine.Config{Workspace: s.ws.ID, Cabinet: s.ws.Cabinet, Operator: s.operator(env),
		Store: s.db, Ports: ports, Lang: env.lang, Guide: env.guide, Run: s.run, Now: env.now})
	if err != nil {
		return nil, err
	}
	e.SetTeam(s.db) // the team's figures in reports, portfolios
	if env.member != nil {
		// A member's command acts through his handle: checklist's rules,
		// his name in the audit.
		e = e.As(memberOf(*env.member))
	}
	return e, nil
}

// operator is who the audit names for changes made by a command.
func (s *session) operator(env *appEnv) string {
	if env.member != nil {
		return env.member.Name
	}
	if s.ws.Operator != "" {
		return s.ws.Operator
	}
	if u := env.getenv("USER"); u != "" {
		return u
	}
	return "bascule"
}

// demoOptions configure the in-process sandbox behind the demo workspace.
// The zero value is the standard demo: seed 1, sandbox.DefaultClients.
type demoOptions struct {
	Seed    int64
	Clients int
	// MigrationDelay is how long the sandbox takes to migrate after the
	// request (a few seconds make the demo feel real; zero in tests).
	MigrationDelay time.Duration
}

// demoOptions is the demo the flags ask for.
func (env *appEnv) demoOptions() demoOptions {
	return demoOptions{Clients: env.demoClients, MigrationDelay: env.demoDelay}
}

// workspaceID names the demo workspace: "demo" for the standard demo,
// "demo-N" for a demo of N clients, so that each size keeps its own progress
// and the sandbox can be rebuilt from the id alone.
func (o demoOptions) workspaceID() string {
	if o.Clients == 0 || o.Clients == sandbox.DefaultClients {
		return demoWorkspaceID
	}
	return fmt.Sprintf("%s-%d", demoWorkspaceID, o.Clients)
}

// demoOptionsFromID is the inverse of workspaceID; ok is false for a
// workspace that is not a demo.
func demoOptionsFromID(id string, delay time.Duration) (demoOptions, bool) {
	if id == demoWorkspaceID {
		return demoOptions{MigrationDelay: delay}, true
	}
	var n int
	if _, err := fmt.Sscanf(id, demoWorkspaceID+"-%d", &n); err != nil || n <= 0 || n > sandbox.MaxClients || fmt.Sprintf("%s-%d", demoWorkspaceID, n) != id {
		return demoOptions{}, false
	}
	return demoOptions{Clients: n, MigrationDelay: delay}, true
}

func (o demoOptions) sandbox() sandbox.Options {
	seed := o.Seed
	if seed == 0 {
		seed = 1
	}
	return sandbox.Options{Seed: seed, Clients: o.Clients, MigrationDelay: o.MigrationDelay}
}

// demoPlatform builds the sandbox of the demo workspace. Same options, same
// cabinet: every command (and the wizard) rebuilds it and finds the dossiers
// the workspace was created from.
func demoPlatform(opts demoOptions) *sandbox.Platform {
	return sandbox.New(opts.sandbox())
}

// ensureDemoWorkspace returns the demo workspace, created by the engine on
// first use from the sandbox's V1 (session.CreateWorkspace in demo mode): the
// cabinet's identity and, as dossiers, the clients V1 migrates by itself.
// Every command and the wizard reuse it.
func ensureDemoWorkspace(db *store.DB, opts demoOptions) (store.Workspace, error) {
	// The sandbox is in memory and answers at once: no cancellation needed.
	res, err := engine.CreateWorkspace(context.Background(), db, engine.NewWorkspace{Mode: checklist.ModeDemo,
		DemoID: opts.workspaceID(), DemoV1: func() connectors.V1 { return demoPlatform(opts).V1() }})
	return res.Workspace, err
}

// writeFileAtomic writes data to path readable by the owner only (reports and
// exports hold names, e-mails and IBANs) through atomicfile, so that an
// interruption never leaves half a file. Errors name path in words; write's
// own errors are returned as they are.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	if st, serr := os.Stat(path); serr == nil && st.IsDir() {
		p := connectors.Sanitize(path)
		example := func(lang checklist.Lang) string { return filepath.Join(p, i18n.Of(lang).ReportFileExample) }
		return usageError{localized(func(m *i18n.Messages) string { return m.IsAFolderGiveFmt }, p, inLang(example))}
	}
	var fillErr error
	err := atomicfile.Write(path, func(w io.Writer) error {
		fillErr = write(w)
		return fillErr
	})
	switch {
	case err == nil:
		return nil
	case fillErr != nil:
		return fillErr
	case errors.Is(err, fs.ErrNotExist):
		d := connectors.Sanitize(filepath.Dir(path))
		return localized(func(m *i18n.Messages) string { return m.FolderNotFoundCreateFmt }, d)
	}
	return fileError(path, err)
}
