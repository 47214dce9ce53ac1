package v2_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/contracttest"
	"github.com/bascule-cli/bascule/connectors/v2"
)

// Properties of the V2 client against a platform answering arbitrary
// statuses, Retry-After values and bodies (after a good token): every call
// returns before its deadline; on success every string returned is
// sanitised (a request's message keeps its line breaks); an error is a
// typed connectors error whose messages are sanitised, and a success answers
// a 2xx.
func FuzzV2Answers(f *testing.F) {
	for _, s := range []struct {
		op     uint8
		status uint16
		ra     string
		body   string
	}{
		{0, 0, "", `{"registered":true,"identity":{"siren":"552008443","legal_name":"\u001b[1mCabinet Martin\u001b[0m","manager_email":"claire@cabinet-martin.fr\u0000","address":"1 rue de la Paix\u2028Paris"}}`},
		{1, 1, "", `{"reference":"MIG-2026-0001\u001b]0;pwned\u0007","submitted_at":"2026-03-02T09:00:00Z","state":"submitted","admin_email":"claire@cabinet-martin.fr","message":"ligne 1\r\nligne 2\u001b[2J\u202e"}`},
		{2, 0, "", `{"reference":"MIG-1","state":"failed\u0085","completed_at":"2026-03-02T10:00:00+01:00","message":"\n\n\u009b31méchec\n"}`},
		{3, 0, "", `{"siren":"552008443","users":[{"email":"a@b.fr","roles":["Comptable\u0007"]}],"bank_accounts":[{"iban":"FR76\u200e3000","holder":"\u2067x"}],"numbering":{"prefix":" FAC\t","last_number":142,"padding":4},"logo":{"file_name":"\u001bPq\u001b\\logo.png"},"integrations":[{"software":"sage","scope":"cabinet","fields":{"url":"https://x\u001b[0m","\u0000":"y"}}],"subscription":{"plan":"premium\u00ad"}}`},
		{4, 1, "", `{"email":"e@x.fr","first_name":"\u202eÉmile","last_name":"Le\u0000fèvre","roles":["Administrateur"],"active":false}`},
		{5, 0, "", `{"created":2,"rejected":[{"row":1,"column":"siren\u001b[31m","message":"SIREN invalide\r\n"}]}`},
		{6, 4, "", ``},
		{6, 0, "", `{"unexpected":true}`},
		{3, 204, "", `{"code":"not_found","message_fr":"entreprise inconnue \u001b[2J","message_en":"unknown company \u202e","field":"siren\u0007"}`},
		{1, 209, "", `{"code":"conflict","message_fr":"clé déjà utilisée"}`},
		{4, 229, "2", `{"code":"rate_limited"}`},
		{5, 303, "", `<html>Service Unavailable</html>`},
		{0, 201, "", `{"code":"unauthorized"}`},
		{2, 0, "", `{"reference":`},
		{3, 0, "", `{"users":[null,{"roles":null}],"numbering":null,"integrations":[{"fields":null}]}`},
	} {
		f.Add(s.op, s.status, s.ra, []byte(s.body))
	}

	// One client for every input: its cached token saves a request per
	// input (a 401 answer makes it fetch another, as in real life).
	platform := contracttest.NewScripted(f)
	c, err := v2.New(platform.Config())
	if err != nil {
		f.Fatal(err)
	}

	f.Fuzz(func(t *testing.T, op uint8, status uint16, ra string, body []byte) {
		st := 200 + int(status)%400
		platform.Answer(st, ra, body)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()

		var (
			got  any
			name string
			err  error
		)
		const siren = "552008443"
		switch op % 7 {
		case 0:
			name = "v2.Registration"
			got, err = c.Registration(ctx)
		case 1:
			name = "v2.SubmitMigration"
			got, err = c.SubmitMigration(ctx, connectors.MigrationSubmission{CabinetSIREN: siren, RequestedBy: "claire@cabinet-martin.fr", IdempotencyKey: "k1"})
		case 2:
			name = "v2.MigrationStatus"
			got, err = c.MigrationStatus(ctx, "MIG/../1")
		case 3:
			name = "v2.Inventory"
			got, err = c.Inventory(ctx, siren)
		case 4:
			name = "v2.InviteUser"
			got, err = c.InviteUser(ctx, connectors.SpaceCabinet, connectors.User{Email: "e@x.fr", Roles: []string{connectors.RoleAccountant}}, "k2")
		case 5:
			name = "v2.ImportClients"
			got, err = c.ImportClients(ctx, []connectors.Client{{ID: "1", LegalName: "ACME", SIREN: siren}}, "k3")
		case 6:
			name = "v2.SetNumbering"
			err = c.SetNumbering(ctx, siren, connectors.Numbering{Prefix: "FAC-", LastNumber: 142, Padding: 4}, "k4")
		}
		if ctx.Err() != nil {
			t.Fatalf("%s did not return before its deadline", name)
		}
		if err != nil {
			contracttest.AssertError(t, name, err)
			return
		}
		if st >= 300 {
			t.Fatalf("%s: status %d answered without error", name, st)
		}
		if got != nil {
			contracttest.AssertSanitised(t, name, reflect.ValueOf(got))
		}
	})
}
