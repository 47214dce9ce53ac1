package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui/i18n"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// newTeamCommand groups the commands that keep the workspace's team: who
// may connect to "bascule serve", with which key, role and portfolio.
func newTeamCommand(env *appEnv) *cobra.Command {
	return groupCommand("team", "Équipe du mode serveur : membres, clés SSH publiques, rôles et portefeuilles",
		newTeamAddCommand(env), newTeamListCommand(env), newTeamRemoveCommand(env), newTeamAssignCommand(env))
}

func newTeamAddCommand(env *appEnv) *cobra.Command {
	var keyFile, roleFlag string
	var clients []string
	c := &cobra.Command{
		Use:   "add NOM --key FICHIER.pub --role admin|collaborateur|entreprise [--client ID…]",
		Short: "Ajouter un membre de l'équipe avec sa clé SSH publique",
		Long: "Ajoute un membre à l'équipe de l'espace : il se connecte à « bascule serve » avec la clé\n" +
			"privée qui correspond à la clé publique donnée (jamais de mot de passe).\n" +
			"Rôles : admin (voit et fait tout), collaborateur (fait les étapes client de son portefeuille,\n" +
			"voit le reste), entreprise (ne voit que le dossier de son entreprise).",
		Example: "  bascule team add Claire --key claire.pub --role collaborateur --client c0001 --client c0002 --demo",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name, err := memberName(args[0])
			if err != nil {
				return err
			}
			role, ok := store.ParseRole(roleFlag)
			if !ok {
				return usageError{localized(func(m *i18n.Messages) string { return m.RoleExpectsAdminCollaborateurFmt }, quote(roleFlag))}
			}
			if keyFile == "" {
				return usageError{localized(func(m *i18n.Messages) string { return m.KeyExpectsTheMembers })}
			}
			pub, err := readPublicKey(env, keyFile)
			if err != nil {
				return err
			}
			s, err := env.openSession()
			if err != nil {
				return err
			}
			defer s.Close()
			ids, err := clientIDs(s, clients)
			if err != nil {
				return err
			}
			if role == store.RoleEntreprise && len(ids) == 0 {
				return usageError{localized(func(m *i18n.Messages) string { return m.AnEntrepriseMemberSees })}
			}
			m := store.Member{Name: name, Role: role, PublicKey: strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pub))),
				Fingerprint: gossh.FingerprintSHA256(pub), Clients: ids}
			if err := teamChange(env, s, func(by string) error { return s.db.AddMember(s.ws.ID, m, by) }); err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, i18n.Of(env.lang).MemberAddedKeyFmt,
				name, role, m.Fingerprint, env.count(len(ids), i18n.Of(env.lang).ClientsNoun))
			return nil
		},
	}
	stringFlag(c, &keyFile, "key", "", "fichier de la clé SSH publique du membre (format authorized_keys, .pub ; - : l'entrée standard)")
	stringFlag(c, &roleFlag, "role", "", "rôle : admin, collaborateur ou entreprise")
	c.Flags().StringArrayVar(&clients, "client", nil, "client du portefeuille (identifiant ou SIREN), répétable")
	_ = c.RegisterFlagCompletionFunc("role", cobra.FixedCompletions([]string{"admin", "collaborateur", "entreprise"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func newTeamListCommand(env *appEnv) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "list",
		Short: "Lister les membres de l'équipe : rôle, empreinte de la clé, taille du portefeuille",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := env.openSession()
			if err != nil {
				return err
			}
			defer s.Close()
			all, err := s.db.Members(s.ws.ID)
			if err != nil {
				return err
			}
			if asJSON {
				if all == nil {
					all = []store.Member{}
				}
				return writeJSON(env, all)
			}
			if len(all) == 0 {
				fmt.Fprintln(env.stdout, i18n.Of(env.lang).NoMemberAddSome)
				return nil
			}
			tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, i18n.Of(env.lang).NAMEROLEKEYCLIENTS)
			for _, m := range all {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\n", m.Name, m.Role, m.Fingerprint, len(m.Clients))
			}
			return tw.Flush()
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "sortie JSON (clés anglaises snake_case)")
	return c
}

func newTeamRemoveCommand(env *appEnv) *cobra.Command {
	return &cobra.Command{
		Use:   "remove NOM",
		Short: "Retirer un membre de l'équipe (sa clé n'ouvre plus le serveur)",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name, err := memberName(args[0])
			if err != nil {
				return err
			}
			s, err := env.openSession()
			if err != nil {
				return err
			}
			defer s.Close()
			if err := teamChange(env, s, func(by string) error { return s.db.RemoveMember(s.ws.ID, name, by) }); err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, i18n.Of(env.lang).RemovedFromTheTeamFmt, name)
			return nil
		},
	}
}

func newTeamAssignCommand(env *appEnv) *cobra.Command {
	var clients []string
	var from string
	var replace bool
	c := &cobra.Command{
		Use:   "assign NOM --client ID… | --from FICHIER",
		Short: "Ajouter des clients au portefeuille d'un membre",
		Long: "Ajoute des clients au portefeuille d'un membre : --client (répétable) ou --from, un fichier\n" +
			"d'un identifiant (ou SIREN) par ligne, les lignes vides et celles qui commencent par # ignorées.\n" +
			"Avec --replace, ces clients deviennent tout le portefeuille.",
		Example: "  bascule team assign Claire --client c0003 --demo\n  bascule team assign Claire --from portefeuille-claire.txt --replace",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name, err := memberName(args[0])
			if err != nil {
				return err
			}
			if (len(clients) == 0) == (from == "") {
				return usageError{localized(func(m *i18n.Messages) string { return m.GiveTheClientsClient })}
			}
			if from != "" {
				if clients, err = readClientList(env, from); err != nil {
					return err
				}
			}
			s, err := env.openSession()
			if err != nil {
				return err
			}
			defer s.Close()
			ids, err := clientIDs(s, clients)
			if err != nil {
				return err
			}
			var m store.Member
			err = teamChange(env, s, func(by string) error {
				m, err = s.db.AssignClients(s.ws.ID, name, ids, replace, by)
				return err
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, i18n.Of(env.lang).InThePortfolioFmt, m.Name, env.count(len(m.Clients), i18n.Of(env.lang).ClientsNoun))
			return nil
		},
	}
	c.Flags().StringArrayVar(&clients, "client", nil, "client à ajouter (identifiant ou SIREN), répétable")
	stringFlag(c, &from, "from", "", "fichier d'identifiants de clients, un par ligne (- : l'entrée standard)")
	c.Flags().BoolVar(&replace, "replace", false, "remplacer tout le portefeuille au lieu d'ajouter")
	return c
}

// teamChange makes a change of the team. Over SSH (bascule serve) it goes
// through the server's engine, as the member: the engine applies
// checklist's rules, reads every open session's person again (a removed
// member's next intent is refused) and tells the sessions at once. Run
// locally, no session is open (the database is this process's alone).
func teamChange(env *appEnv, s *session, change func(by string) error) error {
	if e := env.engine; e != nil && e.Workspace() == s.ws.ID {
		return e.ChangeTeam(change)
	}
	return change(s.operator(env))
}

// memberName sanitises a member's name where it enters and refuses one that
// is empty once cleaned.
func memberName(raw string) (string, error) {
	name := strings.TrimSpace(connectors.Sanitize(raw))
	if name == "" || len([]rune(name)) > 64 {
		return "", usageError{localized(func(m *i18n.Messages) string { return m.InvalidMemberName1Fmt }, quote(raw))}
	}
	return name, nil
}

// maxKeyFile bounds what is read of a public key file (one key is < 1 KiB;
// an RSA 16384 key about 3 KiB).
const maxKeyFile = 16 << 10

// readPublicKey reads an SSH public key in authorized_keys format (the .pub
// file ssh-keygen writes). A private key is refused without being parsed:
// the server only ever needs the public half.
func readPublicKey(env *appEnv, path string) (gossh.PublicKey, error) {
	b, err := readInput(env, path, maxKeyFile)
	if err != nil {
		return nil, err
	}
	if bytes.Contains(b, []byte("PRIVATE KEY")) {
		return nil, localized(func(m *i18n.Messages) string { return m.IsAPrivateKeyFmt }, path)
	}
	pub, _, _, _, err := gossh.ParseAuthorizedKey(b)
	if err != nil {
		return nil, localized(func(m *i18n.Messages) string { return m.NotAReadableSSHFmt }, path)
	}
	return pub, nil
}

// readClientList reads one client id (or SIREN) per line; blank lines and
// lines starting with # are skipped. Each id is sanitised.
func readClientList(env *appEnv, path string) ([]string, error) {
	b, err := readInput(env, path, 4<<20)
	if err != nil {
		return nil, err
	}
	return parseClientList(b, path)
}

// parseClientList reads the lines of a client list file (path names it in
// errors).
func parseClientList(b []byte, path string) ([]string, error) {
	var ids []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), 4096)
	for line := 1; sc.Scan(); line++ {
		t := strings.TrimSpace(connectors.Sanitize(sc.Text()))
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if strings.ContainsAny(t, " \t;,") {
			return nil, localized(func(m *i18n.Messages) string { return m.LineOneClientIdFmt }, path, line, t)
		}
		ids = append(ids, t)
	}
	if err := sc.Err(); err != nil {
		return nil, localized(func(m *i18n.Messages) string { return m.LineTooLongOrFmt }, path)
	}
	return ids, nil
}

// readInput reads a small file, or standard input for "-" (how an admin
// connected to "bascule serve" hands over a key or a list).
func readInput(env *appEnv, path string, limit int64) ([]byte, error) {
	if path != "-" {
		return readSmallFile(path, limit)
	}
	b, err := io.ReadAll(io.LimitReader(env.stdin, limit+1))
	if err != nil || int64(len(b)) > limit {
		return nil, localized(func(m *i18n.Messages) string { return m.StandardInputUnreadableOrFmt }, limit)
	}
	return b, nil
}

// readSmallFile reads at most limit bytes of path, and refuses a larger file.
func readSmallFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fileError(path, err)
	}
	if int64(len(b)) > limit {
		return nil, localized(func(m *i18n.Messages) string { return m.FileTooLargeOverFmt }, connectors.Sanitize(path), limit)
	}
	return b, nil
}

// clientIDs turns ids or SIRENs into the run's client ids; an unknown one
// is an error naming it.
func clientIDs(s *session, keys []string) ([]string, error) {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		k = strings.TrimSpace(connectors.Sanitize(k))
		i, err := findClient(s.run, k)
		if err != nil {
			return nil, err
		}
		out = append(out, s.run.Clients[i].ID)
	}
	return out, nil
}

// teamStatus is the per-person figures "bascule status" shows, through the
// engine's TeamSection (the same as the reports); nil when the workspace
// has no team or the person may not read the firm's progress.
func teamStatus(env *appEnv, s *session) (*checklist.TeamFigures, error) {
	eng, err := s.engine(env, engine.Ports{})
	if err != nil {
		return nil, err
	}
	f, _, err := eng.TeamSection(s.ws.CreatedAt)
	return f, err
}

// printTeamStatus writes the team's lines of "bascule status", in plain
// text like the rest.
func printTeamStatus(env *appEnv, f *checklist.TeamFigures) {
	if f == nil {
		return
	}
	w := env.stdout
	fmt.Fprintln(w, i18n.Of(env.lang).TeamOpenWorkBascules)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	line := func(name string, pr checklist.PortfolioProgress, finish string) {
		left := pr.Left.Text(env.lang)
		if left == "" {
			left = "—"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", name, checklist.FormatInt(env.lang, pr.ClientsDone)+"/"+
			env.count(pr.Clients, i18n.Of(env.lang).ClientsFinishedNoun), left, finish)
	}
	for _, p := range f.People {
		finish := p.Finish.Text(env.lang)
		if p.Progress.Clients == 0 {
			finish = i18n.Of(env.lang).NoClient
		}
		line(p.Person+" ("+p.Role+")", p.Progress, finish)
	}
	if f.Unassigned.Clients > 0 {
		line(i18n.Of(env.lang).Unassigned, f.Unassigned, "—")
	}
	line(i18n.Of(env.lang).FirmEveryone, f.Cabinet.Progress, f.Cabinet.Finish.Text(env.lang))
	_ = tw.Flush()
	fmt.Fprintln(w, "  "+checklist.PaceMethod().In(env.lang))
}
