package comapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/sandbox"
)

// demo serves the sandbox's comapi paths over loopback HTTP.
func demo(t *testing.T, opts httpapi.ServerOptions) (*sandbox.Platform, string) {
	t.Helper()
	p := sandbox.New(sandbox.Options{Seed: 1})
	opts.Files = p.RawV1Files()
	srv := httptest.NewServer(httpapi.NewServer(p.RawV1(), p.V2(), opts))
	t.Cleanup(srv.Close)
	return p, srv.URL + httpapi.PathComapiPrefix
}

func newClient(t *testing.T, base string, mod func(*Config)) *Client {
	t.Helper()
	cfg := Config{BaseURL: base, SoftwareID: "bascule-test", APIKey: "sandbox",
		Sleep: func(context.Context, time.Duration) error { return nil }}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEnterprisesMatchV1(t *testing.T) {
	p, base := demo(t, httpapi.ServerOptions{})
	got, err := newClient(t, base, nil).Enterprises(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := p.Clients()
	if len(got) != len(want) {
		t.Fatalf("%d enterprises, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].SIREN != want[i].SIREN || got[i].Name != want[i].LegalName {
			t.Errorf("entry %d = %+v, want %s %q", i, got[i], want[i].SIREN, want[i].LegalName)
		}
	}
}

func TestCountsMatchSnapshot(t *testing.T) {
	p, base := demo(t, httpapi.ServerOptions{})
	c := newClient(t, base, nil)
	ctx := context.Background()
	for _, cl := range p.Clients()[:5] {
		counts, err := Count(ctx, c, cl.SIREN)
		if err != nil {
			t.Fatal(err)
		}
		snap, err := p.V1().ClientSnapshot(ctx, cl.ID)
		if err != nil {
			t.Fatal(err)
		}
		if counts.Archived() != snap.Archives.Documents {
			t.Errorf("%s: archived %d, snapshot %d", cl.SIREN, counts.Archived(), snap.Archives.Documents)
		}
		if got := counts["AP/Transfer"]; got != snap.Invoices.Purchases.Accepted() {
			t.Errorf("%s: AP/Transfer %d, snapshot %d", cl.SIREN, got, snap.Invoices.Purchases.Accepted())
		}
		if counts.Facts()["comapi.archived"] != fmt.Sprint(snap.Archives.Documents) {
			t.Errorf("facts %v", counts.Facts())
		}
	}
}

func TestDownloadArchiveWithManifest(t *testing.T) {
	p, base := demo(t, httpapi.ServerOptions{})
	c := newClient(t, base, nil)
	var siren string
	var total int
	for _, cl := range p.Clients() {
		n, err := Count(context.Background(), c, cl.SIREN)
		if err != nil {
			t.Fatal(err)
		}
		if s := n["AP/Transfer"] + n["AR/Transfer"] + n.Archived(); s > 0 {
			siren, total = cl.SIREN, s
			break
		}
	}
	if siren == "" {
		t.Fatal("no demo client has files")
	}
	dir := filepath.Join(t.TempDir(), "archive")
	m, err := DownloadArchive(context.Background(), c, siren, dir, time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Files) != total {
		t.Fatalf("%d files in manifest, want %d", len(m.Files), total)
	}
	for _, e := range m.Files {
		path := filepath.Join(dir, filepath.FromSlash(e.Folder), e.Name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if int64(len(data)) != e.Size || hex.EncodeToString(sum[:]) != e.SHA256 {
			t.Errorf("%s: size/sha256 differ from the manifest", path)
		}
		if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v", path, st.Mode().Perm())
		}
	}
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v", st.Mode().Perm())
	}
	var read Manifest
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil || json.Unmarshal(b, &read) != nil || len(read.Files) != total {
		t.Fatalf("manifest unreadable: %v", err)
	}
}

func TestWrongKeyRefused(t *testing.T) {
	_, base := demo(t, httpapi.ServerOptions{})
	_, err := newClient(t, base, func(c *Config) { c.APIKey = "wrong" }).Enterprises(context.Background())
	if !errors.Is(err, connectors.ErrUnauthorized) || !strings.Contains(err.Error(), "clé d'API") {
		t.Fatalf("err = %v", err)
	}
}

func TestEntryLimitRefused(t *testing.T) {
	_, base := demo(t, httpapi.ServerOptions{})
	_, err := newClient(t, base, func(c *Config) { c.MaxEntries = 10 }).Enterprises(context.Background())
	if err == nil || !strings.Contains(err.Error(), "plus de 10 entrées") {
		t.Fatalf("err = %v", err)
	}
}

func TestSizeLimitRefused(t *testing.T) {
	_, base := demo(t, httpapi.ServerOptions{})
	_, err := newClient(t, base, func(c *Config) { c.MaxResponseBytes = 100 }).Enterprises(context.Background())
	if err == nil || !strings.Contains(err.Error(), "trop volumineuse") {
		t.Fatalf("err = %v", err)
	}
}

// serve answers every request with status and body.
func serve(t *testing.T, status int, body string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-KEY") != "k" || r.Header.Get("X-SOFTWARE-ID") != "s" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestUnexpectedShapes(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{"object not array", `{"items":[]}`, "une liste JSON était attendue"},
		{"unknown field", `[{"name":"A","siren":"552008443","status":"x"}]`, "entrée 1"},
		{"wrong type", `[{"name":"A","siren":552008443}]`, "type inattendu"},
		{"missing siren", `[{"name":"A"}]`, "champ « siren »"},
		{"invalid siren", `[{"name":"A","siren":"404833047"}]`, "SIREN \"404833047\" invalide"},
		{"duplicate", `[{"name":"A","siren":"552008443"},{"name":"B","siren":"552008443"}]`, "déjà donné"},
		{"not objects", `[1]`, "objet JSON attendu, reçu : number"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t, serve(t, 200, tc.body), func(c *Config) { c.SoftwareID, c.APIKey = "s", "k" })
			_, err := c.Enterprises(context.Background())
			var se *ShapeError
			if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want a ShapeError with %q", err, tc.want)
			}
		})
	}
}

func TestCutAnswerRetriedThenRefused(t *testing.T) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		fmt.Fprint(w, `[{"name":"A","siren":"5520`)
	}))
	defer srv.Close()
	_, err := newClient(t, srv.URL, func(c *Config) { c.MaxRetries = 2 }).Enterprises(context.Background())
	if err == nil || !strings.Contains(err.Error(), "JSON invalide ou coupé") || calls != 3 {
		t.Fatalf("err = %v after %d calls", err, calls)
	}
}

func TestFileShapes(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{"traversal", `[{"name":"../x","size":1,"mtime":1,"ctime":1,"downloadurl":"https://h/x"}]`, "refusé"},
		{"negative size", `[{"name":"a","size":-1,"mtime":1,"ctime":1,"downloadurl":"https://h/x"}]`, "entier positif"},
		{"bad date", `[{"name":"a","size":1,"mtime":"hier","ctime":1,"downloadurl":"https://h/x"}]`, "mtime"},
		{"plain http", `[{"name":"a","size":1,"mtime":1,"ctime":1,"downloadurl":"http://example.com/x"}]`, "http://"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t, serve(t, 200, tc.body), func(c *Config) { c.SoftwareID, c.APIKey = "s", "k" })
			_, err := c.Files(context.Background(), "552008443", connectors.FileBoxes()[0])
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestStatusesAndRetries(t *testing.T) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		if calls < 3 {
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, `[]`)
	}))
	defer srv.Close()
	var waits []time.Duration
	c := newClient(t, srv.URL, func(c *Config) {
		c.Sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	})
	got, err := c.Enterprises(context.Background())
	if err != nil || len(got) != 0 || calls != 3 {
		t.Fatalf("got %v, %v after %d calls", got, err, calls)
	}
	for _, w := range waits {
		if w != 30*time.Second {
			t.Errorf("wait %v, want the 30 s cap", w)
		}
	}
	_, err = newClient(t, serve(t, 418, ""), func(c *Config) { c.SoftwareID, c.APIKey = "s", "k" }).Enterprises(context.Background())
	if err == nil || !strings.Contains(err.Error(), "réponse inattendue de l'API d'export V1 (HTTP 418)") {
		t.Fatalf("err = %v", err)
	}
}

func TestPartialDownloadRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-KEY") != "" {
			t.Error("API key sent with a download")
		}
		fmt.Fprint(w, "short")
	}))
	defer srv.Close()
	// The API is on another host: the key must not go with the download.
	c := newClient(t, "https://api.invalid/comapi/v1", nil)
	_, err := c.Download(context.Background(), connectors.V1File{Name: "a.pdf", Size: 100, DownloadURL: srv.URL + "/a"}, &strings.Builder{})
	if err == nil || !strings.Contains(err.Error(), "incomplet") {
		t.Fatalf("err = %v", err)
	}
	c = newClient(t, srv.URL, func(c *Config) { c.MaxFileBytes = 3 })
	_, err = c.Download(context.Background(), connectors.V1File{Name: "a.pdf", Size: 5, DownloadURL: srv.URL + "/a"}, &strings.Builder{})
	if err == nil || !strings.Contains(err.Error(), "trop volumineuse") {
		t.Fatalf("err = %v", err)
	}
}

func TestConfigRules(t *testing.T) {
	// "*.localhost" goes through the resolver, which may send the key in
	// clear anywhere: the shared transport's rule refuses it (this client
	// used to accept it with a rule of its own).
	for _, base := range []string{"http://example.com/comapi/v1", "ftp://x", "https://u:p@h/", "http://api.localhost:8080/comapi/v1", "https://h/comapi/v1?x=1"} {
		if _, err := New(Config{BaseURL: base, SoftwareID: "s", APIKey: "k"}); err == nil {
			t.Errorf("%s accepted", base)
		}
	}
	if _, err := New(Config{SoftwareID: "s"}); err == nil {
		t.Error("missing key accepted")
	}
	cfg := Config{SoftwareID: "s", APIKey: "very-secret-key"}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{fmt.Sprint(cfg), fmt.Sprintf("%#v", cfg), fmt.Sprintf("%+v", c), c.String()} {
		if strings.Contains(s, "very-secret-key") {
			t.Errorf("key printed: %s", s)
		}
	}
	if !strings.Contains(c.String(), DefaultBaseURL) {
		t.Errorf("default base URL not used: %s", c)
	}
}

func TestParseTrailingData(t *testing.T) {
	_, err := ParseEnterprises([]byte(`[] {}`), 10)
	if err == nil || !strings.Contains(err.Error(), "données après la liste") {
		t.Fatalf("err = %v", err)
	}
}

// The shared transport's rules, seen from this client: the two headers go
// to the API's host and nowhere else, no token is asked for, a download
// address in clear to a resolvable name is refused, and a negative
// MaxRetries means no retry at all.
func TestSharedTransportRules(t *testing.T) {
	var paths []string
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		paths = append(paths, r.URL.Path)
		if r.Header.Get("X-SOFTWARE-ID") != "bascule-test" || r.Header.Get("X-API-KEY") != "sandbox" || r.Header.Get("Authorization") != "" {
			t.Errorf("headers %v", r.Header)
		}
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	_, err := newClient(t, srv.URL+"/comapi/v1", func(c *Config) { c.MaxRetries = -1 }).Enterprises(context.Background())
	if err == nil || calls != 1 || paths[0] != "/comapi/v1/enterprise" {
		t.Fatalf("err %v after %d calls to %v", err, calls, paths)
	}
	c := newClient(t, srv.URL, nil)
	_, err = c.Download(context.Background(), connectors.V1File{Name: "a.pdf", Size: 1, DownloadURL: "http://files.localhost/a.pdf"}, &strings.Builder{})
	if !errors.Is(err, connectors.ErrInvalid) || !strings.Contains(err.Error(), "http://") {
		t.Fatalf("download in clear to a resolvable name: %v", err)
	}
}
