// Package v2 is the HTTP client of jefacture.com V2: Client implements
// connectors.V2 over the contract documented in package httpapi. Every write
// is a POST carrying an Idempotency-Key (the caller's key, or a random one
// when it is empty), so that it can be retried after a lost answer without
// acting twice. Every string it returns has been through the records'
// Sanitize.
//
// It may import connectors, connectors/httpapi (and its transport) and
// checklist/ident only; never tui, store or the checklist root.
package v2
