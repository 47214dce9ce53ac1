package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/sweep"
	v1client "github.com/bascule-cli/bascule/connectors/v1"
	"github.com/bascule-cli/bascule/tui/i18n"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// Secret names and environment variables of API mode. The client secret is
// sealed in the store; the passphrase that opens it comes from the
// environment in scripts, since a sweep at night has nobody to type it.
const (
	secretV1ClientSecret = "v1.client_secret"
	envPassphrase        = "BASCULE_PASSPHRASE"
)

func newSweepCommand(env *appEnv) *cobra.Command {
	var concurrency int
	c := &cobra.Command{
		Use:   "sweep",
		Short: "Vérifier sur V1 chaque client : factures en attente et base articles (§2)",
		Long: "Interroge V1 pour chaque dossier client (factures en attente d'acceptation, articles\n" +
			"invalides) et enregistre le résultat comme preuve sur les étapes correspondantes.\n" +
			"La progression s'affiche sur la sortie d'erreur, le résultat par client sur la sortie\n" +
			"standard. Un client en échec n'arrête pas les autres ; le code de sortie est 1 si\n" +
			"au moins un client a échoué.",
		Example: "  bascule sweep --demo\n" +
			"  BASCULE_PASSPHRASE=… bascule sweep --workspace martin 2>sweep.log",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := env.openSession()
			if err != nil {
				return err
			}
			defer s.Close()
			v1, err := env.v1Port(s)
			if err != nil {
				return err
			}
			return runSweep(cmd.Context(), env, s, v1, concurrency)
		},
	}
	c.Flags().IntVar(&concurrency, "concurrency", 0, "dossiers interrogés en même temps (défaut 16)")
	return c
}

// v1Port returns the V1 port of a workspace: the sandbox in demo mode, the
// HTTP client in API mode. Files mode has no V1 to ask.
func (env *appEnv) v1Port(s *session) (connectors.V1, error) {
	switch {
	case s.ws.Demo || s.ws.Mode == "demo":
		return env.demoPlatformFor(s.ws, s.run).V1(), nil
	case s.ws.Mode == "api" && s.ws.V1URL != "":
		// BASCULE_PASSPHRASE, else typed without echo when on a terminal.
		pass, err := env.startPassphrase(s.db, s.ws.ID)
		if err != nil {
			return nil, err
		}
		if pass == nil {
			return nil, localized(func(m *i18n.Messages) string { return m.APIModeThePassphraseFmt }, envPassphrase)
		}
		secret, err := s.db.Secret(s.ws.ID, secretV1ClientSecret, pass)
		if err != nil {
			return nil, err
		}
		return v1client.New(v1client.Config{BaseURL: s.ws.V1URL, ClientID: s.ws.ClientID, ClientSecret: string(secret)})
	}
	return nil, localized(func(m *i18n.Messages) string { return m.ThisWorkspaceHasNoFmt }, string(s.ws.Mode))
}

// sweepBatch is how many clients' results are handed to the engine at a
// time: one of its batches (engine.BatchSize changes, one transaction and
// one fsync), whose lines are printed once saved.
const sweepBatch = engine.BatchSize

func runSweep(ctx context.Context, env *appEnv, s *session, v1 connectors.V1, concurrency int) error {
	eng, err := s.engine(env, engine.Ports{V1: v1})
	if err != nil {
		return err
	}
	run := eng.Snapshot()
	ids := make([]string, len(run.Clients))
	for i, c := range run.Clients {
		ids[i] = c.ID
	}
	lastShown := -1
	opts := sweep.Options{
		Concurrency: concurrency,
		OnProgress: func(done, total int) {
			if env.errTerminal {
				fmt.Fprintf(env.stderr, "\r%s %d/%d", i18n.Of(env.lang).V1Check, done, total)
				if done == total {
					fmt.Fprintln(env.stderr)
				}
				return
			}
			// Not a terminal (a log file): one line per tenth, no carriage returns.
			if step := done * 10 / max(total, 1); step != lastShown || done == total {
				lastShown = step
				fmt.Fprintf(env.stderr, "%s %d/%d\n", i18n.Of(env.lang).V1Check, done, total)
			}
		},
	}
	results, sweepErr := sweep.Run(ctx, v1, ids, opts)
	if sweepErr != nil && ctx.Err() == nil {
		return sweepErr
	}
	now := env.now()
	failed, checked := 0, 0
	var items []engine.BatchItem
	// Result lines wait for their batch to be saved: a line on stdout is a
	// promise that the database holds it, even after kill -9.
	type line struct{ client, text string }
	var lines []line
	flush := func() {
		// What was fetched before an interruption is still saved.
		errs := eng.ApplyBatch(context.WithoutCancel(ctx), items)
		unsaved := map[string]bool{}
		for i, err := range errs {
			if err != nil {
				unsaved[items[i].Change.Ref.Client] = true
				fmt.Fprintf(env.stderr, "%s %s%s%s\n", i18n.Of(env.lang).NotSaved, items[i].Change.Ref, i18n.Of(env.lang).Colon, env.errText(err))
			}
		}
		for _, l := range lines {
			if !unsaved[l.client] {
				fmt.Fprint(env.stdout, l.text)
			}
		}
		items, lines = items[:0], lines[:0]
	}
	for i, res := range results {
		c := run.Clients[i]
		if res.Err != nil {
			if ctx.Err() != nil {
				continue // not reached before the interruption
			}
			failed++
			lines = append(lines, line{"", fmt.Sprintf("%s\t%s\t%s\t%s\n", c.ID, connectors.Sanitize(c.Name), i18n.Of(env.lang).ERROR, env.errText(res.Err))})
			continue
		}
		checked++
		pending, n := checklist.PendingInvoicesEvidence(res.Snapshot, now)
		articles := checklist.ArticlesEvidence(res.Snapshot, now)
		bad := 0
		for _, a := range res.Snapshot.Articles {
			if len(a.Problems) > 0 {
				bad++
			}
		}
		verdict := i18n.Of(env.lang).Ready2
		if !pending.OK || !articles.OK {
			verdict = i18n.Of(env.lang).ToHandle
		}
		lines = append(lines, line{c.ID, fmt.Sprintf("%s\t%s\t%s\t%s\n", c.ID, connectors.Sanitize(c.Name), verdict,
			env.count(n, i18n.Of(env.lang).PendingInvoicesNoun)+", "+
				env.count(bad, i18n.Of(env.lang).ArticlesToReviewNoun))})
		// As in the wizard: the engine records the evidence and the status
		// follows checklist's one rule.
		items = append(items,
			engine.BatchItem{Change: checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepClientPendingInvoices, Client: c.ID}, Evidence: pending}, Settle: true, Pending: &n},
			engine.BatchItem{Change: checklist.StepChange{Ref: checklist.Ref{Step: checklist.StepClientArticles, Client: c.ID}, Evidence: articles}, Settle: true})
		if len(items) >= 2*sweepBatch {
			flush()
		}
	}
	flush()
	fmt.Fprintf(env.stderr, i18n.Of(env.lang).FailedFmt, env.count(checked, i18n.Of(env.lang).ClientsCheckedNoun), checklist.FormatInt(env.lang, failed))
	if ctx.Err() != nil {
		return errInterrupted
	}
	if failed > 0 {
		return silentError{code: exitFailure}
	}
	return nil
}
