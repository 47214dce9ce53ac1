package main

import (
	"io/fs"
	"strconv"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// TestLocalizedInEachLanguage: an error of this command is written from the
// catalogue in the language it is shown in, and so are its arguments that
// have words of their own (a count, a list, a checklist text, an error).
func TestLocalizedInEachLanguage(t *testing.T) {
	ids := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "c" + strconv.Itoa(i+1)
		}
		return out
	}
	failed := func(n int) error {
		return &localizedError{text: counted(n, func(m *i18n.Messages) i18n.Noun { return m.FailedDossiersNoun })}
	}
	tests := []struct {
		name   string
		err    error
		fr, en string
	}{
		{"plain", localized(func(m *i18n.Messages) string { return m.MaxRowsMustBe }),
			"--max-rows doit être positif", "--max-rows must be positive"},
		{"arguments in another order", localized(func(m *i18n.Messages) string { return m.NotOpenToRoleFmt }, "step set", "collaborateur", "Léa"),
			"« step set » n'est pas ouvert au rôle collaborateur de Léa", `"step set" is not open to Léa's role collaborateur`},
		{"a checklist text", localized(func(m *i18n.Messages) string { return m.UseReplaceOrRenameFmt }, checklist.Text{FR: "existe", EN: "exists"}),
			"existe : utilisez --replace ou --rename-to", "exists: use --replace or --rename-to"},
		{"an error", localized(func(m *i18n.Messages) string { return m.UseReplaceOrRenameFmt }, failed(2)),
			"2 dossiers en échec : utilisez --replace ou --rename-to", "2 dossiers failed: use --replace or --rename-to"},
		{"count, French singular at 0", failed(0), "0 dossier en échec", "0 dossiers failed"},
		{"count with thousands", failed(12345), "12\u202f345 dossiers en échec", "12,345 dossiers failed"},
		{"short list", localized(func(m *i18n.Messages) string { return m.UnknownClientKnownFmt }, quote("x"), knownList(ids(2))),
			`client inconnu : "x" ; clients connus : c1, c2`, `unknown client: "x"; known clients: c1, c2`},
		// The old list said "… et 1 autres", and "1005" with no separator.
		{"one more", localized(func(m *i18n.Messages) string { return m.UnknownClientKnownFmt }, quote("x"), knownList(ids(6))),
			`client inconnu : "x" ; clients connus : c1, c2, c3, c4, c5 … et 1 autre`, `unknown client: "x"; known clients: c1, c2, c3, c4, c5 … and 1 more`},
		{"many more", localized(func(m *i18n.Messages) string { return m.UnknownWorkspaceKnownFmt }, quote("x"), knownList(ids(1010))),
			`espace de travail inconnu "x" ; espaces connus : c1, c2, c3, c4, c5 … et 1` + "\u202f" + `005 autres`,
			`unknown workspace "x"; known workspaces: c1, c2, c3, c4, c5 … and 1,005 more`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.err.Error(); got != tc.fr {
				t.Errorf("French %q, want %q", got, tc.fr)
			}
			if got := englishOf(tc.err); got != tc.en {
				t.Errorf("English %q, want %q", got, tc.en)
			}
			if got := checklist.ErrorText(checklist.English, usageError{tc.err}); got != tc.en {
				t.Errorf("through a usage error %q, want %q", got, tc.en)
			}
		})
	}
}

// TestFileErrorInWords: a file error names the file and says what went
// wrong in the reader's words, never the system call's.
func TestFileErrorInWords(t *testing.T) {
	err := fileError("a\x1b[31m.csv", &fs.PathError{Op: "open", Path: "a.csv", Err: fs.ErrNotExist})
	name := connectors.Sanitize("a\x1b[31m.csv")
	if name == "a\x1b[31m.csv" {
		t.Fatal("the name was not sanitised")
	}
	if got, want := err.Error(), "fichier "+name+" : introuvable"; got != want {
		t.Errorf("French %q, want %q", got, want)
	}
	if got, want := englishOf(err), "file "+name+": not found"; got != want {
		t.Errorf("English %q, want %q", got, want)
	}
}
