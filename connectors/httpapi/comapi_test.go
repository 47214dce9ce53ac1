package httpapi_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/sandbox"
)

// The comapi routes: the two headers are required, errors are the
// contract's JSON, listings carry download URLs the server then serves,
// and a name that is not a listed file is not found.
func TestComapiRoutes(t *testing.T) {
	p := sandbox.New(sandbox.Options{Seed: 2, Clients: 5, Now: fixedClock()})
	srv := httpapi.NewServer(p.V1(), p.V2(), httpapi.ServerOptions{Files: p.V1Files(), ComapiAPIKey: "clé"})
	get := func(path string, auth bool) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		if auth {
			req.Header.Set(httpapi.HeaderComapiSoftwareID, "test")
			req.Header.Set(httpapi.HeaderComapiAPIKey, "clé")
		}
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, req)
		return w
	}
	if w := get(httpapi.PathComapiEnterprise, false); w.Code != http.StatusUnauthorized || !strings.Contains(w.Body.String(), "X-API-KEY") {
		t.Fatalf("no headers: %d %s", w.Code, w.Body)
	}
	w := get(httpapi.PathComapiEnterprise, true)
	var list []httpapi.ComapiEnterprise
	if w.Code != http.StatusOK || json.Unmarshal(w.Body.Bytes(), &list) != nil || len(list) != 5 {
		t.Fatalf("enterprises: %d %s", w.Code, w.Body)
	}
	var files []httpapi.ComapiFile
	siren := ""
	for _, e := range list {
		w = get(httpapi.Path(httpapi.PathComapiInvoices, e.SIREN, "AR", "Archived"), true)
		if w.Code != http.StatusOK || json.Unmarshal(w.Body.Bytes(), &files) != nil {
			t.Fatalf("invoices: %d %s", w.Code, w.Body)
		}
		if len(files) > 0 {
			siren = e.SIREN
			break
		}
	}
	if siren == "" {
		t.Fatal("no archived sales file in the demo")
	}
	dl := strings.TrimPrefix(files[0].DownloadURL, "http://example.com")
	if w := get(dl, true); w.Code != http.StatusOK || int64(w.Body.Len()) != files[0].Size {
		t.Fatalf("download %s: %d, %d bytes, want %d", dl, w.Code, w.Body.Len(), files[0].Size)
	}
	if w := get(dl, false); w.Code != http.StatusUnauthorized {
		t.Fatalf("download without headers: %d", w.Code)
	}
	for path, want := range map[string]int{
		httpapi.Path(httpapi.PathComapiInvoices, siren, "XX", "Archived"):              http.StatusBadRequest,
		httpapi.Path(httpapi.PathComapiInvoices, "404833047", "AP", "Transfer"):        http.StatusBadRequest,
		httpapi.Path(httpapi.PathComapiInvoices, "552008443", "AP", "Transfer"):        http.StatusNotFound,
		httpapi.Path(httpapi.PathComapiDownload, siren, "AR", "Archived", "../x"):      http.StatusNotFound,
		httpapi.Path(httpapi.PathComapiDownload, siren, "AR", "Archived", "udr_x.pdf"): http.StatusNotFound,
	} {
		if w := get(path, true); w.Code != want || !strings.Contains(w.Header().Get("Content-Type"), "json") {
			t.Errorf("%s: %d (%s), want %d with a JSON error", path, w.Code, w.Header().Get("Content-Type"), want)
		}
	}
}
