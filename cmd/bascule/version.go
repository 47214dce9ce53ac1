package main

import (
	"runtime/debug"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// versionText is what --version shows: the version given at build time
// (-ldflags "-X main.version=…"), else the one the Go toolchain recorded.
// It is in the environment's language: --version answers before --lang is
// read.
func (env *appEnv) versionText() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	return versionOf(info, env.lang)
}

// versionOf is the module's version. A development build, "(devel)", says
// which commit it was built from, when that commit was made, and whether
// the tree had uncommitted changes, when the toolchain recorded them (it
// does not with -buildvcs=false or outside a git checkout).
func versionOf(info *debug.BuildInfo, lang checklist.Lang) string {
	m := i18n.Of(lang)
	v := info.Main.Version
	if v != "" && v != "(devel)" {
		return v
	}
	if v == "" {
		v = "dev"
	}
	vcs := map[string]string{}
	for _, s := range info.Settings {
		vcs[s.Key] = s.Value
	}
	rev := vcs["vcs.revision"]
	if rev == "" {
		return v
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	v += m.VersionRevision + rev
	if at, err := time.Parse(time.RFC3339, vcs["vcs.time"]); err == nil {
		v += m.VersionOfDate + at.UTC().Format("2006-01-02 15:04 UTC")
	}
	if vcs["vcs.modified"] == "true" {
		v += m.VersionUncommitted
	}
	return v
}
