package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
)

// goInternals are fragments of messages written by Go or cobra, which a
// user must never read.
var goInternals = []string{"runtime error", "no such file", "file exists", "json: ", "cannot unmarshal",
	"sandbox: ", "unknown flag", "Usage:", "Available Commands", "Flags:", "Global Flags", "flag needs",
	"invalid argument", "rename ", ".tmp", "Use \"", "help for ", "missing port", "[flags]"}

func noInternals(t *testing.T, what string, r result) {
	t.Helper()
	for _, s := range goInternals {
		if strings.Contains(r.stdout, s) || strings.Contains(r.stderr, s) {
			t.Errorf("%s: shows %q\nstdout:\n%s\nstderr:\n%s", what, s, r.stdout, r.stderr)
		}
	}
}

// TestMessagesInFrench: help, usage and errors of the command line are
// French words naming the flag, file or command, never Go's or cobra's.
func TestMessagesInFrench(t *testing.T) {
	h := newHarness(t)
	h.want(0, "status", "--demo")
	dir := t.TempDir()
	for _, c := range []struct {
		code int
		args []string
		want string
	}{
		{0, []string{"--help"}, "Commandes disponibles"},
		{0, []string{"status", "--help"}, "Options globales"},
		{0, []string{"help", "report"}, "Utilisation"},
		{0, []string{"completion", "--help"}, "complétion"},
		{0, []string{"step"}, "Utilisation"},
		{2, []string{"help", "nope"}, "commande inconnue"},
		{2, []string{"status", "--nope"}, "option inconnue --nope"},
		{2, []string{"status", "-z"}, "option inconnue -z"},
		{2, []string{"status", "--workspace"}, "attend une valeur"},
		{2, []string{"sweep", "--demo", "--concurrency", "x"}, "--concurrency"},
		{2, []string{"status", "--workspace", "nope"}, "espaces connus : demo"},
		{2, []string{"step", "list", "--demo", "--client", "nope"}, "… et 27 autres"},
		{2, []string{"report", "--demo", "-o", dir}, "est un dossier"},
		{1, []string{"report", "--demo", "-o", filepath.Join(dir, "absent", "r.md")}, "introuvable"},
		{2, []string{"sandbox", "serve", "--clients", "9999999"}, "--clients attend"},
		{2, []string{"sandbox", "serve", "--addr", "127"}, "port manquant"},
	} {
		r := h.want(c.code, c.args...)
		if !strings.Contains(r.stdout+r.stderr, c.want) {
			t.Errorf("%v: want %q\nstdout:\n%s\nstderr:\n%s", c.args, c.want, r.stdout, r.stderr)
		}
		noInternals(t, strings.Join(c.args, " "), r)
	}
}

// TestMessagesInEnglish: --lang en (wherever it is on the line) gives
// English help and errors, flag errors included.
func TestMessagesInEnglish(t *testing.T) {
	h := newHarness(t)
	r := h.want(0, "status", "--help", "--lang", "en")
	if !strings.Contains(r.stdout, "Usage:") || strings.Contains(r.stdout, "Utilisation") {
		t.Errorf("English help:\n%s", r.stdout)
	}
	r = h.want(2, "status", "--nope", "--lang=en")
	if !strings.Contains(r.stderr, "unknown flag --nope") || strings.Contains(r.stderr, "inconnue") {
		t.Errorf("English flag error: %q", r.stderr)
	}
	h.want(0, "status", "--demo")
	r = h.want(2, "--lang", "en", "step", "list", "--demo", "--client", "nope")
	if !strings.Contains(r.stderr, "known clients") || !strings.Contains(r.stderr, "and 27 more") {
		t.Errorf("English unknown client: %q", r.stderr)
	}
	// English punctuation, not French spacing before the colon.
	r = h.want(0, "--lang", "en", "step", "set", "cabinet", "preparation.cabinet.collaborators", "--status", "in_progress", "--demo")
	if !strings.Contains(r.stdout, "preparation.cabinet.collaborators: ") || strings.Contains(r.stdout, " : ") {
		t.Errorf("English step set: %q", r.stdout)
	}
	// The commands' argument checks were French only.
	r = h.want(2, "--lang", "en", "status", "extra", "--demo")
	if !strings.Contains(r.stderr, "takes no argument") {
		t.Errorf("English argument error: %q", r.stderr)
	}
	r = h.want(2, "--lang", "en", "step", "set", "cabinet", "--demo")
	if !strings.Contains(r.stderr, "takes 2 arguments, got 1") {
		t.Errorf("English argument count: %q", r.stderr)
	}
}

func TestHumanize(t *testing.T) {
	var ute *json.UnmarshalTypeError
	jerr := json.Unmarshal([]byte(`{"clients": 3}`), &struct {
		Clients []string `json:"clients"`
	}{})
	if !errors.As(jerr, &ute) {
		t.Fatal("no UnmarshalTypeError")
	}
	_, openErr := os.Open(filepath.Join(t.TempDir(), "nope.csv"))
	for _, c := range []struct {
		err      error
		fr, en   string
		internal string
	}{
		{fmt.Errorf("lecture : %w", openErr), "nope.csv : introuvable", "nope.csv: not found", "no such file"},
		{&os.LinkError{Op: "rename", Old: "./.bascule-1.tmp", New: "adir", Err: syscall.EEXIST}, "fichier adir : un dossier", "file adir: a folder", "file exists"},
		{&fs.PathError{Op: "open", Path: "/etc/x", Err: fs.ErrPermission}, "permission refusée", "permission denied", "open /etc"},
		{fmt.Errorf("import : %w", jerr), "le champ « clients »", "field \"clients\"", "cannot unmarshal"},
		{json.Unmarshal([]byte("{"), &struct{}{}), "JSON illisible", "unreadable JSON", "unexpected end"},
		{fmt.Errorf("format illisible (fichier d'export) : %w", io.ErrUnexpectedEOF), "fichier tronqué", "truncated file", "unexpected EOF"},
	} {
		fr := humanize(c.err.Error(), c.err, checklist.French)
		en := humanize(c.err.Error(), c.err, checklist.English)
		if !strings.Contains(fr, c.fr) || strings.Contains(fr, c.internal) {
			t.Errorf("%v: French %q", c.err, fr)
		}
		if !strings.Contains(en, c.en) || strings.Contains(en, c.internal) {
			t.Errorf("%v: English %q", c.err, en)
		}
	}
}

// TestPanicInWords: a bug that panics gives a French sentence naming the
// command, not "runtime error" and a stack.
func TestPanicInWords(t *testing.T) {
	var out, errb bytes.Buffer
	env := &appEnv{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }, lang: checklist.French}
	root := &cobra.Command{Use: "bascule", SilenceErrors: true, SilenceUsage: true}
	root.AddCommand(&cobra.Command{Use: "boom", RunE: func(*cobra.Command, []string) error {
		var s []int
		_ = s[3]
		return nil
	}})
	root.SetArgs([]string{"boom"})
	root.SetOut(&out)
	root.SetErr(&errb)
	code := env.finish(context.Background(), execute(context.Background(), root, env, []string{"boom"}))
	if code != exitFailure || !strings.Contains(errb.String(), "erreur interne de bascule dans « bascule boom »") ||
		strings.Contains(errb.String(), "runtime error") || strings.Contains(errb.String(), "goroutine") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}

// TestHelpInEnglish: with --lang en the help of the commands reads in
// English, descriptions and flags included.
func TestHelpInEnglish(t *testing.T) {
	h := newHarness(t)
	french := []string{"Utilisation", "Options", " fichier", " dossier", "espace de travail", "aide de", "défaut",
		" les ", " des ", " du ", " à ", "étape"}
	// Every command of the tree, so that a new command or flag without its
	// English text fails here.
	cmds := [][]string{{}, {"help"}}
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		for _, sub := range c.Commands() {
			if sub.Name() == "help" {
				continue
			}
			p := append(append([]string(nil), path...), sub.Name())
			cmds = append(cmds, p)
			walk(sub, p)
		}
	}
	walk(newRootCommand(&appEnv{}), nil)
	for _, args := range cmds {
		r := h.want(0, append(append([]string{"--lang", "en"}, args...), "--help")...)
		for _, w := range french {
			if strings.Contains(r.stdout, w) {
				t.Errorf("%v --help in English shows %q:\n%s", args, w, r.stdout)
			}
		}
	}
}
