// Package accessible is bascule's accessible mode: the wizard's steps as
// plain line prompts instead of the full-screen program, for screen readers,
// dumb terminals and input that is not a terminal (--accessible,
// ACCESSIBLE=1, TERM=dumb, or no terminal on stdin/stdout).
//
// The user chooses a scope (a phase of the cabinet, or a client found by
// typing part of its name or SIREN), sees its steps with their status,
// chooses one, then sets its status (fait, bloqué or sans objet with a
// reason, a note) or fills its capture form. Capture forms run in huh's
// accessible mode, form by form, built from the guide's own field
// definitions and validated by Field.Validate, so the French (or English)
// messages are the full-screen forms'. Lists longer than 20 choices turn
// into type-to-search. Output is plain text, one line at a time, with no
// escape sequences.
//
// With no workspace in the database (or from the main menu), the first
// run's questions are asked line by line: the connector mode, the
// cabinet's identity (SIREN, raison sociale, the responsable's e-mail,
// checked with the full-screen form's messages), the operator, then the
// V1 export (files mode; its rejected rows are listed) or the API's
// addresses and client credentials (sealed under the passphrase). The
// workspace is created by the engine (session.CreateWorkspace), as by the
// full-screen screen and the CLI, in the store Workspaces gives, with
// ImportDossiers and Secrets.
//
// Steps checked by a connector (pending invoices, articles, the
// registration's identity, activation and cabinet dossier, V1 read-only)
// offer "Vérifier maintenant": the engine's check (session.Check), the
// full-screen program's, runs through the ports cmd/bascule gives (or Connect builds),
// with a timeout; the findings are read out (checklist.FindingText) and the
// evidence recorded with ApplyStep, the pending count with
// SetPendingInvoices. Files mode has no connector, and says so.
//
// The request's "Prévenir les clients" step offers to write the clients'
// e-mails (.eml), and the main menu's last entry writes the summary export
// (Markdown and HTML, with this session's journal): both through the
// engine, as the full-screen program does (Engine.NoticesJob,
// Engine.SummaryExport), into Options.OutDir. Over SSH
// (Options.RemoteReport) the notices say they are on the server and the
// summary is not written there: the entry names the command that streams
// it to the person's machine.
//
// Changes go through the same store API as the program (ApplyStep, with
// its gate checks); secrets typed into a form are sealed with PutSecret
// under a passphrase asked when first needed.
//
// It imports tui (the Store, Workspace and Secrets interfaces and shared
// helpers), tui/i18n (its texts), checklist and store's errors; like tui it never imports
// connector adapters.
package accessible
