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
// is UTF-16LE with BOM. Anything that is not valid UTF-8 is taken as
// Windows-1252: it is what a French Windows writes, and every byte sequence
// decodes, so a wrong guess degrades a few accents rather than failing.
func decodeText(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
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
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return nil, newError(CodeUnreadable,
			"encodage du fichier non reconnu",
			"unrecognised file encoding", err)
	}
	return out, nil
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
