// Package httpapi defines bascule's HTTP contract for jefacture.com V1 and
// V2, serves it over any implementation of the connectors ports (NewServer,
// the sandbox in practice, with fault injection), and binds it to loopback
// (Listen, Serve, ListenAndServe). The clients are in connectors/v1 and
// connectors/v2, on top of connectors/httpapi/transport.
//
// Jefacture does not publish V1's API nor V2's user, product and migration
// endpoints; this contract is ours, modelled on V2's public style. It
// imports connectors only.
//
// # Authentication
//
// OAuth2 client credentials:
//
//	POST /oauth2/client_credential/gettoken
//	Content-Type: application/x-www-form-urlencoded
//	grant_type=client_credentials&client_id=…&client_secret=…
//
//	200 {"access_token": "…", "token_type": "Bearer", "expires_in": 3600}
//	400 invalid (grant_type), 401 unauthorized (wrong id or secret)
//
// Every other request carries "Authorization: Bearer <access_token>". A
// missing, unknown or expired token gets 401 with
// `WWW-Authenticate: Bearer error="invalid_token"`: the client gets a new
// token and retries once. The lifetime announced by expires_in may be longer
// than the real one (the platform's docs disagree, 5 or 60 min), so clients
// must not trust it alone. A 403 (code unauthorized) means the credentials
// are good but the space refuses the application (not whitelisted): a new
// token does not help.
//
// # Conventions
//
// Bodies are JSON, UTF-8, keys in English snake_case, exactly the JSON of
// the connectors records (connectors.Client, connectors.V1Snapshot…).
// Times are RFC 3339. Request bodies are decoded strictly: an unknown field
// is refused (400), so that a client drifting from the contract hears of it.
// A request body is at most 4 MiB by default (413 beyond).
//
// Every POST carries an Idempotency-Key header (1 to 255 characters). The
// first answer given under a key is stored; the same key with the same
// method, path and body gets that stored answer again (header
// Idempotency-Replayed: true) and the platform does not act a second time;
// the same key with anything else gets 409 conflict. Answers that say
// "try again" (429, 5xx, 401) are not stored. A second request arriving
// while the first is running waits for it. So a POST whose answer was lost
// may be retried, under the same key, and only then.
//
// Lists are paged by cursor: ?cursor=<opaque>&limit=<n> (limit 0 or absent:
// the platform chooses; capped at 1,000). The answer is
// {"items": […], "next_cursor": "…"}, with next_cursor "" on the last page.
//
// Path parameters are single, percent-escaped path segments.
//
// # Errors
//
// Every error answer has the body
//
//	{"code": "not_found", "message_fr": "…", "message_en": "…", "field": "siren"}
//
// where code is the connectors error code and field names the offending
// value for "invalid" (omitted otherwise). Statuses:
//
//	400 invalid          a value is refused (field says which)
//	401 unauthorized     token missing, unknown or expired: refresh once
//	403 unauthorized     the application is not allowed on this space
//	404 not_found        no such dossier, reference, company or route
//	409 conflict         exists already, or idempotency key reused
//	413 invalid          request body too large
//	423 read_only        V1 is read-only since the migration
//	429 rate_limited     slow down; Retry-After: <seconds>
//	500 unavailable      unexpected server error (message hides internals)
//	503 unavailable      try again later; Retry-After: <seconds>
//
// Clients retry 429, 500, 502, 503 and 504, honouring Retry-After up to a
// cap; 429 and 503 always carry Retry-After (delay-seconds). Other 4xx are
// final.
//
// # V1 endpoints (read only)
//
//	GET /v1/cabinet                        200 connectors.CabinetSnapshot
//	GET /v1/clients?cursor=&limit=         200 {"items": [connectors.Client], "next_cursor": ""}
//	GET /v1/clients/{client_id}/snapshot   200 connectors.V1Snapshot | 404
//	GET /v1/status                         200 {"read_only": false}
//
// # V2 endpoints
//
// A {space} is "cabinet" or a company's SIREN; a {siren} is a company's.
//
//	GET  /v2/registration                     200 connectors.RegistrationStatus
//	POST /v2/migration-requests               body connectors.MigrationSubmission
//	                                          201 connectors.MigrationRequest
//	                                          (idempotency_key in the body, if set,
//	                                          must equal the header's; empty: the header's)
//	GET  /v2/migration-requests/{reference}   200 connectors.MigrationRequest | 404
//	GET  /v2/companies/{siren}/inventory      200 connectors.Inventory | 404
//	POST /v2/spaces/{space}/users             body connectors.User, 201 connectors.User | 409
//	POST /v2/spaces/cabinet/client-imports    body {"clients": [connectors.Client]}
//	                                          200 connectors.ImportResult
//	POST /v2/companies/{siren}/profile        body connectors.Profile, 204
//	POST /v2/companies/{siren}/bank-accounts  body connectors.BankAccount, 204
//	POST /v2/companies/{siren}/numbering      body connectors.Numbering, 204
//	POST /v2/spaces/{space}/integrations      body connectors.Integration, 204
//	POST /v2/companies/{siren}/subscription   body connectors.Subscription, 204
//
// Every POST above requires Idempotency-Key; a missing one is 400 (field
// Idempotency-Key).
//
// # The server
//
// NewServer serves this contract over connectors.V1 and connectors.V2
// values. ServerOptions sets the credentials, the token lifetime (real and
// announced), the body limit, the idempotency cache size, and Faults: added
// latency, shares of 429 (with Retry-After), 503, dropped connections
// (before or after the port acted), cut JSON bodies and hostile strings
// (escape sequences, controls, bidi overrides in names), all decided by a
// generator seeded with Faults.Seed. Listen refuses a non-loopback address
// unless ListenOptions.AllowRemote.
//
// # V1's file-export API (comapi)
//
// With ServerOptions.Files set, the server also serves jefacture V1's
// file-export API under /comapi/v1 (comapi.go): GET /enterprise, GET
// /invoice/{siren}/{AP|AR}/{Transfer|Archived} and the files' download
// URLs, authenticated by X-SOFTWARE-ID (any) and X-API-KEY
// (ServerOptions.ComapiAPIKey, default "sandbox") instead of a token. That
// contract is jefacture's, known from public client code only, not
// bascule's: it may change. Faults apply before these routes; cut and
// hostile bodies apply to their JSON answers, not to downloads.
package httpapi
