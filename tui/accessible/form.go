package accessible

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// plainTheme renders titles as they are: no colours, no escape sequences,
// whatever the terminal.
func plainTheme() *huh.Theme { return &huh.Theme{} }

// lineField is a form field whose accessible run is ours: the choices,
// yes/no questions and secrets of huh's accessible mode answer in English
// ("Enter a number between…", "[y/N]") and a secret needs a terminal.
// Text fields stay huh's own inputs. huh's form asks WithAccessible(true)
// for the field to run, hence the override returning the wrapper.
type lineField struct {
	*huh.Input
	run func(w io.Writer, r io.Reader) error
}

func (f *lineField) WithAccessible(bool) huh.Field { return f }

func (f *lineField) RunAccessible(w io.Writer, r io.Reader) error { return f.run(w, r) }

// itemAnswers hold what one capture item's form writes.
type itemAnswers struct {
	values  map[string]*string
	secrets map[string]*string
}

// itemForm builds the form of one capture item, huh's accessible mode,
// from the guide's own field definitions: the same labels, and the same
// Field.Validate messages as the full-screen forms. An empty answer keeps
// the value already noted.
func (d *dialog) itemForm(form *checklist.Form, rec checklist.Record) (*huh.Form, *itemAnswers) {
	ans := &itemAnswers{values: map[string]*string{}, secrets: map[string]*string{}}
	var fields []huh.Field
	for _, fl := range form.Fields {
		fl := fl
		label := fl.Label.In(d.lang)
		if fl.Required {
			label += " *"
		}
		cur := rec[fl.ID]
		v := cur
		switch fl.Type {
		case checklist.FieldSecret:
			s := ""
			ans.secrets[fl.ID] = &s
			fields = append(fields, &lineField{Input: huh.NewInput(), run: func(io.Writer, io.Reader) error {
				val, err := d.askSecret(label + i18n.Of(d.lang).HiddenEnterToLeave)
				s = val
				return err
			}})
			continue
		case checklist.FieldChoice, checklist.FieldMultiChoice, checklist.FieldBool:
			ans.values[fl.ID] = &v
			fields = append(fields, &lineField{Input: huh.NewInput(), run: func(io.Writer, io.Reader) error {
				return d.askChoiceField(fl, label, &v)
			}})
			continue
		case checklist.FieldIBAN:
			if v != "" {
				v = ident.FormatIBAN(v)
			}
		}
		ans.values[fl.ID] = &v
		title := label
		if cur != "" {
			title += " [" + v + "]"
		}
		lang := d.lang
		in := huh.NewInput().Title(title + i18n.Of(d.lang).Colon2).Value(&v).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" && cur != "" {
				return nil // keeps the value noted
			}
			if msg := fl.Validate(s); msg != nil {
				return errors.New(msg.In(lang))
			}
			return nil
		})
		fields = append(fields, in)
	}
	f := huh.NewForm(huh.NewGroup(fields...)).WithAccessible(true).WithTheme(plainTheme()).
		WithInput(d.in).WithOutput(d.out)
	return f, ans
}

// askChoiceField asks a choice, several choices or yes/no, in the user's
// language, and writes the stored form of the answer into v.
func (d *dialog) askChoiceField(fl checklist.Field, label string, v *string) error {
	switch fl.Type {
	case checklist.FieldBool:
		b, err := d.yesNo(label, tui.BoolAnswer(fl, *v))
		if err != nil {
			return err
		}
		*v = strconv.FormatBool(b)
		return nil
	case checklist.FieldChoice:
		d.println(label)
		def := 0
		for i, o := range fl.Options {
			d.printf("%d. %s\n", i+1, o.Label.In(d.lang))
			if o.Value == *v {
				def = i + 1
			}
		}
		for {
			prompt := fmt.Sprintf(i18n.Of(d.lang).Number1ToFmt, len(fl.Options))
			if def > 0 {
				prompt = fmt.Sprintf(i18n.Of(d.lang).Number1ToEnterFmt, len(fl.Options), def)
			}
			s, err := d.ask(prompt)
			if err != nil {
				return err
			}
			n, convErr := strconv.Atoi(s)
			switch {
			case s == "" && def > 0:
				return nil
			case convErr == nil && n >= 1 && n <= len(fl.Options):
				*v = fl.Options[n-1].Value
				if msg := fl.Validate(*v); msg != nil {
					d.println(msg.In(d.lang))
					continue
				}
				return nil
			case s == "" && fl.Required:
				d.println(fl.Validate("").In(d.lang))
			case s == "":
				return nil
			default:
				d.println(fmt.Sprintf(i18n.Of(d.lang).TypeANumberBetweenFmt, len(fl.Options)))
			}
		}
	}
	// Several choices: numbers separated by commas or spaces.
	d.println(label)
	for i, o := range fl.Options {
		d.printf("%d. %s\n", i+1, o.Label.In(d.lang))
	}
	prompt := i18n.Of(d.lang).NumbersSeparatedByCommas
	seps := func(r rune) bool { return r == ',' || r == ' ' || r == ';' }
	if fl.FreeText {
		// A value outside the list is typed as it is (a V1 role no list
		// holds): items are then separated by commas only.
		d.println(fl.OptionsLabel().In(d.lang))
		prompt = i18n.Of(d.lang).NumbersOrFreeText
		seps = func(r rune) bool { return r == ',' || r == ';' }
	}
	for {
		s, err := d.ask(prompt)
		if err != nil {
			return err
		}
		if s == "" {
			if msg := fl.Validate(*v); msg != nil {
				d.println(msg.In(d.lang))
				continue
			}
			return nil
		}
		var picked []string
		ok := true
		for _, p := range strings.FieldsFunc(s, seps) {
			p = strings.TrimSpace(p)
			n, err := strconv.Atoi(p)
			if err != nil && fl.FreeText && p != "" {
				picked = append(picked, p)
				continue
			}
			if err != nil || n < 1 || n > len(fl.Options) {
				ok = false
				break
			}
			picked = append(picked, fl.Options[n-1].Value)
		}
		if !ok {
			d.println(fmt.Sprintf(i18n.Of(d.lang).TypeNumbersBetween1Fmt, len(fl.Options)))
			continue
		}
		joined := strings.Join(picked, ", ")
		if msg := fl.Validate(joined); msg != nil {
			d.println(msg.In(d.lang))
			continue
		}
		*v = joined
		return nil
	}
}

// record reads the answers back into a normalised record (secrets apart).
func (a *itemAnswers) record(form *checklist.Form, old checklist.Record) checklist.Record {
	r := checklist.Record{}
	for _, fl := range form.Fields {
		p := a.values[fl.ID]
		if p == nil {
			continue
		}
		v := connectors.Sanitize(*p)
		if v == "" {
			v = old[fl.ID]
		}
		r[fl.ID] = fl.Normalize(v)
	}
	return r
}
