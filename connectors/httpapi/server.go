package httpapi

import (
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"net/http"
	"path"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bascule-cli/bascule/connectors"
)

// ServerOptions configures NewServer. The zero value is usable: client id
// "bascule", secret "sandbox", one-hour tokens, no faults.
type ServerOptions struct {
	ClientID     string // default "bascule"
	ClientSecret string // default "sandbox"

	// TokenLifetime is how long an issued token is accepted (default 1 h).
	TokenLifetime time.Duration
	// AdvertisedTokenLifetime is what expires_in says (default
	// TokenLifetime). Jefacture's docs disagree on the lifetime (5 or 60
	// min): advertising more than TokenLifetime makes clients meet a 401 on
	// a token they believe valid, which they must survive by refreshing.
	AdvertisedTokenLifetime time.Duration

	// MaxBodyBytes bounds a request body (default 4 MiB: a logo travels
	// inside the profile body). A larger body gets 413.
	MaxBodyBytes int64

	// IdempotencyCacheSize bounds the replay cache (default 10,000
	// entries; the oldest are forgotten first).
	IdempotencyCacheSize int

	// MaxPageLimit caps the limit of GET /v1/clients (default 1,000).
	MaxPageLimit int

	// Files, when set, is served as V1's file-export API (comapi) under
	// /comapi/v1, authenticated by the X-SOFTWARE-ID and X-API-KEY headers
	// instead of a token; see comapi.go.
	Files connectors.V1Files
	// ComapiAPIKey is the X-API-KEY the comapi routes accept (default
	// "sandbox"); any non-empty X-SOFTWARE-ID is accepted.
	ComapiAPIKey string

	// Faults to inject; none by default.
	Faults Faults

	// Now is the clock for token expiry (default time.Now).
	Now func() time.Time
}

// Faults describes the failures the server injects, each decided per
// request by a random generator seeded with Seed, so that a failing test can
// be replayed. Shares are probabilities in [0, 1].
type Faults struct {
	Seed uint64

	// Latency is added to every request (honouring the request context).
	Latency time.Duration

	// RateLimited is the share of requests refused with 429 and a
	// Retry-After of RetryAfter (default 1 s) before anything is done.
	RateLimited float64
	RetryAfter  time.Duration

	// ServerErrors is the share of requests answered 503. Half of them
	// happen after the port has acted (the answer is lost, not the work):
	// only the idempotency key makes retrying such a POST safe.
	ServerErrors float64

	// Drops is the share of requests whose connection is closed without an
	// answer, half before and half after the port has acted.
	Drops float64

	// Malformed is the share of successful answers whose JSON body is cut
	// short, as a faulty proxy would.
	Malformed float64

	// Hostile is the share of successful answers whose human-readable
	// strings (names, labels, messages) are wrapped in terminal escape
	// sequences, control characters and bidi overrides. The client must
	// sanitise them back to the plain values.
	Hostile float64
}

// Stats counts what the server did; see Server.Stats.
type Stats struct {
	Requests     int64 // every request received
	TokensIssued int64
	Unauthorized int64 // 401 answers for a missing, unknown or expired token
	PortWrites   int64 // POST handlers run: at most once per idempotency key
	Replays      int64 // POSTs answered from the idempotency cache
	Injected429  int64
	Injected5xx  int64
	Dropped      int64
	Malformed    int64
	Hostile      int64
}

// Server serves the HTTP contract (see the package documentation) over any
// implementation of the V1 and V2 ports.
type Server struct {
	v1   connectors.V1
	v2   connectors.V2
	opts ServerOptions
	mux  *http.ServeMux

	rng *lockedRand

	tokMu  sync.Mutex
	tokens map[string]time.Time // token -> expiry

	idem *idempotencyCache

	stats struct {
		requests, tokens, unauthorized, writes, replays atomic.Int64
		f429, f5xx, dropped, malformed, hostile         atomic.Int64
	}
}

// NewServer returns the handler of the contract over v1 and v2. Either port
// may be nil; its routes then answer 503.
func NewServer(v1 connectors.V1, v2 connectors.V2, opts ServerOptions) *Server {
	if opts.ClientID == "" {
		opts.ClientID = "bascule"
	}
	if opts.ClientSecret == "" {
		opts.ClientSecret = "sandbox"
	}
	if opts.TokenLifetime <= 0 {
		opts.TokenLifetime = time.Hour
	}
	if opts.AdvertisedTokenLifetime <= 0 {
		opts.AdvertisedTokenLifetime = opts.TokenLifetime
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = 4 << 20
	}
	if opts.IdempotencyCacheSize <= 0 {
		opts.IdempotencyCacheSize = 10000
	}
	if opts.MaxPageLimit <= 0 {
		opts.MaxPageLimit = 1000
	}
	if opts.ComapiAPIKey == "" {
		opts.ComapiAPIKey = "sandbox"
	}
	if opts.Faults.RetryAfter <= 0 {
		opts.Faults.RetryAfter = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Server{
		v1:     v1,
		v2:     v2,
		opts:   opts,
		mux:    http.NewServeMux(),
		rng:    newLockedRand(opts.Faults.Seed),
		tokens: make(map[string]time.Time),
		idem:   newIdempotencyCache(opts.IdempotencyCacheSize),
	}
	s.routes()
	return s
}

// Stats returns a snapshot of the server's counters.
func (s *Server) Stats() Stats {
	return Stats{
		Requests:     s.stats.requests.Load(),
		TokensIssued: s.stats.tokens.Load(),
		Unauthorized: s.stats.unauthorized.Load(),
		PortWrites:   s.stats.writes.Load(),
		Replays:      s.stats.replays.Load(),
		Injected429:  s.stats.f429.Load(),
		Injected5xx:  s.stats.f5xx.Load(),
		Dropped:      s.stats.dropped.Load(),
		Malformed:    s.stats.malformed.Load(),
		Hostile:      s.stats.hostile.Load(),
	}
}

// RevokeTokens forgets every issued token, as a platform does when an
// administrator revokes the application: the next call of each client
// meets a 401.
func (s *Server) RevokeTokens() {
	s.tokMu.Lock()
	clear(s.tokens)
	s.tokMu.Unlock()
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.stats.requests.Add(1)
	if r.RequestURI == "*" {
		// The mux would answer an empty 400: keep to the JSON contract.
		writeReply(w, errorReply(connectors.Invalid("", "path",
			"cible de requête « * » non prise en charge", `request target "*" not supported`)))
		return
	}
	if p := r.URL.Path; p != "" && path.Clean(p) != p {
		// The mux would redirect an unclean path ("/v2//", "/a/../b") with a
		// text 301 or 307: answer the contract's JSON 404 instead.
		writeReply(w, unknownRoute(r))
		return
	}
	s.mux.ServeHTTP(w, r)
}

// unknownRoute is the contract's JSON 404 for a path it does not define.
func unknownRoute(r *http.Request) reply {
	return errorReply(&connectors.Error{Kind: connectors.ErrNotFound,
		French:  "route inconnue : " + r.Method + " " + r.URL.Path,
		English: "unknown route: " + r.Method + " " + r.URL.Path})
}

// handler computes the answer of one route. key is the Idempotency-Key of a
// POST, body its bytes (already size-checked).
type handler func(ctx context.Context, r *http.Request, key string, body []byte) reply

// route kinds.
const (
	routeRead  = iota // GET, token required
	routeWrite        // POST, token and Idempotency-Key required, replayable
)

func (s *Server) routes() {
	s.mux.HandleFunc("POST "+PathToken, s.serveToken)

	s.handle("GET "+PathV1Cabinet, routeRead, s.v1Cabinet)
	s.handle("GET "+PathV1Clients, routeRead, s.v1Clients)
	s.handle("GET "+PathV1ClientSnapshot, routeRead, s.v1Snapshot)
	s.handle("GET "+PathV1Status, routeRead, s.v1Status)

	s.handle("GET "+PathV2Registration, routeRead, s.v2Registration)
	s.handle("POST "+PathV2MigrationRequests, routeWrite, s.v2Submit)
	s.handle("GET "+PathV2MigrationRequest, routeRead, s.v2MigrationStatus)
	s.handle("GET "+PathV2Inventory, routeRead, s.v2Inventory)
	s.handle("POST "+PathV2Users, routeWrite, s.v2InviteUser)
	s.handle("POST "+PathV2ClientImports, routeWrite, s.v2ImportClients)
	s.handle("POST "+PathV2Profile, routeWrite, s.v2Profile)
	s.handle("POST "+PathV2BankAccounts, routeWrite, s.v2BankAccount)
	s.handle("POST "+PathV2Numbering, routeWrite, s.v2Numbering)
	s.handle("POST "+PathV2Integrations, routeWrite, s.v2Integration)
	s.handle("POST "+PathV2Subscription, routeWrite, s.v2Subscription)

	s.comapiRoutes()

	// Anything else: a JSON 404 (or 405) rather than the mux's text.
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeReply(w, unknownRoute(r))
	})
}

func (s *Server) handle(pattern string, kind int, h handler) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		s.serve(w, r, kind, h)
	})
}

// serve runs one API request: faults before, authentication, body limit,
// idempotency, the handler, faults after.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, kind int, h handler) {
	ctx := r.Context()
	if !s.before(w, r) {
		return
	}
	if !s.authorized(r) {
		s.stats.unauthorized.Add(1)
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		writeReply(w, errorReply(&connectors.Error{Kind: connectors.ErrUnauthorized,
			French:  "jeton d'accès absent, inconnu ou expiré",
			English: "access token missing, unknown or expired"}))
		return
	}
	var rep reply
	if kind == routeWrite {
		body, ok := s.readBody(w, r)
		if !ok {
			return
		}
		key := r.Header.Get(HeaderIdempotencyKey)
		if key == "" || len(key) > 255 {
			writeReply(w, errorReply(connectors.Invalid("", HeaderIdempotencyKey,
				"en-tête Idempotency-Key absent ou trop long (255 caractères au plus)",
				"Idempotency-Key header missing or too long (at most 255 characters)")))
			return
		}
		var replayed bool
		rep, replayed = s.idem.do(ctx, s.fingerprint(r, key, body), key, func() reply {
			s.stats.writes.Add(1)
			return h(ctx, r, key, body)
		})
		if replayed {
			s.stats.replays.Add(1)
			w.Header().Set(HeaderReplayed, "true")
		}
	} else {
		rep = h(ctx, r, "", nil)
	}
	s.after(w, rep)
}

// fingerprint identifies what a POST asks, so that a key reused for
// something else is caught (409) instead of replaying an unrelated answer.
func (s *Server) fingerprint(r *http.Request, key string, body []byte) [32]byte {
	h := sha256.New()
	for _, part := range []string{r.Method, r.URL.Path, key} {
		io.WriteString(h, part)
		h.Write([]byte{0})
	}
	h.Write(body)
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}

// before applies the faults that happen before the request is handled. It
// returns false when the request has been answered (or dropped).
func (s *Server) before(w http.ResponseWriter, r *http.Request) bool {
	f := s.opts.Faults
	if f.Latency > 0 {
		t := time.NewTimer(f.Latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return false
		}
	}
	if s.rng.chance(f.RateLimited) {
		s.stats.f429.Add(1)
		writeReply(w, errorReply(&connectors.Error{Kind: connectors.ErrRateLimited, RetryAfter: f.RetryAfter}))
		return false
	}
	if s.rng.chance(f.ServerErrors / 2) {
		s.stats.f5xx.Add(1)
		writeReply(w, errorReply(&connectors.Error{Kind: connectors.ErrUnavailable}))
		return false
	}
	if s.rng.chance(f.Drops / 2) {
		s.drop(w)
		return false
	}
	return true
}

// after writes rep, unless a fault replaces it.
func (s *Server) after(w http.ResponseWriter, rep reply) {
	f := s.opts.Faults
	switch {
	case s.rng.chance(f.ServerErrors / 2):
		s.stats.f5xx.Add(1)
		rep = errorReply(&connectors.Error{Kind: connectors.ErrUnavailable})
	case s.rng.chance(f.Drops / 2):
		s.drop(w)
		return
	case rep.status < 300 && len(rep.body) > 1 && s.rng.chance(f.Malformed):
		s.stats.malformed.Add(1)
		rep.body = rep.body[:len(rep.body)/2]
	case rep.status < 300 && len(rep.body) > 0 && s.rng.chance(f.Hostile):
		s.stats.hostile.Add(1)
		rep.body = hostile(rep.body)
	}
	writeReply(w, rep)
}

// drop closes the connection without an answer.
func (s *Server) drop(w http.ResponseWriter) {
	s.stats.dropped.Add(1)
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			conn.Close()
			return
		}
	}
	// HTTP/2 or a wrapped writer: aborting the handler resets the stream.
	panic(http.ErrAbortHandler)
}

// readBody reads a request body within MaxBodyBytes; on failure it answers
// and returns false.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes))
	if err == nil {
		return body, true
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		rep := errorReply(connectors.Invalid("", "body",
			"corps de requête trop volumineux ("+strconv.FormatInt(tooBig.Limit, 10)+" octets au plus)",
			"request body too large (at most "+strconv.FormatInt(tooBig.Limit, 10)+" bytes)"))
		rep.status = http.StatusRequestEntityTooLarge
		writeReply(w, rep)
		return nil, false
	}
	writeReply(w, errorReply(connectors.Invalid("", "body", "corps de requête illisible", "unreadable request body")))
	return nil, false
}
