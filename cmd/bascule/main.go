package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// Exit codes shared by every subcommand.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitDBInUse     = 3
	exitInterrupted = 130
)

// version is set at build time with -ldflags "-X main.version=..."; when empty the
// module version recorded by the Go toolchain is used.
var version = ""

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes bascule with args and returns the process exit code. Tests call
// it in-process; stdin is the process's own.
func run(args []string, stdout, stderr io.Writer) int {
	return runWith(args, os.Stdin, stdout, stderr, os.Getenv)
}

// runWith is run with every outside dependency given, so that tests can feed
// stdin and the environment.
func runWith(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	// A signal cancels ctx; commands pass it down to the network and the
	// sweep, and the exit code says the run was interrupted (130, as shells
	// report SIGINT).
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	env := &appEnv{
		stdin:  stdin,
		stdout: stdout,
		stderr: stderr,
		getenv: cleanGetenv(getenv),
		now:    time.Now,
	}
	env.isTerminal = isTerminal(stdout)
	env.errTerminal = isTerminal(stderr)
	env.lang = checklist.DetectLang("", env.getenv)
	if l, ok := langFromArgs(args); ok {
		env.lang = l
	}

	root := newRootCommand(env)
	root.SetArgs(args)
	return env.finish(ctx, execute(ctx, root, env, args))
}

// execute runs the command tree. A panic is a bug of bascule: the user reads
// a French sentence naming the command and what to do, not a Go stack
// (BASCULE_DEBUG=1 prints it for the report).
func execute(ctx context.Context, root *cobra.Command, env *appEnv, args []string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			if env.getenv("BASCULE_DEBUG") != "" {
				fmt.Fprintf(env.stderr, "panic: %v\n%s\n", p, debug.Stack())
			}
			name := root.Name()
			if c, _, ferr := root.Find(args); ferr == nil && c != nil {
				name = c.CommandPath()
			}
			err = localized(func(m *i18n.Messages) string { return m.InternalErrorOfBasculeFmt }, name)
		}
	}()
	return root.ExecuteContext(ctx)
}

// finish prints err (in the user's language) and turns it into an exit code.
func (env *appEnv) finish(ctx context.Context, err error) int {
	if err == nil {
		return exitOK
	}
	if ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, errInterrupted) || errors.Is(err, ctx.Err())) {
		fmt.Fprintln(env.stderr, "bascule: "+i18n.Of(env.lang).Interrupted)
		return exitInterrupted
	}
	var silent silentError
	if errors.As(err, &silent) {
		return silent.code
	}
	fmt.Fprintln(env.stderr, "bascule: "+env.errText(err))
	var ue usageError
	switch {
	case errors.As(err, &ue):
		return exitUsage
	case errors.Is(err, store.ErrInUse):
		return exitDBInUse
	case ctx.Err() != nil:
		return exitInterrupted
	}
	return exitFailure
}

// errInterrupted is returned by commands that stop early on a signal.
var errInterrupted = errors.New("interrupted")

// usageError marks an error caused by wrong flags or arguments (exit code 2).
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

// English lets errText show the English message of a wrapped localised error.
func (u usageError) English() string { return englishOf(u.err) }

// silentError is a failure whose explanation the command already printed
// (sweep, convert): only the exit code is left to give.
type silentError struct{ code int }

func (s silentError) Error() string { return fmt.Sprintf("exit %d", s.code) }

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

func newRootCommand(env *appEnv) *cobra.Command {
	root := &cobra.Command{
		Use:   "bascule",
		Short: "Assistant de migration jefacture.com V1 → V2 pour cabinets d'expertise comptable",
		Long: "bascule accompagne un cabinet d'expertise comptable et chacun de ses dossiers clients\n" +
			"dans la migration de jefacture.com V1 vers la plateforme agréée jefacture.com V2.\n\n" +
			"Sans sous-commande, bascule lance l'assistant interactif.",
		Version:       env.versionText(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          noArgs,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			// cobra hands RunE this same slice: arguments are clean from here.
			cleanArgs(args)
			return env.resolve(cmd)
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runWizard(cmd, env)
		},
	}
	root.SetIn(env.stdin)
	root.SetOut(env.stdout)
	root.SetErr(env.stderr)
	pf := root.PersistentFlags()
	persistentStringFlag(root, &env.dbFlag, "db", "fichier de la base (sinon $BASCULE_DB, sinon le dossier de données de l'utilisateur)")
	persistentStringFlag(root, &env.wsFlag, "workspace", "espace de travail (cabinet) sur lequel agir")
	pf.BoolVar(&env.demo, "demo", false, "agir sur l'espace de démonstration (celui qui existe, sinon créé)")
	pf.IntVar(&env.demoClients, "demo-clients", 0, "taille du cabinet de démonstration (implique --demo ; 40 par défaut, jusqu'à 12000)")
	pf.DurationVar(&env.demoDelay, "demo-delay", 20*time.Second, "délai de la migration simulée en démonstration")
	_ = pf.MarkHidden("demo-delay")
	persistentStringFlag(root, &env.langFlag, "lang", "langue des messages : fr ou en (par défaut d'après LANG)")
	pf.BoolVar(&env.accessible, "accessible", false, "mode accessible : questions ligne à ligne, sans plein écran")
	_ = root.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"fr", "en"}, cobra.ShellCompDirectiveNoFileComp))

	root.AddCommand(
		newStatusCommand(env),
		newStepCommand(env),
		newSweepCommand(env),
		newReportCommand(env),
		newClientsCommand(env),
		newV1FilesCommand(env),
		newNotifyCommand(env),
		newExportCommand(env),
		newImportCommand(env),
		newBackupCommand(env),
		newRestoreCommand(env),
		newDoctorCommand(env),
		newPurgeCommand(env),
		newSandboxCommand(env),
		newServeCommand(env),
		newTeamCommand(env),
	)
	env.localizeCommands(root)
	return root
}

// noArgs refuses positional arguments as a usage error (cobra's own
// validators return plain errors, which would exit 1).
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		if cmd.HasSubCommands() {
			return usageError{localized(func(m *i18n.Messages) string { return m.UnknownSubcommandFmt }, args[0], cmd.CommandPath(), cmd.CommandPath())}
		}
		return usageError{localized(func(m *i18n.Messages) string { return m.TakesNoArgumentFmt }, cmd.CommandPath(), args)}
	}
	return nil
}

// exactArgs is cobra.ExactArgs returning a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError{localized(func(m *i18n.Messages) string { return m.TakesExactlyFmt }, cmd.CommandPath(), arguments(n), number(len(args)), cmd.CommandPath())}
		}
		return nil
	}
}

// arguments is "2 arguments" in the reader's language.
func arguments(n int) inLang {
	return counted(n, func(m *i18n.Messages) i18n.Noun { return m.ArgumentsNoun })
}

// number is n written the reader's way ("1 234", "1,234").
func number(n int) inLang {
	return func(lang checklist.Lang) string { return checklist.FormatInt(lang, n) }
}

// maxArgs is cobra.MaximumNArgs returning a usage error.
func maxArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return usageError{localized(func(m *i18n.Messages) string { return m.TakesAtMostFmt }, cmd.CommandPath(), arguments(n), number(len(args)))}
		}
		return nil
	}
}

// groupCommand is a command that only holds subcommands: run bare, it shows
// its help; with an unknown subcommand, it is a usage error.
func groupCommand(use, short string, children ...*cobra.Command) *cobra.Command {
	c := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	c.AddCommand(children...)
	return c
}
