// Maintained by the catalogue tool (/work/tools/catalog): it appends new
// messages; existing ones may be edited by hand.

package i18n

// TUI3Texts holds texts of the TUI area (part 3), one field per message.
type TUI3Texts struct {
	SucceededNoun          Noun
	NotRecordedNoun        Noun
	ResultsNoun            Noun
	LinesNoun              Noun
	ClientsMarkedNoun      Noun
	RefusedNoun            Noun
	ClientsSelectedNoun    Noun
	BlockedNoun            Noun
	ClientsHaveNoun        Noun
	ClientsNoun            Noun
	SelectedNoun           Noun
	RowsRejectedNoun       Noun
	ClientsWrittenNoun     Noun
	StatementsExportedNoun Noun
	ClientsExportedNoun    Noun
	AccountsNoun           Noun
	UsersNoun              Noun
	MoreOffScreenNoun      Noun
	BlockingPointsNoun     Noun
	MoreLinesNoun          Noun
	DossiersCreatedNoun    Noun
	ChangesNoun            Noun
}

var englishTUI3 = TUI3Texts{
	SucceededNoun:          Noun{"succeeded", "succeeded"},
	NotRecordedNoun:        Noun{" not recorded", " not recorded"},
	ResultsNoun:            Noun{"result", "results"},
	LinesNoun:              Noun{"line", "lines"},
	ClientsMarkedNoun:      Noun{"client marked", "clients marked"},
	RefusedNoun:            Noun{"refused", "refused"},
	ClientsSelectedNoun:    Noun{"client selected", "clients selected"},
	BlockedNoun:            Noun{"blocked", "blocked"},
	ClientsHaveNoun:        Noun{"client has", "clients have"},
	ClientsNoun:            Noun{"client", "clients"},
	SelectedNoun:           Noun{"selected", "selected"},
	RowsRejectedNoun:       Noun{"row rejected", "rows rejected"},
	ClientsWrittenNoun:     Noun{"client written", "clients written"},
	StatementsExportedNoun: Noun{"statement exported", "statements exported"},
	ClientsExportedNoun:    Noun{"client exported", "clients exported"},
	AccountsNoun:           Noun{"account", "accounts"},
	UsersNoun:              Noun{"user", "users"},
	MoreOffScreenNoun:      Noun{"more off screen", "more off screen"},
	BlockingPointsNoun:     Noun{"blocking point", "blocking points"},
	MoreLinesNoun:          Noun{"more line", "more lines"},
	DossiersCreatedNoun:    Noun{"dossier created", "dossiers created"},
	ChangesNoun:            Noun{"change", "changes"},
}
