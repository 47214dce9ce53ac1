package checklist

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
)

// FieldType says what a capture field holds, and so how it is validated.
type FieldType uint8

// The field types of capture forms.
const (
	FieldText FieldType = iota
	FieldEmail
	FieldSIREN
	FieldIBAN
	FieldInt
	FieldBool
	FieldDate // JJ/MM/AAAA
	FieldChoice
	FieldMultiChoice // several options, stored joined by ", "
	FieldFile        // a path or file name
	FieldChecksum    // a SHA-256 in hex
	// FieldSecret holds a credential. Its value is never kept in a capture: the
	// store seals it and the record only says whether it was provided.
	FieldSecret
	// FieldFirmOrSIREN is "cabinet" (the firm itself) or a client's SIREN.
	FieldFirmOrSIREN
)

var fieldTypeIDs = []string{"text", "email", "siren", "iban", "int", "bool", "date", "choice", "multi_choice", "file", "checksum", "secret", "firm_or_siren"}

// String returns the type's stable id.
func (t FieldType) String() string {
	if int(t) < len(fieldTypeIDs) {
		return fieldTypeIDs[t]
	}
	return fmt.Sprintf("field(%d)", t)
}

// Option is one choice of a choice field.
type Option struct {
	Value string
	Label Text
}

// Field is one typed input of a capture form.
type Field struct {
	ID       string
	Label    Text
	Type     FieldType
	Required bool
	Options  []Option // for FieldChoice and FieldMultiChoice
	// OptionsSource says where Options come from: the guide, or bascule's
	// own list (then shown as such, see OptionsLabel).
	OptionsSource Source
	// FreeText lets a choice field take a value outside Options, typed by
	// the user (a role V1 names that no list holds).
	FreeText bool
	// MinRunes is the fewest characters a value may have (0: no minimum),
	// for a passphrase say (MinPassphrase).
	MinRunes   int
	Help       Text
	HelpSource Source
	// Rules between the fields of one item, by the other field's id
	// (capture.go): a date not before another, a count equal to the clients
	// of an exported file, a digest computed from a file.
	NotBefore string
	CountOf   string
	DigestOf  string
}

// MinPassphrase is the fewest characters a new passphrase may have
// (bascule's rule): the store refuses to seal under a shorter one and the
// forms that ask for one say so as it is typed.
const MinPassphrase = 10

// Form is what a capture step asks the user to note. A repeated form is a list
// of items (collaborators, users, IBANs...); otherwise it has one item.
type Form struct {
	Fields    []Field
	Repeated  bool
	ItemLabel Text // "collaborateur", "IBAN"...
	// OneOf lists fields of which each item needs at least one (a date or a
	// reference).
	OneOf []string
}

// Field returns the field with id, if the form has it.
func (f *Form) Field(id string) (Field, bool) {
	for _, fl := range f.Fields {
		if fl.ID == id {
			return fl, true
		}
	}
	return Field{}, false
}

// Record is one item of a capture: field id to normalised value.
type Record map[string]string

// Capture is what was noted for one step instance.
type Capture struct {
	Items []Record `json:"items"`
}

// FieldError says what is wrong with one field of one item.
type FieldError struct {
	Item    int // 0-based item index
	Field   string
	Message Text
}

// Error returns the French message.
func (e FieldError) Error() string { return e.Message.FR }

// Normalize returns value in the canonical form for the field's type (SIREN
// digits only, IBAN upper case without spaces, trimmed text...).
func (f Field) Normalize(value string) string {
	value = strings.TrimSpace(value)
	switch f.Type {
	case FieldSIREN:
		return ident.NormalizeSIREN(value)
	case FieldIBAN:
		return ident.NormalizeIBAN(value)
	case FieldEmail:
		return ident.NormalizeEmail(value)
	case FieldChecksum:
		return strings.ToLower(value)
	case FieldFirmOrSIREN:
		if isFirm(value) {
			return firmScope
		}
		return ident.NormalizeSIREN(value)
	case FieldBool:
		if b, ok := parseBool(value); ok {
			return strconv.FormatBool(b)
		}
	}
	return value
}

// ShownValue is a recorded value as a front end lists it: an IBAN masked,
// a yes/no as oui/non, a choice by its label in lang (several separated by
// ", "; a value typed beside the list as it is); any other value as it is.
// The full-screen program and the accessible mode list items through it.
func (f Field) ShownValue(v string, lang Lang) string {
	switch f.Type {
	case FieldIBAN:
		if v != "" {
			return ident.MaskIBAN(v)
		}
	case FieldBool:
		switch v {
		case "true":
			return tx("oui", "yes").In(lang)
		case "false":
			return tx("non", "no").In(lang)
		}
	case FieldChoice, FieldMultiChoice:
		vs := SplitMulti(v)
		for i, x := range vs {
			for _, o := range f.Options {
				if o.Value == x {
					vs[i] = o.Label.In(lang)
					break
				}
			}
		}
		return strings.Join(vs, ", ")
	}
	return v
}

// Validate checks one value for the field and returns a message in both
// languages naming the field, or nil.
func (f Field) Validate(value string) *Text {
	value = strings.TrimSpace(value)
	if value == "" {
		if f.Required {
			t := tx(fmt.Sprintf("%s : champ obligatoire", f.Label.FR), fmt.Sprintf("%s: required", f.Label.EN))
			return &t
		}
		return nil
	}
	bad := func(fr, en string) *Text {
		t := tx(f.Label.FR+" : "+fr, f.Label.EN+": "+en)
		return &t
	}
	fromIdent := func(err error) *Text {
		if err == nil {
			return nil
		}
		if ie, ok := err.(*ident.Error); ok {
			t := tx(ie.Error(), ie.English())
			return &t
		}
		t := tx(err.Error(), err.Error())
		return &t
	}
	if n := utf8.RuneCountInString(value); n < f.MinRunes {
		typed := "saisis"
		if n <= 1 {
			typed = "saisi"
		}
		return bad(fmt.Sprintf("au moins %d caractères (%d %s)", f.MinRunes, n, typed),
			fmt.Sprintf("at least %d characters (%d typed)", f.MinRunes, n))
	}
	switch f.Type {
	case FieldSIREN:
		return fromIdent(ident.ValidateSIREN(value))
	case FieldFirmOrSIREN:
		if isFirm(value) {
			return nil
		}
		if err := ident.ValidateSIREN(value); err != nil {
			msg := fromIdent(err)
			return bad("« cabinet » ou un SIREN valide attendu ("+msg.FR+")", "\"cabinet\" or a valid SIREN is expected ("+msg.EN+")")
		}
	case FieldIBAN:
		return fromIdent(ident.ValidateIBAN(value))
	case FieldEmail:
		return fromIdent(ident.ValidateEmail(value))
	case FieldInt:
		if n, err := strconv.Atoi(value); err != nil || n < 0 {
			return bad("nombre entier positif attendu", "a non-negative whole number is expected")
		}
	case FieldBool:
		if _, ok := parseBool(value); !ok {
			return bad("répondre oui ou non", "answer yes or no")
		}
	case FieldDate:
		if _, err := ParseDate(value); err != nil {
			return bad("date attendue au format JJ/MM/AAAA", "date expected as DD/MM/YYYY")
		}
	case FieldChoice:
		if f.FreeText {
			return f.validateFree(value)
		}
		if !f.hasOption(value) {
			return bad(fmt.Sprintf("« %s » n'est pas un choix proposé", shown(value)), fmt.Sprintf("%q is not one of the choices", value))
		}
	case FieldMultiChoice:
		for _, v := range SplitMulti(value) {
			if f.FreeText {
				if msg := f.validateFree(v); msg != nil {
					return msg
				}
				continue
			}
			if !f.hasOption(v) {
				return bad(fmt.Sprintf("« %s » n'est pas un choix proposé", shown(v)), fmt.Sprintf("%q is not one of the choices", v))
			}
		}
	case FieldChecksum:
		if !isHexSHA256(value) {
			return bad("empreinte SHA-256 attendue (64 caractères hexadécimaux)", "a SHA-256 digest is expected (64 hex characters)")
		}
	}
	return nil
}

// shown is v as a message shows it: as is when it is plain text, else quoted
// with Go escapes, so that a control character, an escape sequence, a bidi
// override or invalid UTF-8 typed or imported into a field never reaches the
// terminal through the error message.
func shown(v string) string {
	if connectors.Sanitize(v) == v {
		return v
	}
	return strconv.Quote(v)
}

// validateFree accepts a typed value that holds no control character,
// escape sequence or bidi override.
func (f Field) validateFree(v string) *Text {
	if connectors.Sanitize(v) != v {
		t := tx(fmt.Sprintf("%s : « %s » contient des caractères non imprimables", f.Label.FR, shown(v)),
			fmt.Sprintf("%s: %q holds non-printable characters", f.Label.EN, v))
		return &t
	}
	return nil
}

func (f Field) hasOption(v string) bool {
	for _, o := range f.Options {
		if o.Value == v {
			return true
		}
	}
	return false
}

// Validate checks every item of a capture against the form.
func (f *Form) Validate(c Capture) []FieldError {
	var errs []FieldError
	if !f.Repeated && len(c.Items) > 1 {
		errs = append(errs, FieldError{Item: 1, Message: tx("une seule saisie attendue", "only one entry is expected")})
	}
	for i, rec := range c.Items {
		if len(f.OneOf) > 0 && !f.anyOf(rec) {
			errs = append(errs, FieldError{Item: i, Field: f.OneOf[0], Message: f.oneOfMessage()})
		}
		for _, fl := range f.Fields {
			if fl.Type == FieldSecret {
				continue // held sealed by the store, never in the record
			}
			if msg := fl.Validate(rec[fl.ID]); msg != nil {
				errs = append(errs, FieldError{Item: i, Field: fl.ID, Message: *msg})
			}
		}
	}
	return errs
}

func (f *Form) anyOf(rec Record) bool {
	for _, id := range f.OneOf {
		if strings.TrimSpace(rec[id]) != "" {
			return true
		}
	}
	return false
}

func (f *Form) oneOfMessage() Text {
	var fr, en []string
	for _, id := range f.OneOf {
		if fl, ok := f.Field(id); ok {
			fr, en = append(fr, fl.Label.FR), append(en, fl.Label.EN)
		}
	}
	return tx("au moins un de ces champs : "+strings.Join(fr, ", "), "at least one of these fields: "+strings.Join(en, ", "))
}

// Normalize returns a copy of c with every known field normalised and unknown
// fields dropped, so that what is stored is what the form defines.
func (f *Form) Normalize(c Capture) Capture {
	out := Capture{Items: make([]Record, 0, len(c.Items))}
	for _, rec := range c.Items {
		n := make(Record, len(f.Fields))
		for _, fl := range f.Fields {
			if fl.Type == FieldSecret {
				continue
			}
			if v, ok := rec[fl.ID]; ok {
				n[fl.ID] = fl.Normalize(v)
			}
		}
		out.Items = append(out.Items, n)
	}
	return out
}

// SplitMulti splits a multi-choice value.
func SplitMulti(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ParseDate reads a French date (JJ/MM/AAAA) or an ISO date (AAAA-MM-JJ).
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("02/01/2006", s); err == nil {
		return t, nil
	}
	return time.Parse("2006-01-02", s)
}

func parseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "oui", "o", "yes", "y", "true", "1", "vrai":
		return true, true
	case "non", "n", "no", "false", "0", "faux":
		return false, true
	}
	return false, false
}

func isHexSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range strings.ToLower(s) {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
