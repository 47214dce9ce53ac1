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
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/comapi"
	"github.com/bascule-cli/bascule/store"
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
	stepV1Facts = "preparation.client.pending_invoices"
)

// v1Dossiers reads V1's client list through the port, page by page, and
// returns the active clients as dossiers: the ones V1 migrates by itself
// (the inactive ones are the cabinet's export/import step).
func v1Dossiers(ctx context.Context, v1 connectors.V1) ([]checklist.Dossier, error) {
	var out []checklist.Dossier
	page := connectors.Page{Limit: 1000}
	for {
		clients, next, err := v1.ListClients(ctx, page)
		if err != nil {
			return nil, err
		}
		for _, c := range clients {
			if !c.Status.Inactive() {
				out = append(out, checklist.Dossier{ID: c.ID, Name: c.LegalName, SIREN: c.SIREN, Payment: c.PaymentServices, PendingInvoices: -1})
			}
		}
		if next == "" || next == page.Cursor {
			return out, nil
		}
		page.Cursor = next
	}
}

func newRefreshCommand(env *appEnv) *cobra.Command {
	var source string
	f := &comapiFlags{}
	c := &cobra.Command{
		Use:   "refresh [--source v1|comapi]",
		Short: "Mettre à jour les dossiers clients d'après la liste des clients de V1",
		Long: "Lit la liste des clients de V1, crée un dossier pour chaque client apparu depuis, met\n" +
			"à jour le nom, le SIREN et l'option paiement de ceux qui ont changé, et liste ceux qui\n" +
			"ne figurent plus sur V1 : leur dossier et le travail fait sont conservés, rien n'est\n" +
			"supprimé. --source v1 (défaut, démo ou mode API) ne garde que les clients actifs ;\n" +
			"--source comapi lit l'API d'export de fichiers (voir « bascule v1files --help »), qui\n" +
			"ne dit pas si un client est actif : toutes les entreprises listées deviennent des\n" +
			"dossiers, rapprochés des dossiers existants par SIREN.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if source != "v1" && source != "comapi" {
				return usageError{localized("--source attend v1 ou comapi, reçu "+quote(source), "--source expects v1 or comapi, got "+quote(source))}
			}
			s, err := env.openSession()
			if err != nil {
				return err
			}
			defer s.Close()
			var fresh []checklist.Dossier
			if source == "comapi" {
				src, err := env.v1Files(s, f)
				if err != nil {
					return err
				}
				fresh, err = comapiDossiers(cmd.Context(), src, s.run)
				if err != nil {
					return err
				}
			} else {
				v1, err := env.v1Port(s)
				if err != nil {
					return err
				}
				if fresh, err = v1Dossiers(cmd.Context(), v1); err != nil {
					return err
				}
			}
			d, err := refreshDossiers(s, fresh, s.operator(env))
			if err != nil {
				return err
			}
			if err := markAbsent(env, s, d.Left, s.operator(env)); err != nil {
				return err
			}
			printRefresh(env, d)
			return nil
		},
	}
	c.Flags().StringVar(&source, "source", "v1", "liste des clients : v1 (port V1, clients actifs) ou comapi (API d'export de fichiers)")
	c.Flags().StringVar(&f.url, "url", "", "avec --source comapi : adresse de l'API (défaut "+envComapiURL+")")
	c.Flags().StringVar(&f.softwareID, "software-id", "", "avec --source comapi : identifiant logiciel (défaut "+envComapiSoftwareID+")")
	return c
}

// comapiDossiers turns the file-export API's companies into dossiers. The
// API has no dossier id: a company takes the id of the dossier with its
// SIREN, or its SIREN for a new one (as a V1 export without ids does).
func comapiDossiers(ctx context.Context, src connectors.V1Files, run *checklist.Run) ([]checklist.Dossier, error) {
	list, err := src.Enterprises(ctx)
	if err != nil {
		return nil, err
	}
	bySIREN := make(map[string]checklist.Dossier, len(run.Clients))
	for _, c := range run.Clients {
		bySIREN[c.SIREN] = c.Dossier
	}
	out := make([]checklist.Dossier, 0, len(list))
	for _, e := range list {
		d, ok := bySIREN[e.SIREN]
		if !ok {
			d = checklist.Dossier{ID: e.SIREN, SIREN: e.SIREN}
		}
		d.Name, d.PendingInvoices = e.Name, -1
		out = append(out, d)
	}
	return out, nil
}

// refreshDossiers applies checklist.DiffRoster to the session's dossiers:
// it writes the added and updated ones and never deletes. A dashboard key
// can call it as the command does.
func refreshDossiers(s *session, fresh []checklist.Dossier, by string) (checklist.RosterDiff, error) {
	existing := make([]checklist.Dossier, len(s.run.Clients))
	for i, c := range s.run.Clients {
		existing[i] = c.Dossier
	}
	d := checklist.DiffRoster(existing, fresh)
	if put := append(append([]checklist.Dossier{}, d.Add...), d.Updated...); len(put) > 0 {
		if err := s.db.PutDossiers(s.ws.ID, put, by); err != nil {
			return d, err
		}
	}
	return d, nil
}

// findingAbsent marks, in the evidence of V1's facts, a dossier whose
// client is no longer on V1's list: kept, with its work, for the user to
// decide; the mark goes when the client is back.
const findingAbsent = "v1.absent"

// markAbsent adds the absent mark to the dossiers that left V1 and removes
// it from those that are back. Statuses and notes are not touched; the
// evidence's other facts and findings are kept.
func markAbsent(env *appEnv, s *session, left []checklist.Dossier, by string) error {
	gone := make(map[string]bool, len(left))
	for _, d := range left {
		gone[d.ID] = true
	}
	var changes []store.StepChange
	for _, c := range s.run.Clients {
		ref := checklist.Ref{Client: c.ID, Step: stepV1Facts}
		st, err := s.db.StepState(s.ws.ID, ref)
		if err != nil {
			return err
		}
		marked := st.Evidence != nil && slices.ContainsFunc(st.Evidence.Findings, func(f checklist.Finding) bool { return f.Code == findingAbsent })
		if marked == gone[c.ID] {
			continue
		}
		ev := checklist.Evidence{Source: "v1", At: env.now()}
		if st.Evidence != nil {
			ev = *st.Evidence
			ev.Facts = maps.Clone(ev.Facts)
		}
		ev.Findings = slices.DeleteFunc(slices.Clone(ev.Findings), func(f checklist.Finding) bool { return f.Code == findingAbsent })
		if gone[c.ID] {
			ev.Findings = append(ev.Findings, checklist.Finding{Code: findingAbsent,
				Detail: "absent de la liste des clients de V1 depuis le " + env.now().Format("02/01/2006")})
		}
		changes = append(changes, store.StepChange{Ref: ref, Evidence: &ev, By: by})
	}
	if len(changes) == 0 {
		return nil
	}
	return errors.Join(s.db.ApplySteps(s.ws.ID, s.run, changes)...)
}

func printRefresh(env *appEnv, d checklist.RosterDiff) {
	w := env.stdout
	fmt.Fprintf(w, env.msg("%d dossier(s) ajouté(s), %d mis à jour, %d inchangé(s), %d absent(s) de V1.\n",
		"%d dossier(s) added, %d updated, %d unchanged, %d missing from V1.\n"), len(d.Add), len(d.Updated), d.Unchanged, len(d.Left))
	for _, x := range d.Add {
		fmt.Fprintf(w, "  + %s  %s  %s\n", x.ID, x.SIREN, x.Name)
	}
	for _, x := range d.Updated {
		fmt.Fprintf(w, "  ~ %s  %s  %s\n", x.ID, x.SIREN, x.Name)
	}
	for _, x := range d.Left {
		fmt.Fprintf(w, env.msg("  ! %s  %s  %s : plus sur la liste de V1, dossier conservé\n", "  ! %s  %s  %s: no longer on V1's list, dossier kept\n"), x.ID, x.SIREN, x.Name)
	}
}

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
	pf := c.PersistentFlags()
	pf.StringVar(&cfg.url, "url", "", "adresse de l'API (défaut "+envComapiURL+" ou "+comapi.DefaultBaseURL+")")
	pf.StringVar(&cfg.softwareID, "software-id", "", "identifiant logiciel X-SOFTWARE-ID (défaut "+envComapiSoftwareID+")")
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
			return nil, localized("clé de l'API d'export V1 absente : définissez "+envComapiKey+", ou "+envPassphrase+" pour ouvrir la clé scellée",
				"V1 export API key missing: set "+envComapiKey+", or "+envPassphrase+" to open the sealed key")
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
			fmt.Fprintf(env.stdout, env.msg("%d entreprise(s) sur V1, %d dossier(s) dans l'espace.\n", "%d companies on V1, %d dossiers in the workspace.\n"), len(list), len(s.run.Clients))
			if only := checklist.MissingFrom(onV1, ours); len(only) > 0 {
				fmt.Fprintf(env.stdout, env.msg("Sur V1 seulement (inactifs ou nouveaux) : %s\n", "On V1 only (inactive or new): %s\n"), strings.Join(only, ", "))
			}
			if only := checklist.MissingFrom(ours, onV1); len(only) > 0 {
				fmt.Fprintf(env.stdout, env.msg("Dans l'espace seulement : %s\n", "In the workspace only: %s\n"), strings.Join(only, ", "))
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
			"ne l'a relevé. À faire avant la bascule.",
		Args: noArgs,
		RunE: withV1Files(env, f, func(ctx context.Context, s *session, src connectors.V1Files) error {
			failed := 0
			for _, cl := range s.run.Clients {
				if client != "" && cl.ID != client {
					continue
				}
				n, err := comapi.Count(ctx, src, cl.SIREN)
				if err == nil {
					err = saveCounts(env, s, cl.ID, n)
				}
				if err != nil {
					failed++
					fmt.Fprintf(env.stdout, "%s  %s  %s : %s\n", cl.ID, cl.SIREN, env.msg("ERREUR", "ERROR"), env.errText(err))
					continue
				}
				fmt.Fprintf(env.stdout, "%s  %s  AP/Transfer %d  AP/Archived %d  AR/Transfer %d  AR/Archived %d\n", cl.ID, cl.SIREN,
					n["AP/Transfer"], n["AP/Archived"], n["AR/Transfer"], n["AR/Archived"])
				if client != "" {
					return nil
				}
			}
			if client != "" && failed == 0 {
				return localized("dossier "+quote(client)+" introuvable", "dossier "+quote(client)+" not found")
			}
			if failed > 0 {
				return localized(fmt.Sprintf("%d dossier(s) en échec", failed), fmt.Sprintf("%d dossier(s) failed", failed))
			}
			return nil
		}),
	}
	c.Flags().StringVar(&client, "client", "", "identifiant du dossier (défaut : tous)")
	return c
}

// saveCounts adds the counts to the evidence of the step holding V1's facts,
// keeping the facts already there; the archived total becomes V1's side of
// the archived-documents line only when no snapshot gave one.
func saveCounts(env *appEnv, s *session, clientID string, n comapi.Counts) error {
	ref := checklist.Ref{Client: clientID, Step: stepV1Facts}
	st, err := s.db.StepState(s.ws.ID, ref)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	ev := checklist.Evidence{Source: "comapi", At: env.now(), OK: true, Facts: map[string]string{}}
	if st.Evidence != nil {
		ev = *st.Evidence
		ev.Facts = maps.Clone(ev.Facts)
		if ev.Facts == nil {
			ev.Facts = map[string]string{}
		}
	}
	maps.Copy(ev.Facts, n.Facts())
	if ev.Facts[checklist.FactArchived] == "" {
		ev.Facts[checklist.FactArchived] = ev.Facts["comapi.archived"]
	}
	_, err = s.db.ApplyStep(s.ws.ID, s.run, store.StepChange{Ref: ref, Evidence: &ev, By: s.operator(env)})
	return err
}

func newV1FilesDownloadCommand(env *appEnv, f *comapiFlags) *cobra.Command {
	var client, out string
	c := &cobra.Command{
		Use:   "download --client ID --out DOSSIER",
		Short: "Télécharger tout l'historique d'un client dans un dossier, avec un manifeste (nom, taille, SHA-256)",
		Args:  noArgs,
		RunE: withV1Files(env, f, func(ctx context.Context, s *session, src connectors.V1Files) error {
			if client == "" || out == "" {
				return usageError{localized("--client et --out sont obligatoires", "--client and --out are required")}
			}
			i := s.run.ClientIndex(client)
			if i < 0 {
				return localized("dossier "+quote(client)+" introuvable", "dossier "+quote(client)+" not found")
			}
			m, err := comapi.DownloadArchive(ctx, src, s.run.Clients[i].SIREN, out, env.now())
			if err != nil {
				return err
			}
			var total int64
			for _, e := range m.Files {
				total += e.Size
			}
			fmt.Fprintf(env.stdout, env.msg("%d fichier(s), %d octets, dans %s (manifeste : %s).\n", "%d file(s), %d bytes, in %s (manifest: %s).\n"),
				len(m.Files), total, out, comapi.ManifestName)
			return nil
		}),
	}
	c.Flags().StringVar(&client, "client", "", "identifiant du dossier")
	c.Flags().StringVar(&out, "out", "", "dossier de destination (créé en 0700)")
	return c
}

// seedingSecrets is the wizard's vault: when the V1 client secret of a new
// API-mode workspace without dossiers is sealed (the first run does it
// right after creating the workspace), the dossiers are built from V1's
// list of active clients, as the demo does.
type seedingSecrets struct {
	*store.DB
	guide *checklist.Guide
}

// PutSecret seals the secret, then seeds the dossiers if it was the V1
// client secret of an API-mode workspace that has none.
func (v seedingSecrets) PutSecret(ws, name string, value, passphrase []byte) error {
	if err := v.DB.PutSecret(ws, name, value, passphrase); err != nil {
		return err
	}
	if name != secretV1ClientSecret {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := seedAPIDossiers(ctx, v.DB, v.guide, ws, passphrase); err != nil {
		return localized("espace créé, mais la liste des clients de V1 n'a pas pu être lue ("+err.Error()+") : lancez « bascule clients refresh »",
			"workspace created, but V1's client list could not be read ("+englishOf(err)+"): run \"bascule clients refresh\"")
	}
	return nil
}

// seedAPIDossiers creates the dossiers of an API-mode workspace that has
// none from V1's active clients.
func seedAPIDossiers(ctx context.Context, db *store.DB, g *checklist.Guide, wsID string, pass []byte) error {
	ws, err := db.Workspace(wsID)
	if err != nil || ws.Mode != "api" || ws.V1URL == "" {
		return err
	}
	run, err := db.LoadRun(wsID, g)
	if err != nil || len(run.Clients) > 0 {
		return err
	}
	ports, err := apiPorts(db, ws, pass)
	if err != nil {
		return err
	}
	ds, err := v1Dossiers(ctx, ports.V1)
	if err != nil {
		return err
	}
	return db.PutDossiers(wsID, ds, ws.Operator)
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
				return localized(envPassphrase+" est requise pour sceller la clé", envPassphrase+" is required to seal the key")
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
			fmt.Fprintln(env.stdout, env.msg("Clé d'API de l'export V1 scellée dans l'espace "+s.ws.ID+".",
				"V1 export API key sealed in workspace "+s.ws.ID+"."))
			return nil
		},
	}
}

// readKey reads a secret from stdin: without echo on a terminal, else the
// first line. An empty key is refused.
func (env *appEnv) readKey() ([]byte, error) {
	var key []byte
	if f, ok := env.stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
		fmt.Fprint(env.stderr, env.msg("Clé d'API : ", "API key: "))
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
		return nil, usageError{localized("clé d'API vide sur l'entrée standard", "empty API key on standard input")}
	}
	return key, nil
}
