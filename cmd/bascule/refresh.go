package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui/i18n"
	engine "github.com/bascule-cli/bascule/tui/session"
)

func newRefreshCommand(env *appEnv) *cobra.Command {
	var source string
	f := &comapiFlags{}
	c := &cobra.Command{
		Use:   "refresh [--source v1|comapi]",
		Short: "Mettre à jour les dossiers clients d'après la liste des clients de V1",
		Long: "Lit la liste des clients de V1, crée un dossier pour chaque client apparu depuis, met\n" +
			"à jour le nom, le SIREN et l'option paiement de ceux qui ont changé, et liste et marque\n" +
			"ceux qui ne figurent plus sur V1 : leur dossier et le travail fait sont conservés, rien\n" +
			"n'est supprimé (la marque part quand le client revient). Dans l'assistant : touche u du\n" +
			"tableau de bord. --source v1 (défaut, démo ou mode API) ne garde que les clients actifs ;\n" +
			"--source comapi lit l'API d'export de fichiers (voir « bascule v1files --help »), qui\n" +
			"ne dit pas si un client est actif : toutes les entreprises listées deviennent des\n" +
			"dossiers, rapprochés des dossiers existants par SIREN.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if source != "v1" && source != "comapi" {
				return usageError{localized(func(m *i18n.Messages) string { return m.SourceExpectsV1OrFmt }, quote(source))}
			}
			s, err := env.openSession()
			if err != nil {
				return err
			}
			defer s.Close()
			var r engine.Refreshed
			if source == "comapi" {
				src, err := env.v1Files(s, f)
				if err != nil {
					return err
				}
				eng, err := s.engine(env, engine.Ports{})
				if err != nil {
					return err
				}
				if r, err = eng.RefreshFromFiles(cmd.Context(), src); err != nil {
					return err
				}
			} else {
				v1, err := env.v1Port(s)
				if err != nil {
					return err
				}
				eng, err := s.engine(env, engine.Ports{V1: v1})
				if err != nil {
					return err
				}
				if r, err = eng.Refresh(cmd.Context()); err != nil {
					return err
				}
			}
			printRefresh(env, r)
			return nil
		},
	}
	stringFlag(c, &source, "source", "v1", "liste des clients : v1 (port V1, clients actifs) ou comapi (API d'export de fichiers)")
	stringFlag(c, &f.url, "url", "", "avec --source comapi : adresse de l'API (défaut "+envComapiURL+")")
	stringFlag(c, &f.softwareID, "software-id", "", "avec --source comapi : identifiant logiciel (défaut "+envComapiSoftwareID+")")
	return c
}

func printRefresh(env *appEnv, r engine.Refreshed) {
	d := r.RosterDiff
	w := env.stdout
	fmt.Fprintf(w, i18n.Of(env.lang).FromV1Fmt,
		env.count(len(d.Add), i18n.Of(env.lang).DossiersAddedNoun), env.count(len(d.Updated), i18n.Of(env.lang).UpdatedNoun),
		env.count(d.Unchanged, i18n.Of(env.lang).UnchangedNoun), env.count(len(d.Left), i18n.Of(env.lang).AbsentNoun))
	for _, x := range d.Add {
		fmt.Fprintf(w, "  + %s  %s  %s\n", x.ID, x.SIREN, x.Name)
	}
	for _, x := range d.Updated {
		fmt.Fprintf(w, "  ~ %s  %s  %s\n", x.ID, x.SIREN, x.Name)
	}
	for _, x := range d.Left {
		fmt.Fprintf(w, i18n.Of(env.lang).NoLongerOnV1sFmt, x.ID, x.SIREN, x.Name)
	}
}

// seedingSecrets is the wizard's vault: when the V1 client secret of a new
// API-mode workspace without dossiers is sealed (the first run does it
// right after creating the workspace), the dossiers are built from V1's
// list of active clients, as the demo does.
type seedingSecrets struct {
	*store.DB
	guide *checklist.Guide
}

// seedTimeout bounds the first run's wait for V1's client list.
const seedTimeout = 30 * time.Second

// PutSecret seals the secret, then seeds the dossiers if it was the V1
// client secret of an API-mode workspace that has none. A V1 that cannot
// be read then is not an error of the sealing: the workspace and its secret
// exist, and the first-run screens would offer to create it again; the
// workspace opens without dossiers and `bascule clients refresh` fills it.
func (v seedingSecrets) PutSecret(ws, name string, value, passphrase []byte) error {
	if err := v.DB.PutSecret(ws, name, value, passphrase); err != nil {
		return err
	}
	if name != secretV1ClientSecret {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), seedTimeout)
	defer cancel()
	_ = seedAPIDossiers(ctx, v.DB, v.guide, ws, passphrase)
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
	ds, err := engine.ActiveDossiers(ctx, ports.V1)
	if err != nil {
		return err
	}
	return db.PutDossiers(wsID, ds, ws.Operator)
}
