// Maintained by the catalogue tool (/work/tools/catalog): it appends new
// messages; existing ones may be edited by hand.

package report

// reportTexts holds texts of the report area (part 1), one field per message.
type reportTexts struct {
	Section                     string
	ClientId                    string
	Client                      string
	Element                     string
	Migrated                    string
	ManualAction                string
	State                       string
	Detail                      string
	Date                        string
	Progress                    string
	Total                       string
	Summary4                    string
	Check33                     string
	Step                        string
	Progress2                   string
	PendingInvoices             string
	Blocker                     string
	Override                    string
	Audit                       string
	InvoicesPendingOnV1         string
	NotedBeforeTheMigration     string
	NothingWasNotedFor          string
	ExternalAccountsToEnter     string
	WhatV2HoldsNow              string
	LeftToDoAnd                 string
	AfterTheMigration           string
	TheMigrationHasNot          string
	Who                         string
	NothingThisClientsMigration string
	MigrationFiche              string
	DoneStepsFmt                string
	Reason                      string
	MigratedAutomatically       string
	ToRedo                      string
	DoesNotMigrate              string
	Done                        string
	Blocked                     string
	Left                        string
	NextStep                    string
	AnswerToTheRequest          string
	WhatBlocksTheMigration      string
	NothingBlocksIt             string
	Summary4FirmSpace           string
	Summary4CompanySpaces       string
	Clients                     string
	InProgress                  string
	Concerned                   string
	NotedForTheFirm             string
	Recorded                    string
	NotesAndReasonsOf           string
	NoNoteOrReason              string
	EachClientsDetailEntries    string
	Overrides                   string
	Gate                        string
	Reason2                     string
	By                          string
	NoOverride                  string
	SessionAudit                string
	Event                       string
	NoEvent                     string
	NotApplicable               string
	Note                        string
	SeeTheFichesThe             string
	SeeTheCSVOr                 string
	For                         string
	GoesFrom                    string
	To                          string
	Quote                       string
	Stays                       string
	Changed                     string
	Colon                       string
	InvoicesPendingOnV1Fmt      string
	AClient                     string
	Override2                   string
	MigrationRequest            string
	Recorded2                   string
	Reference                   string
	ClientDossiersRecorded      string
	WorkspaceCreated            string
	WorkspaceChanged            string
	WorkspaceImported           string
	SecretRecordedSealed        string
	PersonalDataErasedFor       string
	Reason3                     string
	NoteChanged                 string
	EntryChanged                string
	AsExpected                  string
	Discrepancy                 string
	CheckedOn                   string
	Demo                        string
	File                        string
	Yes                         string
	No                          string
	Note2                       string
	Entry                       string
	Evidence                    string
	NotApplicable2              string
	NotChecked                  string
	JefactureComV1V2            string
	Operator                    string
	GeneratedOn                 string
	ParisTime                   string
	SessionSince                string
	IBANsShownInFull            string
	IBANsMaskedOnlyThe          string
	Estimate72HIn               string
	Late                        string
	OpensAfterTheMigration      string
	Nothing                     string
	Phase                       string
	Details                     string
	ClientsDone                 string
	Clients2                    string
	PendingInvoices2            string
	LeftToDo                    string
	EverythingIsDone            string
	ToUnblock                   string
	AfterTheMigration2          string
	NoStepAvailable             string
	BlockingPoints              string
	V1Files                     string
	SHA256FingerprintOf         string
	ClientsIn                   string
	GapIn                       string
	IsNoLongerOn                string
	IsBackOnV1s                 string
	HandledBy                   string
	MissingFromV1sClient        string
	TeamOpenWorkBascules        string
	Unassigned                  string
	FirmEveryone                string
	Person                      string
	Role                        string
	ClientsFinished             string
	StepsLeft                   string
	LeftGuidesDurations         string
	EstimatedFinish             string
	Team                        string
	HowTheEstimateIs            string
	HandledBy2                  string
	RequestAllowedAnyway        string
	RequestSent                 string
	RequestInProgress           string
	RequestSucceeded            string
	RequestFailed               string
	TheDemo                     string
	AFile                       string
	ReasonOpen                  string
	ClientHasPending            string
	ClientsHavePending          string
	ClientNotPrepared           string
	ClientsNotPrepared          string
	FirmStepLeft                string
	FirmStepsLeft               string
	FirmFilePending             string
	SignUpStepLeft              string
	SignUpStepsLeft             string
	BlockerOfKindFmt            string
	BlockersOfKindFmt           string
}

var englishReport = reportTexts{
	Section:                     "Section",
	ClientId:                    "Client id",
	Client:                      "Client",
	Element:                     "Element",
	Migrated:                    "Migrated",
	ManualAction:                "Manual action",
	State:                       "State",
	Detail:                      "Detail",
	Date:                        "Date",
	Progress:                    "Progress",
	Total:                       "Total",
	Summary4:                    "Summary §4",
	Check33:                     "Check §3.3",
	Step:                        "Step",
	Progress2:                   "Progress",
	PendingInvoices:             "pending invoices: ",
	Blocker:                     "Blocker",
	Override:                    "Override",
	Audit:                       "Audit",
	InvoicesPendingOnV1:         "invoices pending on V1:",
	NotedBeforeTheMigration:     "Noted before the migration",
	NothingWasNotedFor:          "Nothing was noted for this client yet.",
	ExternalAccountsToEnter:     "External accounts to enter again on V2:",
	WhatV2HoldsNow:              "What V2 holds now",
	LeftToDoAnd:                 "Left to do, and who does it",
	AfterTheMigration:           "After the migration",
	TheMigrationHasNot:          "The migration has not happened yet: V2 holds nothing of this dossier so far; this is what it will receive.",
	Who:                         "Who",
	NothingThisClientsMigration: "Nothing: this client's migration is finished.",
	MigrationFiche:              "Migration fiche",
	DoneStepsFmt:                "%d %% done (%d/%d steps)",
	Reason:                      " (reason: ",
	MigratedAutomatically:       "migrated automatically",
	ToRedo:                      "to redo: ",
	DoesNotMigrate:              "does not migrate",
	Done:                        "Done",
	Blocked:                     "Blocked",
	Left:                        "Left",
	NextStep:                    "Next step:",
	AnswerToTheRequest:          "Answer to the request due on:",
	WhatBlocksTheMigration:      "What blocks the migration request",
	NothingBlocksIt:             "Nothing blocks it.",
	Summary4FirmSpace:           "Summary (§4) — Firm space",
	Summary4CompanySpaces:       "Summary (§4) — Company spaces",
	Clients:                     "clients",
	InProgress:                  "In progress",
	Concerned:                   "Concerned",
	NotedForTheFirm:             "Noted for the firm",
	Recorded:                    "Recorded",
	NotesAndReasonsOf:           "Notes and reasons of the client dossiers",
	NoNoteOrReason:              "No note or reason.",
	EachClientsDetailEntries:    "Each client's detail (entries, IBANs, what is left) is in its migration fiche: bascule report --format html --fiches all (or ids).",
	Overrides:                   "Overrides",
	Gate:                        "Gate",
	Reason2:                     "Reason",
	By:                          "By",
	NoOverride:                  "No override.",
	SessionAudit:                "Session audit",
	Event:                       "Event",
	NoEvent:                     "No event.",
	NotApplicable:               "not applicable",
	Note:                        " — note: ",
	SeeTheFichesThe:             ": see the fiches, the CSV or the JSON.",
	SeeTheCSVOr:                 ": see the CSV or the JSON.",
	For:                         " for ",
	GoesFrom:                    "goes from “",
	To:                          "” to “",
	Quote:                       "”",
	Stays:                       "stays “",
	Changed:                     "changed",
	Colon:                       ": ",
	InvoicesPendingOnV1Fmt:      "Invoices pending on V1 for %s: %s → %s.",
	AClient:                     "a client",
	Override2:                   "Override: ",
	MigrationRequest:            "Migration request: ",
	Recorded2:                   "recorded",
	Reference:                   " (reference ",
	ClientDossiersRecorded:      "Client dossiers recorded",
	WorkspaceCreated:            "Workspace created",
	WorkspaceChanged:            "Workspace changed",
	WorkspaceImported:           "Workspace imported",
	SecretRecordedSealed:        "Secret recorded (sealed)",
	PersonalDataErasedFor:       "Personal data erased for ",
	Reason3:                     "reason: ",
	NoteChanged:                 "note changed",
	EntryChanged:                "entry changed (",
	AsExpected:                  "as expected",
	Discrepancy:                 "discrepancy",
	CheckedOn:                   "checked on ",
	Demo:                        "demo",
	File:                        "file",
	Yes:                         "yes",
	No:                          "no",
	Note2:                       "note: ",
	Entry:                       "entry",
	Evidence:                    "evidence: ",
	NotApplicable2:              "not applicable",
	NotChecked:                  "not checked",
	JefactureComV1V2:            "jefacture.com V1 → V2 migration report",
	Operator:                    "operator: ",
	GeneratedOn:                 "Generated on ",
	ParisTime:                   " (Paris time)",
	SessionSince:                " · session since ",
	IBANsShownInFull:            "IBANs shown in full: confidential document.",
	IBANsMaskedOnlyThe:          "IBANs masked (only the last 4 characters are shown).",
	Estimate72HIn:               " (estimate, 72 h in working days)",
	Late:                        " — late",
	OpensAfterTheMigration:      "opens after the migration",
	Nothing:                     "nothing",
	Phase:                       "Phase",
	Details:                     "Details",
	ClientsDone:                 "Clients done",
	Clients2:                    "Clients",
	PendingInvoices2:            "Pending invoices",
	LeftToDo:                    "Left to do",
	EverythingIsDone:            "everything is done",
	ToUnblock:                   " to unblock",
	AfterTheMigration2:          " after the migration",
	NoStepAvailable:             "no step available: ",
	BlockingPoints:              "blocking points (",
	V1Files:                     "V1 files ",
	SHA256FingerprintOf:         "SHA-256 fingerprint of ",
	ClientsIn:                   "clients in ",
	GapIn:                       "gap in “",
	IsNoLongerOn:                " is no longer on V1's client list: dossier and work kept.",
	IsBackOnV1s:                 " is back on V1's client list.",
	HandledBy:                   "Handled by",
	MissingFromV1sClient:        "missing from V1's client list (dossier kept)",
	TeamOpenWorkBascules:        "Team (open work, bascule's estimates)",
	Unassigned:                  "Unassigned",
	FirmEveryone:                "Firm (everyone)",
	Person:                      "Person",
	Role:                        "Role",
	ClientsFinished:             "Clients finished",
	StepsLeft:                   "Steps left",
	LeftGuidesDurations:         "Left (guide's durations)",
	EstimatedFinish:             "Estimated finish",
	Team:                        "Team",
	HowTheEstimateIs:            "How the estimate is made",
	HandledBy2:                  "handled by ",
	RequestAllowedAnyway:        "migration request allowed despite the blocking points",
	RequestSent:                 "sent",
	RequestInProgress:           "in progress",
	RequestSucceeded:            "succeeded",
	RequestFailed:               "failed",
	TheDemo:                     "the demo",
	AFile:                       "a file",
	ReasonOpen:                  " (reason: ",
	ClientHasPending:            "client has pending (or unchecked) invoices",
	ClientsHavePending:          "clients have pending (or unchecked) invoices",
	ClientNotPrepared:           "client has not finished preparation",
	ClientsNotPrepared:          "clients have not finished preparation",
	FirmStepLeft:                "firm preparation step is left",
	FirmStepsLeft:               "firm preparation steps are left",
	FirmFilePending:             "the firm's own file has pending (or unchecked) invoices on V1",
	SignUpStepLeft:              "registration step is left",
	SignUpStepsLeft:             "registration steps are left",
	BlockerOfKindFmt:            "blocker: %s",
	BlockersOfKindFmt:           "blockers: %s",
}
