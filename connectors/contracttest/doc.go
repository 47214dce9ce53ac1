// Package contracttest is the contract suite of the V1 and V2 ports: what
// every implementation (the in-process sandbox, the HTTP clients talking to
// the sandbox over loopback, later the real platforms' adapters in a staging
// run) must do, written once against connectors.V1 and connectors.V2.
//
// Run takes a factory that builds a fresh platform per case and a small
// Control to play the user's part (finish registration, accept invoices,
// make the migration happen now, count side effects). *sandbox.Platform
// implements Control directly.
//
// The package imports connectors and checklist/ident only, and testing.
package contracttest
