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
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// captureScreen edits what a capture step notes: one record, or a list of
// items (collaborators, users, IBANs…) each edited in its own form.
type captureScreen struct {
	ref     checklist.Ref
	step    *checklist.Step
	items   []checklist.Record
	cursor  int
	form    *huh.Form // the open form, nil on the item list
	formID  int
	answers *answers
	editing int // item being edited, len(items) for a new one
	// confirmDelete asks again before an item is deleted.
	confirmDelete bool
	// pending is an item whose secrets are being sealed; passForm says the
	// open form asks the passphrase (secret_tui.go).
	pending  *pendingSecret
	passForm bool
	// draft is an item refused as a whole (a period ending before it
	// starts, a count the file contradicts): its form opens again with it.
	draft checklist.Record
}

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

// Form outcomes, tagged with the form's id so a message from a form that is
// gone cannot be taken for the current one's.
type (
	formSubmittedMsg struct{ id int }
	formCancelledMsg struct{ id int }
)

// capturedFields are the fields a capture record holds. Secrets are typed
// into the form (formFields) but sealed by the store, never recorded.
func capturedFields(f *checklist.Form) []checklist.Field {
	out := make([]checklist.Field, 0, len(f.Fields))
	for _, fl := range f.Fields {
		if fl.Type != checklist.FieldSecret {
			out = append(out, fl)
		}
	}
	return out
}

func (m *Model) openCapture(ref checklist.Ref, step *checklist.Step) tea.Cmd {
	c := &captureScreen{ref: ref, step: step}
	if st, ok := m.steps.states[ref]; ok && st.Capture != nil {
		for _, r := range st.Capture.Items {
			c.items = append(c.items, copyRecord(r))
		}
	}
	m.capture = c
	m.open(screenCapture)
	var names tea.Cmd
	if len(SecretFields(step.Form)) > 0 && !m.vault.loaded {
		names = m.secretNamesCmd()
	}
	if !step.Form.Repeated {
		return tea.Batch(names, m.openItemForm(0))
	}
	if len(c.items) == 0 {
		return tea.Batch(names, m.openItemForm(0)) // an empty list starts with its first item
	}
	return names
}

func copyRecord(r checklist.Record) checklist.Record {
	out := make(checklist.Record, len(r))
	for k, v := range r {
		out[k] = v
	}
	return out
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
	lang, files := m.lang, m.opts.Files
	validate := func(v string) error {
		if msg := fl.Validate(v); msg != nil {
			return errors.New(msg.In(lang))
		}
		if msg := fl.CheckFile(v, files); msg != nil {
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
		return huh.NewMultiSelect[string]().Title(label).Description(desc).Options(opts...).Value(&vs).
			Height(min(len(opts)+2, 8)).
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
	in := huh.NewInput().Title(label).Description(desc).Value(&v).Validate(validate)
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

// itemCheckedMsg is the check of one typed item (Form.CheckItem), run in a
// command because it may read the files the item names.
type itemCheckedMsg struct {
	ref         checklist.Ref
	typed, done checklist.Record
	errs        []checklist.FieldError
	editing     int
	secrets     []namedSecret
}

func (m *Model) updateCapture(msg tea.Msg) tea.Cmd {
	c := m.capture
	if cmd, done := m.updateSecret(msg); done {
		return cmd
	}
	switch msg := msg.(type) {
	case formSubmittedMsg:
		if c.form == nil || msg.id != c.formID {
			return nil
		}
		rec := c.answers.record(c.step.Form)
		secrets := c.itemSecrets(rec)
		editing := c.editing
		c.form, c.answers = nil, nil
		// The check may read files (a logo's SHA-256, an export's rows):
		// it runs in a command, never in Update.
		form, files, ref := c.step.Form, m.opts.Files, c.ref
		return func() tea.Msg {
			done, _, errs := form.CheckItem(rec, files)
			return itemCheckedMsg{ref: ref, typed: rec, done: done, errs: errs, editing: editing, secrets: secrets}
		}
	case itemCheckedMsg:
		if msg.ref != c.ref {
			return nil
		}
		if len(msg.errs) > 0 {
			c.draft = msg.typed
			return tea.Batch(m.setStatus(msg.errs[0].Message.In(m.lang), true), m.openItemForm(msg.editing))
		}
		if len(msg.secrets) > 0 {
			c.pending = &pendingSecret{rec: msg.done, editing: msg.editing, secrets: msg.secrets}
			return m.sealOrAsk()
		}
		return m.storeItem(msg.done, msg.editing)
	case formCancelledMsg:
		if c.form == nil || msg.id != c.formID {
			return nil
		}
		c.form, c.answers = nil, nil
		if !c.step.Form.Repeated {
			m.goBack()
		}
		return nil
	}
	if c.form != nil {
		var cmd tea.Cmd
		c.form, cmd = m.updateForm(c.form, msg)
		return cmd
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	if c.confirmDelete {
		c.confirmDelete = false
		if yesKey(km) || km.String() == "d" {
			c.items = append(c.items[:c.cursor], c.items[c.cursor+1:]...)
			c.cursor = max(0, min(c.cursor, len(c.items)-1))
			return m.saveCapture(checklist.StatusInProgress)
		}
		return nil
	}
	k := newCaptureKeys(m.lang, m.gkeys)
	switch {
	case key.Matches(km, m.gkeys.Back):
		m.goBack()
	case key.Matches(km, k.Up):
		c.cursor = max(0, c.cursor-1)
	case key.Matches(km, k.Down):
		c.cursor = min(len(c.items)-1, c.cursor+1)
	case key.Matches(km, k.Add):
		return m.openItemForm(len(c.items))
	case key.Matches(km, k.Edit):
		if len(c.items) > 0 {
			return m.openItemForm(c.cursor)
		}
		return m.openItemForm(0)
	case key.Matches(km, k.Delete):
		if len(c.items) > 0 {
			c.confirmDelete = true
		}
	case key.Matches(km, k.Finish):
		m.goBack()
		return m.saveCapture(checklist.StatusDone)
	}
	return nil
}

// storeItem puts a submitted item in the list and saves the capture: a
// single record finishes the step, a list item leaves it in progress.
func (m *Model) storeItem(rec checklist.Record, editing int) tea.Cmd {
	c := m.capture
	if editing < len(c.items) {
		c.items[editing] = rec
	} else {
		c.items = append(c.items, rec)
		c.cursor = len(c.items) - 1
	}
	if !c.step.Form.Repeated {
		if m.screen == screenCapture {
			m.goBack()
		}
		return m.saveCapture(checklist.StatusDone)
	}
	return m.saveCapture(checklist.StatusInProgress)
}

// saveCapture writes the items and moves the step to status, except that a
// step already done is not taken back to "en cours" by an edit.
func (m *Model) saveCapture(to checklist.Status) tea.Cmd {
	c := m.capture
	typed := checklist.Capture{Items: make([]checklist.Record, len(c.items))}
	for i, r := range c.items {
		typed.Items[i] = copyRecord(r)
	}
	capt, ev, errs := c.step.Form.Check(typed, m.opts.Files, m.opts.Now())
	ch := StepChange{Ref: c.ref, Capture: &capt, Evidence: ev}
	if cur, err := m.run.Status(c.ref); err == nil {
		if st, ok := checklist.StatusAfterCapture(cur, to); ok {
			ch.Status = statusPtr(st)
		}
	}
	if len(errs) > 0 && to == checklist.StatusDone {
		return m.setStatus(errs[0].Message.In(m.lang), true)
	}
	return m.apply(ch)
}

// captureTitle is two lines: who the capture is for (a client's name and
// SIREN always show), then the step.
func (m *Model) captureTitle() string {
	c := m.capture
	who := " " + m.st.Header.Render(m.ws.Cabinet.LegalName) + m.st.Muted.Render(i18n.Of(m.lang).Firm)
	if c.ref.Client != "" {
		if ci := m.run.ClientIndex(c.ref.Client); ci >= 0 {
			who = m.clientLine(ci, "")
		}
	}
	return who + "\n " + m.st.Title.Render(c.step.Title.In(m.lang)) + m.st.Muted.Render(" §"+c.step.Section)
}

func (m *Model) viewCapture() (string, help.KeyMap) {
	c := m.capture
	var b strings.Builder
	b.WriteString(m.captureTitle() + "\n" + m.rule() + "\n")
	if c.form != nil {
		b.WriteString(indent(c.form.View(), 1))
		return b.String(), newFormKeys(m.lang)
	}
	if c.pending != nil {
		b.WriteString(" " + m.spin.View() + " " + i18n.Of(m.lang).SealingTheSecret + "\n")
		return b.String(), formKeys{Quit: m.gkeys.ForceQuit}
	}
	label := c.step.Form.ItemLabel.In(m.lang)
	fmt.Fprintf(&b, " %s\n\n", m.st.Muted.Render(fmt.Sprintf("%d %s", len(c.items), plural(len(c.items), label, label+"s"))))
	for i, r := range c.items {
		pointer := " "
		line := cell(m.recordLine(c.step.Form, r), m.width-5)
		if i == c.cursor {
			pointer = "▸"
			line = m.st.Cursor.Render(line)
		}
		b.WriteString(" " + pointer + " " + line + "\n")
	}
	if c.confirmDelete {
		b.WriteString("\n " + m.st.Warn.Render(i18n.Of(m.lang).DeleteThisItemY) + "\n")
	}
	return b.String(), newCaptureKeys(m.lang, m.gkeys)
}

// recordLine shows one item in a list: its values, IBANs masked, and
// "secret enregistré (chiffré)" for a sealed secret, never its value.
func (m *Model) recordLine(f *checklist.Form, r checklist.Record) string {
	var parts []string
	firstBool := -1
	for _, fl := range capturedFields(f) {
		v := r[fl.ID]
		if v == "" {
			continue
		}
		switch fl.Type {
		case checklist.FieldIBAN:
			v = ident.MaskIBAN(v)
		case checklist.FieldBool:
			if firstBool < 0 {
				firstBool = len(parts)
			}
			v = fl.Label.In(m.lang) + colon(m.lang) + factValue(m.lang, v)
		case checklist.FieldChoice, checklist.FieldMultiChoice:
			var labels []string
			for _, x := range checklist.SplitMulti(v) {
				for _, o := range fl.Options {
					if o.Value == x {
						x = o.Label.In(m.lang)
					}
				}
				labels = append(labels, x)
			}
			v = strings.Join(labels, ", ")
		}
		parts = append(parts, v)
	}
	parts = withSecretMarks(parts, firstBool, m.secretMarks(f, r))
	return strings.Join(parts, " · ")
}

// captureSummary says in one line what a step's capture holds.
func (m *Model) captureSummary(st *checklist.Step, c checklist.Capture) string {
	if st.Form == nil {
		return ""
	}
	if st.Form.Repeated {
		label := st.Form.ItemLabel.In(m.lang)
		s := fmt.Sprintf("%d %s", len(c.Items), plural(len(c.Items), label, label+"s"))
		if len(c.Items) > 0 {
			s += " (" + m.recordLine(st.Form, c.Items[0])
			if len(c.Items) > 1 {
				s += ", …"
			}
			s += ")"
		}
		return s
	}
	return m.recordLine(st.Form, c.Items[0])
}
