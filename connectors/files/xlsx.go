package files

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/bascule-cli/bascule/connectors"
)

// readXLSX reads one worksheet of an .xlsx workbook as displayed strings.
func readXLSX(data []byte, opts TableOptions) (t *Table, err error) {
	// excelize parses hostile input (a file from anywhere) with code that
	// has panicked on malformed archives before; a broken file must come
	// back as an error, not crash the wizard.
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, newError(CodeUnreadable,
				"classeur Excel illisible ou endommagé",
				"unreadable or damaged Excel workbook", fmt.Errorf("excelize panic: %v", p))
		}
	}()
	zr, err := checkZipSizes(data, opts.MaxUnzippedBytes)
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: opts.MaxUnzippedBytes,
		// Same bound, so that large sheets stay in memory instead of
		// being spilled to temporary files holding client data.
		UnzipXMLSizeLimit: opts.MaxUnzippedBytes,
	})
	if err != nil {
		if f != nil {
			_ = f.Close()
		}
		// excelize has no sentinel for this one, only its message.
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, unzippedTooLarge(opts.MaxUnzippedBytes, err)
		}
		return nil, newError(CodeUnreadable,
			"classeur Excel illisible ou endommagé",
			"unreadable or damaged Excel workbook", err)
	}
	defer f.Close()

	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, emptyTable()
	}
	sheet := sheets[0]
	if opts.Sheet != "" {
		sheet = ""
		for _, s := range sheets {
			if strings.EqualFold(s, opts.Sheet) {
				sheet = s
				break
			}
		}
		if sheet == "" {
			list := make([]string, len(sheets))
			for i, s := range sheets {
				list[i] = "« " + connectors.Sanitize(s) + " »"
			}
			return nil, newError(CodeSheetNotFound,
				fmt.Sprintf("feuille « %s » introuvable ; feuilles du classeur : %s", connectors.Sanitize(opts.Sheet), strings.Join(list, ", ")),
				fmt.Sprintf("sheet %q not found", opts.Sheet), nil)
		}
	}

	if err := checkSheetComplete(zr, sheet); err != nil {
		return nil, err
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, newError(CodeUnreadable,
			"feuille « "+connectors.Sanitize(sheet)+" » illisible",
			"unreadable sheet "+sheet, err)
	}
	defer rows.Close()
	t = &Table{}
	// Next steps over missing <row> elements one by one, so counting calls
	// gives the row number Excel shows.
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns()
		if err != nil {
			return nil, newError(CodeUnreadable,
				fmt.Sprintf("ligne %d du classeur illisible", n),
				fmt.Sprintf("unreadable workbook row %d", n), err)
		}
		for i, c := range cells {
			cells[i] = connectors.Sanitize(c)
		}
		if err := t.appendRow(cells, n, opts.MaxRows); err != nil {
			return nil, err
		}
	}
	if err := rows.Error(); err != nil {
		return nil, newError(CodeUnreadable,
			"classeur Excel illisible ou endommagé",
			"unreadable or damaged Excel workbook", err)
	}
	if t.Header == nil {
		return nil, emptyTable()
	}
	return t, nil
}
