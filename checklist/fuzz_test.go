package checklist

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bascule-cli/bascule/connectors"
)

// Properties: an accepted date is a midnight UTC date whose French or ISO
// form is the trimmed input exactly (no lenient reading), and both forms
// parse back to it. A refused date returns the zero time.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"02/03/2026", "2026-03-02", " 31/12/2025 ", "29/02/2024", "29/02/2025", "31/04/2026",
		"2/3/2026", "02-03-2026", "2026/03/02", "00/01/2026", "01/13/2026", "01/01/0000", "9999-12-31",
		"", "02/03/2026T10:00", "02/03/20266", "+2026-03-02", "٠٢/٠٣/٢٠٢٦", "02/03/2026\x00", "\u00a002/03/2026",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("%q refused (%v) but returned %v", s, err, d)
			}
			return
		}
		if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
			t.Fatalf("%q: not a UTC date: %v", s, d)
		}
		fr, iso := d.Format("02/01/2006"), d.Format("2006-01-02")
		if trimmed := strings.TrimSpace(s); trimmed != fr && trimmed != iso {
			t.Fatalf("%q read leniently as %s", s, iso)
		}
		for _, v := range []string{fr, iso} {
			if again, err := ParseDate(v); err != nil || !again.Equal(d) {
				t.Fatalf("%q -> %v, but %q -> %v, %v", s, d, v, again, err)
			}
		}
		if msg := (Field{Type: FieldDate}).Validate(s); msg != nil {
			t.Fatalf("%q parses but a date field refuses it: %v", s, msg)
		}
	})
}

// fuzzFields has one field per type; choice fields get the cabinet roles.
func fuzzFields() []Field {
	var fs []Field
	for ty := FieldText; ty <= FieldSecret; ty++ {
		fl := Field{ID: "f" + ty.String(), Label: tx("Champ "+ty.String(), "Field "+ty.String()), Type: ty}
		if ty == FieldChoice || ty == FieldMultiChoice {
			fl.Options = cabinetRoleOptions()
		}
		fs = append(fs, fl)
	}
	// Lists that also take free text (the guide's company roles).
	for _, ty := range []FieldType{FieldChoice, FieldMultiChoice} {
		fs = append(fs, Field{ID: "free" + ty.String(), Label: tx("Libre", "Free"), Type: ty, Options: companyRoleOptions(), FreeText: true})
	}
	return fs
}

// Properties, for every field type, required or not: Normalize is
// idempotent; a value Validate accepts stays accepted once normalised; a
// blank value is refused exactly when the field is required; a refusal has
// both messages in valid UTF-8; an accepted value normalises to the
// canonical form of its type.
func FuzzFieldValue(f *testing.F) {
	fields := fuzzFields()
	for _, c := range []struct {
		ty  FieldType
		req bool
		v   string
	}{
		{FieldText, true, "Cabinet Martin"}, {FieldText, true, " \t "}, {FieldText, false, "\x1b[2J"},
		{FieldEmail, true, "claire.martin@cabinet-martin.fr"}, {FieldEmail, false, " Claire.Martin@Cabinet-Martin.FR "},
		{FieldEmail, true, "a@b"}, {FieldEmail, true, "claire@exämple.fr"},
		{FieldSIREN, true, "552 008 443"}, {FieldSIREN, true, "552\u00a0008\u202f443"}, {FieldSIREN, true, "552008444"},
		{FieldIBAN, true, "FR76 3000 6000 0112 3456 7890 189"}, {FieldIBAN, true, "fr7630006000011234567890189"},
		{FieldInt, true, "42"}, {FieldInt, true, "-1"}, {FieldInt, true, "+007"}, {FieldInt, true, "99999999999999999999"},
		{FieldBool, true, "Oui"}, {FieldBool, true, " non "}, {FieldBool, true, "peut-être"},
		{FieldDate, true, "02/03/2026"}, {FieldDate, true, "2026-03-02"}, {FieldDate, true, "31/02/2026"},
		{FieldChoice, true, "administrateur"}, {FieldChoice, true, "root"},
		{FieldMultiChoice, true, "administrateur, comptable"}, {FieldMultiChoice, true, ",,"},
		{FieldFile, false, "../../etc/passwd"},
		{FieldChecksum, true, strings.Repeat("AB", 32)}, {FieldChecksum, true, strings.Repeat("\u212a", 21) + "a"},
		{FieldSecret, true, "hunter2"},
	} {
		f.Add(uint8(c.ty), c.req, c.v)
	}
	f.Fuzz(func(t *testing.T, ty uint8, required bool, v string) {
		fl := fields[int(ty)%len(fields)]
		fl.Required = required
		n := fl.Normalize(v)
		if again := fl.Normalize(n); again != n {
			t.Fatalf("%s: Normalize not idempotent: %q -> %q -> %q", fl.Type, v, n, again)
		}
		msg := fl.Validate(v)
		if msg != nil {
			// The value is echoed: it must not bring control characters,
			// escape sequences or bidi overrides to the terminal.
			if msg.FR == "" || msg.EN == "" || !utf8.ValidString(msg.FR) || !utf8.ValidString(msg.EN) ||
				connectors.Sanitize(msg.FR) != msg.FR || connectors.Sanitize(msg.EN) != msg.EN {
				t.Fatalf("%s: bad messages %+v for %q", fl.Type, *msg, v)
			}
		}
		if strings.TrimSpace(v) == "" {
			if (msg != nil) != required {
				t.Fatalf("%s: blank %q, required %v: %v", fl.Type, v, required, msg)
			}
			return
		}
		if msg != nil {
			return
		}
		if msgN := fl.Validate(n); msgN != nil {
			t.Fatalf("%s: %q accepted, but its normal form %q is refused: %s", fl.Type, v, n, msgN.EN)
		}
		if n != strings.TrimSpace(n) || n == "" {
			t.Fatalf("%s: %q normalises to untrimmed or empty %q", fl.Type, v, n)
		}
		switch fl.Type {
		case FieldSIREN:
			if len(n) != 9 || strings.Trim(n, "0123456789") != "" {
				t.Fatalf("SIREN %q normalises to %q", v, n)
			}
		case FieldIBAN:
			if strings.Trim(n, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
				t.Fatalf("IBAN %q normalises to %q", v, n)
			}
		case FieldInt:
			if i, err := strconv.Atoi(n); err != nil || i < 0 {
				t.Fatalf("int %q normalises to %q", v, n)
			}
		case FieldBool:
			if n != "true" && n != "false" {
				t.Fatalf("bool %q normalises to %q", v, n)
			}
		case FieldDate:
			if _, err := ParseDate(n); err != nil {
				t.Fatalf("date %q normalises to %q: %v", v, n, err)
			}
		case FieldChecksum:
			if len(n) != 64 || strings.Trim(n, "0123456789abcdef") != "" {
				t.Fatalf("checksum %q normalises to %q", v, n)
			}
		case FieldChoice:
			// A free-text value is accepted only as plain printable text.
			if !fl.hasOption(n) && !(fl.FreeText && connectors.Sanitize(n) == n) {
				t.Fatalf("choice %q normalises to %q", v, n)
			}
		case FieldMultiChoice:
			for _, p := range SplitMulti(n) {
				if !fl.hasOption(p) && !(fl.FreeText && connectors.Sanitize(p) == p) {
					t.Fatalf("multi-choice %q normalises to %q (%q)", v, n, p)
				}
			}
		}
	})
}

// Properties of the identifier parsers (status, scope, phase, language):
// what is accepted is exactly a stable id (or, for a status, its French
// title; for a scope, "payment"), and every value's id parses back to it.
func FuzzParseIDs(f *testing.F) {
	for _, s := range []string{
		"todo", "in_progress", "done", "blocked", "not_applicable", "à faire", "sans objet", "Done", " done",
		"cabinet", "client", "payment_client", "payment", "preparation", "registration", "request",
		"reconciliation", "summary", "fr", "en", "en_GB.UTF-8", "fr_FR.UTF-8", " EN ", "de", "C", "", "\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if st, ok := ParseStatus(s); ok {
			if st >= statusCount || (s != st.String() && s != st.Title().FR) {
				t.Fatalf("status %q accepted as %v", s, st)
			}
		} else if st != 0 {
			t.Fatalf("status %q refused but returned %v", s, st)
		}
		if sc, ok := ParseScope(s); ok {
			if sc >= scopeCount || (s != sc.String() && !(s == "payment" && sc == ScopePayment)) {
				t.Fatalf("scope %q accepted as %v", s, sc)
			}
		}
		if p, ok := ParsePhase(s); ok {
			if p >= phaseCount || s != p.String() {
				t.Fatalf("phase %q accepted as %v", s, p)
			}
		}
		l, ok := ParseLang(s)
		k := strings.ToLower(strings.TrimSpace(s))
		switch {
		case ok && !(l == French && strings.HasPrefix(k, "fr")) && !(l == English && strings.HasPrefix(k, "en")):
			t.Fatalf("lang %q accepted as %q", s, l)
		case !ok && l != French:
			t.Fatalf("lang %q refused but returned %q", s, l)
		}
		env := func(string) string { return s }
		if got := DetectLang(s, env); got != l {
			t.Fatalf("DetectLang(%q) = %q, ParseLang = %q", s, got, l)
		}
		if got := DetectLang("", env); s != "" && got != l {
			t.Fatalf("DetectLang from LANG=%q = %q, ParseLang = %q", s, got, l)
		}

		// Round trips of every value (cheap; keeps the inverse honest).
		for st := StatusTodo; st < statusCount; st++ {
			if got, ok := ParseStatus(st.String()); !ok || got != st {
				t.Fatalf("status %v does not round-trip", st)
			}
			if got, ok := ParseStatus(st.Title().FR); !ok || got != st {
				t.Fatalf("status title %q does not round-trip", st.Title().FR)
			}
		}
		for sc := ScopeCabinet; sc < scopeCount; sc++ {
			if got, ok := ParseScope(sc.String()); !ok || got != sc {
				t.Fatalf("scope %v does not round-trip", sc)
			}
		}
		for _, p := range Phases() {
			if got, ok := ParsePhase(p.String()); !ok || got != p {
				t.Fatalf("phase %v does not round-trip", p)
			}
		}
	})
}
