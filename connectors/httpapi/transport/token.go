package transport

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/httpapi"
)

// accessToken returns a valid token, requesting one if none is cached or
// the cached one is about to expire.
func (c *Client) accessToken(ctx context.Context, op string) (string, attempt) {
	if tok, ok := c.cachedToken(); ok {
		return tok, attempt{}
	}
	select {
	case c.tokenSem <- struct{}{}:
	case <-ctx.Done():
		return "", attempt{err: cancelled(op, ctx, ctx.Err())}
	}
	defer func() { <-c.tokenSem }()
	if tok, ok := c.cachedToken(); ok { // another caller just got one
		return tok, attempt{}
	}
	return c.fetchToken(ctx, op)
}

func (c *Client) cachedToken() (string, bool) {
	c.tokMu.Lock()
	defer c.tokMu.Unlock()
	return c.token, c.token != "" && c.cfg.Now().Before(c.expiry)
}

// forgetToken drops tok if it is still the cached one (another caller may
// already have replaced it).
func (c *Client) forgetToken(tok string) {
	c.tokMu.Lock()
	if c.token == tok {
		c.token = ""
	}
	c.tokMu.Unlock()
}

func (c *Client) fetchToken(ctx context.Context, op string) (string, attempt) {
	form := url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {c.cfg.ClientID},
		"client_secret": {c.cfg.ClientSecret},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint(httpapi.PathToken, nil), strings.NewReader(form.Encode()))
	if err != nil {
		return "", attempt{err: &connectors.Error{Op: op, Kind: connectors.ErrInvalid,
			French: "requête de jeton impossible à construire", English: "cannot build token request", Err: err}}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	status, hdr, data, a := c.send(op, req, c.cfg.MaxResponseBytes)
	if a.err != nil {
		return "", a
	}
	if status != http.StatusOK {
		a := c.errorFrom(op, status, hdr, data)
		if status == http.StatusUnauthorized || status == http.StatusBadRequest || status == http.StatusForbidden {
			// Wrong credentials: retrying will not help, say so plainly.
			a.err.Kind = connectors.ErrUnauthorized
			a.err.French = "jeton d'accès refusé : identifiant ou secret client incorrect"
			a.err.English = "access token refused: wrong client id or secret"
			a.retry = false
		}
		return "", a
	}
	var tr httpapi.TokenResponse
	if err := json.Unmarshal(data, &tr); err != nil || tr.AccessToken == "" {
		return "", attempt{retry: true, err: &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
			French: "réponse de jeton illisible", English: "unreadable token answer", Err: err}}
	}
	if tr.TokenType != "" && !strings.EqualFold(tr.TokenType, "bearer") {
		return "", attempt{err: &connectors.Error{Op: op, Kind: connectors.ErrUnauthorized,
			French:  "type de jeton non pris en charge : " + connectors.Sanitize(tr.TokenType),
			English: "unsupported token type: " + connectors.Sanitize(tr.TokenType)}}
	}
	life := time.Duration(tr.ExpiresIn) * time.Second
	if life <= 0 {
		life = time.Minute // no lifetime given: assume short, the 401 path covers the rest
	}
	// Renew a little before the announced end (10 %, at most 30 s) so that
	// a request does not leave with a token that expires on the way.
	life -= min(life/10, 30*time.Second)
	c.tokMu.Lock()
	c.token, c.expiry = tr.AccessToken, c.cfg.Now().Add(life)
	c.tokMu.Unlock()
	return tr.AccessToken, attempt{}
}
