// Package v1 is the HTTP client of jefacture.com V1: Client implements
// connectors.V1 over the contract documented in package httpapi (OAuth2
// client credentials, cached token refreshed once on 401, bounded retries
// with jittered backoff, capped Retry-After, rate limit, response size
// limit, plain http refused except to loopback). Every string it returns has
// been through the records' Sanitize.
//
// It may import connectors, connectors/httpapi (and its transport) and
// checklist/ident only; never tui, store or the checklist root.
package v1
