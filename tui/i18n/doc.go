// Package i18n is the message catalogue of bascule's three front ends: the
// full-screen wizard (tui), the line prompts (tui/accessible), the
// scripting commands (cmd/bascule), and the engine below them
// (tui/session). Every text they show lives here once per language, as one
// struct of strings per language (english_*.go, french_*.go), split by area
// into files of at most 200 messages. A call site reads
// i18n.Of(lang).Name; a format string's name ends in Fmt and goes through
// fmt.Sprintf; a name ending in Noun is a Noun, whose singular or plural
// the caller picks by its count's rule (nouns, checklist.Plural).
//
// A message missing in one language is an empty field: the package test
// fails on it, and on a message whose two languages differ in their fmt
// verbs.
//
// New messages are appended by the catalogue tool, which also rewrites
// tr(lang, "fr", "en") call sites (see its README); a message may be edited
// here by hand. The package imports only checklist (for Lang), so that the
// engine may use it without depending on the screens.
package i18n
