package sandbox_test

import (
	"errors"
	"reflect"
	"strings"
	"sync"
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

// everything reads the whole of V1: cabinet and every snapshot.
func everything(t *testing.T, v1 connectors.V1) (connectors.CabinetSnapshot, []connectors.V1Snapshot) {
	t.Helper()
	cab, err := v1.Cabinet(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var snaps []connectors.V1Snapshot
	cursor := ""
	for {
		page, next, err := v1.ListClients(t.Context(), connectors.Page{Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range page {
			s, err := v1.ClientSnapshot(t.Context(), c.ID)
			if err != nil {
				t.Fatal(err)
			}
			snaps = append(snaps, s)
		}
		if cursor = next; cursor == "" {
			return cab, snaps
		}
	}
}

func migrateNow(t *testing.T, p *sandbox.Platform) connectors.MigrationRequest {
	t.Helper()
	p.CompleteRegistration()
	req, err := p.V2().SubmitMigration(t.Context(), connectors.MigrationSubmission{
		CabinetSIREN: sandbox.CabinetSIREN, RequestedBy: sandbox.ManagerEmail, IdempotencyKey: "m"})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.FinishMigration(); err != nil {
		t.Fatal(err)
	}
	return req
}

func TestDeterministic(t *testing.T) {
	a := sandbox.New(sandbox.Options{Seed: 99, Now: fixedClock(), Hostile: true})
	b := sandbox.New(sandbox.Options{Seed: 99, Now: fixedClock(), Hostile: true})
	c := sandbox.New(sandbox.Options{Seed: 100, Now: fixedClock(), Hostile: true})
	cabA, snapsA := everything(t, a.RawV1())
	cabB, snapsB := everything(t, b.RawV1())
	_, snapsC := everything(t, c.RawV1())
	if !reflect.DeepEqual(cabA, cabB) || !reflect.DeepEqual(snapsA, snapsB) {
		t.Error("same seed, different cabinets")
	}
	if reflect.DeepEqual(snapsA, snapsC) {
		t.Error("different seeds, same cabinet")
	}
}

// TestDemoData checks the default cabinet holds something for every step.
func TestDemoData(t *testing.T) {
	p := sandbox.New(sandbox.Options{Seed: 1, Now: fixedClock()})
	cab, snaps := everything(t, p.V1())
	if len(snaps) != sandbox.DefaultClients || cab.Cabinet.LegalName != sandbox.CabinetName {
		t.Fatalf("%d clients, cabinet %q", len(snaps), cab.Cabinet.LegalName)
	}
	count := map[string]int{}
	sirens := map[string]bool{sandbox.CabinetSIREN: true}
	for _, s := range snaps {
		c := s.Client
		count[string(c.Status)]++
		if sirens[c.SIREN] {
			t.Errorf("SIREN %s twice", c.SIREN)
		}
		sirens[c.SIREN] = true
		if err := ident.ValidateSIREN(c.SIREN); err != nil {
			t.Errorf("%s: %v", c.ID, err)
		}
		if vat, _ := ident.VATFromSIREN(c.SIREN); vat != c.VAT {
			t.Errorf("%s: VAT %s, want %s", c.ID, c.VAT, vat)
		}
		if err := ident.ValidateEmail(c.ContactEmail); err != nil {
			t.Errorf("%s: %v", c.ID, err)
		}
		for _, b := range s.BankAccounts {
			if err := ident.ValidateIBAN(b.IBAN); err != nil {
				t.Errorf("%s: %s: %v", c.ID, b.IBAN, err)
			}
			if err := ident.ValidateBIC(b.BIC); err != nil {
				t.Errorf("%s: %s: %v", c.ID, b.BIC, err)
			}
			if b.External {
				count["external"]++
			}
		}
		for _, u := range s.Users {
			if len(u.Roles) > 1 {
				count["several_roles"]++
			}
		}
		for _, a := range s.Articles {
			if len(a.Problems) > 0 {
				count["bad_article"]++
			}
		}
		if s.Invoices.PendingTotal() > 0 {
			count["pending"]++
		}
		if c.PaymentServices {
			count["payment"]++
		}
		if len(s.Statements) > 0 {
			count["statements"]++
		}
		if s.Logo != nil {
			count["logo"]++
			data, err := p.LogoData(c.ID)
			if err != nil || int64(len(data)) != s.Logo.Size {
				t.Errorf("%s: logo data %d bytes, %v", c.ID, len(data), err)
			}
		}
		if s.Numbering != nil && strings.TrimRight(s.Numbering.Prefix, " ") != "" {
			count["prefixed_numbering"]++
		}
	}
	for _, k := range []string{"actif", "brouillon", "cree", "mis_a_jour", "external", "several_roles", "bad_article",
		"pending", "payment", "statements", "logo", "prefixed_numbering"} {
		if count[k] == 0 {
			t.Errorf("no %s in the demo cabinet: %v", k, count)
		}
	}
	if first := snaps[0]; first.Client.LegalName != "Boulangerie Lefèvre & Fils" || first.Invoices.PendingTotal() != 4 {
		t.Errorf("first client = %q with %d pending", first.Client.LegalName, first.Invoices.PendingTotal())
	}
	if len(cab.Collaborators) < 3 || len(cab.Integrations) != 2 {
		t.Errorf("collaborators %d, integrations %d", len(cab.Collaborators), len(cab.Integrations))
	}
}

func TestTwelveThousandClients(t *testing.T) {
	start := time.Now()
	p := sandbox.New(sandbox.Options{Seed: 5, Clients: sandbox.MaxClients})
	elapsed := time.Since(start)
	t.Logf("12,000 clients generated in %v", elapsed)
	if !testing.Short() && elapsed > 3*time.Second { // generous: the race detector and CI are slow
		t.Errorf("generation took %v", elapsed)
	}
	cab, err := p.V1().Cabinet(t.Context())
	if err != nil || len(cab.Clients) != 0 {
		t.Errorf("large cabinet should leave Clients to paging: %d, %v", len(cab.Clients), err)
	}
	n, cursor := 0, ""
	for {
		page, next, err := p.V1().ListClients(t.Context(), connectors.Page{Cursor: cursor, Limit: 10000})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) > sandbox.MaxPageLimit {
			t.Fatalf("page of %d", len(page))
		}
		n += len(page)
		if cursor = next; cursor == "" {
			break
		}
	}
	if n != sandbox.MaxClients || len(p.Clients()) != n {
		t.Errorf("paged %d clients", n)
	}
}

func BenchmarkNew12000(b *testing.B) {
	for b.Loop() {
		sandbox.New(sandbox.Options{Seed: 5, Clients: sandbox.MaxClients})
	}
}

func TestHostileNamesAreSanitised(t *testing.T) {
	p := sandbox.New(sandbox.Options{Seed: 8, Hostile: true, Now: fixedClock()})
	rawCab, rawSnaps := everything(t, p.RawV1())
	cleanCab, cleanSnaps := everything(t, p.V1())
	dirty := 0
	for i, raw := range rawSnaps {
		if raw.Client.LegalName != cleanSnaps[i].Client.LegalName {
			dirty++
		}
		if want := connectors.Sanitize(raw.Client.LegalName); cleanSnaps[i].Client.LegalName != want {
			t.Errorf("clean name %q, want %q", cleanSnaps[i].Client.LegalName, want)
		}
		if strings.ContainsAny(cleanSnaps[i].Client.LegalName, "\x1b\x07\u202e\r") {
			t.Errorf("escape left in %q", cleanSnaps[i].Client.LegalName)
		}
		raw.Sanitize()
		if !reflect.DeepEqual(raw, cleanSnaps[i]) {
			t.Errorf("V1 snapshot differs from the sanitised raw one for %s", raw.Client.ID)
		}
	}
	if dirty == 0 {
		t.Error("hostile option produced no hostile name")
	}
	rawCab.Sanitize()
	if !reflect.DeepEqual(rawCab, cleanCab) {
		t.Error("cabinet snapshot differs from the sanitised raw one")
	}
	// What reaches V2 is clean too.
	migrateNow(t, p)
	for _, s := range rawSnaps {
		if s.Client.Status != connectors.StatusActive {
			continue
		}
		inv, err := p.V2().Inventory(t.Context(), s.Client.SIREN)
		if err != nil {
			t.Fatal(err)
		}
		if c := inv; c.ReceptionEmail != connectors.Sanitize(c.ReceptionEmail) {
			t.Errorf("inventory not clean: %q", c.ReceptionEmail)
		}
	}
}

func TestDropRules(t *testing.T) {
	lefevre := "404833048" // the demo's first client
	p := sandbox.New(sandbox.Options{Seed: 1, Now: fixedClock(), Drop: []sandbox.DropRule{
		{ClientSIREN: lefevre, Item: sandbox.ItemArchivedDocuments, Count: 3},
		{ClientSIREN: lefevre, Item: sandbox.ItemReceptionEmail},
		{ClientSIREN: sandbox.AllSIRENs, Item: sandbox.ItemArticles, Count: 1},
		{ClientSIREN: "404 833 048", Item: sandbox.ItemPaymentAccount},
	}})
	want, err := p.ExpectedInventory(lefevre)
	if err != nil {
		t.Fatal(err)
	}
	migrateNow(t, p)
	got, err := p.V2().Inventory(t.Context(), lefevre)
	if err != nil {
		t.Fatal(err)
	}
	if want.Archives.Documents < 3 || got.Archives.Documents != want.Archives.Documents-3 {
		t.Errorf("archives V2 %d, expected %d minus 3", got.Archives.Documents, want.Archives.Documents)
	}
	if got.ReceptionEmail != "" || want.ReceptionEmail == "" || got.PaymentAccount || !want.PaymentAccount {
		t.Errorf("reception e-mail %q / payment %v not dropped", got.ReceptionEmail, got.PaymentAccount)
	}
	if got.Articles != want.Articles-1 || got.Invoices != want.Invoices || got.Partners != want.Partners {
		t.Errorf("V2 %+v, expected %+v", got, want)
	}
	other := p.Clients()[1]
	w, _ := p.ExpectedInventory(other.SIREN)
	g, _ := p.V2().Inventory(t.Context(), other.SIREN)
	if g.Articles != max(w.Articles-1, 0) || g.Archives != w.Archives {
		t.Errorf("wildcard rule: V2 %+v, expected %+v", g, w)
	}
	if err := (sandbox.Options{Drop: []sandbox.DropRule{{ClientSIREN: "*", Item: "logo"}}}).Validate(); err == nil {
		t.Error("unknown drop item accepted")
	}
}

// TestDelayedMigration follows the request on the injected clock: nothing
// moves before its time, and it goes through in_progress.
func TestDelayedMigration(t *testing.T) {
	p := sandbox.New(sandbox.Options{Seed: 1, Now: fixedClock(), MigrationDelay: 10 * time.Second})
	p.CompleteRegistration()
	v2 := p.V2()
	req, err := v2.SubmitMigration(t.Context(), connectors.MigrationSubmission{
		CabinetSIREN: sandbox.CabinetSIREN, RequestedBy: sandbox.ManagerEmail, IdempotencyKey: "d"})
	if err != nil {
		t.Fatal(err)
	}
	state := func() connectors.RequestState {
		st, err := v2.MigrationStatus(t.Context(), req.Reference)
		if err != nil {
			t.Fatal(err)
		}
		return st.State
	}
	if s := state(); s != connectors.RequestSubmitted || p.Migrated() {
		t.Fatalf("at once: %s", s)
	}
	if _, err := v2.Inventory(t.Context(), sandbox.CabinetSIREN); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("inventory before the migration: %v", err)
	}
	p.Advance(5 * time.Second)
	if s := state(); s != connectors.RequestInProgress {
		t.Errorf("halfway: %s", s)
	}
	if err := p.AcceptAllPending(); err != nil {
		t.Errorf("V1 is still writable while the migration runs: %v", err)
	}
	p.Advance(5 * time.Second)
	st, _ := v2.MigrationStatus(t.Context(), req.Reference)
	if st.State != connectors.RequestSucceeded || !st.CompletedAt.Equal(req.SubmittedAt.Add(10*time.Second)) {
		t.Errorf("at the end: %+v", st)
	}
	if ro, _ := p.V1().ReadOnly(t.Context()); !ro {
		t.Error("V1 not read-only")
	}
	if err := p.AcceptPendingInvoices(p.Clients()[0].ID); !errors.Is(err, connectors.ErrReadOnly) {
		t.Errorf("accept after migration: %v", err)
	}
	if err := p.FixArticles(p.Clients()[0].ID); !errors.Is(err, connectors.ErrReadOnly) {
		t.Errorf("fix after migration: %v", err)
	}
	if got := p.SideEffects()["sandbox.ApplyMigration"]; got != 1 {
		t.Errorf("migration applied %d times", got)
	}
}

func TestFixArticles(t *testing.T) {
	p := sandbox.New(sandbox.Options{Seed: 1, Now: fixedClock()})
	_, snaps := everything(t, p.V1())
	for _, s := range snaps {
		bad := 0
		for _, a := range s.Articles {
			bad += len(a.Problems)
		}
		if bad == 0 {
			continue
		}
		if err := p.FixArticles(s.Client.ID); err != nil {
			t.Fatal(err)
		}
		after, _ := p.V1().ClientSnapshot(t.Context(), s.Client.ID)
		codes := map[string]bool{}
		for _, a := range after.Articles {
			if len(a.Problems) > 0 || a.Code == "" || a.Label == "" || a.VATRate == "" || codes[a.Code] {
				t.Errorf("%s: article still bad: %+v", s.Client.ID, a)
			}
			codes[a.Code] = true
		}
		if len(after.Articles) != len(s.Articles) {
			t.Errorf("fixing changed the article count")
		}
		return
	}
	t.Fatal("no client with bad articles")
}

// TestNoAliasing: changing what a port returned changes nothing inside.
func TestNoAliasing(t *testing.T) {
	p := sandbox.New(sandbox.Options{Seed: 1, Now: fixedClock()})
	v1 := p.V1()
	id := p.Clients()[0].ID
	s, _ := v1.ClientSnapshot(t.Context(), id)
	s.Articles[0].Label = "changed"
	s.Users[0].Roles[0] = "changed"
	s.Numbering.LastNumber = -1
	cab, _ := v1.Cabinet(t.Context())
	cab.Integrations[0].Fields["mode"] = "changed"
	cab.Collaborators[0].Roles[0] = "changed"
	again, _ := v1.ClientSnapshot(t.Context(), id)
	cab2, _ := v1.Cabinet(t.Context())
	if again.Articles[0].Label == "changed" || again.Users[0].Roles[0] == "changed" || again.Numbering.LastNumber == -1 ||
		cab2.Integrations[0].Fields["mode"] == "changed" || cab2.Collaborators[0].Roles[0] == "changed" {
		t.Error("returned records alias the platform's")
	}
}

// TestConcurrent hammers both ports from several goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	p := sandbox.New(sandbox.Options{Seed: 1})
	v1, v2 := p.V1(), p.V2()
	clients := p.Clients()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				c := clients[(g*50+i)%len(clients)]
				_, _ = v1.ClientSnapshot(t.Context(), c.ID)
				_, _, _ = v1.ListClients(t.Context(), connectors.Page{Limit: 7})
				_, _ = v2.Inventory(t.Context(), c.SIREN)
				_ = p.AcceptPendingInvoices(c.ID)
				if i == 10 {
					p.CompleteRegistration()
					_, _ = v2.SubmitMigration(t.Context(), connectors.MigrationSubmission{CabinetSIREN: sandbox.CabinetSIREN,
						RequestedBy: sandbox.ManagerEmail, IdempotencyKey: "same"})
				}
				if i > 10 {
					_ = v2.SetNumbering(t.Context(), c.SIREN, connectors.Numbering{Prefix: "F-", LastNumber: i}, "n"+c.ID)
				}
			}
		})
	}
	wg.Wait()
	if got := p.SideEffects()["v2.SubmitMigration"]; got != 1 {
		t.Errorf("submitted %d times", got)
	}
}
