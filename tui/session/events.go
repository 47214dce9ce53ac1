package session

import (
	"slices"
	"sync"
	"time"

	"github.com/bascule-cli/bascule/checklist"
)

// Kind says what an event reports.
type Kind uint8

// What the engine publishes.
const (
	KindStep     Kind = iota + 1 // a step instance changed (status, evidence, capture or note)
	KindOverride                 // a gate override was recorded
	KindRequest                  // the request record changed
	KindProgress                 // bulk work advanced (Done of Total)
	KindRoster                   // the dossiers were refreshed from V1's client list
	KindPresence                 // someone came, moved to a client (Ref.Client) or left (Detail)
	KindTeam                     // the team changed: a portfolio, a role, a member added or removed (People)
)

// Event is one committed change, the progress of bulk work, or where someone
// is (KindPresence). Front ends redraw from it; it carries no secret and no
// captured value.
type Event struct {
	Kind Kind
	Who  string
	At   time.Time
	// Session is the handle it came through (Engine.Session): a front end
	// tells its own changes from the others'.
	Session int
	// Ref, From and To describe a step change (KindStep).
	Ref      checklist.Ref
	From, To checklist.Status
	// Pending is the pending-invoice count recorded with it, if any.
	Pending *int
	// Evidence, OK, Capture and Note say what else the change recorded.
	Evidence, OK, Capture, Note bool
	// Gate is the overridden gate (KindOverride); Detail its reason, or the
	// request's state (KindRequest).
	Gate, Detail string
	// Done, Failed and Total count bulk work (KindProgress); Total is also
	// the number of dossiers after a refresh (KindRoster).
	Done, Failed, Total int
	// Added, Updated and Gone count a refresh's dossiers created, updated
	// and absent from V1 (KindRoster).
	Added, Updated, Gone int
	// People are the team members whose place changed (KindTeam): their
	// portfolio, their role, or their membership. Detail says what was
	// done (TeamAssigned, TeamChanged).
	People []string
}

// Subscribe returns a channel of every event published from now on, in
// commit order, and the function that ends the subscription (it closes the
// channel; calling it twice is harmless). A slow reader never blocks the
// engine: its events wait in its own queue. A person's handle (As) receives
// only the events that person may see.
func (e *Engine) Subscribe() (<-chan Event, func()) {
	s := &subscriber{wake: make(chan struct{}, 1), done: make(chan struct{}), out: make(chan Event), owner: e.id}
	if e.person {
		s.filter = e.visible
	}
	e.mu.Lock()
	e.subs.add(s)
	e.mu.Unlock()
	go s.pump()
	return s.out, func() {
		e.mu.Lock()
		e.subs.remove(s)
		e.mu.Unlock()
		s.stop()
	}
}

// Close ends subscriptions and watches: their channels close, and events
// still queued for a slow reader are dropped. On the owner's handle (Open)
// it ends every one; the engine stays usable for intents (a command's
// engine is simply dropped) and a front end that hands out handles
// (`bascule serve`) calls it when the workspace closes. On a person's
// handle (As) it ends that handle's own and says that person has left.
func (e *Engine) Close() {
	e.mu.Lock()
	var ended []*subscriber
	if e.id == 0 {
		ended = e.subs.list
		e.subs.list, e.subs.watchers = nil, nil
	} else {
		e.leaveLocked()
		ended = e.subs.dropOwner(e.id)
	}
	e.mu.Unlock()
	for _, s := range ended {
		s.stop()
	}
}

// Watch calls fn with every event published from now on, in commit order,
// before the intent that caused it returns; the function it returns ends
// the watch. fn runs under the engine's lock: it must be quick and must not
// call the engine (hand the event to a goroutine or a channel instead).
// Tests and `bascule serve`'s fan-out use it; front ends use Subscribe.
func (e *Engine) Watch(fn func(Event)) func() {
	w := watcher{fn: fn, owner: e.id}
	if e.person {
		w.filter = e.visible
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.subs.nextID++
	id := e.subs.nextID
	if e.subs.watchers == nil {
		e.subs.watchers = map[int]watcher{}
	}
	e.subs.watchers[id] = w
	return func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		delete(e.subs.watchers, id)
	}
}

// publishLocked queues ev for every subscriber and calls every watcher;
// e.mu is held, so events are delivered in commit order.
func (e *Engine) publishLocked(ev Event) {
	if ev.Session == 0 {
		ev.Session = e.id
	}
	for _, s := range e.subs.list {
		if s.filter == nil || s.filter(ev) {
			s.push(ev)
		}
	}
	for _, id := range e.subs.order() {
		if w := e.subs.watchers[id]; w.filter == nil || w.filter(ev) {
			w.fn(ev)
		}
	}
}

type subscribers struct {
	list     []*subscriber
	watchers map[int]watcher
	nextID   int
}

// watcher is one Watch: its function, the handle that made it and, for a
// person's handle, what that person may see.
type watcher struct {
	fn     func(Event)
	filter func(Event) bool
	owner  int
}

// dropOwner removes the subscriptions and watches made through one handle
// and returns the subscriptions, to stop.
func (ss *subscribers) dropOwner(owner int) []*subscriber {
	var ended []*subscriber
	kept := ss.list[:0]
	for _, s := range ss.list {
		if s.owner == owner {
			ended = append(ended, s)
		} else {
			kept = append(kept, s)
		}
	}
	clear(ss.list[len(kept):])
	ss.list = kept
	for id, w := range ss.watchers {
		if w.owner == owner {
			delete(ss.watchers, id)
		}
	}
	return ended
}

// order is the watchers' ids in the order they started watching.
func (ss *subscribers) order() []int {
	ids := make([]int, 0, len(ss.watchers))
	for id := range ss.watchers {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func (ss *subscribers) add(s *subscriber) { ss.list = append(ss.list, s) }

func (ss *subscribers) remove(s *subscriber) {
	for i, x := range ss.list {
		if x == s {
			ss.list = append(ss.list[:i], ss.list[i+1:]...)
			return
		}
	}
}

// subscriber is one front end's queue: push never blocks; pump hands the
// queued events to out one by one until done.
type subscriber struct {
	mu    sync.Mutex
	queue []Event
	wake  chan struct{} // one pending wake-up at most
	done  chan struct{}
	out   chan Event
	once  sync.Once
	// owner is the handle that subscribed; filter, for a person's handle,
	// keeps the events that person may see.
	owner  int
	filter func(Event) bool
}

// stop ends the subscription; calling it again is harmless.
func (s *subscriber) stop() { s.once.Do(func() { close(s.done) }) }

func (s *subscriber) push(ev Event) {
	s.mu.Lock()
	s.queue = append(s.queue, ev)
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *subscriber) pump() {
	defer close(s.out)
	for {
		s.mu.Lock()
		batch := s.queue
		s.queue = nil
		s.mu.Unlock()
		for _, ev := range batch {
			select {
			case s.out <- ev:
			case <-s.done:
				return
			}
		}
		select {
		case <-s.wake:
		case <-s.done:
			return
		}
	}
}
