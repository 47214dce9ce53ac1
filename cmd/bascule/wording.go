package main

import "github.com/bascule-cli/bascule/checklist"

// count writes n and its noun agreed with it, in the user's language and
// with thousands separated: "3 dossiers", "1 fichier", "10 603 clients".
func (env *appEnv) count(n int, frOne, frMany, enOne, enMany string) string {
	return checklist.Count(n, frOne, frMany, enOne, enMany).In(env.lang)
}

// agreed writes n and a word that agrees with it without a noun: "2
// écrites", "0 rejetée"; English words do not change ("2 written").
func (env *appEnv) agreed(n int, frOne, frMany, en string) string {
	if env.lang == checklist.English {
		return checklist.FormatInt(env.lang, n) + " " + en
	}
	return checklist.FormatInt(env.lang, n) + " " + checklist.Plural(checklist.French, n, frOne, frMany)
}
