// Command bascule is the terminal wizard that takes a French accounting firm and
// its client dossiers through the migration from jefacture.com V1 to V2.
//
// This package only parses flags and subcommands, wires the rooms together
// (checklist, store, connectors and their adapters, tui) and turns errors into
// exit codes. It may import every room; no room imports it.
//
// "bascule serve" (serve.go, serve_session.go, access.go) serves the same
// wizard and commands over SSH to the workspace's team (team.go): one
// process holds the database and one engine of the workspace (tui/session);
// each session borrows the database (appEnv.shared) and acts through the
// member's handle on that engine (Engine.As), which enforces checklist's
// team rules and shows every change to every session at once. The team
// commands run over SSH change the team through that engine too
// (Engine.ChangeTeam): the open sessions follow a new portfolio without
// reconnecting, and a removed member's sessions are told and closed
// (serve_removal.go). What a session would write on the server's disk for
// the person alone, the summary export, is replaced by the report command
// over SSH that streams it to him (tui.Options.RemoteReport).
package main
