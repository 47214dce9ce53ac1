// Package report builds and renders the migration dossier that a consultant
// prints at the end of a session and a cabinet keeps: the guide's §4 summary
// for the cabinet and for each client, progress by phase, what blocks the
// migration request, the overrides with their reasons, what was recorded on
// every step (status, reason, note, who and when, evidence, the values of
// the capture forms) and the session's journal told in sentences.
//
// LoadStates reads the step records through a Source (*store.DB and the
// program's store both are one): the command line and the program's export
// gather them with this one function, so their reports say the same. Build
// turns a checklist.Run, those records and audit entries into a Report,
// already in one language and with IBANs masked unless asked otherwise.
//
// Write renders it as Markdown, self-contained HTML, CSV or JSON:
//   - the HTML cabinet report stays a few A4 pages whatever the number of
//     clients: each §4 line counted across clients, blockers grouped by kind
//     with the first clients named and the rest counted, the clients' notes
//     and the journal cut after a few dozen lines;
//   - WriteFiches writes the "fiche de migration" of one client, a
//     selection or all, one A4 page each (two at most): what was noted
//     before, what V2 holds now, what is left and who does it;
//   - the CSV is for French Excel (UTF-8 with BOM, ';', CRLF); a SIREN is
//     written ="012345674" so that Excel keeps it as text with its leading
//     zero, and any other cell starting with =, +, -, @, a tab or a carriage
//     return gets a leading apostrophe so that it never runs as a formula;
//   - Markdown, CSV and JSON carry every client's records in full.
//
// Its texts are its own catalogue (texts_catalogue.go, texts_english_*.go,
// texts_french_*.go: one struct per language, reached by textsOf(lang)),
// since checklist cannot import tui/i18n.
//
// The package is pure: no I/O beyond the io.Writer and the Source it is
// given, no clock of its own. It imports checklist and its pure
// sub-packages only — never store, tui or the connector adapters: audit
// events become Entry values with EntriesOf, whose Action is the store's
// action id. The engine (tui/session.Report) is the one place a report is
// built from a workspace for a file, for every front end.
package report
