package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors/files"
)

// TestImportV1ExportCountsRows: a row with two errors is one message, so
// that the first run says "1 ligne refusée" as `clients convert` counts it
// (issue 15, point 13).
func TestImportV1ExportCountsRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.csv")
	csv := "Raison sociale;SIREN;Statut;E-mail du contact\r\n" +
		"Client actif;334175221;Actif;actif@exemple.fr\r\n" +
		";334175222;Actif;x@exemple.fr\r\n"
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := files.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	exp, err := files.ReadClientsExport(f, "export.csv", files.ReadOptions{})
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(exp.Errors) < 2 {
		t.Fatalf("the fixture must give one row two errors, got %v", exp.Errors)
	}
	env := &appEnv{lang: checklist.French}
	_, rows, err := env.importV1Export(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := files.RejectedRows(exp.Errors); len(rows) != want || want != 1 {
		t.Fatalf("%d messages for %d rejected rows: %q", len(rows), want, rows)
	}
}

// TestWriteV2ImportForFilesMode: the full-screen program's files mode
// writes V2's import file from the export, as `clients convert` does.
func TestWriteV2ImportForFilesMode(t *testing.T) {
	dir := t.TempDir()
	from := filepath.Join(dir, "export.csv")
	csv := "Raison sociale;SIREN;Statut;Nom du contact;E-mail du contact\r\n" +
		"Client actif;334175221;Actif;Jean Dupont;actif@exemple.fr\r\n" +
		"Garage Martin;404833048;Brouillon;Paul Martin;garage@exemple.fr\r\n"
	if err := os.WriteFile(from, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	env := &appEnv{lang: checklist.French}
	w, err := env.writeV2Import(from, filepath.Join(dir, "import-v2.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if w.Clients != 1 || len(w.Paths) != 1 || !strings.HasSuffix(w.Paths[0], ".xlsx") {
		t.Fatalf("wrote %+v", w)
	}
	if st, err := os.Stat(w.Paths[0]); err != nil || st.Size() == 0 {
		t.Fatalf("import file: %v", err)
	}
	// The same export pre-fills the inactive-clients step: one client in
	// draft.
	if n, err := env.countInactive(from); err != nil || n != 1 {
		t.Fatalf("countInactive: %d, %v", n, err)
	}
}
