package files

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/bascule-cli/bascule/checklist/atomicfile"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
)

// Format is the kind of import file written.
type Format int

// Import file formats. The .xlsx is the template V2 documents; the CSV is
// for users who prefer it and is written the way French Excel reads it.
const (
	FormatXLSX Format = iota + 1
	FormatCSV
)

func (f Format) String() string {
	switch f {
	case FormatXLSX:
		return "xlsx"
	case FormatCSV:
		return "csv"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// Ext returns the file extension, dot included.
func (f Format) Ext() string { return "." + f.String() }

// FormatFromName picks the format from a file name's extension.
func FormatFromName(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return FormatXLSX, nil
	case ".csv":
		return FormatCSV, nil
	}
	return 0, newError(CodeUnsupported,
		"« "+filepath.Base(path)+" » : extension non prise en charge, utilisez .xlsx ou .csv",
		filepath.Base(path)+": unsupported extension, use .xlsx or .csv", nil)
}

// ImportMaxRows is the number of clients Banqup accepts per import file.
const ImportMaxRows = 500

// Template column names, in the order they are written (see the package
// documentation for which are required).
const (
	ColLegalName         = "Legal name"
	ColCountry           = "Country"
	ColContactEmail      = "Contact email"
	ColContactFirstName  = "Contact first name"
	ColContactLastName   = "Contact last name"
	ColContactLanguage   = "Contact language"
	ColCompanyNumber     = "Company number"
	ColVAT               = "VAT"
	ColExternalReference = "External reference"
	ColIBAN              = "IBAN"
	ColStreet            = "Street"
	ColNumber            = "Number"
	ColPOBox             = "P.O. Box"
	ColPostalCode        = "Postal code"
	ColCity              = "Municipality/city"
)

// TemplateColumns returns the import template's header row.
func TemplateColumns() []string {
	return []string{
		ColLegalName, ColCountry, ColContactEmail, ColContactFirstName,
		ColContactLastName, ColContactLanguage, ColCompanyNumber, ColVAT,
		ColExternalReference, ColIBAN, ColStreet, ColNumber, ColPOBox,
		ColPostalCode, ColCity,
	}
}

// templateRow returns a validated client's cells in template order, with
// identifiers in their normalised form.
func templateRow(c Client) []string {
	lang := c.Language
	if lang == "" {
		lang = DefaultLanguage
	}
	ref := c.ExternalReference
	if ref == "" {
		ref = c.ID
	}
	company := c.SIREN
	if company != "" {
		company = ident.NormalizeSIREN(company)
	}
	return []string{
		c.LegalName, c.Country, ident.NormalizeEmail(c.ContactEmail), c.ContactFirstName,
		c.ContactLastName, lang, company, ident.NormalizeVAT(c.VAT),
		ref, ident.NormalizeIBAN(c.IBAN), c.Street, c.Number, c.POBox,
		c.PostalCode, c.City,
	}
}

// RejectedError lists the clients left out of an import file because V2
// would refuse them. The file was still written with the others.
type RejectedError struct {
	Rows []connectors.RowError
}

func (e *RejectedError) Error() string {
	n := RejectedRows(e.Rows)
	msg := fmt.Sprintf("%d clients écartés du fichier d'import", n)
	if n <= 1 {
		msg = fmt.Sprintf("%d client écarté du fichier d'import", n)
	}
	if len(e.Rows) > 0 {
		msg += " ; premier motif : " + FormatRowError(e.Rows[0])
	}
	return msg
}

// English returns the message in English.
func (e *RejectedError) English() string {
	n := RejectedRows(e.Rows)
	msg := fmt.Sprintf("%d clients left out of the import file", n)
	if n == 1 {
		msg = "1 client left out of the import file"
	}
	if len(e.Rows) > 0 {
		msg += "; first reason: " + FormatRowErrorEnglish(e.Rows[0])
	}
	return msg
}

// ValidateForImport splits clients into those V2 will accept and the
// problems of the others: required columns present, identifiers valid. The
// good clients come back in the form written: country as an ISO code,
// language as a locale ("fr", "Français" → "fr-FR"), a blank country meaning
// France as on reading. A row error's Row is the client's source row when it
// has one, else its 1-based position in clients; its Column is the template
// column.
func ValidateForImport(clients []Client) (good []Client, rejected []connectors.RowError) {
	languages, countries := languageLocales(), countryCodes()
	good = make([]Client, 0, len(clients))
	for i, c := range clients {
		row := c.Row
		if row == 0 {
			row = i + 1
		}
		n := len(rejected)
		fail := func(col string, m text) {
			rejected = append(rejected, connectors.RowError{Row: row, Column: col, Message: m.fr, MessageEN: m.en})
		}
		if strings.TrimSpace(c.LegalName) == "" {
			fail(ColLegalName, msgNoLegalName)
		}
		if cc, ok := normCountry(c.Country, countries); ok {
			c.Country = cc
		} else {
			fail(ColCountry, text{"pays « " + c.Country + " » non reconnu : code ISO à deux lettres attendu (FR, BE…)",
				"country “" + c.Country + "” not recognised: a two-letter ISO code is expected (FR, BE…)"})
		}
		french := c.Country == "FR"
		if c.ContactEmail == "" {
			fail(ColContactEmail, text{"e-mail du contact manquant (obligatoire pour l'import)", "contact e-mail missing (required by the import)"})
		} else if err := ident.ValidateEmail(c.ContactEmail); err != nil {
			fail(ColContactEmail, identMessage(err))
		}
		if strings.TrimSpace(c.ContactFirstName) == "" {
			fail(ColContactFirstName, text{"prénom du contact manquant (obligatoire pour l'import)", "contact first name missing (required by the import)"})
		}
		if strings.TrimSpace(c.ContactLastName) == "" {
			fail(ColContactLastName, text{"nom du contact manquant (obligatoire pour l'import)", "contact last name missing (required by the import)"})
		}
		if l, ok := normLanguage(c.Language, languages); ok {
			c.Language = l
		} else {
			fail(ColContactLanguage, text{"langue « " + c.Language + " » non reconnue : une locale telle que fr-FR est attendue",
				"language “" + c.Language + "” not recognised: a locale such as fr-FR is expected"})
		}
		if c.SIREN != "" && french {
			if err := ident.ValidateSIREN(c.SIREN); err != nil {
				fail(ColCompanyNumber, identMessage(err))
			}
		}
		if c.VAT != "" && (french || strings.HasPrefix(ident.NormalizeVAT(c.VAT), "FR")) {
			if err := ident.ValidateVAT(c.VAT); err != nil {
				fail(ColVAT, identMessage(err))
			}
		}
		if c.IBAN != "" {
			if err := ident.ValidateIBAN(c.IBAN); err != nil {
				fail(ColIBAN, identMessage(err))
			}
		}
		if len(rejected) == n {
			good = append(good, c)
		}
	}
	return good, rejected
}

// WriteClientsImport writes one import file holding the clients V2 will
// accept. Clients that fail validation are left out and listed in a
// *RejectedError; the file is complete for the others all the same. It does
// not split: see SplitClients and WriteFiles for lists over ImportMaxRows.
func WriteClientsImport(w io.Writer, format Format, clients []Client) error {
	good, rejected := ValidateForImport(clients)
	var err error
	switch format {
	case FormatXLSX:
		err = writeXLSX(w, good)
	case FormatCSV:
		err = writeCSV(w, good)
	default:
		err = newError(CodeUnsupported, "format d'import inconnu : "+format.String(), "unknown import format "+format.String(), nil)
	}
	if err != nil {
		return err
	}
	if len(rejected) > 0 {
		return &RejectedError{Rows: rejected}
	}
	return nil
}

// writeCSV writes UTF-8 with BOM, `;` and CRLF: without the BOM French Excel
// reads UTF-8 as Windows-1252 and garbles every accent.
func writeCSV(w io.Writer, clients []Client) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(TemplateColumns()); err != nil {
		return err
	}
	for _, c := range clients {
		row := templateRow(c)
		for i, v := range row {
			// Every column: a valid e-mail may start with "=" (RFC 5322
			// allows it), and a check elsewhere must not be what keeps a
			// formula out of the file.
			row[i] = defuseFormula(v)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// defuseFormula stops a spreadsheet from running a cell as a formula when
// the CSV is opened (a V1 legal name "=HYPERLINK(…)" or an e-mail
// "=cmd|'/Ccalc'!A0@x.fr" would otherwise be live): the OWASP advice is a
// leading apostrophe before "=", "+", "-", "@", TAB and CR.
func defuseFormula(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// xlsxSheet is the name of the import workbook's only sheet.
const xlsxSheet = "Clients"

// writeXLSX writes the template with every cell typed as text and the
// columns formatted as text ("@"), so that Excel keeps SIRENs and postal
// codes as typed, even in cells the user edits later. Text cells are never
// evaluated, so no formula can hide in them.
func writeXLSX(w io.Writer, clients []Client) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	if err := f.SetSheetName(f.GetSheetName(0), xlsxSheet); err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	cols := TemplateColumns()
	last, err := excelize.ColumnNumberToName(len(cols))
	if err != nil {
		return err
	}
	if err := f.SetColStyle(xlsxSheet, "A:"+last, text); err != nil {
		return err
	}
	if err := f.SetColWidth(xlsxSheet, "A", last, 22); err != nil {
		return err
	}
	if err := setRow(f, 1, cols); err != nil {
		return err
	}
	if err := f.SetCellStyle(xlsxSheet, "A1", last+"1", head); err != nil {
		return err
	}
	for i, c := range clients {
		if err := setRow(f, i+2, templateRow(c)); err != nil {
			return err
		}
	}
	return f.Write(w)
}

func setRow(f *excelize.File, row int, cells []string) error {
	for i, v := range cells {
		if v == "" {
			continue
		}
		ref, err := excelize.CoordinatesToCellName(i+1, row)
		if err != nil {
			return err
		}
		if err := f.SetCellStr(xlsxSheet, ref, v); err != nil {
			return err
		}
	}
	return nil
}

// SplitClients cuts clients into files of at most maxRows (ImportMaxRows
// when maxRows <= 0). The chunks share clients' backing array.
func SplitClients(clients []Client, maxRows int) [][]Client {
	if maxRows <= 0 {
		maxRows = ImportMaxRows
	}
	var out [][]Client
	for len(clients) > maxRows {
		out = append(out, clients[:maxRows:maxRows])
		clients = clients[maxRows:]
	}
	if len(clients) > 0 {
		out = append(out, clients)
	}
	return out
}

// ImportFileName names the n-th (1-based) import file:
// clients-import-001.xlsx, clients-import-002.xlsx…
func ImportFileName(n int, format Format) string {
	return fmt.Sprintf("clients-import-%03d%s", n, format.Ext())
}

// WriteFiles writes the clients V2 will accept into one or several import
// files of at most maxRows clients (ImportMaxRows when maxRows <= 0), each
// readable by the owner only (0600: they hold names, e-mails and IBANs), and
// returns their paths.
//
// If outPath is an existing directory (or ends with a path separator) the
// files are named with ImportFileName inside it. Otherwise outPath is the
// file name, numbered "-001", "-002"… before the extension when several
// files are needed. format 0 means: from outPath's extension, .xlsx for a
// directory. Files are written to a temporary name then renamed, so an
// interrupted run never leaves a half-written import behind.
//
// Rejected clients are reported in a *RejectedError alongside the paths.
func WriteFiles(outPath string, format Format, clients []Client, maxRows int) ([]string, error) {
	dir, isDir := "", strings.HasSuffix(outPath, string(os.PathSeparator)) || strings.HasSuffix(outPath, "/")
	if st, err := os.Stat(outPath); err == nil && st.IsDir() {
		isDir = true
	}
	if format == 0 {
		if isDir {
			format = FormatXLSX
		} else {
			f, err := FormatFromName(outPath)
			if err != nil {
				return nil, err
			}
			format = f
		}
	}
	if isDir {
		dir = outPath
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, ioError(CodeWriteFailed, "impossible de créer le dossier", "cannot create the folder", dir, err)
		}
	}

	good, rejected := ValidateForImport(clients)
	var rejErr error
	if len(rejected) > 0 {
		rejErr = &RejectedError{Rows: rejected}
	}
	chunks := SplitClients(good, maxRows)
	if len(chunks) == 0 {
		if rejErr != nil {
			return nil, rejErr
		}
		return nil, newError(CodeEmpty, "aucun client à écrire", "no client to write", nil)
	}
	paths := make([]string, len(chunks))
	for i := range chunks {
		switch {
		case isDir:
			paths[i] = filepath.Join(dir, ImportFileName(i+1, format))
		case len(chunks) == 1:
			paths[i] = outPath
		default:
			ext := filepath.Ext(outPath)
			paths[i] = fmt.Sprintf("%s-%03d%s", strings.TrimSuffix(outPath, ext), i+1, ext)
		}
	}
	for i, chunk := range chunks {
		if err := atomicfile.Write(paths[i], func(w io.Writer) error {
			// chunk is already validated: write it as is.
			if format == FormatCSV {
				return writeCSV(w, chunk)
			}
			return writeXLSX(w, chunk)
		}); err != nil {
			return paths[:i], ioError(CodeWriteFailed, "impossible d'écrire", "cannot write", paths[i], err)
		}
	}
	return paths, rejErr
}
