package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/store"
)

func TestTeamCommands(t *testing.T) {
	h := newHarness(t)
	h.want(0, "status", "--demo")
	dir := t.TempDir()
	_, pub := newKey(t, dir, "claire")
	_, pub2 := newKey(t, dir, "bob")

	r := h.want(0, "team", "add", "Claire\x1b[31m Martin", "--key", pub, "--role", "collaborateur", "--client", "cli-00002", "--demo")
	if !strings.Contains(r.stdout, "SHA256:") || strings.Contains(r.stdout, "\x1b") {
		t.Errorf("team add said %q", r.stdout)
	}
	h.want(1, "team", "add", "Bob", "--key", pub, "--role", "admin", "--demo")                   // the same key twice
	h.want(2, "team", "add", "Bob", "--key", pub2, "--role", "chef", "--demo")                   // unknown role
	h.want(2, "team", "add", "Bob", "--key", pub2, "--role", "entreprise", "--demo")             // an entreprise needs his client
	h.want(2, "team", "add", "Bob", "--key", pub2, "--role", "admin", "--client", "x", "--demo") // unknown client
	h.want(2, "team", "add", "\x1b[2J", "--key", pub2, "--role", "admin", "--demo")              // nothing left of the name

	priv := filepath.Join(dir, "id_ed25519")
	_ = os.WriteFile(priv, []byte("-----BEGIN OPENSSH PRIVATE KEY-----\nxxx\n-----END OPENSSH PRIVATE KEY-----\n"), 0o600)
	if r := h.want(1, "team", "add", "Bob", "--key", priv, "--role", "admin", "--demo"); !strings.Contains(r.stderr, "clé privée") {
		t.Errorf("private key: %q", r.stderr)
	}
	garbage := filepath.Join(dir, "garbage.pub")
	_ = os.WriteFile(garbage, []byte("not a key\n"), 0o600)
	h.want(1, "team", "add", "Bob", "--key", garbage, "--role", "admin", "--demo")

	list := filepath.Join(dir, "portefeuille.txt")
	_ = os.WriteFile(list, []byte("# Claire\ncli-00003\n\ncli-00007\n"), 0o600)
	if r := h.want(0, "team", "assign", "Claire Martin", "--from", list, "--demo"); !strings.Contains(r.stdout, "3 clients") {
		t.Errorf("assign --from: %q", r.stdout)
	}
	h.want(0, "team", "assign", "Claire Martin", "--client", "cli-00008", "--replace", "--demo")
	_ = os.WriteFile(list, []byte("cli-00003\ncli-00007 cli-00008\n"), 0o600)
	if r := h.want(1, "team", "assign", "Claire Martin", "--from", list, "--demo"); !strings.Contains(r.stderr, "ligne 2") {
		t.Errorf("bad line not named: %q", r.stderr)
	}
	h.want(2, "team", "assign", "Claire Martin", "--demo")
	h.want(1, "team", "assign", "Nobody", "--client", "cli-00003", "--demo")

	var members []store.Member
	r = h.want(0, "team", "list", "--json", "--demo")
	if err := json.Unmarshal([]byte(r.stdout), &members); err != nil || len(members) != 1 {
		t.Fatalf("team list --json: %v\n%s", err, r.stdout)
	}
	if m := members[0]; m.Name != "Claire Martin" || len(m.Clients) != 1 || m.Clients[0] != "cli-00008" || m.Role != store.RoleCollaborateur {
		t.Errorf("member %+v", m)
	}
	h.want(0, "team", "remove", "Claire Martin", "--demo")
	h.want(1, "team", "remove", "Claire Martin", "--demo")
	if r := h.want(0, "team", "list", "--demo"); !strings.Contains(r.stdout, "Aucun membre") {
		t.Errorf("empty team: %q", r.stdout)
	}
}

func FuzzParseClientList(f *testing.F) {
	f.Add([]byte("# portefeuille\ncli-00001\n\n cli-00002 \r\n"))
	f.Add([]byte("a b\n"))
	f.Add([]byte("\x1b[31mcli\u202e-1\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ids, err := parseClientList(b, "liste.txt")
		if err != nil {
			return
		}
		for _, id := range ids {
			if id == "" || strings.ContainsAny(id, " \t;,\x1b\r\n") || strings.HasPrefix(id, "#") || id != strings.TrimSpace(id) {
				t.Fatalf("id %q let through", id)
			}
		}
	})
}
