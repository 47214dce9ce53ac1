package sandbox

import (
	"context"
	"encoding/base64"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/bascule-cli/bascule/connectors"
)

// Paging limits of ListClients.
const (
	DefaultPageLimit = 100
	MaxPageLimit     = 500
	// cabinetListMax is the size above which Cabinet leaves Clients empty,
	// as the port allows for very large cabinets, so callers page instead.
	cabinetListMax = 1000
)

// v1 is the V1 port over a Platform. raw skips sanitising (see RawV1).
type v1 struct {
	p   *Platform
	raw bool
}

func (v v1) Cabinet(ctx context.Context) (connectors.CabinetSnapshot, error) {
	if err := cancelled(ctx, "v1.Cabinet"); err != nil {
		return connectors.CabinetSnapshot{}, err
	}
	p := v.p
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tick()
	out := connectors.CabinetSnapshot{
		Cabinet:       p.w.cabinet,
		Collaborators: copyUsers(p.w.collaborators),
		Clients:       []connectors.Client{},
		Integrations:  copyIntegrations(p.w.integrations),
		FetchedAt:     p.now(),
	}
	if len(p.w.clients) <= cabinetListMax {
		out.Clients = make([]connectors.Client, len(p.w.clients))
		for i, d := range p.w.clients {
			out.Clients[i] = d.snap.Client
		}
	}
	if !v.raw {
		out.Sanitize()
	}
	return out, nil
}

func (v v1) ListClients(ctx context.Context, page connectors.Page) ([]connectors.Client, string, error) {
	const op = "v1.ListClients"
	if err := cancelled(ctx, op); err != nil {
		return nil, "", err
	}
	start, err := decodeCursor(page.Cursor)
	if err != nil {
		return nil, "", connectors.Invalid(op, "cursor", "curseur de page invalide", "invalid page cursor")
	}
	limit := page.Limit
	if limit <= 0 {
		limit = DefaultPageLimit
	}
	limit = min(limit, MaxPageLimit)

	p := v.p
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tick()
	n := len(p.w.clients)
	start = min(start, n)
	end := min(start+limit, n)
	out := make([]connectors.Client, 0, end-start)
	for _, d := range p.w.clients[start:end] {
		c := d.snap.Client
		if !v.raw {
			c.Sanitize()
		}
		out = append(out, c)
	}
	next := ""
	if end < n {
		next = encodeCursor(end)
	}
	return out, next, nil
}

// The cursor is opaque to callers; here it is an offset, encoded so nobody
// is tempted to compute one.
func encodeCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("off:" + strconv.Itoa(offset)))
}

func decodeCursor(c string) (int, error) {
	if c == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, err
	}
	s, ok := strings.CutPrefix(string(b), "off:")
	if !ok {
		return 0, strconv.ErrSyntax
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, strconv.ErrSyntax
	}
	return n, nil
}

func (v v1) ClientSnapshot(ctx context.Context, clientID string) (connectors.V1Snapshot, error) {
	const op = "v1.ClientSnapshot"
	if err := cancelled(ctx, op); err != nil {
		return connectors.V1Snapshot{}, err
	}
	p := v.p
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tick()
	d := p.byID[clientID]
	if d == nil {
		return connectors.V1Snapshot{}, notFound(op, "dossier "+connectors.Sanitize(clientID))
	}
	out := copySnapshot(d.snap)
	out.FetchedAt = p.now()
	if !v.raw {
		out.Sanitize()
	}
	return out, nil
}

func (v v1) ReadOnly(ctx context.Context) (bool, error) {
	if err := cancelled(ctx, "v1.ReadOnly"); err != nil {
		return false, err
	}
	v.p.mu.Lock()
	defer v.p.mu.Unlock()
	v.p.tick()
	return v.p.migrated, nil
}

// --- deep copies: nothing returned shares memory with the platform ----------

func copyUsers(us []connectors.User) []connectors.User {
	out := make([]connectors.User, len(us))
	for i, u := range us {
		u.Roles = slices.Clone(u.Roles)
		out[i] = u
	}
	return out
}

func copyIntegrations(ins []connectors.Integration) []connectors.Integration {
	out := make([]connectors.Integration, len(ins))
	for i, in := range ins {
		in.Fields = maps.Clone(in.Fields)
		out[i] = in
	}
	return out
}

func copyArticles(as []connectors.Article) []connectors.Article {
	out := make([]connectors.Article, len(as))
	for i, a := range as {
		a.Problems = slices.Clone(a.Problems)
		out[i] = a
	}
	return out
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

func copySnapshot(s connectors.V1Snapshot) connectors.V1Snapshot {
	s.Articles = copyArticles(s.Articles)
	s.Users = copyUsers(s.Users)
	s.Numbering = clonePtr(s.Numbering)
	s.Logo = clonePtr(s.Logo)
	s.BankAccounts = append([]connectors.BankAccount{}, s.BankAccounts...)
	s.Statements = append([]connectors.Statement{}, s.Statements...)
	return s
}

func copyInventory(inv connectors.Inventory) connectors.Inventory {
	inv.Users = copyUsers(inv.Users)
	inv.BankAccounts = append([]connectors.BankAccount{}, inv.BankAccounts...)
	inv.Numbering = clonePtr(inv.Numbering)
	inv.Logo = clonePtr(inv.Logo)
	inv.Integrations = copyIntegrations(inv.Integrations)
	inv.Subscription = clonePtr(inv.Subscription)
	return inv
}
