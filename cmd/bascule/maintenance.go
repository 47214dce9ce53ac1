package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui/i18n"
)

func newExportCommand(env *appEnv) *cobra.Command {
	var out string
	var withSecrets bool
	c := &cobra.Command{
		Use:   "export [-o FICHIER]",
		Short: "Exporter un espace de travail dans un fichier JSON (passage de relais)",
		Long: "Écrit tout l'espace de travail (cabinet, dossiers, étapes, saisies, preuves, journal)\n" +
			"dans un fichier JSON à importer sur un autre poste avec « bascule import ».\n" +
			"Les identifiants chiffrés n'y sont pas, sauf --with-secrets (ils restent chiffrés).\n" +
			"Le fichier est créé en 0600 : il contient des données personnelles.",
		Example: "  bascule export --workspace martin -o martin.bascule.json\n" +
			"  bascule export --demo --with-secrets -o demo.json",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := env.openDB()
			if err != nil {
				return err
			}
			defer db.Close()
			ws, err := env.workspace(db)
			if err != nil {
				return err
			}
			write := func(w io.Writer) error { return db.Export(ws.ID, w, withSecrets) }
			if out == "" || out == "-" {
				return write(env.stdout)
			}
			if err := writeFileAtomic(out, write); err != nil {
				return err
			}
			fmt.Fprintf(env.stderr, i18n.Of(env.lang).WorkspaceExportedToFmt, ws.ID, out)
			return nil
		},
	}
	stringFlagP(c, &out, "output", "o", "", "fichier à écrire (sinon la sortie standard)")
	c.Flags().BoolVar(&withSecrets, "with-secrets", false, "inclure les identifiants (toujours chiffrés)")
	return c
}

func newImportCommand(env *appEnv) *cobra.Command {
	var replace, dropSecrets bool
	var renameTo string
	c := &cobra.Command{
		Use:   "import FICHIER",
		Short: "Importer un espace de travail exporté par « bascule export »",
		Long: "Lit un fichier écrit par « bascule export » dans la base de ce poste. Un espace de\n" +
			"travail du même identifiant n'est jamais écrasé sans --replace ; --rename-to l'importe\n" +
			"sous un autre identifiant. « - » lit l'entrée standard.\n" +
			"Tout est vérifié avant d'écrire (schéma, identifiants, tailles, au plus 12 000 clients),\n" +
			"puis écrit d'un bloc : Ctrl-C n'écrit rien. --replace garde les identifiants chiffrés\n" +
			"de l'espace remplacé si le fichier n'en contient pas, sauf --drop-secrets.",
		Example: "  bascule import martin.bascule.json\n" +
			"  bascule import martin.bascule.json --rename-to martin-copie",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if replace && renameTo != "" {
				return usageError{localized(func(m *i18n.Messages) string { return m.ReplaceAndRenameTo })}
			}
			if dropSecrets && !replace {
				return usageError{localized(func(m *i18n.Messages) string { return m.DropSecretsOnlyGoes })}
			}
			var in io.Reader = env.stdin
			if args[0] != "-" {
				f, err := os.Open(args[0])
				if err != nil {
					return localized(func(m *i18n.Messages) string { return m.ImportCannotOpenTheFmt }, args[0])
				}
				defer f.Close()
				in = f
			}
			db, err := env.openDB()
			if err != nil {
				return err
			}
			defer db.Close()
			// store does not import connectors: the sanitiser is handed in,
			// and store applies it to every string of the file.
			id, err := db.ImportContext(cmd.Context(), in, store.ImportOptions{Replace: replace, RenameTo: renameTo,
				DropSecrets: dropSecrets, Clean: connectors.Sanitize, CleanText: connectors.SanitizeMultiline})
			if err != nil {
				if errors.Is(err, store.ErrExists) {
					return localized(func(m *i18n.Messages) string { return m.UseReplaceOrRenameFmt }, err)
				}
				return err
			}
			fmt.Fprintln(env.stdout, id)
			return nil
		},
	}
	c.Flags().BoolVar(&replace, "replace", false, "remplacer l'espace de même identifiant")
	stringFlag(c, &renameTo, "rename-to", "", "importer sous cet identifiant")
	c.Flags().BoolVar(&dropSecrets, "drop-secrets", false, "avec --replace : ne pas garder les identifiants chiffrés de l'espace remplacé")
	return c
}

func newBackupCommand(env *appEnv) *cobra.Command {
	return &cobra.Command{
		Use:   "backup",
		Short: "Sauvegarder la base maintenant (les 5 dernières sauvegardes sont gardées)",
		Long: "Copie la base à côté d'elle, relit la copie en entier, puis ne garde que les 5 dernières.\n" +
			"Refusé, sans rien remplacer, si la copie ne se relit pas ou si la base est vide alors\n" +
			"qu'une sauvegarde contient des données.",
		Example: "  bascule backup\n  bascule backup --db ~/cabinet.db",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := env.openDB()
			if err != nil {
				return err
			}
			defer db.Close()
			path, err := db.Backup()
			if err != nil {
				return err
			}
			fmt.Fprintln(env.stdout, path)
			return nil
		},
	}
}

func newRestoreCommand(env *appEnv) *cobra.Command {
	return &cobra.Command{
		Use:   "restore [SAUVEGARDE]",
		Short: "Restaurer la base depuis une sauvegarde (la plus récente par défaut)",
		Long: "Remplace la base par une sauvegarde, vérifiée d'abord. Sans argument, la plus récente\n" +
			"qui se relit entièrement et contient des données (voir « bascule doctor »).\n" +
			"La base remplacée est gardée à côté (.replaced-…).\n" +
			"Refusé tant qu'un autre processus bascule utilise la base.",
		Example: "  bascule restore\n  bascule restore ~/.local/share/bascule/bascule.db.backup-20260302T101500Z",
		Args:    maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			backup := ""
			if len(args) == 1 {
				backup = args[0]
			} else {
				good, ok := store.GoodBackup(env.dbPath)
				if !ok {
					return localized(func(m *i18n.Messages) string { return m.NoReadableBackupOfFmt }, env.dbPath)
				}
				backup = good.Path
			}
			if err := store.Restore(env.dbPath, backup); err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, i18n.Of(env.lang).DatabaseRestoredFromFmt, backup)
			return nil
		},
	}
}

func newDoctorCommand(env *appEnv) *cobra.Command {
	return &cobra.Command{
		Use:     "doctor",
		Short:   "Vérifier la base et lister les sauvegardes",
		Example: "  bascule doctor\n  bascule doctor --db ./copie.db",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			w := env.stdout
			fmt.Fprintf(w, "%s %s\n", i18n.Of(env.lang).Database, env.dbPath)
			backups, berr := store.Backups(env.dbPath)
			printBackups := func() {
				if berr != nil {
					fmt.Fprintf(w, "%s %s\n", i18n.Of(env.lang).BackupsUnreadable, env.errText(berr))
					return
				}
				if len(backups) == 0 {
					fmt.Fprintln(w, i18n.Of(env.lang).BackupsNone)
					return
				}
				fmt.Fprintf(w, "%s (%s, %s)\n", i18n.Of(env.lang).Backups, checklist.FormatInt(env.lang, len(backups)), checklist.ZoneName().In(env.lang))
				for _, b := range backups {
					fmt.Fprintf(w, "  %s  %s  %s %s\n", b.At.In(checklist.Paris()).Format(i18n.Of(env.lang).N2006010215), b.Path,
						checklist.FormatInt(env.lang, int(b.Size)), i18n.Of(env.lang).Bytes)
				}
			}
			if _, err := os.Stat(env.dbPath); errors.Is(err, os.ErrNotExist) {
				// Not opened: that would create it.
				if good, ok := store.GoodBackup(env.dbPath); ok && good.HasData {
					fmt.Fprintf(w, i18n.Of(env.lang).StateMISSINGTheDatabaseFmt, good.Path)
					printBackups()
					return silentError{code: exitFailure}
				}
				fmt.Fprintln(w, i18n.Of(env.lang).StateTheDatabaseDoes)
				printBackups()
				return nil
			}
			db, err := env.openDB()
			if err != nil {
				label := i18n.Of(env.lang).StateERROR
				if errors.Is(err, store.ErrDamaged) {
					label = i18n.Of(env.lang).StateDAMAGED
				}
				fmt.Fprintf(w, "%s %s\n", label, env.errText(err))
				printBackups()
				return silentError{code: exitCodeOf(err)}
			}
			defer db.Close()
			if page, ok := db.Recovered(); ok {
				fmt.Fprintf(w, i18n.Of(env.lang).RepairedHeaderPageWasFmt, page)
			}
			// Every page, then every record decoded.
			if err := db.Verify(); err != nil {
				fmt.Fprintf(w, "%s %s\n", i18n.Of(env.lang).StateDAMAGED, env.errText(err))
				printBackups()
				return silentError{code: exitFailure}
			}
			v, _ := db.SchemaVersion()
			fmt.Fprintf(w, "%s %d)\n", i18n.Of(env.lang).StateGoodSchema, v)
			wss, err := db.Workspaces()
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "%s (%d)\n", i18n.Of(env.lang).Workspaces, len(wss))
			for _, ws := range wss {
				fmt.Fprintf(w, "  %s  %s  %s\n", ws.ID, ws.Cabinet.LegalName, ident.FormatSIREN(ws.Cabinet.SIREN))
			}
			printBackups()
			return nil
		},
	}
}

// exitCodeOf is the exit code an error would give on its own.
func exitCodeOf(err error) int {
	if errors.Is(err, store.ErrInUse) {
		return exitDBInUse
	}
	return exitFailure
}

func newPurgeCommand(env *appEnv) *cobra.Command {
	var client string
	var yes bool
	c := &cobra.Command{
		Use:   "purge",
		Short: "Effacer un espace de travail, ou les données personnelles d'un client",
		Long: "Sans --client, efface tout l'espace de travail. Avec --client, efface les données\n" +
			"personnelles de ce client (utilisateurs, e-mails, IBAN, notes) en gardant les statuts.\n" +
			"Le fichier est ensuite compacté et les sauvegardes réécrites : les octets disparaissent.\n" +
			"Confirmation : tapez le SIREN (du cabinet, ou du client) sur l'entrée standard, ou --yes.",
		Example: "  bascule purge --workspace martin\n" +
			"  bascule purge --workspace martin --client c0007 --yes",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := env.openSession()
			if err != nil {
				return err
			}
			defer s.Close()
			what, want := i18n.Of(env.lang).Workspace2+s.ws.ID+" ("+s.ws.Cabinet.LegalName+")", s.ws.Cabinet.SIREN
			clientID := ""
			if client != "" {
				ci, err := findClient(s.run, client)
				if err != nil {
					return err
				}
				c := s.run.Clients[ci]
				clientID = c.ID
				what, want = i18n.Of(env.lang).ThePersonalDataOf+c.Name+" ("+c.ID+")", c.SIREN
			}
			if want == "" {
				want = s.ws.ID
				if clientID != "" {
					want = clientID
				}
			}
			if !yes {
				fmt.Fprintf(env.stderr, i18n.Of(env.lang).EraseForGoodTypeFmt,
					what, ident.FormatSIREN(want))
				line, err := bufio.NewReader(env.stdin).ReadString('\n')
				if err != nil && line == "" {
					return localized(func(m *i18n.Messages) string { return m.NoConfirmationNothingWas })
				}
				typed := strings.NewReplacer(" ", "", ".", "", "\u00a0", "").Replace(strings.TrimSpace(line))
				if typed != strings.ReplaceAll(want, " ", "") {
					return localized(func(m *i18n.Messages) string { return m.WrongConfirmationNothingWas })
				}
			}
			if clientID != "" {
				err = s.db.PurgeClientPersonalData(s.ws.ID, clientID)
			} else {
				err = s.db.PurgeWorkspace(s.ws.ID)
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, i18n.Of(env.lang).ErasedFmt, what)
			return nil
		},
	}
	stringFlag(c, &client, "client", "", "n'effacer que les données personnelles de ce client (identifiant ou SIREN)")
	c.Flags().BoolVar(&yes, "yes", false, "ne pas demander de confirmation (scripts)")
	return c
}
