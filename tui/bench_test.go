package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// The keystroke benchmarks type the same letter into the same 12,000
// clients: ours with its own filter, bubbles/list with its default one. Each
// iteration starts from an empty query, so both scan every client (the
// worst case for us: later letters only narrow the previous result).
//
//	go test ./tui -run '^$' -bench Keystroke -benchmem -tags listbench
//
// BenchmarkBubblesListKeystroke is behind the listbench tag because
// bubbles/list needs github.com/sahilm/fuzzy, which the module's go.sum
// does not list yet (see bench_list_test.go).

const benchClients = 12000

func BenchmarkDashboardKeystroke(b *testing.B) {
	env := newTestEnv(benchClients)
	m := New(env.opts)
	nm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	nm, _ = nm.(Model).Update(keyMsg("/"))
	m = nm.(Model)
	key := keyMsg("e")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.dash.ix.setQuery("") // back to the full list, outside the measure's meaning
		nm, _ := m.Update(key)
		_ = nm.(Model).View()
	}
}

// BenchmarkRequestKeystroke is one key on the request screen of a cabinet
// of 12,000 clients (Update + View): the screen recomputes what blocks the
// request after each key, and lists it in a scrolled window.
func BenchmarkRequestKeystroke(b *testing.B) {
	env := newTestEnv(benchClients)
	m := New(env.opts)
	nm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	for _, k := range []string{"d", "down", "down"} {
		nm, _ = nm.(Model).Update(keyMsg(k))
	}
	m = nm.(Model)
	if !strings.Contains(ansi.Strip(m.View()), "Ce qui bloque la demande") {
		b.Fatal("not on the request screen")
	}
	keys := []tea.KeyMsg{keyMsg("pgdown"), keyMsg("pgup")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		nm, _ := m.Update(keys[i%2])
		m = nm.(Model)
		_ = m.View()
		i++
	}
}
