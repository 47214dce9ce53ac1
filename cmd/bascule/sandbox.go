package main

import (
	"fmt"
	"net/url"
	"time"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/connectors/httpapi"
	"github.com/bascule-cli/bascule/connectors/sandbox"
	"github.com/bascule-cli/bascule/tui/i18n"
)

func newSandboxCommand(env *appEnv) *cobra.Command {
	return groupCommand("sandbox", "Plateforme simulée jefacture.com V1 + V2 (démo, formation, tests)", newSandboxServeCommand(env))
}

func newSandboxServeCommand(env *appEnv) *cobra.Command {
	var addr string
	var clients int
	var seed int64
	var latency, delay time.Duration
	var rate429, rate5xx, drop, malformed float64
	var hostile, allowRemote bool
	c := &cobra.Command{
		Use:   "serve --addr 127.0.0.1:PORT",
		Short: "Servir la plateforme simulée en HTTP, avec injection de pannes",
		Long: "Sert le cabinet de démonstration (V1 et V2) selon le contrat HTTP de bascule, pour les\n" +
			"formations et pour tester le mode API. Écoute sur l'interface locale seulement, sauf\n" +
			"--allow-remote. Identifiants OAuth2 : client_id « bascule », secret « sandbox ».\n" +
			"Les options --rate-* injectent des pannes (parts de 0 à 1). Ctrl-C arrête le serveur.",
		Example: "  bascule sandbox serve --addr 127.0.0.1:8080\n" +
			"  bascule sandbox serve --addr 127.0.0.1:8080 --clients 500 --latency 20ms --rate-429 0.1 --hostile",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			for name, v := range map[string]float64{"--rate-429": rate429, "--rate-5xx": rate5xx, "--drop-conn": drop, "--malformed": malformed} {
				if v < 0 || v > 1 {
					return usageError{localized(func(m *i18n.Messages) string { return m.ExpectsAShareBetweenFmt }, name)}
				}
			}
			if clients < 0 || clients > sandbox.MaxClients {
				return usageError{localized(func(m *i18n.Messages) string { return m.ClientsExpectsANumberFmt }, sandbox.MaxClients, clients)}
			}
			if delay < 0 || latency < 0 {
				return usageError{localized(func(m *i18n.Messages) string { return m.MigrationDelayAndLatency })}
			}
			opts := sandbox.Options{Seed: seed, Clients: clients, MigrationDelay: delay, Hostile: hostile}
			if err := opts.Validate(); err != nil {
				return usageError{err}
			}
			p := sandbox.New(opts)
			srv := httpapi.NewServer(p.V1(), p.V2(), httpapi.ServerOptions{Files: p.V1Files(), Faults: httpapi.Faults{
				Seed: uint64(seed), Latency: latency, RateLimited: rate429, ServerErrors: rate5xx, Drops: drop, Malformed: malformed,
			}})
			ln, err := httpapi.Listen(addr, httpapi.ListenOptions{AllowRemote: allowRemote})
			if err != nil {
				return usageError{err}
			}
			u := url.URL{Scheme: "http", Host: ln.Addr().String()}
			fmt.Fprintf(env.stdout, i18n.Of(env.lang).SimulatedPlatformOnClientFmt, u.String())
			if err := httpapi.Serve(cmd.Context(), ln, srv); err != nil {
				return err
			}
			if cmd.Context().Err() != nil {
				return errInterrupted
			}
			return nil
		},
	}
	f := c.Flags()
	stringFlag(c, &addr, "addr", "127.0.0.1:0", "adresse d'écoute (port 0 : un port libre)")
	f.IntVar(&clients, "clients", sandbox.DefaultClients, "nombre de dossiers clients simulés")
	f.Int64Var(&seed, "seed", 1, "graine du cabinet simulé (même graine, même cabinet)")
	f.DurationVar(&latency, "latency", 0, "latence ajoutée à chaque requête (ex. 20ms)")
	f.DurationVar(&delay, "migration-delay", 5*time.Second, "délai avant que la demande de migration aboutisse")
	f.Float64Var(&rate429, "rate-429", 0, "part des requêtes refusées en 429 avec Retry-After")
	f.Float64Var(&rate5xx, "rate-5xx", 0, "part des requêtes en erreur 503")
	f.Float64Var(&drop, "drop-conn", 0, "part des connexions coupées sans réponse")
	f.Float64Var(&malformed, "malformed", 0, "part des réponses au JSON tronqué")
	f.BoolVar(&hostile, "hostile", false, "noms piégés (séquences d'échappement, contrôles, bidi)")
	f.BoolVar(&allowRemote, "allow-remote", false, "accepter une adresse non locale (à vos risques)")
	return c
}
