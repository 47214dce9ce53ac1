package files

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Table is a spreadsheet-shaped file: a header row and data rows, every cell
// already sanitised and trimmed.
type Table struct {
	Header []string
	Rows   [][]string
	// RowNumbers[i] is the 1-based line (CSV) or row (xlsx) in the source
	// file where Rows[i] starts, so that messages point where the user looks.
	RowNumbers []int
}

// Cell returns the cell of data row i in column col, or "" when the row is
// shorter than the header (CSV lines often are).
func (t *Table) Cell(i, col int) string {
	if i < 0 || i >= len(t.Rows) || col < 0 || col >= len(t.Rows[i]) {
		return ""
	}
	return t.Rows[i][col]
}

// Limits applied when no option says otherwise. A 12,000-client cabinet
// exports a few megabytes; these leave a wide margin while keeping a wrong
// file (a database dump, a zip bomb) from exhausting memory.
const (
	DefaultMaxBytes = 64 << 20
	DefaultMaxRows  = 200_000
	// DefaultMaxUnzippedBytes bounds what an .xlsx may expand to: the same
	// as a CSV, since the XML is the same data, only more verbose.
	DefaultMaxUnzippedBytes = 64 << 20
	// MaxCellChars is Excel's own limit for one cell; a longer one is not
	// something a spreadsheet wrote.
	MaxCellChars = 32_767
	// MaxColumns bounds a row: an export has a few dozen columns.
	MaxColumns = 1024
)

// TableOptions tunes ReadTableWith. Zero values mean the defaults.
type TableOptions struct {
	// Sheet names the worksheet of an .xlsx to read (case-insensitive); the
	// first sheet when empty. Ignored for CSV.
	Sheet string
	// MaxBytes refuses larger files.
	MaxBytes int64
	// MaxRows refuses files with more data rows (header not counted).
	MaxRows int
	// MaxUnzippedBytes refuses .xlsx files that expand to more.
	MaxUnzippedBytes int64
}

func (o TableOptions) withDefaults() TableOptions {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRows <= 0 {
		o.MaxRows = DefaultMaxRows
	}
	if o.MaxUnzippedBytes <= 0 {
		o.MaxUnzippedBytes = DefaultMaxUnzippedBytes
	}
	return o
}

// ReadTable reads a CSV or .xlsx file with the default limits. name is the
// file name (only its extension is used, as a hint when the content does not
// say what it is).
func ReadTable(r io.Reader, name string) (*Table, error) {
	return ReadTableWith(r, name, TableOptions{})
}

// ReadTableWith reads a CSV or .xlsx file. The content decides first (an
// .xlsx is a zip archive, whatever its name), the extension second.
func ReadTableWith(r io.Reader, name string, opts TableOptions) (*Table, error) {
	opts = opts.withDefaults()
	data, err := readAll(r, opts.MaxBytes+1)
	if err != nil {
		fr, en := ioReason(err)
		return nil, newError(CodeUnreadable, "lecture du fichier impossible : "+fr, "cannot read the file: "+en, err)
	}
	if int64(len(data)) > opts.MaxBytes {
		return nil, newError(CodeTooLarge,
			fmt.Sprintf("le fichier dépasse la taille maximale autorisée (%s) ; vérifiez qu'il s'agit bien de l'export des clients ou découpez-le", humanBytes(opts.MaxBytes)),
			fmt.Sprintf("the file is larger than the allowed maximum (%s)", humanBytes(opts.MaxBytes)), nil)
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if ext == ".ods" {
			return nil, unsupported(ext)
		}
		return readXLSX(data, opts)
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")):
		// OLE container: Excel 97-2003 .xls, or an .xlsx protected by a
		// password. Neither can be read without Excel.
		return nil, newError(CodeUnsupported,
			"ce classeur est au format Excel 97-2003 (.xls) ou protégé par un mot de passe : ouvrez-le dans Excel et enregistrez-le en .xlsx (sans mot de passe) ou en CSV",
			"this workbook is an Excel 97-2003 (.xls) file or is password-protected: save it as .xlsx (no password) or CSV", nil)
	case ext == ".xlsx" || ext == ".xlsm":
		return nil, newError(CodeUnreadable,
			"le fichier porte l'extension "+ext+" mais n'est pas un classeur Excel valide",
			"the file is named "+ext+" but is not a valid Excel workbook", nil)
	case ext == ".xls" || ext == ".ods" || ext == ".numbers":
		return nil, unsupported(ext)
	}
	return readCSV(data, opts)
}

// readAll reads up to limit bytes, sizing the buffer once when the reader
// knows its length (files, bytes.Reader): growing a 20 MB buffer by doubling
// copies it several times.
func readAll(r io.Reader, limit int64) ([]byte, error) {
	size := int64(512)
	switch v := r.(type) {
	case interface{ Len() int }:
		size = int64(v.Len()) + 1
	case interface{ Stat() (os.FileInfo, error) }:
		if st, err := v.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size() + 1
		}
	}
	buf := make([]byte, 0, min(max(size, 512), limit))
	lr := io.LimitReader(r, limit)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // let append pick the growth
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

func unsupported(ext string) error {
	return newError(CodeUnsupported,
		"format "+ext+" non pris en charge : enregistrez le fichier en .xlsx ou en CSV",
		"unsupported format "+ext+": save the file as .xlsx or CSV", nil)
}

func tooManyRows(max int) error {
	return newError(CodeTooManyRows,
		fmt.Sprintf("le fichier contient plus de %d lignes ; découpez-le en plusieurs fichiers", max),
		fmt.Sprintf("the file has more than %d rows; split it", max), nil)
}

func emptyTable() error {
	return newError(CodeEmpty,
		"le fichier est vide : aucune ligne d'en-tête trouvée",
		"the file is empty: no header row found", nil)
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d Mio", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d Kio", n>>10)
	}
	return fmt.Sprintf("%d octets", n)
}

// appendRow adds a data row unless all its cells are empty (Excel leaves
// ";;;;" lines and blank rows at the end of sheets).
func (t *Table) appendRow(cells []string, line, maxRows int) error {
	// Trailing empty cells carry nothing (Excel pads rows to the widest).
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	if len(cells) == 0 {
		return nil
	}
	if len(cells) > MaxColumns {
		return newError(CodeTooLarge,
			fmt.Sprintf("ligne %d : plus de %d colonnes ; ce n'est pas un export de clients", line, MaxColumns),
			fmt.Sprintf("row %d: more than %d columns; not a client export", line, MaxColumns), nil)
	}
	for i, c := range cells {
		if len(c) > MaxCellChars && utf8.RuneCountInString(c) > MaxCellChars {
			return newError(CodeTooLarge,
				fmt.Sprintf("ligne %d, colonne %d : cellule de plus de %d caractères, la limite d'Excel", line, i+1, MaxCellChars),
				fmt.Sprintf("row %d, column %d: cell longer than %d characters, Excel's limit", line, i+1, MaxCellChars), nil)
		}
	}
	if t.Header == nil {
		t.Header = cells
		return nil
	}
	if len(t.Rows) >= maxRows {
		return tooManyRows(maxRows)
	}
	t.Rows = append(t.Rows, cells)
	t.RowNumbers = append(t.RowNumbers, line)
	return nil
}
