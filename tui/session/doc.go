// Package session is the engine every front end of bascule acts through:
// the full-screen wizard (tui), the line prompts (tui/accessible), the
// scripting commands (cmd/bascule) and, later, each SSH session of
// `bascule serve`.
//
// One Engine per open workspace owns the run. A front end sends it intents
// and redraws from what it publishes:
//
//   - Apply changes one step instance: it sanitises the free text, checks the
//     capture against the step's form, runs the gates and transition rules
//     (checklist), writes through the Store port (which records the audit
//     event) and only then updates its run.
//   - RecordEvidence and RunCheck record what a connector check or a V2 job
//     found; the status follows checklist's one rule for evidence
//     (Run.StatusAfterEvidence), decided against the run as it is at commit.
//   - ApplyBatch records bulk work in batches of 500 (one transaction each),
//     continues past a refused change, publishes progress and stops between
//     batches when its context is cancelled.
//   - RunJob runs a step's V2 re-creation or reconciliation control (the
//     table in jobs.go, from step id to job; Job gives the function alone for
//     a front end that runs it itself), then records its result like a check.
//   - AssignPortfolio gives clients to a person of the team (SetTeam gives
//     the engine the team's store; who acts is the handle's person, As, or
//     the owner): only who may administer (checklist.Member.CanAdminister),
//     audited under his name; ChangeTeam runs the team commands' changes
//     the same way. Both read every handle's person again and publish
//     KindTeam, so that every open session follows at once. Team and
//     TeamFigures read the portfolios and each person's progress and
//     estimated finish (checklist.TeamFigures), closed to whoever may not
//     see the firm (Member.CanSeeCabinet).
//   - AddOverride records a gate override; SubmitRequest sends the request
//     through V2 once the gate lets it go, RecordManualRequest records one
//     made by hand, RecordAnswer records V2's answer.
//   - Refresh (from the V1 port) and RefreshFromFiles (from the V1
//     file-export API's companies) bring the dossiers in line with V1's
//     client list: new clients get a dossier, changed ones are updated,
//     those no longer listed are marked (the store's RosterStore), never
//     deleted; no step's work is touched.
//   - WriteNotices writes the clients' .eml notices (checklist/notify), each
//     client's contact read from V1 when the engine has it; Report builds
//     the migration report from the run, the step records and the journal
//     (checklist/report), WriteReportFiles writes it. The wizard, the
//     `notify` and `report` commands go through these; NoticesJob (the
//     notices as a step's work, with its evidence) and SummaryExport (the
//     summary's two files) are what the wizard and the accessible mode
//     call (stepwork.go).
//   - CreateWorkspace (a function: no engine exists yet) records a new
//     workspace in its three modes (demo from the simulated V1, files from
//     a V1 export, API with its client secret sealed), sanitising every
//     answer; the full-screen and accessible first runs and the CLI's demo
//     use it.
//
// Changes are serialised by one lock, so any number of front ends may act at
// once. Each committed change is published as an Event (who, when, which
// client and step, from → to) to every subscriber, in commit order:
//
//	events, cancel := eng.Subscribe()
//	defer cancel()
//	for ev := range events { ... redraw ... }
//
// One engine serves any number of people at once (`bascule serve` opens one
// per workspace and hands it to every SSH session): As returns a handle for
// one person (checklist.Member) on the same run, whose intents are first
// checked against checklist's team rules (who may see and change which
// client and step) and recorded under that person's name; its Snapshot and
// Subscribe show only what that person may see. Here says which client the
// person has open (Presence lists who is connected where, KindPresence
// events tell the others); closing a handle ends its subscriptions and its
// presence. Two people changing one step: the later commit stands, both
// are published in commit order and the audit keeps both.
//
// A subscriber never blocks the engine (its queue grows instead) and never
// misses an event between Subscribe and cancel. Watch calls a function
// synchronously, under the lock, before the intent returns (tests; a fan-out
// that forwards to goroutines). Snapshot returns a private copy of the run
// to read from; nobody but the engine mutates its run. Close ends every
// subscription (the owner of a shared engine calls it when the workspace
// closes).
//
// session imports checklist and its sub-packages (notify, report,
// atomicfile: every file it writes is written atomically), connectors
// (root) and nothing else of the project: no Charm package (Bubble Tea,
// lipgloss, huh), no bbolt and no adapter. cmd/bascule hands it the store
// (*store.DB satisfies Store, WorkspaceStore, EventReader) and the ports.
package session
