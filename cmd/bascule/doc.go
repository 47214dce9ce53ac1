// Command bascule is the terminal wizard that takes a French accounting firm and
// its client dossiers through the migration from jefacture.com V1 to V2.
//
// This package only parses flags and subcommands, wires the rooms together
// (checklist, store, connectors and their adapters, tui) and turns errors into
// exit codes. It may import every room; no room imports it.
package main
