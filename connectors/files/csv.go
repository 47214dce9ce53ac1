package files

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/bascule-cli/bascule/connectors"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// readCSV decodes a CSV the way French Excel may have saved it.
func readCSV(data []byte, opts TableOptions) (*Table, error) {
	data, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	lineOffset := 0
	sep, rest, ok := sepLine(data)
	if ok {
		data, lineOffset = rest, 1
	} else {
		sep = sniffSeparator(data)
	}

	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sep
	cr.LazyQuotes = true    // Excel writes stray quotes in unquoted fields
	cr.FieldsPerRecord = -1 // trailing empty cells are often dropped
	// One line per row is the common case: size the table once.
	n := bytes.Count(data, []byte{'\n'}) + 1
	t := &Table{Rows: make([][]string, 0, min(n, opts.MaxRows)), RowNumbers: make([]int, 0, min(n, opts.MaxRows))}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			line := 0
			if errors.As(err, &pe) {
				line = pe.StartLine + lineOffset
			}
			return nil, newError(CodeUnreadable,
				fmt.Sprintf("fichier CSV illisible à la ligne %d", line),
				fmt.Sprintf("unreadable CSV file at line %d", line), err)
		}
		line, _ := cr.FieldPos(0)
		for i, c := range rec {
			rec[i] = connectors.Sanitize(c)
		}
		if err := t.appendRow(rec, line+lineOffset, opts.MaxRows); err != nil {
			return nil, err
		}
	}
	if t.Header == nil {
		return nil, emptyTable()
	}
	return t, nil
}

// decodeText returns the content as UTF-8 without BOM. Excel's "CSV UTF-8"
// starts with a BOM, its plain "CSV" is Windows-1252 and its "Texte Unicode"
// is UTF-16LE with BOM. A file with no UTF-8 accent at all and bytes that
// are not UTF-8 is Windows-1252, what a French Windows writes. A UTF-8 file
// with such bytes (a line pasted from another file) is decided line by
// line: see decodeLines.
func decodeText(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
		if utf8.Valid(data) {
			return data, nil
		}
		return decodeLines(data)
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, newError(CodeUnreadable,
				"fichier texte Unicode (UTF-16) illisible",
				"unreadable UTF-16 text file", err)
		}
		return bytes.TrimPrefix(out, []byte("\xef\xbb\xbf")), nil
	}
	if utf8.Valid(data) {
		return data, nil
	}
	if hasUTF8Sequence(data) {
		return decodeLines(data)
	}
	return fromWindows1252(data)
}

func fromWindows1252(b []byte) ([]byte, error) {
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return nil, newError(CodeUnreadable,
			"encodage du fichier non reconnu",
			"unrecognised file encoding", err)
	}
	return out, nil
}

// decodeLines decodes a UTF-8 file in which some lines are not UTF-8.
// Decoding the whole file as Windows-1252 for one such line turned every
// "Société" into "SociÃ©tÃ©". Each line is decided alone instead: valid
// UTF-8 stays; a line whose non-ASCII bytes are none of them UTF-8 is
// Windows-1252; a line mixing both cannot be read right either way and is
// refused, naming it, rather than written garbled.
func decodeLines(data []byte) ([]byte, error) {
	out := make([]byte, 0, len(data)+len(data)/8)
	for n := 1; len(data) > 0; n++ {
		end := bytes.IndexByte(data, '\n') + 1
		if end == 0 {
			end = len(data)
		}
		line := data[:end]
		data = data[end:]
		switch {
		case utf8.Valid(line):
			out = append(out, line...)
		case hasUTF8Sequence(line):
			return nil, newError(CodeUnreadable,
				fmt.Sprintf("ligne %d : encodages mélangés (UTF-8 et Windows-1252) dans la même ligne ; enregistrez le fichier depuis Excel au format « CSV UTF-8 » puis réessayez", n),
				fmt.Sprintf("line %d: mixed encodings (UTF-8 and Windows-1252) in one line; save the file from Excel as \"CSV UTF-8\" and try again", n), nil)
		default:
			dec, err := fromWindows1252(line)
			if err != nil {
				return nil, err
			}
			out = append(out, dec...)
		}
	}
	return out, nil
}

// hasUTF8Sequence reports whether b holds at least one valid multi-byte
// UTF-8 sequence: the mark of a UTF-8 text, which Windows-1252 text almost
// never forms by chance.
func hasUTF8Sequence(b []byte) bool {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size > 1 {
			return true
		}
		i += size
	}
	return false
}

// sepLine recognises Excel's `sep=;` first line (also quoted, or followed by
// empty cells) and returns the separator and the data after that line.
func sepLine(data []byte) (rune, []byte, bool) {
	end := bytes.IndexByte(data, '\n')
	if end < 0 {
		end = len(data)
	}
	line := bytes.TrimRight(data[:end], "\r")
	line = bytes.Trim(line, `"`)
	if len(line) < 5 || !bytes.EqualFold(line[:4], []byte("sep=")) {
		return 0, nil, false
	}
	r, _ := utf8.DecodeRune(line[4:])
	switch r {
	case ';', ',', '\t', '|':
	default:
		return 0, nil, false
	}
	if end < len(data) {
		end++
	}
	return r, data[end:], true
}

// sniffSeparator picks the separator that occurs most often in the first
// line, outside quotes. On a tie `;` wins (French Excel's choice), then TAB,
// then `,` (which also appears inside addresses).
func sniffSeparator(data []byte) rune {
	var semi, comma, tab int
	inQuotes := false
	if len(data) > 1<<20 {
		data = data[:1<<20] // a header is never that long
	}
	for _, b := range data {
		switch b {
		case '"':
			inQuotes = !inQuotes
		case '\n':
			// Leading blank lines do not count: the header decides.
			if !inQuotes && semi+comma+tab > 0 {
				goto done
			}
		case ';':
			if !inQuotes {
				semi++
			}
		case ',':
			if !inQuotes {
				comma++
			}
		case '\t':
			if !inQuotes {
				tab++
			}
		}
	}
done:
	switch {
	case semi >= tab && semi >= comma && semi > 0:
		return ';'
	case tab >= comma && tab > 0:
		return '\t'
	case comma > 0:
		return ','
	}
	return ';'
}
