package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// Help, usage and flag errors are written here rather than by cobra's
// templates, which are English: every word a user reads is in their
// language.

// langFromArgs finds --lang in the command line before cobra parses it, so
// that even a flag error or the help (shown before any command runs) speak
// the language asked.
func langFromArgs(args []string) (checklist.Lang, bool) {
	for i, a := range args {
		if a == "--" {
			break
		}
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok && a == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if ok {
			return checklist.ParseLang(v)
		}
	}
	return "", false
}

// localizeCommands sets cobra's own commands and flags (help, completion,
// --help, --version) in the user's language and installs the help and usage
// writers.
func (env *appEnv) localizeCommands(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	root.InitDefaultVersionFlag()
	if f := root.Flags().Lookup("version"); f != nil {
		f.Usage = i18n.Of(env.lang).ShowBasculesVersion
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if env.lang == checklist.English {
			englishTexts(c)
		}
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = i18n.Of(env.lang).HelpFor + c.Name()
		}
		if f := c.Flags().Lookup("no-descriptions"); f != nil {
			f.Usage = i18n.Of(env.lang).DisableCompletionDescriptions
		}
		switch {
		case c.Name() == "help" && c.Parent() == root:
			c.RunE = func(_ *cobra.Command, args []string) error { return env.helpTopic(root, args) }
			c.Short = i18n.Of(env.lang).HelpAboutAnyCommand
			c.Long = i18n.Of(env.lang).ShowsTheHelpOf
		case c.Name() == "completion" && c.Parent() == root:
			c.Short = i18n.Of(env.lang).GenerateTheAutocompletionScript
			c.Long = i18n.Of(env.lang).WritesBasculesCompletionScript
		case c.Parent() != nil && c.Parent().Name() == "completion" && c.Parent().Parent() == root:
			c.Short = fmt.Sprintf(i18n.Of(env.lang).CompletionScriptForFmt, c.Name())
			c.Long = fmt.Sprintf(i18n.Of(env.lang).WritesBasculesCompletionScriptFmt, c.Name(), c.Name())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	root.SetHelpFunc(func(c *cobra.Command, _ []string) { env.writeHelp(c.OutOrStdout(), c) })
	root.SetUsageFunc(func(c *cobra.Command) error { env.writeUsage(c.OutOrStderr(), c); return nil })
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{flagError(c, err)} })
}

// writeHelp is a command's description followed by its usage.
func (env *appEnv) writeHelp(w io.Writer, c *cobra.Command) {
	desc := strings.TrimSpace(c.Long)
	if desc == "" {
		desc = strings.TrimSpace(c.Short)
	}
	if desc != "" {
		fmt.Fprintln(w, desc)
		fmt.Fprintln(w)
	}
	env.writeUsage(w, c)
}

// writeUsage lists how to call c, its examples, subcommands and flags.
func (env *appEnv) writeUsage(w io.Writer, c *cobra.Command) {
	fmt.Fprintln(w, i18n.Of(env.lang).Usage)
	if c.Runnable() {
		fmt.Fprintln(w, "  "+strings.Replace(c.UseLine(), " [flags]", i18n.Of(env.lang).Flags, 1))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintln(w, "  "+c.CommandPath()+i18n.Of(env.lang).Command)
	}
	if c.HasExample() {
		fmt.Fprintln(w, "\n"+i18n.Of(env.lang).Examples)
		fmt.Fprintln(w, c.Example)
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintln(w, "\n"+i18n.Of(env.lang).AvailableCommands)
		width := 0
		for _, s := range c.Commands() {
			if s.IsAvailableCommand() || s.Name() == "help" {
				width = max(width, len(s.Name()))
			}
		}
		for _, s := range c.Commands() {
			if s.IsAvailableCommand() || s.Name() == "help" {
				fmt.Fprintf(w, "  %-*s  %s\n", width, s.Name(), s.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintln(w, "\n"+i18n.Of(env.lang).Flags2)
		fmt.Fprint(w, env.flagUsages(c.LocalFlags().FlagUsages()))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintln(w, "\n"+i18n.Of(env.lang).GlobalFlags)
		fmt.Fprint(w, env.flagUsages(c.InheritedFlags().FlagUsages()))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintln(w, "\n"+fmt.Sprintf(i18n.Of(env.lang).HelpOnACommandFmt, c.CommandPath()))
	}
}

// flagUsages translates pflag's value types and "(default …)", and aligns
// the descriptions again since the French words differ in length.
func (env *appEnv) flagUsages(s string) string {
	if env.lang == checklist.English {
		return s
	}
	types := map[string]string{"string": "texte", "strings": "textes", "int": "nombre", "int64": "nombre",
		"uint": "nombre", "float64": "nombre", "duration": "durée"}
	// A line of pflag's list: the flag, its value type, the description.
	flagLineRE := regexp.MustCompile(`^(\s+(?:-\w, )?--[\w-]+)(?: (\w+))? {2,}(\S.*)$`)
	type row struct{ left, desc string }
	var rows []row
	width := 0
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		l = strings.Replace(l, "(default ", "(par défaut ", 1)
		m := flagLineRE.FindStringSubmatch(l)
		if m == nil { // a description's continuation line
			rows = append(rows, row{"", strings.TrimSpace(l)})
			continue
		}
		left := m[1]
		if m[2] != "" {
			t, ok := types[m[2]]
			if !ok {
				t = m[2]
			}
			left += " " + t
		}
		width = max(width, len([]rune(left)))
		rows = append(rows, row{left, m[3]})
	}
	var b strings.Builder
	for _, r := range rows {
		pad := width - len([]rune(r.left))
		b.WriteString(r.left + strings.Repeat(" ", pad) + "   " + r.desc + "\n")
	}
	return b.String()
}

// flagError turns pflag's English parse errors into a message in both
// languages naming the flag and what to do. pflag's error types are matched
// by their methods, which keeps pflag an indirect dependency.
func flagError(c *cobra.Command, err error) error {
	path := c.CommandPath()
	msg := err.Error()
	var named interface {
		GetSpecifiedName() string
		GetSpecifiedShortnames() string
	}
	var valued interface{ GetValue() string }
	var syntax interface{ GetSpecifiedFlag() string }
	switch {
	case errors.As(err, &named) && strings.HasPrefix(msg, "flag needs an argument"):
		name := flagName(named.GetSpecifiedName(), named.GetSpecifiedShortnames())
		return localized(func(m *i18n.Messages) string { return m.FlagNeedsAValueFmt }, name, path)
	case errors.As(err, &named):
		name := flagName(named.GetSpecifiedName(), named.GetSpecifiedShortnames())
		return localized(func(m *i18n.Messages) string { return m.UnknownFlagForSeeFmt }, name, path, path)
	case errors.As(err, &valued):
		name := "?"
		if i := strings.Index(msg, " for \""); i >= 0 {
			if end := strings.Index(msg[i+6:], "\""); end >= 0 {
				name = msg[i+6 : i+6+end]
			}
		}
		v := quote(connectors.Sanitize(valued.GetValue()))
		return localized(func(m *i18n.Messages) string { return m.ValueRefusedForFlagFmt }, v, name, path)
	case errors.As(err, &syntax):
		f := quote(connectors.Sanitize(syntax.GetSpecifiedFlag()))
		return localized(func(m *i18n.Messages) string { return m.BadlyWrittenFlagSeeFmt }, f, path)
	}
	return localized(func(m *i18n.Messages) string { return m.UnreadableFlagsForSeeFmt }, path, path)
}

// flagName writes a flag as typed: --name, or -x for a shorthand.
func flagName(name, shorts string) string {
	name = connectors.Sanitize(name)
	if shorts != "" {
		return "-" + name
	}
	return "--" + name
}

// helpTopic is `bascule help [commande]`.
func (env *appEnv) helpTopic(root *cobra.Command, args []string) error {
	target, rest, err := root.Find(args)
	if err != nil || target == nil || len(rest) > 0 {
		topic := quote(connectors.Sanitize(strings.Join(args, " ")))
		return usageError{localized(func(m *i18n.Messages) string { return m.HelpUnknownCommandSeeFmt }, topic)}
	}
	target.InitDefaultHelpFlag()
	env.writeHelp(target.OutOrStdout(), target)
	return nil
}
