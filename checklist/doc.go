// Package checklist holds the migration guide as data and the rules of a run.
//
// The guide (guide-migration-cabinet.fr) is written out in steps.go top to bottom:
// phases, scopes (the cabinet, each client company, each payment-services client),
// steps with their stable ids, durations, FAQ titles and capture forms, and in
// table.go the guide's §4 summary table and §3.3 lists, each line linked to the
// steps that handle it.
//
// Every help text, warning and value list says where it comes from (Source):
// the guide at a section, or bascule — a fact gathered elsewhere or one of
// bascule's own rules and defaults, which screens label "note de bascule".
// bascule adds no plan list and no default role: what the guide leaves to a
// person (the plan a client chooses, the roles of each user, the judgement
// of the article base) is recorded as that person says.
//
// Run state and its rules live beside it: statuses, gates and overrides (a tick
// against the blockers or the latest check passes only with one: CheckChange,
// tick.go), progress, time left per phase and per client with the answer's wait
// shown as a wait (due.go), the next recommended step and the estimated due date
// of the answer to the migration request. Captures are checked as typed
// (capture.go): dates in order, files read with their SHA-256 kept as evidence,
// counts against the export. Counts, numbers, durations and Paris times are
// written for the user by wording.go and due.go, never with "(s)".
//
// A team's portfolios (portfolio.go) get their progress and time left on
// the work open now, and an estimated finish in working days from the
// pace of the audit's last working days (pace.go): bascule's own method,
// always labelled as an estimate.
//
// The one rule for what a check's evidence does to a status is evidence.go
// (StatusFromEvidence, Run.StatusAfterEvidence). Step ids are constants
// (stepids.go); the vocabulary the front ends share with the store and the
// engine (StepChange, Event and its Action ids, the passphrase errors) is in
// vocab.go, so that the screens need not import the store. Workspace and
// Mode (workspace.go) are the one workspace type, recorded by the store,
// opened by the engine and shown by the front ends.
// Who of a served team may see and change which client and step (admin,
// collaborateur, entreprise) is access.go (Member), enforced by the engine.
//
// checklist may import the root connectors package (records and ports) and its own
// pure sub-packages (ident, workdays). Its sub-package atomicfile is the one
// file writer of the product (it touches the disk; checklist never imports
// it); notify and report build the notices and the report. It never imports charm libraries, bbolt or
// net/http, and does no I/O of its own: the files a capture names are read
// through the FileReader a front end is given.
package checklist
