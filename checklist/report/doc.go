// Package report builds and renders the migration report that a consultant
// prints at the end of a session and a cabinet keeps: the guide's §4 summary
// for the cabinet and for each client, progress by phase, what blocks the
// migration request, the overrides with their reasons and the audit of the
// session.
//
// Build turns a checklist.Run and audit entries into a Report, already in one
// language and with IBANs masked unless asked otherwise; Write renders it as
// Markdown, self-contained HTML (A4 print rules, no external resource), CSV
// for French Excel (UTF-8 with BOM, ';') or JSON.
//
// The package is pure: no I/O beyond the io.Writer it is given, no clock of
// its own. It imports checklist and its pure sub-packages only — never store,
// tui or the connector adapters: callers convert their audit events into
// Entry values.
package report
