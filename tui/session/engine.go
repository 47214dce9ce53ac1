package session

import (
	"errors"
	"sync"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
)

// Store is what the engine needs from the store, per workspace: *store.DB
// satisfies it; tests use an in-memory fake. ApplyStep and ApplySteps check
// the change against the run they are given, write it durably with its
// audit event and only then update that run.
type Store interface {
	LoadRun(ws string, g *checklist.Guide) (*checklist.Run, error)
	StepState(ws string, ref checklist.Ref) (checklist.StepState, error)
	ApplyStep(ws string, run *checklist.Run, ch checklist.StepChange) (checklist.StepState, error)
	ApplySteps(ws string, run *checklist.Run, chs []checklist.StepChange) []error
	SetPendingInvoices(ws, clientID string, n int) error
	PutDossiers(ws string, ds []checklist.Dossier, by string) error
}

// MigrationStore is what overrides and the request record need beyond
// Store. *store.DB has it; without it those intents say so.
type MigrationStore interface {
	AddOverride(ws string, run *checklist.Run, o checklist.Override) error
	SetRequest(ws string, run *checklist.Run, r checklist.RequestRecord, by string) error
}

// Ports are the connectors of the workspace; either may be nil (files mode
// has none): the checks that need one then return ErrNoConnector.
type Ports struct {
	V1 connectors.V1
	V2 connectors.V2
}

// ErrNoConnector says the workspace's mode has no connector for a check.
var ErrNoConnector = errors.New("no connector")

// ErrNoMigrationStore says the store cannot record overrides or the request.
var ErrNoMigrationStore = errors.New("store: no override or request record")

// Config opens an engine.
type Config struct {
	Workspace string // the workspace id
	Cabinet   connectors.Cabinet
	Operator  string // who the audit records; "bascule" when empty
	Store     Store
	Ports     Ports
	Lang      checklist.Lang
	Guide     *checklist.Guide // nil: checklist.Default()
	// Run is the workspace's run when the caller already loaded it; the
	// engine then owns it (the caller keeps no reference). nil loads it.
	Run *checklist.Run
	Now func() time.Time // nil: time.Now
}

// Engine owns one workspace's run. Its methods are safe for concurrent use.
// An Engine value is a handle on the workspace's one core (run, lock,
// subscribers, presence): Open gives the owner's, As one per person.
type Engine struct {
	*core
	// operator is who the audit records for this handle's changes.
	operator string
	// person says this is a person's handle (As): operator is his name and
	// the core's members say what he may do now. The owner's handle (Open)
	// is no one's: the team rules do not restrict it.
	person bool
	// id tells this handle's events and presence from the others' (0 for
	// the owner's).
	id int
}

// core is what every handle of one workspace shares.
type core struct {
	ws      string
	cabinet connectors.Cabinet
	store   Store
	lang    checklist.Lang
	guide   *checklist.Guide
	now     func() time.Time

	mu    sync.Mutex // serialises changes; guards run, ports, subs and here
	run   *checklist.Run
	ports Ports

	subs    subscribers
	here    presenceSet
	handles int // the last handle id given

	teams TeamStore // team.go: the portfolios' store (SetTeam)

	// teamMu guards members; it is taken after mu, never before (the
	// events' filters read members while mu is held).
	teamMu sync.RWMutex
	// members is each person with a handle as the team has him now: As
	// records him, every team change made through the engine reads him
	// again (team.go), so that a new portfolio or a removal applies to
	// his next intent at once.
	members map[string]checklist.Member
}

// Open opens the engine of a workspace, loading its run unless given.
func Open(c Config) (*Engine, error) {
	if c.Store == nil {
		return nil, errors.New("session: no store")
	}
	if c.Guide == nil {
		c.Guide = checklist.Default()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Operator == "" {
		c.Operator = "bascule"
	}
	run := c.Run
	if run == nil {
		var err error
		if run, err = c.Store.LoadRun(c.Workspace, c.Guide); err != nil {
			return nil, err
		}
	}
	return &Engine{operator: connectors.Sanitize(c.Operator), core: &core{ws: c.Workspace, cabinet: c.Cabinet, store: c.Store,
		ports: c.Ports, lang: c.Lang, guide: c.Guide, now: c.Now, run: run}}, nil
}

// Workspace is the id of the engine's workspace.
func (e *Engine) Workspace() string { return e.ws }

// Operator is who the audit records for this engine's changes.
func (e *Engine) Operator() string { return e.operator }

// Snapshot returns a private copy of the run, to read from freely: for an
// "entreprise" member, only the dossiers he may see.
func (e *Engine) Snapshot() *checklist.Run {
	e.mu.Lock()
	r := CloneRun(e.run)
	e.mu.Unlock()
	if m, ok := e.Member(); ok {
		m.Restrict(r)
	}
	return r
}

// Status reads one step instance's status.
func (e *Engine) Status(ref checklist.Ref) (checklist.Status, error) {
	if err := e.maySee(ref); err != nil {
		return 0, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.run.Status(ref)
}

// StepState reads everything recorded for one step instance.
func (e *Engine) StepState(ref checklist.Ref) (checklist.StepState, error) {
	if err := e.maySee(ref); err != nil {
		return checklist.StepState{}, err
	}
	return e.store.StepState(e.ws, ref)
}

// CloneRun copies a run: one copy of the clients' headers and one of their
// statuses (a few hundred kilobytes at 12,000 clients).
func CloneRun(r *checklist.Run) *checklist.Run {
	c := *r
	c.Cabinet = append([]checklist.Status(nil), r.Cabinet...)
	c.Overrides = append([]checklist.Override(nil), r.Overrides...)
	c.Clients = make([]checklist.ClientRun, len(r.Clients))
	width := 0
	if len(r.Clients) > 0 {
		width = len(r.Clients[0].Steps)
	}
	backing := make([]checklist.Status, 0, width*len(r.Clients))
	for i := range r.Clients {
		c.Clients[i] = r.Clients[i]
		start := len(backing)
		backing = append(backing, r.Clients[i].Steps...)
		c.Clients[i].Steps = backing[start:len(backing):len(backing)]
	}
	return &c
}
