package sandbox_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/sandbox"
)

func fixedClock() func() time.Time {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	return func() time.Time { return t0 }
}

func TestSmoke(t *testing.T) {
	ctx := context.Background()
	p := sandbox.New(sandbox.Options{Seed: 7, Now: fixedClock()})
	v1, v2 := p.V1(), p.V2()
	cab, err := v1.Cabinet(ctx)
	if err != nil || len(cab.Clients) != 40 || cab.Cabinet.SIREN != sandbox.CabinetSIREN {
		t.Fatalf("cabinet: %v %d", err, len(cab.Clients))
	}
	for _, c := range cab.Clients {
		if err := ident.ValidateSIREN(c.SIREN); err != nil {
			t.Errorf("%s: %v", c.SIREN, err)
		}
		s, err := v1.ClientSnapshot(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range s.BankAccounts {
			if err := ident.ValidateIBAN(b.IBAN); err != nil {
				t.Errorf("%s: %v", b.IBAN, err)
			}
		}
	}
	if _, err := v2.SubmitMigration(ctx, connectors.MigrationSubmission{CabinetSIREN: sandbox.CabinetSIREN,
		RequestedBy: sandbox.ManagerEmail, IdempotencyKey: "k1"}); !errors.Is(err, connectors.ErrInvalid) {
		t.Fatalf("submit before registration: %v", err)
	}
	p.CompleteRegistration()
	req, err := v2.SubmitMigration(ctx, connectors.MigrationSubmission{CabinetSIREN: "552 008 443",
		RequestedBy: sandbox.ManagerEmail, IdempotencyKey: "k1"})
	if err != nil || req.State != connectors.RequestSubmitted {
		t.Fatalf("submit: %+v %v", req, err)
	}
	st, err := v2.MigrationStatus(ctx, req.Reference)
	if err != nil || st.State != connectors.RequestSucceeded {
		t.Fatalf("status: %+v %v", st, err)
	}
	inv, err := v2.Inventory(ctx, cab.Clients[0].SIREN)
	if err != nil || inv.Archives.Documents == 0 && inv.Articles == 0 {
		t.Fatalf("inventory: %+v %v", inv, err)
	}
	if ro, _ := v1.ReadOnly(ctx); !ro {
		t.Fatal("V1 should be read-only")
	}
}
