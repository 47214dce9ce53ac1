// Package atomicfile is the one way bascule writes a file: reports, client
// notices (.eml), exports, conversions, backups, the summary export, the
// comapi downloads and their manifest, the host key of `bascule serve`.
//
// Write creates a temporary file in the destination's folder (so the rename
// stays on one file system), readable by the owner only (0600: the files hold
// names, e-mails, IBANs and keys), fills it, syncs it, renames it over the
// destination and syncs the folder so that the rename itself survives a
// crash. An error before the rename leaves the old file whole and no
// temporary file behind; after it, the new file is complete. A crash before
// the rename leaves the old file whole and its temporary file, which the
// next write into that folder removes once it is a minute old
// (RemoveStale: only this package's names, only regular files, never
// through a link); the store also does so for its folder when it opens. Create is
// the same but refuses to replace an existing file (a host key is never
// overwritten).
//
// Why it lives under checklist: every room that writes files must reach it —
// store (backups), the connectors/* adapters (import files, comapi
// downloads), checklist/notify, tui/session and cmd/bascule — and the
// dependency rules let all of them import checklist's sub-packages but not
// each other. It imports nothing of the project and only the standard
// library; it is the one checklist sub-package that touches the disk, and
// checklist itself never imports it.
package atomicfile
