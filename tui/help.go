package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"
)

// maxStatusLines is how many lines the status message may take.
const maxStatusLines = 3

func (m *Model) footer(keys help.KeyMap) string {
	rule := m.st.Rule.Render(strings.Repeat("─", m.width))
	line := m.presenceLine() // a passing message takes its place
	if m.status.text != "" {
		style := m.st.Status
		switch {
		case m.status.err:
			style = m.st.StatusErr
		case m.status.faded:
			style = m.st.StatusFaded
		}
		// A long message (an error and what to do about it) wraps onto
		// at most three lines rather than losing its end.
		lines := wrapLines(m.status.text, m.width-1, " ")
		if len(lines) > maxStatusLines {
			lines = lines[:maxStatusLines]
			lines[maxStatusLines-1] = clip(lines[maxStatusLines-1]+" "+ellipsis, m.width-1)
		}
		for i, l := range lines {
			lines[i] = " " + style.Render(strings.TrimPrefix(l, " "))
		}
		line = strings.Join(lines, "\n")
	}
	var h string
	if m.help.ShowAll {
		h = strings.Join(m.fullHelp(keys), "\n")
	} else {
		h = " " + m.shortHelp(keys.ShortHelp(), m.width-2)
	}
	return rule + "\n" + line + "\n" + h
}

// shortHelp is the one-line help bar in w cells. Outside text input, ? and q
// always show, last: the other keys are dropped from the right (the least
// used come last in every ShortHelp) until the line fits, never cut.
func (m *Model) shortHelp(bs []key.Binding, w int) string {
	var rest []key.Binding
	for _, b := range bs {
		if !b.Enabled() || isGlobal(b, m.gkeys.Help) || isGlobal(b, m.gkeys.Quit) {
			continue
		}
		rest = append(rest, b)
	}
	var tail []key.Binding
	if !m.typing() && !showing[loadingScreen](m) {
		tail = []key.Binding{m.gkeys.Help, m.gkeys.Quit}
	} else {
		for _, b := range bs {
			if b.Enabled() && (isGlobal(b, m.gkeys.Help) || isGlobal(b, m.gkeys.Quit)) {
				tail = append(tail, b)
			}
		}
	}
	hv := m.help
	hv.Width = 0 // the fitting is done here, without help's own "…"
	for n := len(rest); n >= 0; n-- {
		line := hv.ShortHelpView(append(append([]key.Binding(nil), rest[:n]...), tail...))
		if ansi.StringWidth(line) <= w {
			return line
		}
	}
	return clip(hv.ShortHelpView(tail), w)
}

// fullHelp lays every enabled key of keys out in as many columns as the
// width holds, in the key map's order, column by column: unlike help's own
// view, no column is dropped on a narrow terminal.
func (m *Model) fullHelp(keys help.KeyMap) []string {
	var items []string
	var widths []int
	for _, col := range keys.FullHelp() {
		for _, b := range col {
			if !b.Enabled() || b.Help().Key == "" {
				continue
			}
			it := m.st.HelpKey.Render(b.Help().Key) + " " + m.st.HelpDesc.Render(b.Help().Desc)
			items = append(items, it)
			widths = append(widths, ansi.StringWidth(it))
		}
	}
	if len(items) == 0 {
		return []string{""}
	}
	colW := 0
	for _, w := range widths {
		colW = max(colW, w)
	}
	colW = min(colW+3, m.width-1)
	cols := max(1, (m.width-1)/colW)
	rows := (len(items) + cols - 1) / cols
	lines := make([]string, rows)
	for i, it := range items {
		r := i % rows
		if i/rows < cols-1 && i+rows < len(items) {
			it = cell(it, colW)
		}
		lines[r] += it
	}
	for i, l := range lines {
		lines[i] = clip(" "+strings.TrimRight(l, " "), m.width)
	}
	return lines
}

// isGlobal reports whether b is the global binding g (same keys).
func isGlobal(b, g key.Binding) bool {
	return strings.Join(b.Keys(), ",") == strings.Join(g.Keys(), ",")
}
