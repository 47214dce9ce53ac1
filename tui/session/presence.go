package session

import (
	"slices"
	"time"

	"github.com/bascule-cli/bascule/checklist"
)

// Presence is one open front end on the workspace: who, and which client's
// dossier is open there ("" for the firm's screens).
type Presence struct {
	Session int
	Who     string
	Client  string
	Since   time.Time
}

// presenceSet is who is here, by handle id.
type presenceSet map[int]Presence

// Here says that this handle's person is connected and on the client's
// dossier ("" for the firm's screens); the others receive a KindPresence
// event. Saying the same again publishes nothing.
func (e *Engine) Here(client string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if p, ok := e.here[e.id]; ok && p.Client == client {
		return
	}
	if e.here == nil {
		e.here = presenceSet{}
	}
	p := Presence{Session: e.id, Who: e.operator, Client: client, Since: e.now().UTC()}
	e.here[e.id] = p
	e.publishLocked(Event{Kind: KindPresence, Session: e.id, Who: p.Who, At: p.Since, Ref: checklist.Ref{Client: client}, Detail: PresenceHere})
}

// What a KindPresence event says (its Detail).
const (
	PresenceHere = "here" // connected, on Ref.Client ("" for the firm)
	PresenceLeft = "left" // gone
)

// Presence lists the people connected, in the order they came, as this
// handle's person may see them (an "entreprise" user sees who is on his
// own dossier only).
func (e *Engine) Presence() []Presence {
	e.mu.Lock()
	out := make([]Presence, 0, len(e.here))
	for _, p := range e.here {
		out = append(out, p)
	}
	e.mu.Unlock()
	out = slices.DeleteFunc(out, func(p Presence) bool {
		return p.Session != e.id && e.maySee(checklist.Ref{Client: p.Client}) != nil
	})
	slices.SortFunc(out, func(a, b Presence) int { return a.Session - b.Session })
	return out
}

// leaveLocked forgets this handle's presence and tells the others.
func (e *Engine) leaveLocked() {
	p, ok := e.here[e.id]
	if !ok {
		return
	}
	delete(e.here, e.id)
	e.publishLocked(Event{Kind: KindPresence, Session: e.id, Who: p.Who, At: e.now().UTC(), Ref: checklist.Ref{Client: p.Client}, Detail: PresenceLeft})
}
