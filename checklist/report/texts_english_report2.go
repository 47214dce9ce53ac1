// Maintained by the catalogue tool (/work/tools/catalog): it appends new
// messages; existing ones may be edited by hand.

package report

// report2Texts holds texts of the report area (part 2), one field per message.
type report2Texts struct {
	FactPendingPurchases          string
	FactPendingSales              string
	FactAcceptedPaid              string
	FactAcceptedUnpaid            string
	FactArchived                  string
	FactArticles                  string
	FactInvalidArticles           string
	FactCustomers                 string
	FactSuppliers                 string
	FactReceptionEmail            string
	FactPaymentAccount            string
	FactUsers                     string
	FactNumbering                 string
	FactSubscription              string
	FactBankAccounts              string
	FactExternalIBANs             string
	FactLogoSHA256                string
	FactV1ReadOnly                string
	FactRegistrationMissing       string
	FactSiren                     string
	FactLegalName                 string
	FactManagerEmail              string
	FactRegistered                string
	FactSpaceActivated            string
	FactCabinetDossierCreated     string
	FactReference                 string
	FactState                     string
	FactAdminEmail                string
	FactIdempotencyKey            string
	FactBlockers                  string
	FactOverride                  string
	FactLogo                      string
	FactInvited                   string
	FactNoted                     string
	FactRoleNotNoted              string
	FactMembers                   string
	FactChecked                   string
	FactAccounts                  string
	FactLastV1                    string
	FactNext                      string
	FactConnections               string
	FactChosen                    string
	FactImported                  string
	FactRejected                  string
	FactClients                   string
	FactFrom                      string
	FactFiles                     string
	FactDir                       string
	FactMessages                  string
	FactNoContact                 string
	FactComapiArchived            string
	BlockerPendingInvoices        string
	BlockerCabinetPendingInvoices string
	BlockerClientPreparation      string
	BlockerCabinetPreparation     string
	BlockerRegistration           string
	BlockerStepBlocked            string
	BlockerRequiredStepMissing    string
	BlockerNotMigrated            string
	BoxPurchases                  string
	BoxSales                      string
	BoxToTransfer                 string
	BoxArchived                   string
	NumberAbbrev                  string
	QuotedFmt                     string
	StateToDo                     string
	StateInProgressTitle          string
	StateDoneTitle                string
	StateBlockedTitle             string
	StateNotApplicableTitle       string
	NoClient                      string
	DateLayout                    string
	AndOthersFmt                  string
	OtherOne                      string
	OtherMany                     string
	BlockedStepOne                string
	BlockedStepMany               string
	StepOpensOne                  string
	StepOpensMany                 string
	StepWaitsOne                  string
	StepWaitsMany                 string
	ClientFinishedOne             string
	ClientFinishedMany            string
	StepLeftOne                   string
	StepLeftMany                  string
	OlderEventOne                 string
	OlderEventMany                string
}

var englishReport2 = report2Texts{
	FactPendingPurchases:          "pending purchases",
	FactPendingSales:              "pending sales",
	FactAcceptedPaid:              "accepted documents, paid",
	FactAcceptedUnpaid:            "accepted documents, unpaid",
	FactArchived:                  "archived documents",
	FactArticles:                  "articles",
	FactInvalidArticles:           "articles to review",
	FactCustomers:                 "customers",
	FactSuppliers:                 "suppliers",
	FactReceptionEmail:            "purchase-invoice reception e-mail",
	FactPaymentAccount:            "Banqup payment account",
	FactUsers:                     "users",
	FactNumbering:                 "numbering",
	FactSubscription:              "subscription",
	FactBankAccounts:              "bank accounts",
	FactExternalIBANs:             "external IBANs",
	FactLogoSHA256:                "logo fingerprint (SHA-256)",
	FactV1ReadOnly:                "V1 read-only",
	FactRegistrationMissing:       "registration items missing",
	FactSiren:                     "SIREN on V2",
	FactLegalName:                 "legal name on V2",
	FactManagerEmail:              "manager e-mail on V2",
	FactRegistered:                "registered",
	FactSpaceActivated:            "firm space active",
	FactCabinetDossierCreated:     "firm dossier created",
	FactReference:                 "request reference",
	FactState:                     "state",
	FactAdminEmail:                "administrator e-mail",
	FactIdempotencyKey:            "idempotency key",
	FactBlockers:                  "blocking points",
	FactOverride:                  "override",
	FactLogo:                      "logo",
	FactInvited:                   "invited",
	FactNoted:                     "noted",
	FactRoleNotNoted:              "without a role noted",
	FactMembers:                   "members on V2",
	FactChecked:                   "checked",
	FactAccounts:                  "accounts added",
	FactLastV1:                    "last number on V1",
	FactNext:                      "next number",
	FactConnections:               "connections",
	FactChosen:                    "plan chosen",
	FactImported:                  "imported",
	FactRejected:                  "rows rejected",
	FactClients:                   "clients",
	FactFrom:                      "file read",
	FactFiles:                     "files written",
	FactDir:                       "folder",
	FactMessages:                  "messages",
	FactNoContact:                 "without a known recipient",
	FactComapiArchived:            "archived files (V1 export API)",
	BlockerPendingInvoices:        "pending invoices",
	BlockerCabinetPendingInvoices: "firm's pending invoices",
	BlockerClientPreparation:      "clients' preparation",
	BlockerCabinetPreparation:     "firm's preparation",
	BlockerRegistration:           "registration",
	BlockerStepBlocked:            "blocked steps",
	BlockerRequiredStepMissing:    "required steps",
	BlockerNotMigrated:            "migration not done yet",
	BoxPurchases:                  "purchases",
	BoxSales:                      "sales",
	BoxToTransfer:                 "to transfer",
	BoxArchived:                   "archived",
	NumberAbbrev:                  "no. ",
	QuotedFmt:                     "“%s”",
	StateToDo:                     "to do",
	StateInProgressTitle:          "in progress",
	StateDoneTitle:                "done",
	StateBlockedTitle:             "blocked",
	StateNotApplicableTitle:       "not applicable",
	NoClient:                      "no client",
	DateLayout:                    "2006-01-02 15:04",
	AndOthersFmt:                  " and %s",
	OtherOne:                      "more",
	OtherMany:                     "more",
	BlockedStepOne:                "blocked step",
	BlockedStepMany:               "blocked steps",
	StepOpensOne:                  "step opens",
	StepOpensMany:                 "steps open",
	StepWaitsOne:                  "step waits for its prerequisites",
	StepWaitsMany:                 "steps wait for their prerequisites",
	ClientFinishedOne:             "client finished",
	ClientFinishedMany:            "clients finished",
	StepLeftOne:                   "step left",
	StepLeftMany:                  "steps left",
	OlderEventOne:                 "older event",
	OlderEventMany:                "older events",
}
