package checklist

import (
	"strconv"
	"testing"
)

// A field with a minimum length names it and the count typed: the
// passphrase rule (MinPassphrase) is said as it is typed.
func TestFieldMinRunes(t *testing.T) {
	f := Field{ID: "passphrase", Label: tx("Phrase secrète", "Passphrase"), Required: true, MinRunes: MinPassphrase}
	for _, tc := range []struct {
		in string
		ok bool
	}{{"phrase", false}, {"éééééééééé", true}, {"neuf lettr", true}, {"123456789", false}} {
		msg := f.Validate(tc.in)
		if (msg == nil) != tc.ok {
			t.Errorf("Validate(%q) = %v, want ok=%v", tc.in, msg, tc.ok)
		}
		if msg != nil && msg.FR != "Phrase secrète : au moins 10 caractères ("+strconv.Itoa(len([]rune(tc.in)))+" saisis)" {
			t.Errorf("message %q", msg.FR)
		}
	}
}
