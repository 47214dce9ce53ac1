package files

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A header and no client row is an error saying so, whatever the format.
func TestHeaderOnlyIsAnError(t *testing.T) {
	for name, data := range map[string][]byte{
		"entete.csv":  []byte(lines("Raison sociale;SIREN;E-mail", ";;", "")),
		"entete.xlsx": makeXLSX(t, "", [][]any{{"Raison sociale", "SIREN"}}),
		"titre.xlsx":  makeXLSX(t, "", [][]any{{"Export du 12/03/2026"}, {"Nom du client", "SIREN"}}),
	} {
		_, err := ReadClientsExport(bytes.NewReader(data), name, ReadOptions{})
		var fe *Error
		if !errors.As(err, &fe) || fe.Code != CodeEmpty || !strings.Contains(err.Error(), "aucune ligne") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// A file chosen by mistake (a password file) is refused without a word of
// its content in either language.
func TestFileErrorsNeverQuoteContent(t *testing.T) {
	secret := "root:$6$s4lt$h4shh4shh4sh:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n"
	for _, name := range []string{"shadow", "shadow.csv"} {
		_, err := ReadClientsExport(strings.NewReader(secret), name, ReadOptions{})
		if err == nil {
			t.Fatalf("%s accepted", name)
		}
		var fe *Error
		errors.As(err, &fe)
		for _, msg := range []string{err.Error(), fe.English(), InFile("/etc/shadow", err).Error()} {
			if strings.Contains(msg, "root") || strings.Contains(msg, "$6$") || strings.Contains(msg, "daemon") {
				t.Errorf("%s: message quotes the file: %q", name, msg)
			}
		}
	}
}

func TestOpenFileFrench(t *testing.T) {
	dir := t.TempDir()
	_, err := OpenFile(filepath.Join(dir, "nope.csv"))
	if err == nil || !strings.Contains(err.Error(), "impossible d'ouvrir « ") ||
		!strings.Contains(err.Error(), "nope.csv » : fichier ou dossier introuvable") || strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := OpenFile(dir); err == nil || !strings.Contains(err.Error(), "c'est un dossier") {
		t.Errorf("folder: %v", err)
	}
	p := filepath.Join(dir, "ok.csv")
	if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got := InFile("export.csv", emptyTable()).Error(); got != "« export.csv » : "+emptyTable().Error() {
		t.Errorf("InFile = %q", got)
	}
	plain := errors.New("x")
	if InFile("a", plain) != plain {
		t.Error("InFile changed a foreign error")
	}
}

// A write into a folder that cannot be created says so in French, naming
// it, without Go's "mkdir …: not a directory".
func TestWriteFilesErrorsFrench(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "fichier")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := WriteFiles(filepath.Join(blocker, "sous-dossier")+"/", 0, []Client{goodClient("A", sirenA)}, 0)
	if err == nil || !strings.Contains(err.Error(), "impossible de créer le dossier « ") || strings.Contains(err.Error(), "mkdir") {
		t.Errorf("err = %v", err)
	}
	_, err = WriteFiles(filepath.Join(dir, "absent", "import.csv"), 0, []Client{goodClient("A", sirenA)}, 0)
	if err == nil || !strings.Contains(err.Error(), "impossible d'écrire « ") || !strings.Contains(err.Error(), "introuvable") {
		t.Errorf("err = %v", err)
	}
}
