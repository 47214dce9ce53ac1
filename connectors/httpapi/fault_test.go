package httpapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/sandbox"
	"github.com/bascule-cli/bascule/connectors/v1"
)

// same compares two values through their JSON, as the wire sees them.
func same(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

// overWire is what a client can know of v: its JSON. JSON is UTF-8, so a
// raw 8-bit C1 byte stored by the hostile sandbox (0x9b, a CSI) reaches the
// client as U+FFFD, harmless but not removable as a sequence: the
// expectation is v through JSON, then sanitised.
func overWire[T any, PT interface {
	*T
	Sanitize()
}](v T) T {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	var out T
	if err := json.Unmarshal(b, &out); err != nil {
		panic(err)
	}
	PT(&out).Sanitize()
	return out
}

// clientList makes a []Client sanitisable for overWire.
type clientList []connectors.Client

func (l clientList) Sanitize() {
	for i := range l {
		l[i].Sanitize()
	}
}

// clear reports whether err is nil or a connectors error of a known kind
// with a French message: what "a clear error" means for the wizard.
func clear(err error) bool {
	var e *connectors.Error
	return err == nil || (errors.As(err, &e) && connectors.Code(err) != "" && e.Error() != "")
}

// workload runs every V1 read and a batch of V2 writes through the HTTP
// clients, checking each answer against the sandbox in process. It returns
// the number of failed calls and, per write operation, the keys used and
// the calls that succeeded.
func workload(t *testing.T, s *stack) (failed int, keys, ok map[string]int) {
	t.Helper()
	ctx := t.Context()
	raw := s.p.RawV1()
	keys, ok = map[string]int{}, map[string]int{}
	check := func(what string, err error) bool {
		t.Helper()
		if !clear(err) {
			t.Errorf("%s: unclear error %#v", what, err)
		}
		if err != nil {
			failed++
			t.Logf("%s: %v", what, err)
			return false
		}
		return true
	}

	cab, err := s.v1.Cabinet(ctx)
	if check("Cabinet", err) {
		want, _ := raw.Cabinet(ctx)
		if !same(cab, overWire(want)) {
			t.Errorf("Cabinet over HTTP differs from the sandbox's sanitised one")
		}
	}
	var clients []connectors.Client
	for cursor, pages := "", 0; pages < 100; pages++ {
		items, next, err := s.v1.ListClients(ctx, connectors.Page{Cursor: cursor, Limit: 7})
		if !check("ListClients", err) {
			continue // retry the same page
		}
		clients = append(clients, items...)
		if cursor = next; cursor == "" {
			break
		}
	}
	var rawClients clientList
	for cursor := ""; ; {
		items, next, err := raw.ListClients(ctx, connectors.Page{Cursor: cursor, Limit: 7})
		if err != nil {
			t.Fatal(err)
		}
		rawClients = append(rawClients, items...)
		if cursor = next; cursor == "" {
			break
		}
	}
	if want := overWire(rawClients); !same(clients, want) {
		t.Errorf("ListClients over HTTP: %d clients, differs from the sandbox's %d", len(clients), len(want))
	}
	for _, c := range clients {
		snap, err := s.v1.ClientSnapshot(ctx, c.ID)
		if check("ClientSnapshot "+c.ID, err) {
			want, _ := raw.ClientSnapshot(ctx, c.ID)
			if !same(snap, overWire(want)) {
				t.Errorf("ClientSnapshot %s over HTTP differs from the sandbox's", c.ID)
			}
		}
	}
	ro, err := s.v1.ReadOnly(ctx)
	if check("ReadOnly", err) && ro {
		t.Error("read-only before the migration")
	}

	s.p.CompleteRegistration()
	keys["v2.SubmitMigration"]++
	_, err = s.v2.SubmitMigration(ctx, connectors.MigrationSubmission{CabinetSIREN: sandbox.CabinetSIREN,
		RequestedBy: sandbox.ManagerEmail, IdempotencyKey: "migration"})
	if !check("SubmitMigration", err) {
		t.Fatal("no migration, no writes")
	}
	ok["v2.SubmitMigration"]++
	if err := s.p.FinishMigration(); err != nil {
		t.Fatal(err)
	}
	for i, c := range clients {
		if c.Status != connectors.StatusActive {
			continue
		}
		writes := map[string]func(key string) error{
			"v2.SetNumbering": func(k string) error {
				return s.v2.SetNumbering(ctx, c.SIREN, connectors.Numbering{Prefix: "FAC-", LastNumber: 100 + i, Padding: 4}, k)
			},
			"v2.ChooseSubscription": func(k string) error {
				return s.v2.ChooseSubscription(ctx, c.SIREN, connectors.Subscription{Plan: "standard"}, k)
			},
			"v2.InviteUser": func(k string) error {
				_, err := s.v2.InviteUser(ctx, c.SIREN, connectors.User{Email: fmt.Sprintf("user%d@exemple.fr", i),
					FirstName: "Léa", LastName: "Roux", Roles: []string{"Gestionnaire"}}, k)
				return err
			},
		}
		for op, call := range writes {
			keys[op]++
			if check(op+" "+c.SIREN, call(fmt.Sprintf("%s-%d", op, i))) {
				ok[op]++
			}
		}
	}
	return failed, keys, ok
}

// Each fault alone, at a high share: every call ends in a retry that
// succeeds or a clear error, answers equal the sandbox's, and no POST acted
// twice (the sandbox's side-effect counters, and the server's own count of
// port writes, never exceed the keys used).
func TestFaults(t *testing.T) {
	cases := []struct {
		name   string
		faults httpapi.Faults
		seen   func(httpapi.Stats) int64
	}{
		{"429", httpapi.Faults{RateLimited: 0.4, RetryAfter: time.Hour}, func(s httpapi.Stats) int64 { return s.Injected429 }},
		{"5xx", httpapi.Faults{ServerErrors: 0.4}, func(s httpapi.Stats) int64 { return s.Injected5xx }},
		{"drops", httpapi.Faults{Drops: 0.4}, func(s httpapi.Stats) int64 { return s.Dropped }},
		{"malformed", httpapi.Faults{Malformed: 0.4}, func(s httpapi.Stats) int64 { return s.Malformed }},
		{"hostile", httpapi.Faults{Hostile: 1}, func(s httpapi.Stats) int64 { return s.Hostile }},
		{"latency", httpapi.Faults{Latency: 2 * time.Millisecond}, func(s httpapi.Stats) int64 { return 1 }},
		{"all", httpapi.Faults{RateLimited: 0.15, ServerErrors: 0.15, Drops: 0.15, Malformed: 0.15, Hostile: 0.3, Latency: time.Millisecond},
			func(s httpapi.Stats) int64 {
				return s.Injected429 * s.Injected5xx * s.Dropped * s.Malformed * s.Hostile
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.faults.Seed = 11
			s := newStack(t, sandbox.Options{Seed: 5, Clients: 25, Hostile: true}, httpapi.ServerOptions{Faults: tc.faults}, nil)
			failed, keys, ok := workload(t, s)
			st := s.srv.Stats()
			if tc.seen(st) == 0 {
				t.Errorf("fault never injected: %+v", st)
			}
			if failed > 2 {
				t.Errorf("%d calls failed despite 8 retries", failed)
			}
			effects := s.p.SideEffects()
			total := 0
			for op, n := range keys {
				total += n
				if effects[op] > n || effects[op] < ok[op] {
					t.Errorf("%s: %d side effects for %d keys (%d answered)", op, effects[op], n, ok[op])
				}
			}
			if st.PortWrites > int64(total) {
				t.Errorf("server called the port %d times for %d idempotency keys", st.PortWrites, total)
			}
			lostAfterActing := tc.faults.ServerErrors > 0 || tc.faults.Drops > 0 || tc.faults.Malformed > 0
			if lostAfterActing && st.Replays == 0 {
				t.Error("no POST was replayed: the answers lost after acting were not exercised")
			}
			t.Logf("stats %+v", st)
		})
	}
}

// A 429 asking for an hour does not freeze the client: waits are capped,
// and when retries run out the error says "rate limited" with the
// platform's full delay.
func TestRetryAfterHuge(t *testing.T) {
	var waits []time.Duration
	s := newStack(t, sandbox.Options{Seed: 1}, httpapi.ServerOptions{Faults: httpapi.Faults{RateLimited: 1, RetryAfter: 2 * time.Hour}},
		func(c *v1.Config) {
			c.MaxRetries, c.MaxRetryAfter = 3, 50*time.Millisecond
			c.Sleep = func(ctx context.Context, d time.Duration) error { waits = append(waits, d); return nil }
		})
	_, err := s.v1.Cabinet(t.Context())
	var e *connectors.Error
	if !errors.Is(err, connectors.ErrRateLimited) || !errors.As(err, &e) || e.RetryAfter != 2*time.Hour {
		t.Fatalf("err = %#v", err)
	}
	if len(waits) != 3 {
		t.Fatalf("waits = %v", waits)
	}
	for _, w := range waits {
		if w != 50*time.Millisecond {
			t.Errorf("waited %v, want the 50ms cap", w)
		}
	}
}

// The server's tokens die after 300 ms while expires_in says an hour: the
// client meets a 401, gets a new token once, and the call succeeds.
func TestTokenRefreshOn401(t *testing.T) {
	s := newStack(t, sandbox.Options{Seed: 1},
		httpapi.ServerOptions{TokenLifetime: 300 * time.Millisecond, AdvertisedTokenLifetime: time.Hour}, nil)
	ctx := t.Context()
	if _, err := s.v1.ReadOnly(ctx); err != nil {
		t.Fatal(err)
	}
	time.Sleep(400 * time.Millisecond)
	if _, err := s.v1.ReadOnly(ctx); err != nil {
		t.Fatalf("after expiry: %v", err)
	}
	st := s.srv.Stats()
	if st.TokensIssued != 2 || st.Unauthorized != 1 {
		t.Errorf("tokens issued %d, 401s %d; want 2 and 1", st.TokensIssued, st.Unauthorized)
	}

	// Revoked: the same dance.
	s.srv.RevokeTokens()
	if _, err := s.v1.Cabinet(ctx); err != nil {
		t.Fatalf("after revocation: %v", err)
	}
	if st := s.srv.Stats(); st.TokensIssued != 3 || st.Unauthorized != 2 {
		t.Errorf("after revocation: tokens %d, 401s %d", st.TokensIssued, st.Unauthorized)
	}
}

// A platform that keeps refusing fresh tokens gets one refresh, not a loop.
func TestPersistent401RefreshesOnce(t *testing.T) {
	p := sandbox.New(sandbox.Options{Seed: 1, Now: fixedClock()})
	srv := httpapi.NewServer(p.RawV1(), p.V2(), httpapi.ServerOptions{})
	var api atomic.Int64
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != httpapi.PathToken {
			api.Add(1)
			srv.RevokeTokens() // every token dies before use
		}
		srv.ServeHTTP(w, r)
	}))
	defer hs.Close()
	c, err := v1.New(v1.Config{BaseURL: hs.URL, ClientID: "bascule", ClientSecret: "sandbox"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Cabinet(t.Context())
	if !errors.Is(err, connectors.ErrUnauthorized) {
		t.Fatalf("err = %v", err)
	}
	if n, tok := api.Load(), srv.Stats().TokensIssued; n != 2 || tok != 2 {
		t.Errorf("%d API calls and %d tokens, want 2 and 2", n, tok)
	}
}

func TestWrongCredentials(t *testing.T) {
	s := newStack(t, sandbox.Options{Seed: 1}, httpapi.ServerOptions{}, func(c *v1.Config) { c.ClientSecret = "nope" })
	_, err := s.v1.Cabinet(t.Context())
	if !errors.Is(err, connectors.ErrUnauthorized) || !strings.Contains(err.Error(), "secret client incorrect") {
		t.Fatalf("err = %v", err)
	}
}

// Latency beyond the client's per-attempt timeout ends in a clear error;
// within it, calls succeed.
func TestLatencyTimeout(t *testing.T) {
	s := newStack(t, sandbox.Options{Seed: 1}, httpapi.ServerOptions{Faults: httpapi.Faults{Latency: 200 * time.Millisecond}},
		func(c *v1.Config) { c.Timeout, c.MaxRetries = 20*time.Millisecond, 1 })
	_, err := s.v1.ReadOnly(t.Context())
	if !errors.Is(err, connectors.ErrUnavailable) || !strings.Contains(err.Error(), "pas répondu à temps") {
		t.Fatalf("err = %v", err)
	}
}

func TestResponseSizeLimitOverHTTP(t *testing.T) {
	s := newStack(t, sandbox.Options{Seed: 1, Clients: 200}, httpapi.ServerOptions{}, func(c *v1.Config) { c.MaxResponseBytes = 16 << 10 })
	_, err := s.v1.Cabinet(t.Context())
	if !errors.Is(err, connectors.ErrUnavailable) || !strings.Contains(err.Error(), "trop volumineuse") {
		t.Fatalf("err = %v", err)
	}
	if _, err := s.v1.ReadOnly(t.Context()); err != nil {
		t.Fatalf("small answer: %v", err)
	}
}

// Hostile strings, stored in the sandbox and added on the wire, come out
// exactly as the sandbox's own sanitised port gives them.
func TestHostileSanitised(t *testing.T) {
	s := newStack(t, sandbox.Options{Seed: 9, Clients: 30, Hostile: true}, httpapi.ServerOptions{Faults: httpapi.Faults{Hostile: 1}}, nil)
	ctx := t.Context()
	got, err := s.v1.Cabinet(ctx)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := s.p.RawV1().Cabinet(ctx)
	want := overWire(raw)
	if !reflect.DeepEqual(got.Clients, want.Clients) || !same(got, want) {
		t.Error("cabinet differs from the sanitised one")
	}
	for _, c := range got.Clients {
		for _, str := range []string{c.LegalName, c.City, c.Street, c.ContactLastName} {
			if strings.ContainsAny(str, "\x1b\r\b\a\u202e") {
				t.Fatalf("unsanitised %q", str)
			}
		}
	}
	if s.srv.Stats().Hostile == 0 {
		t.Error("no hostile answer was sent")
	}
}
