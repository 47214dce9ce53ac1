package sandbox_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/sandbox"
)

// migrated is a sandbox after a migration in which pending invoices were left
// pending, so the test can see they stay behind.
type migrated struct {
	p      *sandbox.Platform
	v1     connectors.V1
	v2     connectors.V2
	snaps  []connectors.V1Snapshot // every client, V1 order
	own    connectors.V1Snapshot   // the cabinet's own dossier
	cab    connectors.CabinetSnapshot
	keyNum int
}

func newMigrated(t *testing.T) *migrated {
	t.Helper()
	ctx := t.Context()
	p := sandbox.New(sandbox.Options{Seed: 2026, Now: fixedClock()})
	m := &migrated{p: p, v1: p.V1(), v2: p.V2()}
	var err error
	if m.cab, err = m.v1.Cabinet(ctx); err != nil {
		t.Fatal(err)
	}
	if m.own, err = m.v1.ClientSnapshot(ctx, sandbox.CabinetDossierID); err != nil {
		t.Fatal(err)
	}
	for _, c := range m.cab.Clients {
		s, err := m.v1.ClientSnapshot(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		m.snaps = append(m.snaps, s)
	}
	p.CompleteRegistration()
	if _, err := m.v2.SubmitMigration(ctx, connectors.MigrationSubmission{CabinetSIREN: sandbox.CabinetSIREN,
		RequestedBy: sandbox.ManagerEmail, IdempotencyKey: "table"}); err != nil {
		t.Fatal(err)
	}
	if err := p.FinishMigration(); err != nil {
		t.Fatal(err)
	}
	return m
}

func (m *migrated) key() string {
	m.keyNum++
	return "table-" + string(rune('a'+m.keyNum%26)) + string(rune('0'+m.keyNum/26))
}

func (m *migrated) inv(t *testing.T, siren string) connectors.Inventory {
	t.Helper()
	inv, err := m.v2.Inventory(t.Context(), siren)
	if err != nil {
		t.Fatalf("Inventory(%s): %v", siren, err)
	}
	return inv
}

// active calls fn for each active client with its V1 snapshot and V2 inventory.
func (m *migrated) active(t *testing.T, fn func(s connectors.V1Snapshot, inv connectors.Inventory)) {
	t.Helper()
	n := 0
	for _, s := range m.snaps {
		if s.Client.Status == connectors.StatusActive {
			fn(s, m.inv(t, s.Client.SIREN))
			n++
		}
	}
	if n == 0 {
		t.Fatal("no active client")
	}
}

// TestSummaryTable walks guide §4 line by line: what says "oui" is on V2
// after the migration, what says "non" is not, until re-created through the
// V2 write operations.
func TestSummaryTable(t *testing.T) {
	checks := map[string]func(t *testing.T, m *migrated){
		"cabinet.inactive_clients":    checkInactiveClients,
		"cabinet.collaborator_access": checkCollaborators,
		"cabinet.collaborator_roles":  checkCollaborators,
		"cabinet.api_connections":     checkAPIConnections,
		"cabinet.dossier_data":        checkCabinetDossier,
		"company.archived_invoices": func(t *testing.T, m *migrated) {
			m.active(t, func(s connectors.V1Snapshot, inv connectors.Inventory) {
				if inv.Archives != s.Archives {
					t.Errorf("%s: archives V2 %d, V1 %d", s.Client.ID, inv.Archives.Documents, s.Archives.Documents)
				}
			})
		},
		"company.accepted_invoices": func(t *testing.T, m *migrated) {
			m.active(t, func(s connectors.V1Snapshot, inv connectors.Inventory) {
				if inv.Invoices.Purchases.AcceptedPaid != s.Invoices.Purchases.AcceptedPaid ||
					inv.Invoices.Purchases.AcceptedUnpaid != s.Invoices.Purchases.AcceptedUnpaid ||
					inv.Invoices.Sales.AcceptedPaid != s.Invoices.Sales.AcceptedPaid ||
					inv.Invoices.Sales.AcceptedUnpaid != s.Invoices.Sales.AcceptedUnpaid {
					t.Errorf("%s: accepted V2 %+v, V1 %+v", s.Client.ID, inv.Invoices, s.Invoices)
				}
			})
		},
		"company.pending_invoices": func(t *testing.T, m *migrated) {
			pending := 0
			m.active(t, func(s connectors.V1Snapshot, inv connectors.Inventory) {
				pending += s.Invoices.PendingTotal()
				if inv.Invoices.PendingTotal() != 0 {
					t.Errorf("%s: %d pending invoices reached V2", s.Client.ID, inv.Invoices.PendingTotal())
				}
			})
			if pending == 0 {
				t.Error("the demo should leave some invoices pending")
			}
		},
		"company.partners": func(t *testing.T, m *migrated) {
			m.active(t, func(s connectors.V1Snapshot, inv connectors.Inventory) {
				if inv.Partners != s.Partners {
					t.Errorf("%s: partners V2 %+v, V1 %+v", s.Client.ID, inv.Partners, s.Partners)
				}
			})
		},
		"company.articles": func(t *testing.T, m *migrated) {
			m.active(t, func(s connectors.V1Snapshot, inv connectors.Inventory) {
				if inv.Articles != len(s.Articles) {
					t.Errorf("%s: articles V2 %d, V1 %d", s.Client.ID, inv.Articles, len(s.Articles))
				}
			})
		},
		"company.payment_account": func(t *testing.T, m *migrated) {
			n := 0
			m.active(t, func(s connectors.V1Snapshot, inv connectors.Inventory) {
				if s.PaymentAccount {
					n++
				}
				if inv.PaymentAccount != s.PaymentAccount {
					t.Errorf("%s: payment account V2 %v, V1 %v", s.Client.ID, inv.PaymentAccount, s.PaymentAccount)
				}
			})
			if n == 0 {
				t.Error("no payment-services client")
			}
		},
		"company.profile":       checkProfile,
		"company.bank_accounts": checkBankAccounts,
		"company.statements": func(t *testing.T, m *migrated) {
			// V2 has no statements at all; the Banqup account they were
			// taken from is not among the migrated bank accounts either.
			n := 0
			m.active(t, func(s connectors.V1Snapshot, inv connectors.Inventory) {
				n += len(s.Statements)
				if len(inv.BankAccounts) != 0 {
					t.Errorf("%s: bank accounts on V2: %+v", s.Client.ID, inv.BankAccounts)
				}
			})
			if n == 0 {
				t.Error("no statements on V1")
			}
		},
		"company.users_roles":  checkCompanyUsers,
		"company.user_role":    checkCompanyUsers,
		"company.numbering":    checkNumbering,
		"company.subscription": checkSubscription,
		"company.v1_access": func(t *testing.T, m *migrated) {
			if ro, err := m.v1.ReadOnly(t.Context()); err != nil || !ro {
				t.Errorf("V1 ReadOnly = %v, %v", ro, err)
			}
			if _, err := m.v1.ClientSnapshot(t.Context(), m.snaps[0].Client.ID); err != nil {
				t.Errorf("V1 history unreadable: %v", err)
			}
		},
	}
	for _, line := range checklist.Default().Table {
		t.Run(line.ID, func(t *testing.T) {
			check, ok := checks[line.ID]
			if !ok {
				t.Fatalf("§4 line %s (migrated %s) has no check in the sandbox", line.ID, line.Migrated)
			}
			check(t, newMigrated(t))
		})
	}
}

func checkInactiveClients(t *testing.T, m *migrated) {
	ctx := t.Context()
	var inactive []connectors.Client
	for _, s := range m.snaps {
		if s.Client.Status.Inactive() {
			inactive = append(inactive, s.Client)
			if _, err := m.v2.Inventory(ctx, s.Client.SIREN); !errors.Is(err, connectors.ErrNotFound) {
				t.Errorf("inactive %s has a V2 space before import: %v", s.Client.ID, err)
			}
		}
	}
	if len(inactive) == 0 {
		t.Fatal("no inactive client")
	}
	res, err := m.v2.ImportClients(ctx, inactive, m.key())
	if err != nil || res.Created != len(inactive) {
		t.Fatalf("import = %+v, %v", res, err)
	}
	for _, c := range inactive {
		m.inv(t, c.SIREN)
	}
}

func checkCollaborators(t *testing.T, m *migrated) {
	ctx := t.Context()
	inv := m.inv(t, connectors.SpaceCabinet)
	// Only the requester is there, invited as administrator (§3.2).
	if len(inv.Users) != 1 || inv.Users[0].Email != sandbox.ManagerEmail ||
		!slices.Equal(inv.Users[0].Roles, []string{connectors.RoleAdministrator}) {
		t.Fatalf("cabinet users after migration = %+v", inv.Users)
	}
	several := false
	for _, u := range m.cab.Collaborators {
		several = several || len(u.Roles) > 1
		if u.Email == sandbox.ManagerEmail || !u.Active {
			continue
		}
		got, err := m.v2.InviteUser(ctx, connectors.SpaceCabinet, u, m.key())
		if err != nil || got.Active || !slices.Equal(got.Roles, slices.Sorted(slices.Values(u.Roles))) {
			t.Errorf("invite %s = %+v, %v", u.Email, got, err)
		}
	}
	if !several {
		t.Error("no collaborator with several roles")
	}
	if inv = m.inv(t, connectors.SpaceCabinet); len(inv.Users) < 2 {
		t.Errorf("cabinet users after invitations = %+v", inv.Users)
	}
}

func checkAPIConnections(t *testing.T, m *migrated) {
	if inv := m.inv(t, connectors.SpaceCabinet); len(inv.Integrations) != 0 {
		t.Fatalf("integrations migrated: %+v", inv.Integrations)
	}
	soft := map[connectors.Software]bool{}
	for _, in := range m.cab.Integrations {
		soft[in.Software] = true
		if in.Software == connectors.SoftwareMyUnisoft && in.TokenKept {
			t.Error("MyUnisoft token should not be kept yet")
		}
		if err := m.v2.CreateIntegration(t.Context(), in.Scope, in, m.key()); err != nil {
			t.Errorf("re-create %s: %v", in.Software, err)
		}
	}
	if !soft[connectors.SoftwareMyUnisoft] || !soft[connectors.SoftwareACD] {
		t.Errorf("want a MyUnisoft and an ACD connection, got %v", soft)
	}
}

func checkCabinetDossier(t *testing.T, m *migrated) {
	inv := m.inv(t, sandbox.CabinetSIREN)
	if inv.Archives != m.own.Archives || inv.Invoices.AcceptedTotal() != m.own.Invoices.AcceptedTotal() ||
		inv.Articles != len(m.own.Articles) || inv.Partners != m.own.Partners {
		t.Errorf("cabinet dossier V2 %+v, V1 %+v", inv, m.own)
	}
}

// firstActive returns the first active client that has what has(s) asks.
func (m *migrated) firstActive(t *testing.T, has func(s connectors.V1Snapshot) bool) connectors.V1Snapshot {
	t.Helper()
	for _, s := range m.snaps {
		if s.Client.Status == connectors.StatusActive && has(s) {
			return s
		}
	}
	t.Fatal("no active client with the wanted data")
	return connectors.V1Snapshot{}
}

func checkProfile(t *testing.T, m *migrated) {
	s := m.firstActive(t, func(s connectors.V1Snapshot) bool { return s.Logo != nil })
	if inv := m.inv(t, s.Client.SIREN); inv.Logo != nil {
		t.Fatalf("logo migrated: %+v", inv.Logo)
	}
	data, err := m.p.LogoData(s.Client.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.v2.SetProfile(t.Context(), s.Client.SIREN, connectors.Profile{City: s.Client.City,
		Logo: s.Logo, LogoData: data}, m.key()); err != nil {
		t.Fatal(err)
	}
	if inv := m.inv(t, s.Client.SIREN); inv.Logo == nil || *inv.Logo != *s.Logo {
		t.Errorf("logo after SetProfile = %+v, want %+v", inv.Logo, s.Logo)
	}
	bad := *s.Logo
	bad.SHA256 = strings.Repeat("0", len(bad.SHA256))
	err = m.v2.SetProfile(t.Context(), s.Client.SIREN, connectors.Profile{Logo: &bad, LogoData: data}, m.key())
	if !errors.Is(err, connectors.ErrInvalid) {
		t.Errorf("logo with a wrong digest: %v", err)
	}
}

func checkBankAccounts(t *testing.T, m *migrated) {
	s := m.firstActive(t, func(s connectors.V1Snapshot) bool {
		return slices.ContainsFunc(s.BankAccounts, func(b connectors.BankAccount) bool { return b.External })
	})
	if inv := m.inv(t, s.Client.SIREN); len(inv.BankAccounts) != 0 {
		t.Fatalf("bank accounts migrated: %+v", inv.BankAccounts)
	}
	for _, b := range s.BankAccounts {
		if err := m.v2.AddBankAccount(t.Context(), s.Client.SIREN, b, m.key()); err != nil {
			t.Errorf("re-enter %s: %v", b.IBAN, err)
		}
	}
	if inv := m.inv(t, s.Client.SIREN); len(inv.BankAccounts) != len(s.BankAccounts) {
		t.Errorf("bank accounts after re-entry = %d, want %d", len(inv.BankAccounts), len(s.BankAccounts))
	}
}

func checkCompanyUsers(t *testing.T, m *migrated) {
	s := m.firstActive(t, func(s connectors.V1Snapshot) bool { return len(s.Users) > 0 })
	if inv := m.inv(t, s.Client.SIREN); len(inv.Users) != 0 {
		t.Fatalf("users migrated: %+v", inv.Users)
	}
	for _, u := range s.Users {
		if _, err := m.v2.InviteUser(t.Context(), s.Client.SIREN, u, m.key()); err != nil {
			t.Errorf("invite %s: %v", u.Email, err)
		}
	}
	if inv := m.inv(t, s.Client.SIREN); len(inv.Users) != len(s.Users) {
		t.Errorf("users after invitations = %+v, want %d", inv.Users, len(s.Users))
	}
}

func checkNumbering(t *testing.T, m *migrated) {
	prefixes := map[string]bool{}
	for _, s := range m.snaps {
		if s.Numbering != nil {
			prefixes[s.Numbering.Prefix] = true
		}
	}
	if len(prefixes) < 3 {
		t.Errorf("numbering prefixes %v, want variety", prefixes)
	}
	s := m.firstActive(t, func(s connectors.V1Snapshot) bool { return s.Numbering != nil })
	if inv := m.inv(t, s.Client.SIREN); inv.Numbering != nil {
		t.Fatalf("numbering migrated: %+v", inv.Numbering)
	}
	if err := m.v2.SetNumbering(t.Context(), s.Client.SIREN, *s.Numbering, m.key()); err != nil {
		t.Fatal(err)
	}
	inv := m.inv(t, s.Client.SIREN)
	if inv.Numbering == nil || inv.Numbering.Format(inv.Numbering.LastNumber+1) != s.Numbering.Next().String() {
		t.Errorf("numbering V2 %+v, V1 %+v", inv.Numbering, s.Numbering)
	}
}

func checkSubscription(t *testing.T, m *migrated) {
	s := m.firstActive(t, func(s connectors.V1Snapshot) bool { return s.Subscription.Plan != "" })
	if inv := m.inv(t, s.Client.SIREN); inv.Subscription != nil {
		t.Fatalf("subscription migrated: %+v", inv.Subscription)
	}
	if err := m.v2.ChooseSubscription(t.Context(), s.Client.SIREN, s.Subscription, m.key()); err != nil {
		t.Fatal(err)
	}
	if inv := m.inv(t, s.Client.SIREN); inv.Subscription == nil || *inv.Subscription != s.Subscription {
		t.Errorf("subscription = %+v", inv.Subscription)
	}
}
