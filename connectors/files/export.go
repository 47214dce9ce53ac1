package files

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
)

// Client is a client as the files know it: the connectors record plus the
// import-template columns that connectors.Client does not carry, so that
// converting an export to an import loses nothing the user had.
type Client struct {
	connectors.Client
	ExternalReference string // "External reference"; the writer falls back to Client.ID
	IBAN              string // normalised, validated
	BIC               string // normalised, validated; read but not in the V2 template
	Number            string // street number
	POBox             string
	// Row is the 1-based row in the source file, 0 when the client did not
	// come from a file. Messages about the client point there.
	Row int
	// NameSplit says the contact's first and last names were cut from one
	// full-name cell (see splitContactName), for the conversion summary.
	NameSplit bool
}

// FromRecords wraps connectors records (from a V1 port, say) for the writer.
func FromRecords(records []connectors.Client) []Client {
	out := make([]Client, len(records))
	for i, r := range records {
		out[i] = Client{Client: r}
	}
	return out
}

// Records returns the connectors records of clients (for the V2 port).
func Records(clients []Client) []connectors.Client {
	out := make([]connectors.Client, len(clients))
	for i, c := range clients {
		out[i] = c.Client
	}
	return out
}

// ReadOptions tunes ReadClientsExport. Zero values mean the defaults.
type ReadOptions struct {
	// Mapping forces columns to fields: column name as in the file (or
	// folded: case, accents and punctuation do not matter) → Field id
	// ("siren", "legal_name"…, or "ignore"). It wins over synonyms.
	Mapping  map[string]string
	MaxRows  int
	MaxBytes int64
	Sheet    string // .xlsx worksheet; the first one when empty
}

// ClientsExport is what a V1 clients export holds.
type ClientsExport struct {
	// Clients are the rows without errors, in file order.
	Clients []Client
	// Errors lists every problem found, by row and column, in file order.
	// A row with at least one error is left out of Clients.
	Errors []connectors.RowError
	// Columns says which column of the file was used for each field.
	Columns map[Field]string
	// Unmapped lists the columns nothing was read from (unknown headers,
	// or a second column for a field already taken).
	Unmapped []string
	// Read is the number of data rows in the file (blank rows excluded).
	Read int
}

// Dossiers are the clients V1 migrates itself, the firm's dossiers: every
// client read but the inactive ones (draft, created, updated). A row whose
// status V1 does not have is in Errors, so it is in neither Dossiers nor
// Inactive: the one rule for the first run and the inactive-clients step.
func (e ClientsExport) Dossiers() []Client {
	out := make([]Client, 0, len(e.Clients))
	for _, c := range e.Clients {
		if !c.Status.Inactive() {
			out = append(out, c)
		}
	}
	return out
}

// Inactive counts the clients V1 does not migrate (draft, created,
// updated): the ones the inactive-clients step exports to V2's import.
func (e ClientsExport) Inactive() int {
	return len(e.Clients) - len(e.Dossiers())
}

// ReadClientsExport reads a V1 clients export (CSV or .xlsx). Row problems
// do not stop the reading: they are collected in Errors and the good rows
// are kept. A returned error is about the whole file (unreadable, too large,
// no column for the legal name, bad mapping); when the columns could be
// resolved, Columns and Unmapped are filled even then, so the caller can
// show what was recognised.
func ReadClientsExport(r io.Reader, name string, opts ReadOptions) (ClientsExport, error) {
	var out ClientsExport
	t, err := ReadTableWith(r, name, TableOptions{Sheet: opts.Sheet, MaxBytes: opts.MaxBytes, MaxRows: opts.MaxRows})
	if err != nil {
		return out, err
	}
	cm, err := mapColumns(t.Header, opts.Mapping)
	if err != nil || cm.col(FieldLegalName) < 0 {
		if t2, cm2 := findHeaderBelow(t, opts.Mapping); t2 != nil {
			t, cm, err = t2, cm2, nil
		}
	}
	if err != nil {
		return out, err
	}
	out.Columns, out.Unmapped, out.Read = cm.names, cm.unmapped, len(t.Rows)
	if cm.col(FieldLegalName) < 0 {
		// The first line is not quoted: the file may be anything (a
		// password file chosen by mistake). Only the columns recognised as
		// client fields are named, they are known words.
		known := make([]string, 0, len(cm.names))
		for _, h := range t.Header {
			for _, n := range cm.names {
				if h == n {
					known = append(known, h)
					break
				}
			}
		}
		return out, newError(CodeMissingColumn,
			fmt.Sprintf("aucune colonne de raison sociale reconnue dans la première ligne (%s ; attendu : « Raison sociale », « Nom du client », « Legal name »…) ; colonnes reconnues : %s ; indiquez-la avec une correspondance COLONNE=legal_name", columnsFR(nonEmpty(t.Header)), quoteList(known)),
			fmt.Sprintf("no legal-name column recognised in the first line (%s); map one with COLUMN=legal_name", columnsEN(nonEmpty(t.Header))), nil)
	}
	if len(t.Rows) == 0 {
		return out, newError(CodeEmpty,
			"le fichier ne contient aucune ligne de client sous l'en-tête",
			"the file holds no client row under its header", nil)
	}
	p := newRowParser(cm, len(t.Rows))
	out.Clients = make([]Client, 0, len(t.Rows))
	for i := range t.Rows {
		c, ok := p.parse(t, i, &out.Errors)
		if ok {
			out.Clients = append(out.Clients, c)
		}
	}
	return out, nil
}

// headerSearchRows is how far down findHeaderBelow looks.
const headerSearchRows = 5

// findHeaderBelow handles exports that start with a title or a date line
// ("Export des clients du 12/03/2026") above the real header: it returns
// the table re-cut at the first of the next few rows where a legal-name
// column is recognised, or nil.
func findHeaderBelow(t *Table, mapping map[string]string) (*Table, *columnMap) {
	for i := 0; i < len(t.Rows) && i < headerSearchRows; i++ {
		cm, err := mapColumns(t.Rows[i], mapping)
		// Two recognised columns, so that a data cell that happens to
		// read "Client" or "Nom" is not taken for a header.
		if err != nil || cm.col(FieldLegalName) < 0 || len(cm.index) < 2 {
			continue
		}
		return &Table{Header: t.Rows[i], Rows: t.Rows[i+1:], RowNumbers: t.RowNumbers[i+1:]}, cm
	}
	return nil, nil
}

// fixSIREN repairs and checks a company number. For a French company it
// undoes spreadsheet damage (number formatting, a lost leading zero), takes
// the SIREN out of a SIRET, then validates. Other countries' numbers are
// only stripped of separators: their formats are not ours to judge.
func fixSIREN(raw string, french bool) (string, error) {
	n := ident.NormalizeSIREN(undoNumber(raw))
	if !french {
		return n, nil
	}
	switch {
	case len(n) == 8 && allDigits(n):
		// Excel shows SIRENs as numbers and drops a leading zero; the Luhn
		// key is blind to leading zeros, so padding restores the number.
		n = "0" + n
	case len(n) == 13 && allDigits(n):
		n = "0" + n // a SIRET that lost its leading zero
		fallthrough
	case len(n) == 14 && allDigits(n):
		// A SIRET: its first nine digits are the SIREN.
		if err := ident.ValidateSIRET(n); err != nil {
			// Say it is the SIRET that is wrong: the column says SIREN.
			m := identMessage(err)
			return n, textError{text{"SIRET invalide : " + m.fr, "invalid SIRET: " + m.en}}
		}
		n = n[:9]
	}
	return n, ident.ValidateSIREN(n)
}

// fixPostalCode restores a French postal code that a spreadsheet stored as
// a number ("1000" for 01000, "75001.0"), and removes inner spaces
// ("75 001"). Foreign codes are kept as typed.
func fixPostalCode(raw string, french bool) string {
	if !french || raw == "" {
		return raw
	}
	pc := undoNumber(raw)
	if !allDigits(pc) {
		if compact := strings.Join(strings.Fields(pc), ""); allDigits(compact) {
			pc = compact
		}
	}
	if len(pc) == 4 && allDigits(pc) {
		pc = "0" + pc
	}
	return pc
}

// identMessage returns an identifier error's French message without its
// "SIREN : " prefix: the row error already names the column.
func identMessage(err error) text {
	var ie *ident.Error
	if !errors.As(err, &ie) {
		var te textError
		if errors.As(err, &te) {
			return te.text
		}
		return text{err.Error(), ""}
	}
	// The column names the identifier: drop the "IBAN : " in front.
	fr, en := ie.Error(), ie.English()
	if _, rest, ok := strings.Cut(fr, " : "); ok {
		fr = rest
	}
	if _, rest, ok := strings.Cut(en, ": "); ok {
		en = rest
	}
	return text{fr, en}
}

// text is a message in French and English.
type text struct{ fr, en string }

// textError is an error made of a text: Error is the French.
type textError struct{ text }

func (e textError) Error() string { return e.fr }

var msgNoLegalName = text{"raison sociale manquante", "company name missing"}

// FormatRowError writes a row error the way the user reads it:
// "ligne 14, colonne « SIREN » : clé de contrôle invalide".
func FormatRowError(e connectors.RowError) string {
	return formatRowError(e, false)
}

// FormatRowErrorEnglish is FormatRowError in English ("row 14, column
// “SIREN”: invalid check digit"); a message that has no English version is
// given as it came.
func FormatRowErrorEnglish(e connectors.RowError) string {
	return formatRowError(e, true)
}

func formatRowError(e connectors.RowError, english bool) string {
	row, col, sep, msg := "ligne %d", "colonne « %s »", " : ", e.Message
	if english {
		row, col, sep = "row %d", "column “%s”", ": "
		if e.MessageEN != "" {
			msg = e.MessageEN
		}
	}
	var b strings.Builder
	if e.Row > 0 {
		fmt.Fprintf(&b, row, e.Row)
	}
	if e.Column != "" {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, col, e.Column)
	}
	if b.Len() > 0 {
		b.WriteString(sep)
	}
	b.WriteString(msg)
	return b.String()
}

// RejectedRows counts the distinct rows that errs are about.
func RejectedRows(errs []connectors.RowError) int {
	seen := make(map[int]struct{}, len(errs))
	for _, e := range errs {
		seen[e.Row] = struct{}{}
	}
	return len(seen)
}

func nonEmpty(ss []string) int {
	n := 0
	for _, s := range ss {
		if s != "" {
			n++
		}
	}
	return n
}

func quoteList(ss []string) string {
	q := make([]string, 0, len(ss))
	for _, s := range ss {
		if s != "" {
			q = append(q, "« "+s+" »")
		}
	}
	if len(q) == 0 {
		return "(aucune)"
	}
	return strings.Join(q, ", ")
}

// columnsFR and columnsEN count a line's columns, agreed: "1 colonne", "4 colonnes".
func columnsFR(n int) string {
	if n <= 1 {
		return fmt.Sprintf("%d colonne", n)
	}
	return fmt.Sprintf("%d colonnes", n)
}

func columnsEN(n int) string {
	if n == 1 {
		return "1 column"
	}
	return fmt.Sprintf("%d columns", n)
}
