package contracttest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
)

func submitNeedsRegistration(t *testing.T, f Factory) {
	v1, v2, c := f(t)
	reg, err := v2.Registration(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !reg.Complete() {
		_, err := v2.SubmitMigration(t.Context(), submission(t, v1, "early"))
		wantKind(t, "SubmitMigration before registration", err, connectors.ErrInvalid)
	}
	c.CompleteRegistration()
	reg, err = v2.Registration(t.Context())
	if err != nil || !reg.Complete() {
		t.Fatalf("Registration after CompleteRegistration = %+v, %v", reg, err)
	}
	if reg.Identity.SIREN == "" || !sanitised(reg) {
		t.Errorf("registration identity: %+v", reg.Identity)
	}
	sub := submission(t, v1, "bad-siren")
	sub.CabinetSIREN = "404833047" // invalid SIREN
	_, err = v2.SubmitMigration(t.Context(), sub)
	wantKind(t, "SubmitMigration(bad SIREN)", err, connectors.ErrInvalid)
}

func submitIdempotent(t *testing.T, f Factory) {
	v1, v2, c := f(t)
	c.CompleteRegistration()
	before := c.SideEffects()["v2.SubmitMigration"]
	sub := submission(t, v1, "same-key")
	a, err := v2.SubmitMigration(t.Context(), sub)
	if err != nil {
		t.Fatal(err)
	}
	b, err := v2.SubmitMigration(t.Context(), sub)
	if err != nil {
		t.Fatal(err)
	}
	if a.Reference == "" || a.Reference != b.Reference || !a.SubmittedAt.Equal(b.SubmittedAt) {
		t.Errorf("replay gave another request: %+v / %+v", a, b)
	}
	if got := c.SideEffects()["v2.SubmitMigration"] - before; got != 1 {
		t.Errorf("two calls with one key acted %d times", got)
	}
	// A second request under another key is refused: there is one migration.
	_, err = v2.SubmitMigration(t.Context(), submission(t, v1, "other-key"))
	wantKind(t, "second SubmitMigration", err, connectors.ErrConflict)
}

func submitKeyConflict(t *testing.T, f Factory) {
	v1, v2, c := f(t)
	c.CompleteRegistration()
	sub := submission(t, v1, "key-1")
	if _, err := v2.SubmitMigration(t.Context(), sub); err != nil {
		t.Fatal(err)
	}
	sub.RequestedBy = "autre.personne@cabinet.example"
	_, err := v2.SubmitMigration(t.Context(), sub)
	wantKind(t, "key reused with another payload", err, connectors.ErrConflict)
}

func statusProgression(t *testing.T, f Factory) {
	v1, v2, c := f(t)
	c.CompleteRegistration()
	sub := submission(t, v1, "progress")
	req, err := v2.SubmitMigration(t.Context(), sub)
	if err != nil {
		t.Fatal(err)
	}
	if req.State != connectors.RequestSubmitted {
		t.Errorf("state right after submission = %s, want submitted", req.State)
	}
	if !strings.EqualFold(req.AdminEmail, sub.RequestedBy) {
		t.Errorf("admin e-mail = %q, want the requester %q", req.AdminEmail, sub.RequestedBy)
	}
	st, err := v2.MigrationStatus(t.Context(), req.Reference)
	if err != nil {
		t.Fatal(err)
	}
	if st.State == connectors.RequestFailed {
		t.Fatalf("migration failed: %s", st.Message)
	}
	if err := c.FinishMigration(); err != nil {
		t.Fatal(err)
	}
	st, err = v2.MigrationStatus(t.Context(), req.Reference)
	if err != nil || st.State != connectors.RequestSucceeded {
		t.Fatalf("status after FinishMigration = %+v, %v", st, err)
	}
	if st.CompletedAt.Before(st.SubmittedAt) || st.Reference != req.Reference {
		t.Errorf("completed request inconsistent: %+v", st)
	}
	if !sanitised(st) {
		t.Error("request not sanitised")
	}
}

func unknownReference(t *testing.T, f Factory) {
	v1, v2, _ := f(t)
	_, err := v2.MigrationStatus(t.Context(), "MIG-NOPE")
	wantKind(t, "MigrationStatus(unknown)", err, connectors.ErrNotFound)
	cl := pick(t, v1, true)
	_, err = v2.Inventory(t.Context(), cl.SIREN)
	wantKind(t, "Inventory before migration", err, connectors.ErrNotFound)
}

// inventoryMatches checks §3.3: for every active client, V2 holds the
// accepted documents by payment status, archives, articles, partners,
// reception e-mail and payment account that V1 held, pending invoices stay
// behind, and nothing that must be re-created is there. Inactive clients
// have no space.
func inventoryMatches(t *testing.T, f Factory) {
	v1, v2, c := f(t)
	clients := allClients(t, v1, 0)
	clients = clients[:min(len(clients), 80)]
	migrate(t, v1, v2, c)
	for _, cl := range clients {
		inv, err := v2.Inventory(t.Context(), cl.SIREN)
		if cl.Status != connectors.StatusActive {
			wantKind(t, "Inventory of inactive "+cl.ID, err, connectors.ErrNotFound)
			continue
		}
		if err != nil {
			t.Errorf("Inventory(%s): %v", cl.SIREN, err)
			continue
		}
		s, err := v1.ClientSnapshot(t.Context(), cl.ID)
		if err != nil {
			t.Fatal(err)
		}
		checkMigrated(t, s, inv)
	}
}

func checkMigrated(t *testing.T, s connectors.V1Snapshot, inv connectors.Inventory) {
	t.Helper()
	id := s.Client.ID
	want := connectors.InvoiceCounts{
		Purchases: connectors.DirectionCounts{AcceptedPaid: s.Invoices.Purchases.AcceptedPaid, AcceptedUnpaid: s.Invoices.Purchases.AcceptedUnpaid},
		Sales:     connectors.DirectionCounts{AcceptedPaid: s.Invoices.Sales.AcceptedPaid, AcceptedUnpaid: s.Invoices.Sales.AcceptedUnpaid},
	}
	if inv.SIREN != s.Client.SIREN {
		t.Errorf("%s: inventory SIREN %q", id, inv.SIREN)
	}
	if inv.Invoices != want {
		t.Errorf("%s: invoices V2 %+v, want accepted only %+v", id, inv.Invoices, want)
	}
	if inv.Archives != s.Archives || inv.Articles != len(s.Articles) || inv.Partners != s.Partners {
		t.Errorf("%s: archives/articles/partners V2 %v/%d/%v, V1 %v/%d/%v", id,
			inv.Archives, inv.Articles, inv.Partners, s.Archives, len(s.Articles), s.Partners)
	}
	if inv.ReceptionEmail != s.ReceptionEmail || inv.PaymentAccount != s.PaymentAccount {
		t.Errorf("%s: reception e-mail / payment account V2 %q/%v, V1 %q/%v", id,
			inv.ReceptionEmail, inv.PaymentAccount, s.ReceptionEmail, s.PaymentAccount)
	}
	if len(inv.Users) != 0 || len(inv.BankAccounts) != 0 || inv.Numbering != nil || inv.Logo != nil ||
		len(inv.Integrations) != 0 || inv.Subscription != nil {
		t.Errorf("%s: V2 holds what must be re-created by hand: %+v", id, inv)
	}
	if !sanitised(inv) {
		t.Errorf("%s: inventory not sanitised", id)
	}
}

func writesNeedMigration(t *testing.T, f Factory) {
	v1, v2, c := f(t)
	c.CompleteRegistration()
	ctx := t.Context()
	cl := pick(t, v1, true)
	wantKind(t, "SetNumbering before migration",
		v2.SetNumbering(ctx, cl.SIREN, connectors.Numbering{Prefix: "FAC-", LastNumber: 1}, "n-early"), connectors.ErrInvalid)
	_, err := v2.InviteUser(ctx, connectors.SpaceCabinet, connectors.User{Email: "a@b.fr",
		Roles: []string{connectors.RoleAccountant}}, "u-early")
	wantKind(t, "InviteUser before migration", err, connectors.ErrInvalid)
}

// writesIdempotent calls each write twice with one key, checks the state
// changed once, then reuses the key with other arguments.
func writesIdempotent(t *testing.T, f Factory) {
	v1, v2, c := f(t)
	ctx := t.Context()
	cl := pick(t, v1, true)
	migrate(t, v1, v2, c)
	cases := []struct {
		op       string
		call     func(key string) error
		conflict func(key string) error
	}{
		{"v2.InviteUser", func(k string) error {
			_, err := v2.InviteUser(ctx, cl.SIREN, connectors.User{Email: "lea.roux@exemple.fr", FirstName: "Léa",
				LastName: "Roux", Roles: []string{"Gestionnaire", "Visualisation"}}, k)
			return err
		}, func(k string) error {
			_, err := v2.InviteUser(ctx, cl.SIREN, connectors.User{Email: "lea.roux@exemple.fr", Roles: []string{"Visualisation"}}, k)
			return err
		}},
		{"v2.SetProfile", func(k string) error {
			return v2.SetProfile(ctx, cl.SIREN, connectors.Profile{City: "Lyon", Country: "FR",
				Logo: &connectors.Logo{FileName: "logo.png", MediaType: "image/png"}, LogoData: []byte("\x89PNG\r\n\x1a\nlogo")}, k)
		}, func(k string) error {
			return v2.SetProfile(ctx, cl.SIREN, connectors.Profile{City: "Paris"}, k)
		}},
		{"v2.AddBankAccount", func(k string) error {
			return v2.AddBankAccount(ctx, cl.SIREN, connectors.BankAccount{IBAN: "FR76 3000 6000 0112 3456 7890 189", Holder: cl.LegalName}, k)
		}, func(k string) error {
			return v2.AddBankAccount(ctx, cl.SIREN, connectors.BankAccount{IBAN: "FR1420041010050500013M02606"}, k)
		}},
		{"v2.SetNumbering", func(k string) error {
			return v2.SetNumbering(ctx, cl.SIREN, connectors.Numbering{Prefix: "FAC-", LastNumber: 142, Padding: 4}, k)
		}, func(k string) error {
			return v2.SetNumbering(ctx, cl.SIREN, connectors.Numbering{Prefix: "FAC-", LastNumber: 143, Padding: 4}, k)
		}},
		{"v2.CreateIntegration", func(k string) error {
			return v2.CreateIntegration(ctx, connectors.SpaceCabinet, connectors.Integration{Software: connectors.SoftwareACD,
				Scope: connectors.SpaceCabinet, Fields: map[string]string{"url": "https://isuite.example", "cnx": "CNX-1"}}, k)
		}, func(k string) error {
			return v2.CreateIntegration(ctx, connectors.SpaceCabinet, connectors.Integration{Software: connectors.SoftwareSage,
				Scope: connectors.SpaceCabinet}, k)
		}},
		{"v2.ChooseSubscription", func(k string) error {
			return v2.ChooseSubscription(ctx, cl.SIREN, connectors.Subscription{Plan: "standard"}, k)
		}, func(k string) error {
			return v2.ChooseSubscription(ctx, cl.SIREN, connectors.Subscription{Plan: "premium"}, k)
		}},
	}
	for _, tc := range cases {
		key := "key-" + tc.op
		before := c.SideEffects()[tc.op]
		if err := tc.call(key); err != nil {
			t.Errorf("%s: %v", tc.op, err)
			continue
		}
		if err := tc.call(key); err != nil {
			t.Errorf("%s replayed: %v", tc.op, err)
		}
		if got := c.SideEffects()[tc.op] - before; got != 1 {
			t.Errorf("%s: two calls with one key acted %d times", tc.op, got)
		}
		wantKind(t, tc.op+" key reused", tc.conflict(key), connectors.ErrConflict)
	}

	inv, err := v2.Inventory(ctx, cl.SIREN)
	if err != nil {
		t.Fatal(err)
	}
	if len(inv.Users) != 1 || !slices.Equal(sortedRoles(inv.Users[0].Roles), []string{"Gestionnaire", "Visualisation"}) {
		t.Errorf("users = %+v", inv.Users)
	}
	if len(inv.BankAccounts) != 1 || ident.NormalizeIBAN(inv.BankAccounts[0].IBAN) != "FR7630006000011234567890189" {
		t.Errorf("bank accounts = %+v", inv.BankAccounts)
	}
	if inv.Numbering == nil || inv.Numbering.Format(inv.Numbering.LastNumber+1) != "FAC-0143" {
		t.Errorf("numbering = %+v", inv.Numbering)
	}
	if inv.Logo == nil || inv.Logo.SHA256 == "" || inv.Subscription == nil || inv.Subscription.Plan != "standard" {
		t.Errorf("logo / subscription = %+v / %+v", inv.Logo, inv.Subscription)
	}
	cab, err := v2.Inventory(ctx, connectors.SpaceCabinet)
	if err != nil {
		t.Fatalf("Inventory(cabinet): %v", err)
	}
	if len(cab.Integrations) != 1 || cab.Integrations[0].Software != connectors.SoftwareACD {
		t.Errorf("cabinet integrations = %+v", cab.Integrations)
	}

	// Refused values.
	wantKind(t, "AddBankAccount(bad IBAN)", v2.AddBankAccount(ctx, cl.SIREN,
		connectors.BankAccount{IBAN: "FR7630006000011234567890188"}, "bad-iban"), connectors.ErrInvalid)
	_, err = v2.InviteUser(ctx, connectors.SpaceCabinet, connectors.User{Email: "x@y.fr", Roles: []string{"Pilote"}}, "bad-role")
	wantKind(t, "InviteUser(unknown cabinet role)", err, connectors.ErrInvalid)
	wantKind(t, "SetNumbering(unknown space)", v2.SetNumbering(ctx, "404833048x", connectors.Numbering{}, "bad-space"),
		connectors.ErrNotFound)
}

func sortedRoles(rs []string) []string { return slices.Sorted(slices.Values(rs)) }

func importClients(t *testing.T, f Factory) {
	v1, v2, c := f(t)
	ctx := t.Context()
	inactive := pick(t, v1, false)
	migrate(t, v1, v2, c)
	good := inactive
	if good.ContactEmail == "" {
		good.ContactEmail = "contact@exemple.fr"
	}
	bad := connectors.Client{LegalName: "", SIREN: "404833047", ContactEmail: "pas-un-email", Country: "FR"}
	rows := []connectors.Client{good, bad}
	before := c.SideEffects()["v2.ImportClients"]
	res, err := v2.ImportClients(ctx, rows, "import-1")
	if err != nil {
		t.Fatalf("ImportClients: %v", err)
	}
	if res.Created != 1 || len(res.Rejected) == 0 {
		t.Fatalf("import result = %+v, want 1 created and row 2 rejected", res)
	}
	for _, r := range res.Rejected {
		if r.Row != 2 || r.Message == "" {
			t.Errorf("rejection %+v, want row 2 with a message", r)
		}
	}
	again, err := v2.ImportClients(ctx, rows, "import-1")
	if err != nil || again.Created != res.Created || len(again.Rejected) != len(res.Rejected) {
		t.Errorf("replayed import = %+v, %v", again, err)
	}
	if got := c.SideEffects()["v2.ImportClients"] - before; got != 1 {
		t.Errorf("import with one key acted %d times", got)
	}
	if _, err := v2.Inventory(ctx, inactive.SIREN); err != nil {
		t.Errorf("imported client has no space: %v", err)
	}
	_, err = v2.ImportClients(ctx, rows[:1], "import-1")
	wantKind(t, "import key reused", err, connectors.ErrConflict)
}

func v2Cancelled(t *testing.T, f Factory) {
	v1, v2, c := f(t)
	cl := pick(t, v1, true)
	sub := submission(t, v1, "cancel")
	c.CompleteRegistration()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	check := func(name string, err error) {
		t.Helper()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s with cancelled context: %v, want context.Canceled", name, err)
		}
	}
	_, err := v2.Registration(ctx)
	check("Registration", err)
	_, err = v2.SubmitMigration(ctx, sub)
	check("SubmitMigration", err)
	_, err = v2.MigrationStatus(ctx, "MIG-X")
	check("MigrationStatus", err)
	_, err = v2.Inventory(ctx, cl.SIREN)
	check("Inventory", err)
	_, err = v2.InviteUser(ctx, connectors.SpaceCabinet, connectors.User{Email: "a@b.fr", Roles: []string{connectors.RoleAccountant}}, "k1")
	check("InviteUser", err)
	_, err = v2.ImportClients(ctx, []connectors.Client{cl}, "k2")
	check("ImportClients", err)
	check("SetProfile", v2.SetProfile(ctx, cl.SIREN, connectors.Profile{}, "k3"))
	check("AddBankAccount", v2.AddBankAccount(ctx, cl.SIREN, connectors.BankAccount{}, "k4"))
	check("SetNumbering", v2.SetNumbering(ctx, cl.SIREN, connectors.Numbering{}, "k5"))
	check("CreateIntegration", v2.CreateIntegration(ctx, connectors.SpaceCabinet, connectors.Integration{}, "k6"))
	check("ChooseSubscription", v2.ChooseSubscription(ctx, cl.SIREN, connectors.Subscription{}, "k7"))
	// The cancelled submission did nothing: a live one still goes through.
	if _, err := v2.SubmitMigration(t.Context(), sub); err != nil {
		t.Errorf("SubmitMigration after a cancelled one: %v", err)
	}
}
