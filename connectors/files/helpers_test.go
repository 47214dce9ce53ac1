package files

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// Identifiers from DOMAIN.md and computed with the published algorithms.
const (
	sirenA       = "552008443"
	sirenB       = "404833048"
	sirenZero    = "012345674" // starts with 0: Excel shows 12345674
	sirenBad     = "404833047" // Luhn fails
	vatA         = "FR19552008443"
	vatOther     = "FR40303265045" // valid, but another company's
	ibanA        = "FR7630006000011234567890189"
	ibanB        = "FR1420041010050500013M02606"
	ibanBad      = "FR7630006000011234567890188"
	emailGood    = "marie.dupont@exemple.fr"
	emailBad     = "marie.dupont@"
	frenchExcelN = "\r\n"
)

// win1252 encodes s the way French Excel's plain "CSV" does.
func win1252(t testing.TB, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return []byte(b)
}

// lines joins CSV lines with Excel's CRLF.
func lines(ls ...string) string { return strings.Join(ls, frenchExcelN) + frenchExcelN }

// makeXLSX builds a workbook with one sheet; values keep their Go type, so
// an int becomes a numeric cell as when Excel converts a SIREN.
func makeXLSX(t testing.TB, sheet string, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if sheet != "" {
		if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
			t.Fatal(err)
		}
	} else {
		sheet = f.GetSheetName(0)
	}
	for i, r := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, ref, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readTable(t *testing.T, data []byte, name string) *Table {
	t.Helper()
	tb, err := ReadTable(bytes.NewReader(data), name)
	if err != nil {
		t.Fatalf("ReadTable(%s): %v", name, err)
	}
	return tb
}

func equalRows(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
