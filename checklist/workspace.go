package checklist

import "time"

// Mode is how a workspace reaches the platforms.
type Mode string

// The three modes of a workspace.
const (
	ModeDemo  Mode = "demo"  // the simulated platforms
	ModeFiles Mode = "files" // V1 export files, offline
	ModeAPI   Mode = "api"   // V1/V2 over HTTP
)

// Workspace is one cabinet's migration: the one type the store records,
// the engine opens and the front ends show. A consultant keeps several. It
// never holds a secret: the client secrets are sealed by the store.
type Workspace struct {
	ID       string  `json:"id"`
	Cabinet  Cabinet `json:"cabinet"`
	Operator string  `json:"operator,omitempty"`
	Mode     Mode    `json:"mode,omitempty"`
	// V1URL is the V1 base address in API mode, V2URL V2's, ClientID the
	// OAuth2 client id used for both.
	V1URL    string `json:"v1_url,omitempty"`
	V2URL    string `json:"v2_url,omitempty"`
	ClientID string `json:"client_id,omitempty"`
	// Demo marks the demo workspace; older records have it without Mode.
	Demo      bool      `json:"demo,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// IsDemo says the workspace plays on the simulated platforms.
func (w Workspace) IsDemo() bool { return w.Demo || w.Mode == ModeDemo }

// EffectiveMode is the workspace's mode, demo for an older demo record
// that only has Demo set.
func (w Workspace) EffectiveMode() Mode {
	if w.Demo {
		return ModeDemo
	}
	return w.Mode
}
