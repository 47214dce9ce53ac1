package main

import (
	"bytes"
	"io"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostileSet is what an attacker types into a flag or an environment value:
// terminal sequences (CSI, OSC 52 clipboard, OSC 8 link, DCS, APC), an 8-bit
// CSI, backspace, carriage return, NUL and a bidi override.
var hostileSet = []string{
	"\x1b[2J", "\x1b]52;c;cm0gLXJmIH4=\x07", "\x1b]8;;https://evil.example\x1b\\lien\x1b]8;;\x1b\\",
	"\x1bP1$qm\x1b\\", "\x1b_apc\x1b\\", "\u009b31m", "a\bb", "c\rd", "e\x00f", "\u202Eevil",
}

var hostile = "Note " + strings.Join(hostileSet, " ")

// controlIn says what terminal control data holds, if any: ESC or a C1
// control, raw or written as an escape of JSON, HTML or quoted-printable,
// or a bidi override.
func controlIn(data []byte) string {
	if i := bytes.IndexByte(data, 0x1b); i >= 0 {
		return "ESC"
	}
	for s := data; len(s) > 0; {
		r, n := utf8.DecodeRune(s)
		if r >= 0x80 && r <= 0x9f || r == 0x202e || r == 0x202d {
			return "C1 or bidi"
		}
		s = s[n:]
	}
	lower := strings.ToLower(string(data))
	for _, esc := range []string{`\u001b`, `\u009b`, `\u202e`, "&#27;", "&#x1b;", "=1b", "=c2=9b", "=e2=80=ae"} {
		if strings.Contains(lower, esc) {
			return "escaped " + esc
		}
	}
	return ""
}

func mustBeClean(t *testing.T, what string, data []byte) {
	t.Helper()
	if c := controlIn(data); c != "" {
		t.Errorf("%s holds %s:\n%q", what, c, data)
	}
}

// TestHostileStrings feeds the hostile set through every entry point of the
// command line (flags, notes and reasons, positional arguments, the
// environment) and checks that no output and no written file carries it.
func TestHostileStrings(t *testing.T) {
	h := newHarness(t)
	h.env["USER"] = hostile
	h.env["BASCULE_LANG"] = hostile
	out := t.TempDir()
	check := func(args ...string) result {
		t.Helper()
		r := h.run(args...)
		mustBeClean(t, strings.Join(args, " ")+" stdout", []byte(r.stdout))
		mustBeClean(t, strings.Join(args, " ")+" stderr", []byte(r.stderr))
		return r
	}
	// Entries: notes and reasons are kept (cleaned); the rest is refused
	// with a message that quotes it cleaned.
	if r := check("step", "set", "cabinet", "preparation.cabinet.collaborators", "--status", "done", "--demo", "--note", hostile); r.code != 0 {
		t.Fatalf("step set --note: %d %s", r.code, r.stderr)
	}
	if r := check("step", "set", "client", "logo", "--client", "cli-00002", "--status", "blocked", "--reason", hostile, "--note", hostile, "--demo"); r.code != 0 {
		t.Fatalf("step set --reason: %d %s", r.code, r.stderr)
	}
	for _, args := range [][]string{
		{"step", "set", "cabinet", hostile, "--status", "done", "--demo"},
		{"step", "set", hostile, "x", "--status", "done", "--demo"},
		{"step", "set", "cabinet", "preparation.cabinet.collaborators", "--status", hostile, "--demo"},
		{"step", "set", "client", "logo", "--client", hostile, "--status", "done", "--demo"},
		{"step", "list", "--demo", "--scope", hostile},
		{"status", "--workspace", hostile},
		{"status", "--demo", "--lang", hostile},
		{"report", "--demo", "--format", hostile},
		{"report", "--demo", "--since", hostile},
		{"notify", "--demo", "--out", out, "--from", hostile},
		{"status", "--" + hostile},
		{"help", hostile},
	} {
		if r := check(args...); r.code == 0 {
			t.Errorf("%q accepted", args)
		}
	}

	// Outputs.
	for _, args := range [][]string{
		{"status", "--demo"}, {"status", "--demo", "--json"},
		{"step", "list", "--demo"}, {"step", "list", "--demo", "--json"},
		{"step", "list", "--demo", "--client", "cli-00002"}, {"step", "list", "--demo", "--client", "cli-00002", "--json"},
		{"report", "--demo", "--format", "md"}, {"report", "--demo", "--format", "csv"},
		{"report", "--demo", "--format", "html"}, {"report", "--demo", "--format", "json"},
		{"sweep", "--demo"},
	} {
		if r := check(args...); r.code != 0 {
			t.Errorf("%q: exit %d\n%s", args, r.code, r.stderr)
		}
	}
	for _, f := range []string{"md", "csv", "html", "json"} {
		path := filepath.Join(out, "rapport."+f)
		check("report", "--demo", "-o", path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		mustBeClean(t, path, data)
	}
	r := check("notify", "--demo", "--out", out, "--from", "Claire "+hostile+" <claire@cabinet-martin.fr>")
	if r.code != 0 {
		t.Fatalf("notify: %d %s", r.code, r.stderr)
	}
	emls, _ := filepath.Glob(filepath.Join(out, "*", "*.eml"))
	if len(emls) == 0 {
		t.Fatal("no .eml written")
	}
	for _, p := range emls {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		mustBeClean(t, p, raw)
		m, err := mail.ReadMessage(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(quotedprintable.NewReader(m.Body))
		if err != nil {
			t.Fatal(err)
		}
		mustBeClean(t, p+" body", body)
		from, _ := m.Header.AddressList("From")
		for _, a := range from {
			mustBeClean(t, p+" From", []byte(a.Name))
		}
	}
}

// TestEnvironmentSanitised: BASCULE_* values are cleaned where they enter;
// the passphrase is left as typed, since it is never shown and cleaning it
// would lock the secrets it opens.
func TestEnvironmentSanitised(t *testing.T) {
	raw := map[string]string{"BASCULE_DB": "/tmp/\x1b]52;c;eA==\x07base.db", envPassphrase: "phrase\x1b[2J du cabinet"}
	get := cleanGetenv(func(k string) string { return raw[k] })
	if got := get("BASCULE_DB"); got != "/tmp/base.db" {
		t.Errorf("BASCULE_DB = %q", got)
	}
	if got := get(envPassphrase); got != raw[envPassphrase] {
		t.Errorf("passphrase changed: %q", got)
	}
}
