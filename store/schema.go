package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// SchemaVersion is the schema this binary writes. A database with a higher
// version is refused (TooNewError); a lower one is migrated at Open.
const SchemaVersion uint64 = 1

// Bucket and key names. They are never mutated.
var (
	bucketMeta       = []byte("meta")
	bucketWorkspaces = []byte("workspaces")

	keyVersion = []byte("version")
	keyCreated = []byte("created")

	keyInfo     = []byte("info")
	keyRequest  = []byte("request")
	keyLayout   = []byte("layout")
	keyCabinet  = []byte("cabinet")
	keyKeyCheck = []byte("keycheck")

	bucketClients   = []byte("clients")
	bucketSteps     = []byte("steps")
	bucketOverrides = []byte("overrides")
	bucketEvents    = []byte("events")
	bucketSecrets   = []byte("secrets")
)

// envelopeVersion is the version of the JSON envelope and of the records
// inside it. A reader refuses a higher one.
const envelopeVersion = 1

// layoutCache keeps the decoded layout of each workspace, keyed by its raw
// bytes: a change of the stored layout (by any path) misses the cache.
type layoutCache struct {
	mu sync.Mutex
	m  map[string]cachedLayout
}

type cachedLayout struct {
	raw []byte
	l   layout
}

func (c *layoutCache) get(w *wsBuckets, ws string) (layout, error) {
	raw := w.root.Get(keyLayout)
	c.mu.Lock()
	e, ok := c.m[ws]
	c.mu.Unlock()
	if ok && bytes.Equal(e.raw, raw) {
		return layout{Cabinet: slices.Clip(e.l.Cabinet), Client: slices.Clip(e.l.Client)}, nil
	}
	l, err := w.layout()
	if err != nil {
		return l, err
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]cachedLayout{}
	}
	c.m[ws] = cachedLayout{raw: bytes.Clone(raw), l: l}
	c.mu.Unlock()
	return layout{Cabinet: slices.Clip(l.Cabinet), Client: slices.Clip(l.Client)}, nil
}

// encode writes v in a version-1 envelope, {"v":1,"d":...}, in one pass.
func encode(v any) ([]byte, error) {
	return json.Marshal(struct {
		V int `json:"v"`
		D any `json:"d"`
	}{envelopeVersion, v})
}

// decode reads an envelope in one pass. b may point into a transaction's
// memory: json copies what it keeps.
func decode(b []byte, what string, v any) error {
	e := struct {
		V int `json:"v"`
		D any `json:"d"`
	}{D: v}
	err := json.Unmarshal(b, &e)
	if e.V > envelopeVersion {
		return &FormatError{What: what, Msg: fmt.Sprintf("version %d inconnue de cette version de bascule", e.V)}
	}
	if err != nil {
		return &FormatError{What: what, Msg: err.Error()}
	}
	if e.V < 1 {
		return &FormatError{What: what, Msg: "enveloppe sans version"}
	}
	return nil
}

func u64(n uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], n)
	return b[:]
}

// stepKey is the key of a step record: client id, 0x00, step id. Cabinet
// steps have an empty client id, so they sort first.
func stepKey(client, step string) []byte {
	k := make([]byte, 0, len(client)+1+len(step))
	k = append(k, client...)
	k = append(k, 0)
	return append(k, step...)
}

func splitStepKey(k []byte) (client, step string, ok bool) {
	for i, c := range k {
		if c == 0 {
			return string(k[:i]), string(k[i+1:]), true
		}
	}
	return "", "", false
}

// layout is the order of the status bytes in the summaries of a workspace:
// step ids, append-only, so that a guide with new or reordered steps still
// reads old summaries by id.
type layout struct {
	Cabinet []string `json:"cabinet"`
	Client  []string `json:"client"`
}

func (l *layout) pos(cabinet bool, step string) int {
	ids := l.Client
	if cabinet {
		ids = l.Cabinet
	}
	for i, id := range ids {
		if id == step {
			return i
		}
	}
	return -1
}

// ensure returns the position of step, appending it when new (changed is
// then true and the layout must be written back).
func (l *layout) ensure(cabinet bool, step string) (pos int, changed bool) {
	if p := l.pos(cabinet, step); p >= 0 {
		return p, false
	}
	if cabinet {
		l.Cabinet = append(l.Cabinet, step)
		return len(l.Cabinet) - 1, true
	}
	l.Client = append(l.Client, step)
	return len(l.Client) - 1, true
}

// clientSummary is the compact per-client record LoadRun reads: the dossier
// and the statuses of its steps in layout order. Binary format, version 1
// (big-endian):
//
//	[0]      format version = 1
//	[1:5]    uint32 order of the client in the workspace
//	[5:9]    int32 pending invoices (-1 unknown)
//	[9]      flags: bit 0 payment-services client
//	uint16 n, n bytes: name
//	uint16 n, n bytes: SIREN
//	uint16 n, n bytes: statuses (checklist.Status), layout order; missing = todo
type clientSummary struct {
	Ord      uint32
	Pending  int32
	Payment  bool
	Name     string
	SIREN    string
	Statuses []byte
}

const summaryFormat = 1

func (s *clientSummary) marshal() []byte {
	b := make([]byte, 0, 10+6+len(s.Name)+len(s.SIREN)+len(s.Statuses))
	b = append(b, summaryFormat)
	b = binary.BigEndian.AppendUint32(b, s.Ord)
	b = binary.BigEndian.AppendUint32(b, uint32(s.Pending))
	var flags byte
	if s.Payment {
		flags |= 1
	}
	b = append(b, flags)
	for _, f := range [][]byte{[]byte(s.Name), []byte(s.SIREN), s.Statuses} {
		if len(f) > 0xFFFF {
			f = f[:0xFFFF]
		}
		b = binary.BigEndian.AppendUint16(b, uint16(len(f)))
		b = append(b, f...)
	}
	return b
}

// unmarshalSummary reads a summary; the strings and the status slice are
// copies, safe to keep after the transaction.
func unmarshalSummary(b []byte) (clientSummary, error) {
	var s clientSummary
	if len(b) < 10 || b[0] != summaryFormat {
		if len(b) > 0 && b[0] > summaryFormat {
			return s, &FormatError{What: "résumé client", Msg: fmt.Sprintf("version %d inconnue", b[0])}
		}
		return s, &FormatError{What: "résumé client", Msg: "enregistrement tronqué"}
	}
	s.Ord = binary.BigEndian.Uint32(b[1:5])
	s.Pending = int32(binary.BigEndian.Uint32(b[5:9]))
	s.Payment = b[9]&1 != 0
	rest := b[10:]
	var fields [3][]byte
	for i := range fields {
		if len(rest) < 2 {
			return s, &FormatError{What: "résumé client", Msg: "enregistrement tronqué"}
		}
		n := int(binary.BigEndian.Uint16(rest))
		rest = rest[2:]
		if len(rest) < n {
			return s, &FormatError{What: "résumé client", Msg: "enregistrement tronqué"}
		}
		fields[i] = rest[:n]
		rest = rest[n:]
	}
	s.Name = string(fields[0])
	s.SIREN = string(fields[1])
	s.Statuses = append([]byte(nil), fields[2]...)
	return s, nil
}

// cabinet summary: format byte, then the statuses in layout order.
func marshalCabinet(st []byte) []byte { return append([]byte{summaryFormat}, st...) }

func unmarshalCabinet(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, nil
	}
	if b[0] != summaryFormat {
		return nil, &FormatError{What: "résumé cabinet", Msg: fmt.Sprintf("version %d inconnue", b[0])}
	}
	return append([]byte(nil), b[1:]...), nil
}

func setStatusByte(st []byte, pos int, v byte) []byte {
	for len(st) <= pos {
		st = append(st, 0)
	}
	st[pos] = v
	return st
}

// wsBuckets are the buckets of one workspace inside a transaction.
type wsBuckets struct {
	root, clients, steps, overrides, events, secrets *bolt.Bucket
}

func getWS(tx *bolt.Tx, id string) (*wsBuckets, error) {
	all := tx.Bucket(bucketWorkspaces)
	if all == nil {
		return nil, &FormatError{What: "base", Msg: "seau « workspaces » absent"}
	}
	root := all.Bucket([]byte(id))
	if root == nil {
		return nil, &NotFoundError{What: "workspace", ID: id}
	}
	w := &wsBuckets{root: root, clients: root.Bucket(bucketClients), steps: root.Bucket(bucketSteps),
		overrides: root.Bucket(bucketOverrides), events: root.Bucket(bucketEvents), secrets: root.Bucket(bucketSecrets)}
	if w.clients == nil || w.steps == nil || w.overrides == nil || w.events == nil || w.secrets == nil {
		return nil, &FormatError{What: "espace " + id, Msg: "seau manquant"}
	}
	return w, nil
}

func createWS(tx *bolt.Tx, id string) (*wsBuckets, error) {
	all := tx.Bucket(bucketWorkspaces)
	if all == nil {
		return nil, &FormatError{What: "base", Msg: "seau « workspaces » absent"}
	}
	if all.Bucket([]byte(id)) != nil {
		return nil, &ExistsError{What: "workspace", ID: id}
	}
	root, err := all.CreateBucket([]byte(id))
	if err != nil {
		return nil, err
	}
	for _, name := range [][]byte{bucketClients, bucketSteps, bucketOverrides, bucketEvents, bucketSecrets} {
		if _, err := root.CreateBucket(name); err != nil {
			return nil, err
		}
	}
	return getWS(tx, id)
}

func (w *wsBuckets) layout() (layout, error) {
	var l layout
	if b := w.root.Get(keyLayout); b != nil {
		if err := decode(b, "layout", &l); err != nil {
			return l, err
		}
	}
	return l, nil
}

func (w *wsBuckets) putLayout(l layout) error {
	b, err := encode(l)
	if err != nil {
		return err
	}
	return w.root.Put(keyLayout, b)
}

func (w *wsBuckets) addEvent(e Event) error {
	seq, err := w.events.NextSequence()
	if err != nil {
		return err
	}
	e.Seq = seq
	b, err := encode(e)
	if err != nil {
		return err
	}
	return w.events.Put(u64(seq), b)
}

func utc(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC()
}
