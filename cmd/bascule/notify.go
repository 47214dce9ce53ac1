package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist/notify"
	"github.com/bascule-cli/bascule/connectors"
)

func newNotifyCommand(env *appEnv) *cobra.Command {
	var out, from string
	c := &cobra.Command{
		Use:   "notify --out DIR",
		Short: "Préparer un e-mail (.eml) par client pour annoncer la migration (§3.2)",
		Long: "Écrit dans DIR un message .eml par dossier client, qui annonce la migration et dit\n" +
			"ce que le client doit faire avant (factures à accepter, articles, logo, utilisateurs,\n" +
			"numérotation ; IBAN et relevés pour les clients des services de paiement).\n" +
			"Les messages s'ouvrent dans n'importe quel logiciel de messagerie, qui les envoie.\n" +
			"Expéditeur : l'e-mail du responsable du cabinet, ou --from. Destinataire : le contact\n" +
			"du client quand V1 le donne. Dossier créé en 0700, fichiers en 0600.",
		Example: "  bascule notify --demo --out ./annonces\n" +
			"  bascule notify --out ./annonces --from claire.martin@cabinet-martin.fr",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError{localized("--out est obligatoire", "--out is required")}
			}
			s, err := env.openSession()
			if err != nil {
				return err
			}
			defer s.Close()
			if from == "" {
				from = s.ws.Cabinet.ManagerEmail
			}
			if from == "" {
				return usageError{localized("aucun e-mail de responsable pour ce cabinet : précisez --from",
					"no manager e-mail for this firm: use --from")}
			}
			contacts := map[string]connectors.Client{}
			if v1, err := env.v1Port(s); err == nil {
				page := connectors.Page{Limit: 1000}
				for {
					cs, next, err := v1.ListClients(cmd.Context(), page)
					if err != nil {
						fmt.Fprintln(env.stderr, env.msg("contacts V1 indisponibles : ", "V1 contacts unavailable: ")+env.errText(err))
						break
					}
					for _, c := range cs {
						contacts[c.ID] = c
					}
					if next == "" {
						break
					}
					page.Cursor = next
				}
			}
			if err := os.MkdirAll(out, 0o700); err != nil {
				return err
			}
			now := env.now()
			written, noContact := 0, 0
			for _, d := range s.run.Clients {
				if err := cmd.Context().Err(); err != nil {
					return err
				}
				c := contacts[d.ID]
				m, err := notify.Build(notify.Announcement{
					CabinetName: s.ws.Cabinet.LegalName, ManagerName: s.ws.Operator, ManagerEmail: from,
					ClientName: d.Name, ClientSIREN: d.SIREN,
					ContactFirst: c.ContactFirstName, ContactLast: c.ContactLastName, ContactEmail: c.ContactEmail,
					Payment: d.Payment, PendingInvoices: d.PendingInvoices, Date: now,
				})
				if err != nil {
					return usageError{err}
				}
				if m.To == nil {
					noContact++
				}
				path := filepath.Join(out, notify.FileName(d.SIREN, d.Name))
				if err := writeFileAtomic(path, func(w io.Writer) error { _, err := m.WriteTo(w); return err }); err != nil {
					return err
				}
				fmt.Fprintln(env.stdout, path)
				written++
			}
			fmt.Fprintf(env.stderr, env.msg("%d message(s) écrit(s) dans %s", "%d message(s) written to %s"), written, out)
			if noContact > 0 {
				fmt.Fprintf(env.stderr, env.msg(" (%d sans destinataire connu : à compléter)", " (%d without a known recipient: fill it in)"), noContact)
			}
			fmt.Fprintln(env.stderr)
			return nil
		},
	}
	c.Flags().StringVar(&out, "out", "", "dossier où écrire les messages")
	c.Flags().StringVar(&from, "from", "", "expéditeur (par défaut l'e-mail du responsable du cabinet)")
	_ = c.MarkFlagDirname("out")
	return c
}
