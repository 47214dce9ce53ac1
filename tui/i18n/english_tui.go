// Maintained by the catalogue tool (/work/tools/catalog): it appends new
// messages; existing ones may be edited by hand.

package i18n

// TUITexts holds texts of the TUI area (part 1), one field per message.
type TUITexts struct {
	Back                               string
	Scroll                             string
	Page                               string
	HomeEnd                            string
	TopBottom                          string
	Bottom                             string
	Stop                               string
	DemoTheClientAccepts               string
	CheckOnV1                          string
	ReCreateOnV2                       string
	CheckOnV2                          string
	SelectClientsFirstSpace            string
	NoConnectorActionFor               string
	Action                             string
	BulkActionForFmt                   string
	YesRun                             string
	No                                 string
	RunForEachClientFmt                string
	NothingWasRun                      string
	DoesNotApplyTo                     string
	BulkActionFinishedToFmt            string
	Semicolon                          string
	StoppedTheNextClients              string
	DemoAcceptPendingInvoices          string
	Finished                           string
	RunningFmt                         string
	Saving                             string
	AboveFmt                           string
	MoreFmt                            string
	PercentColonQuoteFmt               string
	PercentFmt                         string
	Step                               string
	NewStatus                          string
	MarkFmt                            string
	Reason                             string
	ReasonRequiredForThis              string
	YesMark                            string
	MarkAsForFmt                       string
	NothingWasMarked                   string
	EditFmt                            string
	AddFmt                             string
	OthersFreeText                     string
	SeparatedByCommas                  string
	Yes                                string
	DDMMYYYY                           string
	FirstLastExampleCom                string
	Firm                               string
	SealingTheSecret                   string
	DeleteThisItemY                    string
	NoAutomaticCheckFor                string
	CheckCancelled                     string
	NoConnectorForThis                 string
	CheckFailed                        string
	CheckedFmt                         string
	Ok                                 string
	NeedsWork                          string
	Yes2                               string
	No2                                string
	Articles                           string
	Registered                         string
	PurchaseInvoicesAwaitingAcceptance string
	SalesInvoicesAwaitingAcceptance    string
	NotDoneOnV2                        string
	FirmNotRegisteredOn                string
	SIRENDiffers                       string
	LegalNameDiffers                   string
	ManagerEMailDiffers                string
	FirmSpaceNotActivated              string
	FirmDossierMissingOn               string
	Sort                               string
	EscToClearTheFmt                   string
	SelectClientsFirstSpace2           string
	NothingToDoFor                     string
	Operator                           string
	NoClientMatches                    string
	Preparation                        string
	Registration                       string
	Request                            string
	Validation                         string
	Summary                            string
	Blocked                            string
	OpensAfterTheMigration             string
	DemoDThen2                         string
	PendingInvoices                    string
	PendingInvoicesNotChecked          string
	PreparationNotFinishedFor          string
	Registration31To                   string
	NextStep                           string
	NothingToDoFor2                    string
	PendingFmt                         string
	Prep                               string
	Invoices                           string
	Payment                            string
	Validation2                        string
	FinishTheFirmsRegistration         string
	DemoRegistrationFinishedOn         string
	AcceptEveryPendingInvoice          string
	DemoInvoicesAcceptedOn             string
	FixTheInvalidArticles              string
	DemoArticlesFixedOn                string
	MakeTheMigrationRequest            string
	DemoMigrationDoneOn                string
	Demo                               string
	DemoPlayTheUser                    string
	WhatOneWouldDo                     string
	Pick                               string
	Y                                  string
	Progress                           string
	Name                               string
	ForV2ImportItFmt                   string
	ParenPercentFmt                    string
	Help                               string
	Quit                               string
	Move                               string
	TopBottomOfThe                     string
	GoToTheNext                        string
	Open                               string
	Filter                             string
	Sort2                              string
	Select                             string
	SelectAll                          string
	Mark                               string
	Firm2                              string
	Registration31                     string
	CheckV1                            string
	Request32                          string
	ClientValidation33                 string
	FirmReEntry3                       string
	BulkActions                        string
	Summary4                           string
	DemoPlayTheUser2                   string
	NextStep2                          string
	Firm3                              string
	Request2                           string
	Summary2                           string
	Demo2                              string
	Done                               string
	Blocked2                           string
	NA                                 string
	Note                               string
	CaptureCheck                       string
	Check                              string
	CancelTheCheck                     string
	Add                                string
	Edit                               string
	Delete                             string
	FinishDone                         string
	Next                               string
	PreviousField                      string
	Cancel                             string
	YO                                 string
	NEsc                               string
	Down                               string
	NextPage                           string
	PreviousNextClient                 string
	NextClient                         string
	Enter                              string
	Space                              string
	ShiftTab                           string
	Next2                              string
	Submit                             string
	Up                                 string
	Down2                              string
	Complete                           string
	Select2                            string
	PageUp                             string
	PageDown                           string
	Top                                string
	End                                string
	Confirm                            string
	Toggle                             string
	All                                string
	None                               string
	Toggle2                            string
	NewLine                            string
	Editor                             string
	CheckOnV1Accept                    string
	ActionCancelled                    string
	NoConnectorForThis2                string
	ThisStoreKeepsNo                   string
	V2sPlans                           string
	BasculeDoesNotChoose               string
	NothingWasNotedDuring              string
	Failed                             string
	CheckThenDoIt                      string
	MigratedEachV1Company              string
	EnterConfirmEscCancel              string
	DHFmt                              string
	AnswerExpectedEstimate3Fmt         string
	LateBy                             string
	In                                 string
}

var englishTUI = TUITexts{
	Back:                               "back",
	Scroll:                             "scroll",
	Page:                               "page",
	HomeEnd:                            "home/end",
	TopBottom:                          "top/bottom",
	Bottom:                             "bottom",
	Stop:                               "stop",
	DemoTheClientAccepts:               "Demo: the client accepts its pending invoices on V1, then check",
	CheckOnV1:                          "Check on V1: ",
	ReCreateOnV2:                       "Re-create on V2: ",
	CheckOnV2:                          "Check on V2: ",
	SelectClientsFirstSpace:            "Select clients first (space, or ctrl+a for all).",
	NoConnectorActionFor:               "No connector action for now.",
	Action:                             "Action",
	BulkActionForFmt:                   "Bulk action for %d %s",
	YesRun:                             "Yes, run",
	No:                                 "No",
	RunForEachClientFmt:                "Run for %d %s? Each client is handled and reported on its own.",
	NothingWasRun:                      "Nothing was run.",
	DoesNotApplyTo:                     "does not apply to this client",
	BulkActionFinishedToFmt:            "Bulk action finished: %d %s, %d to look at",
	Semicolon:                          "; ",
	StoppedTheNextClients:              "stopped: the next clients were not handled",
	DemoAcceptPendingInvoices:          "Demo: accept pending invoices",
	Finished:                           "finished",
	RunningFmt:                         " running (%d/%d)",
	Saving:                             " saving ",
	AboveFmt:                           "   … %s above (↑)",
	MoreFmt:                            "   … %s more (↓)",
	PercentColonQuoteFmt:               "%q: %s",
	PercentFmt:                         "%d %s",
	Step:                               "Step",
	NewStatus:                          "New status",
	MarkFmt:                            "Mark %d %s",
	Reason:                             "Reason *",
	ReasonRequiredForThis:              "Reason: required for this status",
	YesMark:                            "Yes, mark",
	MarkAsForFmt:                       "Mark %q as %q for %d %s?",
	NothingWasMarked:                   "Nothing was marked.",
	EditFmt:                            "Edit: %s %d",
	AddFmt:                             "Add: %s",
	OthersFreeText:                     ": others (free text)",
	SeparatedByCommas:                  "Separated by commas.",
	Yes:                                "Yes",
	DDMMYYYY:                           "DD/MM/YYYY",
	FirstLastExampleCom:                "first.last@example.com",
	Firm:                               " · firm",
	SealingTheSecret:                   "Sealing the secret…",
	DeleteThisItemY:                    "Delete this item? (y/n)",
	NoAutomaticCheckFor:                "No automatic check for this step: mark it by hand.",
	CheckCancelled:                     "Check cancelled.",
	NoConnectorForThis:                 "No connector for this check in this mode: mark the step by hand.",
	CheckFailed:                        "Check failed: ",
	CheckedFmt:                         "Checked %s, %s (%s)",
	Ok:                                 "ok",
	NeedsWork:                          "needs work",
	Yes2:                               "yes",
	No2:                                "no",
	Articles:                           "articles",
	Registered:                         "registered",
	PurchaseInvoicesAwaitingAcceptance: "purchase invoices awaiting acceptance",
	SalesInvoicesAwaitingAcceptance:    "sales invoices awaiting acceptance",
	NotDoneOnV2:                        "not done on V2 yet",
	FirmNotRegisteredOn:                "firm not registered on V2 yet",
	SIRENDiffers:                       "SIREN differs",
	LegalNameDiffers:                   "legal name differs",
	ManagerEMailDiffers:                "manager e-mail differs",
	FirmSpaceNotActivated:              "firm space not activated yet",
	FirmDossierMissingOn:               "firm dossier missing on V2",
	Sort:                               "Sort: ",
	EscToClearTheFmt:                   "%d %s · esc to clear the selection",
	SelectClientsFirstSpace2:           "Select clients first (space or x).",
	NothingToDoFor:                     "Nothing to do for now.",
	Operator:                           "operator: ",
	NoClientMatches:                    "no client matches",
	Preparation:                        "Preparation",
	Registration:                       "Registration",
	Request:                            "Request",
	Validation:                         "Validation",
	Summary:                            "Summary",
	Blocked:                            "blocked: ",
	OpensAfterTheMigration:             "opens after the migration",
	DemoDThen2:                         "Demo: D then 2 has the pending invoices accepted on V1 (what the client would do); then check again (a).",
	PendingInvoices:                    " pending invoices",
	PendingInvoicesNotChecked:          "pending invoices not checked for ",
	PreparationNotFinishedFor:          "preparation not finished for ",
	Registration31To:                   "registration (§3.1) to finish",
	NextStep:                           "Next step: ",
	NothingToDoFor2:                    "nothing to do for now",
	PendingFmt:                         " (%d pending)",
	Prep:                               "prep",
	Invoices:                           "invoices",
	Payment:                            "payment",
	Validation2:                        "validation",
	FinishTheFirmsRegistration:         "Finish the firm's registration on V2 (§3.1)",
	DemoRegistrationFinishedOn:         "Demo: registration finished on V2; check it (i).",
	AcceptEveryPendingInvoice:          "Accept every pending invoice on V1 (§2)",
	DemoInvoicesAcceptedOn:             "Demo: invoices accepted on V1; check the clients again (a).",
	FixTheInvalidArticles:              "Fix the invalid articles on V1 (§2)",
	DemoArticlesFixedOn:                "Demo: articles fixed on V1.",
	MakeTheMigrationRequest:            "Make the migration request succeed now (§3.2)",
	DemoMigrationDoneOn:                "Demo: migration done on V2; the request screen (d) sees it.",
	Demo:                               "Demo: ",
	DemoPlayTheUser:                    "Demo: play the user on the simulated platforms",
	WhatOneWouldDo:                     "What one would do on V1's and V2's web sites; bascule then sees it through its checks.",
	Pick:                               "pick",
	Y:                                  "y",
	Progress:                           "progress",
	Name:                               "name",
	ForV2ImportItFmt:                   "%s for V2: %s; import it on V2, then tick the step",
	ParenPercentFmt:                    " (%d %s)",
	Help:                               "help",
	Quit:                               "quit",
	Move:                               "move",
	TopBottomOfThe:                     "top/bottom of the list",
	GoToTheNext:                        "go to the next step",
	Open:                               "open",
	Filter:                             "filter",
	Sort2:                              "sort",
	Select:                             "select",
	SelectAll:                          "select all",
	Mark:                               "mark",
	Firm2:                              "firm §2",
	Registration31:                     "registration §3.1",
	CheckV1:                            "check (V1)",
	Request32:                          "request §3.2",
	ClientValidation33:                 "client validation §3.3",
	FirmReEntry3:                       "firm re-entry §3.4",
	BulkActions:                        "bulk actions",
	Summary4:                           "summary §4",
	DemoPlayTheUser2:                   "demo: play the user",
	NextStep2:                          "next step",
	Firm3:                              "firm",
	Request2:                           "request",
	Summary2:                           "summary",
	Demo2:                              "demo",
	Done:                               "done",
	Blocked2:                           "blocked",
	NA:                                 "n/a",
	Note:                               "note",
	CaptureCheck:                       "capture / check",
	Check:                              "check",
	CancelTheCheck:                     "cancel the check",
	Add:                                "add",
	Edit:                               "edit",
	Delete:                             "delete",
	FinishDone:                         "finish (done)",
	Next:                               "next",
	PreviousField:                      "previous field",
	Cancel:                             "cancel",
	YO:                                 "y/o",
	NEsc:                               "n/esc",
	Down:                               "down",
	NextPage:                           "next page",
	PreviousNextClient:                 "previous/next client",
	NextClient:                         "next client",
	Enter:                              "enter",
	Space:                              "space",
	ShiftTab:                           "shift+tab",
	Next2:                              "next",
	Submit:                             "submit",
	Up:                                 "up",
	Down2:                              "down",
	Complete:                           "complete",
	Select2:                            "select",
	PageUp:                             "½ page up",
	PageDown:                           "½ page down",
	Top:                                "top",
	End:                                "end",
	Confirm:                            "confirm",
	Toggle:                             "toggle",
	All:                                "all",
	None:                               "none",
	Toggle2:                            "toggle",
	NewLine:                            "new line",
	Editor:                             "editor",
	CheckOnV1Accept:                    "Check on V1: Accept pending invoices",
	ActionCancelled:                    "Action cancelled.",
	NoConnectorForThis2:                "No connector for this action in this mode: do it by hand, then tick it.",
	ThisStoreKeepsNo:                   "This store keeps no override or request.",
	V2sPlans:                           "; V2's plans: ",
	BasculeDoesNotChoose:               ". bascule does not choose for the client.",
	NothingWasNotedDuring:              "Nothing was noted during preparation for this step: do it by hand, then mark it.",
	Failed:                             "Failed: ",
	CheckThenDoIt:                      ": check, then do it by hand and tick it, or mark it not applicable.",
	MigratedEachV1Company:              "⚠ Migrated: each V1 company space is read-only §3.2",
	EnterConfirmEscCancel:              "enter confirm · esc cancel",
	DHFmt:                              "%d d %d h",
	AnswerExpectedEstimate3Fmt:         "answer expected %s (estimate, 3 working days)",
	LateBy:                             "late by ",
	In:                                 "in ",
}
