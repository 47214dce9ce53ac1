package main

import "github.com/spf13/cobra"

// runWizard is a placeholder until the TUI's wizard.go replaces this file: the
// root command without a subcommand calls it. It shows the help meanwhile.
func runWizard(cmd *cobra.Command, env *appEnv) error {
	_ = env
	return cmd.Help()
}
