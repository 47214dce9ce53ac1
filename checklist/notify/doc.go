// Package notify writes the e-mail a cabinet sends its clients to announce the
// migration to jefacture.com V2 (guide §3.2, "Le cabinet notifie ses clients
// d'une migration à venir"): one RFC 5322 message per client, as an .eml file
// that any mail program opens and sends.
//
// It builds bytes from values and never sends anything. WriteAll is the one
// writer of the .eml files, called by the engine (tui/session.WriteNotices)
// for the wizard and `bascule notify`: one folder per workspace, one file per
// client named from its id, each written atomically with checklist/atomicfile
// (the folder synced once per batch). It imports checklist (for the guide's
// sentences, such as the subscription one of §4), its identifiers,
// atomicfile and the standard library only.
package notify
