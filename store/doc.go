// Package store keeps bascule's state in one bbolt file: workspaces (one per
// cabinet), client dossiers, step states with their captures and evidence,
// overrides, the migration request, the append-only audit log and sealed
// secrets; plus schema versions, rotating hot backups, restore, export and
// import, and erasure.
//
// store may import checklist and its pure sub-packages (ident) only. It never
// imports tui, cmd or the connector adapters; it is the only package that
// imports bbolt.
//
// # Bucket tree
//
//	meta/
//	  version   → uint64 big-endian: the schema version (SchemaVersion)
//	  created   → marker written by the first migration
//	workspaces/
//	  <ws id>/
//	    info      → envelope(Workspace)             never a secret
//	    request   → envelope(checklist.RequestRecord)
//	    layout    → envelope(layout)                step ids, append-only: the order
//	                                                 of the status bytes in summaries
//	    cabinet   → [format=1][status…]              cabinet statuses, layout order
//	    keycheck  → envelope(keyCheck)               argon2id parameters + verifier
//	    clients/
//	      <client id> → client summary, binary (see clientSummary): order,
//	                    pending invoices, payment flag, name, SIREN, statuses
//	    steps/
//	      <client id> 0x00 <step id> → envelope(checklist.StepState)
//	      0x00 <step id>             → the same for cabinet steps
//	    overrides/
//	      <seq uint64 BE> → envelope(checklist.Override)
//	    events/
//	      <seq uint64 BE> → envelope(Event)          append-only audit
//	    secrets/
//	      <name> → [format=1][24-byte nonce][XChaCha20-Poly1305 ciphertext]
//
// An envelope is JSON {"v":1,"d":{…}}; a reader refuses a higher v. Bytes
// read in a transaction are decoded or copied before it ends.
//
// # Why summaries
//
// LoadRun must give the dashboard every status of 12,000 clients fast. It
// reads only the clients bucket (a few bytes per client) and the cabinet
// summary; step records are decoded one at a time, when a step is opened.
// ApplyStep keeps the summary current in the same transaction as the step
// record and its audit event.
//
// # Durability and safety
//
// Every change is one bbolt Update: committed and fsync'd before the method
// returns (NoSync is never set). Open waits at most Options.Timeout (1 s) for
// the file lock, then returns an *InUseError naming the file. Open reads the
// meta pages itself and compares the file's size with the high-water mark
// before bbolt maps it, then opens and walks the whole file with
// debug.SetPanicOnFault and recover, and runs bbolt's consistency check: a
// truncated or corrupted file gives a *DamagedError naming the newest backup
// that verifies. A database with a newer schema gives a *TooNewError; an
// older one is backed up, then migrated in one transaction.
//
// # Audit events
//
// Events say who, when, what (action and step), from what to what (statuses)
// and a short detail: the reason of a blocked or not-applicable status, and
// for captures only the names of the fields that changed, never their values.
// A secret's value never reaches an event, a capture, an export or the file
// in clear.
//
// # Erasure
//
// PurgeWorkspace and PurgeClientPersonalData delete or blank the data, then
// write a compacted copy of the file (live data only), rename it over the
// original and overwrite the old file's bytes, then put every backup through
// the same purge and compaction (or delete it when that fails).
package store
