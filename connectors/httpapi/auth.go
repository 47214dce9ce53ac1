package httpapi

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"math"
	"net/http"
	"strings"

	"github.com/bascule-cli/bascule/connectors"
)

// serveToken issues an access token for the client-credentials grant.
func (s *Server) serveToken(w http.ResponseWriter, r *http.Request) {
	if !s.before(w, r) {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		writeReply(w, errorReply(connectors.Invalid("", "body", "formulaire illisible", "unreadable form")))
		return
	}
	if gt := r.PostForm.Get("grant_type"); gt != "client_credentials" {
		writeReply(w, errorReply(connectors.Invalid("", "grant_type",
			"grant_type doit valoir client_credentials", "grant_type must be client_credentials")))
		return
	}
	id, secret := r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	okID := subtle.ConstantTimeCompare([]byte(id), []byte(s.opts.ClientID)) == 1
	okSecret := subtle.ConstantTimeCompare([]byte(secret), []byte(s.opts.ClientSecret)) == 1
	if !okID || !okSecret {
		writeReply(w, errorReply(&connectors.Error{Kind: connectors.ErrUnauthorized,
			French:  "identifiant ou secret client incorrect",
			English: "wrong client id or secret"}))
		return
	}
	var raw [32]byte
	rand.Read(raw[:])
	tok := hex.EncodeToString(raw[:])
	now := s.opts.Now()
	s.tokMu.Lock()
	for t, exp := range s.tokens { // forget expired tokens so the map stays small
		if !now.Before(exp) {
			delete(s.tokens, t)
		}
	}
	s.tokens[tok] = now.Add(s.opts.TokenLifetime)
	s.tokMu.Unlock()
	s.stats.tokens.Add(1)
	w.Header().Set("Cache-Control", "no-store")
	s.after(w, jsonReply(http.StatusOK, TokenResponse{
		AccessToken: tok,
		TokenType:   "Bearer",
		ExpiresIn:   int(math.Ceil(s.opts.AdvertisedTokenLifetime.Seconds())),
	}))
}

func (s *Server) authorized(r *http.Request) bool {
	auth := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(auth, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || tok == "" {
		return false
	}
	s.tokMu.Lock()
	exp, ok := s.tokens[tok]
	s.tokMu.Unlock()
	return ok && s.opts.Now().Before(exp)
}
