// Package tui is bascule's Bubble Tea program: the root model and its screens,
// their keymaps and the styles.
//
// Each screen is a value behind a small interface (screens.go: update, view
// with its key map, whether it is typing, resize) kept on a stack the root
// model owns: opening a screen pushes it, esc pops it. The root model keeps
// the shared state (the workspace, the run, the engine, the status line, the
// window size) and handles the global keys and the messages that change the
// run whatever the screen; it hands the rest to the screen on top. Adding a
// screen is one file (its type, its opener, its five methods) and the key
// that opens it. Screens, in the guide's order:
//
//   - first run (workspace.go): choose or create a workspace, connector mode,
//     V1 export import, API credentials sealed behind a passphrase;
//   - dashboard (dashboard.go; its drawing in dashboard_view.go): phases,
//     blockers, next step, client table;
//   - preparation and registration (steps.go, capture.go with capture_form.go
//     and capture_view.go, checks.go, bulk.go): step lists, capture forms,
//     connector checks, marking many clients;
//   - request §3.2 (request.go; its view, submission and polling in
//     request_*.go): notices, readiness gate and override, submission, due
//     date and polling, V1 read-only banner;
//   - reconciliation §3.3–§3.4 (recon.go; recon_view.go, recon_plan.go,
//     recon_prep.go; actions.go): V1 against V2, re-creation from what
//     preparation noted (the jobs are the engine's), bulk actions across
//     clients;
//   - summary §4 and the consultant's session view (summary.go);
//   - the demo driver (demo.go) that plays the user on the simulated platforms;
//   - loading and the fatal error (screens.go).
//
// migration.go holds what the request, reconciliation and summary share,
// migration_jobs.go runs their connector jobs, migration_view.go draws
// their prompt and rows.
//
// The line-by-line accessible mode lives in the sub-package accessible.
//
// Every write goes through the engine (tui/session) the model opens with
// the workspace's run (Model.eng): status changes, check and job evidence
// (the status by checklist's one rule, decided by the engine), bulk batches,
// the override and the request. The connector checks and the V2 jobs are
// the engine's tables (session.Check, session.Job); the screens run them in
// commands and hand the result to the engine. The engine also creates the
// workspace at first run (session.CreateWorkspace), writes the clients'
// notices (WriteNotices) and builds the summary export (Report,
// WriteReportFiles; NoticesJob and SummaryExport as a step's work, which the
// accessible mode calls too). api.go is what the accessible mode shares
// with this program beyond the engine: the first run's questions and how
// evidence is told.
//
// Workspace and Mode are checklist's types (the store's and the engine's
// too): no mapper between them.
//
// A program handed a shared engine (Options.Engine: `bascule serve`) writes
// through it and follows the others' changes and presence from its events
// (live.go); it acts as that handle's person, and a change of the team
// (an assignment, a removal) updates its team views at once (team_live.go).
// Twenty sessions redraw at each change: a client step's event moves the
// dashboard's summary and that client's row alone (dashsum.go); only a
// cabinet step's change, and the request screen's blockers once per burst,
// walk the run again.
//
// It imports checklist (the guide, run rules, identifiers, the shared
// vocabulary StepChange and Event), tui/session, tui/i18n (every text it
// shows, in both languages), and the connectors root
// package (records and the V1/V2 ports). It never imports the store (the
// Store type is the engine's port; cmd/bascule hands *store.DB in) nor an
// adapter (connectors/v1, v2, sandbox): cmd/bascule builds the ports.
//
// Rules of the event loop, written down because they are easy to break:
//
//   - No I/O in Update or View. Store writes and connector calls run in
//     tea.Cmds built from captured values; each returns a typed message.
//   - A Cmd never changes model state. The engine owns its own copy of the
//     run (given a clone when the workspace opens) and changes it under its
//     lock; the Cmd calls the engine and returns the recorded StepState, and
//     Update copies the status into the model's run, which is the view. The
//     gate check is also run in Update first (CheckTransition is pure) so the
//     user sees a refusal at once.
//   - Connector results carry a request id; Update drops any whose id is not
//     the one it is waiting for, so a late answer never lands on the wrong
//     step. Every check has a context cancelled by esc or on quit.
//   - The checks of a capture that read files (a logo's digest, an
//     export's rows) run in commands too: the item's (itemCheckedMsg) and
//     the whole capture's before it is saved (captureCheckedMsg), and a
//     file field's (Field.CheckFile) once the user leaves it
//     (fileCheckedMsg); the form's own validators are pure.
//   - huh forms are single-use: a fresh one per visit, answers bound to a
//     heap-allocated struct, SubmitCmd/CancelCmd set to our own messages.
//   - The dashboard filters in its own code: an index of folded names and
//     SIRENs, narrowed incrementally while the query grows (bubbles/list
//     re-filters every item on each keystroke).
//   - Nothing is lost on quit: every change is written by the store before
//     the model shows it as done.
package tui
