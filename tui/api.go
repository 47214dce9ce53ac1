package tui

import (
	"sort"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// What the accessible mode (tui/accessible) shares with the full-screen
// program beyond the engine: the first run's questions (the workspace
// itself is created by the engine, session.CreateWorkspace), how evidence
// is told, and a yes/no field's first answer. The work itself — the
// connector checks and jobs, the clients' notices, the summary export — is
// the engine's (tui/session: Check, Job, Engine.NoticesJob,
// Engine.SummaryExport), which both modes call directly.

// FirstRunField is the field whose Validate checks one answer of the
// first run, with the full-screen form's messages: "siren", "legal_name",
// "email", "operator", "export", "api_url", "client_id", "client_secret",
// "passphrase".
func FirstRunField(name string) checklist.Field {
	f := func(label func(*i18n.Messages) string, t checklist.FieldType) checklist.Field {
		return checklist.Field{ID: name, Label: i18n.Text(label), Type: t, Required: true}
	}
	switch name {
	case "siren":
		return f(func(*i18n.Messages) string { return "SIREN" }, checklist.FieldSIREN)
	case "legal_name":
		return f(func(m *i18n.Messages) string { return m.LabelLegalName }, checklist.FieldText)
	case "email":
		return f(func(m *i18n.Messages) string { return m.LabelManagerEmail }, checklist.FieldEmail)
	case "operator":
		return f(func(m *i18n.Messages) string { return m.LabelOperator }, checklist.FieldText)
	case "export":
		return f(func(m *i18n.Messages) string { return m.LabelExportFile }, checklist.FieldFile)
	case "api_url":
		return f(func(m *i18n.Messages) string { return m.LabelV1APIAddress }, checklist.FieldText)
	case "client_id":
		return f(func(m *i18n.Messages) string { return m.LabelClientID }, checklist.FieldText)
	case "client_secret":
		return f(func(m *i18n.Messages) string { return m.LabelClientSecret }, checklist.FieldText)
	case "passphrase":
		p := f(func(m *i18n.Messages) string { return m.LabelPassphrase }, checklist.FieldText)
		p.MinRunes = checklist.MinPassphrase
		return p
	}
	return f(func(*i18n.Messages) string { return name }, checklist.FieldText)
}

// FirstRunModes are the connector modes the first run offers, in its
// order, with the labels both modes show for the choice.
func FirstRunModes(lang checklist.Lang) (modes []Mode, labels []string) {
	return []Mode{ModeDemo, ModeFiles, ModeAPI}, []string{
		i18n.Of(lang).DemoSimulatedPlatform,
		i18n.Of(lang).V1ExportFilesOffline,
		i18n.Of(lang).V1V2API,
	}
}

// ImportSummary is the line the first run shows after reading a V1
// export: "3 dossiers créés depuis l'export V1, 1 ligne refusée".
func ImportSummary(lang checklist.Lang, imported, rejected int) string {
	text := itoa(imported) + " " + plural(imported, i18n.Of(lang).DossiersCreatedNoun.One, i18n.Of(lang).DossiersCreatedNoun.Many) +
		i18n.Of(lang).FromTheV1Export
	if rejected > 0 {
		text += ", " + itoa(rejected) + " " + plural(rejected, i18n.Of(lang).RowsRejectedNoun.One, i18n.Of(lang).RowsRejectedNoun.Many)
	}
	return text
}

// EvidenceFacts are the facts of some evidence that explain its step, as
// "label : value" lines in the user's language (the detail pane's).
func EvidenceFacts(lang checklist.Lang, ev checklist.Evidence) []string {
	keys := make([]string, 0, len(ev.Facts))
	for k := range ev.Facts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		if label := factLabel(lang, k); label != "" {
			out = append(out, label+i18n.Of(lang).Colon+factValue(lang, ev.Facts[k]))
		}
	}
	return out
}

// CheckedWhere says where some evidence was taken, as the user reads it
// after "Vérifié"/"Checked": "sur V1", "sur V2", "par bascule" for a check
// of bascule's own rules, "dans un fichier" for files bascule wrote.
func CheckedWhere(lang checklist.Lang, source string) string {
	switch source {
	case "bascule":
		return i18n.Of(lang).ByBascule
	case "file":
		return i18n.Of(lang).InAFile
	}
	return i18n.Of(lang).On + SourceLabel(lang, source)
}

// SourceLabel names where evidence comes from in a short label: "V1",
// "V2", "fichier", "bascule", "simulation"; an unknown source keeps its
// own name, upper-cased like V1 and V2.
func SourceLabel(lang checklist.Lang, source string) string {
	switch source {
	case "file":
		return i18n.Of(lang).File
	case "bascule":
		return "bascule"
	case "sandbox":
		return i18n.Of(lang).Simulation
	}
	return strings.ToUpper(source)
}

// BoolAnswer is the answer a yes/no capture field starts on: the value
// noted, or for a new item Oui where the guide expects it most of the time
// (a person noted is invited again unless told otherwise), else Non.
func BoolAnswer(fl checklist.Field, value string) bool {
	if value == "" {
		return fl.ID == "reinvite"
	}
	return value == "true"
}
