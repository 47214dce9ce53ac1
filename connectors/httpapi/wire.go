package httpapi

import (
	"net/url"

	"github.com/bascule-cli/bascule/connectors"
)

// Paths of the contract. Path parameters are written {name}; a client fills
// them with Path, which escapes each value as one path segment.
const (
	PathToken = "/oauth2/client_credential/gettoken"

	PathV1Cabinet        = "/v1/cabinet"
	PathV1Clients        = "/v1/clients"
	PathV1ClientSnapshot = "/v1/clients/{client_id}/snapshot"
	PathV1Status         = "/v1/status"

	PathV2Registration      = "/v2/registration"
	PathV2MigrationRequests = "/v2/migration-requests"
	PathV2MigrationRequest  = "/v2/migration-requests/{reference}"
	PathV2Inventory         = "/v2/companies/{siren}/inventory"
	PathV2Users             = "/v2/spaces/{space}/users"
	PathV2ClientImports     = "/v2/spaces/cabinet/client-imports"
	PathV2Profile           = "/v2/companies/{siren}/profile"
	PathV2BankAccounts      = "/v2/companies/{siren}/bank-accounts"
	PathV2Numbering         = "/v2/companies/{siren}/numbering"
	PathV2Integrations      = "/v2/spaces/{space}/integrations"
	PathV2Subscription      = "/v2/companies/{siren}/subscription"
)

// Header names of the contract.
const (
	HeaderIdempotencyKey = "Idempotency-Key"
	HeaderRetryAfter     = "Retry-After"
	// HeaderReplayed is set to "true" on a response served from the
	// idempotency cache, so a client (and a test) can tell a replay apart.
	HeaderReplayed = "Idempotency-Replayed"
)

// Path fills the {name} parameters of pattern with values, in order, each
// escaped as a single path segment (a "/" inside a value cannot change the
// route).
func Path(pattern string, values ...string) string {
	out := make([]byte, 0, len(pattern)+16)
	v := 0
	for i := 0; i < len(pattern); i++ {
		if pattern[i] != '{' {
			out = append(out, pattern[i])
			continue
		}
		j := i
		for j < len(pattern) && pattern[j] != '}' {
			j++
		}
		if v < len(values) {
			out = append(out, url.PathEscape(values[v])...)
			v++
		}
		i = j
	}
	return string(out)
}

// TokenResponse is the body of a successful token request.
type TokenResponse struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"` // always "Bearer"
	ExpiresIn   int    `json:"expires_in"` // seconds
}

// ErrorBody is the body of every error response.
type ErrorBody struct {
	Code      string `json:"code"` // connectors.Code of the error: "not_found"…
	MessageFR string `json:"message_fr"`
	MessageEN string `json:"message_en"`
	Field     string `json:"field,omitempty"`
}

// ClientPage is one page of GET /v1/clients.
type ClientPage struct {
	Items      []connectors.Client `json:"items"`
	NextCursor string              `json:"next_cursor"` // "" on the last page
}

// ReadOnlyStatus is the body of GET /v1/status.
type ReadOnlyStatus struct {
	ReadOnly bool `json:"read_only"`
}

// ClientImport is the body of POST /v2/spaces/cabinet/client-imports.
type ClientImport struct {
	Clients []connectors.Client `json:"clients"`
}

// Status returns the HTTP status the contract uses for an error code.
// An unknown code is a server error (500).
func Status(code string) int {
	switch code {
	case "invalid":
		return 400
	case "unauthorized":
		return 401
	case "not_found":
		return 404
	case "conflict":
		return 409
	case "read_only":
		return 423
	case "rate_limited":
		return 429
	case "unavailable":
		return 503
	}
	return 500
}

// Kind returns the connectors sentinel error for an error code of the
// contract, falling back on the HTTP status when the code is unknown or
// missing (a proxy's HTML error page has none). It returns nil for a 2xx or
// 3xx status with no code.
func Kind(code string, status int) error {
	switch code {
	case "invalid":
		return connectors.ErrInvalid
	case "unauthorized":
		return connectors.ErrUnauthorized
	case "not_found":
		return connectors.ErrNotFound
	case "conflict":
		return connectors.ErrConflict
	case "read_only":
		return connectors.ErrReadOnly
	case "rate_limited":
		return connectors.ErrRateLimited
	case "unavailable":
		return connectors.ErrUnavailable
	}
	switch {
	case status == 401 || status == 403:
		return connectors.ErrUnauthorized
	case status == 404 || status == 410:
		return connectors.ErrNotFound
	case status == 409:
		return connectors.ErrConflict
	case status == 423:
		return connectors.ErrReadOnly
	case status == 429:
		return connectors.ErrRateLimited
	case status >= 500:
		return connectors.ErrUnavailable
	case status >= 400:
		return connectors.ErrInvalid
	}
	return nil
}
