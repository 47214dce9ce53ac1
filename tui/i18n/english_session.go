// Maintained by the catalogue tool (/work/tools/catalog): it appends new
// messages; existing ones may be edited by hand.

package i18n

// SessionTexts holds texts of the Session area (part 1), one field per message.
type SessionTexts struct {
	FirmsOwnDossier          string
	OldSpaceReadOnly         string
	EverythingMigrated       string
	ToCheckV1Not             string
	PaymentAccountMissingOn  string
	PaymentAccountPresent    string
	ProfileSetLogoUnreadable string
	ProfileSetOnV2           string
	WithNoRoleNoted2Fmt      string
	WithExactlyTheRoles      string
	OnV2                     string
	NextInvoiceFmt           string
	SubscribedToFmt          string
	MyUnisoftTokenNotKept    string
	NoInactiveDossierOn      string
	TheRequestFailedOn       string
	PendingInvoicesNoun      Noun
	GapsNoun                 Noun
	InvitedNoun              Noun
	RoleMismatchesNoun       Noun
	PeopleNoun               Noun
	ConnectionsNoun          Noun
	DossiersImportedNoun     Noun
	RejectedNoun             Noun
	TheDemoIsNot             string
	NoClientToAssign         string
	UnknownClientQuotedFmt   string
	UnendingClientListFmt    string
	CaptureEntryFieldFmt     string
}

var englishSession = SessionTexts{
	FirmsOwnDossier:          "firm's own dossier: ",
	OldSpaceReadOnly:         "old space read-only",
	EverythingMigrated:       "everything migrated",
	ToCheckV1Not:             " to check (V1 not noted before the switch?)",
	PaymentAccountMissingOn:  "payment account missing on V2",
	PaymentAccountPresent:    "payment account present",
	ProfileSetLogoUnreadable: "profile set; logo unreadable, put it by hand",
	ProfileSetOnV2:           "profile set on V2",
	WithNoRoleNoted2Fmt:      "; %d with no role noted: note their roles",
	WithExactlyTheRoles:      " with exactly the roles noted",
	OnV2:                     " on V2",
	NextInvoiceFmt:           "next invoice %s",
	SubscribedToFmt:          "subscribed to %s",
	MyUnisoftTokenNotKept:    "MyUnisoft token not kept: a new one cuts V1",
	NoInactiveDossierOn:      "no inactive dossier on V1",
	TheRequestFailedOn:       "the request failed on V2: ",
	PendingInvoicesNoun:      Noun{"pending invoice", "pending invoices"},
	GapsNoun:                 Noun{"gap", "gaps"},
	InvitedNoun:              Noun{"invited", "invited"},
	RoleMismatchesNoun:       Noun{"role mismatch", "role mismatches"},
	PeopleNoun:               Noun{"person", "people"},
	ConnectionsNoun:          Noun{"connection", "connections"},
	DossiersImportedNoun:     Noun{"dossier imported", "dossiers imported"},
	RejectedNoun:             Noun{"rejected", "rejected"},
	TheDemoIsNot:             "the demo is not available here",
	NoClientToAssign:         "no client to assign",
	UnknownClientQuotedFmt:   "unknown client: %q",
	UnendingClientListFmt:    "V1's client list does not end (%d pages)",
	CaptureEntryFieldFmt:     "entry %d, field %s: %s",
}
