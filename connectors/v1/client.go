package v1

import (
	"context"
	"net/url"
	"strconv"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/httpapi/transport"
)

// Config configures the client: base URL, OAuth2 client credentials,
// timeouts, retries, rate limit. See transport.Config for every field and
// its default; the secret is never printed.
type Config = transport.Config

// Client is the HTTP client of jefacture.com V1. It implements
// connectors.V1 and is safe for concurrent use.
type Client struct {
	t *transport.Client
}

var _ connectors.V1 = (*Client)(nil)

// New returns a client for cfg. It refuses an invalid base URL, plain
// http:// to a host other than this machine, and missing credentials.
func New(cfg Config) (*Client, error) {
	t, err := transport.New("v1.New", cfg)
	if err != nil {
		return nil, err
	}
	return &Client{t: t}, nil
}

// String describes the client without its secret.
func (c *Client) String() string { return "v1." + c.t.String() }

// Cabinet implements connectors.V1.
func (c *Client) Cabinet(ctx context.Context) (connectors.CabinetSnapshot, error) {
	var snap connectors.CabinetSnapshot
	if err := c.t.Get(ctx, "v1.Cabinet", httpapi.PathV1Cabinet, nil, &snap); err != nil {
		return connectors.CabinetSnapshot{}, err
	}
	snap.Sanitize()
	return snap, nil
}

// ListClients implements connectors.V1. The cursor it returns is its own
// (see paging.go): it carries the platform's cursor and how far the listing
// has gone, so a listing stops with ErrLimit past MaxListPages,
// MaxListClients or MaxListBytes, or when the platform sends back a cursor
// it sent before, whichever loop the caller runs.
func (c *Client) ListClients(ctx context.Context, page connectors.Page) ([]connectors.Client, string, error) {
	l := decodeCursor(page.Cursor)
	q := url.Values{}
	if l.raw != "" {
		q.Set("cursor", l.raw)
	}
	if page.Limit > 0 {
		q.Set("limit", strconv.Itoa(page.Limit))
	}
	var p httpapi.ClientPage
	size, err := c.t.GetSized(ctx, "v1.ListClients", httpapi.PathV1Clients, q, &p)
	if err != nil {
		return nil, "", err
	}
	// Sanitised like every string from outside, as before the cursor was
	// wrapped: a real cursor is plain ASCII and does not change.
	next, err := l.next(len(p.Items), size, connectors.Sanitize(p.NextCursor))
	if err != nil {
		return nil, "", err
	}
	for i := range p.Items {
		p.Items[i].Sanitize()
	}
	return p.Items, next, nil
}

// ClientSnapshot implements connectors.V1.
func (c *Client) ClientSnapshot(ctx context.Context, clientID string) (connectors.V1Snapshot, error) {
	if clientID == "" {
		return connectors.V1Snapshot{}, connectors.Invalid("v1.ClientSnapshot", "client_id",
			"identifiant de dossier vide", "empty dossier identifier")
	}
	var snap connectors.V1Snapshot
	if err := c.t.Get(ctx, "v1.ClientSnapshot", httpapi.Path(httpapi.PathV1ClientSnapshot, clientID), nil, &snap); err != nil {
		return connectors.V1Snapshot{}, err
	}
	snap.Sanitize()
	return snap, nil
}

// ReadOnly implements connectors.V1.
func (c *Client) ReadOnly(ctx context.Context) (bool, error) {
	var st httpapi.ReadOnlyStatus
	if err := c.t.Get(ctx, "v1.ReadOnly", httpapi.PathV1Status, nil, &st); err != nil {
		return false, err
	}
	return st.ReadOnly, nil
}
