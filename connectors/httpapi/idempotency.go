package httpapi

import (
	"context"
	"net/http"
	"sync"

	"github.com/bascule-cli/bascule/connectors"
)

// idempotencyCache remembers the answer of each POST by Idempotency-Key, so
// that a retried POST gets the stored answer and the port is not called a
// second time. A request arriving while the first with the same key is still
// running waits for it.
type idempotencyCache struct {
	mu      sync.Mutex
	entries map[string]*idemEntry
	order   []string // keys in insertion order, for eviction
	max     int
}

type idemEntry struct {
	fingerprint [32]byte
	done        chan struct{} // closed once rep is set
	rep         reply
}

func newIdempotencyCache(max int) *idempotencyCache {
	return &idempotencyCache{entries: make(map[string]*idemEntry), max: max}
}

// do returns the stored answer for key, or runs fn and stores its answer.
// replayed reports a stored answer. A key reused with another fingerprint
// is a conflict. Answers that say "try again" (5xx, 429, 401) are not
// stored: the retry must run the request for real.
func (c *idempotencyCache) do(ctx context.Context, fp [32]byte, key string, fn func() reply) (rep reply, replayed bool) {
	var mine *idemEntry
	for mine == nil {
		c.mu.Lock()
		e, ok := c.entries[key]
		if !ok {
			mine = &idemEntry{fingerprint: fp, done: make(chan struct{})}
			c.entries[key] = mine
			c.order = append(c.order, key)
			c.evictLocked()
			c.mu.Unlock()
			break
		}
		c.mu.Unlock()
		if e.fingerprint != fp {
			return errorReply(&connectors.Error{Kind: connectors.ErrConflict, Field: HeaderIdempotencyKey,
				French:  "clé d'idempotence déjà utilisée pour une autre requête",
				English: "idempotency key already used for another request"}), false
		}
		select {
		case <-e.done:
		case <-ctx.Done():
			return errorReply(&connectors.Error{Kind: connectors.ErrUnavailable, Err: ctx.Err()}), false
		}
		c.mu.Lock()
		stored := c.entries[key] == e
		c.mu.Unlock()
		if stored {
			return e.rep, true
		}
		// The first attempt was not kept (it failed transiently): run again.
	}

	e := mine
	defer close(e.done)
	defer func() {
		// Also on panic: waiters must not wait for ever.
		if p := recover(); p != nil {
			c.forget(key, e)
			panic(p)
		}
	}()
	rep = fn()
	e.rep = rep
	if rep.status >= 500 || rep.status == http.StatusTooManyRequests || rep.status == http.StatusUnauthorized {
		c.forget(key, e)
	}
	return rep, false
}

func (c *idempotencyCache) forget(key string, e *idemEntry) {
	c.mu.Lock()
	if c.entries[key] == e {
		delete(c.entries, key)
	}
	c.mu.Unlock()
}

// evictLocked drops the oldest finished entries beyond max (an entry still
// running is kept: its waiters need it). order may hold keys already
// forgotten; it is compacted when it grows to twice max.
func (c *idempotencyCache) evictLocked() {
	for n := len(c.order); len(c.entries) > c.max && n > 0; n-- {
		k := c.order[0]
		c.order = c.order[1:]
		e, ok := c.entries[k]
		if !ok {
			continue
		}
		select {
		case <-e.done:
			delete(c.entries, k)
		default:
			c.order = append(c.order, k)
		}
	}
	if len(c.order) > 2*c.max {
		live := c.order[:0]
		seen := make(map[string]bool, len(c.entries))
		for _, k := range c.order {
			if _, ok := c.entries[k]; ok && !seen[k] {
				seen[k] = true
				live = append(live, k)
			}
		}
		c.order = live
	}
}
