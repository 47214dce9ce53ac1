package v1_test

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/contracttest"
	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/sandbox"
	"github.com/bascule-cli/bascule/connectors/v1"
)

// fuzzSeeds are small realistic answers of the raw (unsanitised) hostile
// sandbox: one client page and the read-only status. Seeds stay small: the
// fuzzer minimises every input that finds new coverage, and a large one
// would take the whole short CI run.
func fuzzSeeds(f *testing.F) [][]byte {
	f.Helper()
	p := sandbox.New(sandbox.Options{Seed: 7, Clients: 1, Hostile: true, Now: fixedClock})
	items, _, err := p.RawV1().ListClients(context.Background(), connectors.Page{Limit: 1})
	if err != nil {
		f.Fatal(err)
	}
	var out [][]byte
	for _, v := range []any{httpapi.ClientPage{Items: items, NextCursor: "c\x1b[2J2"}, httpapi.ReadOnlyStatus{ReadOnly: true}} {
		b, err := json.Marshal(v)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// Properties of the V1 client against a platform answering arbitrary
// statuses, Retry-After values and bodies (after a good token): every call
// returns before its deadline; on success every string returned is
// sanitised; an error is a typed connectors error whose messages are
// sanitised, and a success answers a 2xx.
func FuzzV1Answers(f *testing.F) {
	for i, b := range fuzzSeeds(f) {
		f.Add(uint8(1+2*i), uint16(0), "", b) // ListClients, ReadOnly
	}
	for _, s := range []struct {
		op     uint8
		status uint16
		ra     string
		body   string
	}{
		{0, 0, "", `{"cabinet":{"legal_name":"\u001b]8;;https://evil\u0007Cabinet\u001b]8;;\u0007","siren":"\u202e344"},"collaborators":[{"email":"a@b.fr\r","roles":["\u009b31mAdmin"]}],"integrations":[{"software":"acd","fields":{"\u0000":"x","url\u2066":"\u0085https://x"}}]}`},
		{2, 0, "", `{"client":{"id":"1","status":"actif\u0007"},"numbering":{"prefix":"\tFAC\u001b[0m ","last_number":-5,"padding":99},"articles":[{"problems":["zero_price\u202c"]}],"logo":{"file_name":"..\u2028/x.png"}}`},
		{1, 0, "", `{"items":[{"legal_name":"\xff\xfe"},null],"next_cursor":"\u001b[6n"}`},
		{3, 0, "", `{"read_only":"yes"}`},
		{0, 204, "1", `{"code":"not_found","message_fr":"\u001b[2Jintrouvable","message_en":"\u202enot found","field":"id\r\nX"}`},
		{2, 229, "3600", `{"code":"rate_limited"}`},
		{1, 303, "Wed, 21 Oct 2015 07:28:00 GMT", `<html>502</html>`},
		{0, 0, "", `{"cabinet":`},
		{0, 0, "", `null`},
	} {
		f.Add(s.op, s.status, s.ra, []byte(s.body))
	}

	// One client for every input: its cached token saves a request per
	// input (a 401 answer makes it fetch another, as in real life).
	platform := contracttest.NewScripted(f)
	c, err := v1.New(platform.Config())
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
		switch op % 4 {
		case 0:
			name = "v1.Cabinet"
			got, err = c.Cabinet(ctx)
		case 1:
			name = "v1.ListClients"
			var items []connectors.Client
			var next string
			items, next, err = c.ListClients(ctx, connectors.Page{Cursor: "c1", Limit: 10})
			got = struct {
				Items []connectors.Client
				Next  string
			}{items, next}
		case 2:
			name = "v1.ClientSnapshot"
			got, err = c.ClientSnapshot(ctx, "dossier/../1")
		case 3:
			name = "v1.ReadOnly"
			got, err = c.ReadOnly(ctx)
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
		contracttest.AssertSanitised(t, name, reflect.ValueOf(got))
	})
}
