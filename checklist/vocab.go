package checklist

import (
	"errors"
	"time"

	"github.com/bascule-cli/bascule/connectors"
)

// The vocabulary every front end shares with the store and the engine
// (tui/session): a change to a step instance, an audit event and its
// actions, and the passphrase errors. They live here, below the store, so
// that the screens name them without importing the store (and bbolt).

// Cabinet is the firm's profile (connectors' record), named here for the
// store, which does not import connectors.
type Cabinet = connectors.Cabinet

// StepChange is one change to a step instance. Nil fields are left as they
// are.
type StepChange struct {
	Ref      Ref
	Status   *Status
	Reason   string
	Note     *string
	Capture  *Capture
	Evidence *Evidence
	By       string
}

// Event is one line of the append-only audit log of a workspace: who, when,
// what changed from what to what. It never holds a secret's value; a capture
// is summarised by the fields that changed, not their values.
type Event struct {
	Seq       uint64    `json:"seq"`
	At        time.Time `json:"at"`
	Who       string    `json:"who,omitempty"`
	Workspace string    `json:"workspace"`
	Action    string    `json:"action"`
	Ref       Ref       `json:"ref"`
	From      string    `json:"from,omitempty"`
	To        string    `json:"to,omitempty"`
	Detail    string    `json:"detail,omitempty"`
}

// Event actions.
const (
	ActionWorkspaceCreate = "workspace.create"
	ActionWorkspaceUpdate = "workspace.update"
	ActionWorkspaceImport = "workspace.import"
	ActionDossiersPut     = "dossiers.put"
	ActionStep            = "step.update"
	ActionPending         = "dossier.pending_invoices"
	ActionLeftV1          = "dossier.left_v1" // To "true": no longer on V1's list; "false": back on it
	ActionOverride        = "gate.override"
	ActionRequest         = "request.update"
	ActionSecretPut       = "secret.put"
	ActionClientPurge     = "client.purge"
)

// The passphrase errors a sealed secret gives (the store's PassphraseError
// matches them with errors.Is).
var (
	ErrWrongPassphrase = errors.New("store: wrong passphrase")
	ErrNoPassphrase    = errors.New("store: passphrase required")
)

// What a missing or taken record gives (the store's NotFoundError and
// ExistsError match them with errors.Is), so that the engine tells them
// apart without importing the store.
var (
	ErrNotFound = errors.New("store: not found")
	ErrExists   = errors.New("store: already exists")
)
