package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"sort"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// Since schema 3 every value in a workspace bucket ends with a CRC-32C
// (Castagnoli) of its key and its payload, 4 bytes big-endian:
//
//	value = payload ‖ crc32c(key ‖ payload)
//
// bbolt checks its meta pages but not the data pages: a flipped byte in a
// value used to read as a different status or name, without any error. The
// key is part of the sum so that a value read under another key (a damaged
// key byte) fails too. The cost is one pass over the bytes read, with the
// CPU's CRC-32C instruction where there is one.
const crcSize = 4

// castagnoli is the CRC-32C table; hash/crc32 builds it once and hands out
// the same one afterwards.
func castagnoli() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) }

func sumKV(k, p []byte) uint32 {
	t := castagnoli()
	return crc32.Update(crc32.Checksum(k, t), t, p)
}

// sealValue returns payload p followed by the checksum of k and p.
func sealValue(k, p []byte) []byte {
	out := make([]byte, len(p), len(p)+crcSize)
	copy(out, p)
	return binary.BigEndian.AppendUint32(out, sumKV(k, p))
}

// openValue checks a stored value's checksum and returns its payload, which
// aliases v (transaction memory: decode or copy it before the end).
func openValue(ws string, k, v []byte) ([]byte, error) {
	n := len(v) - crcSize
	if n < 0 || binary.BigEndian.Uint32(v[n:]) != sumKV(k, v[:n]) {
		return nil, recordError(ws, k, errChecksum)
	}
	return v[:n], nil
}

// errChecksum is the cause of a RecordError whose value fails its checksum.
type checksumError struct{}

func (checksumError) Error() string { return "somme de contrôle incorrecte (octets altérés)" }

var errChecksum error = checksumError{}

// RecordError names a stored record that cannot be read: its workspace,
// its client ("" for the cabinet's and the workspace's own records) and
// what it is.
type RecordError struct {
	Workspace string
	Client    string
	Record    string
	Cause     error
}

func (e *RecordError) Error() string {
	who := "le cabinet"
	if e.Client != "" {
		who = "le client " + e.Client
	}
	return fmt.Sprintf("espace %s, %s, %s : enregistrement illisible (%v)", e.Workspace, who, e.Record, e.Cause)
}

// English returns the message in English.
func (e *RecordError) English() string {
	who := "the cabinet"
	if e.Client != "" {
		who = "client " + e.Client
	}
	cause := e.Cause.Error()
	if e.Cause == errChecksum {
		cause = "checksum mismatch (bytes altered)"
	}
	return fmt.Sprintf("workspace %s, %s, %s: unreadable record (%s)", e.Workspace, who, e.Record, cause)
}

func (e *RecordError) Unwrap() error { return e.Cause }

// recordError describes the record stored under k.
func recordError(ws string, k []byte, cause error) *RecordError {
	e := &RecordError{Workspace: ws, Cause: cause, Record: "clé inconnue"}
	if len(k) == 0 {
		return e
	}
	switch k[0] {
	case tagClient:
		ck, ok := parseClientKey(k)
		e.Client = ck.client
		switch {
		case !ok:
			e.Record = "clé illisible"
		case ck.kind == kindStep:
			e.Record = "étape " + ck.step
		case ck.kind == kindEvent:
			e.Record = "événement n° " + strconv.FormatUint(ck.seq, 10)
		default:
			e.Record = "résumé"
		}
	case tagHead:
		e.Record = "fiche « " + string(k[1:]) + " »"
	case tagOverride:
		e.Record = "dérogation"
	case tagSecret:
		e.Record = "identifiant chiffré « " + string(k[1:]) + " »"
	}
	return e
}

// get reads and checks the value under k; nil when absent.
func (w *wsBucket) get(k []byte) ([]byte, error) {
	v := w.b.Get(k)
	if v == nil {
		return nil, nil
	}
	return openValue(w.id, k, v)
}

// put stores payload p under k with its checksum.
func (w *wsBucket) put(k, p []byte) error {
	if w.sorted != nil {
		*w.sorted = append(*w.sorted, [2][]byte{bytes.Clone(k), sealValue(k, p)})
		return nil
	}
	return w.b.Put(k, sealValue(k, p))
}

// collectSorted starts collecting puts (see wsBucket.sorted); flushSorted
// writes them in key order, the last put of a key winning, and stops.
func (w *wsBucket) collectSorted() { w.sorted = &[][2][]byte{} }

func (w *wsBucket) flushSorted() error {
	kvs := *w.sorted
	w.sorted = nil
	sort.SliceStable(kvs, func(i, j int) bool { return bytes.Compare(kvs[i][0], kvs[j][0]) < 0 })
	for i, kv := range kvs {
		if i+1 < len(kvs) && bytes.Equal(kvs[i+1][0], kv[0]) {
			continue // a later put of the same key replaces this one
		}
		if err := w.b.Put(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// forEachWS calls fn for every workspace bucket of tx.
func forEachWS(tx *bolt.Tx, fn func(w *wsBucket) error) error {
	c := tx.Cursor()
	for k, v := c.Seek(wsPrefix); k != nil && bytes.HasPrefix(k, wsPrefix); k, v = c.Next() {
		b := tx.Bucket(k)
		if v != nil || b == nil {
			continue
		}
		if err := fn(&wsBucket{b: b, id: string(k[len(wsPrefix):])}); err != nil {
			return err
		}
	}
	return nil
}

// checkValue is the check on open of one value of a workspace (the walk
// of the file calls it): its checksum, and a summary's decoding. The JSON
// records are decoded only by Verify (doctor), which takes longer.
func checkValue(ws string, k, v []byte) error {
	p, err := openValue(ws, k, v)
	if err != nil {
		return err
	}
	// A summary is "c" + id, without the 0x00 of the other records.
	if len(k) > 0 && k[0] == tagClient && bytes.IndexByte(k, 0) < 0 {
		if err := decodeSummary(k, p); err != nil {
			return recordError(ws, k, err)
		}
	}
	return nil
}

// decodeSummary decodes the cabinet's ("c") or a client's summary.
func decodeSummary(k, p []byte) error {
	if len(k) == 1 {
		_, err := unmarshalCabinet(p)
		return err
	}
	_, err := unmarshalSummary(p)
	return err
}

// decodeAt reads the envelope under k into v (an absent record is a
// format error, as decode of nothing is).
func (w *wsBucket) decodeAt(k []byte, what string, v any) error {
	p, err := w.get(k)
	if err != nil {
		return err
	}
	return decode(p, what, v)
}
