package comapi

import (
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/connectors"
)

// FuzzParse feeds arbitrary answers to both parsers: they must never panic,
// never exceed the entry bound, and return only sanitised, valid values.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`[{"name":"Boulangerie","siren":"552008443"}]`))
	f.Add([]byte(`[{"name":"udr_1.pdf","size":12,"mtime":1700000000,"ctime":"2025-01-06T09:00:00Z","downloadurl":"https://h/x"}]`))
	f.Add([]byte(`[{"name":"\x1b[31mx","siren":"552 008 443"}] `))
	f.Add([]byte(`{"a":1}`))
	f.Add([]byte(`[1,2,3]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		const max = 5
		if list, err := ParseEnterprises(data, max); err == nil {
			if len(list) > max {
				t.Fatalf("%d entries past the bound", len(list))
			}
			for _, e := range list {
				if connectors.Sanitize(e.Name) != e.Name || len(e.SIREN) != 9 {
					t.Fatalf("unsanitised or invalid entry %+v", e)
				}
			}
		} else if strings.Contains(err.Error(), "json:") {
			t.Fatalf("Go internals in message: %v", err)
		}
		files, err := ParseFiles(data, max, "552008443", connectors.FileBoxes()[0], nil)
		if err != nil {
			return
		}
		if len(files) > max {
			t.Fatalf("%d files past the bound", len(files))
		}
		for _, fl := range files {
			if !SafeName(fl.Name) || fl.Size < 0 || connectors.Sanitize(fl.DownloadURL) != fl.DownloadURL {
				t.Fatalf("unsafe file %+v", fl)
			}
		}
	})
}
