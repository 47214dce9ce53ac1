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
// What must carry both languages (a checklist.Error's or a form field's
// checklist.Text) takes i18n.Text(func(m *i18n.Messages) string { return
// m.Name }, args…); a count takes Noun.Count(lang, n). An argument with a
// text per language (an In(lang) method) is written in each. The
// scripting commands' errors keep a message getter the same way
// (cmd/bascule localized) and are written in the reader's language when
// printed.
//
// A message missing in one language is an empty field: the package test
// fails on it, and on a message whose two languages take different fmt
// verbs for the same argument (explicit indexes, %[2]s, may reorder them).
// Another test walks the front ends' sources and fails on a French string
// literal or a checklist.Text / checklist.Count given literals outside the
// catalogue; the commands' cobra descriptions and flag usages are exempt
// (cmd/bascule/help_en.go holds their English), and a short allow-list says
// why each other exception stays.
//
// New messages are appended by the catalogue tool, which also rewrites
// tr(lang, "fr", "en") call sites (see its README); a message may be edited
// here by hand. The package imports only checklist (for Lang), so that the
// engine may use it without depending on the screens.
package i18n
