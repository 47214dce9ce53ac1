package connectors

import (
	"fmt"
	"strings"
	"time"
)

// Cabinet is the accounting firm itself, as V1 or V2 knows it.
type Cabinet struct {
	SIREN        string `json:"siren"`
	LegalName    string `json:"legal_name"`
	ManagerEmail string `json:"manager_email"`
	Address      string `json:"address"`
}

// ClientStatus is the status of a client dossier on V1. Only active dossiers
// are migrated automatically; the others must be exported and imported (§2).
type ClientStatus string

// V1 dossier statuses.
const (
	StatusActive  ClientStatus = "actif"
	StatusDraft   ClientStatus = "brouillon"
	StatusCreated ClientStatus = "cree"
	StatusUpdated ClientStatus = "mis_a_jour"
)

// ClientStatuses lists the statuses in display order.
func ClientStatuses() []ClientStatus {
	return []ClientStatus{StatusActive, StatusDraft, StatusCreated, StatusUpdated}
}

// Valid reports whether s is one of the four known statuses.
func (s ClientStatus) Valid() bool {
	switch s {
	case StatusActive, StatusDraft, StatusCreated, StatusUpdated:
		return true
	}
	return false
}

// Inactive reports whether the dossier is draft, created or updated: such
// dossiers are not migrated automatically. Unknown statuses are not inactive.
func (s ClientStatus) Inactive() bool {
	return s == StatusDraft || s == StatusCreated || s == StatusUpdated
}

// FrenchLabel returns the label shown by V1 ("Actif", "Brouillon"…), or the raw
// value for an unknown status.
func (s ClientStatus) FrenchLabel() string {
	switch s {
	case StatusActive:
		return "Actif"
	case StatusDraft:
		return "Brouillon"
	case StatusCreated:
		return "Créé"
	case StatusUpdated:
		return "Mis à jour"
	}
	return string(s)
}

// EnglishLabel returns "Active", "Draft", "Created" or "Updated", or the raw
// value for an unknown status.
func (s ClientStatus) EnglishLabel() string {
	switch s {
	case StatusActive:
		return "Active"
	case StatusDraft:
		return "Draft"
	case StatusCreated:
		return "Created"
	case StatusUpdated:
		return "Updated"
	}
	return string(s)
}

// String returns the code ("actif", "brouillon", "cree", "mis_a_jour").
func (s ClientStatus) String() string { return string(s) }

// ParseClientStatus accepts a code or a French or English label, in any case,
// with or without accents ("Créé", "cree", "Mis à jour", "mis-a-jour",
// "Updated"…). It returns ErrInvalid for anything else.
func ParseClientStatus(v string) (ClientStatus, error) {
	k := strings.ToLower(strings.TrimSpace(v))
	k = strings.NewReplacer("é", "e", "è", "e", "à", "a", " ", "_", "-", "_").Replace(k)
	switch k {
	case "actif", "active":
		return StatusActive, nil
	case "brouillon", "draft":
		return StatusDraft, nil
	case "cree", "created":
		return StatusCreated, nil
	case "mis_a_jour", "updated":
		return StatusUpdated, nil
	}
	return "", Invalid("ParseClientStatus", "status",
		fmt.Sprintf("statut de dossier inconnu %q", v),
		fmt.Sprintf("unknown dossier status %q", v))
}

// Client is one client company (dossier) of the cabinet.
type Client struct {
	ID               string       `json:"id"` // V1 identifier of the dossier
	LegalName        string       `json:"legal_name"`
	SIREN            string       `json:"siren"`
	VAT              string       `json:"vat"`
	Status           ClientStatus `json:"status"`
	ContactEmail     string       `json:"contact_email"`
	ContactFirstName string       `json:"contact_first_name"`
	ContactLastName  string       `json:"contact_last_name"`
	Language         string       `json:"language"` // locale, e.g. "fr-FR"
	Street           string       `json:"street"`
	PostalCode       string       `json:"postal_code"`
	City             string       `json:"city"`
	Country          string       `json:"country"`          // ISO 3166 alpha-2
	PaymentServices  bool         `json:"payment_services"` // uses Banqup payment services
}

// V2 cabinet roles; a user may hold several. Company-space roles are not
// published and are kept as free strings.
const (
	RoleAdministrator = "Administrateur"
	RoleClientManager = "Gestionnaire de clientèle"
	RoleAccountant    = "Comptable"
)

// CabinetRoles returns the V2 cabinet roles in display order.
func CabinetRoles() []string {
	return []string{RoleAdministrator, RoleClientManager, RoleAccountant}
}

// User is a collaborator of the cabinet or a user of a company space.
type User struct {
	Email     string   `json:"email"`
	FirstName string   `json:"first_name"`
	LastName  string   `json:"last_name"`
	Roles     []string `json:"roles"`
	Active    bool     `json:"active"`
}

// DirectionCounts counts the invoices of one direction (purchases or sales).
type DirectionCounts struct {
	Pending        int `json:"pending"`         // not accepted, or draft: not migrated
	AcceptedPaid   int `json:"accepted_paid"`   // accepted and paid
	AcceptedUnpaid int `json:"accepted_unpaid"` // accepted, not paid
}

// Accepted returns AcceptedPaid + AcceptedUnpaid.
func (d DirectionCounts) Accepted() int { return d.AcceptedPaid + d.AcceptedUnpaid }

// InvoiceCounts counts a company's invoices by direction.
type InvoiceCounts struct {
	Purchases DirectionCounts `json:"purchases"`
	Sales     DirectionCounts `json:"sales"`
}

// PendingTotal returns the pending purchases and sales together.
func (c InvoiceCounts) PendingTotal() int { return c.Purchases.Pending + c.Sales.Pending }

// AcceptedTotal returns the accepted (paid or not) purchases and sales together.
func (c InvoiceCounts) AcceptedTotal() int { return c.Purchases.Accepted() + c.Sales.Accepted() }

// ArchiveCounts counts archived documents.
type ArchiveCounts struct {
	Documents int `json:"documents"`
}

// Logo describes a company logo; the image bytes travel separately.
type Logo struct {
	FileName  string `json:"file_name"`
	MediaType string `json:"media_type"` // "image/png"…
	SHA256    string `json:"sha256"`     // hex
	Size      int64  `json:"size"`
}

// BankAccount is a bank account of a company. External accounts (connected
// from another bank) are not migrated.
type BankAccount struct {
	IBAN     string `json:"iban"`
	BIC      string `json:"bic"`
	Holder   string `json:"holder"`
	External bool   `json:"external"`
}

// Statement is a downloaded transaction statement of a Banqup account.
type Statement struct {
	AccountIBAN string    `json:"account_iban"`
	PeriodStart time.Time `json:"period_start"`
	PeriodEnd   time.Time `json:"period_end"`
	FileName    string    `json:"file_name"`
}

// Software is an accounting production software connected through an API.
type Software string

// Known accounting software.
const (
	SoftwareMyUnisoft Software = "myunisoft"
	SoftwareACD       Software = "acd"
	SoftwareCegid     Software = "cegid"
	SoftwareSage      Software = "sage"
	SoftwareEffiz     Software = "effiz"
	SoftwareOther     Software = "other"
)

// Softwares lists the known software in display order.
func Softwares() []Software {
	return []Software{SoftwareMyUnisoft, SoftwareACD, SoftwareCegid, SoftwareSage, SoftwareEffiz, SoftwareOther}
}

// Label returns the display name ("MyUnisoft", "ACD"…; "Autre" for other).
func (s Software) Label() string {
	switch s {
	case SoftwareMyUnisoft:
		return "MyUnisoft"
	case SoftwareACD:
		return "ACD"
	case SoftwareCegid:
		return "Cegid"
	case SoftwareSage:
		return "Sage"
	case SoftwareEffiz:
		return "Effiz"
	case SoftwareOther:
		return "Autre"
	}
	return string(s)
}

// String returns the code.
func (s Software) String() string { return string(s) }

// SpaceCabinet names the cabinet space; a company space is named by its SIREN.
const SpaceCabinet = "cabinet"

// Integration is a connection to an accounting software. It never holds a
// secret value: tokens, keys and passwords are kept encrypted by the store.
type Integration struct {
	Software             Software          `json:"software"`
	Scope                string            `json:"scope"` // SpaceCabinet or a client SIREN
	CredentialsRetrieved bool              `json:"credentials_retrieved"`
	TokenKept            bool              `json:"token_kept"`       // MyUnisoft: existing token kept, not regenerated
	Fields               map[string]string `json:"fields,omitempty"` // non-secret: URL, CNX reference, login…
}

// Subscription is a company's plan.
type Subscription struct {
	Plan string `json:"plan"`
}

// PartnerCounts counts a company's business partners.
type PartnerCounts struct {
	Customers int `json:"customers"`
	Suppliers int `json:"suppliers"`
}

// V1Snapshot is everything phase 1 notes on V1 for one client company.
type V1Snapshot struct {
	Client         Client        `json:"client"`
	Invoices       InvoiceCounts `json:"invoices"`
	Archives       ArchiveCounts `json:"archives"`
	Articles       []Article     `json:"articles"`
	Users          []User        `json:"users"`
	Numbering      *Numbering    `json:"numbering,omitempty"` // nil: no automatic numbering
	Logo           *Logo         `json:"logo,omitempty"`
	BankAccounts   []BankAccount `json:"bank_accounts"`
	Statements     []Statement   `json:"statements"`
	Partners       PartnerCounts `json:"partners"`
	ReceptionEmail string        `json:"reception_email"` // purchase-invoice reception address
	Subscription   Subscription  `json:"subscription"`
	PaymentAccount bool          `json:"payment_account"` // holds a Banqup payment account
	FetchedAt      time.Time     `json:"fetched_at"`
}

// CabinetSnapshot is the cabinet side of V1.
type CabinetSnapshot struct {
	Cabinet       Cabinet       `json:"cabinet"`
	Collaborators []User        `json:"collaborators"`
	Clients       []Client      `json:"clients"`
	Integrations  []Integration `json:"integrations"`
	FetchedAt     time.Time     `json:"fetched_at"`
}
