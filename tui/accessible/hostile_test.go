package accessible

import (
	"strings"
	"testing"
	"unicode"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
)

// hostile holds what an attacker puts in an answer: CSI (clear screen),
// OSC 52 (clipboard), OSC 8 (link), DCS, APC, the C1 CSI, backspace,
// carriage return, NUL and a right-to-left override. A line holds no LF.
const hostile = "A\x1b[2JB\x1b]52;c;cm0gLXJmIH4=\x07C\x1b]8;;https://evil.example/\x1b\\D\x1b]8;;\x1b\\" +
	"E\x1bPq#0;2;0;0;0\x1b\\F\x1b_apc\x1b\\G\u009b31mH\bI\rJ\x00K\u202eL"

func mustBeClean(t *testing.T, where, s string) {
	t.Helper()
	for _, r := range s {
		switch {
		case r == '\n':
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f, unicode.Is(unicode.Bidi_Control, r):
			t.Errorf("%s holds %U: %q", where, r, s)
			return
		}
	}
}

// TestAccessibleHostileAnswers: the first run's answers, a reason, a note
// and a captured field, typed with escape sequences, are stored clean and
// never written out raw (issue 11, "sanitised at every entry").
func TestAccessibleHostileAnswers(t *testing.T) {
	path := t.TempDir() + "/bascule.db"
	out := runOpts(t, path, func(db *store.DB) Options {
		return Options{Store: db, Secrets: db, Workspaces: dbWorkspaces{db}}
	},
		"3", // API V1/V2
		"732829320", hostile+"Cabinet Dupont", "l.dupont@exemple.fr", hostile+"L. Dupont",
		"https://v1.exemple.fr", "https://v2.exemple.fr", hostile+"bascule",
		"secret-tres-secret", "phrase une", "phrase une",
		"q", "o")
	mustBeClean(t, "the first run's output", out)
	mustContain(t, out, "Cabinet Dupont")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ws, err := db.Workspace("732829320")
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	for what, v := range map[string]string{"legal name": ws.Cabinet.LegalName, "operator": ws.Operator, "client id": ws.ClientID} {
		mustBeClean(t, what, v)
	}
	if !strings.HasSuffix(ws.Cabinet.LegalName, "Cabinet Dupont") || !strings.HasSuffix(ws.Operator, "L. Dupont") {
		t.Fatalf("stored %q, %q", ws.Cabinet.LegalName, ws.Operator)
	}

	// A reason, a note, a captured field.
	path, tws := openTestStore(t)
	out = runScript(t, path, tws, checklist.French,
		"1", "1", // Préparation du cabinet, collaborators
		"3", hostile+" liste RH", // Marquer bloqué, reason
		"6", hostile+" voir avec Sophie", // note
		"", "",
		"6", "lefev", "1", // Un client: Boulangerie Lefèvre & Fils
		"6", "1", "1", // Noter les IBAN, Remplir la saisie, Ajouter
		"FR14 2004 1010 0505 0001 3M02 606", hostile+"Boulangerie", "o",
		"4", "", "", "q")
	mustBeClean(t, "the session's output", out)
	mustContain(t, out, "liste RH", "voir avec Sophie")
	db, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := db.StepState(tws.ID, checklist.Ref{Step: "preparation.cabinet.collaborators"})
	if err != nil {
		t.Fatal(err)
	}
	mustBeClean(t, "the reason", st.Reason)
	mustBeClean(t, "the note", st.Note)
	if !strings.HasSuffix(st.Reason, "liste RH") || !strings.HasSuffix(st.Note, "voir avec Sophie") {
		t.Fatalf("stored %+v", st)
	}
	acc, err := db.StepState(tws.ID, checklist.Ref{Step: "preparation.payment.external_accounts", Client: "c00"})
	if err != nil || acc.Capture == nil || len(acc.Capture.Items) != 1 {
		t.Fatalf("external accounts: %+v %v\n%s", acc, err, out)
	}
	holder := acc.Capture.Items[0]["holder"]
	mustBeClean(t, "the holder", holder)
	if !strings.HasSuffix(holder, "Boulangerie") {
		t.Fatalf("holder %q", holder)
	}
}
