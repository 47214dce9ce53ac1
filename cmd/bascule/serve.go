package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/atomicfile"
	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui"
	"github.com/bascule-cli/bascule/tui/i18n"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// serveConfig is what "bascule serve" was asked for.
type serveConfig struct {
	addr        string
	allowRemote bool
	// idle closes a wizard session after this long without a keystroke,
	// and a connection after this long without any traffic.
	idle time.Duration
	// maxPerKey bounds the sessions one key holds at once.
	maxPerKey int
	// newModel builds a session's program; nil means tui.New (tests put a
	// failing one here).
	newModel func(tui.Options) tea.Model
	// idleClock starts a session's idle timer, which calls fire when it
	// runs out; nil means time.AfterFunc. Tests run out the time
	// themselves once the session has drawn, so that a slow machine is
	// never mistaken for an idle user.
	idleClock func(d time.Duration, fire func()) idleTimer
}

// idleTimer is a session's idle timer: a *time.Timer, or a test's.
type idleTimer interface {
	Reset(time.Duration) bool
	Stop() bool
}

func newServeCommand(env *appEnv) *cobra.Command {
	var cfg serveConfig
	c := &cobra.Command{
		Use:   "serve [--addr HÔTE:PORT]",
		Short: "Servir l'assistant à l'équipe par SSH (mode équipe)",
		Long: "Sert l'assistant par SSH à chaque membre de l'équipe (bascule team add) : une session avec\n" +
			"terminal ouvre l'assistant complet (sans terminal : les questions ligne à ligne du mode\n" +
			"accessible), une session avec une commande la lance\n" +
			"(ssh -p 2222 localhost status --json). Un seul processus tient la base ; chaque\n" +
			"changement est enregistré au nom du membre dont la clé a ouvert la session.\n" +
			"Écoute sur la machine locale seulement, sauf --allow-remote. La clé d'hôte est créée au\n" +
			"premier démarrage à côté de la base (0600). Ctrl-C arrête le serveur et ferme la base.",
		Example: "  bascule serve --demo\n  ssh -p 2222 localhost\n  ssh -p 2222 localhost status --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), env, cfg, nil)
		},
	}
	f := c.Flags()
	stringFlag(c, &cfg.addr, "addr", "127.0.0.1:2222", "adresse d'écoute hôte:port")
	f.BoolVar(&cfg.allowRemote, "allow-remote", false, "accepter une adresse non locale (réseau du cabinet, à vos risques)")
	f.DurationVar(&cfg.idle, "idle-timeout", 30*time.Minute, "fermer une session restée sans frappe aussi longtemps")
	f.IntVar(&cfg.maxPerKey, "max-sessions", 4, "sessions simultanées au plus par clé")
	return c
}

// runServe opens the database and the workspace, then serves until ctx is
// done. ready, when not nil, receives the listening address (tests).
func runServe(ctx context.Context, env *appEnv, cfg serveConfig, ready func(net.Addr)) error {
	if cfg.idle <= 0 || cfg.maxPerKey < 1 {
		return usageError{localized(func(m *i18n.Messages) string { return m.IdleTimeoutExpectsA })}
	}
	ln, err := listenSSH(cfg)
	if err != nil {
		return err
	}
	defer ln.Close()
	db, err := env.openDB()
	if err != nil {
		return err
	}
	err = serveDB(ctx, env, db, cfg, ln, ready)
	if cerr := db.Close(); cerr != nil && err == nil {
		err = cerr
	}
	if err == nil || errors.Is(err, errInterrupted) {
		fmt.Fprintln(env.stderr, i18n.Of(env.lang).ServerStoppedDatabaseClosed)
	}
	return err
}

// serveDB serves the workspace of the open database on ln.
func serveDB(ctx context.Context, env *appEnv, db *store.DB, cfg serveConfig, ln net.Listener, ready func(net.Addr)) error {
	ws, err := env.workspace(db)
	if err != nil {
		return err
	}
	signer, err := loadHostKey(env.dbPath + ".ssh_host_ed25519")
	if err != nil {
		return err
	}
	if p, err := db.SessionBackup(sessionBackupAge); err == nil && p != "" {
		fmt.Fprintln(env.stderr, i18n.Of(env.lang).DatabaseBackedUp+p)
	}
	ts := &teamServer{env: env, db: db, ws: ws, cfg: cfg, active: map[string]int{}}
	var ports engine.Ports
	if ws.Mode == tui.ModeDemo {
		// One simulated platform for every session, built once.
		if p, err := env.wizardPorts(db, ws, nil); err == nil {
			ts.demoPorts = &p
			ports = engine.Ports{V1: p.V1, V2: p.V2}
		}
	}
	// One engine for the workspace, shared by every session.
	if ts.eng, err = engine.Open(engine.Config{Workspace: ws.ID, Cabinet: ws.Cabinet, Operator: ws.Operator, Store: db,
		Ports: ports, Lang: env.lang, Guide: env.guide, Now: env.now}); err != nil {
		return err
	}
	defer ts.eng.Close()
	// The team's store for portfolios and figures; each session's handle
	// acts for its own member (engine.As).
	ts.eng.SetTeam(db)
	srv, err := ts.sshServer(signer)
	if err != nil {
		return err
	}
	if team, err := db.Members(ws.ID); err == nil && len(team) == 0 {
		fmt.Fprintln(env.stderr, i18n.Of(env.lang).NoTeamMemberNobody)
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	fmt.Fprintf(env.stdout, i18n.Of(env.lang).WorkspaceServedOnSshFmt, ws.ID, ln.Addr(), port)
	if ready != nil {
		ready(ln.Addr())
	}
	return ts.serve(ctx, srv, ln)
}

// listenSSH listens on the asked address: loopback only unless allowed.
func listenSSH(cfg serveConfig) (net.Listener, error) {
	host, _, err := net.SplitHostPort(cfg.addr)
	if err != nil {
		return nil, usageError{localized(func(m *i18n.Messages) string { return m.AddrExpectsHostPortFmt }, quote(cfg.addr))}
	}
	if !cfg.allowRemote && !httpapi.IsLoopbackHost(host) {
		return nil, usageError{localized(func(m *i18n.Messages) string { return m.AddressRefusedTheServerFmt }, quote(cfg.addr))}
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return nil, localized(func(m *i18n.Messages) string { return m.CannotListenOnPortFmt }, cfg.addr)
	}
	return ln, nil
}

// loadHostKey reads the server's host key, or creates it on first start
// (ed25519, 0600, never overwritten). A key that others may read is
// refused, as sshd does: whoever holds it can pose as the server.
func loadHostKey(path string) (gossh.Signer, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if err := createHostKey(path); err != nil {
			return nil, err
		}
		b, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, fileError(path, err)
	}
	if st, err := os.Stat(path); err == nil && st.Mode().Perm()&0o077 != 0 {
		return nil, localized(func(m *i18n.Messages) string { return m.HostKeyReadableByFmt }, path, st.Mode().Perm(), path)
	}
	signer, err := gossh.ParsePrivateKey(b)
	if err != nil {
		return nil, localized(func(m *i18n.Messages) string { return m.HostKeyUnreadableDeleteFmt }, path)
	}
	return signer, nil
}

func createHostKey(path string) error {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	block, err := gossh.MarshalPrivateKey(priv, "bascule serve")
	if err != nil {
		return err
	}
	// Never replaces a key already there: clients would see a new host.
	if err := atomicfile.Create(path, func(w io.Writer) error { return pem.Encode(w, block) }); err != nil {
		return fileError(path, err)
	}
	return nil
}

// teamServer serves one workspace of one open database to the team.
type teamServer struct {
	env *appEnv
	db  *store.DB
	ws  store.Workspace
	cfg serveConfig
	// demoPorts is the simulated platform of a demo workspace, shared.
	demoPorts *tui.Ports
	// eng is the workspace's one engine: each session acts through its
	// member's handle (As), so that every change reaches every session.
	eng *engine.Engine

	mu      sync.Mutex
	active  map[string]int // sessions open per key fingerprint
	closing bool           // set once the server stops
	wg      sync.WaitGroup // session handlers running
}

// sshServer builds the SSH server: public keys of the team only, the
// refusal of an unknown key said in French, sessions only (no port or
// agent forwarding, no subsystem such as sftp).
func (ts *teamServer) sshServer(signer gossh.Signer) (*ssh.Server, error) {
	return wish.NewServer(
		func(s *ssh.Server) error {
			s.AddHostKey(signer)
			s.ChannelHandlers = map[string]ssh.ChannelHandler{"session": ssh.DefaultSessionHandler}
			s.RequestHandlers = map[string]ssh.RequestHandler{}
			s.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
			s.LocalPortForwardingCallback = nil
			s.ReversePortForwardingCallback = nil
			return nil
		},
		wish.WithIdleTimeout(ts.cfg.idle),
		wish.WithPublicKeyAuth(func(_ ssh.Context, key ssh.PublicKey) bool {
			_, err := ts.db.MemberByKey(ts.ws.ID, gossh.FingerprintSHA256(key))
			return err == nil
		}),
		// Keyboard-interactive is only there to tell an unknown key why it
		// is refused: the ssh client shows the instruction, then the
		// refusal. It never lets anyone in. French: the server does not
		// know the person's language before a session opens.
		wish.WithKeyboardInteractiveAuth(func(ctx ssh.Context, challenge gossh.KeyboardInteractiveChallenge) bool {
			// Once per connection: OpenSSH tries this method again after a
			// refusal, and would print the message each time.
			if ctx.Value(toldKey{}) == nil {
				ctx.SetValue(toldKey{}, true)
				_, _ = challenge("", i18n.Of(checklist.French).UnknownSSHKey, nil, nil)
			}
			return false
		}),
		wish.WithMiddleware(ts.handle),
	)
}

// toldKey marks a connection that was told why its key is refused.
type toldKey struct{}

// serve accepts connections until ctx is done, then closes every
// connection, waits for the sessions to end and returns; the caller then
// closes the database.
func (ts *teamServer) serve(ctx context.Context, srv *ssh.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	var err error
	select {
	case err = <-errc:
	case <-ctx.Done():
	}
	ts.mu.Lock()
	ts.closing = true // no session starts from here
	ts.mu.Unlock()
	_ = srv.Close() // cancels every session's context: programs and commands stop
	ts.wg.Wait()
	if err != nil && !errors.Is(err, ssh.ErrServerClosed) {
		return err
	}
	if ctx.Err() != nil {
		return errInterrupted
	}
	return nil
}

// acquire counts a session against its key's limit and the running
// handlers; release undoes it. Nothing starts once the server stops.
func (ts *teamServer) acquire(fp string) (ok, closing bool) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.closing {
		return false, true
	}
	if ts.active[fp] >= ts.cfg.maxPerKey {
		return false, false
	}
	ts.active[fp]++
	ts.wg.Add(1)
	return true, false
}

func (ts *teamServer) release(fp string) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.active[fp]--; ts.active[fp] <= 0 {
		delete(ts.active, fp)
	}
	ts.wg.Done()
}
