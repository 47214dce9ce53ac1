package tui

import (
	"github.com/bascule-cli/bascule/checklist"
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
	files   fileChecks // the open form's file fields, checked in commands (capture_files.go)
	editing int        // item being edited, len(items) for a new one
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
	if st, ok := m.knownState(ref); ok && st.Capture != nil {
		for _, r := range st.Capture.Items {
			c.items = append(c.items, copyRecord(r))
		}
	}
	m.capture = c
	m.open(m.capture)
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

// knownState is what the screen shown knows of ref: the list of steps'
// states, else the reconciliation's (the capture opens from both).
func (m *Model) knownState(ref checklist.Ref) (checklist.StepState, bool) {
	if m.steps != nil {
		if st, ok := m.steps.states[ref]; ok {
			return st, true
		}
	}
	st, ok := m.migState().states[ref]
	return st, ok
}

func copyRecord(r checklist.Record) checklist.Record {
	out := make(checklist.Record, len(r))
	for k, v := range r {
		out[k] = v
	}
	return out
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
	case fileCheckedMsg:
		m.fileChecked(msg)
		return nil
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
		return tea.Batch(cmd, m.fileChecksCmd())
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
		if showing[*captureScreen](m) {
			m.goBack()
		}
		if c.step.Kind == checklist.KindConnectorAction || c.step.Kind == checklist.KindManual {
			// What is noted for an action is what the action needs (the
			// plan to subscribe to): the step is done when it is done.
			return m.saveCapture(checklist.StatusInProgress)
		}
		return m.saveCapture(checklist.StatusDone)
	}
	return m.saveCapture(checklist.StatusInProgress)
}

// captureCheckedMsg is the check of a whole capture (Form.Check) before it
// is saved, run in a command because it may read the files the items name
// (a logo's SHA-256, an export's rows). then runs once the change it leads
// to is saved (thenStatus), like stepAppliedMsg's.
type captureCheckedMsg struct {
	ref  checklist.Ref
	to   checklist.Status
	capt checklist.Capture
	ev   *checklist.Evidence
	errs []checklist.FieldError
	then tea.Cmd
}

// saveCapture writes the items and moves the step to status, except that a
// step already done is not taken back to "en cours" by an edit. The items
// are checked in a command; captureChecked saves them.
func (m *Model) saveCapture(to checklist.Status) tea.Cmd {
	c := m.capture
	typed := checklist.Capture{Items: make([]checklist.Record, len(c.items))}
	for i, r := range c.items {
		typed.Items[i] = copyRecord(r)
	}
	form, files, now, ref := c.step.Form, m.opts.Files, m.opts.Now(), c.ref
	return func() tea.Msg {
		capt, ev, errs := form.Check(typed, files, now)
		return captureCheckedMsg{ref: ref, to: to, capt: capt, ev: ev, errs: errs}
	}
}

// captureChecked saves a checked capture, whatever the screen shown (the
// capture screen may be closed by then), and runs the message's then after.
func (m *Model) captureChecked(msg captureCheckedMsg) tea.Cmd {
	ch := StepChange{Ref: msg.ref, Capture: &msg.capt, Evidence: msg.ev}
	if cur, err := m.run.Status(msg.ref); err == nil {
		if st, ok := checklist.StatusAfterCapture(cur, msg.to); ok {
			ch.Status = statusPtr(st)
		}
	}
	var cmd tea.Cmd
	if len(msg.errs) > 0 && msg.to == checklist.StatusDone {
		cmd = m.setStatus(msg.errs[0].Message.In(m.lang), true)
	} else {
		cmd = m.apply(ch)
	}
	if msg.then == nil {
		return cmd
	}
	return thenDo(cmd, msg.then)
}

// The capture screen (screens.go).
func (*captureScreen) name() string                         { return "capture" }
func (*captureScreen) update(m *Model, msg tea.Msg) tea.Cmd { return m.updateCapture(msg) }
func (*captureScreen) view(m *Model) (string, help.KeyMap)  { return m.viewCapture() }
func (c *captureScreen) typing(*Model) bool                 { return c.form != nil || c.confirmDelete }
func (c *captureScreen) resize(m *Model) tea.Cmd            { return m.refit(&c.form) }
