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
// when he is removed (or parent ends). stop ends the watch. The engine
// calls the watch under its lock for every event this person may see: it
// only notes a change of the team naming him, and a goroutine reads his
// place in the team again.
func watchRemoval(parent context.Context, h *engine.Engine) *removal {
	ctx, cancel := context.WithCancel(parent)
	r := &removal{ctx: ctx}
	me := h.Operator()
	changed := make(chan struct{}, 1)
	var last string // who made the latest change naming him (under r.mu)
	unwatch := h.Watch(func(ev engine.Event) {
		if ev.Kind != engine.KindTeam || !slices.Contains(ev.People, me) {
			return
		}
		r.mu.Lock()
		last = ev.Who
		r.mu.Unlock()
		select {
		case changed <- struct{}{}:
		default: // a wake-up already waits: the place is read after it anyway
		}
	})
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-changed:
				if m, person := h.Member(); person && m.InTeam() != nil {
					r.mu.Lock()
					r.by, r.gone = last, true
					r.mu.Unlock()
					cancel()
					return
				}
			}
		}
	}()
	r.stop = func() { unwatch(); cancel() }
	return r
}

// removed says whether the session ended because its person was removed,
// and by whom.
func (r *removal) removed() (by string, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.by, r.gone
}
