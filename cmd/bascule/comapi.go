package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/comapi"
	"github.com/bascule-cli/bascule/tui/i18n"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// Configuration of V1's file-export API (comapi).
const (
	envComapiURL        = "BASCULE_COMAPI_URL"
	envComapiSoftwareID = "BASCULE_COMAPI_SOFTWARE_ID"
	envComapiKey        = "BASCULE_COMAPI_KEY"
	// secretComapiKey is the name of the API key sealed in the store.
	secretComapiKey = "v1.comapi_key"
	// stepV1Facts is the step whose evidence holds what V1 showed before
	// the switch; the reconciliation reads V1's side there.
	stepV1Facts = checklist.StepClientPendingInvoices
)

func newV1FilesCommand(env *appEnv) *cobra.Command {
	cfg := &comapiFlags{}
	c := groupCommand("v1files", "API d'export de fichiers de V1 (comapi) : clients, comptes, téléchargement",
		newV1FilesClientsCommand(env, cfg), newV1FilesCountCommand(env, cfg), newV1FilesDownloadCommand(env, cfg),
		newV1FilesKeyCommand(env))
	c.Long = "Lit l'API d'export de fichiers de V1 (« comapi »), connue par du code client public et\n" +
		"non par une documentation officielle : elle peut changer. Adresse : --url ou " + envComapiURL + "\n" +
		"(défaut " + comapi.DefaultBaseURL + ", plateforme de test " + comapi.TestBaseURL + ") ;\n" +
		"identifiant logiciel : --software-id ou " + envComapiSoftwareID + " ; clé d'API : " + envComapiKey + "\n" +
		"ou scellée dans l'espace de travail (" + secretComapiKey + ", ouverte par " + envPassphrase + ").\n" +
		"En démo, la plateforme simulée répond sans configuration."
	persistentStringFlag(c, &cfg.url, "url", "adresse de l'API (défaut "+envComapiURL+" ou "+comapi.DefaultBaseURL+")")
	persistentStringFlag(c, &cfg.softwareID, "software-id", "identifiant logiciel X-SOFTWARE-ID (défaut "+envComapiSoftwareID+")")
	return c
}

type comapiFlags struct{ url, softwareID string }

// v1Files is the file-export API of the workspace: the simulated platform
// in the demo, the comapi client otherwise.
func (env *appEnv) v1Files(s *session, f *comapiFlags) (connectors.V1Files, error) {
	if s.ws.Demo || s.ws.Mode == "demo" {
		return env.demoPlatformFor(s.ws, s.run).V1Files(), nil
	}
	cfg := comapi.Config{BaseURL: f.url, SoftwareID: f.softwareID, APIKey: env.getenv(envComapiKey)}
	if cfg.BaseURL == "" {
		cfg.BaseURL = env.getenv(envComapiURL)
	}
	if cfg.SoftwareID == "" {
		cfg.SoftwareID = env.getenv(envComapiSoftwareID)
	}
	if cfg.APIKey == "" {
		pass := env.getenv(envPassphrase)
		if pass == "" {
			return nil, localized(func(m *i18n.Messages) string { return m.V1ExportAPIKeyFmt }, envComapiKey, envPassphrase)
		}
		key, err := s.db.Secret(s.ws.ID, secretComapiKey, []byte(pass))
		if err != nil {
			return nil, err
		}
		cfg.APIKey = string(key)
	}
	return comapi.New(cfg)
}

func withV1Files(env *appEnv, f *comapiFlags, fn func(ctx context.Context, s *session, src connectors.V1Files) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, _ []string) error {
		s, err := env.openSession()
		if err != nil {
			return err
		}
		defer s.Close()
		src, err := env.v1Files(s, f)
		if err != nil {
			return err
		}
		return fn(cmd.Context(), s, src)
	}
}

func newV1FilesClientsCommand(env *appEnv, f *comapiFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "clients",
		Short: "Lister les entreprises clientes vues par l'API et les comparer aux dossiers",
		Args:  noArgs,
		RunE: withV1Files(env, f, func(ctx context.Context, s *session, src connectors.V1Files) error {
			list, err := src.Enterprises(ctx)
			if err != nil {
				return err
			}
			var onV1, ours []string
			for _, e := range list {
				fmt.Fprintf(env.stdout, "%s  %s\n", e.SIREN, e.Name)
				onV1 = append(onV1, e.SIREN)
			}
			for _, c := range s.run.Clients {
				ours = append(ours, c.SIREN)
			}
			fmt.Fprintf(env.stdout, i18n.Of(env.lang).OnV1InTheFmt,
				env.count(len(list), i18n.Of(env.lang).CompaniesNoun), env.count(len(s.run.Clients), i18n.Of(env.lang).DossiersNoun))
			if only := checklist.MissingFrom(onV1, ours); len(only) > 0 {
				fmt.Fprintf(env.stdout, i18n.Of(env.lang).OnV1OnlyInactiveFmt, strings.Join(only, ", "))
			}
			if only := checklist.MissingFrom(ours, onV1); len(only) > 0 {
				fmt.Fprintf(env.stdout, i18n.Of(env.lang).InTheWorkspaceOnlyFmt, strings.Join(only, ", "))
			}
			return nil
		}),
	}
}

func newV1FilesCountCommand(env *appEnv, f *comapiFlags) *cobra.Command {
	var client string
	c := &cobra.Command{
		Use:   "count [--client ID]",
		Short: "Compter les fichiers de chaque client par dossier (AP/AR × Transfer/Archived) et les garder en preuve",
		Long: "Compte, pour chaque dossier (ou celui de --client), les fichiers de V1 par dossier\n" +
			"AP/AR × Transfer/Archived, et les enregistre dans la preuve de l'étape « factures en\n" +
			"attente » : le nombre d'archivés sert de côté V1 au contrôle du §3.3 quand rien d'autre\n" +
			"ne l'a relevé. À faire avant la bascule, après « bascule sweep » (qui remplace cette\n" +
			"preuve). Progression sur la sortie d'erreur ; code 1 si un dossier a échoué.",
		Args: noArgs,
		RunE: withV1Files(env, f, func(ctx context.Context, s *session, src connectors.V1Files) error {
			targets := s.run.Clients
			if client != "" {
				i := s.run.ClientIndex(client)
				if i < 0 {
					return localized(func(m *i18n.Messages) string { return m.DossierNotFoundFmt }, quote(client))
				}
				targets = targets[i : i+1]
			}
			return runCount(ctx, env, s, src, targets)
		}),
	}
	stringFlag(c, &client, "client", "", "identifiant du dossier (défaut : tous)")
	return c
}

// runCount counts each target's files and saves them as evidence through
// the engine's batches (engine.BatchSize changes per transaction), every
// sweepBatch dossiers; what was counted before an interruption is saved.
func runCount(ctx context.Context, env *appEnv, s *session, src connectors.V1Files, targets []checklist.ClientRun) error {
	eng, err := s.engine(env, engine.Ports{})
	if err != nil {
		return err
	}
	failed := 0
	var batch []engine.BatchItem
	var ids []string
	flush := func() {
		for k, err := range eng.ApplyBatch(context.WithoutCancel(ctx), batch) {
			if err != nil {
				failed++
				fmt.Fprintf(env.stdout, "%s  %s%s%s\n", ids[k], i18n.Of(env.lang).ERROR, i18n.Of(env.lang).Colon, env.errText(err))
			}
		}
		batch, ids = batch[:0], ids[:0]
	}
	for k, cl := range targets {
		if ctx.Err() != nil {
			break
		}
		n, err := comapi.Count(ctx, src, cl.SIREN)
		var ch checklist.StepChange
		if err == nil {
			ch, err = countChange(env, s, cl.ID, n)
		}
		if err != nil {
			failed++
			fmt.Fprintf(env.stdout, "%s  %s  %s%s%s\n", cl.ID, cl.SIREN, i18n.Of(env.lang).ERROR, i18n.Of(env.lang).Colon, env.errText(err))
			continue
		}
		fmt.Fprintf(env.stdout, "%s  %s  AP/Transfer %d  AP/Archived %d  AR/Transfer %d  AR/Archived %d\n", cl.ID, cl.SIREN,
			n["AP/Transfer"], n["AP/Archived"], n["AR/Transfer"], n["AR/Archived"])
		batch, ids = append(batch, engine.BatchItem{Change: ch}), append(ids, cl.ID)
		if len(batch) >= sweepBatch {
			flush()
		}
		if len(targets) > 1 && ((k+1)%max(1, len(targets)/10) == 0 || k+1 == len(targets)) {
			fmt.Fprintf(env.stderr, "%s %d/%d\n", i18n.Of(env.lang).V1Count, k+1, len(targets))
		}
	}
	flush()
	switch {
	case ctx.Err() != nil:
		return errInterrupted
	case failed > 0:
		return &localizedError{text: counted(failed, func(m *i18n.Messages) i18n.Noun { return m.FailedDossiersNoun })}
	}
	return nil
}

// countChange adds the counts to the evidence of the step holding V1's
// facts, keeping the facts and findings already there; the archived total
// becomes V1's side of the archived-documents line only when no snapshot
// gave one.
func countChange(env *appEnv, s *session, clientID string, n comapi.Counts) (checklist.StepChange, error) {
	ref := checklist.Ref{Client: clientID, Step: stepV1Facts}
	st, err := s.db.StepState(s.ws.ID, ref)
	if err != nil {
		return checklist.StepChange{}, err
	}
	ev := checklist.Evidence{Source: "comapi", At: env.now(), OK: true}
	if st.Evidence != nil {
		ev = *st.Evidence
		ev.Facts = maps.Clone(ev.Facts)
	}
	if ev.Facts == nil {
		ev.Facts = map[string]string{}
	}
	maps.Copy(ev.Facts, n.Facts())
	if ev.Facts[checklist.FactArchived] == "" {
		ev.Facts[checklist.FactArchived] = ev.Facts["comapi.archived"]
	}
	return checklist.StepChange{Ref: ref, Evidence: &ev, By: s.operator(env)}, nil
}

func newV1FilesDownloadCommand(env *appEnv, f *comapiFlags) *cobra.Command {
	var client, out string
	c := &cobra.Command{
		Use:   "download --client ID --out DOSSIER",
		Short: "Télécharger tout l'historique d'un client dans un dossier, avec un manifeste (nom, taille, SHA-256)",
		Args:  noArgs,
		RunE: withV1Files(env, f, func(ctx context.Context, s *session, src connectors.V1Files) error {
			if client == "" || out == "" {
				return usageError{localized(func(m *i18n.Messages) string { return m.ClientAndOutAre })}
			}
			i := s.run.ClientIndex(client)
			if i < 0 {
				return localized(func(m *i18n.Messages) string { return m.DossierNotFoundFmt }, quote(client))
			}
			m, err := comapi.DownloadArchive(ctx, src, s.run.Clients[i].SIREN, out, env.now())
			if err != nil {
				return err
			}
			var total int64
			for _, e := range m.Files {
				total += e.Size
			}
			fmt.Fprintf(env.stdout, i18n.Of(env.lang).InManifestFmt,
				env.count(len(m.Files), i18n.Of(env.lang).FilesNoun), env.count(int(total), i18n.Of(env.lang).BytesNoun), out, comapi.ManifestName)
			return nil
		}),
	}
	stringFlag(c, &client, "client", "", "identifiant du dossier")
	stringFlag(c, &out, "out", "", "dossier de destination (créé en 0700)")
	return c
}

func newV1FilesKeyCommand(env *appEnv) *cobra.Command {
	return &cobra.Command{
		Use:   "key",
		Short: "Sceller la clé d'API de l'export V1 dans l'espace de travail",
		Long: "Lit la clé d'API (X-API-KEY) sur l'entrée standard (tapée sans écho au terminal,\n" +
			"ou la première ligne d'un tube) et la scelle dans l'espace de travail sous la phrase\n" +
			"secrète " + envPassphrase + " (la même que celle des autres identifiants). La clé\n" +
			"n'est jamais affichée.",
		Example: "  printf '%s\\n' \"$CLE\" | BASCULE_PASSPHRASE=… bascule v1files key --workspace martin",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			pass := env.getenv(envPassphrase)
			if pass == "" {
				return localized(func(m *i18n.Messages) string { return m.IsRequiredToSealFmt }, envPassphrase)
			}
			key, err := env.readKey()
			if err != nil {
				return err
			}
			s, err := env.openSession()
			if err != nil {
				return err
			}
			defer s.Close()
			if err := s.db.PutSecret(s.ws.ID, secretComapiKey, key, []byte(pass)); err != nil {
				return err
			}
			fmt.Fprintln(env.stdout, fmt.Sprintf(i18n.Of(env.lang).V1ExportAPIKey2Fmt, s.ws.ID))
			return nil
		},
	}
}

// readKey reads a secret from stdin: without echo on a terminal, else the
// first line. An empty key is refused.
func (env *appEnv) readKey() ([]byte, error) {
	var key []byte
	if f, ok := env.stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
		fmt.Fprint(env.stderr, i18n.Of(env.lang).APIKey)
		b, err := term.ReadPassword(f.Fd())
		fmt.Fprintln(env.stderr)
		if err != nil {
			return nil, err
		}
		key = b
	} else {
		line, err := bufio.NewReader(io.LimitReader(env.stdin, 4096)).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		key = []byte(line)
	}
	key = bytes.TrimSpace(key)
	if len(key) == 0 {
		return nil, usageError{localized(func(m *i18n.Messages) string { return m.EmptyAPIKeyOn })}
	}
	return key, nil
}
