package main

import (
	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/connectors"
)

// cleanString is a string flag sanitised as it is parsed: escape sequences,
// C0/C1 controls and bidi overrides never enter the program through a flag.
// Free-text flags (notes, reasons) keep their line breaks.
type cleanString struct {
	p         *string
	multiline bool
}

func (c cleanString) String() string {
	if c.p == nil {
		return ""
	}
	return *c.p
}

func (c cleanString) Set(v string) error {
	if c.multiline {
		*c.p = connectors.SanitizeMultiline(v)
	} else {
		*c.p = connectors.Sanitize(v)
	}
	return nil
}

// Type is what the help shows after the flag's name.
func (c cleanString) Type() string { return "string" }

// stringFlag defines a sanitised string flag on c.
func stringFlag(c *cobra.Command, p *string, name, def, usage string) {
	*p = def
	c.Flags().Var(cleanString{p: p}, name, usage)
}

// stringFlagP is stringFlag with a one-letter shorthand.
func stringFlagP(c *cobra.Command, p *string, name, short, def, usage string) {
	*p = def
	c.Flags().VarP(cleanString{p: p}, name, short, usage)
}

// textFlag defines a sanitised free-text flag, line breaks kept.
func textFlag(c *cobra.Command, p *string, name, usage string) {
	c.Flags().Var(cleanString{p: p, multiline: true}, name, usage)
}

// persistentStringFlag defines a sanitised global string flag.
func persistentStringFlag(c *cobra.Command, p *string, name, usage string) {
	c.PersistentFlags().Var(cleanString{p: p}, name, usage)
}

// cleanArgs sanitises positional arguments where they enter.
func cleanArgs(args []string) {
	for i, a := range args {
		args[i] = connectors.Sanitize(a)
	}
}

// cleanGetenv sanitises environment values where they enter, all but the
// passphrase: it is never shown, and changing it would lock the secrets.
func cleanGetenv(getenv func(string) string) func(string) string {
	return func(k string) string {
		v := getenv(k)
		if k == envPassphrase {
			return v
		}
		return connectors.Sanitize(v)
	}
}
