package checklist

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"time"
)

// fakeFiles is a FileReader over a map of path → facts.
type fakeFiles map[string]FileFacts

func (f fakeFiles) ReadFile(path string, clients bool) (FileFacts, error) {
	ff, ok := f[path]
	if !ok {
		return FileFacts{}, &fs.PathError{Op: "open", Path: path, Err: fs.ErrNotExist}
	}
	if !clients {
		ff.Clients = -1
	}
	return ff, nil
}

const logoDigest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

// Every case the issue met was accepted before: a period ending before it
// starts, files that do not exist (and no SHA-256), a count that does not
// match the export, an invalid SIREN as an API connection's scope.
func TestCaptureCheckedWhereTyped(t *testing.T) {
	g := Default()
	files := fakeFiles{
		"logo.png":     {SHA256: logoDigest},
		"inactifs.csv": {SHA256: strings.Repeat("ab", 32), Clients: 5},
	}
	cases := []struct {
		step    string
		rec     Record
		wantErr string // a piece of the French message; "" when valid
		field   string
	}{
		{"preparation.payment.statements", Record{"file": "logo.png", "period_start": "01/01/2025", "period_end": "31/12/2024"},
			"Fin de période : le 31/12/2024 est avant le 01/01/2025", "period_end"},
		{"preparation.payment.statements", Record{"file": "logo.png", "period_start": "01/01/2025", "period_end": "01/01/2025"}, "", ""},
		{"preparation.payment.statements", Record{"file": "releve.pdf", "period_start": "01/01/2024", "period_end": "31/12/2024"},
			"Fichier : « releve.pdf » introuvable", "file"},
		{"preparation.client.logo", Record{"file": "absent.png"}, "Fichier du logo : « absent.png » introuvable", "file"},
		{"preparation.client.logo", Record{"file": "logo.png"}, "", ""},
		{"preparation.client.logo", Record{"file": "logo.png", "sha256": strings.Repeat("0", 64)}, "Empreinte SHA-256 : ne correspond pas au fichier", "sha256"},
		{"preparation.cabinet.inactive_clients_export", Record{"file": "absent.csv", "rows": "3"}, "Fichier exporté : « absent.csv » introuvable", "file"},
		{"preparation.cabinet.inactive_clients_export", Record{"file": "inactifs.csv", "rows": "3"},
			"Nombre de clients : vous avez noté 3, le fichier en compte 5 (clients actifs exclus)", "rows"},
		{"preparation.cabinet.inactive_clients_export", Record{"file": "inactifs.csv", "rows": "5"}, "", ""},
		{"preparation.cabinet.api_connections", Record{"software": "sage", "scope": "123456789", "credentials_retrieved": "true"},
			"Périmètre (cabinet ou SIREN du client) : « cabinet » ou un SIREN valide attendu", "scope"},
		{"preparation.cabinet.api_connections", Record{"software": "sage", "scope": "552 008 443", "credentials_retrieved": "true"}, "", ""},
		{"preparation.cabinet.api_connections", Record{"software": "sage", "scope": "Cabinet", "credentials_retrieved": "true"}, "", ""},
	}
	for _, c := range cases {
		st, _ := g.Step(c.step)
		_, _, errs := st.Form.Check(Capture{Items: []Record{c.rec}}, files, time.Now())
		if c.wantErr == "" {
			if len(errs) > 0 {
				t.Errorf("%s %v: refused: %v", c.step, c.rec, errs)
			}
			continue
		}
		if len(errs) != 1 || !strings.Contains(errs[0].Message.FR, c.wantErr) || errs[0].Field != c.field || errs[0].Message.EN == "" {
			t.Errorf("%s %v: want one error on %s containing %q, got %+v", c.step, c.rec, c.field, c.wantErr, errs)
		}
	}
}

func TestCaptureKeepsTheFilesDigest(t *testing.T) {
	g := Default()
	files := fakeFiles{"logo.png": {SHA256: logoDigest}, "inactifs.csv": {SHA256: strings.Repeat("ab", 32), Clients: 2}}
	at := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	logo, _ := g.Step("preparation.client.logo")
	out, ev, errs := logo.Form.Check(Capture{Items: []Record{{"file": "logo.png"}}}, files, at)
	if len(errs) > 0 || out.Items[0]["sha256"] != logoDigest {
		t.Fatalf("logo: %v %v", out, errs)
	}
	if ev == nil || ev.Source != SourceFile || !ev.OK || ev.Facts["file_sha256"] != logoDigest || !ev.At.Equal(at) {
		t.Errorf("logo evidence: %+v", ev)
	}
	exp, _ := g.Step("preparation.cabinet.inactive_clients_export")
	_, ev, errs = exp.Form.Check(Capture{Items: []Record{{"file": "inactifs.csv", "rows": "2"}}}, files, at)
	if len(errs) > 0 || ev == nil || ev.Facts["file_sha256"] != strings.Repeat("ab", 32) || ev.Facts["file_clients"] != "2" {
		t.Errorf("export evidence: %+v %v", ev, errs)
	}
	st, _ := g.Step("preparation.payment.statements")
	two := Capture{Items: []Record{
		{"file": "logo.png", "period_start": "01/01/2024", "period_end": "31/12/2024"},
		{"file": "inactifs.csv", "period_start": "01/01/2025", "period_end": "30/06/2025"}}}
	_, ev, errs = st.Form.Check(two, files, at)
	if len(errs) > 0 || ev.Facts["file.1_sha256"] != logoDigest || ev.Facts["file.2_sha256"] == "" || ev.Facts["file.2_clients"] != "" {
		t.Errorf("statements evidence: %+v %v", ev, errs)
	}
}

func TestCheckFileAsTyped(t *testing.T) {
	g := Default()
	logo, _ := g.Step("preparation.client.logo")
	fl, _ := logo.Form.Field("file")
	files := fakeFiles{"logo.png": {SHA256: logoDigest}}
	if msg := fl.CheckFile("logo.png", files); msg != nil {
		t.Errorf("existing file refused: %v", msg.FR)
	}
	msg := fl.CheckFile("logo\x1b[31m.png", files)
	if msg == nil || strings.Contains(msg.FR, "\x1b") {
		t.Errorf("missing file with an escape: %v", msg)
	}
	broken := readerFunc(func(string, bool) (FileFacts, error) { return FileFacts{}, errors.New("accès refusé") })
	if msg := fl.CheckFile("logo.png", broken); msg == nil || msg.FR != "Fichier du logo : « logo.png » illisible (accès refusé)" {
		t.Errorf("unreadable: %v", msg)
	}
}

type readerFunc func(string, bool) (FileFacts, error)

func (f readerFunc) ReadFile(p string, c bool) (FileFacts, error) { return f(p, c) }
