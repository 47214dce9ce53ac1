package tui

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// teamScreen shows each person's progress, time left and estimated finish
// (team.go, team_view.go); its state lives in Model.team.
type teamScreen struct{}

func (teamScreen) name() string                         { return "team" }
func (teamScreen) update(m *Model, msg tea.Msg) tea.Cmd { return m.updateTeamScreen(msg) }
func (teamScreen) view(m *Model) (string, help.KeyMap)  { return m.viewTeam() }
func (teamScreen) typing(*Model) bool                   { return false }
func (teamScreen) resize(*Model) tea.Cmd                { return nil }

// assignScreen picks the person the marked clients go to (team.go).
type assignScreen struct{}

func (assignScreen) name() string                         { return "assign" }
func (assignScreen) update(m *Model, msg tea.Msg) tea.Cmd { return m.updateAssign(msg) }
func (assignScreen) view(m *Model) (string, help.KeyMap)  { return m.viewAssign() }
func (assignScreen) typing(*Model) bool                   { return false }
func (assignScreen) resize(*Model) tea.Cmd                { return nil }
