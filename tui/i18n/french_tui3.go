// Maintained by the catalogue tool (/work/tools/catalog): it appends new
// messages; existing ones may be edited by hand.

package i18n

var frenchTUI3 = TUI3Texts{
	SucceededNoun:          Noun{"réussie", "réussies"},
	NotRecordedNoun:        Noun{" non enregistrée", " non enregistrées"},
	ResultsNoun:            Noun{"résultat", "résultats"},
	LinesNoun:              Noun{"ligne", "lignes"},
	ClientsMarkedNoun:      Noun{"client marqué", "clients marqués"},
	RefusedNoun:            Noun{"refusé", "refusés"},
	ClientsSelectedNoun:    Noun{"client sélectionné", "clients sélectionnés"},
	BlockedNoun:            Noun{"bloquée", "bloquées"},
	ClientsHaveNoun:        Noun{"client a", "clients ont"},
	ClientsNoun:            Noun{"client", "clients"},
	SelectedNoun:           Noun{"sélectionné", "sélectionnés"},
	RowsRejectedNoun:       Noun{"ligne refusée", "lignes refusées"},
	ClientsWrittenNoun:     Noun{"client écrit", "clients écrits"},
	StatementsExportedNoun: Noun{"relevé exporté", "relevés exportés"},
	ClientsExportedNoun:    Noun{"client exporté", "clients exportés"},
	AccountsNoun:           Noun{"compte", "comptes"},
	UsersNoun:              Noun{"utilisateur", "utilisateurs"},
	MoreOffScreenNoun:      Noun{"autre hors de l'écran", "autres hors de l'écran"},
	BlockingPointsNoun:     Noun{"point bloquant", "points bloquants"},
	MoreLinesNoun:          Noun{"ligne de plus", "lignes de plus"},
	DossiersCreatedNoun:    Noun{"dossier créé", "dossiers créés"},
	ChangesNoun:            Noun{"changement", "changements"},
}
