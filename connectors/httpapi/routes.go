package httpapi

import (
	"context"
	"net/http"
	"strconv"

	"github.com/bascule-cli/bascule/connectors"
)

// portMissing answers the routes of a port NewServer was not given.
func portMissing(name string) reply {
	return errorReply(&connectors.Error{Kind: connectors.ErrUnavailable,
		French: "plateforme " + name + " non servie", English: "platform " + name + " not served"})
}

// result answers v with status, or the error.
func result(status int, v any, err error) reply {
	if err != nil {
		return errorReply(err)
	}
	if v == nil {
		return reply{status: http.StatusNoContent}
	}
	return jsonReply(status, v)
}

func (s *Server) v1Cabinet(ctx context.Context, r *http.Request, _ string, _ []byte) reply {
	if s.v1 == nil {
		return portMissing("V1")
	}
	snap, err := s.v1.Cabinet(ctx)
	return result(http.StatusOK, snap, err)
}

func (s *Server) v1Clients(ctx context.Context, r *http.Request, _ string, _ []byte) reply {
	if s.v1 == nil {
		return portMissing("V1")
	}
	q := r.URL.Query()
	page := connectors.Page{Cursor: q.Get("cursor")}
	if l := q.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 0 {
			return errorReply(connectors.Invalid("", "limit", "limit doit être un entier positif", "limit must be a non-negative integer"))
		}
		page.Limit = n
	}
	page.Limit = min(page.Limit, s.opts.MaxPageLimit)
	items, next, err := s.v1.ListClients(ctx, page)
	if err != nil {
		return errorReply(err)
	}
	if items == nil {
		items = []connectors.Client{}
	}
	return jsonReply(http.StatusOK, ClientPage{Items: items, NextCursor: next})
}

func (s *Server) v1Snapshot(ctx context.Context, r *http.Request, _ string, _ []byte) reply {
	if s.v1 == nil {
		return portMissing("V1")
	}
	snap, err := s.v1.ClientSnapshot(ctx, r.PathValue("client_id"))
	return result(http.StatusOK, snap, err)
}

func (s *Server) v1Status(ctx context.Context, r *http.Request, _ string, _ []byte) reply {
	if s.v1 == nil {
		return portMissing("V1")
	}
	ro, err := s.v1.ReadOnly(ctx)
	return result(http.StatusOK, ReadOnlyStatus{ReadOnly: ro}, err)
}

func (s *Server) v2Registration(ctx context.Context, r *http.Request, _ string, _ []byte) reply {
	if s.v2 == nil {
		return portMissing("V2")
	}
	st, err := s.v2.Registration(ctx)
	return result(http.StatusOK, st, err)
}

func (s *Server) v2Submit(ctx context.Context, r *http.Request, key string, body []byte) reply {
	if s.v2 == nil {
		return portMissing("V2")
	}
	var sub connectors.MigrationSubmission
	if err := decode(body, &sub); err != nil {
		return errorReply(err)
	}
	switch sub.IdempotencyKey {
	case "":
		sub.IdempotencyKey = key
	case key:
	default:
		return errorReply(connectors.Invalid("", "idempotency_key",
			"idempotency_key du corps différent de l'en-tête Idempotency-Key",
			"body idempotency_key differs from the Idempotency-Key header"))
	}
	req, err := s.v2.SubmitMigration(ctx, sub)
	return result(http.StatusCreated, req, err)
}

func (s *Server) v2MigrationStatus(ctx context.Context, r *http.Request, _ string, _ []byte) reply {
	if s.v2 == nil {
		return portMissing("V2")
	}
	req, err := s.v2.MigrationStatus(ctx, r.PathValue("reference"))
	return result(http.StatusOK, req, err)
}

func (s *Server) v2Inventory(ctx context.Context, r *http.Request, _ string, _ []byte) reply {
	if s.v2 == nil {
		return portMissing("V2")
	}
	inv, err := s.v2.Inventory(ctx, r.PathValue("siren"))
	return result(http.StatusOK, inv, err)
}

func (s *Server) v2InviteUser(ctx context.Context, r *http.Request, key string, body []byte) reply {
	if s.v2 == nil {
		return portMissing("V2")
	}
	var u connectors.User
	if err := decode(body, &u); err != nil {
		return errorReply(err)
	}
	got, err := s.v2.InviteUser(ctx, r.PathValue("space"), u, key)
	return result(http.StatusCreated, got, err)
}

func (s *Server) v2ImportClients(ctx context.Context, r *http.Request, key string, body []byte) reply {
	if s.v2 == nil {
		return portMissing("V2")
	}
	var in ClientImport
	if err := decode(body, &in); err != nil {
		return errorReply(err)
	}
	res, err := s.v2.ImportClients(ctx, in.Clients, key)
	if res.Rejected == nil {
		res.Rejected = []connectors.RowError{}
	}
	return result(http.StatusOK, res, err)
}

// writeRecord decodes a record of type T and hands it to a port method that
// returns only an error: the answer is 204.
func writeRecord[T any](s *Server, body []byte, call func(T) error) reply {
	if s.v2 == nil {
		return portMissing("V2")
	}
	var v T
	if err := decode(body, &v); err != nil {
		return errorReply(err)
	}
	return result(http.StatusNoContent, nil, call(v))
}

func (s *Server) v2Profile(ctx context.Context, r *http.Request, key string, body []byte) reply {
	return writeRecord(s, body, func(p connectors.Profile) error {
		return s.v2.SetProfile(ctx, r.PathValue("siren"), p, key)
	})
}

func (s *Server) v2BankAccount(ctx context.Context, r *http.Request, key string, body []byte) reply {
	return writeRecord(s, body, func(a connectors.BankAccount) error {
		return s.v2.AddBankAccount(ctx, r.PathValue("siren"), a, key)
	})
}

func (s *Server) v2Numbering(ctx context.Context, r *http.Request, key string, body []byte) reply {
	return writeRecord(s, body, func(n connectors.Numbering) error {
		return s.v2.SetNumbering(ctx, r.PathValue("siren"), n, key)
	})
}

func (s *Server) v2Integration(ctx context.Context, r *http.Request, key string, body []byte) reply {
	return writeRecord(s, body, func(in connectors.Integration) error {
		return s.v2.CreateIntegration(ctx, r.PathValue("space"), in, key)
	})
}

func (s *Server) v2Subscription(ctx context.Context, r *http.Request, key string, body []byte) reply {
	return writeRecord(s, body, func(sub connectors.Subscription) error {
		return s.v2.ChooseSubscription(ctx, r.PathValue("siren"), sub, key)
	})
}
