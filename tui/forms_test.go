package tui

import (
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	tea "github.com/charmbracelet/bubbletea"
)

// filesFirstRun fills the firm's identity of a files-mode first run and
// stops on the export file's field.
func filesFirstRun(d *driver) {
	d.t.Helper()
	d.key("down", "enter")
	for _, s := range []string{"552 008 443", "Cabinet Martin", "c.martin@cabinet-martin.fr", "C. Martin"} {
		d.typeText(s)
		d.key("enter")
	}
}

// TestFilesFirstRunShowsTheTypedPath: the export file's field has its input
// line and what is typed shows (issue 15, point 1), at every size.
func TestFilesFirstRunShowsTheTypedPath(t *testing.T) {
	for _, tc := range []struct {
		lang          checklist.Lang
		w, h          int
		title, prompt string
	}{
		{checklist.French, 80, 24, "Fichier d'export des clients V1", "> exports/clients-v1.csv"},
		{checklist.French, 100, 30, "Fichier d'export des clients V1", "> exports/clients-v1.csv"},
		{checklist.English, 120, 40, "V1 clients export file", "> exports/clients-v1.csv"},
	} {
		env, _ := firstRunEnv()
		env.opts.Lang = tc.lang
		d := newDriver(t, env.opts, tc.w, tc.h)
		filesFirstRun(d)
		d.mustSee(tc.title, "> clients-v1.csv") // the placeholder on the input line
		d.typeText("exports/clients-v1.csv")
		d.mustSee(tc.title, tc.prompt)
	}
}

// TestConfirmationsShowTheirButtons: the question of `m` and of the bulk
// actions (ctrl+a a) has its two buttons under it, the chosen one
// bracketed so that it reads without colour (point 2).
func TestConfirmationsShowTheirButtons(t *testing.T) {
	env := newTestEnv(20)
	d := newDriver(t, env.opts, 100, 30)
	d.key("x", "x", " ", "m", "down", "enter", "enter")
	d.mustSee("Marquer « Vérifier la base articles » comme « fait » pour 3 clients ?", "Oui, marquer", "[ Non ]")
	d.mustNotSee("[ Oui, marquer ]")
	d.mustSee("o Oui, marquer • n Non") // huh's own help says "y"
	d.key("left")
	d.mustSee("[ Oui, marquer ]")
	d.mustNotSee("[ Non ]")

	e := newSandboxEnv(t, 5)
	d = newDriver(t, e.opts, 80, 24)
	d.key("ctrl+a", "a")
	d.mustSee("Action en lot pour 5 clients")
	d.key("enter")
	d.mustSee("Lancer pour 5 clients ?", "Oui, lancer", "[ Non ]")
	d.key("right")
	d.mustSee("[ Oui, lancer ]")
}

// TestBulkStatusListShowsEveryStatus: the status list of `m` shows its
// four statuses with the cursor on "fait" from the start (point 10).
func TestBulkStatusListShowsEveryStatus(t *testing.T) {
	env := newTestEnv(20)
	d := newDriver(t, env.opts, 100, 30)
	d.key("x", "m")
	d.mustSee("Nouveau statut", "fait", "sans objet", "bloqué", "à faire")
	d.key("enter")
	d.mustSee("> fait", "  sans objet", "  bloqué", "  à faire")
}

// TestReinviteStartsOnYes: a new collaborator is invited again unless the
// user says no.
func TestReinviteStartsOnYes(t *testing.T) {
	env := newTestEnv(5)
	d := newDriver(t, env.opts, 100, 30)
	d.key("c", "enter")
	d.typeText("Sophie Durand")
	d.key("enter")
	d.typeText("sophie.durand@cabinet-martin.fr")
	d.key("enter", "enter", "enter", "enter") // V1 role, V2 roles, other roles, then the question
	d.mustSee("À réinviter", "[ Oui ]")
	d.key("enter")
	d.mustSee("1 collaborateur")
	st := env.store.state(refOf("preparation.cabinet.collaborators", ""))
	if st.Capture == nil || st.Capture.Items[0]["reinvite"] != "true" {
		t.Fatalf("stored %+v", st.Capture)
	}
}

// TestFormsFitAfterResize: a form opened at 80 columns keeps its input line
// when the terminal grows or shrinks.
func TestFormsFitAfterResize(t *testing.T) {
	env, _ := firstRunEnv()
	d := newDriver(t, env.opts, 120, 40)
	filesFirstRun(d)
	d.typeText("a.csv")
	for _, size := range [][2]int{{80, 24}, {100, 30}, {140, 50}} {
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		if v := d.view(); !strings.Contains(v, "> a.csv") {
			t.Fatalf("at %dx%d the input line is gone:\n%s", size[0], size[1], v)
		}
	}
}

// TestCleanTyped: typed text keeps its spaces; a paste loses its escape
// sequences, controls and bidi overrides whole.
func TestCleanTyped(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{" ", " "},
		{"a b ", "a b "},
		{"Lefèvre", "Lefèvre"},
		{" \x1b[2Jx ", " x "},
		{"\x1b]52;c;cm0gLXJmIH4=\x07", ""},
		{"a\u202eb", "ab"},
		{"\x00", ""},
	} {
		if got := string(cleanTyped([]rune(tc.in))); got != tc.want {
			t.Errorf("cleanTyped(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestYesKey: o and y, in either case, answer yes to every one-key
// question; anything else is no.
func TestYesKey(t *testing.T) {
	for k, want := range map[string]bool{"o": true, "O": true, "y": true, "Y": true, "n": false, "enter": false, "esc": false, "d": false} {
		if got := yesKey(keyMsg(k)); got != want {
			t.Errorf("yesKey(%q) = %v", k, got)
		}
	}
}
