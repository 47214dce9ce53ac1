package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

func itoa(n int) string { return strconv.Itoa(n) }

func lipglossHeight(s string) int { return lipgloss.Height(s) }

// fitHeight cuts or pads s to exactly h lines, none wider than w cells.
func fitHeight(s string, h, w int) string {
	if h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = clip(l, w)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

func indent(s string, n int) string {
	pad := strings.Repeat(" ", n)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, "\n")
}

// wrapText wraps plain text at w cells, on spaces.
func wrapText(s string, w int) string {
	if w < 10 {
		w = 10
	}
	return ansi.Wordwrap(s, w, "")
}

// ellipsis marks every cut text: the reader sees that something is missing.
const ellipsis = "…"

// clip cuts s to w cells with an ellipsis when it is wider: every cut on the
// screens goes through here (or cell and rcell, which use it), so that no
// text ever ends mid-word without "…".
func clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, ellipsis)
}

// wrapLines wraps plain text at w cells and returns its lines, each led by
// lead: long messages are wrapped on spaces (a word longer than the line, a
// path or an address, is broken), never cut.
func wrapLines(s string, w int, lead string) []string {
	lines := strings.Split(ansi.Wrap(s, max(10, w-ansi.StringWidth(lead)), ""), "\n")
	for i, l := range lines {
		lines[i] = clip(lead+l, w)
	}
	return lines
}

// cell left-aligns s in exactly w cells, truncating with an ellipsis.
func cell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		return clip(s, w)
	}
	return s + strings.Repeat(" ", w-sw)
}

// rcell right-aligns s in exactly w cells.
func rcell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw >= w {
		return clip(s, w)
	}
	return strings.Repeat(" ", w-sw) + s
}

// bar draws a progress bar of w cells for pct percent.
func (s Styles) bar(pct, w int) string {
	full := pct * w / 100
	if pct > 0 && full == 0 {
		full = 1
	}
	return s.BarFull.Render(strings.Repeat("█", full)) + s.BarEmpty.Render(strings.Repeat("░", w-full))
}
