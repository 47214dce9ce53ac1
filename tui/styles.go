package tui

import (
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// Palette is the handful of semantic colours every style derives from. The
// caller picks the dark or light variant before tea.NewProgram (asking the
// terminal later can hang lipgloss v1).
type Palette struct {
	Fg, Muted, Accent, OK, Warn, Bad, Border, Selected lipgloss.TerminalColor
}

// DarkPalette suits dark terminal backgrounds.
func DarkPalette() Palette {
	return Palette{
		Fg: lipgloss.Color("252"), Muted: lipgloss.Color("245"), Accent: lipgloss.Color("#7AA2F7"),
		OK: lipgloss.Color("#73C991"), Warn: lipgloss.Color("#E0AF68"), Bad: lipgloss.Color("#F7768E"),
		Border: lipgloss.Color("240"), Selected: lipgloss.Color("237"),
	}
}

// LightPalette suits light terminal backgrounds.
func LightPalette() Palette {
	return Palette{
		Fg: lipgloss.Color("235"), Muted: lipgloss.Color("243"), Accent: lipgloss.Color("#2E5CB8"),
		OK: lipgloss.Color("#1A7F37"), Warn: lipgloss.Color("#9A6700"), Bad: lipgloss.Color("#CF222E"),
		Border: lipgloss.Color("250"), Selected: lipgloss.Color("254"),
	}
}

// NoColorPalette has no colour at all, for NO_COLOR: the cursor and emphasis
// then rely on bold and reverse video only.
func NoColorPalette() Palette {
	n := lipgloss.NoColor{}
	return Palette{n, n, n, n, n, n, n, n}
}

// Styles are every style the screens use, derived once from a palette.
type Styles struct {
	noColor bool

	Title, Header, Muted, Accent, OK, Warn, Bad lipgloss.Style
	Rule                                        lipgloss.Style
	Cursor                                      lipgloss.Style // the selected row
	Marked                                      lipgloss.Style // rows picked for a bulk action
	BarFull, BarEmpty                           lipgloss.Style
	Status, StatusFaded, StatusErr              lipgloss.Style
	HelpKey, HelpDesc, HelpSep                  lipgloss.Style
	Box                                         lipgloss.Style
}

// NewStyles derives the styles from p. noColor keeps every colour out and
// marks the cursor with reverse video.
func NewStyles(p Palette, noColor bool) Styles { return newStyles(nil, p, noColor) }

// newStyles derives the styles on r, the renderer of the terminal they are
// drawn on (one per SSH session: its own colour profile); nil means the
// process's terminal.
func newStyles(r *lipgloss.Renderer, p Palette, noColor bool) Styles {
	s := Styles{noColor: noColor}
	base := lipgloss.NewStyle()
	if r != nil {
		base = r.NewStyle()
	}
	s.Title = base.Bold(true).Foreground(p.Accent)
	s.Header = base.Bold(true).Foreground(p.Fg)
	s.Muted = base.Foreground(p.Muted)
	s.Accent = base.Foreground(p.Accent)
	s.OK = base.Foreground(p.OK)
	s.Warn = base.Foreground(p.Warn)
	s.Bad = base.Foreground(p.Bad).Bold(true)
	s.Rule = base.Foreground(p.Border)
	if noColor {
		s.Cursor = base.Reverse(true)
	} else {
		s.Cursor = base.Background(p.Selected).Bold(true)
	}
	s.Marked = base.Foreground(p.Accent).Bold(true)
	s.BarFull = base.Foreground(p.OK)
	s.BarEmpty = base.Foreground(p.Border)
	s.Status = base.Foreground(p.Fg)
	s.StatusFaded = base.Foreground(p.Muted).Faint(true)
	s.StatusErr = base.Foreground(p.Bad).Bold(true)
	s.HelpKey = base.Foreground(p.Fg).Bold(true)
	s.HelpDesc = base.Foreground(p.Muted)
	s.HelpSep = base.Foreground(p.Border)
	s.Box = base.Border(lipgloss.RoundedBorder()).BorderForeground(p.Border).Padding(0, 1)
	return s
}

// HuhTheme builds the forms' theme from the same palette, so that a capture
// form looks like the rest of the program.
func HuhTheme(p Palette) *huh.Theme {
	t := huh.ThemeBase()
	t.Focused.Base = t.Focused.Base.BorderForeground(p.Border)
	t.Focused.Card = t.Focused.Base
	t.Focused.Title = t.Focused.Title.Foreground(p.Accent).Bold(true)
	t.Focused.NoteTitle = t.Focused.NoteTitle.Foreground(p.Accent).Bold(true)
	t.Focused.Description = t.Focused.Description.Foreground(p.Muted)
	t.Focused.ErrorIndicator = t.Focused.ErrorIndicator.Foreground(p.Bad)
	t.Focused.ErrorMessage = t.Focused.ErrorMessage.Foreground(p.Bad)
	t.Focused.SelectSelector = t.Focused.SelectSelector.Foreground(p.Accent)
	t.Focused.MultiSelectSelector = t.Focused.MultiSelectSelector.Foreground(p.Accent)
	t.Focused.SelectedOption = t.Focused.SelectedOption.Foreground(p.OK)
	t.Focused.SelectedPrefix = t.Focused.SelectedPrefix.Foreground(p.OK)
	t.Focused.Option = t.Focused.Option.Foreground(p.Fg)
	t.Focused.UnselectedOption = t.Focused.UnselectedOption.Foreground(p.Fg)
	t.Focused.TextInput.Prompt = t.Focused.TextInput.Prompt.Foreground(p.Accent)
	t.Focused.TextInput.Placeholder = t.Focused.TextInput.Placeholder.Foreground(p.Muted)
	// The chosen button is bracketed, the other one padded to the same
	// width: without colour (NO_COLOR, a dumb terminal) reverse video is
	// dropped too, and the two buttons would look alike.
	chosen := lipgloss.Border{Left: "[", Right: "]"}
	other := lipgloss.Border{Left: " ", Right: " "}
	t.Focused.FocusedButton = t.Focused.FocusedButton.Padding(0, 1).Bold(true).Reverse(true).
		Border(chosen, false, true, false, true)
	t.Focused.BlurredButton = t.Focused.BlurredButton.Padding(0, 1).Foreground(p.Muted).
		Border(other, false, true, false, true)
	t.Blurred = t.Focused
	t.Blurred.Base = t.Focused.Base.BorderStyle(lipgloss.HiddenBorder())
	t.Blurred.Card = t.Blurred.Base
	t.Blurred.NextIndicator = lipgloss.NewStyle()
	t.Blurred.PrevIndicator = lipgloss.NewStyle()
	t.Group.Title = t.Focused.Title
	t.Group.Description = t.Focused.Description
	return t
}
