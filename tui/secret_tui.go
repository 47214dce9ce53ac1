package tui

import (
	"errors"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// vault is what the program knows of the workspace's secrets: the names
// sealed (read without the passphrase, to say "secret enregistré") and the
// passphrase once the user gave one that opens them. It lives on the heap,
// shared by the copies of the model; only Update touches it. The passphrase
// is never written anywhere, logged or shown.
type vault struct {
	pass   []byte
	names  map[string]bool
	loaded bool
}

func (v *vault) setNames(msg secretNamesMsg) {
	if msg.err != nil {
		return
	}
	v.names, v.loaded = map[string]bool{}, true
	for _, n := range msg.names {
		v.names[n] = true
	}
}

type (
	secretNamesMsg struct {
		names []string
		err   error
	}
	// secretSealedMsg is the store's answer to sealing a capture item's
	// secrets.
	secretSealedMsg struct {
		id    int
		names []string
		pass  []byte
		err   error
	}
)

// namedSecret is one secret typed into a form, waiting to be sealed.
type namedSecret struct{ name, value string }

// pendingSecret is a capture item whose secrets are being sealed: the
// record is stored once they are (or without them if the user gives up).
type pendingSecret struct {
	rec     checklist.Record
	editing int
	secrets []namedSecret
	// The passphrase form's answers, and the refusal to show on a retry.
	pass, confirm string
	first         bool
	errText       string
	sealID        int
}

func (m *Model) secretNamesCmd() tea.Cmd {
	sec := m.opts.Secrets
	if sec == nil || m.ws == nil {
		return nil
	}
	ws := m.ws.ID
	return func() tea.Msg {
		names, err := sec.SecretNames(ws)
		return secretNamesMsg{names: names, err: err}
	}
}

// formFields are the fields a capture form shows: secret fields only when
// there is a vault to seal them in.
func (m *Model) formFields(f *checklist.Form) []checklist.Field {
	if m.opts.Secrets == nil {
		return capturedFields(f)
	}
	return f.Fields
}

// secretInput is a masked input for a credential. It starts empty: the
// sealed value is never read back into a form; empty leaves it unchanged.
func (m *Model) secretInput(fl checklist.Field, rec checklist.Record, ref checklist.Ref, ans *answers) huh.Field {
	v := ""
	ans.secrets[fl.ID] = &v
	desc := i18n.Of(m.lang).SealedInTheDatabase
	if rec != nil && m.vault.names[SecretName(ref, fl, rec)] {
		desc = SecretSavedText(m.lang) + i18n.Of(m.lang).LeaveEmptyToKeep
	}
	return huh.NewInput().Title(fl.Label.In(m.lang)).Description(desc).Value(&v).EchoMode(huh.EchoModePassword)
}

// itemSecrets are the secrets typed into the item form just submitted.
func (c *captureScreen) itemSecrets(rec checklist.Record) []namedSecret {
	var out []namedSecret
	for _, fl := range SecretFields(c.step.Form) {
		if p := c.answers.secrets[fl.ID]; p != nil && strings.TrimSpace(*p) != "" {
			out = append(out, namedSecret{name: SecretName(c.ref, fl, rec), value: strings.TrimSpace(*p)})
		}
	}
	return out
}

// sealOrAsk seals the pending secrets with the passphrase already given,
// or asks it first.
func (m *Model) sealOrAsk() tea.Cmd {
	if m.vault.pass != nil {
		return m.sealCmd(m.vault.pass)
	}
	return m.openPassForm()
}

// openPassForm asks the workspace's passphrase in a masked input. The first
// secret of a workspace sets the passphrase: it is typed twice.
func (m *Model) openPassForm() tea.Cmd {
	c := m.capture
	p := c.pending
	p.pass, p.confirm = "", ""
	p.first = m.vault.loaded && len(m.vault.names) == 0
	lang := m.lang
	title := i18n.Of(lang).WorkspacePassphrase
	desc := i18n.Of(lang).ItOpensThisWorkspaces
	if p.first {
		title = i18n.Of(lang).ChooseTheWorkspacePassphrase
		desc = i18n.Of(lang).ItWillSealThis
	}
	if p.errText != "" {
		desc = p.errText
	}
	required := func(s string) error {
		if s == "" {
			return errors.New(i18n.Of(lang).PassphraseRequiredEscNot)
		}
		return nil
	}
	fields := []huh.Field{huh.NewInput().Title(title + " *").Description(desc).Value(&p.pass).
		EchoMode(huh.EchoModePassword).Validate(required)}
	if p.first {
		fields = append(fields, huh.NewInput().Title(i18n.Of(lang).TypeItAgain).Value(&p.confirm).
			EchoMode(huh.EchoModePassword).Validate(func(s string) error {
			if s != p.pass {
				return errors.New(i18n.Of(lang).TheTwoEntriesDiffer)
			}
			return nil
		}))
	}
	var cmd tea.Cmd
	c.form, c.formID, cmd = m.newForm(huh.NewGroup(fields...))
	c.passForm = true
	return cmd
}

// sealCmd seals the pending secrets in a command.
func (m *Model) sealCmd(pass []byte) tea.Cmd {
	c := m.capture
	p := c.pending
	p.sealID = m.ids.take()
	sec, ws, id := m.opts.Secrets, m.ws.ID, p.sealID
	secrets := append([]namedSecret(nil), p.secrets...)
	return func() tea.Msg {
		var names []string
		for _, s := range secrets {
			if err := sec.PutSecret(ws, s.name, []byte(s.value), pass); err != nil {
				return secretSealedMsg{id: id, names: names, err: err}
			}
			names = append(names, s.name)
		}
		return secretSealedMsg{id: id, names: names, pass: pass}
	}
}

// updateSecret handles the passphrase form and the sealing; done is false
// for anything else.
func (m *Model) updateSecret(msg tea.Msg) (tea.Cmd, bool) {
	c := m.capture
	switch msg := msg.(type) {
	case formSubmittedMsg:
		if !c.passForm || c.form == nil || msg.id != c.formID {
			return nil, false
		}
		c.form, c.passForm = nil, false
		pass := []byte(c.pending.pass)
		c.pending.pass, c.pending.confirm = "", ""
		return m.sealCmd(pass), true
	case formCancelledMsg:
		if !c.passForm || c.form == nil || msg.id != c.formID {
			return nil, false
		}
		// No passphrase: the item is kept, its secret is not.
		c.form, c.passForm = nil, false
		p := c.pending
		c.pending = nil
		return thenStatus(m.storeItem(p.rec, p.editing),
			i18n.Of(m.lang).SecretNotSavedNo, true), true
	case secretSealedMsg:
		p := c.pending
		if p == nil || msg.id != p.sealID {
			return nil, true
		}
		for _, n := range msg.names {
			if m.vault.names == nil {
				m.vault.names = map[string]bool{}
			}
			m.vault.names[n] = true
		}
		switch {
		case WrongPassphrase(msg.err):
			m.vault.pass = nil
			p.errText = PassphraseErrorText(m.lang)
			return tea.Batch(m.openPassForm(), m.setStatus(PassphraseErrorText(m.lang), true)), true
		case msg.err != nil:
			c.pending = nil
			return m.errStatus(msg.err), true
		}
		m.vault.pass = msg.pass
		c.pending = nil
		return thenStatus(m.storeItem(p.rec, p.editing), SecretSavedText(m.lang), false), true
	}
	return nil, false
}

// secretMarks say which of a record's secrets are sealed: "secret
// enregistré (chiffré)" each, never the value.
func (m *Model) secretMarks(f *checklist.Form, r checklist.Record) []string {
	var out []string
	for _, fl := range SecretFields(f) {
		if m.vault.names[SecretName(m.recordRef(f), fl, r)] {
			out = append(out, SecretSavedText(m.lang))
		}
	}
	return out
}

// recordRef is the step instance a record shown with form f belongs to:
// the open capture's, or the selected step's.
func (m *Model) recordRef(f *checklist.Form) checklist.Ref {
	if showing[*captureScreen](m) && m.capture != nil && m.capture.step.Form == f {
		return m.capture.ref
	}
	if m.steps != nil {
		if ref, st, ok := m.selectedRef(); ok && st.Form == f {
			return ref
		}
	}
	return checklist.Ref{}
}

// thenStatus shows a status once the store has answered cmd's change, so
// that the change's own message does not hide it.
func thenStatus(cmd tea.Cmd, text string, isErr bool) tea.Cmd {
	return thenDo(cmd, func() tea.Msg { return statusMsg{text: text, err: isErr} })
}

// thenDo runs then once the store has answered cmd's change. A capture is
// checked in a command before its change is made (captureCheckedMsg): then
// goes with the check's answer, to run after the change it leads to.
func thenDo(cmd, then tea.Cmd) tea.Cmd {
	if cmd == nil {
		return then
	}
	return func() tea.Msg {
		msg := cmd()
		switch am := msg.(type) {
		case stepAppliedMsg:
			if am.err == nil && am.then == nil {
				am.then = then
				return am
			}
		case captureCheckedMsg:
			if am.then == nil {
				am.then = then
				return am
			}
		}
		return tea.BatchMsg{func() tea.Msg { return msg }, then}
	}
}

// withSecretMarks puts the marks of sealed secrets after the text and
// choice values of a record line, before the yes/no facts, so that a long
// line cut at the screen's edge still shows them.
func withSecretMarks(parts []string, firstBool int, marks []string) []string {
	if len(marks) == 0 {
		return parts
	}
	if firstBool < 0 || firstBool > len(parts) {
		firstBool = len(parts)
	}
	out := append([]string(nil), parts[:firstBool]...)
	out = append(out, marks...)
	return append(out, parts[firstBool:]...)
}
