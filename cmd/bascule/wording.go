package main

import "github.com/bascule-cli/bascule/tui/i18n"

// count writes n and its noun agreed with it, in the user's language and
// with thousands separated: "3 dossiers", "1 fichier", "10 603 clients".
func (env *appEnv) count(n int, w i18n.Noun) string { return w.Count(env.lang, n) }
