package comapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
)

// ShapeError says how an answer differs from the known contract: which
// call, which entry (1-based, 0 for the whole answer), which field.
type ShapeError struct {
	Call    string // "GET /enterprise"
	Entry   int
	Field   string
	Problem string // French
	English string
}

func (e *ShapeError) where() (string, string) {
	fr, en := e.Call, e.Call
	if e.Entry > 0 {
		fr += fmt.Sprintf(", entrée %d", e.Entry)
		en += fmt.Sprintf(", entry %d", e.Entry)
	}
	if e.Field != "" {
		fr += ", champ « " + e.Field + " »"
		en += ", field \"" + e.Field + "\""
	}
	return fr, en
}

// Error is the French message: where, then what.
func (e *ShapeError) Error() string {
	fr, _ := e.where()
	return fr + " : " + e.Problem
}

// EnglishMessage is the English message.
func (e *ShapeError) EnglishMessage() string {
	_, en := e.where()
	return "unexpected answer from the V1 export API (" + en + "): " + e.English
}

// asError wraps a ShapeError as the connectors error the port returns.
func (e *ShapeError) asError(op string) error {
	return &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
		French: "réponse inattendue de l'API d'export V1", English: e.EnglishMessage(), Err: e}
}

// rawEnterprise and rawFile decode one entry. Pointers and RawMessage tell
// a missing field from an empty one and let the type be checked by hand.
type rawEnterprise struct {
	Name  *string `json:"name"`
	SIREN *string `json:"siren"`
}

type rawFile struct {
	Name        *string         `json:"name"`
	Size        json.RawMessage `json:"size"`
	Mtime       json.RawMessage `json:"mtime"`
	Ctime       json.RawMessage `json:"ctime"`
	DownloadURL *string         `json:"downloadurl"`
}

// decodeArray reads data as a JSON array of at most max objects, each
// decoded strictly (unknown fields refused) by one, and nothing after it.
func decodeArray[T any](call string, data []byte, max int, one func(i int, v T) *ShapeError) *ShapeError {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	tok, err := dec.Token()
	if d, ok := tok.(json.Delim); err != nil || !ok || d != '[' {
		return &ShapeError{Call: call, Problem: "une liste JSON était attendue", English: "a JSON array was expected"}
	}
	n := 0
	for dec.More() {
		n++
		if n > max {
			return &ShapeError{Call: call, Problem: fmt.Sprintf("plus de %d entrées, limite dépassée", max),
				English: fmt.Sprintf("more than %d entries, limit exceeded", max)}
		}
		var v T
		if err := dec.Decode(&v); err != nil {
			return &ShapeError{Call: call, Entry: n, Problem: describe(err), English: connectors.Sanitize(err.Error())}
		}
		if e := one(n, v); e != nil {
			e.Call = call
			return e
		}
	}
	if _, err := dec.Token(); err != nil {
		return &ShapeError{Call: call, Problem: "liste JSON coupée ou invalide", English: "JSON array cut or invalid"}
	}
	if _, err := dec.Token(); err == nil || dec.More() {
		return &ShapeError{Call: call, Problem: "données après la liste JSON", English: "data after the JSON array"}
	}
	return nil
}

// describe turns a decoding error into French without Go internals.
func describe(err error) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te) && te.Field == "":
		return "objet JSON attendu, reçu : " + te.Value
	case errors.As(err, &te):
		return fmt.Sprintf("champ « %s » d'un type inattendu (%s)", connectors.Sanitize(te.Field), te.Value)
	case errors.As(err, &se):
		return "JSON invalide"
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "champ inconnu " + connectors.Sanitize(strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return "objet JSON attendu"
}

// ParseEnterprises reads the answer of GET /enterprise: every entry has a
// name and a valid SIREN (normalised), no SIREN twice.
func ParseEnterprises(data []byte, max int) ([]connectors.Enterprise, error) {
	var out []connectors.Enterprise
	seen := map[string]int{}
	e := decodeArray("GET /enterprise", data, max, func(i int, r rawEnterprise) *ShapeError {
		if r.Name == nil {
			return &ShapeError{Entry: i, Field: "name", Problem: "absent", English: "missing"}
		}
		if r.SIREN == nil {
			return &ShapeError{Entry: i, Field: "siren", Problem: "absent", English: "missing"}
		}
		siren := ident.NormalizeSIREN(connectors.Sanitize(*r.SIREN))
		if err := ident.ValidateSIREN(siren); err != nil {
			return &ShapeError{Entry: i, Field: "siren", Problem: fmt.Sprintf("SIREN %q invalide", siren),
				English: fmt.Sprintf("invalid SIREN %q", siren)}
		}
		if j, dup := seen[siren]; dup {
			return &ShapeError{Entry: i, Field: "siren", Problem: fmt.Sprintf("SIREN %s déjà donné à l'entrée %d", siren, j),
				English: fmt.Sprintf("SIREN %s already given at entry %d", siren, j)}
		}
		seen[siren] = i
		out = append(out, connectors.Enterprise{Name: connectors.Sanitize(*r.Name), SIREN: siren})
		return nil
	})
	if e != nil {
		return nil, e
	}
	if out == nil {
		out = []connectors.Enterprise{}
	}
	return out, nil
}

// ParseFiles reads the answer of GET /invoice/{siren}/{dir}/{folder}. check
// validates each download URL (scheme and host rules of the client).
func ParseFiles(data []byte, max int, siren string, box connectors.FileBox, check func(string) error) ([]connectors.V1File, error) {
	call := "GET /invoice/" + siren + "/" + box.String()
	var out []connectors.V1File
	e := decodeArray(call, data, max, func(i int, r rawFile) *ShapeError {
		f := connectors.V1File{SIREN: siren, Box: box}
		bad := func(field, fr, en string) *ShapeError {
			return &ShapeError{Entry: i, Field: field, Problem: fr, English: en}
		}
		if r.Name == nil {
			return bad("name", "absent", "missing")
		}
		f.Name = connectors.Sanitize(*r.Name)
		if !SafeName(f.Name) {
			return bad("name", fmt.Sprintf("nom de fichier %q refusé (vide, chemin ou caractère interdit)", f.Name),
				fmt.Sprintf("file name %q refused (empty, a path or a forbidden character)", f.Name))
		}
		size, ok := parseInt(r.Size)
		if !ok || size < 0 {
			return bad("size", "entier positif attendu", "non-negative integer expected")
		}
		f.Size = size
		var sh *ShapeError
		if f.Modified, sh = parseTime(i, "mtime", r.Mtime); sh != nil {
			return sh
		}
		if f.Created, sh = parseTime(i, "ctime", r.Ctime); sh != nil {
			return sh
		}
		if r.DownloadURL == nil {
			return bad("downloadurl", "absent", "missing")
		}
		f.DownloadURL = connectors.Sanitize(*r.DownloadURL)
		if check != nil {
			if err := check(f.DownloadURL); err != nil {
				return bad("downloadurl", err.Error(), connectors.English(err))
			}
		}
		out = append(out, f)
		return nil
	})
	if e != nil {
		return nil, e
	}
	if out == nil {
		out = []connectors.V1File{}
	}
	return out, nil
}

// SafeName reports whether name can be a file name inside a folder without
// leaving it: not empty, not "." or "..", no separator, no control
// character, at most 255 bytes.
func SafeName(name string) bool {
	if name == "" || name == "." || name == ".." || len(name) > 255 || strings.ContainsAny(name, "/\\:") {
		return false
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return connectors.Sanitize(name) == name
}

// parseInt accepts a JSON integer or a string of digits: the type the real
// platform uses is not known.
func parseInt(raw json.RawMessage) (int64, bool) {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" {
		return 0, false
	}
	if s[0] == '"' {
		var str string
		if json.Unmarshal(raw, &str) != nil {
			return 0, false
		}
		s = str
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// parseTime accepts Unix seconds (number or digit string) or RFC 3339.
func parseTime(i int, field string, raw json.RawMessage) (time.Time, *ShapeError) {
	if n, ok := parseInt(raw); ok && n >= 0 && n < 1<<40 {
		return time.Unix(n, 0).UTC(), nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, &ShapeError{Entry: i, Field: field,
		Problem: "date attendue (secondes Unix ou RFC 3339)", English: "date expected (Unix seconds or RFC 3339)"}
}
