package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// This file builds the capture screen's item form (capture.go): one huh
// field per guide field, validated by the guide's rules, and the answers
// read back into a record.

// answers hold what a form's fields write. They live on the heap, outside
// the model that Bubble Tea copies on every Update, so the pointers huh
// keeps stay valid.
type answers struct {
	text    map[string]*string
	bools   map[string]*bool
	multi   map[string]*[]string
	secrets map[string]*string // typed credentials, sealed apart from the record
	// extra holds the free text typed beside a multi-choice list that
	// accepts values outside it (a V1 role no list holds).
	extra map[string]*string
}

// openItemForm builds a fresh form for item i (a new one when i is past the
// end): huh forms cannot be reused once submitted.
func (m *Model) openItemForm(i int) tea.Cmd {
	c := m.capture
	var rec checklist.Record
	if i < len(c.items) {
		rec = c.items[i]
	}
	if c.draft != nil {
		rec, c.draft = c.draft, nil
	}
	ans := &answers{text: map[string]*string{}, bools: map[string]*bool{}, multi: map[string]*[]string{}, secrets: map[string]*string{}}
	var fields []huh.Field
	for _, fl := range m.formFields(c.step.Form) {
		if fl.Type == checklist.FieldSecret {
			fields = append(fields, m.secretInput(fl, rec, c.ref, ans))
			continue
		}
		fields = append(fields, m.huhField(fl, rec[fl.ID], ans))
		if fl.Type == checklist.FieldMultiChoice && fl.FreeText {
			fields = append(fields, m.freeTextField(fl, rec[fl.ID], ans))
		}
	}
	title := c.step.Title.In(m.lang)
	if c.step.Form.Repeated {
		label := c.step.Form.ItemLabel.In(m.lang)
		if i < len(c.items) {
			title = fmt.Sprintf(i18n.Of(m.lang).EditFmt, label, i+1)
		} else {
			title = fmt.Sprintf(i18n.Of(m.lang).AddFmt, label)
		}
	}
	form, id, cmd := m.newForm(huh.NewGroup(fields...).Title(title))
	c.form, c.formID, c.answers, c.editing = form, id, ans, i
	c.files = newFileChecks()
	return cmd
}

// fieldDescription is a field's help with its source, and for a list that
// is bascule's own or takes free text, where it comes from. A plain list of
// the guide's needs no label.
func fieldDescription(lang checklist.Lang, fl checklist.Field) string {
	var parts []string
	if !fl.Help.IsZero() {
		parts = append(parts, checklist.Said{Text: fl.Help, Source: fl.HelpSource}.In(lang))
	}
	if len(fl.Options) > 0 && (fl.OptionsSource.Kind != checklist.SourceGuide || fl.FreeText) {
		if l := fl.OptionsLabel(); !l.IsZero() {
			parts = append(parts, "["+l.In(lang)+"]")
		}
	}
	return strings.Join(parts, " ")
}

// splitListed splits a multi-choice value into the values of the field's
// list and the others (typed as free text).
func splitListed(fl checklist.Field, value string) (listed, other []string) {
	for _, v := range checklist.SplitMulti(value) {
		if slices.ContainsFunc(fl.Options, func(o checklist.Option) bool { return o.Value == v }) {
			listed = append(listed, v)
		} else {
			other = append(other, v)
		}
	}
	return listed, other
}

// freeTextField is the input beside a list that accepts other values: what
// V1 names and no list holds, separated by commas.
func (m *Model) freeTextField(fl checklist.Field, value string, ans *answers) huh.Field {
	_, other := splitListed(fl, value)
	v := strings.Join(other, ", ")
	if ans.extra == nil {
		ans.extra = map[string]*string{}
	}
	ans.extra[fl.ID] = &v
	lang := m.lang
	return huh.NewInput().Title(fl.Label.In(lang) + i18n.Of(lang).OthersFreeText).
		Description(i18n.Of(lang).SeparatedByCommas).Value(&v).
		Validate(func(s string) error {
			for _, x := range checklist.SplitMulti(s) {
				if msg := fl.Validate(x); msg != nil {
					return errors.New(msg.In(lang))
				}
			}
			return nil
		})
}

// huhField builds the input for one capture field, validated by the guide's
// own rules so that messages are the product's, in the user's language.
func (m *Model) huhField(fl checklist.Field, value string, ans *answers) huh.Field {
	label := fl.Label.In(m.lang)
	if fl.Required {
		label += " *"
	}
	desc := fieldDescription(m.lang, fl)
	lang := m.lang
	// Pure checks only: whether a file can be read is checked in a command
	// once the user leaves the field (capture_files.go).
	validate := func(v string) error {
		if msg := fl.Validate(v); msg != nil {
			return errors.New(msg.In(lang))
		}
		return nil
	}
	switch fl.Type {
	case checklist.FieldBool:
		b := BoolAnswer(fl, value)
		ans.bools[fl.ID] = &b
		return confirmOf(m.lang, newConfirm(i18n.Of(m.lang).Yes, i18n.Of(m.lang).No, &b).Title(label).Description(desc))
	case checklist.FieldChoice:
		v := value
		ans.text[fl.ID] = &v
		var opts []huh.Option[string]
		for _, o := range fl.Options {
			opts = append(opts, huh.NewOption(o.Label.In(m.lang), o.Value))
		}
		if v == "" && len(opts) > 0 {
			v = opts[0].Value
		}
		return newSelect(label, opts, &v).Description(desc).Validate(validate)
	case checklist.FieldMultiChoice:
		vs, _ := splitListed(fl, value)
		ans.multi[fl.ID] = &vs
		var opts []huh.Option[string]
		for _, o := range fl.Options {
			opts = append(opts, huh.NewOption(o.Label.In(m.lang), o.Value))
		}
		// No height: huh then sizes the list to its options. A height
		// counts the title and description too, which wrap over several
		// lines, and left room for one option only.
		return huh.NewMultiSelect[string]().Title(label).Description(desc).Options(opts...).Value(&vs).
			Validate(func(v []string) error {
				if len(v) == 0 && fl.FreeText {
					return nil // the free-text input beside may hold the value; the record is checked whole
				}
				return validate(strings.Join(v, ", "))
			})
	}
	v := value
	if fl.Type == checklist.FieldIBAN && v != "" {
		v = ident.FormatIBAN(v)
	}
	ans.text[fl.ID] = &v
	in := huh.NewInput().Key(fl.ID).Title(label).Description(desc).Value(&v).Validate(validate)
	switch fl.Type {
	case checklist.FieldDate:
		in.Placeholder(i18n.Of(m.lang).DDMMYYYY)
	case checklist.FieldSIREN:
		in.Placeholder("552 008 443")
	case checklist.FieldEmail:
		in.Placeholder(i18n.Of(m.lang).FirstLastExampleCom)
	}
	return in
}

// record reads the answers back into a normalised record.
func (a *answers) record(f *checklist.Form) checklist.Record {
	r := checklist.Record{}
	for _, fl := range capturedFields(f) {
		switch {
		case a.bools[fl.ID] != nil:
			r[fl.ID] = yesNo(*a.bools[fl.ID])
		case a.multi[fl.ID] != nil:
			vs := *a.multi[fl.ID]
			if x := a.extra[fl.ID]; x != nil {
				vs = append(slices.Clone(vs), checklist.SplitMulti(*x)...)
			}
			r[fl.ID] = strings.Join(vs, ", ")
		case a.text[fl.ID] != nil:
			// Typed or pasted: cleaned of escape sequences where it enters.
			r[fl.ID] = fl.Normalize(connectors.Sanitize(*a.text[fl.ID]))
		}
	}
	return r
}
