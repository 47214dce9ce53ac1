package main

import (
	"context"
	"slices"
	"sync"

	engine "github.com/bascule-cli/bascule/tui/session"
)

// removal ends a session whose person is removed from the team while it is
// open. The engine already refuses his every intent from then on; a session
// that stays open only to refuse is no use to him and keeps a handle on the
// workspace, so the server closes it and says why (the session's caller
// prints the message once the program has left the screen).
type removal struct {
	ctx  context.Context
	stop func()
	mu   sync.Mutex
	by   string
	gone bool
}

// watchRemoval follows the team's events that concern h's person; ctx ends
// when he is removed (or parent ends). stop ends the watch.
func watchRemoval(parent context.Context, h *engine.Engine) *removal {
	ctx, cancel := context.WithCancel(parent)
	evs, unsubscribe := h.Subscribe()
	r := &removal{ctx: ctx}
	me := h.Operator()
	go func() {
		for ev := range evs {
			if ev.Kind != engine.KindTeam || !slices.Contains(ev.People, me) {
				continue
			}
			if m, person := h.Member(); person && m.InTeam() != nil {
				r.mu.Lock()
				r.by, r.gone = ev.Who, true
				r.mu.Unlock()
				cancel()
				return
			}
		}
	}()
	r.stop = func() { unsubscribe(); cancel() }
	return r
}

// removed says whether the session ended because its person was removed,
// and by whom.
func (r *removal) removed() (by string, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.by, r.gone
}
