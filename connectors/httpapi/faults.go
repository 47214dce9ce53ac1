package httpapi

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"sync"
)

// lockedRand is a seeded generator shared by concurrent handlers.
type lockedRand struct {
	mu sync.Mutex
	r  *rand.Rand
}

func newLockedRand(seed uint64) *lockedRand {
	return &lockedRand{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// chance reports true with probability p. It draws nothing when p <= 0, so
// that a server without faults does not contend on the lock.
func (l *lockedRand) chance(p float64) bool {
	if p <= 0 {
		return false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.r.Float64() < p
}

// hostileKey reports the JSON keys whose values are human-readable text,
// the ones a hostile platform (or a compromised account) would fill with
// terminal escapes. Identifiers are left alone: a client may rely on them
// round-tripping.
func hostileKey(k string) bool {
	switch k {
	case "legal_name", "first_name", "last_name", "contact_first_name", "contact_last_name",
		"street", "city", "address", "label", "holder", "message", "file_name", "plan":
		return true
	}
	return false
}

// Hostile wrappers: a screen clear, an OSC 8 hyperlink, an OSC 52 clipboard
// write, a carriage return, a bell and a right-to-left override. Sanitize
// removes every one of them, leaving the original value.
const (
	hostilePrefix = "\x1b[2J\x1b]8;;https://evil.example\x07\x1b]52;c;cm0gLXJmIC8=\x07\r"
	hostileSuffix = "\x1b]8;;\x07\u202e\x07\b"
)

// hostile rewrites a JSON document, wrapping the values of the hostileKey keys.
// A document that does not decode is returned unchanged.
func hostile(body []byte) []byte {
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if dec.Decode(&v) != nil {
		return body
	}
	v = poison(v)
	out, err := json.Marshal(v)
	if err != nil {
		return body
	}
	return out
}

func poison(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			if s, ok := x.(string); ok && hostileKey(k) && s != "" {
				t[k] = hostilePrefix + s + hostileSuffix
			} else {
				t[k] = poison(x)
			}
		}
	case []any:
		for i := range t {
			t[i] = poison(t[i])
		}
	}
	return v
}
