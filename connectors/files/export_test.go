package files

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/connectors"
)

func readExport(t *testing.T, data []byte, name string, opts ReadOptions) ClientsExport {
	t.Helper()
	exp, err := ReadClientsExport(bytes.NewReader(data), name, opts)
	if err != nil {
		t.Fatalf("ReadClientsExport: %v", err)
	}
	return exp
}

func formatted(errs []connectors.RowError) []string {
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = FormatRowError(e)
	}
	return out
}

func TestReadClientsExportFrenchExcel(t *testing.T) {
	// What V1's Export button gives once French Excel has saved it again:
	// Windows-1252, `;`, SIRENs and postal codes that lost a leading zero.
	data := win1252(t, lines(
		"Raison sociale;N° SIREN;TVA intracommunautaire;Statut;Prénom;Nom;E-mail;Adresse;Code postal;Ville;Pays;IBAN",
		"Boulangerie Lefèvre & Fils;552 008 443;"+vatA+";Brouillon;Jean;Lefèvre;jean@lefevre.fr;1 place de l'Église;1000;Bourg-en-Bresse;France;"+ibanA,
		"Cœur d'Artichaut;12345674;;créé;Élodie;Garçon;ELODIE@Coeur.FR;;75001;Paris;fra;",
		"Société Mal Saisie;"+sirenBad+";;mis a jour;;;pas-un-email;;;;;"+ibanBad,
		";"+sirenB+";;Actif;;;;;;;FR;",
		"Brasserie du Port;732829320;"+vatOther+";updated;;;;;;;;",
	))
	exp := readExport(t, data, "export.csv", ReadOptions{})

	if exp.Read != 5 || len(exp.Clients) != 2 {
		t.Fatalf("read %d, kept %d: %+v", exp.Read, len(exp.Clients), exp.Clients)
	}
	a, b := exp.Clients[0], exp.Clients[1]
	if a.LegalName != "Boulangerie Lefèvre & Fils" || a.SIREN != sirenA || a.VAT != vatA ||
		a.Status != connectors.StatusDraft || a.ContactFirstName != "Jean" || a.ContactLastName != "Lefèvre" ||
		a.PostalCode != "01000" || a.Country != "FR" || a.IBAN != ibanA || a.Street != "1 place de l'Église" || a.Row != 2 {
		t.Errorf("client 1 = %+v", a)
	}
	if b.SIREN != sirenZero || b.Status != connectors.StatusCreated || b.ContactEmail != "ELODIE@coeur.fr" {
		t.Errorf("client 2 = %+v", b)
	}

	want := []string{
		"ligne 4, colonne « N° SIREN » : clé de contrôle invalide",
		"ligne 4, colonne « E-mail » : ",
		"ligne 4, colonne « IBAN » : ",
		"ligne 5, colonne « Raison sociale » : raison sociale manquante",
		"ligne 6, colonne « TVA intracommunautaire » : le numéro de TVA " + vatOther + " ne correspond pas au SIREN 732829320",
	}
	got := formatted(exp.Errors)
	if len(got) != len(want) {
		t.Fatalf("errors = %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
	wantEN := []string{
		"row 4, column “N° SIREN”: invalid check digit",
		"row 4, column “E-mail”: ",
		"row 4, column “IBAN”: ",
		"row 5, column “Raison sociale”: company name missing",
		"row 6, column “TVA intracommunautaire”: VAT number " + vatOther + " does not match SIREN 732829320",
	}
	for i, e := range exp.Errors {
		if got := FormatRowErrorEnglish(e); e.MessageEN == "" || !strings.HasPrefix(got, wantEN[i]) {
			t.Errorf("error %d in English = %q, want prefix %q", i, got, wantEN[i])
		}
	}
	if exp.Columns[FieldSIREN] != "N° SIREN" || exp.Columns[FieldContactLastName] != "Nom" {
		t.Errorf("columns = %v", exp.Columns)
	}
	if len(exp.Unmapped) != 0 {
		t.Errorf("unmapped = %q", exp.Unmapped)
	}
}

func TestReadClientsExportLegacyTemplate(t *testing.T) {
	// The legacy French Banqup template, in English, comma-separated.
	data := []byte(lines(
		"Client name,Address,ZIP,City,Country,SIREN,VAT,IBAN,BIC,Language,Contact name,Contact language,Contact email,Assignee emails",
		`Café Le Zinc,"3, rue du Port",13002,Marseille,FR,732829320,,,BNPAFRPP,fr,DUPONT Marie-Claire,French,marie@zinc.fr,a@cabinet.fr`,
		`Frituur Jan,Grote Markt 1,1000,Brussel,Belgique,0123.456.789,BE0123456789,,,,Jan Peeters,nl,jan@frituur.be,`,
	))
	exp := readExport(t, data, "legacy.csv", ReadOptions{})
	if len(exp.Errors) != 0 {
		t.Fatalf("errors: %q", formatted(exp.Errors))
	}
	z, j := exp.Clients[0], exp.Clients[1]
	if z.Street != "3, rue du Port" || z.PostalCode != "13002" || z.BIC != "BNPAFRPP" ||
		z.ContactFirstName != "Marie-Claire" || z.ContactLastName != "DUPONT" || z.Language != "fr-FR" {
		t.Errorf("Zinc = %+v", z)
	}
	// A Belgian company: its number is not a SIREN and its postal code
	// has four digits on purpose.
	if j.Country != "BE" || j.SIREN != "0123456789" || j.PostalCode != "1000" || j.VAT != "BE0123456789" ||
		j.ContactFirstName != "Jan" || j.ContactLastName != "Peeters" || j.Language != "nl-BE" {
		t.Errorf("Frituur = %+v", j)
	}
	if exp.Columns[FieldLanguage] != "Contact language" {
		t.Errorf("language column = %q", exp.Columns[FieldLanguage])
	}
	if !slices.Equal(exp.Unmapped, []string{"Language", "Assignee emails"}) {
		t.Errorf("unmapped = %q", exp.Unmapped)
	}
}

func TestReadClientsExportXLSXNumbers(t *testing.T) {
	data := makeXLSX(t, "Clients", [][]any{
		{"Dénomination", "KBO/KVK/SIREN", "CP", "Commune", "Courriel", "Status"},
		{"Numérique", 552008443, 1000, "Ambérieu", emailGood, "Active"},
		{"Zéro perdu", 12345674, "01000", "Ambérieu", "", "Draft"},
		{"Scientifique", "5.52008443E8", "", "", "", ""},
		{"Décimale", "404833048.0", "", "", "", ""},
		{"Virgule", "7,3282932E+08", "", "", "", ""},
		{"SIRET", "732 829 320 00074", "", "", "", ""},
		{"SIRET faux", "73282932000079", "", "", "", ""},
	})
	exp := readExport(t, data, "export.xlsx", ReadOptions{})
	// "Scientifique" repeats sirenA, "SIRET" the SIREN of "Virgule":
	// reported as duplicates, after the number has been repaired.
	want := []string{
		"ligne 4, colonne « KBO/KVK/SIREN » : SIREN 552008443 déjà présent à la ligne 2",
		"ligne 7, colonne « KBO/KVK/SIREN » : SIREN 732829320 déjà présent à la ligne 6",
		"ligne 8, colonne « KBO/KVK/SIREN » : SIRET invalide : clé de contrôle invalide",
	}
	got := formatted(exp.Errors)
	if len(got) != len(want) {
		t.Fatalf("errors = %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
	kept := map[string]string{}
	for _, c := range exp.Clients {
		kept[c.LegalName] = c.SIREN + "|" + c.PostalCode
	}
	for k, v := range map[string]string{
		"Numérique":  sirenA + "|01000",
		"Zéro perdu": sirenZero + "|01000",
		"Décimale":   sirenB + "|",
		"Virgule":    "732829320|",
	} {
		if kept[k] != v {
			t.Errorf("%s: got %q, want %q", k, kept[k], v)
		}
	}
	if exp.Clients[0].Status != connectors.StatusActive || exp.Clients[1].Status != connectors.StatusDraft {
		t.Errorf("statuses: %q %q", exp.Clients[0].Status, exp.Clients[1].Status)
	}
}

func TestReadClientsExportMapping(t *testing.T) {
	data := []byte(lines(
		"Société;SIREN;Identifiant légal;Ref;Colonne mystère",
		"Atelier Bois;n/a;"+sirenA+";R-12;?",
	))
	// Without a mapping the junk "SIREN" column is used and fails.
	exp := readExport(t, data, "x.csv", ReadOptions{})
	if len(exp.Errors) != 1 || exp.Errors[0].Column != "SIREN" {
		t.Fatalf("errors = %q", formatted(exp.Errors))
	}
	if !slices.Equal(exp.Unmapped, []string{"Identifiant légal", "Colonne mystère"}) {
		t.Errorf("unmapped = %q", exp.Unmapped)
	}
	// The mapping wins over synonyms; folded names match too.
	exp = readExport(t, data, "x.csv", ReadOptions{Mapping: map[string]string{
		"identifiant legal": "siren",
		"SIREN":             "ignore",
		"Colonne mystère":   "external_reference",
	}})
	if len(exp.Errors) != 0 || exp.Clients[0].SIREN != sirenA || exp.Clients[0].ExternalReference != "?" {
		t.Fatalf("mapped: %q %+v", formatted(exp.Errors), exp.Clients)
	}
	if exp.Columns[FieldSIREN] != "Identifiant légal" || len(exp.Unmapped) != 1 || exp.Unmapped[0] != "Ref" {
		t.Errorf("columns %v unmapped %q", exp.Columns, exp.Unmapped)
	}

	for _, m := range []map[string]string{
		{"SIREN": "numero_magique"},
		{"Absente": "siren"},
		{"SIREN": "vat", "Ref": "vat"},
	} {
		_, err := ReadClientsExport(bytes.NewReader(data), "x.csv", ReadOptions{Mapping: m})
		var fe *Error
		if !errors.As(err, &fe) || fe.Code != CodeBadMapping {
			t.Errorf("mapping %v: %v", m, err)
		}
	}
}

func TestReadClientsExportNoLegalName(t *testing.T) {
	data := []byte(lines("Code;SIREN", "X;"+sirenA))
	exp, err := ReadClientsExport(bytes.NewReader(data), "x.csv", ReadOptions{})
	var fe *Error
	if !errors.As(err, &fe) || fe.Code != CodeMissingColumn || !strings.Contains(err.Error(), "2 colonnes") ||
		!strings.Contains(err.Error(), "reconnues : « SIREN »") || strings.Contains(err.Error(), "Code") {
		t.Fatalf("err = %v", err)
	}
	if exp.Columns[FieldSIREN] != "SIREN" || !slices.Equal(exp.Unmapped, []string{"Code"}) {
		t.Errorf("columns should still be reported: %v %q", exp.Columns, exp.Unmapped)
	}
}

func TestReadClientsExportTitleAboveHeader(t *testing.T) {
	data := makeXLSX(t, "", [][]any{
		{"Export des clients inactifs du 12/03/2026"},
		{},
		{"Nom du client", "SIREN"},
		{"Atelier Bois", sirenA},
	})
	exp := readExport(t, data, "x.xlsx", ReadOptions{})
	if exp.Read != 1 || len(exp.Clients) != 1 || exp.Clients[0].Row != 4 || exp.Columns[FieldLegalName] != "Nom du client" {
		t.Errorf("got %+v", exp)
	}
	exp = readExport(t, data, "x.xlsx", ReadOptions{Mapping: map[string]string{"SIREN": "external_reference"}})
	if len(exp.Clients) != 1 || exp.Clients[0].ExternalReference != sirenA {
		t.Errorf("with mapping: %+v", exp)
	}
}

func TestReadClientsExportRowChecks(t *testing.T) {
	data := []byte(lines(
		"Raison sociale;Pays;Langue;Contact;IBAN;BIC",
		"A;Narnia;;M. Jean Dupont;;",
		"B;;klingon;;;",
		"C;BE;en_us;Dupont, Jean;"+ibanB+";NOPE",
	))
	exp := readExport(t, data, "x.csv", ReadOptions{})
	got := formatted(exp.Errors)
	want := []string{
		"ligne 2, colonne « Pays » : pays « Narnia » non reconnu",
		"ligne 3, colonne « Langue » : langue « klingon » non reconnue",
		"ligne 4, colonne « BIC » : ",
	}
	if len(got) != len(want) {
		t.Fatalf("errors = %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
}

func TestSplitContactName(t *testing.T) {
	for _, tc := range []struct{ in, first, last string }{
		{"Jean Dupont", "Jean", "Dupont"},
		{"DUPONT Jean", "Jean", "DUPONT"},
		{"LE GALL Anne-Sophie", "Anne-Sophie", "LE GALL"},
		{"Jean-Pierre de La Fontaine", "Jean-Pierre", "de La Fontaine"},
		{"Mme Claire Martin", "Claire", "Martin"},
		{"Martin, Claire", "Claire", "Martin"},
		{"Cher", "", "Cher"},
		{"", "", ""},
		// As V1 and LibreOffice write a single "Nom du contact" column.
		{"Céline Lefèvre", "Céline", "Lefèvre"},
		{"  Céline   Lefèvre ", "Céline", "Lefèvre"},
		{"Jean-Pierre Durand", "Jean-Pierre", "Durand"},
		{"Marie Claire Dupont", "Marie", "Claire Dupont"},
		{"Charles de Gaulle", "Charles", "de Gaulle"},
		{"Anne du Bellay", "Anne", "du Bellay"},
		{"Yann Le Gall", "Yann", "Le Gall"},
		{"Piet van der Berg", "Piet", "van der Berg"},
		{"Valéry Giscard d'Estaing", "Valéry", "Giscard d'Estaing"},
		{"Le Gall Yann", "Yann", "Le Gall"},
		{"de La Fontaine Jean", "Jean", "de La Fontaine"},
		{"van Dijk Anna", "Anna", "van Dijk"},
		{"d'Ormesson Jean", "Jean", "d'Ormesson"},
		{"d’Ormesson Jean", "Jean", "d’Ormesson"},
		{"Le Gall", "", "Le Gall"},
		{"DE LA FONTAINE Jean", "Jean", "DE LA FONTAINE"},
		{"Céline LEFÈVRE", "Céline", "LEFÈVRE"},
		{"JEAN DUPONT", "JEAN", "DUPONT"},
		{"M. Jean-Pierre de La Fontaine", "Jean-Pierre", "de La Fontaine"},
		{"Dr Le Gall Yann", "Yann", "Le Gall"},
	} {
		f, l := splitContactName(tc.in)
		if f != tc.first || l != tc.last {
			t.Errorf("%q → %q / %q, want %q / %q", tc.in, f, l, tc.first, tc.last)
		}
	}
}

func TestUndoNumber(t *testing.T) {
	for in, want := range map[string]string{
		"552008443":        "552008443",
		"552008443.0":      "552008443",
		"552008443,00":     "552008443",
		"5.52008443E8":     "552008443",
		"5,52008443E+08":   "552008443",
		"1.2345674e7":      "12345674",
		"552.008.443":      "552.008.443",
		"552.5":            "552.5",
		"5.5E-3":           "5.5E-3",
		"FR19552008443":    "FR19552008443",
		"E8":               "E8",
		"1E400":            "1E400",
		"7.32829320007E13": "73282932000700",
	} {
		if got := undoNumber(in); got != want {
			t.Errorf("undoNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHeaderKey(t *testing.T) {
	for in, want := range map[string]string{
		"N° SIREN":            "nsiren",
		"E-mail du contact":   "emailducontact",
		"DÉNOMINATION":        "denomination",
		"Municipality/city":   "municipalitycity",
		"Numéro d'entreprise": "numerodentreprise",
		"Cœur":                "coeur",
	} {
		if got := headerKey(in); got != want {
			t.Errorf("headerKey(%q) = %q, want %q", in, got, want)
		}
	}
	if headerKey(withoutParens("SIREN (9 chiffres)")) != "siren" {
		t.Error("withoutParens")
	}
}
