package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"golang.org/x/text/encoding/charmap"
)

// TestUnknownStatusIsNeitherDossierNorInactive: a row whose status V1 does
// not have ("Inactif") became a dossier at first run and was counted again
// by the inactive-clients step. Now the first run lists it as rejected and
// neither the step's pre-fill nor its capture counts it.
func TestUnknownStatusIsNeitherDossierNorInactive(t *testing.T) {
	csv, err := charmap.Windows1252.NewEncoder().String("Raison sociale;SIREN;Statut\r\n" +
		"Boulangerie Dupont;334175221;Actif\r\n" +
		"Garage Martin;404833048;Inactif\r\n" +
		"Café de la Gare;552008443;Brouillon\r\n")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "export.csv")
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	env := &appEnv{lang: checklist.French}
	ds, rows, err := env.importV1Export(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].Name != "Boulangerie Dupont" {
		t.Errorf("dossiers = %+v", ds)
	}
	if len(rows) != 1 || !strings.Contains(rows[0], "3") || !strings.Contains(rows[0], "Statut") || !strings.Contains(rows[0], "« Inactif »") {
		t.Errorf("rejected rows = %q", rows)
	}
	if n, err := env.countInactive(path); n != 1 || err != nil {
		t.Errorf("countInactive = %d, %v; want 1", n, err)
	}
	ff, err := captureFiles{}.ReadFile(path, true)
	if err != nil || ff.Clients != 1 {
		t.Errorf("capture counts %d inactive clients, %v; want 1", ff.Clients, err)
	}
}
