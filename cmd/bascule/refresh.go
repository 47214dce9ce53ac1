package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui/i18n"
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
				return usageError{localized(fmt.Sprintf(i18n.Of(checklist.French).SourceExpectsV1OrFmt, quote(source)), fmt.Sprintf(i18n.Of(checklist.English).SourceExpectsV1OrFmt, quote(source)))}
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
	stringFlag(c, &source, "source", "v1", "liste des clients : v1 (port V1, clients actifs) ou comapi (API d'export de fichiers)")
	stringFlag(c, &f.url, "url", "", "avec --source comapi : adresse de l'API (défaut "+envComapiURL+")")
	stringFlag(c, &f.softwareID, "software-id", "", "avec --source comapi : identifiant logiciel (défaut "+envComapiSoftwareID+")")
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
	fmt.Fprintf(w, i18n.Of(env.lang).FromV1Fmt,
		env.count(len(d.Add), "dossier ajouté", "dossiers ajoutés", "dossier added", "dossiers added"), env.agreed(len(d.Updated), "mis à jour", "mis à jour", "updated"),
		env.agreed(d.Unchanged, "inchangé", "inchangés", "unchanged"), env.agreed(len(d.Left), "absent", "absents", "missing"))
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
	ds, err := v1Dossiers(ctx, ports.V1)
	if err != nil {
		return err
	}
	return db.PutDossiers(wsID, ds, ws.Operator)
}
