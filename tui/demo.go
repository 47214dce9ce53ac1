package tui

import (
	"errors"
	"fmt"
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
		{"1", tr(lang, "Terminer l'inscription du cabinet sur V2 (§3.1)", "Finish the firm's registration on V2 (§3.1)"),
			func(d Demo, _ []string) (string, error) {
				d.CompleteRegistration()
				return tr(lang, "Démo : inscription terminée sur V2 ; vérifiez-la (i).", "Demo: registration finished on V2; check it (i)."), nil
			}},
		{"2", tr(lang, "Accepter toutes les factures en attente sur V1 (§2)", "Accept every pending invoice on V1 (§2)"),
			func(d Demo, _ []string) (string, error) {
				return tr(lang, "Démo : factures acceptées sur V1 ; revérifiez les clients (a).", "Demo: invoices accepted on V1; check the clients again (a)."), d.AcceptAllPending()
			}},
		{"3", tr(lang, "Corriger les articles invalides sur V1 (§2)", "Fix the invalid articles on V1 (§2)"),
			func(d Demo, ids []string) (string, error) {
				for _, id := range ids {
					if err := d.FixArticles(id); err != nil {
						return "", err
					}
				}
				return tr(lang, "Démo : articles corrigés sur V1.", "Demo: articles fixed on V1."), nil
			}},
		{"4", tr(lang, "Faire aboutir la demande de migration maintenant (§3.2)", "Make the migration request succeed now (§3.2)"),
			func(d Demo, _ []string) (string, error) {
				err := d.FinishMigration()
				if errors.Is(err, connectors.ErrNotFound) {
					// The platform's error names its own method: say what to do.
					err = errors.New(tr(lang, "aucune demande de migration envoyée : envoyez-la d'abord (d)",
						"no migration request sent: send it first (d)"))
				}
				return tr(lang, "Démo : migration faite sur V2 ; la demande (d) le constate.", "Demo: migration done on V2; the request screen (d) sees it."), err
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
		return m.setStatus(tr(m.lang, "Démo : ", "Demo: ")+m.connErrText(msg.err), true)
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
	b.WriteString(" " + m.st.Title.Render(tr(m.lang, "Démo : jouer l'utilisateur sur les plateformes simulées", "Demo: play the user on the simulated platforms")) + "\n")
	b.WriteString(indent(m.st.Muted.Render(wrapText(tr(m.lang,
		"Ce que l'on ferait sur les sites de V1 et V2 ; bascule le constate ensuite par ses vérifications.",
		"What one would do on V1's and V2's web sites; bascule then sees it through its checks."), m.width-2)), 1) + "\n\n")
	for _, a := range m.demoActions() {
		b.WriteString(fmt.Sprintf("  %s  %s\n", m.st.HelpKey.Render(a.key), a.title))
	}
	k := demoKeys{global: m.gkeys, Pick: key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1-4", tr(m.lang, "choisir", "pick")))}
	return b.String(), k
}

// The demo screen (screens.go).
func (*demoScreen) name() string                         { return "demo" }
func (*demoScreen) update(m *Model, msg tea.Msg) tea.Cmd { return m.updateMigScreen(msg, m.updateDemo) }
func (*demoScreen) view(m *Model) (string, help.KeyMap)  { return m.viewDemo() }
func (*demoScreen) typing(m *Model) bool                 { return m.migPromptOpen() }
func (*demoScreen) resize(*Model) tea.Cmd                { return nil }
