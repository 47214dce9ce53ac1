package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors/files"
	"github.com/bascule-cli/bascule/tui/i18n"
)

func newClientsCommand(env *appEnv) *cobra.Command {
	return groupCommand("clients", "Dossiers et fichiers clients : mise à jour depuis V1, export V1 vers import V2 (§3.4)", newConvertCommand(env), newRefreshCommand(env))
}

func newConvertCommand(env *appEnv) *cobra.Command {
	var from, to string
	var maxRows int
	var maps []string
	var includeActive bool
	c := &cobra.Command{
		Use:   "convert --from V1_EXPORT --to V2_IMPORT",
		Short: "Adapter l'export des clients inactifs de V1 au fichier d'import de V2",
		Long: "Lit l'export des clients de V1 (CSV tel qu'Excel l'écrit, ou .xlsx), vérifie chaque\n" +
			"ligne (SIREN, TVA, IBAN, e-mail, colonnes obligatoires) et écrit le fichier d'import\n" +
			"de V2, en .xlsx ou en .csv selon l'extension de --to. Les lignes en erreur sont\n" +
			"listées sur la sortie d'erreur (ligne, colonne, message) et laissées de côté ; les\n" +
			"bonnes sont écrites. Au-delà de --max-rows lignes, plusieurs fichiers sont écrits.\n" +
			checklist.ImportRowsNote().In(checklist.French) + "\n" +
			"Une colonne unique « Nom du contact » est découpée en prénom et nom. Code de sortie 1 si des lignes ont été rejetées ou s'il n'y en a aucune.\n" +
			"Les clients actifs sont ignorés (V2 les migre lui-même), sauf --include-active.",
		Example: "  bascule clients convert --from export-v1.csv --to import-v2.xlsx\n" +
			"  bascule clients convert --from export.xlsx --to import.csv --map \"N° SIREN=siren\" --max-rows 200",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if from == "" || to == "" {
				return usageError{localized(func(m *i18n.Messages) string { return m.FromAndToAre })}
			}
			mapping := map[string]string{}
			for _, m := range maps {
				col, field, ok := strings.Cut(m, "=")
				if !ok || strings.TrimSpace(col) == "" || strings.TrimSpace(field) == "" {
					return usageError{localized(func(t *i18n.Messages) string { return t.MapExpectsCOLUMNFIELDFmt }, quote(m))}
				}
				mapping[strings.TrimSpace(col)] = strings.TrimSpace(field)
			}
			if maxRows < 0 {
				return usageError{localized(func(m *i18n.Messages) string { return m.MaxRowsMustBe })}
			}
			if st, err := os.Stat(to); err != nil || !st.IsDir() {
				if !strings.HasSuffix(to, string(os.PathSeparator)) {
					if _, err := files.FormatFromName(to); err != nil {
						return usageError{localized(func(m *i18n.Messages) string { return m.ToXlsxOrCsvFmt }, quote(to))}
					}
				}
			}
			in, err := files.OpenFile(from)
			if err != nil {
				return err
			}
			defer in.Close()
			res, err := files.Convert(in, from, files.ConvertOptions{ReadOptions: files.ReadOptions{Mapping: mapping}, IncludeActive: includeActive})
			if err != nil {
				var fe *files.Error
				if errors.As(err, &fe) && fe.Code == files.CodeBadMapping {
					return usageError{err}
				}
				// Which file: --from, not the --to the user may think of.
				return files.InFile(from, err)
			}
			for _, e := range res.Errors {
				fmt.Fprintln(env.stderr, env.rowError(e))
			}
			var paths []string
			if len(res.Clients) > 0 {
				paths, err = files.WriteFiles(to, 0, res.Clients, maxRows)
				var rej *files.RejectedError
				if errors.As(err, &rej) {
					for _, e := range rej.Rows {
						fmt.Fprintln(env.stderr, env.rowError(e))
					}
					res.Summary.Rejected += files.RejectedRows(rej.Rows)
					res.Summary.Written -= files.RejectedRows(rej.Rows)
				} else if err != nil {
					return err
				}
			}
			sm := res.Summary
			fmt.Fprintf(env.stderr, i18n.Of(env.lang).PercentColonCommaFmt,
				env.count(sm.Read, i18n.Of(env.lang).RowsReadNoun), env.count(sm.Written, i18n.Of(env.lang).WrittenRowsNoun),
				env.count(sm.Rejected, i18n.Of(env.lang).RejectedRowsNoun), env.count(sm.Skipped, i18n.Of(env.lang).ActiveClientsSkippedNoun))
			if sm.SplitNames > 0 {
				fmt.Fprintf(env.stderr, i18n.Of(env.lang).ColumnIntoFirstAndFmt,
					sm.NameColumn, env.count(sm.SplitNames, i18n.Of(env.lang).FullNamesSplitNoun))
			}
			if len(res.Unmapped) > 0 {
				fmt.Fprintf(env.stderr, i18n.Of(env.lang).ColumnsNotUsedFmt, strings.Join(res.Unmapped, ", "))
			}
			for _, p := range paths {
				fmt.Fprintln(env.stdout, p)
			}
			if sm.Rejected > 0 {
				return silentError{code: exitFailure}
			}
			return nil
		},
	}
	stringFlag(c, &from, "from", "", "export des clients de V1 (.csv ou .xlsx)")
	stringFlag(c, &to, "to", "", "fichier d'import V2 à écrire (.xlsx ou .csv), ou un dossier")
	c.Flags().IntVar(&maxRows, "max-rows", files.ImportMaxRows, "lignes par fichier d'import au plus")
	c.Flags().StringArrayVar(&maps, "map", nil, "associer une colonne à un champ : COLONNE=CHAMP (répétable)")
	c.Flags().BoolVar(&includeActive, "include-active", false, "garder aussi les clients actifs")
	_ = c.RegisterFlagCompletionFunc("from", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"csv", "xlsx"}, cobra.ShellCompDirectiveFilterFileExt
	})
	return c
}
