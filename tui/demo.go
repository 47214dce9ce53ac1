package tui

import (
	"errors"
	"fmt"
	"github.com/bascule-cli/bascule/tui/i18n"
	"strings"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Demo plays the user's part on the simulated platforms: what a person
// would do on V1's and V2's own web pages, which the demo has none of.
// cmd/bascule passes the sandbox in demo mode (*sandbox.Platform has these
// methods); the program never imports it.
type Demo interface {
	// AcceptPendingInvoices accepts a V1 dossier's pending invoices (§2).
	AcceptPendingInvoices(clientID string) error
	// AcceptAllPending accepts the pending invoices of every dossier.
	AcceptAllPending() error
	// FixArticles repairs a V1 dossier's invalid articles (§2).
	FixArticles(clientID string) error
	// CompleteRegistration does every registration step on V2 (§3.1).
	CompleteRegistration()
	// FinishMigration makes the migration request succeed now (§3.2).
	FinishMigration() error
}

// demoScreen lists the demo's simulated user actions.
type demoScreen struct{ busy bool }

type demoDoneMsg struct {
	text string
	err  error
}

// demoAction is one thing the simulated user can do.
type demoAction struct {
	key   string
	title string
	run   func(d Demo, ids []string) (string, error)
}

func (m *Model) demoActions() []demoAction {
	lang := m.lang
	return []demoAction{
		{"1", i18n.Of(lang).FinishTheFirmsRegistration,
			func(d Demo, _ []string) (string, error) {
				d.CompleteRegistration()
				return i18n.Of(lang).DemoRegistrationFinishedOn, nil
			}},
		{"2", i18n.Of(lang).AcceptEveryPendingInvoice,
			func(d Demo, _ []string) (string, error) {
				return i18n.Of(lang).DemoInvoicesAcceptedOn, d.AcceptAllPending()
			}},
		{"3", i18n.Of(lang).FixTheInvalidArticles,
			func(d Demo, ids []string) (string, error) {
				for _, id := range ids {
					if err := d.FixArticles(id); err != nil {
						return "", err
					}
				}
				return i18n.Of(lang).DemoArticlesFixedOn, nil
			}},
		{"4", i18n.Of(lang).MakeTheMigrationRequest,
			func(d Demo, _ []string) (string, error) {
				err := d.FinishMigration()
				if errors.Is(err, connectors.ErrNotFound) {
					// The platform's error names its own method: say what to do.
					err = errors.New(i18n.Of(lang).NoMigrationRequestSent)
				}
				return i18n.Of(lang).DemoMigrationDoneOn, err
			}},
	}
}

func (m *Model) openDemo() tea.Cmd {
	if m.ports.Demo == nil {
		return nil
	}
	m.migState().demo = &demoScreen{}
	m.open(m.migState().demo)
	return nil
}

func (m *Model) updateDemo(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	if key.Matches(km, m.gkeys.Back) {
		m.goBack()
		return nil
	}
	for _, a := range m.demoActions() {
		if km.String() == a.key {
			d, run := m.ports.Demo, a.run
			ids := make([]string, len(m.run.Clients))
			for i, c := range m.run.Clients {
				ids[i] = c.ID
			}
			m.migState().demo.busy = true
			return func() tea.Msg {
				text, err := run(d, ids)
				return demoDoneMsg{text: text, err: err}
			}
		}
	}
	return nil
}

func (m *Model) demoDone(msg demoDoneMsg) tea.Cmd {
	if d := m.migState().demo; d != nil {
		d.busy = false
	}
	if msg.err != nil {
		return m.setStatus(i18n.Of(m.lang).Demo+m.connErrText(msg.err), true)
	}
	if showing[*demoScreen](m) {
		m.goBack()
	}
	return m.setStatus(msg.text, false)
}

type demoKeys struct {
	Pick   key.Binding
	global globalKeys
}

func (k demoKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Pick, k.global.Back, k.global.Quit}
}
func (k demoKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

func (m *Model) viewDemo() (string, help.KeyMap) {
	var b strings.Builder
	b.WriteString(m.header() + "\n" + m.rule() + "\n")
	b.WriteString(" " + m.st.Title.Render(i18n.Of(m.lang).DemoPlayTheUser) + "\n")
	b.WriteString(indent(m.st.Muted.Render(wrapText(i18n.Of(m.lang).WhatOneWouldDo, m.width-2)), 1) + "\n\n")
	for _, a := range m.demoActions() {
		b.WriteString(fmt.Sprintf("  %s  %s\n", m.st.HelpKey.Render(a.key), a.title))
	}
	k := demoKeys{global: m.gkeys, Pick: key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1-4", i18n.Of(m.lang).Pick))}
	return b.String(), k
}

// The demo screen (screens.go).
func (*demoScreen) name() string                         { return "demo" }
func (*demoScreen) update(m *Model, msg tea.Msg) tea.Cmd { return m.updateMigScreen(msg, m.updateDemo) }
func (*demoScreen) view(m *Model) (string, help.KeyMap)  { return m.viewDemo() }
func (*demoScreen) typing(m *Model) bool                 { return m.migPromptOpen() }
func (*demoScreen) resize(*Model) tea.Cmd                { return nil }
