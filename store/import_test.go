package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
)

// importDoc is a valid import file of n clients, as a map to be spoiled.
func importDoc(n int) map[string]any {
	clients := make([]any, n)
	for i := range clients {
		clients[i] = map[string]any{"id": fmt.Sprintf("c%05d", i), "name": fmt.Sprintf("Client %d", i), "order": i + 1}
	}
	return map[string]any{
		"format": exportFormat, "version": exportVersion, "schema": SchemaVersion,
		"workspace": map[string]any{"id": "imp", "cabinet": map[string]any{"legal_name": "Cabinet"}},
		"clients":   clients,
		"steps":     []any{map[string]any{"ref": map[string]any{"step": "preparation.client.articles", "client": "c00000"}, "state": map[string]any{"status": 2, "note": "ok"}}},
	}
}

func docBytes(t *testing.T, d map[string]any) []byte {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestImportRefused(t *testing.T) {
	huge := strings.Repeat("x", maxImportNames+1)
	cases := []struct {
		name  string
		spoil func(d map[string]any)
		raw   string
		field string // the field the error names
	}{
		{name: "schema 99", spoil: func(d map[string]any) { d["schema"] = 99 }, field: "schema"},
		{name: "no schema", spoil: func(d map[string]any) { delete(d, "schema") }, field: "schema"},
		{name: "duplicate id", spoil: func(d map[string]any) {
			d["clients"] = append(d["clients"].([]any), map[string]any{"id": "c00001", "name": "Doublon"})
		}, field: "clients[3].id"},
		{name: "../ id", spoil: func(d map[string]any) { d["clients"].([]any)[1].(map[string]any)["id"] = "../../etc/passwd" }, field: "clients[1].id"},
		{name: "dot id", spoil: func(d map[string]any) { d["clients"].([]any)[1].(map[string]any)["id"] = ".." }, field: "clients[1].id"},
		{name: "escape in id", spoil: func(d map[string]any) { d["clients"].([]any)[2].(map[string]any)["id"] = "c\x1b[2J" }, field: "clients[2].id"},
		{name: "workspace id", spoil: func(d map[string]any) { d["workspace"].(map[string]any)["id"] = "../w" }, field: "workspace.id"},
		{name: "huge name", spoil: func(d map[string]any) { d["clients"].([]any)[0].(map[string]any)["name"] = huge }, field: "clients[0].name"},
		{name: "huge note", spoil: func(d map[string]any) {
			d["steps"].([]any)[0].(map[string]any)["state"].(map[string]any)["note"] = strings.Repeat("n", maxImportText+1)
		}, field: "steps[0].state.note"},
		{name: "too many clients", spoil: func(d map[string]any) {
			more := make([]any, MaxImportClients+1)
			for i := range more {
				more[i] = map[string]any{"id": fmt.Sprintf("x%d", i)}
			}
			d["clients"] = more
		}, field: "clients"},
		{name: "step of unknown client", spoil: func(d map[string]any) {
			d["steps"].([]any)[0].(map[string]any)["ref"].(map[string]any)["client"] = "nope"
		}, field: "steps[0].ref.client"},
		{name: "unknown status", spoil: func(d map[string]any) {
			d["steps"].([]any)[0].(map[string]any)["state"].(map[string]any)["status"] = 9
		}, field: "steps[0].state.status"},
		{name: "wrong type", raw: `{"format":"bascule-workspace","version":1,"schema":3,"clients":[{"id":7}]}`, field: "clients.id"},
		{name: "bad json", raw: `{"format":`, field: ""},
		{name: "escape in event step", spoil: func(d map[string]any) {
			d["events"] = []any{map[string]any{"action": "x", "ref": map[string]any{"step": "a\x1b]52;c;eA==\x07"}}}
		}, field: "events[0].ref.step"},
		{name: "escape in gate", spoil: func(d map[string]any) {
			d["overrides"] = []any{map[string]any{"gate": "\x1b[2J", "reason": "r"}}
		}, field: "overrides[0].gate"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db, _ := tempDB(t)
			data := []byte(tc.raw)
			if tc.spoil != nil {
				d := importDoc(3)
				tc.spoil(d)
				data = docBytes(t, d)
			}
			id, err := db.Import(bytes.NewReader(data), ImportOptions{})
			var ie *ImportError
			if !errors.As(err, &ie) || id != "" || ie.Field != tc.field {
				t.Fatalf("want an ImportError on %q, got %q %v", tc.field, id, err)
			}
			if strings.Contains(err.Error(), "json") || strings.Contains(err.Error(), "unmarshal") || strings.Contains(ie.English(), "unmarshal") {
				t.Fatalf("Go internals in the message: %v", err)
			}
			if wss, _ := db.Workspaces(); len(wss) != 0 {
				t.Fatalf("refused import wrote %v", wss)
			}
		})
	}
	// The valid document imports.
	db, _ := tempDB(t)
	if _, err := db.Import(bytes.NewReader(docBytes(t, importDoc(3))), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
}

// Every string that enters through the file is cleaned with the cleaner
// given; ids are not cleaned (they are refused instead, above).
func TestImportCleansStrings(t *testing.T) {
	db, _ := tempDB(t)
	d := importDoc(2)
	d["clients"].([]any)[0].(map[string]any)["name"] = "Dupont\x1b]52;c;cm0gLXJmIH4=\x07"
	d["workspace"].(map[string]any)["operator"] = "\x1b[2JC. Martin"
	d["steps"].([]any)[0].(map[string]any)["state"].(map[string]any)["note"] = "ligne 1\nligne\x1b[31m 2"
	d["events"] = []any{map[string]any{"action": "x\x1b[2J", "detail": "d\x9b1m", "ref": map[string]any{"client": "c00001"}}}
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == 0x1b || r == 0x07 || r >= 0x80 && r < 0xa0 {
				return -1
			}
			return r
		}, s)
	}
	calls := 0
	text := func(s string) string { calls++; return strip(s) }
	if _, err := db.Import(bytes.NewReader(docBytes(t, d)), ImportOptions{Clean: strip, CleanText: text}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := db.Export("imp", &out, false); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out.Bytes(), []byte(`\u001b`)) || bytes.Contains(out.Bytes(), []byte("\x1b")) || bytes.Contains(out.Bytes(), []byte(`\u009b`)) {
		t.Fatalf("escape left in the imported workspace: %s", out.Bytes())
	}
	if calls < 2 {
		t.Fatalf("free texts not cleaned as text (%d calls)", calls)
	}
	st, _ := db.StepState("imp", checklist.Ref{Step: "preparation.client.articles", Client: "c00000"})
	if st.Note != "ligne 1\nligne[31m 2" {
		t.Fatalf("note = %q", st.Note)
	}
}

// cancelAfter is a context cancelled after its Err has been asked n times:
// a signal arriving in the middle of the import, without any timing.
type cancelAfter struct {
	context.Context
	n int
}

func (c *cancelAfter) Err() error {
	if c.n--; c.n < 0 {
		return context.Canceled
	}
	return nil
}

func TestImportInterrupted(t *testing.T) {
	db, _ := tempDB(t)
	data := docBytes(t, importDoc(2000))
	ctx := &cancelAfter{Context: context.Background(), n: 3}
	if _, err := db.ImportContext(ctx, bytes.NewReader(data), ImportOptions{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	if ctx.n >= 0 {
		t.Fatal("the import did not get far enough to be interrupted in the middle")
	}
	if wss, _ := db.Workspaces(); len(wss) != 0 {
		t.Fatalf("interrupted import wrote %v", wss)
	}
	// The same file imports whole when not interrupted.
	id, err := db.Import(bytes.NewReader(data), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	run, err := db.LoadRun(id, checklist.Default())
	if err != nil || len(run.Clients) != 2000 {
		t.Fatalf("after import: %v", err)
	}
	if got := run.Clients[0].Steps; reflect.DeepEqual(got, make([]checklist.Status, len(got))) {
		t.Fatal("statuses not imported")
	}
}

// The limits let a real workspace of MaxImportClients clients, every step
// with a state, through: its export imports whole.
func TestImport12kWithinLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 12,000-client workspace")
	}
	path := t.TempDir() + "/big.db"
	buildWorkspace12k(t, path)
	db := openTest(t, path)
	var exp bytes.Buffer
	if err := db.Export("w", &exp, false); err != nil {
		t.Fatal(err)
	}
	t.Logf("export of 12,000 clients: %d MiB", exp.Len()>>20)
	if exp.Len() > MaxImportBytes/2 {
		t.Errorf("the export takes %d MiB of the %d MiB allowed", exp.Len()>>20, MaxImportBytes>>20)
	}
	id, err := db.Import(bytes.NewReader(exp.Bytes()), ImportOptions{RenameTo: "copie"})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := db.LoadRun("w", checklist.Default())
	b, err := db.LoadRun(id, checklist.Default())
	if err != nil || len(b.Clients) != 12000 || !reflect.DeepEqual(a.Clients[11999].Steps, b.Clients[11999].Steps) {
		t.Fatalf("imported copy differs: %v", err)
	}
}

// blockingReader never returns: a terminal on stdin nobody types into.
type blockingReader struct{ stop chan struct{} }

func (b blockingReader) Read([]byte) (int, error) { <-b.stop; return 0, io.EOF }

// Ctrl-C while the file is still being read (stdin): the import returns at
// once, writing nothing.
func TestImportInterruptedWhileReading(t *testing.T) {
	db, _ := tempDB(t)
	r := blockingReader{stop: make(chan struct{})}
	defer close(r.stop)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := db.ImportContext(ctx, r, ImportOptions{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	if wss, _ := db.Workspaces(); len(wss) != 0 {
		t.Fatalf("interrupted import wrote %v", wss)
	}
}
