package files

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
)

// libreOfficeRows is a V1 clients export as LibreOffice (or French Excel)
// saves it: one "Nom du contact" column holding the full name.
func libreOfficeRows() [][]string {
	return [][]string{
		{"Raison sociale", "SIREN", "Nom du contact", "E-mail du contact", "Statut", "Code postal", "Ville"},
		{"Boulangerie Lefèvre", sirenA, "Céline Lefèvre", "celine@lefevre.fr", "Brouillon", "1000", "Bourg-en-Bresse"},
		{"Atelier Bois", sirenB, "Jean-Pierre de La Fontaine", "jp@atelier-bois.fr", "Créé", "75001", "Paris"},
		{"Garage Le Gall", sirenZero, "Yann Le Gall", "yann@garage.fr", "Mis à jour", "29000", "Quimper"},
		{"Cabinet Martin", "", "M. Paul van der Berg", "paul@martin.fr", "Brouillon", "", ""},
		{"Sans Contact SARL", "", "Cher", "cher@sans.fr", "Brouillon", "", ""},
		{"Sans Mail SAS", "", "Anne Petit", "", "Brouillon", "", ""},
	}
}

func TestConvertLibreOfficeSingleContactColumn(t *testing.T) {
	rows := libreOfficeRows()
	var csvLines []string
	xrows := make([][]any, len(rows))
	for i, r := range rows {
		csvLines = append(csvLines, strings.Join(r, ";"))
		for _, c := range r {
			xrows[i] = append(xrows[i], c)
		}
	}
	for name, data := range map[string][]byte{
		"export-v1.csv":  win1252(t, lines(csvLines...)), // French Excel's plain "CSV"
		"export-v1.xlsx": makeXLSX(t, "Feuille1", xrows),
	} {
		t.Run(name, func(t *testing.T) {
			res, err := Convert(bytes.NewReader(data), name, ConvertOptions{})
			if err != nil {
				t.Fatal(err)
			}
			want := Summary{Read: 6, Written: 4, Rejected: 2, SplitNames: 4, NameColumn: "Nom du contact"}
			if res.Summary != want {
				t.Errorf("summary = %+v, want %+v", res.Summary, want)
			}
			names := map[string][2]string{}
			for _, c := range res.Clients {
				names[c.LegalName] = [2]string{c.ContactFirstName, c.ContactLastName}
			}
			for legal, n := range map[string][2]string{
				"Boulangerie Lefèvre": {"Céline", "Lefèvre"},
				"Atelier Bois":        {"Jean-Pierre", "de La Fontaine"},
				"Garage Le Gall":      {"Yann", "Le Gall"},
				"Cabinet Martin":      {"Paul", "van der Berg"},
			} {
				if names[legal] != n {
					t.Errorf("%s: contact %q, want %q", legal, names[legal], n)
				}
			}
			got := formatted(res.Errors)
			wantErrs := []string{
				"ligne 6, colonne « Nom du contact » : prénom du contact manquant",
				"ligne 7, colonne « E-mail du contact » : e-mail du contact manquant",
			}
			if len(got) != len(wantErrs) {
				t.Fatalf("errors = %q", got)
			}
			for i, w := range wantErrs {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("error %q, want prefix %q", got[i], w)
				}
			}
			for _, e := range got {
				if strings.Contains(e, "Contact first name") || strings.Contains(e, "Contact last name") {
					t.Errorf("error names a template column: %q", e)
				}
			}
		})
	}
}

// A file without any e-mail column: the row error says the file lacks
// it, naming no column.
func TestConvertMissingColumnNamed(t *testing.T) {
	data := []byte(lines("Raison sociale;Nom du contact", "A;Céline Lefèvre"))
	res, err := Convert(bytes.NewReader(data), "x.csv", ConvertOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || res.Errors[0].Column != "" ||
		!strings.Contains(res.Errors[0].Message, "le fichier n'a pas de colonne pour cette information") {
		t.Fatalf("errors = %q", formatted(res.Errors))
	}
}

// An explicit mapping keeps its meaning: a column mapped as the surname is
// not split.
func TestConvertExplicitLastNameNotSplit(t *testing.T) {
	data := []byte(lines("Raison sociale;Nom du contact;E-mail", "A;Le Gall;a@b.fr"))
	exp := readExport(t, data, "x.csv", ReadOptions{Mapping: map[string]string{"Nom du contact": "contact_last_name"}})
	if len(exp.Clients) != 1 || exp.Clients[0].ContactLastName != "Le Gall" || exp.Clients[0].NameSplit {
		t.Fatalf("%+v", exp.Clients)
	}
}

func FuzzSplitContactName(f *testing.F) {
	for _, s := range []string{"Céline Lefèvre", "Le Gall Yann", "d'Ormesson", "DUPONT, Jean", "de de de", "M.", " ", "l' x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		first, last := splitContactName(s)
		// Nothing is invented or lost: every word of the input (civility
		// and commas aside) is in one of the two parts.
		got := strings.Fields(strings.ReplaceAll(first+" "+last, ",", " "))
		for _, w := range got {
			if !strings.Contains(s, w) {
				t.Fatalf("%q → %q / %q: %q invented", s, first, last, w)
			}
		}
		if strings.TrimSpace(s) != "" && first == "" && last == "" && !isCivility(strings.TrimSpace(s)) &&
			strings.TrimFunc(s, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) != "" {
			t.Fatalf("%q lost entirely", s)
		}
	})
}
