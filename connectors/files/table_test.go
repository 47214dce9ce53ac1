package files

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

func TestReadCSVWindows1252(t *testing.T) {
	data := win1252(t, lines(
		"Raison sociale;SIREN;Ville;Remarque",
		"Boulangerie Lefèvre & Fils;552 008 443;Besançon;Cœur de métier, forfait 10 €",
	))
	tb := readTable(t, data, "clients.csv")
	want := []string{"Boulangerie Lefèvre & Fils", "552 008 443", "Besançon", "Cœur de métier, forfait 10 €"}
	if !equalRows(tb.Rows[0], want) {
		t.Errorf("row = %q, want %q", tb.Rows[0], want)
	}
	if tb.RowNumbers[0] != 2 {
		t.Errorf("row number = %d, want 2", tb.RowNumbers[0])
	}
}

func TestReadCSVUTF8WithBOM(t *testing.T) {
	data := []byte("\ufeff" + lines("Raison sociale;Ville", "Café Le Zinc;Orléans"))
	tb := readTable(t, data, "clients.csv")
	if tb.Header[0] != "Raison sociale" {
		t.Errorf("BOM left in header: %q", tb.Header[0])
	}
	if tb.Rows[0][1] != "Orléans" {
		t.Errorf("cell = %q", tb.Rows[0][1])
	}
}

func TestReadCSVUTF16(t *testing.T) {
	// Excel's "Texte Unicode": UTF-16LE with BOM, tab-separated.
	enc := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder()
	data, err := enc.Bytes([]byte("Raison sociale\tVille\r\nÉpicerie Noël\tSète\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	tb := readTable(t, data, "clients.txt")
	if !equalRows(tb.Rows[0], []string{"Épicerie Noël", "Sète"}) {
		t.Errorf("row = %q", tb.Rows[0])
	}
}

func TestReadCSVSepLineAndQuotedFields(t *testing.T) {
	data := []byte(lines(
		"sep=;",
		"Raison sociale;Adresse;Ville",
		`"Dupont; Fils et Cie";"12 rue de la Paix`+"\r\n"+`Bâtiment B";Paris`,
		`Martin SARL;"3 ""bis"" avenue Foch";Lyon`,
	))
	tb := readTable(t, data, "export.csv")
	if len(tb.Header) != 3 || tb.Header[0] != "Raison sociale" {
		t.Fatalf("header = %q (sep= line not consumed?)", tb.Header)
	}
	if got := tb.Rows[0]; !equalRows(got, []string{"Dupont; Fils et Cie", "12 rue de la Paix Bâtiment B", "Paris"}) {
		t.Errorf("row 1 = %q", got)
	}
	if got := tb.Rows[1][1]; got != `3 "bis" avenue Foch` {
		t.Errorf("doubled quotes: %q", got)
	}
	// Lines of the source file: sep= is line 1, the header line 2, the
	// first record spans lines 3-4.
	if tb.RowNumbers[0] != 3 || tb.RowNumbers[1] != 5 {
		t.Errorf("row numbers = %v, want [3 5]", tb.RowNumbers)
	}
}

func TestReadCSVSeparators(t *testing.T) {
	for _, tc := range []struct{ name, data string }{
		{"semicolon", "Nom;Ville;CP\nA;Nice, centre;06000\n"},
		{"comma", "Nom,Ville,CP\nA,\"Nice, centre\",06000\n"},
		{"tab", "Nom\tVille\tCP\nA\tNice, centre\t06000\n"},
		{"sep line comma", "sep=,\nNom,Ville,CP\nA,\"Nice, centre\",06000\n"},
		{"blank lines first", "\n\nNom;Ville;CP\nA;Nice, centre;06000\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := readTable(t, []byte(tc.data), "x.csv")
			if !equalRows(tb.Header, []string{"Nom", "Ville", "CP"}) || !equalRows(tb.Rows[0], []string{"A", "Nice, centre", "06000"}) {
				t.Errorf("got %q / %q", tb.Header, tb.Rows)
			}
		})
	}
}

func TestReadCSVSkipsEmptyLines(t *testing.T) {
	data := []byte("Nom;Ville\n\nA;Paris\n;;\n ; \nB;Lyon\n;\n")
	tb := readTable(t, data, "x.csv")
	if len(tb.Rows) != 2 || tb.Rows[1][0] != "B" {
		t.Fatalf("rows = %q", tb.Rows)
	}
	if tb.RowNumbers[0] != 3 || tb.RowNumbers[1] != 6 {
		t.Errorf("row numbers = %v, want [3 6]", tb.RowNumbers)
	}
	if tb.Cell(0, 5) != "" || tb.Cell(9, 0) != "" {
		t.Error("Cell out of range should be empty")
	}
}

func TestReadSanitisesHostileStrings(t *testing.T) {
	hostile := "\x1b[31mEvil\x1b[0m \u202eCorp\u202c\x07\x1b]0;pwned\x07"
	data := []byte("Raison sociale;Ville\n\"" + hostile + "\";\u2066Paris\u2069\r\n")
	tb := readTable(t, data, "x.csv")
	if got := tb.Rows[0][0]; got != "Evil Corp" {
		t.Errorf("CSV cell = %q", got)
	}
	if got := tb.Rows[0][1]; got != "Paris" {
		t.Errorf("CSV bidi isolates kept: %q", got)
	}

	// In a workbook, control characters travel as OOXML escapes (_x001B_
	// is ESC), which excelize decodes on reading.
	x := makeXLSX(t, "", [][]any{{"Raison sociale"}, {"_x001B_[31mEvil_x001B_[0m \u202eCorp_x0007_"}})
	tb = readTable(t, x, "x.xlsx")
	if got := tb.Rows[0][0]; got != "Evil Corp" {
		t.Errorf("xlsx cell = %q", got)
	}
}

func TestReadXLSX(t *testing.T) {
	data := makeXLSX(t, "Export clients", [][]any{
		{"Raison sociale", "SIREN", "Code postal", "Ville"},
		{"Boulangerie Lefèvre", 552008443, 1000, "Bourg-en-Bresse"},
		{},
		{"Café Le Zinc", "732 829 320", "75001", "Paris"},
	})
	tb := readTable(t, data, "whatever.bin") // content decides, not the name
	if len(tb.Rows) != 2 {
		t.Fatalf("rows = %q", tb.Rows)
	}
	if !equalRows(tb.Rows[0], []string{"Boulangerie Lefèvre", "552008443", "1000", "Bourg-en-Bresse"}) {
		t.Errorf("row 1 = %q", tb.Rows[0])
	}
	if tb.RowNumbers[0] != 2 || tb.RowNumbers[1] != 4 {
		t.Errorf("row numbers = %v, want [2 4]", tb.RowNumbers)
	}

	tb, err := ReadTableWith(bytes.NewReader(data), "x.xlsx", TableOptions{Sheet: "export CLIENTS"})
	if err != nil || len(tb.Rows) != 2 {
		t.Errorf("named sheet: %v", err)
	}
	_, err = ReadTableWith(bytes.NewReader(data), "x.xlsx", TableOptions{Sheet: "Feuil2"})
	var fe *Error
	if !errors.As(err, &fe) || fe.Code != CodeSheetNotFound || !strings.Contains(err.Error(), "« Export clients »") {
		t.Errorf("missing sheet: %v", err)
	}
}

func TestReadTableRefusals(t *testing.T) {
	code := func(err error) ErrorCode {
		var fe *Error
		if errors.As(err, &fe) {
			return fe.Code
		}
		return ""
	}
	big := []byte("Nom\n" + strings.Repeat("A\n", 100))
	_, err := ReadTableWith(bytes.NewReader(big), "x.csv", TableOptions{MaxBytes: 50})
	if code(err) != CodeTooLarge || !strings.Contains(err.Error(), "taille maximale") {
		t.Errorf("max bytes: %v", err)
	}
	_, err = ReadTableWith(bytes.NewReader(big), "x.csv", TableOptions{MaxRows: 10})
	if code(err) != CodeTooManyRows || !strings.Contains(err.Error(), "plus de 10 lignes") {
		t.Errorf("max rows: %v", err)
	}
	x := makeXLSX(t, "", [][]any{{"Nom"}, {"A"}, {"B"}, {"C"}})
	_, err = ReadTableWith(bytes.NewReader(x), "x.xlsx", TableOptions{MaxRows: 2})
	if code(err) != CodeTooManyRows {
		t.Errorf("xlsx max rows: %v", err)
	}
	_, err = ReadTable(bytes.NewReader([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest")), "old.xls")
	if code(err) != CodeUnsupported || !strings.Contains(err.Error(), ".xls") {
		t.Errorf("xls: %v", err)
	}
	_, err = ReadTable(bytes.NewReader([]byte("Nom;Ville\n")), "fake.xlsx")
	if code(err) != CodeUnreadable {
		t.Errorf("text named .xlsx: %v", err)
	}
	_, err = ReadTable(bytes.NewReader([]byte("PK\x03\x04garbage")), "x.xlsx")
	if code(err) != CodeUnreadable {
		t.Errorf("broken zip: %v", err)
	}
	_, err = ReadTable(bytes.NewReader([]byte("\ufeff\r\n;;\r\n")), "x.csv")
	if code(err) != CodeEmpty {
		t.Errorf("empty: %v", err)
	}
}

// One Windows-1252 line in a UTF-8 file is decoded alone; the UTF-8 lines
// keep their accents (the whole file once became "SociÃ©tÃ©").
func TestReadCSVMixedEncodingsPerLine(t *testing.T) {
	data := []byte(lines("Raison sociale;Ville", "Société Générale;Orléans"))
	data = append(data, win1252(t, lines("Boulangerie Lefèvre;Besançon"))...)
	data = append(data, lines("Café de l'Église;Nîmes")...)
	for _, bom := range []string{"", "\ufeff"} {
		tb := readTable(t, append([]byte(bom), data...), "clients.csv")
		want := [][]string{{"Société Générale", "Orléans"}, {"Boulangerie Lefèvre", "Besançon"}, {"Café de l'Église", "Nîmes"}}
		for i, w := range want {
			if !equalRows(tb.Rows[i], w) {
				t.Errorf("bom %q row %d = %q, want %q", bom, i, tb.Rows[i], w)
			}
		}
	}
	// A file all in Windows-1252 is still read as such.
	tb := readTable(t, win1252(t, lines("Raison sociale", "Société Générale")), "clients.csv")
	if tb.Rows[0][0] != "Société Générale" {
		t.Errorf("Windows-1252 file: %q", tb.Rows[0][0])
	}
}

// A line mixing both encodings is refused, naming the line and quoting
// nothing of it.
func TestReadCSVMixedEncodingsInOneLine(t *testing.T) {
	data := []byte(lines("Raison sociale;Ville", "Société;Lyon"))
	data = append(data, []byte("Société Lef")...)
	data = append(data, win1252(t, "èvre;Besançon\r\n")...)
	_, err := ReadTable(bytes.NewReader(data), "clients.csv")
	var fe *Error
	if !errors.As(err, &fe) || fe.Code != CodeUnreadable || !strings.Contains(err.Error(), "ligne 3 : encodages mélangés") {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "Lef") || strings.Contains(fe.English(), "Lef") {
		t.Errorf("the message quotes the file: %v", err)
	}
}
