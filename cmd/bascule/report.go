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
	"github.com/bascule-cli/bascule/store"
)

func newReportCommand(env *appEnv) *cobra.Command {
	var formatFlag, out, sinceFlag string
	var reveal bool
	c := &cobra.Command{
		Use:   "report",
		Short: "Rapport de migration : synthèse §4 du cabinet et de chaque client, blocages, dérogations, journal",
		Long: "Écrit le rapport de fin de séance : la synthèse du guide (§4) pour le cabinet et pour\n" +
			"chaque client, la progression, ce qui bloque la demande de migration, les dérogations\n" +
			"avec leur motif et le journal des changements depuis --since.\n" +
			"Formats : md (Markdown), html (un seul fichier autonome, imprimable en A4),\n" +
			"csv (UTF-8 avec BOM et « ; », pour Excel en français) et json.\n" +
			"Les IBAN sont masqués sauf avec --reveal. Le fichier est créé en 0600.",
		Example: "  bascule report --demo --format html -o rapport.html\n" +
			"  bascule report --format csv -o synthese.csv --since 2026-03-02\n" +
			"  bascule report --format md --since 3h",
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
			if !ok {
				return usageError{localized("--format attend md, html, csv ou json, reçu "+quote(formatFlag),
					"--format expects md, html, csv or json, got "+quote(formatFlag))}
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
			events, err := s.db.Events(s.ws.ID, since)
			if err != nil {
				return err
			}
			ibans, err := notedIBANs(s)
			if err != nil {
				return err
			}
			r := report.Build(report.Input{
				Run: s.run,
				Cabinet: report.Cabinet{Name: s.ws.Cabinet.LegalName, SIREN: s.ws.Cabinet.SIREN,
					ManagerEmail: s.ws.Cabinet.ManagerEmail, Operator: s.ws.Operator},
				Workspace: s.ws.ID,
				Demo:      s.ws.Demo,
				Entries:   entriesOf(events),
				Since:     since,
				IBANs:     ibans,
				Now:       env.now(),
				Lang:      env.lang,
				Reveal:    reveal,
			})
			if out == "" || out == "-" {
				return report.Write(env.stdout, f, r)
			}
			return writeFileAtomic(out, func(w io.Writer) error { return report.Write(w, f, r) })
		},
	}
	stringFlag(c, &formatFlag, "format", "md", "format : md, html, csv ou json")
	stringFlagP(c, &out, "output", "o", "", "fichier à écrire (sinon la sortie standard)")
	stringFlag(c, &sinceFlag, "since", "", "journal depuis : date (2026-03-02, 02/03/2026), date-heure RFC 3339 ou durée (3h)")
	c.Flags().BoolVar(&reveal, "reveal", false, "afficher les IBAN en entier (document confidentiel)")
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
	return time.Time{}, usageError{localized("--since : date, date-heure ou durée illisible : "+quote(s),
		"--since: unreadable date, date-time or duration: "+quote(s))}
}

// entriesOf converts audit events into the report's entries.
func entriesOf(events []store.Event) []report.Entry {
	out := make([]report.Entry, 0, len(events))
	for _, e := range events {
		out = append(out, report.Entry{At: e.At, By: e.Who, Client: e.Ref.Client, Step: e.Ref.Step,
			Action: e.Action, From: e.From, To: e.To, Note: e.Detail})
	}
	return out
}

// notedIBANs reads the external IBANs noted for each payment client before
// the switch (§2), which the report lists for re-entry (§3.4 item 4).
func notedIBANs(s *session) (map[string][]string, error) {
	out := map[string][]string{}
	for _, c := range s.run.Clients {
		if !c.Payment {
			continue
		}
		st, err := s.db.StepState(s.ws.ID, checklist.Ref{Step: "preparation.payment.external_accounts", Client: c.ID})
		if err != nil {
			return nil, err
		}
		if st.Capture == nil {
			continue
		}
		for _, it := range st.Capture.Items {
			if v := it["iban"]; v != "" {
				out[c.ID] = append(out[c.ID], v)
			}
		}
	}
	return out, nil
}
