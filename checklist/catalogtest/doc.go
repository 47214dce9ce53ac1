// Package catalogtest is the test support shared by bascule's two message
// catalogues: tui/i18n's (the front ends and the engine) and
// checklist/report's (the report, which cannot import tui). Each catalogue
// is one struct per language; Check walks the French and the English
// values together, embedded parts and nested structs (a noun's One and
// Many) included, and fails the test on a message empty in one language or
// whose two texts take different fmt verbs for the same argument (explicit
// indexes, %[2]s, may reorder them; French « %s » stands for English %q).
//
// Only tests import it. It imports the standard library only, so that
// checklist's sub-packages may use it without any new dependency.
package catalogtest
