package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// flipFirst flips one byte at offset at of the first occurrence of needle
// in the file at path.
func flipFirst(t *testing.T, path, needle string, at int) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(raw, []byte(needle))
	if i < 0 {
		t.Fatalf("%q not in %s", needle, path)
	}
	raw[i+at] ^= 0x01
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

// A database emptied to 0 bytes beside a good backup: doctor says it is
// damaged and names the backup, commands refuse it, backup rotates
// nothing out, restore (no argument) brings the good backup back even
// when a newer backup is damaged.
func TestEmptyDatabaseWithBackups(t *testing.T) {
	h := newHarness(t)
	h.want(0, "step", "set", "cabinet", "preparation.cabinet.collaborators", "--status", "done", "--demo")
	good := strings.TrimSpace(h.want(0, "backup").stdout)
	// A newer backup that does not read back.
	bad := h.db + ".backup-20991231T235959Z"
	if err := os.WriteFile(bad, bytes.Repeat([]byte{0xAB}, 8192), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(h.db, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	r := h.want(1, "doctor")
	if !strings.Contains(r.stdout, "ENDOMMAGÉE") || !strings.Contains(r.stdout, "bascule restore "+good) || strings.Contains(r.stdout, "bascule db") {
		t.Errorf("doctor on a 0-byte database:\n%s", r.stdout)
	}
	for range 6 {
		h.want(1, "backup")
	}
	h.want(1, "status", "--demo")
	if st, err := os.Stat(h.db); err != nil || st.Size() != 0 {
		t.Fatalf("a command wrote over the emptied database: %v", err)
	}
	if _, err := os.Stat(good); err != nil {
		t.Fatalf("the good backup was rotated out: %v", err)
	}
	if r := h.want(0, "restore"); !strings.Contains(r.stdout, good) {
		t.Errorf("restore picked another backup:\n%s", r.stdout)
	}
	if got := findRow(stepList(t, h, "--demo", "--scope", "cabinet"), "preparation.cabinet.collaborators"); got.Status != "done" {
		t.Errorf("after restore: %+v", got)
	}
	h.want(0, "doctor")
}

// A flipped byte in a client's step record: doctor names the client and
// exits 1, instead of a silently different status.
func TestDoctorByteFlip(t *testing.T) {
	h := newHarness(t)
	h.want(0, "step", "set", "client", "preparation.client.articles", "--client", "cli-00003", "--status", "done", "--demo")
	flipFirst(t, h.db, `"status":`, 9)
	r := h.want(1, "doctor")
	if !strings.Contains(r.stdout, "ENDOMMAGÉE") || !strings.Contains(r.stdout, "cli-00003") {
		t.Errorf("doctor after a byte flip:\n%s", r.stdout)
	}
	h.want(1, "status", "--demo")
}

// Meta page 0 zeroed: the database opens through the other copy, doctor
// says it was repaired and gives no advice to restore.
func TestDoctorMetaPageZeroed(t *testing.T) {
	h := newHarness(t)
	h.want(0, "step", "set", "cabinet", "preparation.cabinet.collaborators", "--status", "done", "--demo")
	h.want(0, "backup")
	raw, err := os.ReadFile(h.db)
	if err != nil {
		t.Fatal(err)
	}
	clear(raw[:4096])
	os.WriteFile(h.db, raw, 0o600)
	r := h.want(0, "doctor")
	if !strings.Contains(r.stdout, "Réparée") || !strings.Contains(r.stdout, "bonne") || strings.Contains(r.stdout, "restore") {
		t.Errorf("doctor on meta page 0 zeroed:\n%s", r.stdout)
	}
	if got := findRow(stepList(t, h, "--demo", "--scope", "cabinet"), "preparation.cabinet.collaborators"); got.Status != "done" {
		t.Errorf("after recovery: %+v", got)
	}
}

// import refuses what it cannot trust, in French, naming the field, and
// writes nothing.
func TestImportRefusals(t *testing.T) {
	h := newHarness(t)
	h.want(0, "status", "--demo")
	file := filepath.Join(t.TempDir(), "demo.json")
	h.want(0, "export", "--demo", "-o", file)
	raw, _ := os.ReadFile(file)
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	write := func(name string, spoil func(d map[string]any)) string {
		var d map[string]any
		json.Unmarshal(raw, &d)
		spoil(d)
		b, _ := json.Marshal(d)
		p := filepath.Join(t.TempDir(), name)
		os.WriteFile(p, b, 0o600)
		return p
	}
	client := func(d map[string]any, i int) map[string]any { return d["clients"].([]any)[i].(map[string]any) }
	cases := map[string]struct {
		spoil func(d map[string]any)
		want  string
	}{
		"schema": {func(d map[string]any) { d["schema"] = 99 }, "« schema »"},
		"dup":    {func(d map[string]any) { client(d, 1)["id"] = client(d, 0)["id"] }, "« clients[1].id »"},
		"path":   {func(d map[string]any) { client(d, 2)["id"] = "../../x" }, "« clients[2].id »"},
		"huge":   {func(d map[string]any) { client(d, 0)["name"] = strings.Repeat("A", 1<<20) }, "« clients[0].name »"},
		"type":   {func(d map[string]any) { client(d, 0)["order"] = "un" }, "« clients.order »"},
	}
	other := newHarness(t)
	other.want(0, "status", "--demo")
	for name, tc := range cases {
		r := other.want(1, "import", write(name, tc.spoil), "--rename-to", "imp")
		if !strings.Contains(r.stderr, tc.want) || strings.Contains(r.stderr, "json") || strings.Contains(r.stderr, "unmarshal") {
			t.Errorf("%s: stderr %q, want %s", name, r.stderr, tc.want)
		}
	}
	if r := other.want(1, "import", filepath.Join(t.TempDir(), "absent.json")); strings.Contains(r.stderr, "no such file") {
		t.Errorf("Go internals: %q", r.stderr)
	}
	if r := other.want(0, "doctor"); strings.Contains(r.stdout, "imp ") {
		t.Errorf("a refused import wrote a workspace:\n%s", r.stdout)
	}
	// Hostile strings are cleaned where they enter.
	hostile := write("hostile", func(d map[string]any) {
		client(d, 0)["name"] = "Dupont\x1b]52;c;cm0gLXJmIH4=\x07"
		d["workspace"].(map[string]any)["operator"] = "\x1b[2JC. Martin"
	})
	other.want(0, "import", hostile, "--rename-to", "hostile")
	out := filepath.Join(t.TempDir(), "out.json")
	other.want(0, "export", "--workspace", "hostile", "-o", out)
	if b, _ := os.ReadFile(out); bytes.Contains(b, []byte(`\u001b`)) || bytes.Contains(b, []byte{0x1b}) {
		t.Errorf("escape sequence imported")
	}
}

// Ctrl-C during import: exit 130 and nothing written.
func TestImportInterrupted(t *testing.T) {
	h := newHarness(t)
	h.want(0, "status", "--demo")
	file := filepath.Join(t.TempDir(), "demo.json")
	h.want(0, "export", "--demo", "-o", file)
	other := newHarness(t)
	other.want(0, "status", "--demo")
	var out, errb bytes.Buffer
	env := &appEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }, now: time.Now}
	root := newRootCommand(env)
	root.SetArgs([]string{"--db", other.db, "import", file, "--rename-to", "imp"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the signal came while the file was being read
	if code := env.finish(ctx, root.ExecuteContext(ctx)); code != exitInterrupted {
		t.Fatalf("exit %d, want %d\n%s", code, exitInterrupted, errb.String())
	}
	if r := other.want(0, "doctor"); strings.Contains(r.stdout, "imp ") {
		t.Errorf("an interrupted import wrote a workspace:\n%s", r.stdout)
	}
}
