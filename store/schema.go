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
const SchemaVersion uint64 = 3

// Bucket and key names. They are never mutated.
var (
	bucketMeta = []byte("meta")

	keyVersion = []byte("version")
	keyCreated = []byte("created")

	// wsPrefix starts the name of each workspace's top-level bucket:
	// "ws/" + workspace id.
	wsPrefix = []byte("ws/")
)

// Inside a workspace bucket every key starts with a one-byte tag.
const (
	tagClient   = 'c' // client regions: summaries, step records, events
	tagHead     = 'h' // workspace records
	tagOverride = 'o' // overrides
	tagSecret   = 's' // sealed secrets

	// After "c" <client id> 0x00, the kind of a client region's record.
	kindStep  = 0x01
	kindEvent = 0x02
)

// Workspace records, under tagHead.
var (
	keyInfo      = headKey("info")
	keyRequest   = headKey("request")
	keyLayout    = headKey("layout")
	keyKeyCheck  = headKey("keycheck")
	keyClientSeq = headKey("clientseq")
)

func headKey(name string) []byte { return append([]byte{tagHead}, name...) }

func wsBucketName(id string) []byte { return append(bytes.Clone(wsPrefix), id...) }

// summaryKey is the key of a client's summary: "c" + client id. The cabinet
// has the empty id: its summary is "c" alone.
func summaryKey(client string) []byte { return append([]byte{tagClient}, client...) }

// regionKey is the start of a client's records after its summary:
// "c" + id + 0x00 + kind.
func regionKey(client string, kind byte, extra int) []byte {
	k := make([]byte, 0, 3+len(client)+extra)
	k = append(k, tagClient)
	k = append(k, client...)
	return append(k, 0, kind)
}

// regionEnd is the first key after everything of a client: "c" + id + 0x01.
// Client ids never hold 0x00, so every key of the client (its summary and
// "c" id 0x00 …) sorts before it, and every other client's keys after it.
func regionEnd(client string) []byte {
	k := summaryKey(client)
	return append(k, 1)
}

// stepKey is the key of a step record: "c" + client id + 0x00 0x01 + step
// id. Cabinet steps have the empty client id.
func stepKey(client, step string) []byte {
	return append(regionKey(client, kindStep, len(step)), step...)
}

// eventKey is the key of an audit event, in the region of the client it is
// about (the cabinet's, id "", for the others): "c" + client id + 0x00 0x02
// + the complement of its sequence number, 8 bytes big-endian, so that a
// client's newest event sorts first, right after its step records.
func eventKey(client string, seq uint64) []byte {
	return binary.BigEndian.AppendUint64(regionKey(client, kindEvent, 8), ^seq)
}

func overrideKey(seq uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte{tagOverride}, seq)
}

func secretKey(name string) []byte { return append([]byte{tagSecret}, name...) }

// clientKey is what a key in the client regions holds.
type clientKey struct {
	client string
	kind   byte   // 0: the summary; kindStep, kindEvent
	step   string // kindStep
	seq    uint64 // kindEvent
}

// parseClientKey reads a key that starts with tagClient.
func parseClientKey(k []byte) (clientKey, bool) {
	if len(k) == 0 || k[0] != tagClient {
		return clientKey{}, false
	}
	rest := k[1:]
	i := bytes.IndexByte(rest, 0)
	if i < 0 {
		return clientKey{client: string(rest)}, true
	}
	ck := clientKey{client: string(rest[:i])}
	rest = rest[i+1:]
	if len(rest) == 0 {
		return ck, false
	}
	ck.kind = rest[0]
	rest = rest[1:]
	switch ck.kind {
	case kindStep:
		if len(rest) == 0 {
			return ck, false
		}
		ck.step = string(rest)
		return ck, true
	case kindEvent:
		if len(rest) != 8 {
			return ck, false
		}
		ck.seq = ^binary.BigEndian.Uint64(rest)
		return ck, true
	}
	return ck, false
}

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

func (c *layoutCache) get(w *wsBucket, ws string) (layout, error) {
	raw := w.b.Get(keyLayout)
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
	LeftV1   bool // flags bit 1: missing from V1's list at the last refresh
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
	if s.LeftV1 {
		flags |= 2
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
	s.LeftV1 = b[9]&2 != 0
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

// wsBucket is the bucket of one workspace inside a transaction.
type wsBucket struct {
	b  *bolt.Bucket
	id string
	// sorted, when set, collects the puts of a transaction that writes a
	// whole workspace (import) so that they reach bbolt in key order:
	// bbolt keeps a bucket's leaf as one in-memory node until commit, and
	// an insert in its middle moves everything after it (events are keyed
	// newest first, so an import put each one at a region's front:
	// quadratic, 170 s for 12,000 clients).
	sorted *[][2][]byte
}

func getWS(tx *bolt.Tx, id string) (*wsBucket, error) {
	b := tx.Bucket(wsBucketName(id))
	if b == nil {
		return nil, &NotFoundError{What: "workspace", ID: id}
	}
	return &wsBucket{b: b, id: id}, nil
}

// bulkFill is how full bbolt packs the workspace's pages in a transaction
// that writes many records (marking many clients, adding dossiers, import,
// migration). With bbolt's default (half full), a leaf that receives many
// records in one commit splits into half-empty pages, and a workspace of
// 12,000 clients takes twice the pages it needs, which Open's check then
// walks. A change of one record keeps the default: a page split there
// leaves room for the next ones.
const bulkFill = 0.9

// bulk tells bbolt to pack this transaction's pages of the workspace.
func (w *wsBucket) bulk() { w.b.FillPercent = bulkFill }

func createWS(tx *bolt.Tx, id string) (*wsBucket, error) {
	if tx.Bucket(wsBucketName(id)) != nil {
		return nil, &ExistsError{What: "workspace", ID: id}
	}
	b, err := tx.CreateBucket(wsBucketName(id))
	if err != nil {
		return nil, err
	}
	return &wsBucket{b: b, id: id}, nil
}

func (w *wsBucket) layout() (layout, error) {
	var l layout
	b, err := w.get(keyLayout)
	if err != nil {
		return l, err
	}
	if b != nil {
		if err := decode(b, "layout", &l); err != nil {
			return l, err
		}
	}
	return l, nil
}

func (w *wsBucket) putLayout(l layout) error {
	b, err := encode(l)
	if err != nil {
		return err
	}
	return w.put(keyLayout, b)
}

// addEvent appends an audit event. Its number comes from the bucket's own
// sequence (kept in the bucket's header, which every write rewrites anyway).
func (w *wsBucket) addEvent(e Event) error {
	seq, err := w.b.NextSequence()
	if err != nil {
		return err
	}
	b, err := encodeEvent(e)
	if err != nil {
		return err
	}
	return w.put(eventKey(e.Ref.Client, seq), b)
}

// nextClientOrd returns the order number of a new client.
func (w *wsBucket) nextClientOrd() (uint32, error) {
	var n uint64
	v, err := w.get(keyClientSeq)
	if err != nil {
		return 0, err
	}
	if len(v) == 8 {
		n = binary.BigEndian.Uint64(v)
	}
	n++
	return uint32(n), w.put(keyClientSeq, u64(n))
}

// nextOverride returns the next override number: one more than the last.
func (w *wsBucket) nextOverride() uint64 {
	c := w.b.Cursor()
	k, _ := c.Seek([]byte{tagOverride + 1})
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	if len(k) == 9 && k[0] == tagOverride {
		return binary.BigEndian.Uint64(k[1:]) + 1
	}
	return 1
}

// forEachTag calls fn for every key that starts with tag, in key order.
func (w *wsBucket) forEachTag(tag byte, fn func(k, v []byte) error) error {
	c := w.b.Cursor()
	for k, v := c.Seek([]byte{tag}); k != nil && k[0] == tag; k, v = c.Next() {
		p, err := openValue(w.id, k, v)
		if err != nil {
			return err
		}
		if err := fn(k, p); err != nil {
			return err
		}
	}
	return nil
}

// forEachEvent calls fn for every event of the workspace, in key order (by
// client, newest first); callers sort by Seq.
func (w *wsBucket) forEachEvent(fn func(k, v []byte) error) error {
	return w.forEachTag(tagClient, func(k, v []byte) error {
		if ck, ok := parseClientKey(k); ok && ck.kind == kindEvent {
			return fn(k, v)
		}
		return nil
	})
}

func utc(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC()
}
