package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bascule-cli/bascule/checklist"
)

// ImportError is an import file refused before anything is written. Field
// names the place in the file ("clients[3].id"), "" for the file as a
// whole.
type ImportError struct {
	Field string
	Msg   string // French
	MsgEN string
}

func (e *ImportError) Error() string {
	if e.Field == "" {
		return "fichier d'import refusé : " + e.Msg
	}
	return fmt.Sprintf("fichier d'import refusé, champ « %s » : %s", e.Field, e.Msg)
}

// English returns the message in English.
func (e *ImportError) English() string {
	if e.Field == "" {
		return "import file refused: " + e.MsgEN
	}
	return fmt.Sprintf("import file refused, field %q: %s", e.Field, e.MsgEN)
}

func importErr(field, fr, en string, args ...any) *ImportError {
	return &ImportError{Field: field, Msg: fmt.Sprintf(fr, args...), MsgEN: fmt.Sprintf(en, args...)}
}

// readImport reads and decodes the file, at most MaxImportBytes, with
// json's errors said in French (never "json: cannot unmarshal…"). A
// cancelled ctx ends the wait for the reader (a terminal on stdin, where
// Ctrl-C must not wait for the end of the input); the read itself goes on
// in its goroutine until the reader returns.
func readImport(ctx context.Context, r io.Reader) (exportFile, error) {
	var f exportFile
	type read struct {
		data []byte
		err  error
	}
	done := make(chan read, 1)
	go func() {
		data, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
		done <- read{data, err}
	}()
	var data []byte
	var err error
	select {
	case <-ctx.Done():
		return f, ctx.Err()
	case got := <-done:
		data, err = got.data, got.err
	}
	if err != nil {
		return f, importErr("", "lecture impossible (%v)", "cannot read (%v)", err)
	}
	if len(data) > MaxImportBytes {
		return f, importErr("", "plus de %d Mio", "over %d MiB", MaxImportBytes>>20)
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return f, jsonImportError(err)
	}
	return f, nil
}

func jsonImportError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return importErr("", "JSON invalide à l'octet %d", "invalid JSON at byte %d", se.Offset)
	case errors.As(err, &te):
		field := jsonField(te.Field)
		if field == "" {
			field = "(document)"
		}
		return importErr(field, "valeur de type %s inattendue (octet %d)", "unexpected %s value (byte %d)", te.Value, te.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return importErr("", "fichier tronqué", "truncated file")
	}
	var pe *time.ParseError
	if errors.As(err, &pe) {
		return importErr("", "date illisible : %q", "unreadable date: %q", pe.Value)
	}
	return importErr("", "contenu illisible", "unreadable content")
}

// jsonField is json's path of a field without the names of embedded Go
// types it puts in ("clients.Dossier.id"): the file's fields are all
// lower-case.
func jsonField(f string) string {
	parts := strings.Split(f, ".")
	out := parts[:0]
	for _, p := range parts {
		if p != "" && (p[0] < 'A' || p[0] > 'Z') {
			out = append(out, p)
		}
	}
	return strings.Join(out, ".")
}

// checkImport checks f before anything is written, cleans its strings, and
// sets the workspace id (opt.RenameTo).
func checkImport(f *exportFile, opt ImportOptions) error {
	if f.Format != exportFormat {
		return importErr("format", "%q au lieu de %q", "%q instead of %q", f.Format, exportFormat)
	}
	if f.Version < 1 || f.Version > exportVersion {
		return importErr("version", "version %d inconnue de cette version de bascule", "version %d unknown to this bascule", f.Version)
	}
	if f.Schema < 1 || f.Schema > SchemaVersion {
		return importErr("schema", "schéma %d inconnu (cette version de bascule connaît 1 à %d)", "schema %d unknown (this bascule knows 1 to %d)", f.Schema, SchemaVersion)
	}
	if opt.RenameTo != "" {
		f.Workspace.ID = opt.RenameTo
	}
	switch {
	case len(f.Clients) > MaxImportClients:
		return importErr("clients", "%d clients, au plus %d", "%d clients, at most %d", len(f.Clients), MaxImportClients)
	case len(f.Steps) > maxImportSteps:
		return importErr("steps", "%d étapes, au plus %d", "%d steps, at most %d", len(f.Steps), maxImportSteps)
	case len(f.Events) > maxImportEvents:
		return importErr("events", "%d événements, au plus %d", "%d events, at most %d", len(f.Events), maxImportEvents)
	}
	w := stringWalk{clean: opt.Clean, text: opt.CleanText}
	w.walk("", "", reflect.ValueOf(f).Elem())
	if w.err != nil {
		return w.err
	}
	return checkRefs(f)
}

// checkRefs checks the ids and what refers to them: unique clients, steps
// of known clients, at most one record per step, secret names.
func checkRefs(f *exportFile) error {
	if err := importID("workspace.id", f.Workspace.ID); err != nil {
		return err
	}
	clients := make(map[string]int, len(f.Clients))
	for i, c := range f.Clients {
		field := fmt.Sprintf("clients[%d].id", i)
		if err := importID(field, c.ID); err != nil {
			return err
		}
		if j, dup := clients[c.ID]; dup {
			return importErr(field, "identifiant %q déjà pris par clients[%d]", "id %q already used by clients[%d]", c.ID, j)
		}
		clients[c.ID] = i
	}
	steps := make(map[[2]string]bool, len(f.Steps))
	for i, s := range f.Steps {
		field := fmt.Sprintf("steps[%d].ref", i)
		if err := importID(field+".step", s.Ref.Step); err != nil {
			return err
		}
		if _, ok := clients[s.Ref.Client]; s.Ref.Client != "" && !ok {
			return importErr(field+".client", "client %q absent du fichier", "client %q not in the file", s.Ref.Client)
		}
		if s.State.Status > checklist.StatusNotApplicable {
			return importErr(fmt.Sprintf("steps[%d].state.status", i), "statut %d inconnu", "unknown status %d", s.State.Status)
		}
		k := [2]string{s.Ref.Client, s.Ref.Step}
		if steps[k] {
			return importErr(field, "étape %s en double", "step %s twice", s.Ref)
		}
		steps[k] = true
	}
	for i, e := range f.Events {
		if _, ok := clients[e.Ref.Client]; e.Ref.Client != "" && !ok {
			return importErr(fmt.Sprintf("events[%d].ref.client", i), "client %q absent du fichier", "client %q not in the file", e.Ref.Client)
		}
		if e.Ref.Step != "" {
			if err := importID(fmt.Sprintf("events[%d].ref.step", i), e.Ref.Step); err != nil {
				return err
			}
		}
	}
	// Ids are not cleaned (see stringWalk): every one is checked.
	for i, o := range f.Overrides {
		if err := importID(fmt.Sprintf("overrides[%d].gate", i), o.Gate); err != nil {
			return err
		}
	}
	if f.Secrets == nil {
		return nil
	}
	if len(f.Secrets.KeyCheck) > 0 {
		var kc keyCheck
		if err := decode(f.Secrets.KeyCheck, "vérificateur", &kc); err != nil {
			return importErr("secrets.keycheck", "illisible", "unreadable")
		}
	} else if len(f.Secrets.Sealed) > 0 {
		return importErr("secrets.keycheck", "absent alors que des identifiants chiffrés sont là", "missing while sealed secrets are present")
	}
	for name, blob := range f.Secrets.Sealed {
		if err := importID("secrets.sealed", name); err != nil {
			return err
		}
		if len(blob) < 1 || blob[0] != sealFormat || len(blob) > maxImportText {
			return importErr("secrets.sealed."+name, "identifiant chiffré illisible", "unreadable sealed secret")
		}
	}
	return nil
}

// importID checks an id of the file: what bascule itself accepts (not
// empty, no NUL, at most 200 bytes) and nothing that could make a path or
// reach a terminal: no "/" or "\", no leading dot ("..", ".hidden"), no
// control, format (bidi) or space character at either end.
func importID(field, id string) error {
	bad := func(why, whyEN string) error {
		return &ImportError{Field: field, Msg: fmt.Sprintf("identifiant %q refusé : %s", id, why),
			MsgEN: fmt.Sprintf("id %q refused: %s", id, whyEN)}
	}
	switch {
	case validID("", id) != nil:
		return importErr(field, "identifiant vide ou trop long (200 octets au plus)", "empty or too long id (200 bytes at most)")
	case !utf8.ValidString(id):
		return bad("pas de l'UTF-8", "not UTF-8")
	case strings.ContainsAny(id, `/\`):
		return bad("« / » et « \\ » sont interdits", `"/" and "\" are not allowed`)
	case strings.HasPrefix(id, "."):
		return bad("commence par un point", "starts with a dot")
	case strings.TrimSpace(id) != id:
		return bad("espace au début ou à la fin", "space at either end")
	}
	for _, r := range id {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return bad("caractère de contrôle", "control character")
		}
	}
	return nil
}

// stringWalk visits every string of the decoded file: checks its length
// and cleans it (ids are left to importID: cleaning one would change what
// refers to it).
type stringWalk struct {
	clean, text func(string) string
	err         error
}

func (w *stringWalk) walk(path, tag string, v reflect.Value) {
	if w.err != nil {
		return
	}
	switch v.Kind() {
	case reflect.String:
		if s, ok := w.str(path, tag, v.String()); ok {
			v.SetString(s)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			w.walk(path, tag, v.Elem())
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			return
		}
		for i := range v.NumField() {
			sf := v.Type().Field(i)
			if !sf.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			p := path
			if !sf.Anonymous {
				p = joinPath(path, name)
			}
			w.walk(p, name, v.Field(i))
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // sealed bytes, raw JSON: checked where used
		}
		for i := range v.Len() {
			w.walk(fmt.Sprintf("%s[%d]", path, i), tag, v.Index(i))
		}
	case reflect.Map:
		w.walkMap(path, v)
	}
}

// walkMap cleans a map of strings (a capture record, facts): keys are
// field names (checked like ids), values are text.
func (w *stringWalk) walkMap(path string, v reflect.Value) {
	if v.Type().Key().Kind() != reflect.String || v.Type().Elem().Kind() != reflect.String {
		if v.Type().Elem().Kind() == reflect.Slice && v.Type().Elem().Elem().Kind() == reflect.Uint8 {
			return // secrets.sealed: checked by checkRefs
		}
		w.err = importErr(path, "contenu inattendu", "unexpected content")
		return
	}
	iter := v.MapRange()
	type kv struct{ k, v string }
	var out []kv
	for iter.Next() {
		k := iter.Key().String()
		if err := importID(path, k); err != nil {
			w.err = err
			return
		}
		s, ok := w.str(joinPath(path, k), "", iter.Value().String())
		if !ok {
			return
		}
		out = append(out, kv{k, s})
	}
	for _, e := range out {
		v.SetMapIndex(reflect.ValueOf(e.k).Convert(v.Type().Key()), reflect.ValueOf(e.v).Convert(v.Type().Elem()))
	}
}

// The kinds of string fields, by json name.
const (
	fieldText = iota // any one-line string
	fieldID          // an id: checked by importID, not cleaned
	fieldName        // a short one-line string: the tighter limit
	fieldFree        // free text: cleaned keeping line breaks
)

func fieldKind(tag string) int {
	switch tag {
	case "id", "step", "client", "gate":
		return fieldID
	case "name", "siren", "legal_name", "operator", "who", "by":
		return fieldName
	case "note", "reason", "detail":
		return fieldFree
	}
	return fieldText
}

func (w *stringWalk) str(path, tag, s string) (string, bool) {
	kind := fieldKind(tag)
	limit := maxImportText
	if kind == fieldID || kind == fieldName {
		limit = maxImportNames
	}
	if len(s) > limit {
		w.err = importErr(path, "texte trop long (%d octets, au plus %d)", "text too long (%d bytes, at most %d)", len(s), limit)
		return s, false
	}
	switch {
	case kind == fieldID:
		return s, true
	case kind == fieldFree && w.text != nil:
		return w.text(s), true
	case w.clean != nil:
		return w.clean(s), true
	}
	return s, true
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
