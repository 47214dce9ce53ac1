package connectors

import "context"

// Page asks for one page of a list. An empty Cursor asks for the first page;
// Limit <= 0 lets the adapter choose.
type Page struct {
	Cursor string `json:"cursor,omitempty"`
	Limit  int    `json:"limit,omitempty"`
}

// V1 is the old platform, read from by phase 1 (preparation) and phase 4
// (reconciliation). Adapters sanitise every string before returning it.
// Errors are *Error values wrapping ErrNotFound, ErrUnauthorized,
// ErrRateLimited, ErrUnavailable…
type V1 interface {
	// Cabinet returns the cabinet, its collaborators, every client dossier
	// (all statuses) and its accounting-software integrations. For very large
	// cabinets Clients may be left empty: use ListClients.
	Cabinet(ctx context.Context) (CabinetSnapshot, error)

	// ListClients returns one page of client dossiers, all statuses, and the
	// cursor of the next page ("" when this was the last one).
	ListClients(ctx context.Context, page Page) ([]Client, string, error)

	// ClientSnapshot returns everything phase 1 notes for one client, by its
	// V1 identifier (Client.ID). ErrNotFound if there is no such dossier.
	ClientSnapshot(ctx context.Context, clientID string) (V1Snapshot, error)

	// ReadOnly reports whether V1 has become read-only, which happens once the
	// cabinet has been migrated. Writes on a read-only V1 fail with ErrReadOnly.
	ReadOnly(ctx context.Context) (bool, error)
}

// V2 is the new platform: registration and migration tracking (phases 2–3),
// then the inventory and re-creation of what was not migrated (phase 4).
//
// Every write takes an idempotency key: calling it again with the same key
// and the same arguments does nothing more and returns the same result, so a
// write may be retried after ErrUnavailable. Reusing a key with different
// arguments fails with ErrConflict.
//
// A space is SpaceCabinet ("cabinet") or a client company's SIREN.
type V2 interface {
	// Registration returns how far the cabinet's registration has gone and the
	// identity V2 holds for it.
	Registration(ctx context.Context) (RegistrationStatus, error)

	// SubmitMigration sends the cabinet's migration request. Idempotent on
	// req.IdempotencyKey: a second call returns the request already made.
	SubmitMigration(ctx context.Context, req MigrationSubmission) (MigrationRequest, error)

	// MigrationStatus returns the current state of a request by its reference.
	// ErrNotFound if V2 does not know the reference.
	MigrationStatus(ctx context.Context, reference string) (MigrationRequest, error)

	// Inventory returns what V2 holds for one client company, by SIREN.
	// ErrNotFound if the company has no space on V2 (yet).
	Inventory(ctx context.Context, clientSIREN string) (Inventory, error)

	// InviteUser invites u into space with u.Roles and returns the user as V2
	// recorded it (Active stays false until the invitation is accepted).
	// ErrConflict if the e-mail is already a member with other roles.
	InviteUser(ctx context.Context, space string, u User, key string) (User, error)

	// ImportClients creates client dossiers in the cabinet space (the inactive
	// V1 dossiers). Good rows are kept; rejected ones are reported with their
	// 1-based index in clients. An error means nothing was imported.
	ImportClients(ctx context.Context, clients []Client, key string) (ImportResult, error)

	// SetProfile sets a company's profile: address, contact and logo.
	SetProfile(ctx context.Context, clientSIREN string, p Profile, key string) error

	// AddBankAccount adds a bank account (re-entered, or an external one to
	// reconnect) to a company.
	AddBankAccount(ctx context.Context, clientSIREN string, a BankAccount, key string) error

	// SetNumbering sets the next sales-invoice numbering of a company: the
	// first invoice sent on V2 gets n.Format(n.LastNumber+1). Pass the V1
	// numbering unchanged; V2 continues from it.
	SetNumbering(ctx context.Context, clientSIREN string, n Numbering, key string) error

	// CreateIntegration creates an accounting-software connection in space.
	// Secrets are not in the record: the adapter gets them from elsewhere.
	CreateIntegration(ctx context.Context, space string, in Integration, key string) error

	// ChooseSubscription subscribes a company to a plan.
	ChooseSubscription(ctx context.Context, clientSIREN string, s Subscription, key string) error
}
