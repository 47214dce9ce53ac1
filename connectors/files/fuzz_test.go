package files

import (
	"archive/zip"
	"bytes"
	"testing"
	"unicode/utf8"
)

// checkClean fails when s could disturb a terminal or a report: invalid
// UTF-8, C0/C1 controls, DEL, or bidi formatting characters.
func checkClean(t *testing.T, where, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("%s: invalid UTF-8 %q", where, s)
	}
	for _, r := range s {
		if r < 0x20 || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) ||
			(r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c {
			t.Fatalf("%s: forbidden rune %U in %q", where, r, s)
		}
	}
}

func checkTable(t *testing.T, tb *Table) {
	t.Helper()
	for _, h := range tb.Header {
		checkClean(t, "header", h)
	}
	if len(tb.Rows) != len(tb.RowNumbers) {
		t.Fatalf("%d rows, %d row numbers", len(tb.Rows), len(tb.RowNumbers))
	}
	for _, r := range tb.Rows {
		for _, c := range r {
			checkClean(t, "cell", c)
		}
	}
}

func checkExport(t *testing.T, exp ClientsExport) {
	t.Helper()
	for _, c := range exp.Clients {
		for _, s := range []string{c.ID, c.LegalName, c.SIREN, c.VAT, string(c.Status), c.ContactEmail,
			c.ContactFirstName, c.ContactLastName, c.Language, c.Street, c.PostalCode, c.City, c.Country,
			c.ExternalReference, c.IBAN, c.BIC, c.Number, c.POBox} {
			checkClean(t, "client field", s)
		}
	}
	for _, e := range exp.Errors {
		checkClean(t, "error column", e.Column)
		checkClean(t, "error message", e.Message)
	}
	for _, u := range exp.Unmapped {
		checkClean(t, "unmapped", u)
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte(lines("Raison sociale;SIREN;E-mail", "Lefèvre;552008443;a@b.fr")))
	f.Add(win1252(f, lines("sep=;", "Raison sociale;Ville", "Cœur;Besançon €")))
	f.Add([]byte("\ufeffNom,Ville\n\"a,\nb\",c\n"))
	f.Add([]byte("Nom\tSIREN\n\x1b[31mX\x1b]0;t\x07\t\u202e12345674\n"))
	f.Add([]byte("\xff\xfeN\x00o\x00m\x00\n\x00"))
	f.Add([]byte("Raison sociale;Pays;IBAN;CP\n\"x\"\"y;z\x85\x9b;FR76 3000;1000,0\n"))
	f.Add([]byte("Raison sociale;Ville\nSociété;Lyon\nLef\xe8vre;Besan\xe7on\nSoci\xc3\xa9t\xe9;X\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := TableOptions{MaxBytes: 1 << 20, MaxRows: 1000}
		if tb, err := ReadTableWith(bytes.NewReader(data), "f.csv", opts); err == nil {
			checkTable(t, tb)
		}
		exp, _ := ReadClientsExport(bytes.NewReader(data), "f.csv", ReadOptions{MaxBytes: 1 << 20, MaxRows: 1000})
		checkExport(t, exp)
	})
}

func FuzzReadXLSX(f *testing.F) {
	f.Add(makeXLSX(f, "", [][]any{{"Raison sociale", "SIREN"}, {"Lefèvre", 552008443}}))
	f.Add(makeXLSX(f, "Clients", [][]any{{"Nom", "CP"}, {"_x001B_[2J\u202eX", 1000}, {}, {"Y", "5.52008443E8"}}))
	f.Add([]byte("PK\x03\x04"))
	good := makeXLSX(f, "Feuil1", [][]any{{"Raison sociale"}, {"A"}, {"B"}})
	sheet := zipPart(f, good, "xl/worksheets/sheet1.xml")
	f.Add(rewriteZip(f, good, "xl/worksheets/sheet1.xml", func(zw *zip.Writer) {
		w, _ := zw.Create("xl/worksheets/sheet1.xml")
		w.Write(sheet[:len(sheet)*2/3])
	}))
	f.Add(zipBomb(f, 4<<10))
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := TableOptions{MaxBytes: 1 << 20, MaxRows: 1000, MaxUnzippedBytes: 16 << 20}
		if tb, err := ReadTableWith(bytes.NewReader(data), "f.xlsx", opts); err == nil {
			checkTable(t, tb)
		}
	})
}
