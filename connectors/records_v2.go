package connectors

import (
	"time"
)

// RegistrationStatus is how far the cabinet has gone in registering on V2 (§3.1).
type RegistrationStatus struct {
	Registered            bool    `json:"registered"`
	IdentityConfirmed     bool    `json:"identity_confirmed"`
	MobileAppInstalled    bool    `json:"mobile_app_installed"`
	SpaceActivated        bool    `json:"space_activated"`
	CabinetDossierCreated bool    `json:"cabinet_dossier_created"`
	Identity              Cabinet `json:"identity"` // what V2 holds (pre-filled from Comptexpert)
}

// Complete reports whether every registration step is done.
func (r RegistrationStatus) Complete() bool {
	return r.Registered && r.IdentityConfirmed && r.MobileAppInstalled && r.SpaceActivated && r.CabinetDossierCreated
}

// RequestState is the state of a migration request on V2.
type RequestState string

// Migration request states.
const (
	RequestSubmitted  RequestState = "submitted"
	RequestInProgress RequestState = "in_progress"
	RequestSucceeded  RequestState = "succeeded"
	RequestFailed     RequestState = "failed"
)

// Done reports whether the request has ended, successfully or not.
func (s RequestState) Done() bool { return s == RequestSucceeded || s == RequestFailed }

// FrenchLabel returns "Envoyée", "En cours", "Réussie" or "Échouée".
func (s RequestState) FrenchLabel() string {
	switch s {
	case RequestSubmitted:
		return "Envoyée"
	case RequestInProgress:
		return "En cours"
	case RequestSucceeded:
		return "Réussie"
	case RequestFailed:
		return "Échouée"
	}
	return string(s)
}

// EnglishLabel returns "Submitted", "In progress", "Succeeded" or "Failed".
func (s RequestState) EnglishLabel() string {
	switch s {
	case RequestSubmitted:
		return "Submitted"
	case RequestInProgress:
		return "In progress"
	case RequestSucceeded:
		return "Succeeded"
	case RequestFailed:
		return "Failed"
	}
	return string(s)
}

// String returns the code.
func (s RequestState) String() string { return string(s) }

// MigrationSubmission is what SubmitMigration sends (§3.2).
type MigrationSubmission struct {
	CabinetSIREN   string `json:"cabinet_siren"`
	RequestedBy    string `json:"requested_by"`    // e-mail of the person asking; invited as administrator
	IdempotencyKey string `json:"idempotency_key"` // same key, same request
}

// MigrationRequest is a migration request as V2 reports it.
type MigrationRequest struct {
	Reference   string       `json:"reference"`
	SubmittedAt time.Time    `json:"submitted_at"`
	State       RequestState `json:"state"`
	CompletedAt time.Time    `json:"completed_at,omitzero"` // zero until Done
	AdminEmail  string       `json:"admin_email"`           // who is invited as administrator
	Message     string       `json:"message,omitempty"`     // platform's explanation, e.g. on failure
}

// Profile is the company profile set on V2 after migration (§3.4).
type Profile struct {
	LegalName  string `json:"legal_name,omitempty"`
	Street     string `json:"street,omitempty"`
	PostalCode string `json:"postal_code,omitempty"`
	City       string `json:"city,omitempty"`
	Country    string `json:"country,omitempty"`
	Email      string `json:"email,omitempty"`
	Phone      string `json:"phone,omitempty"`
	Logo       *Logo  `json:"logo,omitempty"`
	LogoData   []byte `json:"logo_data,omitempty"` // image bytes matching Logo, nil to leave the logo unchanged
}

// Inventory is what V2 holds for one company after the migration, to compare
// with the V1Snapshot (§3.3).
type Inventory struct {
	SIREN          string        `json:"siren"`
	Invoices       InvoiceCounts `json:"invoices"` // accepted only: Pending stays 0
	Archives       ArchiveCounts `json:"archives"`
	Articles       int           `json:"articles"`
	Partners       PartnerCounts `json:"partners"`
	ReceptionEmail string        `json:"reception_email"`
	PaymentAccount bool          `json:"payment_account"`
	Users          []User        `json:"users"`
	BankAccounts   []BankAccount `json:"bank_accounts"`
	Numbering      *Numbering    `json:"numbering,omitempty"`
	Logo           *Logo         `json:"logo,omitempty"`
	Integrations   []Integration `json:"integrations"`
	Subscription   *Subscription `json:"subscription,omitempty"`
	FetchedAt      time.Time     `json:"fetched_at"`
}

// RowError is one rejected row of an import.
type RowError struct {
	Row     int    `json:"row"` // 1-based, as in the file or slice given
	Column  string `json:"column"`
	Message string `json:"message"`
	// MessageEN is the message in English, when whoever found the error
	// wrote one (bascule's own file checks do; a platform may not).
	MessageEN string `json:"message_en,omitempty"`
}

// ImportResult is the outcome of an import: good rows are kept, bad ones reported.
type ImportResult struct {
	Created  int        `json:"created"`
	Rejected []RowError `json:"rejected"`
}
