package connectors

import (
	"fmt"
	"strconv"
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

// ArticleProblem is a reason an article of the catalogue may no longer be valid.
type ArticleProblem string

// Known article problems.
const (
	ProblemMissingVATRate ArticleProblem = "missing_vat_rate"
	ProblemInvalidVATRate ArticleProblem = "invalid_vat_rate"
	ProblemZeroPrice      ArticleProblem = "zero_price"
	ProblemMissingLabel   ArticleProblem = "missing_label"
	ProblemMissingCode    ArticleProblem = "missing_code"
	ProblemDuplicateCode  ArticleProblem = "duplicate_code"
	ProblemObsoleteUnit   ArticleProblem = "obsolete_unit"
)

// ArticleProblems lists the known problems in display order.
func ArticleProblems() []ArticleProblem {
	return []ArticleProblem{ProblemMissingVATRate, ProblemInvalidVATRate, ProblemZeroPrice,
		ProblemMissingLabel, ProblemMissingCode, ProblemDuplicateCode, ProblemObsoleteUnit}
}

// FrenchLabel returns the French description, or the code if unknown.
func (p ArticleProblem) FrenchLabel() string {
	switch p {
	case ProblemMissingVATRate:
		return "taux de TVA manquant"
	case ProblemInvalidVATRate:
		return "taux de TVA invalide"
	case ProblemZeroPrice:
		return "prix unitaire nul"
	case ProblemMissingLabel:
		return "libellé manquant"
	case ProblemMissingCode:
		return "code article manquant"
	case ProblemDuplicateCode:
		return "code article en double"
	case ProblemObsoleteUnit:
		return "unité obsolète"
	}
	return string(p)
}

// EnglishLabel returns the English description, or the code if unknown.
func (p ArticleProblem) EnglishLabel() string {
	switch p {
	case ProblemMissingVATRate:
		return "missing VAT rate"
	case ProblemInvalidVATRate:
		return "invalid VAT rate"
	case ProblemZeroPrice:
		return "zero unit price"
	case ProblemMissingLabel:
		return "missing label"
	case ProblemMissingCode:
		return "missing article code"
	case ProblemDuplicateCode:
		return "duplicate article code"
	case ProblemObsoleteUnit:
		return "obsolete unit"
	}
	return string(p)
}

// String returns the code.
func (p ArticleProblem) String() string { return string(p) }

// Article is one entry of a company's product/service catalogue. Prices and
// rates stay strings as the platforms send them ("12.50", "20.0").
type Article struct {
	Code      string           `json:"code"`
	Label     string           `json:"label"`
	UnitPrice string           `json:"unit_price"`
	VATRate   string           `json:"vat_rate"`
	Unit      string           `json:"unit,omitempty"`
	Problems  []ArticleProblem `json:"problems,omitempty"`
}

// Numbering is an automatic invoice numbering: a prefix, the last number used
// and the zero padding. {"FAC-", 142, 4} stands for "FAC-0142".
type Numbering struct {
	Prefix     string `json:"prefix"`
	LastNumber int    `json:"last_number"`
	Padding    int    `json:"padding"` // minimum digit count
}

// Next returns the numbering whose last number is n.LastNumber+1, same prefix
// and padding: the value to set on V2 after the migration.
func (n Numbering) Next() Numbering {
	n.LastNumber++
	return n
}

// Format returns the invoice number for number v: prefix then v padded with
// zeros to Padding digits (wider if needed). Format(143) = "FAC-0143".
func (n Numbering) Format(v int) string {
	if v < 0 {
		return n.Prefix + "-" + n.pad(-v)
	}
	return n.Prefix + n.pad(v)
}

func (n Numbering) pad(v int) string {
	d := strconv.Itoa(v)
	if len(d) < n.Padding {
		d = strings.Repeat("0", n.Padding-len(d)) + d
	}
	return d
}

// String returns the last number used, formatted ("FAC-0142").
func (n Numbering) String() string { return n.Format(n.LastNumber) }

// MaxNumberDigits is the longest number (zero padding included) ParseNumbering
// accepts; MaxInvoiceNumber the highest number. Real sequences are far
// shorter; the bound keeps every number and its successor within an int.
const (
	MaxNumberDigits  = 18
	MaxInvoiceNumber = 999_999_999_999_999_999
)

// ParseNumbering reads an invoice number such as "FAC-0142" or "2024-12-0042":
// the trailing digits are the number (their count is the padding), everything
// before them is the prefix. Surrounding spaces are ignored. A number without
// trailing digits, or longer than MaxNumberDigits, is ErrInvalid.
func ParseNumbering(s string) (Numbering, error) {
	t := strings.TrimSpace(s)
	i := len(t)
	for i > 0 && t[i-1] >= '0' && t[i-1] <= '9' {
		i--
	}
	digits := t[i:]
	if digits == "" {
		return Numbering{}, Invalid("ParseNumbering", "numbering",
			fmt.Sprintf("le numéro %q ne se termine pas par des chiffres", s),
			fmt.Sprintf("number %q does not end with digits", s))
	}
	// At most MaxNumberDigits digits, padding included: the number, and any
	// next one below MaxInvoiceNumber, fit an int and read back.
	v, err := strconv.Atoi(digits)
	if len(digits) > MaxNumberDigits || err != nil {
		return Numbering{}, Invalid("ParseNumbering", "numbering",
			fmt.Sprintf("le numéro %q est trop long", s),
			fmt.Sprintf("number %q is too long", s))
	}
	return Numbering{Prefix: t[:i], LastNumber: v, Padding: len(digits)}, nil
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
