package main

import (
	"debug/buildinfo"
	"os/exec"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
)

func TestVersionOf(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	const rev = "2db5574e1f2a9c0d3b4e5f60718293a4b5c6d7e8"
	for _, c := range []struct {
		name, main string
		settings   []debug.BuildSetting
		lang       checklist.Lang
		want       string
	}{
		{"release", "v1.4.0", vcs("vcs.revision", rev, "vcs.modified", "true"), checklist.French, "v1.4.0"},
		{"pseudo-version", "v0.0.0-20261206045000-2db5574e1f2a+dirty", vcs("vcs.revision", rev), checklist.French,
			"v0.0.0-20261206045000-2db5574e1f2a+dirty"},
		{"devel, clean", "(devel)", vcs("vcs", "git", "vcs.revision", rev, "vcs.time", "2026-12-06T04:50:12Z", "vcs.modified", "false"),
			checklist.French, "(devel), révision 2db5574e1f2a du 2026-12-06 04:50 UTC"},
		{"devel, modified", "(devel)", vcs("vcs.revision", rev, "vcs.time", "2026-12-06T05:50:12+01:00", "vcs.modified", "true"),
			checklist.French, "(devel), révision 2db5574e1f2a du 2026-12-06 04:50 UTC, avec des modifications non validées"},
		{"devel, English", "(devel)", vcs("vcs.revision", rev, "vcs.time", "2026-12-06T04:50:12Z", "vcs.modified", "true"),
			checklist.English, "(devel), revision 2db5574e1f2a of 2026-12-06 04:50 UTC, with uncommitted changes"},
		{"devel, no date", "(devel)", vcs("vcs.revision", "abc123", "vcs.time", "hier"), checklist.French, "(devel), révision abc123"},
		{"devel, no vcs", "(devel)", nil, checklist.French, "(devel)"},
		{"no version", "", vcs("vcs.revision", rev), checklist.French, "dev, révision 2db5574e1f2a"},
	} {
		t.Run(c.name, func(t *testing.T) {
			env := &appEnv{lang: c.lang}
			info := &debug.BuildInfo{Main: debug.Module{Version: c.main}, Settings: c.settings}
			if got := versionOf(info, env.lang); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestVersionOfTheBinary: the real program's --version is what its own
// build information says (with the revision when the toolchain recorded it).
func TestVersionOfTheBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := testBinary(t)
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--version")
	cmd.Env = []string{"LANG=fr_FR.UTF-8", "HOME=" + t.TempDir()}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("--version: %v\n%s", err, out)
	}
	want := versionOf(info, checklist.French)
	if got := strings.TrimSpace(string(out)); got != "bascule version "+want {
		t.Fatalf("--version says %q, want %q", got, "bascule version "+want)
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && info.Main.Version == "(devel)" && !strings.Contains(string(out), s.Value[:min(12, len(s.Value))]) {
			t.Fatalf("--version lacks the revision %s: %q", s.Value, out)
		}
	}
}
