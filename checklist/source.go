package checklist

import (
	"fmt"
	"strings"
)

// Where a sentence comes from. An accountant who trusts bascule must be able
// to tell the guide's words from what bascule adds: facts gathered elsewhere
// (the help centre, Banqup's own pages) and bascule's own rules and defaults.

// SourceKind says whether a sentence or a list comes from the guide or from
// bascule. The zero value means no source was given, which the data tests
// refuse.
type SourceKind uint8

// The kinds of source.
const (
	SourceUnset   SourceKind = iota
	SourceGuide              // guide-migration-cabinet.fr, at a section
	SourceBascule            // a "note de bascule": an outside fact or bascule's own rule
)

// String returns the kind's stable id.
func (k SourceKind) String() string {
	switch k {
	case SourceGuide:
		return "guide"
	case SourceBascule:
		return "bascule"
	}
	return "unset"
}

// MarshalText writes the stable id, so JSON shows "guide" or "bascule".
func (k SourceKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Source is the origin of one help text, warning, note or value list.
type Source struct {
	Kind SourceKind `json:"kind"`
	// Section is the guide's section ("2", "3.4"; several joined by ", ")
	// for a guide source; empty for bascule's.
	Section string `json:"section,omitempty"`
}

// FromGuide is a source in the guide, at one or more sections.
func FromGuide(sections ...string) Source {
	return Source{Kind: SourceGuide, Section: strings.Join(sections, ", ")}
}

// FromBascule is bascule's own source: a fact gathered outside the guide, or
// one of bascule's rules or defaults.
func FromBascule() Source { return Source{Kind: SourceBascule} }

// IsZero reports whether no source was given.
func (s Source) IsZero() bool { return s.Kind == SourceUnset }

// Sections lists the guide sections the source cites.
func (s Source) Sections() []string {
	if s.Kind != SourceGuide || s.Section == "" {
		return nil
	}
	return strings.Split(s.Section, ", ")
}

// Label is the source as a screen or a report shows it: "guide §2" or
// "note de bascule".
func (s Source) Label() Text {
	switch s.Kind {
	case SourceGuide:
		secs := s.Sections()
		for i := range secs {
			secs[i] = "§" + secs[i]
		}
		return tx("guide "+strings.Join(secs, ", "), "guide "+strings.Join(secs, ", "))
	case SourceBascule:
		return tx("note de bascule", "bascule's note")
	}
	return Text{}
}

// String is the label in French.
func (s Source) String() string { return s.Label().FR }

// Said is a sentence with its source.
type Said struct {
	Text   Text   `json:"text"`
	Source Source `json:"source"`
}

// In returns the sentence followed by its source in brackets, as screens
// show a help text: "… (guide §2)" or "… (note de bascule)".
func (s Said) In(lang Lang) string {
	if s.Text.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s (%s)", s.Text.In(lang), s.Source.Label().In(lang))
}

// ValidSection reports whether sec is a section of the guide.
func ValidSection(sec string) bool {
	switch sec {
	case "1", "2", "3.1", "3.2", "3.3", "3.4", "4":
		return true
	}
	return false
}

// Sourced lists every sentence a step shows with its source, in the order
// screens show them: the help text, the warning, bascule's note, then the
// help of each field of its form.
func (s *Step) Sourced() []Said {
	var out []Said
	add := func(t Text, src Source) {
		if !t.IsZero() {
			out = append(out, Said{Text: t, Source: src})
		}
	}
	add(s.Help, s.HelpSource)
	add(s.Warning, s.WarningSource)
	add(s.Note, FromBascule())
	if s.Form != nil {
		for _, f := range s.Form.Fields {
			add(f.Help, f.HelpSource)
		}
	}
	return out
}

// HelpSaid is the step's help text with its source.
func (s *Step) HelpSaid() Said { return Said{Text: s.Help, Source: s.HelpSource} }

// WarningSaid is the step's warning with its source; zero when it has none.
func (s *Step) WarningSaid() Said { return Said{Text: s.Warning, Source: s.WarningSource} }

// NoteSaid is bascule's note on the step (outside facts, bascule's rules);
// zero when it has none.
func (s *Step) NoteSaid() Said {
	if s.Note.IsZero() {
		return Said{}
	}
	return Said{Text: s.Note, Source: FromBascule()}
}

// OptionsLabel says where a choice field's list comes from, for the screen
// to show beside it: "rôles cités par le guide §3.4" or "liste de bascule".
// Free text is mentioned when the field accepts it.
func (f Field) OptionsLabel() Text {
	var t Text
	switch f.OptionsSource.Kind {
	case SourceGuide:
		l := f.OptionsSource.Label()
		t = tx("liste du "+l.FR, "list from the "+l.EN)
	case SourceBascule:
		t = tx("liste de bascule, non publiée par jefacture", "bascule's list, not published by jefacture")
	default:
		return Text{}
	}
	if f.FreeText {
		t = tx(t.FR+" ; autre valeur possible en texte libre", t.EN+"; any other value as free text")
	}
	return t
}
