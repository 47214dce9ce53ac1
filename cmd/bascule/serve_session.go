package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui"
	"github.com/bascule-cli/bascule/tui/accessible"
	"github.com/bascule-cli/bascule/tui/i18n"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// handle is the middleware every SSH session goes through: find the member
// behind the key, count the session against the key's limit, then run the
// wizard (a session with a terminal) or the command it carries. A panic
// ends this session only.
func (ts *teamServer) handle(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		code := ts.session(sess)
		_ = sess.Exit(code)
		next(sess)
	}
}

func (ts *teamServer) session(sess ssh.Session) (code int) {
	// The member is found again from the key the handshake verified, never
	// from what the authentication callback saw (a client may offer keys
	// it cannot sign with).
	lang := checklist.DetectLang("", sessionGetenv(sess.Environ(), ts.env.getenv))
	key := sess.PublicKey()
	if key == nil {
		fmt.Fprintln(sess.Stderr(), i18n.Of(lang).UnknownSSHKey)
		return exitFailure
	}
	m, err := ts.db.MemberByKey(ts.ws.ID, gossh.FingerprintSHA256(key))
	if err != nil {
		fmt.Fprintln(sess.Stderr(), i18n.Of(lang).UnknownSSHKey)
		return exitFailure
	}
	ok, closing := ts.acquire(m.Fingerprint)
	if closing {
		return exitFailure
	}
	if !ok {
		fmt.Fprint(sess.Stderr(), i18n.Format(lang, func(t *i18n.Messages) string { return t.AlreadyHasWithKeyFmt }, m.Name, i18n.Of(lang).OpenSessionsNoun.Count(lang, ts.cfg.maxPerKey)))
		return exitFailure
	}
	defer ts.release(m.Fingerprint)
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(ts.env.stderr, "bascule serve: panic in %s's session: %v\n%s\n", m.Name, p, debug.Stack())
			fmt.Fprintln(sess.Stderr(), i18n.Of(lang).SessionInternalError)
			code = exitFailure
		}
	}()
	// The member's handle on the workspace's one engine: what he does is
	// checked against his role and seen by every other session; closing
	// it ends his subscriptions and says he has left.
	h := ts.eng.As(memberOf(m))
	defer h.Close()
	// Removed from the team while connected: the session ends, saying so.
	// The key is read again once the removal is watched, so that a removal
	// made while this session was starting is not missed.
	rm := watchRemoval(sess.Context(), h)
	defer rm.stop()
	if _, err := ts.db.MemberByKey(ts.ws.ID, m.Fingerprint); err != nil {
		fmt.Fprintln(sess.Stderr(), i18n.Of(lang).UnknownSSHKey)
		return exitFailure
	}
	code = ts.run(rm.ctx, sess, m, h)
	if by, gone := rm.removed(); gone {
		fmt.Fprintf(sess.Stderr(), i18n.Of(lang).RemovedSessionClosedFmt, connectors.Sanitize(by))
		return exitFailure
	}
	return code
}

// run runs what the session asked for until ctx ends: its command, the
// line prompts without a full-screen terminal, or else the wizard.
func (ts *teamServer) run(ctx context.Context, sess ssh.Session, m store.Member, h *engine.Engine) int {
	if len(sess.Command()) > 0 {
		return ts.runCommand(ctx, sess, m, h)
	}
	if pty, _, isPty := sess.Pty(); !isPty || pty.Term == "dumb" {
		// No full screen there: the accessible mode's line prompts, as
		// locally without a terminal.
		return ts.runLines(ctx, sess, m, h)
	}
	return ts.runWizard(ctx, sess, m, h)
}

// idleGuard closes a session after the idle timeout without a keystroke:
// ctx ends then, in is the session's input that resets the clock, idled
// says whether that is why ctx ended.
type idleGuard struct {
	ctx   context.Context
	in    io.Reader
	idled func() bool
	stop  func()
}

func (ts *teamServer) guardIdle(parent context.Context, sess ssh.Session) idleGuard {
	ctx, cancel := context.WithCancel(parent)
	var idled atomic.Bool
	start := ts.cfg.idleClock
	if start == nil {
		start = func(d time.Duration, fire func()) idleTimer { return time.AfterFunc(d, fire) }
	}
	timer := start(ts.cfg.idle, func() { idled.Store(true); cancel() })
	return idleGuard{ctx: ctx, in: touchReader{r: sess, touch: func() { timer.Reset(ts.cfg.idle) }},
		idled: idled.Load, stop: func() { timer.Stop(); cancel() }}
}

func (ts *teamServer) sayIdle(sess ssh.Session, env *appEnv) {
	fmt.Fprintf(sess.Stderr(), i18n.Of(env.lang).SessionClosedAfterWithoutFmt, ts.cfg.idle)
}

// runLines runs the accessible mode (line prompts) for a session without
// a full-screen terminal, with the wizard's store, member and workspace.
func (ts *teamServer) runLines(ctx context.Context, sess ssh.Session, m store.Member, h *engine.Engine) int {
	env := ts.sessionEnv(sess, m)
	opts, err := ts.wizardOptionsFor(sess, env, m, h)
	if err != nil {
		fmt.Fprintln(sess.Stderr(), "bascule: "+env.errText(err))
		return exitFailure
	}
	g := ts.guardIdle(ctx, sess)
	defer g.stop()
	h.Here("") // connected (the line prompts follow no dossier)
	err = accessible.Run(g.ctx, untilDone(g.ctx, g.in), sess, accessible.Options{
		Guide: opts.Guide, Store: opts.Store, Secrets: opts.Secrets, Workspace: opts.Workspace,
		Run: opts.Run, Lang: env.lang, Now: opts.Now, Ports: opts.Ports, Connect: opts.Connect, Engine: h,
		Team: opts.Team, OutDir: opts.OutDir, RemoteReport: opts.RemoteReport,
	})
	switch {
	case g.idled():
		ts.sayIdle(sess, env)
	case err != nil && g.ctx.Err() == nil:
		fmt.Fprintln(sess.Stderr(), "bascule: "+env.errText(err))
		return exitFailure
	}
	return exitOK
}

// sessionEnv is the environment of one session: the server's database,
// workspace and settings, the session's streams, and the language the
// client's terminal sends (LANG, LC_*) or else the server's.
func (ts *teamServer) sessionEnv(sess ssh.Session, m store.Member) *appEnv {
	getenv := sessionGetenv(sess.Environ(), ts.env.getenv)
	env := &appEnv{
		stdin: sess, stdout: sess, stderr: sess.Stderr(),
		getenv: cleanGetenv(getenv), now: ts.env.now,
		dbFlag: ts.env.dbPath, wsFlag: ts.ws.ID,
		demoDelay: ts.env.demoDelay,
		dbPath:    ts.env.dbPath, guide: ts.env.guide,
		shared: ts.db, member: &m, demoPorts: ts.demoPorts,
	}
	env.lang = checklist.DetectLang("", env.getenv)
	return env
}

// localeVars are the variables that say the user's language.
func localeVars() []string { return []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} }

// sessionGetenv reads the locale and NO_COLOR from the session's
// environment when the client sent any, everything else from the server's:
// a client must not choose the database or the passphrase.
func sessionGetenv(sessEnv []string, server func(string) string) func(string) string {
	vals := map[string]string{}
	locale := false
	for _, kv := range sessEnv {
		k, v, _ := strings.Cut(kv, "=")
		for _, l := range append(localeVars(), "NO_COLOR") {
			if k == l {
				vals[k] = connectors.Sanitize(v)
				locale = locale || k != "NO_COLOR"
			}
		}
	}
	return func(k string) string {
		if k == "NO_COLOR" {
			return vals[k]
		}
		for _, l := range localeVars() {
			if k == l && locale {
				return vals[k]
			}
		}
		return server(k)
	}
}

// runCommand runs the session's command line in this process, on the
// server's database, with the session's output, as the member.
func (ts *teamServer) runCommand(ctx context.Context, sess ssh.Session, m store.Member, h *engine.Engine) int {
	args := sess.Command()
	if args[0] == "bascule" {
		args = args[1:] // "ssh host bascule status" reads like the local command
	}
	env := ts.sessionEnv(sess, m)
	env.engine = h
	if len(args) > 0 && strings.HasPrefix(args[0], "__") {
		fmt.Fprintln(env.stderr, "bascule: "+fmt.Sprintf(i18n.Of(env.lang).UnknownRemoteCommandFmt, quote(connectors.Sanitize(args[0]))))
		return exitUsage
	}
	root := newRootCommand(env)
	inner := root.PersistentPreRunE
	root.PersistentPreRunE = func(cmd *cobra.Command, a []string) error {
		if err := inner(cmd, a); err != nil {
			return err
		}
		return allowRemote(cmd, a, env)
	}
	root.SetArgs(args)
	return env.finish(ctx, execute(ctx, root, env, args))
}

// runWizard runs the full-screen wizard for the session: the same program
// as the local one, on the server's database and workspace, drawn for the
// client's terminal (size, colour profile, background) in the session's
// language, with every change made as the member. A session without a
// keystroke for the idle timeout is closed.
func (ts *teamServer) runWizard(ctx context.Context, sess ssh.Session, m store.Member, h *engine.Engine) int {
	env := ts.sessionEnv(sess, m)
	opts, err := ts.wizardOptionsFor(sess, env, m, h)
	if err != nil {
		fmt.Fprintln(sess.Stderr(), "bascule: "+env.errText(err))
		return exitFailure
	}
	g := ts.guardIdle(ctx, sess)
	defer g.stop()
	popts := append(bm.MakeOptions(sess), tea.WithInput(g.in), tea.WithAltScreen(), tea.WithContext(g.ctx), tea.WithoutSignalHandler())
	newModel := ts.cfg.newModel
	if newModel == nil {
		newModel = func(o tui.Options) tea.Model { return tui.New(o) }
	}
	p := tea.NewProgram(newModel(opts), popts...)
	_, winch, _ := sess.Pty()
	go forwardWindow(g.ctx, winch, p)
	_, err = p.Run()
	if g.idled() {
		ts.sayIdle(sess, env)
		return exitOK
	}
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) && !errors.Is(err, tea.ErrInterrupted) {
		fmt.Fprintln(sess.Stderr(), "bascule: "+env.errText(err))
		return exitFailure
	}
	return exitOK
}

// wizardOptionsFor prepares the program of one session as runWizard does
// locally, on the member's handle of the shared engine, with his name and
// renderer.
func (ts *teamServer) wizardOptionsFor(sess ssh.Session, env *appEnv, m store.Member, h *engine.Engine) (tui.Options, error) {
	opts, _, err := env.wizardOptions(h.Snapshot)
	if err != nil {
		return opts, err
	}
	if opts.Workspace == nil {
		return opts, localized(func(m *i18n.Messages) string { return m.TheServersWorkspaceIs })
	}
	// Every session reads and writes the workspace's one engine: the run it
	// is shown is the member's view of the engine's, and every change any
	// session makes reaches the others at once.
	opts.Store, opts.Engine = memberStore{db: ts.db, h: h}, h
	// A remote member's files are on their own machine: the server does not
	// read (nor hash) its own files for them.
	opts.Files = nil
	w := *opts.Workspace
	w.Operator = m.Name // the header and every change name the member
	opts.Workspace = &w
	// One server, many people: no workspace is created or opened from a
	// session, no file of the server's disk is imported, and the backup
	// was taken when the server started.
	opts.Workspaces, opts.ImportDossiers, opts.Backup = nil, nil, nil
	// What the program writes (the notices, a step's work) lands on the
	// server's disk: its folder is named in full, and the summary, which
	// only the person wants, is streamed to him by the report command
	// instead of written there.
	opts.OutDir = serverOutDir(opts.OutDir)
	opts.RemoteReport = reportCommand(sess.LocalAddr())
	r := bm.MakeRenderer(sess)
	opts.Renderer = r
	opts.NoColor = opts.NoColor || r.ColorProfile() == termenv.Ascii
	if !opts.NoColor && !r.HasDarkBackground() {
		opts.Palette = tui.LightPalette()
	}
	return opts, nil
}

// untilDone reads r until ctx ends, then fails with ctx's error: the line
// prompts wait for a line, and a session ended by the server (its person
// removed, or idle) must not wait for the user's next key to notice. The
// copy stops at the session's end, when reading r fails.
func untilDone(ctx context.Context, r io.Reader) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		_, err := io.Copy(pw, r)
		pw.CloseWithError(err)
	}()
	go func() {
		<-ctx.Done()
		pr.CloseWithError(ctx.Err())
	}()
	return pr
}

// serverOutDir is the absolute folder the server writes into, so that a
// remote person is told where to find it on the server.
func serverOutDir(dir string) string {
	if dir == "" {
		dir = tui.DefaultOutDir
	}
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}

// reportCommand is the command line that streams the summary to the
// person's own machine: the report command over SSH, on the address his
// client reached (localhost for a loopback one).
func reportCommand(local net.Addr) string {
	host, port, err := net.SplitHostPort(local.String())
	if err != nil {
		host, port = "localhost", "2222"
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsLoopback() {
		host = "localhost"
	}
	return "ssh -p " + port + " " + host + " report --format html > synthese.html"
}

// touchReader calls touch whenever the user types something.
type touchReader struct {
	r     io.Reader
	touch func()
}

func (t touchReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if n > 0 {
		t.touch()
	}
	return n, err
}

// forwardWindow turns the client's window changes into the program's size.
func forwardWindow(ctx context.Context, winch <-chan ssh.Window, p *tea.Program) {
	for {
		select {
		case <-ctx.Done():
			return
		case w, ok := <-winch:
			if !ok {
				return
			}
			p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
		}
	}
}
