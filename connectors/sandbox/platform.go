package sandbox

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
)

// Platform is the simulated V1 and V2 of one cabinet. Its methods beyond the
// ports (AcceptPendingInvoices, CompleteRegistration, FinishMigration…) are
// what the demo and the tests use to play the user's part on the platforms.
type Platform struct {
	mu     sync.Mutex
	opts   Options
	clock  func() time.Time
	offset time.Duration // added to clock by Advance

	w    *world
	byID map[string]*dossier // V1 id → dossier, the cabinet's own included
	// bySIREN finds a client for the file-export API (clients only).
	bySIREN map[string]*dossier

	reg      connectors.RegistrationStatus
	req      *migration
	migrated bool
	spaces   map[string]*space // V2 spaces by SIREN, the cabinet's included

	keys    map[string]keyed // idempotency key → first call
	effects map[string]int   // operation → real state changes
}

// migration is the one migration request of the cabinet.
type migration struct {
	sub connectors.MigrationSubmission
	out connectors.MigrationRequest
	due time.Time
}

// space is a company (or the cabinet) on V2. Strings are sanitised on the way
// in, so the inventory is stored clean.
type space struct {
	inv     connectors.Inventory
	profile connectors.Profile
}

// keyed remembers the first call made with an idempotency key.
type keyed struct {
	op, fingerprint string
	result          any
}

// New builds the platform. It panics if opts.Validate fails: options come
// from code (tests, the demo's wiring), so a bad one is a programming error.
func New(opts Options) *Platform {
	if err := opts.Validate(); err != nil {
		panic(err)
	}
	clock := opts.Now
	if clock == nil {
		clock = time.Now
	}
	w := generate(opts)
	p := &Platform{
		opts: opts, clock: clock, w: w,
		byID:    make(map[string]*dossier, len(w.clients)+1),
		bySIREN: make(map[string]*dossier, len(w.clients)),
		spaces:  map[string]*space{},
		keys:    map[string]keyed{},
		effects: map[string]int{},
	}
	p.byID[CabinetDossierID] = w.own
	for _, d := range w.clients {
		p.byID[d.snap.Client.ID] = d
		p.bySIREN[d.snap.Client.SIREN] = d
	}
	p.reg.Identity = w.cabinet // pre-filled from Comptexpert
	return p
}

// V1 returns the old platform's port. Everything it returns is sanitised.
func (p *Platform) V1() connectors.V1 { return v1{p: p} }

// RawV1 returns the old platform's port without sanitising: with Hostile on,
// its strings carry the escape sequences as stored. It is meant for an HTTP
// test server, so that what is tested is the client's own sanitising.
func (p *Platform) RawV1() connectors.V1 { return v1{p: p, raw: true} }

// V2 returns the new platform's port.
func (p *Platform) V2() connectors.V2 { return v2{p: p} }

// now is the platform's time. Callers hold p.mu.
func (p *Platform) now() time.Time { return p.clock().Add(p.offset) }

// Now returns the platform's current time: the clock plus any Advance.
func (p *Platform) Now() time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.now()
}

// Advance moves the platform's time forward by d, on top of its clock.
func (p *Platform) Advance(d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.offset += d
	p.tick()
}

// tick applies what time has made due: the request goes in progress halfway
// through the delay and succeeds at its end, when the migration is applied.
// Every entry point calls it first, so no goroutine is needed. Callers hold p.mu.
func (p *Platform) tick() {
	m := p.req
	if m == nil || m.out.State.Done() {
		return
	}
	now := p.now()
	if !now.Before(m.due) {
		p.applyMigration()
		m.out.State = connectors.RequestSucceeded
		m.out.CompletedAt = now
		m.out.Message = "Migration réussie : les données du cabinet et de ses clients actifs sont sur la nouvelle plateforme."
		return
	}
	if m.out.State == connectors.RequestSubmitted && !now.Before(m.out.SubmittedAt.Add(p.opts.MigrationDelay/2)) {
		m.out.State = connectors.RequestInProgress
		m.out.Message = "Migration en cours."
	}
}

// FinishMigration moves the platform's time to the end of the migration
// delay, so the request succeeds now. ErrNotFound if none was submitted.
func (p *Platform) FinishMigration() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.req == nil {
		return &connectors.Error{Op: "sandbox.FinishMigration", Kind: connectors.ErrNotFound,
			French: "aucune demande de migration", English: "no migration request"}
	}
	if d := p.req.due.Sub(p.now()); d > 0 {
		p.offset += d
	}
	p.tick()
	return nil
}

// Migrated reports whether the migration has been applied.
func (p *Platform) Migrated() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tick()
	return p.migrated
}

// applyMigration creates the V2 spaces of the cabinet and of every active
// client with exactly what §3.3 lists, minus the drop rules. Callers hold p.mu.
func (p *Platform) applyMigration() {
	if p.migrated {
		return
	}
	p.migrated = true
	p.effects["sandbox.ApplyMigration"]++
	for _, d := range append([]*dossier{p.w.own}, p.w.clients...) {
		if d.snap.Client.Status != connectors.StatusActive {
			continue // inactive dossiers come over by ImportClients
		}
		inv := expected(d)
		for _, r := range p.opts.Drop {
			if r.ClientSIREN == AllSIRENs || ident.NormalizeSIREN(r.ClientSIREN) == inv.SIREN {
				drop(&inv, r)
			}
		}
		p.spaces[inv.SIREN] = &space{inv: inv}
	}
	// §3.2: the person who asked is invited as administrator of the cabinet.
	own := p.spaces[CabinetSIREN]
	own.inv.Users = append(own.inv.Users, connectors.User{Email: p.req.sub.RequestedBy,
		Roles: []string{connectors.RoleAdministrator}})
}

// expected is what §3.3 says V2 holds for d after the migration: accepted
// documents by payment status (pending ones stay behind), archived documents,
// articles, customers and suppliers, the reception e-mail and the Banqup
// payment account. Users, bank accounts, numbering, logo, integrations and
// subscription are left empty: they are re-created by hand.
func expected(d *dossier) connectors.Inventory {
	s := &d.snap
	inv := connectors.Inventory{
		SIREN: s.Client.SIREN,
		Invoices: connectors.InvoiceCounts{
			Purchases: connectors.DirectionCounts{AcceptedPaid: s.Invoices.Purchases.AcceptedPaid, AcceptedUnpaid: s.Invoices.Purchases.AcceptedUnpaid},
			Sales:     connectors.DirectionCounts{AcceptedPaid: s.Invoices.Sales.AcceptedPaid, AcceptedUnpaid: s.Invoices.Sales.AcceptedUnpaid},
		},
		Archives:       s.Archives,
		Articles:       len(s.Articles),
		Partners:       s.Partners,
		ReceptionEmail: connectors.Sanitize(s.ReceptionEmail),
		PaymentAccount: s.PaymentAccount,
		Users:          []connectors.User{},
		BankAccounts:   []connectors.BankAccount{},
		Integrations:   []connectors.Integration{},
	}
	return inv
}

// drop applies one drop rule to inv.
func drop(inv *connectors.Inventory, r DropRule) {
	take := func(n *int, left int) int {
		if r.Count <= 0 {
			*n = 0
			return left
		}
		t := min(*n, left)
		*n -= t
		return left - t
	}
	switch r.Item {
	case ItemArchivedDocuments:
		take(&inv.Archives.Documents, r.Count)
	case ItemArticles:
		take(&inv.Articles, r.Count)
	case ItemAcceptedDocuments:
		left := r.Count
		for _, n := range []*int{&inv.Invoices.Sales.AcceptedPaid, &inv.Invoices.Sales.AcceptedUnpaid,
			&inv.Invoices.Purchases.AcceptedPaid, &inv.Invoices.Purchases.AcceptedUnpaid} {
			left = take(n, left)
		}
	case ItemPartners:
		take(&inv.Partners.Suppliers, take(&inv.Partners.Customers, r.Count))
	case ItemReceptionEmail:
		inv.ReceptionEmail = ""
	case ItemPaymentAccount:
		inv.PaymentAccount = false
	}
}

// ExpectedInventory returns what V2 should hold for a company after the
// migration according to §3.3, ignoring drop rules: what reconciliation
// compares V2 against. ErrNotFound for an unknown SIREN or a dossier that
// does not migrate (inactive).
func (p *Platform) ExpectedInventory(siren string) (connectors.Inventory, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := ident.NormalizeSIREN(siren)
	for _, d := range append([]*dossier{p.w.own}, p.w.clients...) {
		if d.snap.Client.SIREN == n && d.snap.Client.Status == connectors.StatusActive {
			inv := expected(d)
			inv.FetchedAt = p.now()
			return inv, nil
		}
	}
	return connectors.Inventory{}, notFound("sandbox.ExpectedInventory", "SIREN "+n)
}

// Clients returns every client dossier, sanitised, in V1's order.
func (p *Platform) Clients() []connectors.Client {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]connectors.Client, len(p.w.clients))
	for i, d := range p.w.clients {
		out[i] = d.snap.Client
		out[i].Sanitize()
	}
	return out
}

// SideEffects returns, per operation ("v2.InviteUser", "v1.AcceptPendingInvoices"…),
// how many times the platform's state really changed. Replays of an
// idempotent call do not count: a retried request must never add to it.
func (p *Platform) SideEffects() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return maps.Clone(p.effects)
}

// LogoData returns the logo bytes of a V1 dossier, as the user would save
// them before the migration. ErrNotFound if the dossier or its logo is unknown.
func (p *Platform) LogoData(clientID string) ([]byte, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	d := p.byID[clientID]
	if d == nil || d.logoData == nil {
		return nil, notFound("sandbox.LogoData", "logo "+clientID)
	}
	return slices.Clone(d.logoData), nil
}

// AcceptPendingInvoices accepts every pending invoice of a V1 dossier, as the
// user does before the migration (§2): they become accepted and unpaid.
// ErrReadOnly once migrated, ErrNotFound for an unknown dossier.
func (p *Platform) AcceptPendingInvoices(clientID string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tick()
	const op = "v1.AcceptPendingInvoices"
	if p.migrated {
		return readOnly(op)
	}
	d := p.byID[clientID]
	if d == nil {
		return notFound(op, "dossier "+clientID)
	}
	p.acceptPending(d)
	return nil
}

func (p *Platform) acceptPending(d *dossier) {
	inv := &d.snap.Invoices
	if inv.PendingTotal() == 0 {
		return
	}
	inv.Purchases.AcceptedUnpaid += inv.Purchases.Pending
	inv.Sales.AcceptedUnpaid += inv.Sales.Pending
	inv.Purchases.Pending, inv.Sales.Pending = 0, 0
	p.effects["v1.AcceptPendingInvoices"]++
}

// AcceptAllPending accepts the pending invoices of every dossier.
// ErrReadOnly once migrated.
func (p *Platform) AcceptAllPending() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tick()
	if p.migrated {
		return readOnly("v1.AcceptPendingInvoices")
	}
	p.acceptPending(p.w.own)
	for _, d := range p.w.clients {
		p.acceptPending(d)
	}
	return nil
}

// FixArticles repairs the invalid articles of a V1 dossier (§2, item 2).
// ErrReadOnly once migrated, ErrNotFound for an unknown dossier.
func (p *Platform) FixArticles(clientID string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tick()
	const op = "v1.FixArticles"
	if p.migrated {
		return readOnly(op)
	}
	d := p.byID[clientID]
	if d == nil {
		return notFound(op, "dossier "+clientID)
	}
	if slices.ContainsFunc(d.snap.Articles, func(a connectors.Article) bool { return len(a.Problems) > 0 }) {
		fixArticles(d.snap.Articles)
		p.effects[op]++
	}
	return nil
}

// AdvanceRegistration completes the next registration step of §3.1 (sign up,
// identity check, mobile app, space activation, cabinet dossier) and returns
// the new status. It does nothing once registration is complete.
func (p *Platform) AdvanceRegistration() connectors.RegistrationStatus {
	p.mu.Lock()
	defer p.mu.Unlock()
	r := &p.reg
	for _, b := range []*bool{&r.Registered, &r.IdentityConfirmed, &r.MobileAppInstalled, &r.SpaceActivated, &r.CabinetDossierCreated} {
		if !*b {
			*b = true
			p.effects["sandbox.AdvanceRegistration"]++
			break
		}
	}
	out := p.reg
	out.Sanitize()
	return out
}

// CompleteRegistration completes every registration step at once.
func (p *Platform) CompleteRegistration() {
	for !p.AdvanceRegistration().Complete() {
	}
}

// --- errors -----------------------------------------------------------------

func notFound(op, what string) error {
	return &connectors.Error{Op: op, Kind: connectors.ErrNotFound,
		French: what + " introuvable", English: what + " not found"}
}

func readOnly(op string) error {
	return &connectors.Error{Op: op, Kind: connectors.ErrReadOnly,
		French: "V1 est en lecture seule depuis la migration", English: "V1 is read-only since the migration"}
}

func cancelled(ctx context.Context, op string) error {
	if err := ctx.Err(); err != nil {
		return &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
			French: "requête annulée", English: "request cancelled", Err: err}
	}
	return nil
}

// --- idempotency ------------------------------------------------------------

// fingerprint identifies a call's arguments. JSON sorts map keys, so equal
// arguments always give equal fingerprints.
func fingerprint(args any) string {
	b, err := json.Marshal(args)
	if err != nil {
		panic(err) // records are plain data
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// replay looks key up. It returns the first call's result if the same call
// was made before, ErrConflict if the key served another call, and
// (nil, false, nil) for a new key. Callers hold p.mu.
func (p *Platform) replay(op, key string, args any) (any, bool, error) {
	if key == "" {
		return nil, false, connectors.Invalid(op, "idempotency_key",
			"clé d'idempotence manquante", "missing idempotency key")
	}
	k, ok := p.keys[key]
	if !ok {
		return nil, false, nil
	}
	if k.op != op || k.fingerprint != fingerprint(args) {
		return nil, false, &connectors.Error{Op: op, Kind: connectors.ErrConflict, Field: "idempotency_key",
			French:  "clé d'idempotence déjà utilisée pour une autre demande",
			English: "idempotency key already used for another request"}
	}
	return k.result, true, nil
}

// remember records a successful call under key. Callers hold p.mu.
func (p *Platform) remember(op, key string, args, result any) {
	p.keys[key] = keyed{op: op, fingerprint: fingerprint(args), result: result}
}
