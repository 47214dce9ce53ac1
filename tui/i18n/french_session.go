// Maintained by the catalogue tool (/work/tools/catalog): it appends new
// messages; existing ones may be edited by hand.

package i18n

var frenchSession = SessionTexts{
	FirmsOwnDossier:          "dossier du cabinet : ",
	OldSpaceReadOnly:         "ancien espace en lecture seule",
	EverythingMigrated:       "tout a migré",
	ToCheckV1Not:             " à vérifier (V1 non noté avant la bascule ?)",
	PaymentAccountMissingOn:  "compte de paiement absent sur V2",
	PaymentAccountPresent:    "compte de paiement présent",
	ProfileSetLogoUnreadable: "profil mis ; logo illisible, à remettre à la main",
	ProfileSetOnV2:           "profil mis sur V2",
	WithNoRoleNoted2Fmt:      " ; %d sans rôle noté : notez ses rôles",
	WithExactlyTheRoles:      " avec exactement les rôles notés",
	OnV2:                     " sur V2",
	NextInvoiceFmt:           "prochaine facture %s",
	SubscribedToFmt:          "abonnement %s souscrit",
	MyUnisoftTokenNotKept:    "token MyUnisoft non conservé : en générer un nouveau coupera V1",
	NoInactiveDossierOn:      "aucun dossier inactif sur V1",
	TheRequestFailedOn:       "la demande a échoué sur V2 : ",
	PendingInvoicesNoun:      Noun{"facture en attente", "factures en attente"},
	GapsNoun:                 Noun{"écart", "écarts"},
	InvitedNoun:              Noun{"invité", "invités"},
	RoleMismatchesNoun:       Noun{"écart de rôles", "écarts de rôles"},
	PeopleNoun:               Noun{"personne", "personnes"},
	ConnectionsNoun:          Noun{"connexion", "connexions"},
	DossiersImportedNoun:     Noun{"dossier importé", "dossiers importés"},
	RejectedNoun:             Noun{"refusé", "refusés"},
	TheDemoIsNot:             "la démonstration n'est pas disponible ici",
	NoClientToAssign:         "aucun client à affecter",
	UnknownClientQuotedFmt:   "client inconnu : %q",
	UnendingClientListFmt:    "la liste des clients V1 ne finit pas (%d pages)",
	CaptureEntryFieldFmt:     "saisie %d, champ %s : %s",
}
