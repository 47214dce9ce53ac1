// Package store keeps bascule's state in one bbolt file: workspaces (one per
// cabinet), client dossiers, step states with their captures and evidence,
// overrides, the migration request, the append-only audit log and sealed
// secrets; plus schema versions, rotating hot backups, restore, export and
// import, and erasure.
//
// store may import checklist and its sub-packages (ident, atomicfile) only.
// It never imports tui, cmd or the connector adapters; it is the only package that
// imports bbolt.
//
// # Bucket tree (schema version 3)
//
//	meta/
//	  version   → uint64 big-endian: the schema version (SchemaVersion)
//	  created   → marker written by the first migration
//	ws/<ws id>/                  one top-level bucket per workspace; its
//	                             sequence numbers the workspace's events
//	  c                          → cabinet summary: [format=1][status…], layout order
//	  c 0x00 0x01 <step id>      → envelope(checklist.StepState), a cabinet step
//	  c 0x00 0x02 <^seq BE>      → envelope(storedEvent), an event not about a client
//	  c <client id>              → client summary, binary (see clientSummary):
//	                               order, pending invoices, payment flag, name,
//	                               SIREN, statuses
//	  c <client id> 0x00 0x01 <step id> → envelope(checklist.StepState)
//	  c <client id> 0x00 0x02 <^seq BE> → envelope(storedEvent) about this client:
//	                               an Event without its number, workspace and
//	                               client, which the key and bucket give
//	  h info      → envelope(Workspace)             never a secret
//	  h request   → envelope(checklist.RequestRecord)
//	  h layout    → envelope(layout)                step ids, append-only: the order
//	                                                 of the status bytes in summaries
//	  h keycheck  → envelope(keyCheck)               argon2id parameters + verifier
//	  h clientseq → uint64 BE: the order number of the last client added
//	  o <seq uint64 BE> → envelope(checklist.Override)
//	  s <name>    → [format=1][24-byte nonce][XChaCha20-Poly1305 ciphertext]
//	team/<ws id>/                the workspace's team (bascule serve), created
//	                             on first use, no migration: no bucket, no team;
//	                             deleted with the workspace (team.go)
//	  m <name>    → JSON {"f":1,"m":Member}: role, public key, SHA256
//	                fingerprint, portfolio (client ids); own format number,
//	                not the envelope
//	  k <SHA256 fingerprint> → member name: the key index SSH login reads
//
// (Keys are written here with spaces between their parts; there are none in
// the keys, which are the tag byte, then the parts end to end.) An envelope
// is JSON {"v":1,"d":{…}}; a reader refuses a higher v. Bytes read in a
// transaction are decoded or copied before it ends. Ids never hold 0x00.
//
// Every value of a workspace bucket (each one above) is followed by 4
// bytes: the CRC-32C of its key and of the value before them (checksum.go;
// schema 3). bbolt checks its meta pages, not its data pages: without the
// sum a flipped byte read as another status or name. A value whose sum
// fails is a *RecordError naming the workspace, the client and the record.
//
// # Why this layout
//
// A step change must dirty as few pages as possible: bbolt rewrites, at each
// commit, every page it changed and every branch page above them, up to the
// root, plus the freelist and a meta page, and the commit's two fdatasync
// take longer the more pages there are. So a workspace is one bucket at the
// top (no intermediate bucket whose page would be rewritten too), and the
// three records a step change writes — the client's summary, the step
// record and the audit event — sort side by side: the client's region
// starts with its summary, then its step records, then its events newest
// first (the complemented sequence), so that the new event lands right
// after the step records. They usually share one leaf, under one path of
// branch pages. The freelist is not written at each commit during a session
// (see Durability below). A change thus writes about 5 pages — the leaf, two
// branch pages once a workspace holds a few thousand records, the root page
// and a meta page (TestApplyStepPageWrites bounds it) — against 11 in the
// version-1 layout (workspaces/<ws>/{clients,steps,events}/, three separate
// trees, freelist written) and 3 for a one-key bbolt update (root, freelist,
// meta). The event's number comes from the bucket's sequence, kept in the
// bucket's header in the root page, which every change rewrites anyway.
//
// The audit log is thus kept per client; Events and Export gather it and
// sort it by sequence number, and erasing a client's personal data only
// reads the client's region.
//
// # Why summaries
//
// LoadRun must give the dashboard every status of 12,000 clients fast. It
// reads only the summaries: from each client's summary, one cursor Seek to
// the end of its region ("c" <client id> 0x01) jumps over its step records
// and events without reading them. Step records are decoded one at a time,
// when a step is opened. ApplyStep keeps the summary current in the same
// transaction as the step record and its audit event.
//
// # Durability and safety
//
// Every change is one bbolt Update: committed and fsync'd before the method
// returns (NoSync is never set). During a session bbolt's freelist (the
// list of free pages, not data) is not written at each commit
// (NoFreelistSync, as etcd runs bbolt); Close writes it with one empty
// commit.
//
// One writer: Open waits at most Options.Timeout (1 s) for the lock, then
// returns an *InUseError naming the file. The lock is an flock on a file
// beside the database (<file>.lock, on Unix), held from Open to Close and by
// Restore, besides bbolt's own lock on the database file, which is let go
// for a moment whenever the file is replaced (compaction after a purge,
// restore).
//
// Damage: Open reads the meta pages itself, compares the file's size with
// the high-water mark and checks the headers of the root and freelist pages
// (integrity.go, with Check) before bbolt maps the file (bbolt reads those two while opening, where a
// fault or panic would leave the mapping, and the file lock, behind). It
// then walks the whole file under debug.SetPanicOnFault and recover, and
// runs bbolt's consistency check; a truncated or corrupted file gives a
// *DamagedError naming the newest backup that verifies. bbolt's checker
// runs in a goroutine of its own, where a fault cannot be recovered, so the
// walk before it reaches every page in the guarded goroutine first: it
// checks by address that every key and value lies inside the file (an
// inline bucket's, maybe a heap copy, are touched instead), then checks the
// checksum of every workspace value and decodes every summary, in the same
// pass; it reads every branch page and checks that its keys lie in it, and
// that no page runs on past the high-water mark (walk.go). The JSON records
// are decoded by Verify (doctor), not at each Open: ~500,000 records of a
// 12,000-client workspace would take most of a second. Every
// transaction after Open (view, update, migrations) runs under the same
// fault guard (bolt.go): a fault while reading gives a *DamagedError, never
// a SIGBUS. db.go holds Open, Close and the transactions.
//
// After a session that did not end with Close (crash, kill -9) there is no
// freelist on disk, and bbolt rebuilds it while opening the file for
// writing, by walking every page with its own checks, in its own goroutine.
// Such a file is first opened read-only and walked as above, key order
// included, under the guard; bbolt's walk then is the consistency check,
// which Open does not run a second time.
//
// A meta page that does not read while the other does (bbolt keeps two)
// is copied from the good one before bbolt maps the file; nothing is lost
// and Recovered says so (doctor prints it). A database that is missing or
// empty (0 bytes, or no workspace) while a backup beside it holds a
// workspace is a *DamagedError: Open writes nothing over it.
//
// Versions: a database with a newer schema gives a *TooNewError; an older
// one is backed up, then migrated in one transaction (version 1 → 2: the
// layout above, from workspaces/<ws>/{clients, steps, overrides, events,
// secrets}/; records are copied as they are; version 2 → 3: the checksum
// appended to every value, each value decoded first, so that a record that
// does not decode stops the migration instead of being sealed as good).
//
// # Backups
//
// Backup writes a hot copy beside the file, then reads it back in full
// (pages, checksums, every record decoded) before rotating to the newest
// five: a copy that does not read back, or that holds no workspace while an
// older backup does, is removed and the call fails with a *DamagedError, so
// the rotation never pushes the last good backup out — whenever it deletes
// one, the newest backup has just been verified in full. GoodBackup (restore
// with no argument, the backup a *DamagedError names) is the newest backup
// that reads back in full and holds a workspace.
//
// # Import
//
// Import reads at most MaxImportBytes and checks everything before the
// transaction: format, export version, schema (1 to SchemaVersion), at most
// MaxImportClients clients, string sizes, ids (unique, no "/" or "\", no
// leading dot, no control character), the steps and events of clients in
// the file, status values. Errors are *ImportError naming the field
// ("clients[3].id"), in French. Strings are cleaned with the cleaners the
// caller gives (cmd passes connectors.Sanitize: store does not import
// connectors); ids are refused rather than cleaned. The transaction stops
// when its context is cancelled, writing nothing. Replace keeps the sealed
// secrets and key check of the replaced workspace unless the file carries
// its own or DropSecrets is set.
//
// A new passphrase (the first secret of a workspace) has at least
// MinPassphrase (10) characters: *WeakPassphraseError otherwise.
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
// the same purge and compaction (or delete it when that fails). A backup of
// an older schema is migrated in the purge's transaction first.
//
// Files: backups and restores are written with checklist/atomicfile
// (temporary file beside, 0600, fsync, rename, folder fsync), like every
// file bascule writes. bbolt writes the database itself; the store only
// locks it, repairs a meta page in place, swaps in a compacted copy and
// sets a damaged file aside (atomicfile's writer test lists these).
//
// Workspace is checklist's type; ErrNotFound and ErrExists are checklist's
// sentinels, so that the engine tells them apart without the store.
package store
