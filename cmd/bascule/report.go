package main

import (
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/report"
	"github.com/bascule-cli/bascule/checklist/workdays"
	"github.com/bascule-cli/bascule/tui/i18n"
	engine "github.com/bascule-cli/bascule/tui/session"
)

func newReportCommand(env *appEnv) *cobra.Command {
	var formatFlag, out, sinceFlag, fichesFlag string
	var reveal bool
	c := &cobra.Command{
		Use:   "report",
		Short: "Rapport de migration : synthèse §4 du cabinet et de chaque client, blocages, dérogations, journal",
		Long: "Écrit le rapport de fin de séance : la synthèse du guide (§4) pour le cabinet et pour\n" +
			"chaque client, la progression, ce qui bloque la demande de migration, les dérogations\n" +
			"avec leur motif et le journal des changements depuis --since.\n" +
			"Formats : md (Markdown), html (un seul fichier autonome, imprimable en A4),\n" +
			"csv (UTF-8 avec BOM et « ; », pour Excel en français) et json.\n" +
			"Chaque format porte les notes, motifs et saisies de chaque étape (cabinet et clients).\n" +
			"Le rapport HTML du cabinet tient en quelques pages quel que soit le nombre de clients ;\n" +
			"--fiches écrit à la place la fiche de migration de chaque client choisi (une page A4\n" +
			"par client, à remettre au client) : --fiches all, ou des identifiants ou SIREN séparés\n" +
			"par des virgules. --fiches implique le format html.\n" +
			"Les IBAN sont masqués sauf avec --reveal. Le fichier est créé en 0600.",
		Example: "  bascule report --demo --format html -o rapport.html\n" +
			"  bascule report --format csv -o synthese.csv --since 2026-03-02\n" +
			"  bascule report --format md --since 3h\n" +
			"  bascule report --demo --fiches all -o fiches.html\n" +
			"  bascule report --demo --fiches c0001,552008443 -o fiches.html",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, ok := report.ParseFormat(formatFlag)
			if !cmd.Flags().Changed("format") && out != "" {
				if ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), "."); ext != "" {
					if g, ok2 := report.ParseFormat(ext); ok2 {
						f, ok = g, true
					}
				}
			}
			if fichesFlag != "" {
				if cmd.Flags().Changed("format") && f != report.HTML {
					return usageError{localized(func(m *i18n.Messages) string { return m.FichesIsWrittenAsFmt }, quote(formatFlag))}
				}
				f, ok = report.HTML, true
			}
			if !ok {
				return usageError{localized(func(m *i18n.Messages) string { return m.FormatExpectsMdHtmlFmt }, quote(formatFlag))}
			}
			since, err := parseSince(sinceFlag, env.now())
			if err != nil {
				return err
			}
			s, err := env.openSession()
			if err != nil {
				return err
			}
			defer s.Close()
			ids, err := fichesIDs(s, fichesFlag)
			if err != nil {
				return err
			}
			eng, err := s.engine(env, engine.Ports{})
			if err != nil {
				return err
			}
			r, err := eng.Report(engine.ReportRequest{Workspace: s.ws, Since: since, ReadEvents: true, Reveal: reveal})
			if err != nil {
				return err
			}
			write := func(w io.Writer) error {
				if fichesFlag != "" {
					return report.WriteFiches(w, r, ids)
				}
				return report.Write(w, f, r)
			}
			if out == "" || out == "-" {
				return write(env.stdout)
			}
			return writeFileAtomic(out, write)
		},
	}
	stringFlag(c, &formatFlag, "format", "md", "format : md, html, csv ou json")
	stringFlagP(c, &out, "output", "o", "", "fichier à écrire (sinon la sortie standard)")
	stringFlag(c, &sinceFlag, "since", "", "journal depuis : date (2026-03-02, 02/03/2026), date-heure RFC 3339 ou durée (3h)")
	c.Flags().BoolVar(&reveal, "reveal", false, "afficher les IBAN en entier (document confidentiel)")
	stringFlag(c, &fichesFlag, "fiches", "", "fiches de migration par client (html) : all, ou identifiants / SIREN séparés par des virgules")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"md", "html", "csv", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

// parseSince reads --since: a duration back from now ("3h", "90m"), an ISO or
// French date (midnight, Paris time) or an RFC 3339 instant.
func parseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return now.Add(-d), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := checklist.ParseDate(s); err == nil {
		y, m, d := t.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, workdays.Paris()), nil
	}
	return time.Time{}, usageError{localized(func(m *i18n.Messages) string { return m.SinceUnreadableDateDateFmt }, quote(s))}
}

// fichesIDs reads --fiches: "all" (every client, nil), or client ids or
// SIRENs separated by commas, resolved to ids.
func fichesIDs(s *session, flag string) ([]string, error) {
	flag = strings.TrimSpace(flag)
	if flag == "" || strings.EqualFold(flag, "all") || strings.EqualFold(flag, "tous") {
		return nil, nil
	}
	var ids []string
	for _, k := range strings.Split(flag, ",") {
		if k = strings.TrimSpace(k); k == "" {
			continue
		}
		ci, err := findClient(s.run, k)
		if err != nil {
			return nil, err
		}
		ids = append(ids, s.run.Clients[ci].ID)
	}
	if len(ids) == 0 {
		return nil, usageError{localized(func(m *i18n.Messages) string { return m.FichesExpectsAllOr })}
	}
	return ids, nil
}
