// Package v1 is the HTTP client of jefacture.com V1: Client implements
// connectors.V1 over the contract documented in package httpapi (OAuth2
// client credentials, cached token refreshed once on 401, bounded retries
// with jittered backoff, capped Retry-After, rate limit, response size
// limit, plain http refused except to a literal loopback address or the
// exact name localhost). Every string it returns has been through the
// records' Sanitize.
//
// ListClients bounds a listing whatever loop the caller runs: the cursor it
// hands out carries the platform's cursor and the pages, clients and bytes
// read so far, and a listing past MaxListPages, MaxListClients or
// MaxListBytes, or whose platform sends back a cursor already seen, stops
// with connectors.ErrLimit and a French message.
//
// It may import connectors, connectors/httpapi (and its transport) and
// checklist/ident only; never tui, store or the checklist root.
package v1
