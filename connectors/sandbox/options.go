package sandbox

import (
	"fmt"
	"time"
)

// Size limits of the generated cabinet.
const (
	DefaultClients = 40
	MaxClients     = 12000
)

// Items a DropRule can make the migration lose. They are the ids of guide
// §3.3's migrated list (checklist's TransferItem ids), plus the Banqup
// payment account of §4.
const (
	ItemAcceptedDocuments = "accepted_documents"
	ItemArchivedDocuments = "archived_documents"
	ItemArticles          = "articles"
	ItemPartners          = "partners"
	ItemReceptionEmail    = "reception_email"
	ItemPaymentAccount    = "payment_account"
)

// AllSIRENs in DropRule.ClientSIREN applies the rule to every migrated space.
const AllSIRENs = "*"

// DropRule makes the migration lose something that should have migrated, so
// that reconciliation has a gap to find.
type DropRule struct {
	ClientSIREN string // a client's (or the cabinet's) SIREN, or AllSIRENs
	Item        string // one of the Item… constants
	// Count is how many documents, articles or partners are lost; 0 or less
	// loses them all. Ignored for the reception e-mail and payment account,
	// which are simply missing.
	Count int
}

// Options configures New. The zero value is a valid 40-client cabinet with
// the real clock and an immediate migration.
type Options struct {
	Seed    int64 // same seed, same cabinet
	Clients int   // number of client dossiers, 0 means DefaultClients
	// MigrationDelay is how long after submission the migration request
	// succeeds: a few seconds in the demo, zero in tests.
	MigrationDelay time.Duration
	Now            func() time.Time // clock; nil means time.Now
	Drop           []DropRule
	// Hostile puts terminal escape sequences, control characters and bidi
	// overrides into some names, to exercise sanitising end to end.
	Hostile bool
}

// Validate reports options that New would refuse.
func (o Options) Validate() error {
	if o.Clients < 0 || o.Clients > MaxClients {
		return fmt.Errorf("sandbox: Clients = %d, want 0 to %d", o.Clients, MaxClients)
	}
	if o.MigrationDelay < 0 {
		return fmt.Errorf("sandbox: negative MigrationDelay %v", o.MigrationDelay)
	}
	for i, d := range o.Drop {
		switch d.Item {
		case ItemAcceptedDocuments, ItemArchivedDocuments, ItemArticles, ItemPartners,
			ItemReceptionEmail, ItemPaymentAccount:
		default:
			return fmt.Errorf("sandbox: Drop[%d]: unknown item %q", i, d.Item)
		}
		if d.ClientSIREN == "" {
			return fmt.Errorf("sandbox: Drop[%d]: empty ClientSIREN (use %q for all)", i, AllSIRENs)
		}
	}
	return nil
}
