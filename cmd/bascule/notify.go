package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/notify"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
)

func newNotifyCommand(env *appEnv) *cobra.Command {
	var out, from string
	c := &cobra.Command{
		Use:   "notify --out DIR",
		Short: "Préparer un e-mail (.eml) par client pour annoncer la migration (§3.2)",
		Long: "Écrit dans DIR/<espace de travail>/ un message .eml par dossier client, qui annonce la\n" +
			"migration et dit ce que le client doit faire avant (factures à accepter, articles, logo,\n" +
			"utilisateurs, numérotation ; IBAN et relevés pour les clients des services de paiement).\n" +
			"Les messages s'ouvrent dans n'importe quel logiciel de messagerie, qui les envoie.\n" +
			"Expéditeur : le cabinet, à l'e-mail de son responsable, ou --from (« adresse » ou\n" +
			"« Nom <adresse> »). Destinataire : le contact du client quand V1 le donne. Un fichier\n" +
			"par client, nommé d'après son identifiant. Dossier créé en 0700, fichiers en 0600.",
		Example: "  bascule notify --demo --out ./annonces\n" +
			"  bascule notify --out ./annonces --from \"Claire Martin <claire.martin@cabinet-martin.fr>\"",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError{localized(i18n.Of(checklist.French).OutIsRequired, i18n.Of(checklist.English).OutIsRequired)}
			}
			s, err := env.openSession()
			if err != nil {
				return err
			}
			defer s.Close()
			name, addr := "", s.ws.Cabinet.ManagerEmail
			if from != "" {
				if name, addr, err = notify.ParseSender(from); err != nil {
					return usageError{err}
				}
			}
			if addr == "" {
				return usageError{localized(i18n.Of(checklist.French).NoManagerEMail, i18n.Of(checklist.English).NoManagerEMail)}
			}
			if err := notify.ValidateSender(addr); err != nil {
				return usageError{err}
			}
			contacts, err := env.notifyContacts(cmd.Context(), s)
			if err != nil {
				return err
			}
			b := notify.Batch{Workspace: s.ws.ID, CabinetName: s.ws.Cabinet.LegalName,
				SenderName: name, SenderEmail: addr, Date: env.now()}
			for _, d := range s.run.Clients {
				c := contacts[d.ID]
				b.Clients = append(b.Clients, notify.Recipient{ID: d.ID, Name: d.Name, SIREN: d.SIREN,
					Payment: d.Payment, PendingInvoices: d.PendingInvoices,
					ContactFirst: c.ContactFirstName, ContactLast: c.ContactLastName, ContactEmail: c.ContactEmail})
			}
			w, err := notify.WriteAll(cmd.Context(), out, b, func(p string) { fmt.Fprintln(env.stdout, p) })
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stderr, i18n.Of(env.lang).ToFmt, env.count(len(w.Paths), "message écrit", "messages écrits", "message written", "messages written"), w.Dir)
			if w.NoContact > 0 {
				fmt.Fprintf(env.stderr, i18n.Of(env.lang).WithoutAKnownRecipientFmt, w.NoContact)
			}
			fmt.Fprintln(env.stderr)
			return nil
		},
	}
	stringFlag(c, &out, "out", "", "dossier où écrire les messages (un sous-dossier par espace de travail)")
	stringFlag(c, &from, "from", "", "expéditeur : adresse ou « Nom <adresse> » (par défaut le cabinet, à l'e-mail de son responsable)")
	_ = c.MarkFlagDirname("out")
	return c
}

// notifyMaxPages bounds the V1 client listing: 12,000 clients at 1,000 a
// page is 12 pages; a platform that keeps answering with new cursors past
// this is broken, not large.
const notifyMaxPages = 100

// notifyContacts reads each client's contact from V1 when the workspace has
// one. A V1 that cannot be opened (a wrong passphrase) is an error: writing
// messages without recipients would hide it. A listing that fails midway
// only costs recipients, said on stderr.
func (env *appEnv) notifyContacts(ctx context.Context, s *session) (map[string]connectors.Client, error) {
	contacts := map[string]connectors.Client{}
	if !(s.ws.Demo || s.ws.Mode == "demo" || s.ws.Mode == "api" && s.ws.V1URL != "") {
		return contacts, nil // files mode: no V1 to ask
	}
	v1, err := env.v1Port(s)
	if err != nil {
		return nil, err
	}
	page := connectors.Page{Limit: 1000}
	seen := map[string]bool{}
	for n := 0; ; n++ {
		cs, next, err := v1.ListClients(ctx, page)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			fmt.Fprintln(env.stderr, i18n.Of(env.lang).V1ContactsUnavailable+env.errText(err))
			return contacts, nil
		}
		for _, c := range cs {
			contacts[c.ID] = c
		}
		if next == "" {
			return contacts, nil
		}
		if seen[next] || n+1 >= notifyMaxPages {
			fmt.Fprintln(env.stderr, fmt.Sprintf(i18n.Of(env.lang).V1ContactsTheClientFmt, n+1))
			return contacts, nil
		}
		seen[next] = true
		page.Cursor = next
	}
}
