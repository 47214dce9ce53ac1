package tui

// screen is what the root model shows.
type screen uint8

const (
	screenLoading screen = iota
	screenWorkspace
	screenDashboard
	screenSteps
	screenCapture
	screenBulk
	screenError
	// Phases 3 to 5: see migration.go.
	screenRequest
	screenRecon
	screenActions
	screenSummary
	screenDemo
	// The team (team.go).
	screenTeam
	screenAssign
)

func (s screen) String() string {
	switch s {
	case screenLoading:
		return "loading"
	case screenWorkspace:
		return "workspace"
	case screenDashboard:
		return "dashboard"
	case screenSteps:
		return "steps"
	case screenCapture:
		return "capture"
	case screenBulk:
		return "bulk"
	case screenError:
		return "error"
	case screenRequest:
		return "request"
	case screenRecon:
		return "reconciliation"
	case screenActions:
		return "actions"
	case screenSummary:
		return "summary"
	case screenDemo:
		return "demo"
	case screenTeam:
		return "team"
	case screenAssign:
		return "assign"
	}
	return "screen(?)"
}
