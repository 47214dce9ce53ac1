package files

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// rewriteZip copies the archive src, giving the part named part the
// content add writes instead of its own.
func rewriteZip(t testing.TB, src []byte, part string, add func(zw *zip.Writer)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name == part {
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	add(zw)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func zipPart(t testing.TB, src []byte, part string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(part)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// deflated compresses b as non-final deflate blocks ending on a byte
// boundary, so that such segments can be concatenated into one stream.
func deflated(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// zipBomb returns a genuine workbook whose first sheet expands to about
// size bytes of valid rows, built without ever holding them: one
// compressed megabyte of rows repeated, so the file stays small on disk.
func zipBomb(t testing.TB, size int) []byte {
	t.Helper()
	return lyingZipBomb(t, size, 0)
}

// lyingZipBomb is zipBomb whose directory declares the sheet to expand to
// declared bytes instead, when declared > 0.
func lyingZipBomb(t testing.TB, size int, declared uint64) []byte {
	t.Helper()
	base := makeXLSX(t, "Clients", [][]any{{"Raison sociale", "SIREN"}, {"Lefèvre", "552008443"}})
	prefix := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	suffix := []byte(`</sheetData></worksheet>`)
	row := `<row><c t="inlineStr"><is><t>Société</t></is></c></row>`
	chunk := []byte(strings.Repeat(row, min(1<<20, size)/len(row)))
	n := size / len(chunk)
	deflChunk := deflated(t, chunk)
	var raw bytes.Buffer
	raw.Write(deflated(t, prefix))
	crc := crc32.ChecksumIEEE(prefix)
	chunkCRC := crc32.MakeTable(crc32.IEEE)
	for range n {
		raw.Write(deflChunk)
		crc = crc32.Update(crc, chunkCRC, chunk)
	}
	raw.Write(deflated(t, suffix))
	crc = crc32.Update(crc, chunkCRC, suffix)
	raw.Write([]byte{0x03, 0x00}) // final, empty, fixed-Huffman block
	total := uint64(len(prefix) + n*len(chunk) + len(suffix))
	if declared > 0 {
		total = declared
	}
	return rewriteZip(t, base, "xl/worksheets/sheet1.xml", func(zw *zip.Writer) {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
			CRC32: crc, CompressedSize64: uint64(raw.Len()), UncompressedSize64: total})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(raw.Bytes()); err != nil {
			t.Fatal(err)
		}
	})
}

// A 400 MB bomb is refused from the sizes the archive declares, before
// anything is inflated (it once took 1.48 GB and 34 s, then read 0 rows).
func TestXLSXBombRefused(t *testing.T) {
	bomb := zipBomb(t, 400<<20)
	if len(bomb) > 2<<20 {
		t.Fatalf("bomb of %d bytes on disk, want it small", len(bomb))
	}
	_, err := ReadTable(bytes.NewReader(bomb), "bombe.xlsx")
	var fe *Error
	if !errors.As(err, &fe) || fe.Code != CodeTooLarge || !strings.Contains(err.Error(), "64 Mio") {
		t.Fatalf("err = %v, want a too-large refusal naming 64 Mio", err)
	}
}

// A bomb whose directory lies about its size fails when it inflates past
// what it declared (archive/zip checks), so the declared sum still bounds.
func TestXLSXLyingBombRefused(t *testing.T) {
	bomb := lyingZipBomb(t, 400<<20, 4096)
	_, err := ReadTable(bytes.NewReader(bomb), "menteur.xlsx")
	var fe *Error
	if !errors.As(err, &fe) || fe.Code != CodeUnreadable {
		t.Fatalf("err = %v, want an unreadable workbook", err)
	}
}

// The same construction under the bound is read, so the refusal above is
// about size, not about a malformed test archive.
func TestXLSXBombBuilderReadable(t *testing.T) {
	tb, err := ReadTable(bytes.NewReader(zipBomb(t, 64<<10)), "petit.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Rows) < 1000 || tb.Header[0] != "Société" {
		t.Fatalf("%d rows, header %q", len(tb.Rows), tb.Header)
	}
}

// A sheet cut in the middle of its XML is an error naming the sheet, never
// a shorter list (it once read 3 clients of 8, exit 0).
func TestXLSXCutSheetRefused(t *testing.T) {
	rows := [][]any{{"Raison sociale", "SIREN", "E-mail"}}
	for i := range 8 {
		rows = append(rows, []any{fmt.Sprintf("Société %d", i), sirenA, emailGood})
	}
	good := makeXLSX(t, "Mes clients", rows)
	sheet := zipPart(t, good, "xl/worksheets/sheet1.xml")
	at := bytes.Index(sheet, []byte(`<row r="5"`))
	if at < 0 {
		t.Fatalf("no row 5 in %s", sheet)
	}
	for _, cut := range []int{at, at + 7, len(sheet) - 3} {
		bad := rewriteZip(t, good, "xl/worksheets/sheet1.xml", func(zw *zip.Writer) {
			w, err := zw.Create("xl/worksheets/sheet1.xml")
			if err != nil {
				t.Fatal(err)
			}
			w.Write(sheet[:cut])
		})
		_, err := ReadTable(bytes.NewReader(bad), "coupé.xlsx")
		var fe *Error
		if !errors.As(err, &fe) || fe.Code != CodeUnreadable || !strings.Contains(err.Error(), "feuille « Mes clients »") {
			t.Errorf("cut at %d: err = %v, want the sheet named", cut, err)
		}
	}
	if tb := readTable(t, good, "entier.xlsx"); len(tb.Rows) != 8 {
		t.Fatalf("whole workbook: %d rows", len(tb.Rows))
	}
}

// A cut shared-strings part would shift or drop values: refused too.
func TestXLSXCutSharedStringsRefused(t *testing.T) {
	good := makeXLSX(t, "", [][]any{{"Raison sociale", "Ville"}, {"Lefèvre", "Lyon"}})
	sst := zipPart(t, good, "xl/sharedStrings.xml")
	bad := rewriteZip(t, good, "xl/sharedStrings.xml", func(zw *zip.Writer) {
		w, _ := zw.Create("xl/sharedStrings.xml")
		w.Write(sst[:len(sst)/2])
	})
	if _, err := ReadTable(bytes.NewReader(bad), "f.xlsx"); err == nil || !strings.Contains(err.Error(), "feuille « Sheet1 »") {
		t.Fatalf("err = %v", err)
	}
}

func TestCellAndColumnBounds(t *testing.T) {
	long := strings.Repeat("é", MaxCellChars+1)
	ok := strings.Repeat("é", MaxCellChars)
	if _, err := ReadTable(strings.NewReader(lines("Raison sociale;Note", "A;"+ok)), "f.csv"); err != nil {
		t.Fatalf("a cell at Excel's limit: %v", err)
	}
	_, err := ReadTable(strings.NewReader(lines("Raison sociale;Note", "A;"+long)), "f.csv")
	if !strings.Contains(fmt.Sprint(err), "ligne 2, colonne 2 : cellule de plus de 32767") || strings.Contains(fmt.Sprint(err), "éé") {
		t.Fatalf("err = %v", err)
	}
	wide := strings.Repeat("x;", MaxColumns) + "x"
	if _, err := ReadTable(strings.NewReader(lines("Raison sociale", wide)), "f.csv"); !strings.Contains(fmt.Sprint(err), "plus de 1024 colonnes") {
		t.Fatalf("err = %v", err)
	}
	padded := "A" + strings.Repeat(";", 5000)
	if tb, err := ReadTable(strings.NewReader(lines("Raison sociale", padded)), "f.csv"); err != nil || len(tb.Rows[0]) != 1 {
		t.Fatalf("trailing empty cells: %v", err)
	}
}

// Only the sheet read is checked: a damaged sheet beside it does not cost
// the user their list, and the chosen one is found through the workbook's
// relationships.
func TestXLSXOnlyChosenSheetChecked(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Notes")
	f.NewSheet("Clients")
	f.SetSheetRow("Notes", "A1", &[]any{"x"})
	f.SetSheetRow("Clients", "A1", &[]any{"Raison sociale"})
	f.SetSheetRow("Clients", "A2", &[]any{"Lefèvre"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f.Close()
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if got := sheetPart(zr, "Clients"); got != "xl/worksheets/sheet2.xml" {
		t.Fatalf("sheetPart = %q", got)
	}
	notes := zipPart(t, buf.Bytes(), "xl/worksheets/sheet1.xml")
	bad := rewriteZip(t, buf.Bytes(), "xl/worksheets/sheet1.xml", func(zw *zip.Writer) {
		w, _ := zw.Create("xl/worksheets/sheet1.xml")
		w.Write(notes[:len(notes)/2])
	})
	tb, err := ReadTableWith(bytes.NewReader(bad), "f.xlsx", TableOptions{Sheet: "clients"})
	if err != nil || len(tb.Rows) != 1 {
		t.Fatalf("chosen sheet: %v", err)
	}
	if _, err := ReadTableWith(bytes.NewReader(bad), "f.xlsx", TableOptions{Sheet: "Notes"}); err == nil || !strings.Contains(err.Error(), "« Notes »") {
		t.Fatalf("damaged sheet: %v", err)
	}
}

func TestXLSXTooManyParts(t *testing.T) {
	bomb := rewriteZip(t, makeXLSX(t, "", [][]any{{"Raison sociale"}, {"A"}}), "", func(zw *zip.Writer) {
		for i := range maxZipEntries {
			if _, err := zw.Create(fmt.Sprintf("x/%d", i)); err != nil {
				t.Fatal(err)
			}
		}
	})
	_, err := ReadTable(bytes.NewReader(bomb), "parts.xlsx")
	var fe *Error
	if !errors.As(err, &fe) || fe.Code != CodeTooLarge || !strings.Contains(err.Error(), "parties") {
		t.Fatalf("err = %v", err)
	}
}
