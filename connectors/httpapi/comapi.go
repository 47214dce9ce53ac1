package httpapi

import (
	"bytes"
	"context"
	"crypto/subtle"
	"net/http"
	"strconv"
	"time"

	"github.com/bascule-cli/bascule/connectors"
)

// V1's file-export API ("comapi"), as public client code shows it. It is not
// bascule's contract but jefacture's: the paths, headers and JSON shapes
// below copy what is known and may change when the publisher documents it.
// Errors have no known body on the real platform: the sandbox answers the
// contract's JSON error, and clients must rely on the status alone.
const (
	PathComapiPrefix     = "/comapi/v1"
	PathComapiEnterprise = PathComapiPrefix + "/enterprise"
	PathComapiInvoices   = PathComapiPrefix + "/invoice/{siren}/{direction}/{folder}"
	// PathComapiDownload is the sandbox's own download path; the real
	// platform gives a downloadurl per file, which may be anywhere.
	PathComapiDownload = PathComapiPrefix + "/download/{siren}/{direction}/{folder}/{name}"

	HeaderComapiSoftwareID = "X-SOFTWARE-ID"
	HeaderComapiAPIKey     = "X-API-KEY"
)

// ComapiEnterprise is one entry of GET /enterprise.
type ComapiEnterprise struct {
	Name  string `json:"name"`
	SIREN string `json:"siren"`
}

// ComapiFile is one entry of GET /invoice/{siren}/{AP|AR}/{Transfer|Archived}.
// The sandbox writes mtime and ctime as RFC 3339 strings; the type of the
// real platform's is unknown, clients accept that or Unix seconds.
type ComapiFile struct {
	Name        string `json:"name"`
	Size        int64  `json:"size"`
	Mtime       string `json:"mtime"`
	Ctime       string `json:"ctime"`
	DownloadURL string `json:"downloadurl"`
}

func (s *Server) comapiRoutes() {
	s.mux.HandleFunc("GET "+PathComapiEnterprise, s.comapi(s.comapiEnterprises))
	s.mux.HandleFunc("GET "+PathComapiInvoices, s.comapi(s.comapiInvoices))
	s.mux.HandleFunc("GET "+PathComapiDownload, s.comapiDownload)
}

// comapiAuthorized checks the two headers of every comapi call. The
// response is written and false returned when they are wrong.
func (s *Server) comapiAuthorized(w http.ResponseWriter, r *http.Request) bool {
	if s.opts.Files == nil {
		writeReply(w, portMissing("V1 (export de fichiers)"))
		return false
	}
	key := r.Header.Get(HeaderComapiAPIKey)
	if r.Header.Get(HeaderComapiSoftwareID) == "" || subtle.ConstantTimeCompare([]byte(key), []byte(s.opts.ComapiAPIKey)) != 1 {
		s.stats.unauthorized.Add(1)
		writeReply(w, errorReply(&connectors.Error{Kind: connectors.ErrUnauthorized,
			French:  "en-têtes X-SOFTWARE-ID ou X-API-KEY absents ou incorrects",
			English: "X-SOFTWARE-ID or X-API-KEY headers missing or wrong"}))
		return false
	}
	return true
}

// comapi wraps a JSON comapi route with the faults and the header check.
func (s *Server) comapi(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.before(w, r) || !s.comapiAuthorized(w, r) {
			return
		}
		s.after(w, h(r.Context(), r, "", nil))
	}
}

func (s *Server) comapiEnterprises(ctx context.Context, r *http.Request, _ string, _ []byte) reply {
	list, err := s.opts.Files.Enterprises(ctx)
	if err != nil {
		return errorReply(err)
	}
	out := make([]ComapiEnterprise, len(list))
	for i, e := range list {
		out[i] = ComapiEnterprise{Name: e.Name, SIREN: e.SIREN}
	}
	return jsonReply(http.StatusOK, out)
}

func boxOf(r *http.Request) connectors.FileBox {
	return connectors.FileBox{Direction: connectors.FileDirection(r.PathValue("direction")),
		Folder: connectors.FileFolder(r.PathValue("folder"))}
}

func (s *Server) comapiInvoices(ctx context.Context, r *http.Request, _ string, _ []byte) reply {
	siren, box := r.PathValue("siren"), boxOf(r)
	files, err := s.opts.Files.Files(ctx, siren, box)
	if err != nil {
		return errorReply(err)
	}
	scheme := "https"
	if r.TLS == nil {
		scheme = "http"
	}
	base := scheme + "://" + r.Host
	out := make([]ComapiFile, len(files))
	for i, f := range files {
		out[i] = ComapiFile{Name: f.Name, Size: f.Size,
			Mtime: f.Modified.UTC().Format(time.RFC3339), Ctime: f.Created.UTC().Format(time.RFC3339),
			DownloadURL: base + Path(PathComapiDownload, siren, string(box.Direction), string(box.Folder), f.Name)}
	}
	return jsonReply(http.StatusOK, out)
}

// comapiDownload serves a file's bytes. Only the faults before the handler
// apply: the JSON faults (cut, hostile) make no sense for a binary body.
func (s *Server) comapiDownload(w http.ResponseWriter, r *http.Request) {
	if !s.before(w, r) || !s.comapiAuthorized(w, r) {
		return
	}
	f := connectors.V1File{SIREN: r.PathValue("siren"), Box: boxOf(r), Name: r.PathValue("name")}
	var buf bytes.Buffer
	if _, err := s.opts.Files.Download(r.Context(), f, &buf); err != nil {
		writeReply(w, errorReply(err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/octet-stream")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	w.Write(buf.Bytes())
}
