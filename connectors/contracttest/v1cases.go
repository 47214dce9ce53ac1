package contracttest

import (
	"context"
	"errors"
	"testing"

	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
)

func pagingCoversAll(t *testing.T, f Factory) {
	v1, _, _ := f(t)
	small := allClients(t, v1, 3)
	def := allClients(t, v1, 0)
	if len(small) < 2 {
		t.Fatalf("only %d clients", len(small))
	}
	seen := map[string]bool{}
	for _, c := range small {
		if c.ID == "" || seen[c.ID] {
			t.Errorf("client id %q empty or listed twice", c.ID)
		}
		seen[c.ID] = true
	}
	if len(def) != len(small) {
		t.Errorf("pages of 3 give %d clients, default pages %d", len(small), len(def))
	}
	for _, c := range def {
		if !seen[c.ID] {
			t.Errorf("client %s missing from pages of 3", c.ID)
		}
	}
	cab, err := v1.Cabinet(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(cab.Clients) > 0 && len(cab.Clients) != len(small) {
		t.Errorf("Cabinet lists %d clients, paging %d", len(cab.Clients), len(small))
	}
	if !sanitised(cab) {
		t.Error("cabinet snapshot not sanitised")
	}
	if cab.Cabinet.SIREN == "" || cab.Cabinet.LegalName == "" || ident.ValidateEmail(cab.Cabinet.ManagerEmail) != nil {
		t.Errorf("cabinet identity incomplete: %+v", cab.Cabinet)
	}
}

func badCursor(t *testing.T, f Factory) {
	v1, _, _ := f(t)
	_, _, err := v1.ListClients(t.Context(), connectors.Page{Cursor: "%%not-a-cursor%%"})
	wantKind(t, "ListClients(bad cursor)", err, connectors.ErrInvalid)
}

func snapshotsComplete(t *testing.T, f Factory) {
	v1, _, _ := f(t)
	statuses := map[connectors.ClientStatus]int{}
	for i, c := range allClients(t, v1, 0) {
		if !sanitised(c) {
			t.Errorf("client %s not sanitised: %q", c.ID, c.LegalName)
		}
		statuses[c.Status]++
		if i >= 60 {
			continue // enough snapshots for a large cabinet
		}
		s, err := v1.ClientSnapshot(t.Context(), c.ID)
		if err != nil {
			t.Fatalf("ClientSnapshot(%s): %v", c.ID, err)
		}
		if s.Client.ID != c.ID || s.Client.SIREN != c.SIREN {
			t.Errorf("snapshot of %s is of %s/%s", c.ID, s.Client.ID, s.Client.SIREN)
		}
		if s.Client.LegalName == "" || !s.Client.Status.Valid() || s.FetchedAt.IsZero() {
			t.Errorf("snapshot of %s incomplete: %+v", c.ID, s.Client)
		}
		if err := ident.ValidateSIREN(s.Client.SIREN); err != nil {
			t.Errorf("snapshot of %s: %v", c.ID, err)
		}
		if !sanitised(s) {
			t.Errorf("snapshot of %s not sanitised", c.ID)
		}
		for _, b := range s.BankAccounts {
			if err := ident.ValidateIBAN(b.IBAN); err != nil {
				t.Errorf("snapshot of %s: IBAN %v", c.ID, err)
			}
		}
	}
	if statuses[connectors.StatusActive] == 0 {
		t.Error("no active client")
	}
}

func unknownClient(t *testing.T, f Factory) {
	v1, _, _ := f(t)
	_, err := v1.ClientSnapshot(t.Context(), "no-such-dossier")
	wantKind(t, "ClientSnapshot(unknown)", err, connectors.ErrNotFound)
}

func acceptPending(t *testing.T, f Factory) {
	v1, _, c := f(t)
	if err := c.AcceptAllPending(); err != nil {
		t.Fatalf("AcceptAllPending: %v", err)
	}
	clients := allClients(t, v1, 0)
	for _, cl := range clients[:min(40, len(clients))] {
		s, err := v1.ClientSnapshot(t.Context(), cl.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n := s.Invoices.PendingTotal(); n != 0 {
			t.Errorf("%s still has %d pending invoices", cl.ID, n)
		}
	}
}

func readOnlyAfterMigration(t *testing.T, f Factory) {
	v1, v2, c := f(t)
	ro, err := v1.ReadOnly(t.Context())
	if err != nil || ro {
		t.Fatalf("ReadOnly before migration = %v, %v", ro, err)
	}
	migrate(t, v1, v2, c)
	ro, err = v1.ReadOnly(t.Context())
	if err != nil || !ro {
		t.Fatalf("ReadOnly after migration = %v, %v", ro, err)
	}
	wantKind(t, "AcceptAllPending after migration", c.AcceptAllPending(), connectors.ErrReadOnly)
	// Reads still answer: the old space keeps its history.
	cl := pick(t, v1, true)
	if _, err := v1.ClientSnapshot(t.Context(), cl.ID); err != nil {
		t.Errorf("ClientSnapshot after migration: %v", err)
	}
	if _, err := v1.Cabinet(t.Context()); err != nil {
		t.Errorf("Cabinet after migration: %v", err)
	}
}

func v1Cancelled(t *testing.T, f Factory) {
	v1, _, _ := f(t)
	cl := pick(t, v1, true)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	check := func(name string, err error) {
		t.Helper()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s with cancelled context: %v, want context.Canceled", name, err)
		}
	}
	_, err := v1.Cabinet(ctx)
	check("Cabinet", err)
	_, _, err = v1.ListClients(ctx, connectors.Page{})
	check("ListClients", err)
	_, err = v1.ClientSnapshot(ctx, cl.ID)
	check("ClientSnapshot", err)
	_, err = v1.ReadOnly(ctx)
	check("ReadOnly", err)
}

// --- V2 ---------------------------------------------------------------------
