package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
)

// The files a capture names are read for real: a missing logo or export is
// refused in the form's words, a read one gives its SHA-256, and an export's
// clients are counted (active ones aside) against the number noted.
func TestCaptureFilesReader(t *testing.T) {
	dir := t.TempDir()
	logo := filepath.Join(dir, "logo.png")
	data := []byte("\x89PNG fake logo")
	if err := os.WriteFile(logo, data, 0o600); err != nil {
		t.Fatal(err)
	}
	export := filepath.Join(dir, "inactifs.csv")
	if err := os.WriteFile(export, []byte("\ufeffRaison sociale;SIREN;Statut\r\n"+
		"Boulangerie Lefèvre;552008443;Brouillon\r\n"+
		"Atelier Bois;404833048;Créé\r\n"+
		"Garage Martin;732829320;Actif\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	g := checklist.Default()
	sum := sha256.Sum256(data)

	st, _ := g.Step("preparation.client.logo")
	out, ev, errs := st.Form.Check(checklist.Capture{Items: []checklist.Record{{"file": logo}}}, captureFiles{}, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	if len(errs) > 0 || out.Items[0]["sha256"] != hex.EncodeToString(sum[:]) || ev == nil || ev.Facts["file_sha256"] != hex.EncodeToString(sum[:]) {
		t.Fatalf("logo: %v %+v %v", out, ev, errs)
	}
	_, _, errs = st.Form.Check(checklist.Capture{Items: []checklist.Record{{"file": filepath.Join(dir, "absent.png")}}}, captureFiles{}, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	if len(errs) != 1 || !strings.Contains(errs[0].Message.FR, "absent.png » introuvable") {
		t.Errorf("missing logo: %v", errs)
	}

	st, _ = g.Step("preparation.cabinet.inactive_clients_export")
	_, _, errs = st.Form.Check(checklist.Capture{Items: []checklist.Record{{"file": export, "rows": "3"}}}, captureFiles{}, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	if len(errs) != 1 || errs[0].Message.FR != "Nombre de clients : vous avez noté 3, le fichier en compte 2 (clients actifs exclus)" {
		t.Errorf("count against the export: %v", errs)
	}
	_, ev, errs = st.Form.Check(checklist.Capture{Items: []checklist.Record{{"file": export, "rows": "2"}}}, captureFiles{}, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	if len(errs) > 0 || ev.Facts["file_clients"] != "2" {
		t.Errorf("matching count: %+v %v", ev, errs)
	}
	if _, err := (captureFiles{}).ReadFile(dir, false); err == nil || strings.Contains(err.Error(), "is a directory") {
		t.Errorf("a folder: %v", err)
	}
}
