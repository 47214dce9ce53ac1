package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// TestSweepLineWithoutGoMethodName: a client V1 fails for is reported on
// its `bascule sweep` line without the connector's Go method name
// ("v1.ClientSnapshot : "), in both languages, as the screens show it.
func TestSweepLineWithoutGoMethodName(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		h := newHarness(t)
		h.want(0, "status", "--demo")
		var out, errb bytes.Buffer
		env := &appEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
			getenv: func(k string) string {
				if k == "BASCULE_LANG" {
					return lang
				}
				return ""
			},
			now: time.Now, dbFlag: h.db, demo: true, langFlag: lang}
		if err := env.resolve(nil); err != nil {
			t.Fatal(err)
		}
		s, err := env.openSession()
		if err != nil {
			t.Fatal(err)
		}
		bad := s.run.Clients[3].ID
		err = runSweep(context.Background(), env, s, failingV1{V1: demoPlatform(demoOptions{}).V1(), fail: bad}, 4)
		s.Close()
		env.finish(context.Background(), err)
		var line string
		for _, l := range strings.Split(out.String(), "\n") {
			if strings.HasPrefix(l, bad) {
				line = l
			}
		}
		if line == "" || strings.Contains(line, "ClientSnapshot") || strings.Contains(out.String()+errb.String(), "v1.") {
			t.Errorf("%s: the failed client's line names a Go method: %q\n%s", lang, line, errb.String())
		}
	}
}

// TestCommandErrorWithoutGoMethodName: a command's error is printed
// without the connectors' operation names, also when it is an argument of
// a catalogue message, in French and in English.
func TestCommandErrorWithoutGoMethodName(t *testing.T) {
	v1err := fmt.Errorf("reading: %w", &connectors.Error{Op: "v1.Cabinet", Kind: connectors.ErrUnavailable})
	for _, lang := range []checklist.Lang{checklist.French, checklist.English} {
		for _, err := range []error{
			v1err,
			localized(func(m *i18n.Messages) string { return m.V1ContactsUnavailable + "%v" }, v1err),
		} {
			var errb bytes.Buffer
			env := &appEnv{stderr: &errb, lang: lang}
			env.finish(context.Background(), err)
			if got := errb.String(); strings.Contains(got, "v1.Cabinet") || !strings.HasPrefix(got, "bascule: ") {
				t.Errorf("%s: %q", lang, got)
			}
		}
	}
}
