// Package connectors holds what bascule exchanges with jefacture.com V1 and V2:
// the records (cabinet, client, user, invoice counts, article, numbering, bank
// account, integration, inventory…), the two ports V1 and V2 that the checklist
// and the TUI are written against, the typed errors those ports return, and
// Sanitize, the one function every adapter applies to every string that comes
// from outside (an API, a CSV or xlsx file) before it reaches a record.
//
// The package does no I/O. It imports only the standard library and nothing of
// the project. Adapters live in sub-packages and import this one, never the
// reverse:
//
//	connectors/sandbox  the simulated platform (demo, training, tests)
//	connectors/v1       jefacture.com V1: HTTP client and export-file readers
//	connectors/v2       jefacture.com V2: HTTP client and import-file writers
//	connectors/files    CSV / xlsx reading and writing shared by the adapters
//	connectors/comapi   V1's file-export API ("comapi"): client companies,
//	                    invoice files per folder, archive download
//
// The V1Files port and its records (v1files.go) follow V1's file-export API as
// public client code shows it, not an official document: that contract may
// change, so its client refuses any answer of another shape.
//
// Records carry counts, never amounts, and never a secret value: credentials
// for accounting software are kept by the store, encrypted, not here.
package connectors
