package files

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/bascule-cli/bascule/connectors"
)

func goodClient(name, siren string) Client {
	return Client{
		Client: connectors.Client{
			ID: "v1-" + siren, LegalName: name, SIREN: siren, Country: "FR",
			ContactEmail: emailGood, ContactFirstName: "Marie", ContactLastName: "Dupont",
			Street: "1 place de l'Église", PostalCode: "01000", City: "Bourg-en-Bresse",
		},
		IBAN: ibanA,
	}
}

func TestWriteClientsImportRoundTrip(t *testing.T) {
	clients := []Client{
		goodClient("Boulangerie Lefèvre & Fils", sirenZero),
		goodClient("Café « Le Zinc »; bar", sirenA),
	}
	clients[1].VAT, clients[1].Language, clients[1].ExternalReference = vatA, "en-GB", "CLI-042"
	clients[1].Number, clients[1].POBox = "3 bis", "BP 12"

	for _, format := range []Format{FormatXLSX, FormatCSV} {
		t.Run(format.String(), func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteClientsImport(&buf, format, clients); err != nil {
				t.Fatal(err)
			}
			tb := readTable(t, buf.Bytes(), "import"+format.Ext())
			if !equalRows(tb.Header, TemplateColumns()) {
				t.Errorf("header = %q", tb.Header)
			}
			if len(tb.Rows) != 2 {
				t.Fatalf("rows = %q", tb.Rows)
			}
			want0 := []string{"Boulangerie Lefèvre & Fils", "FR", emailGood, "Marie", "Dupont", "fr-FR", sirenZero, "",
				"v1-" + sirenZero, ibanA, "1 place de l'Église", "", "", "01000", "Bourg-en-Bresse"}
			want1 := []string{"Café « Le Zinc »; bar", "FR", emailGood, "Marie", "Dupont", "en-GB", sirenA, vatA,
				"CLI-042", ibanA, "1 place de l'Église", "3 bis", "BP 12", "01000", "Bourg-en-Bresse"}
			for i, want := range [][]string{want0, want1} {
				got := append(tb.Rows[i], make([]string, len(want))...)[:len(want)]
				if !equalRows(got, want) {
					t.Errorf("row %d = %q\nwant      %q", i, got, want)
				}
			}

			// And what was written reads back as the same clients.
			exp := readExport(t, buf.Bytes(), "import"+format.Ext(), ReadOptions{})
			if len(exp.Errors) != 0 || len(exp.Clients) != 2 || exp.Clients[0].SIREN != sirenZero ||
				exp.Clients[1].VAT != vatA || exp.Clients[1].Language != "en-GB" || exp.Clients[1].POBox != "BP 12" {
				t.Errorf("re-read: %q %+v", formatted(exp.Errors), exp.Clients)
			}
			if len(exp.Unmapped) != 0 {
				t.Errorf("template columns not recognised on reading: %q", exp.Unmapped)
			}
		})
	}
}

func TestWriteCSVForFrenchExcel(t *testing.T) {
	c := goodClient("=HYPERLINK(\"http://x\")", sirenA)
	c.City = "-Ville"
	var buf bytes.Buffer
	if err := WriteClientsImport(&buf, FormatCSV, []Client{c}); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	if !strings.HasPrefix(s, "\ufeffLegal name;Country;Contact email;") {
		t.Errorf("start = %q", s[:40])
	}
	if !strings.HasSuffix(s, "\r\n") || strings.Count(s, "\r\n") != 2 {
		t.Errorf("line ends: %q", s)
	}
	if !strings.Contains(s, `"'=HYPERLINK(""http://x"")"`) || !strings.Contains(s, ";'-Ville") {
		t.Errorf("formula not defused: %q", s)
	}
}

func TestWriteXLSXTextCells(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteClientsImport(&buf, FormatXLSX, []Client{goodClient("A", sirenZero)}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if l := f.GetSheetList(); len(l) != 1 || l[0] != "Clients" {
		t.Errorf("sheets = %q", l)
	}
	v, _ := f.GetCellValue("Clients", "G2")
	typ, _ := f.GetCellType("Clients", "G2")
	if v != sirenZero || (typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString) {
		t.Errorf("G2 = %q (type %v), want text %q", v, typ, sirenZero)
	}
	style, _ := f.GetCellStyle("Clients", "G3") // empty cell, column style
	st, _ := f.GetStyle(style)
	if st == nil || st.NumFmt != 49 {
		t.Errorf("column not formatted as text: %+v", st)
	}
}

func TestWriteClientsImportRejects(t *testing.T) {
	noMail := goodClient("Sans mail", sirenA)
	noMail.ContactEmail, noMail.Row = "", 7
	badSIREN := goodClient("SIREN faux", sirenBad)
	noName := goodClient("", sirenB)
	noName.ContactFirstName = ""
	noName.Country = "Absurdistan"
	portRecord := goodClient("Venu du port", "732829320")
	portRecord.Country, portRecord.Language = "fr", "Français"
	clients := []Client{goodClient("Bon", sirenZero), noMail, badSIREN, noName, portRecord}

	var buf bytes.Buffer
	err := WriteClientsImport(&buf, FormatCSV, clients)
	var rej *RejectedError
	if !errors.As(err, &rej) {
		t.Fatalf("err = %v", err)
	}
	got := formatted(rej.Rows)
	want := []string{
		"ligne 7, colonne « Contact email » : e-mail du contact manquant",
		"ligne 3, colonne « Company number » : clé de contrôle invalide",
		"ligne 4, colonne « Legal name » : raison sociale manquante",
		"ligne 4, colonne « Country » : ",
		"ligne 4, colonne « Contact first name » : ",
	}
	if len(got) != len(want) {
		t.Fatalf("rejected = %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("%d = %q, want prefix %q", i, got[i], want[i])
		}
	}
	for i, e := range rej.Rows {
		if e.MessageEN == "" || strings.Contains(FormatRowErrorEnglish(e), "ligne") {
			t.Errorf("%d has no English: %q", i, FormatRowErrorEnglish(e))
		}
	}
	if en := rej.English(); !strings.HasPrefix(en, "3 clients left out of the import file; first reason: row 7, column “Contact email”: contact e-mail missing") {
		t.Errorf("English = %q", en)
	}
	if !strings.Contains(err.Error(), "3 clients écartés") {
		t.Errorf("message = %q", err.Error())
	}
	tb := readTable(t, buf.Bytes(), "x.csv")
	if len(tb.Rows) != 2 || tb.Rows[0][0] != "Bon" {
		t.Fatalf("good clients not written alone: %q", tb.Rows)
	}
	if r := tb.Rows[1]; r[1] != "FR" || r[5] != "fr-FR" {
		t.Errorf("country and language not normalised: %q", r)
	}
}

func TestFormatFromName(t *testing.T) {
	for name, want := range map[string]Format{"a.xlsx": FormatXLSX, "B.XLSX": FormatXLSX, "dir/c.csv": FormatCSV} {
		if got, err := FormatFromName(name); err != nil || got != want {
			t.Errorf("%s: %v %v", name, got, err)
		}
	}
	if _, err := FormatFromName("clients.xls"); err == nil || !strings.Contains(err.Error(), ".xlsx ou .csv") {
		t.Errorf("xls: %v", err)
	}
}

func TestSplitClientsAndNames(t *testing.T) {
	clients := make([]Client, 1201)
	chunks := SplitClients(clients, 0)
	if len(chunks) != 3 || len(chunks[0]) != 500 || len(chunks[1]) != 500 || len(chunks[2]) != 201 {
		t.Errorf("chunks: %d", len(chunks))
	}
	if len(SplitClients(nil, 10)) != 0 || len(SplitClients(clients[:10], 10)) != 1 {
		t.Error("edge sizes")
	}
	if ImportFileName(1, FormatXLSX) != "clients-import-001.xlsx" || ImportFileName(12, FormatCSV) != "clients-import-012.csv" {
		t.Error("names")
	}
}

func TestWriteFiles(t *testing.T) {
	clients := make([]Client, 0, 7)
	for _, s := range []string{sirenA, sirenB, sirenZero, "732829320", "303265045"} {
		clients = append(clients, goodClient("Client "+s, s))
	}
	bad := goodClient("Faux", sirenBad)
	clients = append(clients, bad)

	dir := t.TempDir()
	paths, err := WriteFiles(dir, 0, clients, 2)
	var rej *RejectedError
	if !errors.As(err, &rej) || len(rej.Rows) != 1 {
		t.Errorf("err = %v", err)
	}
	if len(paths) != 3 || filepath.Base(paths[2]) != "clients-import-003.xlsx" {
		t.Fatalf("paths = %q", paths)
	}
	total := 0
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v", p, st.Mode().Perm())
		}
		data, _ := os.ReadFile(p)
		total += len(readTable(t, data, p).Rows)
	}
	if total != 5 {
		t.Errorf("written %d clients, want 5", total)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*tmp")); len(left) != 0 {
		t.Errorf("temporary files left: %q", left)
	}

	one := filepath.Join(dir, "import.csv")
	paths, err = WriteFiles(one, 0, clients[:2], 0)
	if err != nil || len(paths) != 1 || paths[0] != one {
		t.Errorf("single file: %q %v", paths, err)
	}
	paths, err = WriteFiles(one, 0, clients[:5], 2)
	if err != nil || len(paths) != 3 || paths[1] != filepath.Join(dir, "import-002.csv") {
		t.Errorf("numbered files: %q %v", paths, err)
	}
	if _, err := WriteFiles(filepath.Join(dir, "x.txt"), 0, clients, 0); err == nil {
		t.Error("unknown extension accepted")
	}
	if _, err := WriteFiles(filepath.Join(dir, "none.xlsx"), 0, []Client{bad}, 0); !errors.As(err, &rej) {
		t.Errorf("only bad clients: %v", err)
	}
}

func TestConvert(t *testing.T) {
	data := []byte("\ufeff" + lines(
		"Raison sociale;SIREN;Statut;Contact;E-mail du contact;Langue",
		"Actif SA;"+sirenA+";Actif;Jean Martin;jean@actif.fr;",
		"Brouillon SARL;"+sirenB+";Brouillon;Anne Petit;anne@brouillon.fr;Français",
		"Créé SAS;12345674;Créé;;;",
		"Faux;"+sirenBad+";Mis à jour;Luc Roy;luc@faux.fr;",
	))
	res, err := Convert(bytes.NewReader(data), "export.csv", ConvertOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Summary != (Summary{Read: 4, Written: 1, Rejected: 2, Skipped: 1, SplitNames: 1, NameColumn: "Contact"}) {
		t.Errorf("summary = %+v", res.Summary)
	}
	if len(res.Clients) != 1 || res.Clients[0].LegalName != "Brouillon SARL" || res.Clients[0].Language != "fr-FR" {
		t.Errorf("clients = %+v", res.Clients)
	}
	rows := []int{}
	for _, e := range res.Errors {
		rows = append(rows, e.Row)
	}
	if len(rows) != 4 || rows[0] != 4 || rows[3] != 5 {
		t.Errorf("errors not sorted by row: %q", formatted(res.Errors))
	}
	// The import check names the user's columns, never the template's.
	for _, e := range res.Errors {
		if e.Column != "SIREN" && e.Column != "E-mail du contact" && e.Column != "Contact" {
			t.Errorf("error names column %q, not one of the file's: %s", e.Column, FormatRowError(e))
		}
	}

	res, _ = Convert(bytes.NewReader(data), "export.csv", ConvertOptions{IncludeActive: true})
	if res.Summary.Written != 2 || res.Summary.Skipped != 0 {
		t.Errorf("include active: %+v", res.Summary)
	}
}

// Every column is defused, not only the free-text ones: a valid e-mail
// may start with "=" and was once written as a live formula.
func TestWriteCSVDefusesEveryColumn(t *testing.T) {
	c := goodClient("Lefèvre", sirenA)
	c.ContactEmail = "=cmd|'/Ccalc'!A0@x.fr"
	c.ExternalReference = "@SUM(1+1)"
	c.ContactLastName = "\tDupont"
	var buf bytes.Buffer
	if err := WriteClientsImport(&buf, FormatCSV, []Client{c}); err != nil {
		t.Fatal(err)
	}
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\ufeff"))))
	cr.Comma = ';'
	rows, err := cr.ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatal(rows, err)
	}
	for _, cell := range rows[1] {
		if cell != "" && strings.IndexByte("=+-@\t\r", cell[0]) >= 0 {
			t.Errorf("cell %q starts a formula in %q", cell, rows[1])
		}
	}
	if !strings.Contains(buf.String(), ";'=cmd|'/Ccalc'!A0@x.fr;") {
		t.Errorf("e-mail not defused: %q", buf.String())
	}
}

func TestDefuseFormula(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+33 1": "'+33 1", "-2": "'-2", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx",
		"": "", "Lefèvre": "Lefèvre", "a=b": "a=b", "'=x": "'=x",
	} {
		if got := defuseFormula(in); got != want {
			t.Errorf("defuseFormula(%q) = %q, want %q", in, got, want)
		}
	}
}
