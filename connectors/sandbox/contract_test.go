package sandbox_test

import (
	"testing"

	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/contracttest"
	"github.com/bascule-cli/bascule/connectors/sandbox"
)

// The sandbox must pass the port contract, plain and with hostile names (the
// contract checks that everything returned is sanitised).
func TestContract(t *testing.T) {
	for _, hostile := range []bool{false, true} {
		name := "plain"
		if hostile {
			name = "hostile"
		}
		t.Run(name, func(t *testing.T) {
			contracttest.Run(t, func(t *testing.T) (connectors.V1, connectors.V2, contracttest.Control) {
				p := sandbox.New(sandbox.Options{Seed: 42, Hostile: hostile, Now: fixedClock()})
				return p.V1(), p.V2(), p
			})
		})
	}
}

// With a delay, the request is only submitted until the clock reaches it.
func TestContractWithDelay(t *testing.T) {
	contracttest.Run(t, func(t *testing.T) (connectors.V1, connectors.V2, contracttest.Control) {
		p := sandbox.New(sandbox.Options{Seed: 3, MigrationDelay: 72 * 3600e9, Now: fixedClock()})
		return p.V1(), p.V2(), p
	})
}

// The file-export port of the sandbox passes its contract, plain and hostile.
func TestV1FilesContract(t *testing.T) {
	for _, hostile := range []bool{false, true} {
		contracttest.RunV1Files(t, func(t *testing.T) (connectors.V1Files, connectors.V1) {
			p := sandbox.New(sandbox.Options{Seed: 42, Hostile: hostile, Now: fixedClock()})
			return p.V1Files(), p.V1()
		})
	}
}
