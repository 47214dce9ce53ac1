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
//   - AddOverride records a gate override; SubmitRequest sends the request
//     through V2 once the gate lets it go, RecordManualRequest records one
//     made by hand, RecordAnswer records V2's answer.
//
// Changes are serialised by one lock, so any number of front ends may act at
// once. Each committed change is published as an Event (who, when, which
// client and step, from → to) to every subscriber, in commit order:
//
//	events, cancel := eng.Subscribe()
//	defer cancel()
//	for ev := range events { ... redraw ... }
//
// A subscriber never blocks the engine (its queue grows instead) and never
// misses an event between Subscribe and cancel. Watch calls a function
// synchronously, under the lock, before the intent returns (tests; a fan-out
// that forwards to goroutines). Snapshot returns a private copy of the run
// to read from; nobody but the engine mutates its run. Close ends every
// subscription (the owner of a shared engine calls it when the workspace
// closes).
//
// session imports checklist, connectors (root), the message catalogue
// tui/i18n (a leaf that imports only checklist) and nothing else of the
// project: no Charm package (Bubble Tea, lipgloss, huh), no bbolt and no
// adapter. cmd/bascule hands it the store (*store.DB satisfies Store) and
// the ports.
package session
