package v1

import (
	"errors"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/connectors"
)

// Any cursor a caller passes decodes without panic; one of ours comes back
// with its progress, and the platform's cursor inside it is kept verbatim.
func FuzzDecodeCursor(f *testing.F) {
	for _, s := range []string{"", "p2", "bq1.", "bq1.3.300.1234.abc.p.4", "bq1.-1.0.0.0.x", "bq1.1.1.1.zz.x", "bq1.9.9.9.ffffffffffffffff."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, c string) {
		l := decodeCursor(c)
		if l.pages < 0 || l.items < 0 || l.bytes < 0 {
			t.Fatalf("negative progress from %q: %+v", c, l)
		}
		if !strings.HasPrefix(c, cursorPrefix) && l.raw != c {
			t.Fatalf("foreign cursor %q changed to %q", c, l.raw)
		}
		if back := decodeCursor(l.encode()); back != l {
			t.Fatalf("round trip %+v -> %+v", l, back)
		}
		next, err := l.next(1, 10, c)
		if err != nil && !errors.Is(err, connectors.ErrLimit) {
			t.Fatalf("next: %v", err)
		}
		if err == nil && c != "" && decodeCursor(next).raw != c {
			t.Fatalf("next cursor %q does not carry %q", next, c)
		}
	})
}
