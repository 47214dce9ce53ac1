package tui

import (
	"testing"

	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
)

// clientItem is a client as a bubbles/list item.
type clientItem struct{ name, siren string }

func (c clientItem) FilterValue() string { return c.name + " " + c.siren }
func (c clientItem) Title() string       { return c.name }
func (c clientItem) Description() string { return ident.FormatSIREN(c.siren) }

func BenchmarkBubblesListKeystroke(b *testing.B) {
	ds := testDossiers(benchClients)
	items := make([]list.Item, len(ds))
	for i, d := range ds {
		items[i] = clientItem{d.Name, d.SIREN}
	}
	l := list.New(items, list.NewDefaultDelegate(), 120, 40)
	l.SetFilteringEnabled(true)
	l, _ = l.Update(keyMsg("/")) // enter filtering, empty query
	key := keyMsg("e")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		// list.Model is a value: each iteration types into the same
		// empty-filter state. The filter runs as a command; run it and
		// feed back its matches, as the program would.
		nl, cmd := l.Update(key)
		nl = feedList(nl, cmd)
		_ = nl.View()
	}
}

func feedList(l list.Model, cmd tea.Cmd) list.Model {
	if cmd == nil {
		return l
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			l = feedList(l, c)
		}
	case list.FilterMatchesMsg:
		l, _ = l.Update(msg)
	}
	return l
}

func TestBenchListFiltersForReal(t *testing.T) {
	ds := testDossiers(200)
	items := make([]list.Item, len(ds))
	for i, d := range ds {
		items[i] = clientItem{d.Name, d.SIREN}
	}
	l := list.New(items, list.NewDefaultDelegate(), 120, 40)
	l, _ = l.Update(keyMsg("/"))
	nl, cmd := l.Update(keyMsg("z"))
	nl = feedList(nl, cmd)
	if got := len(nl.VisibleItems()); got == 0 || got == len(items) {
		t.Fatalf("the list filter did not run: %d of %d visible", got, len(items))
	}
}
