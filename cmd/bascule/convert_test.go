package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A header with no row is a failure saying "aucune ligne", naming the file.
func TestConvertHeaderOnly(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "vide.csv")
	os.WriteFile(in, []byte("Raison sociale;SIREN;E-mail\r\n"), 0o600)
	r := h.want(1, "clients", "convert", "--from", in, "--to", filepath.Join(dir, "out.xlsx"))
	if !strings.Contains(r.stderr, "aucune ligne") || !strings.Contains(r.stderr, "vide.csv") {
		t.Errorf("stderr = %q", r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out.xlsx")); err == nil {
		t.Error("an import file was written")
	}
}

// A missing file is named in French, without Go's "open …: no such file".
func TestConvertMissingFileFrench(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	r := h.want(1, "clients", "convert", "--from", filepath.Join(dir, "nope.csv"), "--to", filepath.Join(dir, "out.xlsx"))
	if !strings.Contains(r.stderr, "nope.csv » : fichier ou dossier introuvable") || strings.Contains(r.stderr, "no such file") {
		t.Errorf("stderr = %q", r.stderr)
	}
	h.env["LANG"] = "en_GB.UTF-8"
	r = h.want(1, "--lang", "en", "clients", "convert", "--from", filepath.Join(dir, "nope.csv"), "--to", filepath.Join(dir, "out.xlsx"))
	if !strings.Contains(r.stderr, "cannot open") {
		t.Errorf("English stderr = %q", r.stderr)
	}
}

// A file that is not an export (a password file) is refused without a
// word of its content.
func TestConvertNeverQuotesTheFile(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "shadow")
	os.WriteFile(in, []byte("root:$6$s4lt$h4sh:19000:0:99999:7:::\n"), 0o600)
	r := h.want(1, "clients", "convert", "--from", in, "--to", filepath.Join(dir, "out.xlsx"))
	if strings.Contains(r.stderr, "root") || strings.Contains(r.stderr, "$6$") {
		t.Errorf("stderr quotes the file: %q", r.stderr)
	}
}

// One "Nom du contact" column, as LibreOffice saves a V1 export: every
// valid row is converted and the split is stated.
func TestConvertSingleContactColumn(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "export.csv")
	os.WriteFile(in, []byte("\ufeffRaison sociale;SIREN;Nom du contact;E-mail du contact;Statut\r\n"+
		"Boulangerie Lefèvre;552008443;Céline Lefèvre;celine@lefevre.fr;Brouillon\r\n"+
		"Atelier Bois;404833048;Jean-Pierre de La Fontaine;jp@bois.fr;Créé\r\n"), 0o600)
	out := filepath.Join(dir, "import.csv")
	r := h.want(0, "clients", "convert", "--from", in, "--to", out)
	if !strings.Contains(r.stderr, "2 lignes lues : 2 écrites, 0 rejetée") ||
		!strings.Contains(r.stderr, "colonne « Nom du contact » : 2 noms complets découpés") {
		t.Errorf("stderr = %q", r.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), ";Céline;Lefèvre;") || !strings.Contains(string(b), ";Jean-Pierre;de La Fontaine;") {
		t.Errorf("written:\n%s", b)
	}
}
