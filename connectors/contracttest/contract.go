package contracttest

import (
	"errors"
	"reflect"
	"testing"

	"github.com/bascule-cli/bascule/connectors"
)

// Control drives the platform behind the ports where a person would act in
// a browser. *sandbox.Platform implements it.
type Control interface {
	// CompleteRegistration finishes the cabinet's registration on V2 (§3.1).
	CompleteRegistration()
	// AcceptAllPending accepts every pending invoice on V1 (§2); ErrReadOnly
	// once migrated.
	AcceptAllPending() error
	// FinishMigration makes the submitted migration request succeed now.
	FinishMigration() error
	// SideEffects counts real state changes per operation, keyed by the
	// port's Op name ("v2.SubmitMigration", "v2.InviteUser"…).
	SideEffects() map[string]int
}

// Factory builds a fresh platform for one case: a cabinet with at least two
// clients, among them an active one and an inactive one, not yet registered
// on V2 and not migrated. It registers its own cleanup on t.
type Factory func(t *testing.T) (connectors.V1, connectors.V2, Control)

// Run runs the whole suite, each case on a fresh platform.
func Run(t *testing.T, f Factory) {
	t.Run("V1", func(t *testing.T) { RunV1(t, f) })
	t.Run("V2", func(t *testing.T) { RunV2(t, f) })
}

// RunV1 runs the cases of the V1 port.
func RunV1(t *testing.T, f Factory) {
	t.Run("PagingCoversAllClientsOnce", func(t *testing.T) { pagingCoversAll(t, f) })
	t.Run("BadCursor", func(t *testing.T) { badCursor(t, f) })
	t.Run("SnapshotsComplete", func(t *testing.T) { snapshotsComplete(t, f) })
	t.Run("UnknownClient", func(t *testing.T) { unknownClient(t, f) })
	t.Run("AcceptPending", func(t *testing.T) { acceptPending(t, f) })
	t.Run("ReadOnlyAfterMigration", func(t *testing.T) { readOnlyAfterMigration(t, f) })
	t.Run("Cancelled", func(t *testing.T) { v1Cancelled(t, f) })
}

// RunV2 runs the cases of the V2 port.
func RunV2(t *testing.T, f Factory) {
	t.Run("SubmitNeedsRegistration", func(t *testing.T) { submitNeedsRegistration(t, f) })
	t.Run("SubmitIdempotent", func(t *testing.T) { submitIdempotent(t, f) })
	t.Run("SubmitKeyConflict", func(t *testing.T) { submitKeyConflict(t, f) })
	t.Run("StatusProgression", func(t *testing.T) { statusProgression(t, f) })
	t.Run("UnknownReferenceAndSpace", func(t *testing.T) { unknownReference(t, f) })
	t.Run("InventoryMatchesTransferList", func(t *testing.T) { inventoryMatches(t, f) })
	t.Run("WritesNeedMigration", func(t *testing.T) { writesNeedMigration(t, f) })
	t.Run("WritesIdempotent", func(t *testing.T) { writesIdempotent(t, f) })
	t.Run("ImportClients", func(t *testing.T) { importClients(t, f) })
	t.Run("Cancelled", func(t *testing.T) { v2Cancelled(t, f) })
}

// --- helpers ----------------------------------------------------------------

func allClients(t *testing.T, v1 connectors.V1, limit int) []connectors.Client {
	t.Helper()
	var out []connectors.Client
	cursor := ""
	for range 100000 {
		page, next, err := v1.ListClients(t.Context(), connectors.Page{Cursor: cursor, Limit: limit})
		if err != nil {
			t.Fatalf("ListClients(%q): %v", cursor, err)
		}
		out = append(out, page...)
		if next == "" {
			return out
		}
		if next == cursor {
			t.Fatalf("ListClients: cursor %q does not move", next)
		}
		cursor = next
	}
	t.Fatal("ListClients never ends")
	return nil
}

// pick returns the first client with the given status class.
func pick(t *testing.T, v1 connectors.V1, active bool) connectors.Client {
	t.Helper()
	for _, c := range allClients(t, v1, 0) {
		if (c.Status == connectors.StatusActive) == active {
			return c
		}
	}
	t.Fatalf("no client with active=%v", active)
	return connectors.Client{}
}

func submission(t *testing.T, v1 connectors.V1, key string) connectors.MigrationSubmission {
	t.Helper()
	cab, err := v1.Cabinet(t.Context())
	if err != nil {
		t.Fatalf("Cabinet: %v", err)
	}
	return connectors.MigrationSubmission{CabinetSIREN: cab.Cabinet.SIREN,
		RequestedBy: cab.Cabinet.ManagerEmail, IdempotencyKey: key}
}

// migrate registers, submits and finishes the migration.
func migrate(t *testing.T, v1 connectors.V1, v2 connectors.V2, c Control) connectors.MigrationRequest {
	t.Helper()
	c.CompleteRegistration()
	req, err := v2.SubmitMigration(t.Context(), submission(t, v1, "migrate-1"))
	if err != nil {
		t.Fatalf("SubmitMigration: %v", err)
	}
	if err := c.FinishMigration(); err != nil {
		t.Fatalf("FinishMigration: %v", err)
	}
	return req
}

func wantKind(t *testing.T, what string, err, kind error) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Errorf("%s: error %v, want %v", what, err, kind)
	}
}

// sanitised reports whether every string reachable from v is already clean:
// sanitising a copy changes nothing.
func sanitised[T any, PT interface {
	*T
	Sanitize()
}](v T) bool {
	c := v
	PT(&c).Sanitize()
	return reflect.DeepEqual(c, v)
}

// --- V1 ---------------------------------------------------------------------
