package comapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/httpapi/transport"
)

// Client reads V1's file-export API. It implements connectors.V1Files and
// is safe for concurrent use. The HTTP side is the shared transport's
// (connectors/httpapi/transport): its timeouts, rate limit, retries,
// Retry-After cap, refused redirects and plain-HTTP rule, with the API's
// two headers instead of a token and errors told from the status alone.
type Client struct {
	cfg Config
	tr  *transport.Client
}

var _ connectors.V1Files = (*Client)(nil)

// New checks cfg, fills its defaults and returns a Client.
func New(cfg Config) (*Client, error) {
	const op = "comapi.New"
	cfg = cfg.withDefaults()
	if strings.TrimSpace(cfg.SoftwareID) == "" || strings.TrimSpace(cfg.APIKey) == "" {
		return nil, connectors.Invalid(op, "api_key", "identifiant logiciel (X-SOFTWARE-ID) et clé d'API (X-API-KEY) requis",
			"software id (X-SOFTWARE-ID) and API key (X-API-KEY) required")
	}
	tr, err := transport.New(op, transport.Config{
		BaseURL:          cfg.BaseURL,
		Headers:          http.Header{httpapi.HeaderComapiSoftwareID: {cfg.SoftwareID}, httpapi.HeaderComapiAPIKey: {cfg.APIKey}},
		StatusOnlyErrors: true, // the real platform's error bodies are unknown
		ServiceFR:        "l'API d'export V1", ServiceEN: "the V1 export API",
		HTTPClient: cfg.HTTPClient, Timeout: cfg.Timeout, MaxRetries: cfg.MaxRetries,
		BaseBackoff: cfg.BaseBackoff, MaxBackoff: cfg.MaxBackoff, MaxRetryAfter: cfg.MaxRetryAfter,
		RequestsPerSecond: cfg.RequestsPerSecond, MaxResponseBytes: cfg.MaxResponseBytes,
		UserAgent: cfg.UserAgent, Sleep: cfg.Sleep, Now: cfg.Now,
	})
	if err != nil {
		return nil, err
	}
	return &Client{cfg: cfg, tr: tr}, nil
}

// checkURL is the transport's rule for an address the API hands out.
func checkURL(raw string) (*url.URL, error) { return transport.CheckURL("", "url", raw) }

// String describes the client without its key.
func (c *Client) String() string { return "comapi.Client{" + c.cfg.redacted() + "}" }

// GoString is String.
func (c *Client) GoString() string { return c.String() }

// Format prints the client without its key whatever the verb.
func (c *Client) Format(f fmt.State, _ rune) { fmt.Fprint(f, c.String()) }

// Enterprises implements connectors.V1Files: GET /enterprise.
func (c *Client) Enterprises(ctx context.Context) ([]connectors.Enterprise, error) {
	const op = "comapi.Enterprises"
	data, err := c.get(ctx, op, "/enterprise")
	if err != nil {
		return nil, err
	}
	list, err := ParseEnterprises(data, c.cfg.MaxEntries)
	var se *ShapeError
	if errors.As(err, &se) {
		return nil, se.asError(op)
	}
	return list, err
}

// Files implements connectors.V1Files: GET /invoice/{siren}/{dir}/{folder}.
func (c *Client) Files(ctx context.Context, siren string, box connectors.FileBox) ([]connectors.V1File, error) {
	const op = "comapi.Files"
	siren = ident.NormalizeSIREN(siren)
	if err := ident.ValidateSIREN(siren); err != nil {
		return nil, connectors.Invalid(op, "siren", "SIREN "+connectors.Sanitize(siren)+" invalide", "invalid SIREN "+connectors.Sanitize(siren))
	}
	if !box.Valid() {
		return nil, connectors.Invalid(op, "folder", "dossier "+connectors.Sanitize(box.String())+" inconnu (attendu AP|AR et Transfer|Archived)",
			"unknown folder "+connectors.Sanitize(box.String())+" (expected AP|AR and Transfer|Archived)")
	}
	data, err := c.get(ctx, op, httpapi.Path("/invoice/{siren}/{direction}/{folder}", siren, string(box.Direction), string(box.Folder)))
	if err != nil {
		return nil, err
	}
	files, err := ParseFiles(data, c.cfg.MaxEntries, siren, box, func(raw string) error {
		_, err := checkURL(raw)
		return err
	})
	var se *ShapeError
	if errors.As(err, &se) {
		return nil, se.asError(op)
	}
	return files, err
}

// Download implements connectors.V1Files: it fetches f.DownloadURL (with the
// API headers only when it is on the API's own host) within MaxFileBytes
// and refuses a body whose length is not f.Size.
func (c *Client) Download(ctx context.Context, f connectors.V1File, w io.Writer) (int64, error) {
	const op = "comapi.Download"
	u, err := checkURL(f.DownloadURL)
	if err != nil {
		return 0, connectors.Invalid(op, "downloadurl", "adresse de téléchargement : "+err.Error(), "download address: "+connectors.English(err))
	}
	if f.Size > c.cfg.MaxFileBytes {
		return 0, tooLarge(op, connectors.Sanitize(f.Name), c.cfg.MaxFileBytes)
	}
	// The API headers go with it only when it is on the API's own host.
	data, err := c.tr.Fetch(ctx, op, u.String(), c.cfg.MaxFileBytes, false)
	if err != nil {
		return 0, withHint(err)
	}
	if int64(len(data)) != f.Size {
		return 0, &connectors.Error{Op: op, Kind: connectors.ErrUnavailable, Field: "size",
			French:  fmt.Sprintf("téléchargement de %q incomplet ou différent : %d octets reçus, %d annoncés", connectors.Sanitize(f.Name), len(data), f.Size),
			English: fmt.Sprintf("download of %q partial or different: %d bytes received, %d announced", connectors.Sanitize(f.Name), len(data), f.Size)}
	}
	n, err := w.Write(data)
	return int64(n), err
}

func tooLarge(op, what string, limit int64) error {
	return &connectors.Error{Op: op, Kind: connectors.ErrUnavailable,
		French:  fmt.Sprintf("%s : réponse trop volumineuse (plus de %d octets)", what, limit),
		English: fmt.Sprintf("%s: answer too large (more than %d bytes)", what, limit)}
}

// get fetches a JSON list of the API, a path under its base address.
func (c *Client) get(ctx context.Context, op, path string) ([]byte, error) {
	data, err := c.tr.Fetch(ctx, op, path, c.cfg.MaxResponseBytes, true)
	return data, withHint(err)
}

// withHint adds to a refused access what to check: the API has two
// credentials and says nothing of which is wrong.
func withHint(err error) error {
	var e *connectors.Error
	if errors.As(err, &e) && errors.Is(err, connectors.ErrUnauthorized) {
		e.French += " : vérifiez l'identifiant logiciel et la clé d'API"
		e.English += ": check the software id and the API key"
	}
	return err
}
