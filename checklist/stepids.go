package checklist

// Step ids, as the guide data (steps.go) spells them. Front ends, the store
// and the engine name steps through these constants, never through bare
// strings, so that a renamed step is a compile error rather than a silent
// miss. TestStepIDConstants checks each one against the guide.

// Groups of steps the guide times as one block.
const (
	GroupCabinet      = "preparation.cabinet"
	GroupClient       = "preparation.client"
	GroupPayment      = "preparation.payment"
	GroupRegistration = "registration"
)

// Steps, in the guide's order.
const (
	StepCabinetCollaborators         = "preparation.cabinet.collaborators"
	StepCabinetInactiveClientsExport = "preparation.cabinet.inactive_clients_export"
	StepCabinetApiConnections        = "preparation.cabinet.api_connections"
	StepClientPendingInvoices        = "preparation.client.pending_invoices"
	StepClientArticles               = "preparation.client.articles"
	StepClientLogo                   = "preparation.client.logo"
	StepClientUsers                  = "preparation.client.users"
	StepClientNumbering              = "preparation.client.numbering"
	StepPaymentExternalAccounts      = "preparation.payment.external_accounts"
	StepPaymentStatements            = "preparation.payment.statements"

	StepRegistrationComptexpert    = "registration.comptexpert"
	StepRegistrationIdentity       = "registration.identity"
	StepRegistrationMobileApp      = "registration.mobile_app"
	StepRegistrationActivate       = "registration.activate"
	StepRegistrationCabinetDossier = "registration.cabinet_dossier"

	StepRequestNotifyClients          = "request.notify_clients"
	StepRequestClientChecks           = "request.client_checks"
	StepRequestSubmit                 = "request.submit"
	StepRequestAnswer                 = "request.answer"
	StepRequestAdminInvitation        = "request.admin_invitation"
	StepRequestCabinetPendingInvoices = "request.cabinet_pending_invoices"
	StepRequestFirstLogin             = "request.first_login"
	StepRequestV1ReadOnly             = "request.v1_read_only"

	StepReconCabinetDossierControl        = "reconciliation.cabinet.dossier_control"
	StepReconClientControl                = "reconciliation.client.control"
	StepReconCabinetCollaborators         = "reconciliation.cabinet.collaborators"
	StepReconCabinetRoles                 = "reconciliation.cabinet.roles"
	StepReconCabinetApiConnections        = "reconciliation.cabinet.api_connections"
	StepReconCabinetInactiveClientsImport = "reconciliation.cabinet.inactive_clients_import"
	StepReconClientProfile                = "reconciliation.client.profile"
	StepReconClientUsers                  = "reconciliation.client.users"
	StepReconClientBankAccounts           = "reconciliation.client.bank_accounts"
	StepReconClientNumbering              = "reconciliation.client.numbering"
	StepReconClientSettings               = "reconciliation.client.settings"
	StepReconClientV1ReadOnly             = "reconciliation.client.v1_read_only"
	StepReconClientSubscription           = "reconciliation.client.subscription"
	StepReconPaymentPaymentAccount        = "reconciliation.payment.payment_account"
	StepReconPaymentSubscriptionRequest   = "reconciliation.payment.subscription_request"
	StepReconPaymentExternalAccounts      = "reconciliation.payment.external_accounts"
	StepReconPaymentStatements            = "reconciliation.payment.statements"

	StepSummaryReport = "summary.report"
)
