package v1

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/bascule-cli/bascule/connectors"
)

// Bounds on one listing, from its first page to its last. A 12,000-client
// cabinet fits in about 120 pages of 100 clients and a few megabytes; the
// bounds leave a wide margin while stopping a platform whose next_cursor
// never ends (7,000 pages and 3.8 GB before they existed).
const (
	MaxListPages   = 1000
	MaxListClients = 50_000
	MaxListBytes   = 64 << 20
	// MaxCursorBytes bounds one cursor: it travels back in a URL.
	MaxCursorBytes = 2048
)

// cursorPrefix marks the cursors this client hands out. Each one carries,
// besides the platform's own cursor, how far the listing has gone, so that
// the bounds hold across calls without any state in the client (callers
// page concurrently, and abandon listings half-way).
const cursorPrefix = "bq1."

// listing is the progress of one listing, carried in its cursors.
type listing struct {
	pages, items, bytes int
	// checkpoint is the fingerprint of a cursor seen earlier, moved to the
	// newest one whenever pages reaches a power of two (Brent's cycle
	// detection): a cursor that comes back, however long the loop, is
	// caught within about twice the loop's length, with constant state.
	checkpoint uint64
	raw        string // the platform's cursor
}

func fingerprint(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func (l listing) encode() string {
	return fmt.Sprintf("%s%d.%d.%d.%x.%s", cursorPrefix, l.pages, l.items, l.bytes, l.checkpoint, l.raw)
}

// decodeCursor reads a cursor given to ListClients. A cursor this client
// did not hand out is passed to the platform as is, as the first page of a
// listing: the platform judges it.
func decodeCursor(c string) listing {
	rest, ok := strings.CutPrefix(c, cursorPrefix)
	if !ok {
		return listing{raw: c}
	}
	parts := strings.SplitN(rest, ".", 5)
	if len(parts) != 5 {
		return listing{raw: c}
	}
	var n [3]int
	for i := range n {
		v, err := strconv.Atoi(parts[i])
		if err != nil || v < 0 || v > 1<<40 { // no overflow when counting on
			return listing{raw: c}
		}
		n[i] = v
	}
	cp, err := strconv.ParseUint(parts[3], 16, 64)
	if err != nil {
		return listing{raw: c}
	}
	return listing{pages: n[0], items: n[1], bytes: n[2], checkpoint: cp, raw: parts[4]}
}

// next accounts for a page of items and size bytes fetched with l.raw
// whose answer named next, and returns the cursor to hand out ("" at the
// end) or the error that stops the listing.
func (l listing) next(items, size int, next string) (string, error) {
	l.pages++
	l.items += items
	l.bytes += size
	switch {
	case l.items > MaxListClients:
		return "", limitError(fmt.Sprintf("la liste des clients de V1 dépasse %d clients", MaxListClients),
			fmt.Sprintf("the V1 client list goes beyond %d clients", MaxListClients))
	case l.bytes > MaxListBytes:
		return "", limitError(fmt.Sprintf("la liste des clients de V1 dépasse %d Mio", MaxListBytes>>20),
			fmt.Sprintf("the V1 client list goes beyond %d MiB", MaxListBytes>>20))
	case next == "":
		return "", nil
	case l.pages >= MaxListPages:
		return "", limitError(fmt.Sprintf("la liste des clients de V1 ne finit pas après %d pages", MaxListPages),
			fmt.Sprintf("the V1 client list does not end after %d pages", MaxListPages))
	case len(next) > MaxCursorBytes:
		return "", limitError(fmt.Sprintf("curseur de page de plus de %d octets", MaxCursorBytes),
			fmt.Sprintf("page cursor longer than %d bytes", MaxCursorBytes))
	}
	fp := fingerprint(next)
	if next == l.raw || (l.pages > 1 && fp == l.checkpoint) {
		return "", limitError(fmt.Sprintf("la plateforme renvoie un curseur de page déjà vu (page %d) : la liste tournerait en rond", l.pages),
			fmt.Sprintf("the platform sends back a page cursor already seen (page %d): the list would loop", l.pages))
	}
	if l.pages&(l.pages-1) == 0 {
		l.checkpoint = fp
	}
	l.raw = next
	return l.encode(), nil
}

func limitError(fr, en string) error {
	return &connectors.Error{Op: "v1.ListClients", Kind: connectors.ErrLimit, Field: "next_cursor",
		French: fr + " ; la lecture est arrêtée", English: en + "; reading stopped"}
}
