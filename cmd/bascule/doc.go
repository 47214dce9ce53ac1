// Command bascule is the terminal wizard that takes a French accounting firm and
// its client dossiers through the migration from jefacture.com V1 to V2.
//
// This package only parses flags and subcommands, wires the rooms together
// (checklist, store, connectors and their adapters, tui) and turns errors into
// exit codes. It may import every room; no room imports it.
//
// "bascule serve" (serve.go, serve_session.go, access.go) serves the same
// wizard and commands over SSH to the workspace's team (team.go): one
// process holds the database; each session borrows it (appEnv.shared) and
// acts as the member bound to its key.
package main
