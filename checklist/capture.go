package checklist

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"
)

// What a capture names outside itself is checked where it is typed: the file
// exists and its digest is kept, a count matches the file, a period ends
// after it starts. checklist does no I/O: the files are read through a
// FileReader the front end is given (cmd/bascule builds it on os and
// connectors/files; tests pass a fake).

// SourceFile is the evidence source of the files a capture names.
const SourceFile = "file"

// firmScope is the value of a FieldFirmOrSIREN that names the firm itself.
const firmScope = "cabinet"

func isFirm(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case firmScope, "firm", "le cabinet", "the firm":
		return true
	}
	return false
}

// FileFacts is what bascule reads of a file named in a capture.
type FileFacts struct {
	SHA256 string // hex digest of the content
	// Clients is the number of clients of a V1 clients export that V1 does
	// not migrate (every row but the active clients); -1 when not counted.
	Clients int
}

// FileReader reads the files a capture names.
type FileReader interface {
	// ReadFile returns the digest of the file at path and, when clients is
	// true, counts the clients of a V1 export. An error wrapping
	// fs.ErrNotExist says the file is not there; any other error's
	// message is shown to the user as is (with English() for English).
	ReadFile(path string, clients bool) (FileFacts, error)
}

// CheckFile says whether the file a FieldFile names can be read, as soon as
// it is typed; nil when files is nil or the field is no file.
func (f Field) CheckFile(value string, files FileReader) *Text {
	if f.Type != FieldFile || files == nil || strings.TrimSpace(value) == "" {
		return nil
	}
	if _, err := files.ReadFile(strings.TrimSpace(value), false); err != nil {
		t := fileProblem(f, value, err)
		return &t
	}
	return nil
}

func fileProblem(f Field, path string, err error) Text {
	p := shown(strings.TrimSpace(path))
	if errors.Is(err, fs.ErrNotExist) {
		return tx(fmt.Sprintf("%s : « %s » introuvable", f.Label.FR, p), fmt.Sprintf("%s: %q not found", f.Label.EN, p))
	}
	fr, en := err.Error(), err.Error()
	if e, ok := err.(interface{ English() string }); ok {
		en = e.English()
	}
	return tx(fmt.Sprintf("%s : « %s » illisible (%s)", f.Label.FR, p, fr), fmt.Sprintf("%s: %q cannot be read (%s)", f.Label.EN, p, en))
}

// CheckItem checks one item as a whole, once each field is valid on its
// own: dates in order, files readable, counts matching the file, digests
// computed (a typed digest must match). It returns the item completed with
// the digests, and the facts read from the files by field id.
func (f *Form) CheckItem(rec Record, files FileReader) (Record, map[string]FileFacts, []FieldError) {
	out := make(Record, len(rec))
	for k, v := range rec {
		out[k] = v
	}
	var errs []FieldError
	fail := func(fl Field, t Text) { errs = append(errs, FieldError{Field: fl.ID, Message: t}) }
	for _, fl := range f.Fields {
		if fl.NotBefore == "" {
			continue
		}
		start, okS := f.date(fl.NotBefore, rec)
		end, okE := f.date(fl.ID, rec)
		if okS && okE && end.Before(start) {
			other, _ := f.Field(fl.NotBefore)
			fail(fl, tx(fmt.Sprintf("%s : le %s est avant le %s (%s)", fl.Label.FR, end.Format("02/01/2006"), start.Format("02/01/2006"), strings.ToLower(other.Label.FR)),
				fmt.Sprintf("%s: %s is before %s (%s)", fl.Label.EN, end.Format("2006-01-02"), start.Format("2006-01-02"), strings.ToLower(other.Label.EN))))
		}
	}
	facts := map[string]FileFacts{}
	if files == nil {
		return out, facts, errs
	}
	for _, fl := range f.Fields {
		path := strings.TrimSpace(rec[fl.ID])
		if fl.Type != FieldFile || path == "" {
			continue
		}
		ff, err := files.ReadFile(path, f.counted(fl.ID))
		if err != nil {
			fail(fl, fileProblem(fl, path, err))
			continue
		}
		facts[fl.ID] = ff
	}
	for _, fl := range f.Fields {
		switch {
		case fl.DigestOf != "":
			ff, ok := facts[fl.DigestOf]
			if !ok {
				continue
			}
			if typed := strings.ToLower(strings.TrimSpace(rec[fl.ID])); typed != "" && typed != ff.SHA256 {
				fail(fl, tx(fl.Label.FR+" : ne correspond pas au fichier (le fichier a changé ?)", fl.Label.EN+": does not match the file (has it changed?)"))
				continue
			}
			out[fl.ID] = ff.SHA256
		case fl.CountOf != "":
			ff, ok := facts[fl.CountOf]
			n, err := strconv.Atoi(strings.TrimSpace(rec[fl.ID]))
			if !ok || ff.Clients < 0 || err != nil || n == ff.Clients {
				continue
			}
			fail(fl, tx(fmt.Sprintf("%s : vous avez noté %s, le fichier en compte %s (clients actifs exclus)", fl.Label.FR, FormatInt(French, n), FormatInt(French, ff.Clients)),
				fmt.Sprintf("%s: %s noted, the file holds %s (active clients aside)", fl.Label.EN, FormatInt(English, n), FormatInt(English, ff.Clients))))
		}
	}
	return out, facts, errs
}

func (f *Form) date(id string, rec Record) (time.Time, bool) {
	t, err := ParseDate(rec[id])
	return t, err == nil
}

// counted reports whether a field of the form counts the clients of file id.
func (f *Form) counted(id string) bool {
	for _, fl := range f.Fields {
		if fl.CountOf == id {
			return true
		}
	}
	return false
}

// Check validates a whole capture where it is typed: every field, then every
// item as a whole (CheckItem). It returns the capture completed with the
// digests, and the evidence of the files read (their SHA-256, and the
// clients counted), nil when no file was read.
func (f *Form) Check(c Capture, files FileReader, now time.Time) (Capture, *Evidence, []FieldError) {
	errs := f.Validate(c)
	out := Capture{Items: make([]Record, 0, len(c.Items))}
	var ev *Evidence
	for i, rec := range c.Items {
		done, facts, ierrs := f.CheckItem(rec, files)
		for _, e := range ierrs {
			e.Item = i
			errs = append(errs, e)
		}
		out.Items = append(out.Items, done)
		for id, ff := range facts {
			if ev == nil {
				ev = &Evidence{Source: SourceFile, At: now.UTC(), OK: true, Facts: map[string]string{}}
			}
			key := id
			if len(c.Items) > 1 {
				key = fmt.Sprintf("%s.%d", id, i+1)
			}
			ev.Facts[key+"_sha256"] = ff.SHA256
			if ff.Clients >= 0 && f.counted(id) {
				ev.Facts[key+"_clients"] = strconv.Itoa(ff.Clients)
			}
		}
	}
	return out, ev, errs
}
