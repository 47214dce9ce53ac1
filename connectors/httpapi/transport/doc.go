// Package transport is the client side of the httpapi contract, shared by
// the V1 and V2 clients: OAuth2 client-credentials token cached until shortly
// before expires_in and refreshed once on a 401; an http.Client with
// timeouts (never http.DefaultClient) that refuses redirects; a rate limiter;
// bounded retries with full-jitter exponential backoff on 429, 5xx, network
// errors and unreadable answers, honouring Retry-After up to a cap; POSTs
// always carry an Idempotency-Key and are retried only under it; answers
// read within a size limit; every failure mapped to a connectors sentinel
// error with a French message.
//
// A platform that authenticates with fixed headers instead (V1's
// file-export API, connectors/comapi) sets Config.Headers, and
// Config.StatusOnlyErrors when its error bodies are not this contract's;
// Fetch returns a body as it came (a JSON list to check, a file).
//
// Callers sanitise what they decode (the records' Sanitize); transport
// sanitises the error messages it reads. It imports connectors and httpapi
// only.
package transport
