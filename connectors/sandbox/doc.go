// Package sandbox is an in-memory jefacture.com V1 and V2: the platform behind
// bascule's demo and training mode and the double its tests run against.
//
// New builds a deterministic demo cabinet from a seed ("Cabinet Martin &
// Associés", about 40 client dossiers by default, up to 12,000) whose data
// exercises every step of the guide: pending invoices, invalid articles,
// inactive dossiers in each status, payment-services clients with external
// IBANs and statements, users with several roles, numberings with prefixes,
// logos, a MyUnisoft and an ACD connection.
//
// Platform.V1 and Platform.V2 return the two ports. Submitting the migration
// request on V2 applies, once the configured delay has passed on the injected
// clock, exactly what guide §3.3 and §4 say migrates, and nothing else; V1
// then answers read-only. Drop rules make the migration lose items on
// purpose, for reconciliation tests. Time only moves when the clock says so:
// state changes are applied lazily at the next call, no goroutine runs.
//
// Everything a port returns is a sanitised copy. Every method is safe for
// concurrent use and honours its context.
//
// The package may import connectors and checklist/ident only; never tui,
// store or the other adapters.
package sandbox
