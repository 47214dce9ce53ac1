package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/notify"
	"github.com/bascule-cli/bascule/tui/i18n"
	engine "github.com/bascule-cli/bascule/tui/session"
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
				return usageError{localized(func(m *i18n.Messages) string { return m.OutIsRequired })}
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
				return usageError{localized(func(m *i18n.Messages) string { return m.NoManagerEMail })}
			}
			if err := notify.ValidateSender(addr); err != nil {
				return usageError{err}
			}
			ports, err := env.notifyPorts(s)
			if err != nil {
				return err
			}
			eng, err := s.engine(env, ports)
			if err != nil {
				return err
			}
			w, err := eng.WriteNotices(cmd.Context(), engine.NoticeRequest{Root: out, SenderName: name, SenderEmail: addr,
				OnWrite: func(p string) { fmt.Fprintln(env.stdout, p) }})
			if err != nil {
				return err
			}
			env.reportContactsErr(w.ContactsErr)
			fmt.Fprintf(env.stderr, i18n.Of(env.lang).ToFmt, env.count(len(w.Paths), i18n.Of(env.lang).MessagesWrittenNoun), w.Dir)
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

// notifyPorts gives the engine V1 when the workspace has one, so that each
// message gets its client's contact. A V1 that cannot be opened (a wrong
// passphrase) is an error: writing messages without recipients would hide
// it.
func (env *appEnv) notifyPorts(s *session) (engine.Ports, error) {
	if !(s.ws.IsDemo() || s.ws.Mode == checklist.ModeAPI && s.ws.V1URL != "") {
		return engine.Ports{}, nil // files mode: no V1 to ask
	}
	v1, err := env.v1Port(s)
	if err != nil {
		return engine.Ports{}, err
	}
	return engine.Ports{V1: v1}, nil
}

// reportContactsErr says on stderr why some messages have no recipient: a
// V1 listing that failed midway or never ended.
func (env *appEnv) reportContactsErr(err error) {
	var unending *engine.UnendingListError
	switch {
	case err == nil:
	case errors.As(err, &unending):
		fmt.Fprintln(env.stderr, fmt.Sprintf(i18n.Of(env.lang).V1ContactsTheClientFmt, unending.Pages))
	default:
		fmt.Fprintln(env.stderr, i18n.Of(env.lang).V1ContactsUnavailable+env.errText(err))
	}
}
