// Package sweep runs the readiness sweep of the wizard: it fetches the V1
// snapshot of many client dossiers at once, with bounded concurrency,
// carrying on past a failed dossier, reporting progress, and returning the
// results in input order. A cabinet can hold 12,000 dossiers: fetched one by
// one over a network that is an hour; sixteen at a time it is minutes.
//
// It works on the connectors.V1 port, whatever the adapter behind it (HTTP
// client, sandbox). It imports connectors only; never tui, store or the
// checklist root.
package sweep
