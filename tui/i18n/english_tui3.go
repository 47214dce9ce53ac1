// Maintained by the catalogue tool (/work/tools/catalog): it appends new
// messages; existing ones may be edited by hand.

package i18n

// TUI3Texts holds texts of the TUI area (part 3), one field per message.
type TUI3Texts struct {
	SucceededNoun               Noun
	NotRecordedNoun             Noun
	ResultsNoun                 Noun
	LinesNoun                   Noun
	ClientsMarkedNoun           Noun
	RefusedNoun                 Noun
	ClientsSelectedNoun         Noun
	BlockedNoun                 Noun
	ClientsHaveNoun             Noun
	ClientsNoun                 Noun
	SelectedNoun                Noun
	RowsRejectedNoun            Noun
	ClientsWrittenNoun          Noun
	StatementsExportedNoun      Noun
	ClientsExportedNoun         Noun
	AccountsNoun                Noun
	UsersNoun                   Noun
	MoreOffScreenNoun           Noun
	BlockingPointsNoun          Noun
	MoreLinesNoun               Noun
	DossiersCreatedNoun         Noun
	ChangesNoun                 Noun
	MyDossiers                  string
	LeftV1                      string
	RefreshTheClientsV1         string
	ChangedFmt                  string
	Online                      string
	And                         string
	IsOnThisDossier             string
	AreOnThisDossier            string
	NoConnectionToV1            string
	ReadingV1sClientList        string
	V1sClientListNot            string
	V1Clients                   string
	DossiersKeptMarked          string
	ClientsAssignedNoun         Noun
	To                          string
	Portfolio                   string
	AssignToThePortfolio        string
	TeamProgressEstimatedFinish string
	AllClients                  string
	MyDossiers2                 string
	ClientsFinishedNoun         Noun
	OnlyATeamAdmin              string
	SelectClientsFirstSpace3    string
	NobodyToAssignTo            string
	Choose                      string
	Assign                      string
	N10Years                    string
	NoPaceYet                   string
	Day                         string
	NoClient                    string
	WorkOpenBeforeThe           string
	AllTheWorkValidation        string
	TeamProgressPerPerson       string
	ComputingTheProgress        string
	Person                      string
	Role                        string
	LeftGuide                   string
	EstFinish                   string
	Pace                        string
	You                         string
	Of2                         string
	ToScroll                    string
	NoMemberBasculeTeam         string
	Unassigned                  string
	FirmEveryone                string
	Firm6                       string
	Assign2                     string
	SelectedClientsNoun         Noun
	ToThePortfolioOf            string
	TheClientsLeaveAnother      string
	RemovedFromTheTeamByFmt     string
	YourPortfolioChangedFmt     string
	And2                        string
	MoreNoun                    Noun
	NoMigrationRequestSent      string
	Confirm2                    string
	KeepTheFilter               string
	Clear                       string
	FillIn                      string
	And3                        string
	DossiersAddedNoun           Noun
	UpdatedNoun                 Noun
	MissingFromV1Noun           Noun
	BackNoun                    Noun
	MatchesNoun                 Noun
	NoWorkspaceOpenNothing      string
	LabelLegalName              string
	LabelManagerEmail           string
	LabelOperator               string
	LabelExportFile             string
	LabelV1APIAddress           string
	LabelClientID               string
	LabelClientSecret           string
	LabelPassphrase             string
	FAQTitleFmt                 string
	ClockLayout                 string
	RemovedSessionClosedFmt     string
	SummaryNotOnTheServerFmt    string
	OnTheServerFmt              string
	UntimedShort                string
}

var englishTUI3 = TUI3Texts{
	SucceededNoun:               Noun{"succeeded", "succeeded"},
	NotRecordedNoun:             Noun{" not recorded", " not recorded"},
	ResultsNoun:                 Noun{"result", "results"},
	LinesNoun:                   Noun{"line", "lines"},
	ClientsMarkedNoun:           Noun{"client marked", "clients marked"},
	RefusedNoun:                 Noun{"refused", "refused"},
	ClientsSelectedNoun:         Noun{"client selected", "clients selected"},
	BlockedNoun:                 Noun{"blocked", "blocked"},
	ClientsHaveNoun:             Noun{"client has", "clients have"},
	ClientsNoun:                 Noun{"client", "clients"},
	SelectedNoun:                Noun{"selected", "selected"},
	RowsRejectedNoun:            Noun{"row rejected", "rows rejected"},
	ClientsWrittenNoun:          Noun{"client written", "clients written"},
	StatementsExportedNoun:      Noun{"statement exported", "statements exported"},
	ClientsExportedNoun:         Noun{"client exported", "clients exported"},
	AccountsNoun:                Noun{"account", "accounts"},
	UsersNoun:                   Noun{"user", "users"},
	MoreOffScreenNoun:           Noun{"more off screen", "more off screen"},
	BlockingPointsNoun:          Noun{"blocking point", "blocking points"},
	MoreLinesNoun:               Noun{"more line", "more lines"},
	DossiersCreatedNoun:         Noun{"dossier created", "dossiers created"},
	ChangesNoun:                 Noun{"change", "changes"},
	MyDossiers:                  "my dossiers",
	LeftV1:                      "left V1",
	RefreshTheClientsV1:         "refresh the clients (V1)",
	ChangedFmt:                  "%s changed %q: %s",
	Online:                      "Online: ",
	And:                         " and ",
	IsOnThisDossier:             " is on this dossier",
	AreOnThisDossier:            " are on this dossier",
	NoConnectionToV1:            "No connection to V1 in this mode: the dossiers come from the export (or \"bascule clients refresh --source comapi\").",
	ReadingV1sClientList:        "Reading V1's client list…",
	V1sClientListNot:            "V1's client list not read: ",
	V1Clients:                   "V1 clients: ",
	DossiersKeptMarked:          " (dossiers kept, marked)",
	ClientsAssignedNoun:         Noun{"client assigned", "clients assigned"},
	To:                          " to ",
	Portfolio:                   " · portfolio: ",
	AssignToThePortfolio:        "assign to the portfolio of…",
	TeamProgressEstimatedFinish: "team: progress, estimated finish",
	AllClients:                  "All clients",
	MyDossiers2:                 "My dossiers: ",
	ClientsFinishedNoun:         Noun{"client finished", "clients finished"},
	OnlyATeamAdmin:              "Only a team admin assigns portfolios.",
	SelectClientsFirstSpace3:    "Select clients first (space or x), then p to assign them.",
	NobodyToAssignTo:            "Nobody to assign to: add a collaborator with \"bascule team add\".",
	Choose:                      "choose",
	Assign:                      "assign",
	N10Years:                    "> 10 years",
	NoPaceYet:                   "no pace yet",
	Day:                         "/day",
	NoClient:                    "no client",
	WorkOpenBeforeThe:           "Work open before the migration: preparation, registration, request.",
	AllTheWorkValidation:        "All the work, validation included.",
	TeamProgressPerPerson:       "Team: progress per person",
	ComputingTheProgress:        "Computing the progress…",
	Person:                      "Person",
	Role:                        "Role",
	LeftGuide:                   "left (guide)",
	EstFinish:                   "est. finish*",
	Pace:                        "pace*",
	You:                         " (you)",
	Of2:                         " of ",
	ToScroll:                    " · ↑↓ to scroll",
	NoMemberBasculeTeam:         "no member: \"bascule team add\" adds some",
	Unassigned:                  "Unassigned",
	FirmEveryone:                "Firm (everyone)",
	Firm6:                       "Firm: ",
	Assign2:                     "Assign ",
	SelectedClientsNoun:         Noun{"selected client", "selected clients"},
	ToThePortfolioOf:            " to the portfolio of:",
	TheClientsLeaveAnother:      "The clients leave another firm member's portfolio: one dossier, one person in charge. The change is logged under your name.",
	RemovedFromTheTeamByFmt:     "%s removed you from the team: what you do here is now refused; ask an admin to add you back.",
	YourPortfolioChangedFmt:     "%s changed your portfolio: %s.",
	And2:                        "and ",
	MoreNoun:                    Noun{"more", "more"},
	NoMigrationRequestSent:      "no migration request sent: send it first (d)",
	Confirm2:                    "confirm",
	KeepTheFilter:               "keep the filter",
	Clear:                       "clear",
	FillIn:                      "fill in",
	And3:                        "… and ",
	DossiersAddedNoun:           Noun{"dossier added", "dossiers added"},
	UpdatedNoun:                 Noun{"updated", "updated"},
	MissingFromV1Noun:           Noun{"missing from V1", "missing from V1"},
	BackNoun:                    Noun{"back", "back"},
	MatchesNoun:                 Noun{"match", "matches"},
	NoWorkspaceOpenNothing:      "no workspace open: nothing is recorded",
	LabelLegalName:              "Legal name",
	LabelManagerEmail:           "Manager e-mail",
	LabelOperator:               "Operator",
	LabelExportFile:             "Export file",
	LabelV1APIAddress:           "V1 API address",
	LabelClientID:               "Client id",
	LabelClientSecret:           "Client secret",
	LabelPassphrase:             "Passphrase",
	FAQTitleFmt:                 "FAQ: \"%s\"",
	ClockLayout:                 "2006-01-02 at 15:04",
	RemovedSessionClosedFmt:     "\r\n%s removed you from the team: this session is closed. Ask an admin to add you back.\r\n",
	SummaryNotOnTheServerFmt:    "Over SSH the summary would be written on the server, out of your reach; from your machine run: %s",
	OnTheServerFmt:              "%s (on the server)",
	UntimedShort:                "untimed",
}
