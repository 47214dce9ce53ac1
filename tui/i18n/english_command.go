// Maintained by the catalogue tool (/work/tools/catalog): it appends new
// messages; existing ones may be edited by hand.

package i18n

// CommandTexts holds texts of the Command area (part 1), one field per message.
type CommandTexts struct {
	IsNotForRemoteFmt                 string
	WouldReadOrWriteFmt               string
	GiveClientWithYour                string
	CannotRunRemotelyPossibleFmt      string
	V1ExportAPIKeyFmt                 string
	OnV1InTheFmt                      string
	OnV1OnlyInactiveFmt               string
	InTheWorkspaceOnlyFmt             string
	DossierNotFoundFmt                string
	ERROR                             string
	V1Count                           string
	ClientAndOutAre                   string
	InManifestFmt                     string
	IsRequiredToSealFmt               string
	V1ExportAPIKey2Fmt                string
	APIKey                            string
	EmptyAPIKeyOn                     string
	FromAndToAre                      string
	MapExpectsCOLUMNFIELDFmt          string
	MaxRowsMustBe                     string
	ToXlsxOrCsvFmt                    string
	PercentColonCommaFmt              string
	ColumnIntoFirstAndFmt             string
	ColumnsNotUsedFmt                 string
	LangExpectsFrOrFmt                string
	DemoClientsExpectsAFmt            string
	DemoAndWorkspaceAre               string
	NoWorkspaceInRunFmt               string
	SeveralWorkspacesUseWorkspaceFmt  string
	UnknownWorkspaceDatabaseHoldsFmt  string
	FolderNotFoundCreateFmt           string
	ShowBasculesVersion               string
	HelpFor                           string
	DisableCompletionDescriptions     string
	HelpAboutAnyCommand               string
	ShowsTheHelpOf                    string
	GenerateTheAutocompletionScript   string
	WritesBasculesCompletionScript    string
	CompletionScriptForFmt            string
	WritesBasculesCompletionScriptFmt string
	Usage                             string
	Flags                             string
	Command                           string
	Examples                          string
	AvailableCommands                 string
	Flags2                            string
	GlobalFlags                       string
	HelpOnACommandFmt                 string
	FlagNeedsAValueFmt                string
	UnknownFlagForSeeFmt              string
	ValueRefusedForFlagFmt            string
	BadlyWrittenFlagSeeFmt            string
	UnreadableFlagsForSeeFmt          string
	HelpUnknownCommandSeeFmt          string
	InternalErrorOfBasculeFmt         string
	Interrupted                       string
	WorkspaceExportedToFmt            string
	ReplaceAndRenameTo                string
	DropSecretsOnlyGoes               string
	ImportCannotOpenTheFmt            string
	NoReadableBackupOfFmt             string
	DatabaseRestoredFromFmt           string
	Database                          string
	BackupsUnreadable                 string
	BackupsNone                       string
	Backups                           string
	N2006010215                       string
	Bytes                             string
	StateMISSINGTheDatabaseFmt        string
	StateTheDatabaseDoes              string
	StateERROR                        string
	StateDAMAGED                      string
	RepairedHeaderPageWasFmt          string
	StateGoodSchema                   string
	Workspaces                        string
	Workspace2                        string
	ThePersonalDataOf                 string
	EraseForGoodTypeFmt               string
	NoConfirmationNothingWas          string
	WrongConfirmationNothingWas       string
	ErasedFmt                         string
	OutIsRequired                     string
	NoManagerEMail                    string
	ToFmt                             string
	WithoutAKnownRecipientFmt         string
	V1ContactsUnavailable             string
	V1ContactsTheClientFmt            string
	SourceExpectsV1OrFmt              string
	FromV1Fmt                         string
	NoLongerOnV1sFmt                  string
	FichesIsWrittenAsFmt              string
	FormatExpectsMdHtmlFmt            string
	SinceUnreadableDateDateFmt        string
	FichesExpectsAllOr                string
	ExpectsAShareBetweenFmt           string
	ClientsExpectsANumberFmt          string
	MigrationDelayAndLatency          string
	SimulatedPlatformOnClientFmt      string
	IdleTimeoutExpectsA               string
	ServerStoppedDatabaseClosed       string
	NoTeamMemberNobody                string
	WorkspaceServedOnSshFmt           string
	AddrExpectsHostPortFmt            string
	AddressRefusedTheServerFmt        string
	CannotListenOnPortFmt             string
	HostKeyReadableByFmt              string
	HostKeyUnreadableDeleteFmt        string
	SessionClosedAfterWithoutFmt      string
	UnknownRemoteCommandFmt           string
	TheServersWorkspaceIs             string
	Total                             string
	NextStep3                         string
	Estimate                          string
	Late                              string
	AnswerToTheRequest                string
	WhatBlocksTheMigration            string
	Override3                         string
	ScopeExpectsCabinetClientFmt      string
	STEPPHASESCOPESTATUS              string
	Reason3                           string
	Note4                             string
	SeveralClientsHaveSIRENFmt        string
	UnknownClientThisWorkspaceFmt     string
	StepBelongsToScopeFmt             string
	AmbiguousStepGiveTheFmt           string
	UnknownStepForScopeFmt            string
	SCOPEExpectsCabinetClientFmt      string
	StatusExpectsTodoInFmt            string
	StatusNeedsAReasonFmt             string
	ClientDoesNotApply                string
	StepIsDonePerFmt                  string
	RunAgainWithReason                string
	APIModeThePassphraseFmt           string
	ThisWorkspaceHasNoFmt             string
	V1Check                           string
	NotSaved                          string
	Ready2                            string
	ToHandle                          string
	FailedFmt                         string
	RoleExpectsAdminCollaborateurFmt  string
	KeyExpectsTheMembers              string
	AnEntrepriseMemberSees            string
	MemberAddedKeyFmt                 string
	NoMemberAddSome                   string
	NAMEROLEKEYCLIENTS                string
	RemovedFromTheTeamFmt             string
	GiveTheClientsClient              string
	InThePortfolioFmt                 string
	InvalidMemberName1Fmt             string
	IsAPrivateKeyFmt                  string
	NotAReadableSSHFmt                string
	LineOneClientIdFmt                string
	LineTooLongOrFmt                  string
	StandardInputUnreadableOrFmt      string
	FileTooLargeOverFmt               string
	APIModeThePassphrase              string
	WorkspacePassphraseToConnect2     string
	PassphraseToConnectOffline        string
	InTeamModeEvery                   string
	NotOpenToRoleFmt                  string
	FailedDossiersNoun                Noun
	SeveralDemoWorkspacesFmt          string
	UnknownWorkspaceKnownFmt          string
	UnknownClientKnownFmt             string
	AndOthersFmt                      string
	OthersNoun                        Noun
	IsAFolderGiveFmt                  string
	ReportFileExample                 string
	FileReasonFmt                     string
	UseReplaceOrRenameFmt             string
	OperationFailed                   string
	NotFound                          string
	PermissionDenied                  string
	ItIsAFolder                       string
	NameAlreadyExists                 string
	PathPartNotAFolder                string
	DiskFull                          string
	ReadOnlyFileSystem                string
	NameTooLong                       string
	JSONRoot                          string
	JSONFieldCannotHoldFmt            string
	JSONUnreadableNearFmt             string
	TruncatedFile                     string
	UnreadableAddress                 string
	MissingPort                       string
	NetworkError                      string
	AddressInUse                      string
	ConnectionRefused                 string
	AddressNotAvailable               string
	VersionRevision                   string
	VersionOfDate                     string
	VersionUncommitted                string
	MessagesWrittenNoun               Noun
	OpenSessionsNoun                  Noun
	AlreadyHasWithKeyFmt              string
	SessionInternalError              string
	CompaniesNoun                     Noun
	DossiersNoun                      Noun
	FilesNoun                         Noun
	BytesNoun                         Noun
	ArticlesToReviewNoun              Noun
	ClientsCheckedNoun                Noun
	UnchangedNoun                     Noun
	AbsentNoun                        Noun
	RowsReadNoun                      Noun
	WrittenRowsNoun                   Noun
	RejectedRowsNoun                  Noun
	ActiveClientsSkippedNoun          Noun
	FullNamesSplitNoun                Noun
	ArgumentsNoun                     Noun
	UnknownSubcommandFmt              string
	TakesNoArgumentFmt                string
	TakesExactlyFmt                   string
	TakesAtMostFmt                    string
	UnknownSSHKey                     string
}

var englishCommand = CommandTexts{
	IsNotForRemoteFmt:                 "--%s is not for remote use: the server opened its database and workspace",
	WouldReadOrWriteFmt:               "--%s would read or write a file on the server: not remotely",
	GiveClientWithYour:                "give --client with your company's dossier",
	CannotRunRemotelyPossibleFmt:      "\"%s\" cannot run remotely (possible commands: status, step list, step set, report, sweep, team)",
	V1ExportAPIKeyFmt:                 "V1 export API key missing: set %s, or %s to open the sealed key",
	OnV1InTheFmt:                      "%s on V1, %s in the workspace.\n",
	OnV1OnlyInactiveFmt:               "On V1 only (inactive or new): %s\n",
	InTheWorkspaceOnlyFmt:             "In the workspace only: %s\n",
	DossierNotFoundFmt:                "dossier %s not found",
	ERROR:                             "ERROR",
	V1Count:                           "V1 count:",
	ClientAndOutAre:                   "--client and --out are required",
	InManifestFmt:                     "%s, %s, in %s (manifest: %s).\n",
	IsRequiredToSealFmt:               "%s is required to seal the key",
	V1ExportAPIKey2Fmt:                "V1 export API key sealed in workspace %s.",
	APIKey:                            "API key: ",
	EmptyAPIKeyOn:                     "empty API key on standard input",
	FromAndToAre:                      "--from and --to are required",
	MapExpectsCOLUMNFIELDFmt:          "--map expects COLUMN=FIELD, got %s",
	MaxRowsMustBe:                     "--max-rows must be positive",
	ToXlsxOrCsvFmt:                    "--to: .xlsx or .csv extension expected, got %s",
	PercentColonCommaFmt:              "%s: %s, %s, %s\n",
	ColumnIntoFirstAndFmt:             "column “%s”: %s into first and last name (first word = first name, particles such as “de”, “Le” kept with the last name); check them in the file written\n",
	ColumnsNotUsedFmt:                 "columns not used: %s\n",
	LangExpectsFrOrFmt:                "--lang expects fr or en, got %s",
	DemoClientsExpectsAFmt:            "--demo-clients expects a number between 1 and %d",
	DemoAndWorkspaceAre:               "--demo and --workspace are mutually exclusive",
	NoWorkspaceInRunFmt:               "no workspace in %s: run \"bascule\" to create one, or use --demo",
	SeveralWorkspacesUseWorkspaceFmt:  "several workspaces (%s): use --workspace",
	UnknownWorkspaceDatabaseHoldsFmt:  "unknown workspace %s: database %s holds none",
	FolderNotFoundCreateFmt:           "folder %s not found: create it or choose another path",
	ShowBasculesVersion:               "show bascule's version",
	HelpFor:                           "help for ",
	DisableCompletionDescriptions:     "disable completion descriptions",
	HelpAboutAnyCommand:               "Help about any command",
	ShowsTheHelpOf:                    "Shows the help of a command: bascule help [command].",
	GenerateTheAutocompletionScript:   "Generate the autocompletion script for your shell",
	WritesBasculesCompletionScript:    "Writes bascule's completion script for the chosen shell; see each sub-command's help.",
	CompletionScriptForFmt:            "Completion script for %s",
	WritesBasculesCompletionScriptFmt: "Writes bascule's completion script for %s to standard output.\nExample: bascule completion %s > file, then load that file from the shell's configuration.",
	Usage:                             "Usage:",
	Flags:                             " [flags]",
	Command:                           " [command]",
	Examples:                          "Examples:",
	AvailableCommands:                 "Available commands:",
	Flags2:                            "Flags:",
	GlobalFlags:                       "Global flags:",
	HelpOnACommandFmt:                 "Help on a command: \"%s [command] --help\".",
	FlagNeedsAValueFmt:                "flag %s needs a value (see %s --help)",
	UnknownFlagForSeeFmt:              "unknown flag %s for %s (see %s --help)",
	ValueRefusedForFlagFmt:            "value %s refused for flag %s (see %s --help)",
	BadlyWrittenFlagSeeFmt:            "badly written flag: %s (see %s --help)",
	UnreadableFlagsForSeeFmt:          "unreadable flags for %s (see %s --help)",
	HelpUnknownCommandSeeFmt:          "help: unknown command %s (see bascule --help)",
	InternalErrorOfBasculeFmt:         "internal error of bascule in \"%s\": what was saved stays in the database; run again with BASCULE_DEBUG=1 and report the message",
	Interrupted:                       "interrupted",
	WorkspaceExportedToFmt:            "workspace %s exported to %s\n",
	ReplaceAndRenameTo:                "--replace and --rename-to are mutually exclusive",
	DropSecretsOnlyGoes:               "--drop-secrets only goes with --replace",
	ImportCannotOpenTheFmt:            "import: cannot open the file %s",
	NoReadableBackupOfFmt:             "no readable backup of %s",
	DatabaseRestoredFromFmt:           "database restored from %s\n",
	Database:                          "Database:",
	BackupsUnreadable:                 "Backups: unreadable —",
	BackupsNone:                       "Backups: none",
	Backups:                           "Backups",
	N2006010215:                       "2006-01-02 15:04",
	Bytes:                             "bytes",
	StateMISSINGTheDatabaseFmt:        "State: MISSING — the database does not exist while a backup holds data: bascule restore %s\n",
	StateTheDatabaseDoes:              "State: the database does not exist yet (created on first use)",
	StateERROR:                        "State: ERROR —",
	StateDAMAGED:                      "State: DAMAGED —",
	RepairedHeaderPageWasFmt:          "Repaired: header page %d was unreadable; the database was read through the other copy, nothing is lost, and the page was rewritten\n",
	StateGoodSchema:                   "State: good (schema",
	Workspaces:                        "Workspaces",
	Workspace2:                        "workspace ",
	ThePersonalDataOf:                 "the personal data of ",
	EraseForGoodTypeFmt:               "Erase %s for good?\nType %s to confirm: ",
	NoConfirmationNothingWas:          "no confirmation: nothing was erased",
	WrongConfirmationNothingWas:       "wrong confirmation: nothing was erased",
	ErasedFmt:                         "erased: %s\n",
	OutIsRequired:                     "--out is required",
	NoManagerEMail:                    "no manager e-mail for this firm: use --from",
	ToFmt:                             "%s to %s",
	WithoutAKnownRecipientFmt:         " (%d without a known recipient: fill it in)",
	V1ContactsUnavailable:             "V1 contacts unavailable: ",
	V1ContactsTheClientFmt:            "V1 contacts: the client list does not end (%d pages); stopped, the remaining messages have no recipient",
	SourceExpectsV1OrFmt:              "--source expects v1 or comapi, got %s",
	FromV1Fmt:                         "%s, %s, %s, %s from V1.\n",
	NoLongerOnV1sFmt:                  "  ! %s  %s  %s: no longer on V1's list, dossier kept\n",
	FichesIsWrittenAsFmt:              "--fiches is written as html, not %s",
	FormatExpectsMdHtmlFmt:            "--format expects md, html, csv or json, got %s",
	SinceUnreadableDateDateFmt:        "--since: unreadable date, date-time or duration: %s",
	FichesExpectsAllOr:                "--fiches expects all or client ids",
	ExpectsAShareBetweenFmt:           "%s expects a share between 0 and 1",
	ClientsExpectsANumberFmt:          "--clients expects a number between 0 and %d, got %d",
	MigrationDelayAndLatency:          "--migration-delay and --latency expect a positive duration (e.g. 5s)",
	SimulatedPlatformOnClientFmt:      "Simulated platform on %s (client_id bascule, secret sandbox) — Ctrl-C to stop\n",
	IdleTimeoutExpectsA:               "--idle-timeout expects a positive duration and --max-sessions at least 1",
	ServerStoppedDatabaseClosed:       "Server stopped, database closed.",
	NoTeamMemberNobody:                "No team member: nobody can connect (bascule team add NAME --key FILE.pub --role admin).",
	WorkspaceServedOnSshFmt:           "Workspace %s served on %s: ssh -p %s localhost — Ctrl-C to stop\n",
	AddrExpectsHostPortFmt:            "--addr expects host:port (e.g. 127.0.0.1:2222), got %s",
	AddressRefusedTheServerFmt:        "address %s refused: the server listens on the local machine only (127.0.0.1, ::1, localhost) unless --allow-remote",
	CannotListenOnPortFmt:             "cannot listen on %s (port already in use?)",
	HostKeyReadableByFmt:              "host key %s readable by others (%v): chmod 600 %s",
	HostKeyUnreadableDeleteFmt:        "host key %s unreadable: delete it to create a new one (clients will see a new fingerprint)",
	SessionClosedAfterWithoutFmt:      "\r\nSession closed after %s without activity.\r\n",
	UnknownRemoteCommandFmt:           "unknown remote command: %s",
	TheServersWorkspaceIs:             "the server's workspace is missing",
	Total:                             "Total",
	NextStep3:                         "Next step:",
	Estimate:                          ", estimate)",
	Late:                              " — late",
	AnswerToTheRequest:                "Answer to the request due on:",
	WhatBlocksTheMigration:            "What blocks the migration request:",
	Override3:                         "Override:",
	ScopeExpectsCabinetClientFmt:      "--scope expects cabinet, client or payment, got %s",
	STEPPHASESCOPESTATUS:              "STEP\tPHASE\tSCOPE\t§\tSTATUS\tTITLE",
	Reason3:                           " — reason: ",
	Note4:                             " — note: ",
	SeveralClientsHaveSIRENFmt:        "several clients have SIREN %s: give the id",
	UnknownClientThisWorkspaceFmt:     "unknown client: %s (this workspace has no client)",
	StepBelongsToScopeFmt:             "step %s belongs to scope %s, not %s",
	AmbiguousStepGiveTheFmt:           "ambiguous step %s: give the full id (bascule step list)",
	UnknownStepForScopeFmt:            "unknown step %s for scope %s (see bascule step list)",
	SCOPEExpectsCabinetClientFmt:      "SCOPE expects cabinet, client or payment, got %s",
	StatusExpectsTodoInFmt:            "--status expects todo, in_progress, done, blocked or not_applicable, got %s",
	StatusNeedsAReasonFmt:             "status %s needs a reason: --reason",
	ClientDoesNotApply:                "--client does not apply to a firm step",
	StepIsDonePerFmt:                  "step %s is done per client: use --client",
	RunAgainWithReason:                "  (run again with --reason \"…\" to tick anyway: the override is recorded)",
	APIModeThePassphraseFmt:           "API mode: the passphrase is needed to read the credentials (%s, or typed at the terminal)",
	ThisWorkspaceHasNoFmt:             "this workspace has no online access to V1 (mode \"%s\"): check by hand in the wizard",
	V1Check:                           "V1 check:",
	NotSaved:                          "not saved",
	Ready2:                            "ready",
	ToHandle:                          "to handle",
	FailedFmt:                         "%s, %s failed\n",
	RoleExpectsAdminCollaborateurFmt:  "--role expects admin, collaborateur or entreprise, got %s",
	KeyExpectsTheMembers:              "--key expects the member's public key file (.pub)",
	AnEntrepriseMemberSees:            "an \"entreprise\" member sees his company's dossier: use --client",
	MemberAddedKeyFmt:                 "Member added, %s: %s, key %s, %s\n",
	NoMemberAddSome:                   "No member: add some with \"bascule team add\".",
	NAMEROLEKEYCLIENTS:                "NAME\tROLE\tKEY\tCLIENTS",
	RemovedFromTheTeamFmt:             "%s removed from the team\n",
	GiveTheClientsClient:              "give the clients: --client ID… or --from FILE (one of them)",
	InThePortfolioFmt:                 "%s: %s in the portfolio\n",
	InvalidMemberName1Fmt:             "invalid member name %s: 1 to 64 visible characters",
	IsAPrivateKeyFmt:                  "%s is a private key: give the public key (the .pub file); the private key stays with its owner",
	NotAReadableSSHFmt:                "%s: not a readable SSH public key (expected format: \"ssh-ed25519 AAAA…\", as in a .pub file)",
	LineOneClientIdFmt:                "%s, line %d: one client id per line, read %q",
	LineTooLongOrFmt:                  "%s: line too long or unreadable",
	StandardInputUnreadableOrFmt:      "standard input unreadable or too long (over %d bytes)",
	FileTooLargeOverFmt:               "file %s: too large (over %d bytes)",
	APIModeThePassphrase:              "API mode: the passphrase is needed to connect (offline meanwhile)",
	WorkspacePassphraseToConnect2:     "Workspace passphrase: ",
	PassphraseToConnectOffline:        "Connecting to V1/V2; press enter without typing to go on offline.",
	InTeamModeEvery:                   "in team mode, every change goes through the workspace's engine",
	NotOpenToRoleFmt:                  "\"%[1]s\" is not open to %[3]s's role %[2]s",
	FailedDossiersNoun:                Noun{"dossier failed", "dossiers failed"},
	SeveralDemoWorkspacesFmt:          "several demo workspaces (%s): use --workspace %s or --demo-clients N",
	UnknownWorkspaceKnownFmt:          "unknown workspace %s; known workspaces: %s",
	UnknownClientKnownFmt:             "unknown client: %s; known clients: %s",
	AndOthersFmt:                      "… and %s",
	OthersNoun:                        Noun{"more", "more"},
	IsAFolderGiveFmt:                  "%s is a folder: give a file name (for example %s)",
	ReportFileExample:                 "report.html",
	FileReasonFmt:                     "file %s: %s",
	UseReplaceOrRenameFmt:             "%s: use --replace or --rename-to",
	OperationFailed:                   "operation failed",
	NotFound:                          "not found",
	PermissionDenied:                  "permission denied",
	ItIsAFolder:                       "it is a folder, not a file",
	NameAlreadyExists:                 "a folder or file of that name already exists",
	PathPartNotAFolder:                "part of the path is not a folder",
	DiskFull:                          "disk full",
	ReadOnlyFileSystem:                "read-only file system",
	NameTooLong:                       "name too long",
	JSONRoot:                          "(root)",
	JSONFieldCannotHoldFmt:            "JSON: field %q cannot hold a %s value (byte %d)",
	JSONUnreadableNearFmt:             "unreadable JSON near byte %d",
	TruncatedFile:                     "truncated file (unexpected end)",
	UnreadableAddress:                 "unreadable address",
	MissingPort:                       "missing port",
	NetworkError:                      "network error",
	AddressInUse:                      "address already used by another program",
	ConnectionRefused:                 "connection refused",
	AddressNotAvailable:               "address not available on this machine",
	VersionRevision:                   ", revision ",
	VersionOfDate:                     " of ",
	VersionUncommitted:                ", with uncommitted changes",
	MessagesWrittenNoun:               Noun{"message written", "messages written"},
	OpenSessionsNoun:                  Noun{"open session", "open sessions"},
	AlreadyHasWithKeyFmt:              "bascule: %s already has %s with this key; close one.\n",
	SessionInternalError:              "\r\nbascule: internal error, this session is closed; the others go on and what was recorded stays in the database.",
	CompaniesNoun:                     Noun{"company", "companies"},
	DossiersNoun:                      Noun{"dossier", "dossiers"},
	FilesNoun:                         Noun{"file", "files"},
	BytesNoun:                         Noun{"byte", "bytes"},
	ArticlesToReviewNoun:              Noun{"article to review", "articles to review"},
	ClientsCheckedNoun:                Noun{"client checked", "clients checked"},
	UnchangedNoun:                     Noun{"unchanged", "unchanged"},
	AbsentNoun:                        Noun{"missing", "missing"},
	RowsReadNoun:                      Noun{"row read", "rows read"},
	WrittenRowsNoun:                   Noun{"written", "written"},
	RejectedRowsNoun:                  Noun{"rejected", "rejected"},
	ActiveClientsSkippedNoun:          Noun{"active client skipped", "active clients skipped"},
	FullNamesSplitNoun:                Noun{"full name split", "full names split"},
	ArgumentsNoun:                     Noun{"argument", "arguments"},
	UnknownSubcommandFmt:              "unknown command %q for %q (see %s --help)",
	TakesNoArgumentFmt:                "%s takes no argument, got %q",
	TakesExactlyFmt:                   "%s takes %s, got %s (see %s --help)",
	TakesAtMostFmt:                    "%s takes at most %s, got %s",
	UnknownSSHKey:                     "bascule: SSH key unknown to this workspace's team. Ask an admin to add you (bascule team add YOUR_NAME --key your_key.pub --role collaborateur).",
}
