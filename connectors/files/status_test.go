package files

import (
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/connectors"
)

// TestUnknownStatusRejectsTheRow: a status V1 does not have ("Inactif")
// made the row a dossier (not inactive) while the inactive-clients step
// counted it as not active. Now the row is rejected, naming its row and
// the user's column; it is neither a dossier nor inactive. The file is as
// French Excel writes it: Windows-1252, semicolons, CRLF.
func TestUnknownStatusRejectsTheRow(t *testing.T) {
	data := win1252(t, lines(
		"Raison sociale;SIREN;Statut du dossier",
		"Boulangerie Dupont;334175221;Actif",
		"Garage Martin;404833048;Inactif",
		"Café de la Gare;552008443;Créé",
		"Fleurs Lemaire;732829320;brouillon",
		"Pressing Léa;542065479;",
	))
	exp := readExport(t, data, "export.csv", ReadOptions{})
	got := formatted(exp.Errors)
	if len(got) != 1 || !strings.HasPrefix(got[0], "ligne 3, colonne « Statut du dossier » : statut « Inactif » inconnu de V1") {
		t.Fatalf("errors = %q", got)
	}
	if exp.Errors[0].MessageEN == "" || strings.Contains(exp.Errors[0].MessageEN, "inconnu") {
		t.Errorf("English message = %q", exp.Errors[0].MessageEN)
	}
	var names []string
	for _, c := range exp.Dossiers() {
		names = append(names, c.LegalName)
	}
	// An empty status says nothing: the client stays a dossier.
	if strings.Join(names, ",") != "Boulangerie Dupont,Pressing Léa" {
		t.Errorf("dossiers = %q", names)
	}
	if n := exp.Inactive(); n != 2 {
		t.Errorf("inactive = %d, want 2 (created, draft)", n)
	}
}

func TestNormStatus(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want connectors.ClientStatus
	}{
		{"Actif", connectors.StatusActive}, {"ACTIVE", connectors.StatusActive}, {"Brouillon", connectors.StatusDraft},
		{"Créé", connectors.StatusCreated}, {"Créée", connectors.StatusCreated}, {"Mis à jour", connectors.StatusUpdated},
		{"MAJ", connectors.StatusUpdated}, {"Inactif", ""}, {"Archivé", ""}, {"Supprimé", ""}, {"", ""},
	} {
		if got := normStatus(tc.in); got != tc.want {
			t.Errorf("normStatus(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
