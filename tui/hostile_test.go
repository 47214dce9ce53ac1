package tui

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/bascule-cli/bascule/checklist"
	tea "github.com/charmbracelet/bubbletea"
)

// hostile holds what an attacker puts in a pasted answer or an export's
// cell: CSI (clear screen), OSC 52 (clipboard), OSC 8 (link), DCS, APC, the
// C1 CSI, backspace, carriage return, NUL and a right-to-left override.
const hostile = "A\x1b[2JB\x1b]52;c;cm0gLXJmIH4=\x07C\x1b]8;;https://evil.example/\x1b\\D\x1b]8;;\x1b\\" +
	"E\x1bPq#0;2;0;0;0\x1b\\F\x1b_apc\x1b\\G\u009b31mH\bI\rJ\x00K\u202eL"

// dirty says what in s could reach the terminal as a command or reorder
// text: ESC, any other C0 control but LF, a C1 control, a bidi control.
func dirty(s string) string {
	for _, r := range s {
		switch {
		case r == '\n':
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
			return fmt.Sprintf("control %U", r)
		case unicode.Is(unicode.Bidi_Control, r):
			return fmt.Sprintf("bidi control %U", r)
		}
	}
	return ""
}

func mustBeClean(t *testing.T, where, s string) {
	t.Helper()
	if what := dirty(s); what != "" {
		t.Errorf("%s holds a %s: %q", where, what, s)
	}
}

// paste sends s as a terminal paste: one message with every rune.
func (d *driver) paste(s string) {
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true})
}

// TestHostileFirstRun: the first run's answers, pasted with escape
// sequences, and an export whose cells hold them, are stored and shown
// clean (issue 11, "sanitised at every entry").
func TestHostileFirstRun(t *testing.T) {
	env, wss := firstRunEnv()
	var asked string
	env.opts.ImportDossiers = func(path string) ([]checklist.Dossier, []string, error) {
		asked = path
		ds := testDossiers(2)
		ds[0].Name = hostile + "Boulangerie"
		return ds, []string{"ligne 4, Raison sociale : " + hostile}, nil
	}
	d := newDriver(t, env.opts, 100, 30)
	d.key("down", "enter")
	d.typeText("552008443")
	d.key("enter")
	d.paste(hostile + "Cabinet Martin")
	mustBeClean(t, "the view", d.m.View())
	d.key("enter")
	d.typeText("c.martin@cabinet-martin.fr")
	d.key("enter")
	d.typeText(hostile) // typed one key at a time
	d.paste("C. Martin")
	d.key("enter")
	d.paste("clients" + hostile + ".csv")
	mustBeClean(t, "the view", d.m.View())
	d.key("enter")
	d.mustSee("2 dossiers créés")
	mustBeClean(t, "the import report", d.m.View())
	if len(wss.created) != 1 {
		t.Fatalf("created %+v", wss.created)
	}
	w := wss.created[0]
	for what, v := range map[string]string{"legal name": w.Cabinet.LegalName, "operator": w.Operator, "export path": asked,
		"dossier": wss.dossiers[w.ID][0].Name} {
		mustBeClean(t, what, v)
		if !strings.ContainsAny(v, "AL") {
			t.Errorf("%s lost its text: %q", what, v)
		}
	}
	if !strings.HasSuffix(w.Operator, "C. Martin") || !strings.HasSuffix(w.Cabinet.LegalName, "Cabinet Martin") {
		t.Errorf("answers %q, %q", w.Operator, w.Cabinet.LegalName)
	}
	d.key("enter")
	d.mustSee("Clients (")
	mustBeClean(t, "the dashboard", d.m.View())
}

// TestHostileNotesReasonsCapturesFilter: a reason, a note, a captured
// field and the dashboard's filter, pasted with escape sequences, reach
// neither the store nor the screen.
func TestHostileNotesReasonsCapturesFilter(t *testing.T) {
	env := newTestEnv(40)
	d := newDriver(t, env.opts, 100, 30)
	d.key("/")
	d.paste(hostile)
	mustBeClean(t, "the filter", d.m.View())
	d.key("esc", "c", "b")
	d.paste(hostile + " liste RH")
	d.key("enter")
	d.key("e")
	d.paste(hostile + " voir avec Sophie")
	mustBeClean(t, "the note prompt", d.m.View())
	d.key("enter")
	mustBeClean(t, "the steps", d.m.View())
	st := env.store.state(refOf("preparation.cabinet.collaborators", ""))
	if st.Status != checklist.StatusBlocked || !strings.HasSuffix(st.Reason, "liste RH") || !strings.HasSuffix(st.Note, "voir avec Sophie") {
		t.Fatalf("stored %+v", st)
	}
	mustBeClean(t, "the reason", st.Reason)
	mustBeClean(t, "the note", st.Note)

	// A captured field: the external account's holder.
	d.key("esc", "esc")
	d.key("enter") // Atelier Dubois, a payment client
	for range 5 {
		d.key("down")
	}
	d.key("enter")
	d.typeText("FR14 2004 1010 0505 0001 3M02 606")
	d.key("enter")
	d.paste(hostile + "Boulangerie")
	mustBeClean(t, "the capture form", d.m.View())
	d.key("enter", "o")
	d.mustSee("1 compte externe")
	mustBeClean(t, "the capture list", d.m.View())
	for ref, st := range env.store.states {
		if ref.Step == "preparation.payment.external_accounts" {
			holder := st.Capture.Items[0]["holder"]
			mustBeClean(t, "the holder", holder)
			if !strings.HasSuffix(holder, "Boulangerie") {
				t.Fatalf("holder %q", holder)
			}
			return
		}
	}
	t.Fatal("no external account stored")
}
