// Maintained by the catalogue tool (/work/tools/catalog): it appends new
// messages; existing ones may be edited by hand.

package i18n

// AccessibleTexts holds texts of the Accessible area (part 1), one field per message.
type AccessibleTexts struct {
	GoodbyeEverythingIsSaved       string
	EndOfInputEverything           string
	AccessibleMode                 string
	AtEachQuestionA                string
	QuitBascule                    string
	Refused                        string
	SavedFmt                       string
	Saved                          string
	NewNoteReplacesFmt             string
	EditAnItem                     string
	DeleteAnItem                   string
	FinishMarkTheStep              string
	WhatToDo                       string
	TheListIsEmpty                 string
	DeleteItemFmt                  string
	ItemNumber1ToFmt               string
	FieldsMarkedAreRequired        string
	ToFix                          string
	SecretNotSavedNo2              string
	SecretNotSaved                 string
	WorkspacePassphraseHiddenEnter string
	ChooseThePassphraseThat        string
	TypeItAgain2                   string
	TheTwoEntriesDiffer2           string
	DoItOnV2                       string
	CheckNowWhatBlocks             string
	CheckNowOnFmt                  string
	WorkspacePassphraseToConnect   string
	NoAutomaticCheckInFmt          string
	NoConnectionToPassphraseFmt    string
	CheckFailedCouldNotFmt         string
	CheckingFmt                    string
	CheckFailedDidNotFmt           string
	WillBeDoneOnFmt                string
	Checking                       string
	V2Working                      string
	FailedV2DidNotFmt              string
	V2WhereDoesRequestFmt          string
	FailedV2DidNot2Fmt             string
	RequestFmt                     string
	OKButTheStep                   string
	TheStatusCannotChange          string
	Checked2Fmt                    string
	CheckedOnAtFmt                 string
	N20060102                      string
	NeedsWork2                     string
	NoWorkspaceOpen                string
	NoWorkspaceInThis              string
	Open2                          string
	CreateANewWorkspace2           string
	WorkspaceOnePerMigrated        string
	NewWorkspace2                  string
	ConnectorsHowDoesBascule       string
	YourNameOperator2              string
	TheFirmsIdentityIt             string
	TheFirmsSIREN9                 string
	LegalName2                     string
	ManagerEMail2                  string
	V1ClientsExportFile2           string
	PathOfTheExport                string
	CreatingTheWorkspace           string
	CouldNotCreateThe              string
	WorkspaceCreatedSIRENFmt       string
	ClientSecretSealedUnder        string
	V1V2APIThe                     string
	V1APIAddressHttps              string
	V2APIAddressOptional           string
	ClientId2                      string
	ClientSecretHidden             string
	TheWorkspacePassphraseSeals    string
	WorkspacePassphraseHidden      string
	AndMore3Fmt                    string
	TheseRowsAreNot2               string
	HiddenEnterToLeave             string
	Number1ToFmt                   string
	Number1ToEnterFmt              string
	TypeANumberBetweenFmt          string
	NumbersSeparatedByCommas       string
	NumbersOrFreeText              string
	TypeNumbersBetween1Fmt         string
	Firm5                          string
	FirmRegistration               string
	AClientSearchByFmt             string
	SwitchToAnotherWorkspace       string
	MigrationRequest2              string
	WhatToWorkOn                   string
	Client                         string
	Steps2                         string
	Warning                        string
	Captured2                      string
	FillInTheCapture               string
	MarkDone                       string
	MarkBlockedWithA               string
	MarkNotApplicableWith          string
	SetBackToTo                    string
	WriteANote                     string
	ReasonForTheOverride4          string
	OverrideRecorded2              string
	YourChoice1ToFmt               string
	NotUnderstoodTypeAFmt          string
	ChoicesTypePartOfFmt           string
	SearchEnterToGo                string
	NumberOrAnotherSearch          string
	NoMatchForFmt                  string
	MatchesTheFirstRefineFmt       string
	YN                             string
	AnswerYYesOr                   string
	V1IsNotConnected               string
	WritingTheEMails               string
	CouldNotWrite                  string
	JournalUnreadable              string
	SummaryWritten                 string
	RefreshTheClientsFrom          string
	WriteTheSummaryMarkdown        string
	TeamProgressPerPerson2         string
	WriteTheClientsE               string
	CouldNotConnectTo              string
	NoLongerOnV1s                  string
	TeamProgressNotRead            string
	TeamOpenWorkBascules           string
	You2                           string
}

var englishAccessible = AccessibleTexts{
	GoodbyeEverythingIsSaved:       "Goodbye. Everything is saved.",
	EndOfInputEverything:           "End of input. Everything confirmed is saved.",
	AccessibleMode:                 "accessible mode",
	AtEachQuestionA:                "At each question: a number to choose, enter to go back, q to quit.",
	QuitBascule:                    "Quit bascule?",
	Refused:                        "Refused: ",
	SavedFmt:                       "Saved: \"%s\": %s.",
	Saved:                          "Saved.",
	NewNoteReplacesFmt:             "New note (replaces \"%s\"):",
	EditAnItem:                     "Edit an item",
	DeleteAnItem:                   "Delete an item",
	FinishMarkTheStep:              "Finish: mark the step done",
	WhatToDo:                       "What to do?",
	TheListIsEmpty:                 "The list is empty.",
	DeleteItemFmt:                  "Delete item %d?",
	ItemNumber1ToFmt:               "Item number (1 to %d, enter to go back):",
	FieldsMarkedAreRequired:        "Fields marked * are required.",
	ToFix:                          "To fix: ",
	SecretNotSavedNo2:              "Secret not saved: no vault for this workspace.",
	SecretNotSaved:                 "Secret not saved.",
	WorkspacePassphraseHiddenEnter: "Workspace passphrase (hidden; enter to give up):",
	ChooseThePassphraseThat:        "Choose the passphrase that will seal the credentials (enter to give up):",
	TypeItAgain2:                   "Type it again:",
	TheTwoEntriesDiffer2:           "The two entries differ; start again.",
	DoItOnV2:                       "Do it on V2 now",
	CheckNowWhatBlocks:             "Check now what blocks the request",
	CheckNowOnFmt:                  "Check now on %s",
	WorkspacePassphraseToConnect:   "Workspace passphrase, to connect to V1/V2 (hidden; enter to give up):",
	NoAutomaticCheckInFmt:          "No automatic check in V1 export files mode (offline): no connector to %s. Check on %s, then mark the step by hand.",
	NoConnectionToPassphraseFmt:    "No connection to %s (passphrase not given, or no %s API address): mark the step by hand or try again.",
	CheckFailedCouldNotFmt:         "Check failed: could not connect to %s: %s",
	CheckingFmt:                    "%s: checking…",
	CheckFailedDidNotFmt:           "Check failed: %s did not answer within %s. Try again later or mark the step by hand.",
	WillBeDoneOnFmt:                "“%s” will be done on V2 with what was noted before the switch. Go ahead?",
	Checking:                       "Checking…",
	V2Working:                      "V2: working…",
	FailedV2DidNotFmt:              "Failed: V2 did not answer within %s. Try again later: running it again does not redo what is done.",
	V2WhereDoesRequestFmt:          "V2: where does request %s stand…",
	FailedV2DidNot2Fmt:             "Failed: V2 did not answer within %s. Try again later.",
	RequestFmt:                     "Request %s: %s.",
	OKButTheStep:                   "OK, but the step cannot be marked done yet: ",
	TheStatusCannotChange:          "The status cannot change yet: ",
	Checked2Fmt:                    "Checked %s: %s.",
	CheckedOnAtFmt:                 "Checked %s on %s at %s (%s): %s.",
	N20060102:                      "2006-01-02",
	NeedsWork2:                     "  Needs work: ",
	NoWorkspaceOpen:                "no workspace open",
	NoWorkspaceInThis:              "No workspace in this database: let us create one.",
	Open2:                          " (open)",
	CreateANewWorkspace2:           "Create a new workspace",
	WorkspaceOnePerMigrated:        "Workspace (one per migrated firm):",
	NewWorkspace2:                  "New workspace.",
	ConnectorsHowDoesBascule:       "Connectors: how does bascule read V1 and V2 for this firm?",
	YourNameOperator2:              "Your name (operator):",
	TheFirmsIdentityIt:             "The firm's identity: it is used to check the V2 registration (§3.1). Every answer is required.",
	TheFirmsSIREN9:                 "The firm's SIREN (9 digits):",
	LegalName2:                     "Legal name:",
	ManagerEMail2:                  "Manager e-mail:",
	V1ClientsExportFile2:           "V1 clients export file (CSV or xlsx), exported from V1's Clients tab (Export button). Active clients become the dossiers; rejected rows are listed.",
	PathOfTheExport:                "Path of the export file:",
	CreatingTheWorkspace:           "Creating the workspace…",
	CouldNotCreateThe:              "Could not create the workspace: ",
	WorkspaceCreatedSIRENFmt:       "Workspace created: %s · SIREN %s · %s.",
	ClientSecretSealedUnder:        "Client secret sealed under the workspace passphrase.",
	V1V2APIThe:                     "V1/V2 API: the same client credentials are used for V1 and V2.",
	V1APIAddressHttps:              "V1 API address (https://…):",
	V2APIAddressOptional:           "V2 API address (optional; enter for none):",
	ClientId2:                      "Client id:",
	ClientSecretHidden:             "Client secret (hidden):",
	TheWorkspacePassphraseSeals:    "The workspace passphrase seals the client secret in the database and will be asked to read it; it is not stored.",
	WorkspacePassphraseHidden:      "Workspace passphrase (hidden):",
	AndMore3Fmt:                    "  … and %d more",
	TheseRowsAreNot2:               "These rows are not imported: fix the file and import them later (§3.4).",
	HiddenEnterToLeave:             " (hidden; enter to leave unchanged):",
	Number1ToFmt:                   "Number (1 to %d):",
	Number1ToEnterFmt:              "Number (1 to %d, enter: %d):",
	TypeANumberBetweenFmt:          "Type a number between 1 and %d.",
	NumbersSeparatedByCommas:       "Numbers separated by commas (enter: unchanged):",
	NumbersOrFreeText:              "Numbers or free text, separated by commas (enter: unchanged):",
	TypeNumbersBetween1Fmt:         "Type numbers between 1 and %d.",
	Firm5:                          "— firm",
	FirmRegistration:               "Firm registration",
	AClientSearchByFmt:             "A client (%s, search by name or SIREN)",
	SwitchToAnotherWorkspace:       "Switch to another workspace or create one",
	MigrationRequest2:              "Migration request: ",
	WhatToWorkOn:                   "What to work on?",
	Client:                         "Client:",
	Steps2:                         "Steps:",
	Warning:                        "Warning: ",
	Captured2:                      "Captured:",
	FillInTheCapture:               "Fill in the capture",
	MarkDone:                       "Mark done",
	MarkBlockedWithA:               "Mark blocked (with a reason)",
	MarkNotApplicableWith:          "Mark not applicable (with a reason)",
	SetBackToTo:                    "Set back to to do",
	WriteANote:                     "Write a note",
	ReasonForTheOverride4:          "Reason for the override, shown in the reports (enter to give up):",
	OverrideRecorded2:              "Override recorded: ",
	YourChoice1ToFmt:               "Your choice (1 to %d, enter to go back, q to quit):",
	NotUnderstoodTypeAFmt:          "Not understood: type a number between 1 and %d.",
	ChoicesTypePartOfFmt:           "%d choices: type part of the name or SIREN.",
	SearchEnterToGo:                "Search (enter to go back, q to quit):",
	NumberOrAnotherSearch:          "Number, or another search:",
	NoMatchForFmt:                  "No match for \"%s\".",
	MatchesTheFirstRefineFmt:       "%d matches; the first %d (refine the search to narrow):",
	YN:                             "(y/n)",
	AnswerYYesOr:                   "Answer y (yes) or n (no).",
	V1IsNotConnected:               "V1 is not connected: the messages are written without a recipient.",
	WritingTheEMails:               "Writing the e-mails…",
	CouldNotWrite:                  "Could not write: ",
	JournalUnreadable:              "Journal unreadable: ",
	SummaryWritten:                 "Summary written:",
	RefreshTheClientsFrom:          "Refresh the clients from V1",
	WriteTheSummaryMarkdown:        "Write the summary (Markdown and HTML)",
	TeamProgressPerPerson2:         "Team progress (per person, estimated finish)",
	WriteTheClientsE:               "Write the clients' e-mails (.eml)",
	CouldNotConnectTo:              "Could not connect to V1: ",
	NoLongerOnV1s:                  ": no longer on V1's list, dossier kept",
	TeamProgressNotRead:            "Team progress not read: ",
	TeamOpenWorkBascules:           "Team (open work, bascule's estimates):",
	You2:                           ", you",
}
