// Maintained by the catalogue tool (/work/tools/catalog): it appends new
// messages; existing ones may be edited by hand.

package i18n

// TUI2Texts holds texts of the TUI area (part 2), one field per message.
type TUI2Texts struct {
	SessionStartBackupFailed         string
	DatabaseBackedUp                 string
	Loading                          string
	TerminalTooSmall80               string
	Now                              string
	EnlargeTheWindowOr               string
	BasculeStoppedOnAn               string
	ChangesAlreadyMadeAre            string
	ReasonForTheOverride             string
	AnOverrideNeedsA                 string
	V1Files                          string
	Act                              string
	Check2                           string
	ValidationAndReEntry             string
	NothingWasDoneOn                 string
	AGapCannotBe                     string
	ManualStepNoAutomatic            string
	DoOnV2YFmt                       string
	WriteV2sImportFileFmt            string
	AcceptedDocumentsPaidUnpaid      string
	ArchivedDocuments                string
	ArticleBase                      string
	CustomersSuppliers               string
	PurchaseReceptionEMail           string
	BanqupPaymentAccount             string
	NotCheckedYetEnter               string
	Migrated                         string
	Gap                              string
	ToCheck                          string
	Logo                             string
	AndLegalName                     string
	LegalNameNoLogo                  string
	NoneNotedV1Fmt                   string
	NoUserNoted                      string
	EnterByHandV1Fmt                 string
	EnterByHand                      string
	NoIBANNotedV1Fmt                 string
	NoIBANNoted                      string
	NoNumberingNoted                 string
	NextLastOnV1Fmt                  string
	WorkflowDefaultDueDate           string
	ClientsChoiceV1Fmt               string
	NoChoiceNotedNoteFmt             string
	KeptAccordingToThe               string
	RequestToMakeThen                string
	DuringPreparation                string
	NoCollaboratorNoted              string
	WithNoRoleNotedFmt               string
	NoConnectionNoted                string
	ImportFromV1                     string
	ImportTheInactiveDossiers        string
	NotApplicableDuringPreparation   string
	ButV1HasFmt                      string
	ButV1NumbersItsFmt               string
	ValidationAndReEntry2            string
	WorkingEscToCancel               string
	Guide33                          string
	EnterWritesV2sImportFmt          string
	OfflineBasculeClientsConvertFmt  string
	Override                         string
	RequestMadeByHand                string
	Scroll2                          string
	ThatIsNotThe                     string
	AnOverrideIsAlready              string
	ReasonForTheOverride2            string
	TheRequestIsAlready              string
	ToSendTheRequestFmt              string
	NoAutomaticCheckFor2             string
	MessageWritten                   string
	MessagesWritten                  string
	NoRequestReferenceTo             string
	RequestTracking                  string
	AnOverrideNeedsA2                string
	OverrideRecorded                 string
	ItSettlesFmt                     string
	LeftBeforeSending                string
	TheRequestMayGo                  string
	RequestNotSent                   string
	RequestRecordedFmt               string
	NoReference                      string
	TheRequestIsAlready2             string
	MigrationRequestMadeBy           string
	DateExpectedAsDD                 string
	MigrationRequest                 string
	NotSentYet                       string
	ThroughV2                        string
	MadeByHand                       string
	SentFmt                          string
	AnswerReceivedMigrationConfirmed string
	MessagesWrittenFmt               string
	Override2                        string
	Ready                            string
	MigrationSucceeded               string
	MessagesInWithoutAFmt            string
	EnterWriteOneEFmt                string
	V2IsAskedEveryFmt                string
	Registration312                  string
	FirmPreparation2                 string
	PendingInvoicesOfThe             string
	InvoicesPendingOnV1              string
	ClientPreparation2               string
	BlockedSteps                     string
	StepsRequiredFirst               string
	OverrideByOnFmt                  string
	NothingBlocksTheRequest          string
	WhatBlocksTheRequestFmt          string
	PgupPgdnScrollO                  string
	WrongPassphraseTheSealed         string
	SecretSavedSealed                string
	SealedInTheDatabase              string
	LeaveEmptyToKeep                 string
	WorkspacePassphrase              string
	ItOpensThisWorkspaces            string
	ChooseTheWorkspacePassphrase     string
	ItWillSealThis                   string
	PassphraseRequiredEscNot         string
	TypeItAgain                      string
	TheTwoEntriesDiffer              string
	SecretNotSavedNo                 string
	NoDatabaseOpenTo                 string
	ImportingAV1Export               string
	NoVaultToSeal                    string
	FromTheV1Export                  string
	Colon                            string
	ByBascule                        string
	InAFile                          string
	On                               string
	File                             string
	Simulation                       string
	IsAlreadyDoneSetFmt              string
	StepLeftDone                     string
	Capture                          string
	AutoCheck                        string
	V2Action                         string
	Manual                           string
	Payment2                         string
	Firm4                            string
	TheBlocksTimeSplit               string
	Note2                            string
	ReasonForTheOverride3            string
	ReasonFmt                        string
	CheckingEscToCancel              string
	Reason2                          string
	Note3                            string
	Captured                         string
	TableSession                     string
	Export                           string
	SummaryReviewed                  string
	Refresh                          string
	SummaryExported                  string
	Summary42                        string
	Session                          string
	State                            string
	Clients                          string
	NotApplicable                    string
	TableLinesResolvedFmt            string
	EveryLineOfThe                   string
	SummaryReviewed2                 string
	SpaceXExport                     string
	NA2                              string
	StartedSpentOperatorFmt          string
	LeftToDoAnd                      string
	NothingTheMigrationIs            string
	Step2                            string
	Steps                            string
	DoneDuringTheSession             string
	NothingYet                       string
	NoWorkspaceAndNo                 string
	CreateANewWorkspace              string
	Workspace                        string
	OneWorkspacePerMigrated          string
	YourNameOperator                 string
	Connectors                       string
	DemoSimulatedPlatform            string
	V1ExportFilesOffline             string
	V1V2API                          string
	HowBasculeReadsV1                string
	NewWorkspace                     string
	DemoFirm                         string
	TheDemoUsesThe                   string
	LegalName                        string
	ManagerEMail                     string
	TheFirmsIdentity                 string
	ItIsUsedTo                       string
	V1ClientsExportFile              string
	ExportedFromV1sClients           string
	V1APIAddress                     string
	V2APIAddress                     string
	ClientId                         string
	ClientSecret                     string
	WorkspacePassphrase2             string
	ItSealsTheClient                 string
	TheSameClientCredentials         string
	Colon2                           string
	JefactureComV1V2                 string
	TheseRowsAreNot                  string
	Continue                         string
	OpeningTheWorkspace              string
	ReadingWorkspaces                string
}

var englishTUI2 = TUI2Texts{
	SessionStartBackupFailed:         "Session-start backup failed: ",
	DatabaseBackedUp:                 "Database backed up: ",
	Loading:                          "Loading…",
	TerminalTooSmall80:               "terminal too small (80×24 minimum)",
	Now:                              "now ",
	EnlargeTheWindowOr:               "enlarge the window or press q to quit",
	BasculeStoppedOnAn:               "bascule stopped on an error",
	ChangesAlreadyMadeAre:            "Changes already made are saved. Press any key to quit.",
	ReasonForTheOverride:             "Reason for the override (required, shown in the reports):",
	AnOverrideNeedsA:                 "An override needs a reason: nothing was ticked.",
	V1Files:                          "V1 files",
	Act:                              "act",
	Check2:                           "check",
	ValidationAndReEntry:             "Validation and re-entry open once the migration is confirmed (§3.2): read only.",
	NothingWasDoneOn:                 "Nothing was done on V2.",
	AGapCannotBe:                     "A gap cannot be ticked done: fix it, check again, or mark the step blocked with a reason.",
	ManualStepNoAutomatic:            "Manual step: no automatic check.",
	DoOnV2YFmt:                       "Do on V2: %s — %s? (y/n)",
	WriteV2sImportFileFmt:            "Write V2's import file in %s (as bascule clients convert does)? (y/n)",
	AcceptedDocumentsPaidUnpaid:      "Accepted documents (paid / unpaid)",
	ArchivedDocuments:                "Archived documents",
	ArticleBase:                      "Article base",
	CustomersSuppliers:               "Customers / suppliers",
	PurchaseReceptionEMail:           "Purchase reception e-mail",
	BanqupPaymentAccount:             "Banqup payment account",
	NotCheckedYetEnter:               "not checked yet: enter to compare V1 (noted before the switch) with V2",
	Migrated:                         "migrated",
	Gap:                              "gap",
	ToCheck:                          "to check",
	Logo:                             "logo ",
	AndLegalName:                     " and legal name",
	LegalNameNoLogo:                  "legal name; no logo noted",
	NoneNotedV1Fmt:                   "none noted (V1: %s)",
	NoUserNoted:                      "no user noted",
	EnterByHandV1Fmt:                 "enter by hand (V1: %s)",
	EnterByHand:                      "enter by hand",
	NoIBANNotedV1Fmt:                 "no IBAN noted (V1: %s): enter by hand",
	NoIBANNoted:                      "no IBAN noted",
	NoNumberingNoted:                 "no numbering noted",
	NextLastOnV1Fmt:                  "next %s (last on V1: %s)",
	WorkflowDefaultDueDate:           "workflow, default due date: by hand",
	ClientsChoiceV1Fmt:               "client's choice: %s (V1: %s)",
	NoChoiceNotedNoteFmt:             "no choice noted: note the plan the client chose (V1: %s)",
	KeptAccordingToThe:               "kept according to the guide: see it on V2",
	RequestToMakeThen:                "request to make, then note its date or reference",
	DuringPreparation:                " during preparation",
	NoCollaboratorNoted:              "no collaborator noted",
	WithNoRoleNotedFmt:               "; %d with no role noted, so not invited",
	NoConnectionNoted:                "no connection noted",
	ImportFromV1:                     ": import from V1",
	ImportTheInactiveDossiers:        "import the inactive dossiers read on V1",
	NotApplicableDuringPreparation:   "not applicable during preparation",
	ButV1HasFmt:                      ", but V1 has %s",
	ButV1NumbersItsFmt:               ", but V1 numbers its invoices (last: %s)",
	ValidationAndReEntry2:            "Validation and re-entry",
	WorkingEscToCancel:               "Working… (esc to cancel)",
	Guide33:                          " (guide §3.3): ",
	EnterWritesV2sImportFmt:          "Enter writes V2's import file from %s (as bascule clients convert does); then import it on V2.",
	OfflineBasculeClientsConvertFmt:  "Offline: bascule clients convert --from %s --to import-v2.xlsx, then import the file on V2.",
	Override:                         "override",
	RequestMadeByHand:                "request made by hand",
	Scroll2:                          "scroll",
	ThatIsNotThe:                     "That is not the firm's SIREN: request not sent.",
	AnOverrideIsAlready:              "An override is already recorded.",
	ReasonForTheOverride2:            "Reason for the override (required):",
	TheRequestIsAlready:              "The request is already sent: ",
	ToSendTheRequestFmt:              "To send the request on V2, type the firm's SIREN (%s):",
	NoAutomaticCheckFor2:             "No automatic check for this step: tick it (space).",
	MessageWritten:                   "message written",
	MessagesWritten:                  "messages written",
	NoRequestReferenceTo:             "No request reference to follow on V2: mark the answer when it arrives.",
	RequestTracking:                  "Request tracking: ",
	AnOverrideNeedsA2:                "An override needs a reason.",
	OverrideRecorded:                 "Override recorded",
	ItSettlesFmt:                     "; it settles %q",
	LeftBeforeSending:                ". Left before sending: ",
	TheRequestMayGo:                  ": the request may go (enter on \"Send the migration request\").",
	RequestNotSent:                   "Request not sent: ",
	RequestRecordedFmt:               "Request recorded (%s): %s",
	NoReference:                      "no reference",
	TheRequestIsAlready2:             "The request is already recorded.",
	MigrationRequestMadeBy:           "Migration request made by hand",
	DateExpectedAsDD:                 "Date expected as DD/MM/YYYY.",
	MigrationRequest:                 "Migration request",
	NotSentYet:                       "   not sent yet",
	ThroughV2:                        "through V2",
	MadeByHand:                       "made by hand",
	SentFmt:                          "   %s sent %s (%s)",
	AnswerReceivedMigrationConfirmed: "answer received: migration confirmed",
	MessagesWrittenFmt:               "%s messages written",
	Override2:                        " · override",
	Ready:                            "ready",
	MigrationSucceeded:               "migration succeeded",
	MessagesInWithoutAFmt:            "%s messages in %s (%s without a known recipient)",
	EnterWriteOneEFmt:                "enter: write one e-mail (.eml) per client in %s, sender %s",
	V2IsAskedEveryFmt:                "V2 is asked every %s while this screen is open (enter: now).",
	Registration312:                  "Registration (§3.1)",
	FirmPreparation2:                 "Firm preparation (§2)",
	PendingInvoicesOfThe:             "Pending invoices of the firm's own dossier (§3.2)",
	InvoicesPendingOnV1:              "Invoices pending on V1 (§2)",
	ClientPreparation2:               "Client preparation (§2)",
	BlockedSteps:                     "Blocked steps",
	StepsRequiredFirst:               "Steps required first",
	OverrideByOnFmt:                  "Override by %s on %s: %s",
	NothingBlocksTheRequest:          "✓ Nothing blocks: the request may go (enter on \"Send the migration request\").",
	WhatBlocksTheRequestFmt:          "What blocks the request (%d):",
	PgupPgdnScrollO:                  "  pgup/pgdn scroll · o override",
	WrongPassphraseTheSealed:         "Wrong passphrase: the sealed credentials do not open. Try again.",
	SecretSavedSealed:                "secret saved (sealed)",
	SealedInTheDatabase:              "Sealed in the database with the workspace passphrase; never shown.",
	LeaveEmptyToKeep:                 "; leave empty to keep it.",
	WorkspacePassphrase:              "Workspace passphrase",
	ItOpensThisWorkspaces:            "It opens this workspace's sealed credentials. It is neither shown nor stored.",
	ChooseTheWorkspacePassphrase:     "Choose the workspace passphrase",
	ItWillSealThis:                   "It will seal this workspace's credentials and be asked to read them. It is neither shown nor stored.",
	PassphraseRequiredEscNot:         "passphrase: required (esc not to save the secret)",
	TypeItAgain:                      "Type it again *",
	TheTwoEntriesDiffer:              "the two entries differ",
	SecretNotSavedNo:                 "Secret not saved (no passphrase).",
	NoDatabaseOpenTo:                 "no database open to create the workspace",
	ImportingAV1Export:               "importing a V1 export is not available here",
	NoVaultToSeal:                    "no vault to seal the client secret",
	FromTheV1Export:                  " from the V1 export",
	Colon:                            ": ",
	ByBascule:                        "by bascule",
	InAFile:                          "in a file",
	On:                               "on ",
	File:                             "file",
	Simulation:                       "simulation",
	IsAlreadyDoneSetFmt:              "%q is already done. Set it back to to-do? (y/n)",
	StepLeftDone:                     "Step left done.",
	Capture:                          "capture",
	AutoCheck:                        "auto check",
	V2Action:                         "V2 action",
	Manual:                           "manual",
	Payment2:                         " · payment",
	Firm4:                            " — firm",
	TheBlocksTimeSplit:               " (the block's time split by bascule)",
	Note2:                            "Note:",
	ReasonForTheOverride3:            "Reason for the override (shown in the reports):",
	ReasonFmt:                        "Reason (%s):",
	CheckingEscToCancel:              "Checking… (esc to cancel)",
	Reason2:                          "Reason: ",
	Note3:                            "Note: ",
	Captured:                         "Captured: ",
	TableSession:                     "table / session",
	Export:                           "export",
	SummaryReviewed:                  "summary reviewed",
	Refresh:                          "refresh",
	SummaryExported:                  "Summary exported: ",
	Summary42:                        "Summary §4",
	Session:                          "Session",
	State:                            "state",
	Clients:                          "clients",
	NotApplicable:                    "not applicable",
	TableLinesResolvedFmt:            "%d/%d table lines resolved",
	EveryLineOfThe:                   "every line of the §4 table is resolved",
	SummaryReviewed2:                 "summary reviewed: ",
	SpaceXExport:                     " (space) · x export",
	NA2:                              "n/a",
	StartedSpentOperatorFmt:          "Started %s · %s spent · %s · operator %s",
	LeftToDoAnd:                      "Left to do, and who does it",
	NothingTheMigrationIs:            "nothing: the migration is finished",
	Step2:                            "step",
	Steps:                            "steps",
	DoneDuringTheSession:             "Done during the session",
	NothingYet:                       "nothing yet",
	NoWorkspaceAndNo:                 "no workspace and no database open",
	CreateANewWorkspace:              "+ Create a new workspace",
	Workspace:                        "Workspace",
	OneWorkspacePerMigrated:          "One workspace per migrated firm.",
	YourNameOperator:                 "Your name (operator) *",
	Connectors:                       "Connectors",
	DemoSimulatedPlatform:            "Demo (simulated platform)",
	V1ExportFilesOffline:             "V1 export files (offline)",
	V1V2API:                          "V1/V2 API",
	HowBasculeReadsV1:                "How bascule reads V1 and V2 for this firm.",
	NewWorkspace:                     "New workspace",
	DemoFirm:                         "Demo firm",
	TheDemoUsesThe:                   "The demo uses the simulated platform's fictitious firm, with its identity and clients: nothing is asked about the firm.",
	LegalName:                        "Legal name *",
	ManagerEMail:                     "Manager e-mail *",
	TheFirmsIdentity:                 "The firm's identity",
	ItIsUsedTo:                       "It is used to check the V2 registration (§3.1).",
	V1ClientsExportFile:              "V1 clients export file (CSV or xlsx) *",
	ExportedFromV1sClients:           "Exported from V1's Clients tab (Export button). Active clients become the dossiers; rejected rows are listed.",
	V1APIAddress:                     "V1 API address *",
	V2APIAddress:                     "V2 API address",
	ClientId:                         "Client id *",
	ClientSecret:                     "Client secret *",
	WorkspacePassphrase2:             "Workspace passphrase *",
	ItSealsTheClient:                 "It seals the client secret in the database and will be asked to read it; it is not stored.",
	TheSameClientCredentials:         "The same client credentials are used for V1 and V2.",
	Colon2:                           ":",
	JefactureComV1V2:                 " · jefacture.com V1 → V2 migration",
	TheseRowsAreNot:                  "These rows are not imported: fix the file and import them later (§3.4). Enter to continue.",
	Continue:                         "continue",
	OpeningTheWorkspace:              "Opening the workspace…",
	ReadingWorkspaces:                "Reading workspaces…",
}
