// Package notify writes the e-mail a cabinet sends its clients to announce the
// migration to jefacture.com V2 (guide §3.2, "Le cabinet notifie ses clients
// d'une migration à venir"): one RFC 5322 message per client, as an .eml file
// that any mail program opens and sends.
//
// It is pure: it builds bytes from values and never sends anything. It may
// import checklist's pure sub-packages (identifiers) and the standard library.
package notify
