package v1_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/v1"
)

// hostileLister serves a token and client pages whose next_cursor comes
// from next (given the cursor asked for), one client a page.
func hostileLister(t *testing.T, next func(cursor string) string) (*v1.Client, *atomic.Int64) {
	t.Helper()
	var pages atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == httpapi.PathToken {
			json.NewEncoder(w).Encode(httpapi.TokenResponse{AccessToken: "tok", TokenType: "Bearer", ExpiresIn: 3600})
			return
		}
		n := pages.Add(1)
		cur := r.URL.Query().Get("cursor")
		json.NewEncoder(w).Encode(httpapi.ClientPage{
			Items:      []connectors.Client{{ID: fmt.Sprint("c", n), LegalName: "Société " + fmt.Sprint(n)}},
			NextCursor: next(cur),
		})
	}))
	t.Cleanup(srv.Close)
	c, err := v1.New(v1.Config{BaseURL: srv.URL, ClientID: "a", ClientSecret: "b", MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	return c, &pages
}

// listAll pages the way the wizard, notify and the demo do: until the
// cursor is empty, with no bound of its own.
func listAll(t *testing.T, c *v1.Client) (int, error) {
	page := connectors.Page{Limit: 100}
	n := 0
	for {
		items, next, err := c.ListClients(t.Context(), page)
		if err != nil {
			return n, err
		}
		n += len(items)
		if next == "" {
			return n, nil
		}
		page.Cursor = next
	}
}

func TestListingStopsOnHostileCursors(t *testing.T) {
	counter := func(cur string) string {
		var i int
		fmt.Sscan(strings.TrimPrefix(cur, "p"), &i)
		return fmt.Sprint("p", i+1)
	}
	cycle := func(period int) func(string) string {
		return func(cur string) string {
			var i int
			fmt.Sscan(strings.TrimPrefix(cur, "p"), &i)
			return fmt.Sprint("p", 1+(i%period))
		}
	}
	for _, tc := range []struct {
		name     string
		next     func(string) string
		maxPages int64
		want     string
	}{
		{"endless", counter, v1.MaxListPages, "ne finit pas après 1000 pages"},
		{"same cursor", func(string) string { return "again" }, 2, "curseur de page déjà vu"},
		{"loop of 3", cycle(3), 12, "curseur de page déjà vu"},
		{"loop of 50", cycle(50), 200, "curseur de page déjà vu"},
		{"long cursor", func(string) string { return strings.Repeat("x", v1.MaxCursorBytes+1) }, 1, "curseur de page de plus de"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, pages := hostileLister(t, tc.next)
			n, err := listAll(t, c)
			if !errors.Is(err, connectors.ErrLimit) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("after %d clients: err = %v, want ErrLimit %q", n, err, tc.want)
			}
			if connectors.Temporary(err) {
				t.Error("a limit must not be retried")
			}
			if got := pages.Load(); got > tc.maxPages {
				t.Errorf("%d pages fetched, want at most %d", got, tc.maxPages)
			}
			if strings.Contains(err.Error(), "\x1b") || !strings.HasPrefix(err.Error(), "v1.ListClients : ") {
				t.Errorf("message %q", err)
			}
		})
	}
}

// The client count and byte budget stop a listing of big pages long
// before the page cap.
func TestListingBoundedInSize(t *testing.T) {
	big := strings.Repeat("x", 1<<20)
	var pages atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == httpapi.PathToken {
			json.NewEncoder(w).Encode(httpapi.TokenResponse{AccessToken: "tok", TokenType: "Bearer", ExpiresIn: 3600})
			return
		}
		n := pages.Add(1)
		json.NewEncoder(w).Encode(httpapi.ClientPage{
			Items:      []connectors.Client{{ID: "c", LegalName: big}},
			NextCursor: fmt.Sprint("p", n),
		})
	}))
	t.Cleanup(srv.Close)
	c, err := v1.New(v1.Config{BaseURL: srv.URL, ClientID: "a", ClientSecret: "b"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = listAll(t, c)
	if !errors.Is(err, connectors.ErrLimit) || !strings.Contains(err.Error(), "Mio") {
		t.Fatalf("err = %v", err)
	}
	if got := pages.Load(); got > v1.MaxListBytes>>20+1 {
		t.Errorf("%d pages of 1 MiB fetched", got)
	}
}

// A well-behaved listing is untouched: every client, in order, and a
// cursor nobody handed out still reaches the platform (which judges it).
func TestListingEndsNormally(t *testing.T) {
	c, pages := hostileLister(t, func(cur string) string {
		if cur == "p4" {
			return ""
		}
		var i int
		fmt.Sscan(strings.TrimPrefix(cur, "p"), &i)
		return fmt.Sprint("p", i+1)
	})
	if n, err := listAll(t, c); err != nil || n != 5 || pages.Load() != 5 {
		t.Fatalf("n=%d pages=%d err=%v", n, pages.Load(), err)
	}
	items, next, err := c.ListClients(t.Context(), connectors.Page{Cursor: "p3"})
	if err != nil || len(items) != 1 || next == "" {
		t.Fatalf("foreign cursor: %v %v %q", items, err, next)
	}
}
