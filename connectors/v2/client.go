package v2

import (
	"context"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/httpapi/transport"
)

// Config configures the client; see transport.Config. The secret is never
// printed.
type Config = transport.Config

// Client is the HTTP client of jefacture.com V2. It implements
// connectors.V2 and is safe for concurrent use.
type Client struct {
	t *transport.Client
}

var _ connectors.V2 = (*Client)(nil)

// New returns a client for cfg. It refuses an invalid base URL, plain
// http:// to a host other than this machine, and missing credentials.
func New(cfg Config) (*Client, error) {
	t, err := transport.New("v2.New", cfg)
	if err != nil {
		return nil, err
	}
	return &Client{t: t}, nil
}

// String describes the client without its secret.
func (c *Client) String() string { return "v2." + c.t.String() }

// required refuses an empty path parameter before it reaches the network
// (an empty segment would address another route).
func required(op, field, value string) error {
	if value == "" {
		return connectors.Invalid(op, field, "valeur requise : "+field, "value required: "+field)
	}
	return nil
}

// Registration implements connectors.V2.
func (c *Client) Registration(ctx context.Context) (connectors.RegistrationStatus, error) {
	var st connectors.RegistrationStatus
	if err := c.t.Get(ctx, "v2.Registration", httpapi.PathV2Registration, nil, &st); err != nil {
		return connectors.RegistrationStatus{}, err
	}
	st.Sanitize()
	return st, nil
}

// SubmitMigration implements connectors.V2. An empty req.IdempotencyKey is
// replaced by a random one, sent both in the body and in the header.
func (c *Client) SubmitMigration(ctx context.Context, req connectors.MigrationSubmission) (connectors.MigrationRequest, error) {
	if req.IdempotencyKey == "" {
		req.IdempotencyKey = transport.NewKey()
	}
	var mr connectors.MigrationRequest
	if err := c.t.Post(ctx, "v2.SubmitMigration", httpapi.PathV2MigrationRequests, req.IdempotencyKey, req, &mr); err != nil {
		return connectors.MigrationRequest{}, err
	}
	mr.Sanitize()
	return mr, nil
}

// MigrationStatus implements connectors.V2.
func (c *Client) MigrationStatus(ctx context.Context, reference string) (connectors.MigrationRequest, error) {
	const op = "v2.MigrationStatus"
	if err := required(op, "reference", reference); err != nil {
		return connectors.MigrationRequest{}, err
	}
	var mr connectors.MigrationRequest
	if err := c.t.Get(ctx, op, httpapi.Path(httpapi.PathV2MigrationRequest, reference), nil, &mr); err != nil {
		return connectors.MigrationRequest{}, err
	}
	mr.Sanitize()
	return mr, nil
}

// Inventory implements connectors.V2.
func (c *Client) Inventory(ctx context.Context, clientSIREN string) (connectors.Inventory, error) {
	const op = "v2.Inventory"
	if err := required(op, "siren", clientSIREN); err != nil {
		return connectors.Inventory{}, err
	}
	var inv connectors.Inventory
	if err := c.t.Get(ctx, op, httpapi.Path(httpapi.PathV2Inventory, clientSIREN), nil, &inv); err != nil {
		return connectors.Inventory{}, err
	}
	inv.Sanitize()
	return inv, nil
}

// InviteUser implements connectors.V2.
func (c *Client) InviteUser(ctx context.Context, space string, u connectors.User, key string) (connectors.User, error) {
	const op = "v2.InviteUser"
	if err := required(op, "space", space); err != nil {
		return connectors.User{}, err
	}
	var got connectors.User
	if err := c.t.Post(ctx, op, httpapi.Path(httpapi.PathV2Users, space), key, u, &got); err != nil {
		return connectors.User{}, err
	}
	got.Sanitize()
	return got, nil
}

// ImportClients implements connectors.V2.
func (c *Client) ImportClients(ctx context.Context, clients []connectors.Client, key string) (connectors.ImportResult, error) {
	var res connectors.ImportResult
	if clients == nil {
		clients = []connectors.Client{}
	}
	if err := c.t.Post(ctx, "v2.ImportClients", httpapi.PathV2ClientImports, key, httpapi.ClientImport{Clients: clients}, &res); err != nil {
		return connectors.ImportResult{}, err
	}
	res.Sanitize()
	return res, nil
}

// SetProfile implements connectors.V2.
func (c *Client) SetProfile(ctx context.Context, clientSIREN string, p connectors.Profile, key string) error {
	return c.post(ctx, "v2.SetProfile", httpapi.PathV2Profile, clientSIREN, "siren", p, key)
}

// AddBankAccount implements connectors.V2.
func (c *Client) AddBankAccount(ctx context.Context, clientSIREN string, a connectors.BankAccount, key string) error {
	return c.post(ctx, "v2.AddBankAccount", httpapi.PathV2BankAccounts, clientSIREN, "siren", a, key)
}

// SetNumbering implements connectors.V2.
func (c *Client) SetNumbering(ctx context.Context, clientSIREN string, n connectors.Numbering, key string) error {
	return c.post(ctx, "v2.SetNumbering", httpapi.PathV2Numbering, clientSIREN, "siren", n, key)
}

// CreateIntegration implements connectors.V2.
func (c *Client) CreateIntegration(ctx context.Context, space string, in connectors.Integration, key string) error {
	return c.post(ctx, "v2.CreateIntegration", httpapi.PathV2Integrations, space, "space", in, key)
}

// ChooseSubscription implements connectors.V2.
func (c *Client) ChooseSubscription(ctx context.Context, clientSIREN string, s connectors.Subscription, key string) error {
	return c.post(ctx, "v2.ChooseSubscription", httpapi.PathV2Subscription, clientSIREN, "siren", s, key)
}

// post sends a write whose answer carries nothing (204).
func (c *Client) post(ctx context.Context, op, pattern, param, field string, body any, key string) error {
	if err := required(op, field, param); err != nil {
		return err
	}
	return c.t.Post(ctx, op, httpapi.Path(pattern, param), key, body, nil)
}
