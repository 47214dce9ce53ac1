package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
)

// lockedBuffer is a buffer the server's goroutines and the test share;
// each write wakes waitFor.
type lockedBuffer struct {
	mu      sync.Mutex
	b       bytes.Buffer
	changed chan struct{}
}

func newLockedBuffer() *lockedBuffer { return &lockedBuffer{changed: make(chan struct{}, 1)} }

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	select {
	case l.changed <- struct{}{}:
	default:
	}
	return l.b.Write(p)
}

// waitFor returns once the buffer holds want; it fails the test if the
// output ends or nothing matches within a generous bound (a hang guard,
// not a timing assertion).
func (l *lockedBuffer) waitFor(t *testing.T, want string) {
	t.Helper()
	guard := time.NewTimer(30 * time.Second)
	defer guard.Stop()
	for !strings.Contains(l.String(), want) {
		select {
		case <-l.changed:
		case <-guard.C:
			t.Fatalf("never saw %q in:\n%q", want, l.String())
		}
	}
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// newKey makes an SSH key pair and writes its public half as a .pub file.
func newKey(t *testing.T, dir, name string) (gossh.Signer, string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(dir, name+".pub")
	line := append(bytes.TrimSpace(gossh.MarshalAuthorizedKey(signer.PublicKey())), []byte(" "+name+"@poste\n")...)
	if err := os.WriteFile(pub, line, 0o600); err != nil {
		t.Fatal(err)
	}
	return signer, pub
}

// teamHarness is a demo database with a team, and a server on it.
type teamHarness struct {
	*harness
	keys   map[string]gossh.Signer
	addr   string
	log    *lockedBuffer
	stop   context.CancelFunc
	done   chan error
	config serveConfig
}

func newTeamHarness(t *testing.T) *teamHarness {
	t.Helper()
	h := &teamHarness{harness: newHarness(t), keys: map[string]gossh.Signer{},
		config: serveConfig{addr: "127.0.0.1:0", idle: time.Hour, maxPerKey: 2}}
	h.want(0, "status", "--demo")
	dir := t.TempDir()
	for _, m := range []struct{ name, role, client string }{
		{"Alice", "admin", ""}, {"Claire", "collaborateur", "cli-00002"}, {"Eric", "entreprise", "cli-00003"},
	} {
		signer, pub := newKey(t, dir, m.name)
		h.keys[m.name] = signer
		args := []string{"team", "add", m.name, "--key", pub, "--role", m.role, "--demo"}
		if m.client != "" {
			args = append(args, "--client", m.client)
		}
		h.want(0, args...)
	}
	return h
}

// start serves the demo workspace until the test ends or stopServer.
func (h *teamHarness) start() {
	h.t.Helper()
	h.log = newLockedBuffer()
	env := &appEnv{stdin: strings.NewReader(""), stdout: h.log, stderr: h.log,
		getenv: cleanGetenv(func(k string) string { return h.env[k] }), now: time.Now,
		dbFlag: h.db, demo: true, demoDelay: 20 * time.Second}
	if err := env.resolve(nil); err != nil {
		h.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan net.Addr, 1)
	h.stop, h.done = cancel, make(chan error, 1)
	go func() { h.done <- runServe(ctx, env, h.config, func(a net.Addr) { ready <- a }) }()
	select {
	case a := <-ready:
		h.addr = a.String()
	case err := <-h.done:
		h.t.Fatalf("serve: %v\n%s", err, h.log.String())
	}
	h.t.Cleanup(func() { h.stopServer() })
}

func (h *teamHarness) stopServer() error {
	if h.stop == nil {
		return nil
	}
	h.stop()
	h.stop = nil
	return <-h.done
}

func (h *teamHarness) dial(signer gossh.Signer, instructions *[]string) (*gossh.Client, error) {
	auth := []gossh.AuthMethod{gossh.PublicKeys(signer)}
	if instructions != nil {
		auth = append(auth, gossh.KeyboardInteractive(func(_, instruction string, _ []string, _ []bool) ([]string, error) {
			*instructions = append(*instructions, instruction)
			return nil, nil
		}))
	}
	return gossh.Dial("tcp", h.addr, &gossh.ClientConfig{User: "bascule", Auth: auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
}

// remote runs one command line over SSH as the named member.
func (h *teamHarness) remote(who, cmd string, env ...string) result {
	h.t.Helper()
	return h.remoteIn(who, cmd, "", env...)
}

// remoteIn is remote with the session's standard input.
func (h *teamHarness) remoteIn(who, cmd, stdin string, env ...string) result {
	h.t.Helper()
	c, err := h.dial(h.keys[who], nil)
	if err != nil {
		h.t.Fatalf("%s: dial: %v", who, err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		h.t.Fatal(err)
	}
	defer s.Close()
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		_ = s.Setenv(k, v)
	}
	var out, errb bytes.Buffer
	s.Stdout, s.Stderr, s.Stdin = &out, &errb, strings.NewReader(stdin)
	code := 0
	if err := s.Run(cmd); err != nil {
		var ee *gossh.ExitError
		if !errors.As(err, &ee) {
			h.t.Fatalf("%s: %q: %v", who, cmd, err)
		}
		code = ee.ExitStatus()
	}
	return result{stdout: out.String(), stderr: errb.String(), code: code}
}

func (h *teamHarness) wantRemote(code int, who, cmd string, env ...string) result {
	h.t.Helper()
	r := h.remote(who, cmd, env...)
	if r.code != code {
		h.t.Fatalf("ssh %s %q: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", who, cmd, r.code, code, r.stdout, r.stderr)
	}
	return r
}

func TestServeRefusesUnknownKey(t *testing.T) {
	h := newTeamHarness(t)
	h.start()
	stranger, _ := newKey(t, t.TempDir(), "stranger")
	var said []string
	if c, err := h.dial(stranger, &said); err == nil {
		c.Close()
		t.Fatal("a key outside the team got in")
	}
	if !strings.Contains(strings.Join(said, "\n"), "clé SSH inconnue de l'équipe") {
		t.Errorf("the refusal said %q, want the French explanation", said)
	}
	// A removed member is a stranger at once, without restarting.
	h.stopServer()
	h.want(0, "team", "remove", "Claire", "--demo")
	h.start()
	if c, err := h.dial(h.keys["Claire"], nil); err == nil {
		c.Close()
		t.Fatal("a removed member's key still opens the server")
	}
}

func TestServeCommandAnswersLikeLocal(t *testing.T) {
	h := newTeamHarness(t)
	local := h.want(0, "status", "--json", "--demo")
	h.start()
	r := h.wantRemote(0, "Alice", "status --json")
	if r.stdout != local.stdout {
		t.Errorf("status --json over SSH differs from the local one:\n%s\n---\n%s", r.stdout, local.stdout)
	}
	if en := h.wantRemote(0, "Alice", "status", "LANG=en_GB.UTF-8"); !strings.Contains(en.stdout, "Preparation") {
		t.Errorf("the session's LANG was not used:\n%s", en.stdout)
	}
	// One process holds the database: a local command is told so.
	h.want(exitDBInUse, "status", "--demo")
	// Commands that would fight over the database or the server's disk.
	for _, cmd := range []string{"serve", "restore", "purge --workspace demo", "import x.json", "backup",
		"status --db /tmp/other.db", "report --output /tmp/r.md", "report -o -", "team add Bob --key k.pub --role admin", "__complete status", ""} {
		if cmd == "" {
			continue
		}
		if r := h.remote("Alice", cmd); r.code == 0 || !strings.Contains(r.stderr, "bascule") {
			t.Errorf("%q over SSH: exit %d, stderr %q; want a refusal", cmd, r.code, r.stderr)
		}
	}
	if err := h.stopServer(); !errors.Is(err, errInterrupted) {
		t.Errorf("stopping the server: %v", err)
	}
	if !strings.Contains(h.log.String(), "base fermée") {
		t.Errorf("the server did not say it closed the database:\n%s", h.log.String())
	}
	h.want(0, "status", "--demo") // the database was let go
}

func TestServeAuditsTheMember(t *testing.T) {
	h := newTeamHarness(t)
	h.start()
	h.wantRemote(0, "Claire", "step set client logo --client cli-00002 --status in_progress")
	// Outside her portfolio, and the firm's steps: refused, nothing written.
	if r := h.wantRemote(1, "Claire", "step set client logo --client cli-00007 --status in_progress"); !strings.Contains(r.stderr, "portefeuille de Claire") {
		t.Errorf("refusal: %q", r.stderr)
	}
	h.wantRemote(1, "Claire", "step set cabinet preparation.cabinet.collaborators --status done")
	h.wantRemote(1, "Claire", "sweep")
	h.stopServer()

	db, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	evs, err := db.Events("demo", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var claire []store.Event
	for _, e := range evs {
		if e.Action == store.ActionStep && e.Who == "Claire" {
			claire = append(claire, e)
		}
		if e.Action == store.ActionStep && e.Ref.Client == "cli-00007" {
			t.Errorf("a refused change was written: %+v", e)
		}
	}
	if len(claire) != 1 || claire[0].Ref.Client != "cli-00002" || claire[0].Ref.Step != "preparation.client.logo" {
		t.Fatalf("Claire's change in the audit: %+v", claire)
	}
}

func TestServeEntrepriseSeesOnlyHisDossier(t *testing.T) {
	h := newTeamHarness(t)
	h.start()
	h.wantRemote(0, "Eric", "step list --client cli-00003 --json")
	h.wantRemote(0, "Eric", "step set client logo --client cli-00003 --status in_progress")
	for _, cmd := range []string{
		"status --json", "report --format md", "step list --json",
		"step list --client cli-00002 --json",
		"step set client logo --client cli-00002 --status in_progress",
		"step set cabinet preparation.cabinet.collaborators --status done",
	} {
		if r := h.remote("Eric", cmd); r.code == 0 {
			t.Errorf("entreprise user ran %q:\n%s", cmd, r.stdout)
		}
	}
}

func TestServeSafeByDefault(t *testing.T) {
	h := newTeamHarness(t)
	h.start()
	c, err := h.dial(h.keys["Alice"], nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if conn, err := c.Dial("tcp", h.addr); err == nil {
		conn.Close()
		t.Error("port forwarding was accepted")
	}
	if _, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		t.Error("remote port forwarding was accepted")
	}
	s, _ := c.NewSession()
	if err := s.RequestSubsystem("sftp"); err == nil {
		t.Error("the sftp subsystem was accepted")
	}
	s.Close()
	// No terminal and no command: no shell, the accessible mode's line
	// prompts, as the member.
	s, _ = c.NewSession()
	var out bytes.Buffer
	s.Stdout, s.Stdin = &out, strings.NewReader("q\n")
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	if err := s.Wait(); err != nil {
		t.Errorf("line mode over SSH: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "mode accessible") || strings.Contains(out.String(), "\x1b[") {
		t.Errorf("a session without terminal got %q", out.String())
	}
	s.Close()

	// Beyond loopback only when asked.
	if _, err := listenSSH(serveConfig{addr: "0.0.0.0:0"}); err == nil {
		t.Error("listening on every interface without --allow-remote")
	}
	// The host key: created 0600 beside the database, reused.
	key := h.db + ".ssh_host_ed25519"
	st, err := os.Stat(key)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("host key: %v, %v", st, err)
	}
	before, _ := os.ReadFile(key)
	_ = os.Chmod(key, 0o644)
	if _, err := loadHostKey(key); err == nil {
		t.Error("a host key readable by others was used")
	}
	_ = os.Chmod(key, 0o600)
	h.stopServer()
	h.start()
	if after, _ := os.ReadFile(key); !bytes.Equal(before, after) {
		t.Error("the host key changed at restart")
	}
}

// The session's language comes from the client when it sent one, the rest
// of the environment always from the server.
func TestSessionGetenv(t *testing.T) {
	server := map[string]string{"LANG": "fr_FR.UTF-8", "BASCULE_DB": "/srv/bascule.db", "LC_ALL": "fr_FR.UTF-8"}
	cases := []struct {
		name    string
		sess    []string
		key     string
		want    string
		english bool
	}{
		{"client LANG wins", []string{"LANG=en_US.UTF-8"}, "LANG", "en_US.UTF-8", true},
		{"server LC_ALL hidden once the client sent a locale", []string{"LANG=en_US.UTF-8"}, "LC_ALL", "", true},
		{"no client locale: the server's", nil, "LANG", "fr_FR.UTF-8", false},
		{"the client cannot pick the database", []string{"BASCULE_DB=/tmp/x.db"}, "BASCULE_DB", "/srv/bascule.db", false},
		{"client NO_COLOR", []string{"NO_COLOR=1"}, "NO_COLOR", "1", false},
		{"escape sequences dropped", []string{"LANG=en\x1b[2J"}, "LANG", "en", true},
	}
	for _, c := range cases {
		get := sessionGetenv(c.sess, func(k string) string { return server[k] })
		if got := get(c.key); got != c.want {
			t.Errorf("%s: %s = %q, want %q", c.name, c.key, got, c.want)
		}
		if en := checklist.DetectLang("", get) == checklist.English; en != c.english {
			t.Errorf("%s: English = %v", c.name, en)
		}
	}
}

// An admin keeps the team from his session while the server holds the
// database: keys and lists come on standard input; others may not.
func TestServeTeamOverSSH(t *testing.T) {
	h := newTeamHarness(t)
	h.start()
	bob, pub := newKey(t, t.TempDir(), "bob")
	line, _ := os.ReadFile(pub)
	h.wantRemote(1, "Claire", "team list")
	if r := h.remoteIn("Claire", "team add Bob --key - --role admin", string(line)); r.code == 0 {
		t.Fatal("a collaborator added a member")
	}
	h.keys["Bob"] = bob
	if r := h.remoteIn("Alice", "team add Bob --key - --role collaborateur --client cli-00002", string(line)); r.code != 0 {
		t.Fatalf("team add over SSH: %d %s", r.code, r.stderr)
	}
	h.wantRemote(0, "Bob", "step set client logo --client cli-00002 --status in_progress")
	if r := h.remoteIn("Alice", "team assign Bob --from -", "cli-00007\n"); r.code != 0 {
		t.Fatalf("team assign --from - over SSH: %d %s", r.code, r.stderr)
	}
	h.wantRemote(0, "Bob", "step set client logo --client cli-00007 --status in_progress")
	h.wantRemote(0, "Alice", "team remove Bob")
	if c, err := h.dial(bob, nil); err == nil {
		c.Close()
		t.Fatal("a member removed over SSH still gets in")
	}
	if r := h.wantRemote(0, "Alice", "team list"); strings.Contains(r.stdout, "Bob") || !strings.Contains(r.stdout, "Claire") {
		t.Errorf("team list over SSH:\n%s", r.stdout)
	}
}

func FuzzSessionGetenv(f *testing.F) {
	f.Add("LANG", "en_US.UTF-8", "BASCULE_DB", "/tmp/x.db")
	f.Add("NO_COLOR", "1", "LC_ALL", "fr\x1b[2J")
	f.Fuzz(func(t *testing.T, k1, v1, k2, v2 string) {
		server := func(k string) string { return "server-" + k }
		get := sessionGetenv([]string{k1 + "=" + v1, k2 + "=" + v2, "garbage"}, server)
		for _, k := range []string{"BASCULE_DB", "BASCULE_PASSPHRASE", "HOME", "XDG_DATA_HOME"} {
			if get(k) != server(k) {
				t.Fatalf("the client set %s to %q", k, get(k))
			}
		}
		for _, k := range append(localeVars(), "NO_COLOR") {
			if v := get(k); strings.ContainsAny(v, "\x1b\x00\u202e") {
				t.Fatalf("%s = %q keeps a control", k, v)
			}
		}
	})
}
