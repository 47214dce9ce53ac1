package main

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/report"
	"github.com/bascule-cli/bascule/checklist/workdays"
	"github.com/bascule-cli/bascule/tui/i18n"
	engine "github.com/bascule-cli/bascule/tui/session"
)

func newStepCommand(env *appEnv) *cobra.Command {
	return groupCommand("step", "Lister les étapes du guide ou changer le statut d'une étape (pour les scripts)",
		newStepListCommand(env), newStepSetCommand(env))
}

// stepJSON is one step of step list --json. Status is the step's status for
// the cabinet or the given client; across clients it is the overall state
// and Counts says how many clients stand where. For the cabinet's steps and
// with --client, the record follows: reason, note, who and when, the
// evidence and the captured values (IBANs masked unless --reveal).
type stepJSON struct {
	ID         string               `json:"id"`
	Phase      string               `json:"phase"`
	Scope      string               `json:"scope"`
	Section    string               `json:"section"`
	Title      string               `json:"title"`
	Kind       string               `json:"kind"`
	Status     string               `json:"status"`
	Client     string               `json:"client,omitempty"`
	Applicable *int                 `json:"applicable,omitempty"`
	Counts     map[string]int       `json:"counts,omitempty"`
	Reason     string               `json:"reason,omitempty"`
	Note       string               `json:"note,omitempty"`
	By         string               `json:"by,omitempty"`
	At         *time.Time           `json:"at,omitempty"`
	Evidence   *report.EvidenceView `json:"evidence,omitempty"`
	Captured   *report.Captured     `json:"captured,omitempty"`
	// Items are what the step goes through item by item: for the control
	// step, the guide's two §3.3 lists (5 migrated, 8 not).
	Items []checklist.ControlItem `json:"items,omitempty"`
}

func newStepListCommand(env *appEnv) *cobra.Command {
	var scopeFlag, clientFlag string
	var asJSON, reveal bool
	c := &cobra.Command{
		Use:   "list",
		Short: "Toutes les étapes avec leur identifiant, phase, périmètre, section du guide et statut",
		Example: "  bascule step list --demo\n" +
			"  bascule step list --demo --scope client --client c0001 --json",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var scope *checklist.Scope
			if scopeFlag != "" {
				sc, ok := checklist.ParseScope(scopeFlag)
				if !ok {
					return usageError{localized(func(m *i18n.Messages) string { return m.ScopeExpectsCabinetClientFmt }, quote(scopeFlag))}
				}
				scope = &sc
			}
			s, err := env.openSession()
			if err != nil {
				return err
			}
			defer s.Close()
			ci := -1
			if clientFlag != "" {
				if ci, err = findClient(s.run, clientFlag); err != nil {
					return err
				}
			}
			var rows []stepJSON
			for i := range s.run.Guide.Steps {
				st := &s.run.Guide.Steps[i]
				if scope != nil && st.Scope != *scope {
					continue
				}
				if ci >= 0 && st.Scope == checklist.ScopeCabinet && scope == nil {
					continue // --client alone lists that client's steps
				}
				row := stepRow(env, s.run, st, ci)
				if err := addRecord(env, s, st, &row, reveal); err != nil {
					return err
				}
				rows = append(rows, row)
			}
			if asJSON {
				if rows == nil {
					rows = []stepJSON{}
				}
				return writeJSON(env, rows)
			}
			tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, i18n.Of(env.lang).STEPPHASESCOPESTATUS)
			for _, r := range rows {
				title := r.Title
				if r.Reason != "" {
					title += i18n.Of(env.lang).Reason3 + r.Reason
				}
				if r.Note != "" {
					title += i18n.Of(env.lang).Note4 + r.Note
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Phase, r.Scope, r.Section, statusText(env, r), oneLine(title))
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			return printItems(env, rows)
		},
	}
	stringFlag(c, &scopeFlag, "scope", "", "ne lister que ce périmètre : cabinet, client ou payment")
	stringFlag(c, &clientFlag, "client", "", "statuts pour ce client (identifiant ou SIREN)")
	c.Flags().BoolVar(&asJSON, "json", false, "sortie JSON (clés anglaises snake_case)")
	c.Flags().BoolVar(&reveal, "reveal", false, "afficher les IBAN saisis en entier")
	_ = c.RegisterFlagCompletionFunc("scope", cobra.FixedCompletions([]string{"cabinet", "client", "payment"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func stepRow(env *appEnv, run *checklist.Run, st *checklist.Step, ci int) stepJSON {
	row := stepJSON{ID: st.ID, Phase: st.Phase.String(), Scope: st.Scope.String(), Section: st.Section,
		Title: st.Title.In(env.lang), Kind: st.Kind.String(), Items: run.Guide.ItemsOf(st.ID)}
	if st.Scope == checklist.ScopeCabinet {
		status, _ := run.Status(checklist.Ref{Step: st.ID})
		row.Status = status.String()
		return row
	}
	if ci >= 0 {
		c := run.Clients[ci]
		row.Client = c.ID
		if st.Scope == checklist.ScopePayment && !c.Payment {
			row.Status = checklist.StatusNotApplicable.String()
			return row
		}
		status, _ := run.Status(checklist.Ref{Step: st.ID, Client: c.ID})
		row.Status = status.String()
		return row
	}
	counts := map[string]int{}
	applicable := 0
	for i := range run.Clients {
		c := &run.Clients[i]
		if st.Scope == checklist.ScopePayment && !c.Payment {
			continue
		}
		status, err := run.Status(checklist.Ref{Step: st.ID, Client: c.ID})
		if err != nil {
			continue
		}
		applicable++
		counts[status.String()]++
	}
	row.Counts, row.Applicable = counts, &applicable
	resolved := counts[checklist.StatusDone.String()] + counts[checklist.StatusNotApplicable.String()]
	switch {
	case applicable == 0:
		row.Status = checklist.StatusNotApplicable.String()
	case resolved == applicable:
		row.Status = checklist.StatusDone.String()
	case counts[checklist.StatusBlocked.String()] > 0:
		row.Status = checklist.StatusBlocked.String()
	case counts[checklist.StatusTodo.String()] == applicable:
		row.Status = checklist.StatusTodo.String()
	default:
		row.Status = checklist.StatusInProgress.String()
	}
	return row
}

// addRecord adds to a row what was recorded on its step instance: the
// cabinet's, or the client's with --client. Rows counted across clients have
// no single record.
func addRecord(env *appEnv, s *session, st *checklist.Step, row *stepJSON, reveal bool) error {
	if row.Applicable != nil || row.Status == checklist.StatusNotApplicable.String() && row.Client != "" && st.Scope == checklist.ScopePayment {
		return nil
	}
	ref := checklist.Ref{Step: st.ID, Client: row.Client}
	state, err := s.db.StepState(s.ws.ID, ref)
	if err != nil {
		return err
	}
	rec := report.Record(env.guide, st, state, env.lang, workdays.Paris())
	if !reveal {
		report.MaskRecord(&rec)
	}
	row.Reason, row.Note, row.By, row.At, row.Evidence, row.Captured = rec.Reason, rec.Note, rec.By, rec.At, rec.Evidence, rec.Captured
	return nil
}

// oneLine keeps a tabular line on one line whatever a note holds.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func statusTitle(env *appEnv, id string) string {
	st, ok := checklist.ParseStatus(id)
	if !ok {
		return id
	}
	return st.Title().In(env.lang)
}

func statusText(env *appEnv, r stepJSON) string {
	if r.Applicable == nil {
		return statusTitle(env, r.Status)
	}
	return checklist.DoneCount{Done: r.Counts[checklist.StatusDone.String()], NotApplicable: r.Counts[checklist.StatusNotApplicable.String()],
		Blocked: r.Counts[checklist.StatusBlocked.String()], Total: *r.Applicable}.Text(env.lang)
}

// findClient finds a client by id, or by SIREN when exactly one matches.
func findClient(run *checklist.Run, key string) (int, error) {
	if i := run.ClientIndex(key); i >= 0 {
		return i, nil
	}
	digits := strings.NewReplacer(" ", "", ".", "").Replace(key)
	found := -1
	for i := range run.Clients {
		if run.Clients[i].SIREN == digits {
			if found >= 0 {
				return -1, usageError{localized(func(m *i18n.Messages) string { return m.SeveralClientsHaveSIRENFmt }, key)}
			}
			found = i
		}
	}
	if found < 0 {
		ids := make([]string, len(run.Clients))
		for i := range run.Clients {
			ids[i] = run.Clients[i].ID
		}
		if len(ids) == 0 {
			return -1, usageError{localized(func(m *i18n.Messages) string { return m.UnknownClientThisWorkspaceFmt }, quote(key))}
		}
		return -1, usageError{localized(func(m *i18n.Messages) string { return m.UnknownClientKnownFmt }, quote(key), knownList(ids))}
	}
	return found, nil
}

// findStep resolves STEP for SCOPE: the full id, or its last part(s) when
// that names one step of the scope ("pending_invoices").
func findStep(g *checklist.Guide, scope checklist.Scope, key string) (*checklist.Step, error) {
	if st, ok := g.Step(key); ok {
		if st.Scope != scope {
			return nil, usageError{localized(func(m *i18n.Messages) string { return m.StepBelongsToScopeFmt }, st.ID, st.Scope, scope)}
		}
		return st, nil
	}
	var match *checklist.Step
	for _, st := range g.StepsFor(scope) {
		if strings.HasSuffix(st.ID, "."+key) {
			if match != nil {
				return nil, usageError{localized(func(m *i18n.Messages) string { return m.AmbiguousStepGiveTheFmt }, quote(key))}
			}
			match = st
		}
	}
	if match == nil {
		return nil, usageError{localized(func(m *i18n.Messages) string { return m.UnknownStepForScopeFmt }, quote(key), scope.String())}
	}
	return match, nil
}

func newStepSetCommand(env *appEnv) *cobra.Command {
	var statusFlag, clientFlag, reason, note string
	c := &cobra.Command{
		Use:   "set SCOPE STEP --status S",
		Short: "Changer le statut d'une étape, avec les mêmes règles que l'assistant",
		Long: "Change le statut d'une étape pour le cabinet (SCOPE = cabinet) ou pour un client\n" +
			"(SCOPE = client ou payment, avec --client). STEP est l'identifiant de l'étape\n" +
			"(bascule step list) ou sa dernière partie. Statuts : todo, in_progress, done,\n" +
			"blocked et not_applicable (ces deux derniers demandent --reason).\n" +
			"Les barrières du guide s'appliquent : une étape refusée affiche ce qui bloque (code 1).",
		Example: "  bascule step set cabinet preparation.cabinet.collaborators --status done --demo\n" +
			"  bascule step set client pending_invoices --client c0003 --status blocked --reason \"client injoignable\"",
		Args: exactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			cleanArgs(args)
			scope, ok := checklist.ParseScope(args[0])
			if !ok {
				return usageError{localized(func(m *i18n.Messages) string { return m.SCOPEExpectsCabinetClientFmt }, quote(args[0]))}
			}
			status, ok := checklist.ParseStatus(statusFlag)
			if statusFlag == "" || !ok {
				return usageError{localized(func(m *i18n.Messages) string { return m.StatusExpectsTodoInFmt }, quote(statusFlag))}
			}
			if status.NeedsReason() && strings.TrimSpace(reason) == "" {
				return usageError{localized(func(m *i18n.Messages) string { return m.StatusNeedsAReasonFmt }, status.String())}
			}
			step, err := findStep(env.guide, scope, args[1])
			if err != nil {
				return err
			}
			if scope == checklist.ScopeCabinet && clientFlag != "" {
				return usageError{localized(func(m *i18n.Messages) string { return m.ClientDoesNotApply })}
			}
			if scope != checklist.ScopeCabinet && clientFlag == "" {
				return usageError{localized(func(m *i18n.Messages) string { return m.StepIsDonePerFmt }, step.ID)}
			}
			s, err := env.openSession()
			if err != nil {
				return err
			}
			defer s.Close()
			ref := checklist.Ref{Step: step.ID}
			if clientFlag != "" {
				ci, err := findClient(s.run, clientFlag)
				if err != nil {
					return err
				}
				ref.Client = s.run.Clients[ci].ID
			}
			eng, err := s.engine(env, engine.Ports{})
			if err != nil {
				return err
			}
			before, err := eng.Status(ref)
			if err != nil {
				return err
			}
			ch := checklist.StepChange{Ref: ref, Status: &status, Reason: strings.TrimSpace(reason)}
			if cmd.Flags().Changed("note") {
				ch.Note = &note
			}
			// A tick against the blockers or the latest check passes only
			// with --reason, recorded as an override (visible in reports).
			var latest *checklist.Evidence
			if rec, err := eng.StepState(ref); err == nil {
				latest = rec.Evidence
			}
			snap := eng.Snapshot()
			if err := snap.CheckChange(ref, status, ch.Reason, latest); err != nil {
				var ce *checklist.Error
				if !errors.As(err, &ce) || ce.Gate == "" || ch.Reason == "" {
					return explainGate(env, err)
				}
				if _, err := eng.AddOverride(ce.Gate, ch.Reason); err != nil {
					return err
				}
				fmt.Fprintln(env.stdout, i18n.Of(env.lang).OverrideRecorded2+snap.GateTitle(ce.Gate).In(env.lang))
			}
			if _, err := eng.Apply(ch); err != nil {
				return explainGate(env, err)
			}
			fmt.Fprintf(env.stdout, "%s%s%s → %s\n", refString(ref.Client, ref.Step), i18n.Of(env.lang).Colon, before.Title().In(env.lang), status.Title().In(env.lang))
			return nil
		},
	}
	stringFlag(c, &statusFlag, "status", "", "nouveau statut : todo, in_progress, done, blocked, not_applicable")
	stringFlag(c, &clientFlag, "client", "", "client concerné (identifiant ou SIREN), pour les étapes client et payment")
	textFlag(c, &reason, "reason", "motif (obligatoire pour blocked et not_applicable ; pour done, la raison d'une dérogation)")
	textFlag(c, &note, "note", "note libre enregistrée avec l'étape")
	_ = c.RegisterFlagCompletionFunc("status", cobra.FixedCompletions([]string{"todo", "in_progress", "done", "blocked", "not_applicable"}, cobra.ShellCompDirectiveNoFileComp))
	c.ValidArgsFunction = func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(args) == 0 {
			return []string{"cabinet", "client", "payment"}, cobra.ShellCompDirectiveNoFileComp
		}
		if len(args) == 1 {
			if sc, ok := checklist.ParseScope(args[0]); ok {
				var ids []string
				for _, st := range checklist.Default().StepsFor(sc) {
					ids = append(ids, st.ID)
				}
				return ids, cobra.ShellCompDirectiveNoFileComp
			}
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return c
}

// explainGate prints a refused transition the way the wizard shows it: the
// rule's message, then exactly what blocks (summarised when long).
func explainGate(env *appEnv, err error) error {
	var ce *checklist.Error
	if !errors.As(err, &ce) || (len(ce.Blockers) == 0 && ce.Gate == "") {
		return err
	}
	fmt.Fprintln(env.stderr, "bascule: "+ce.In(env.lang))
	if ce.Gate != "" {
		fmt.Fprintln(env.stderr, i18n.Of(env.lang).RunAgainWithReason)
	}
	const shown = 10
	for i, b := range ce.Blockers {
		if i == shown {
			n := len(ce.Blockers) - shown
			fmt.Fprintln(env.stderr, "  "+andOthers(n)(env.lang))
			break
		}
		fmt.Fprintln(env.stderr, "  - "+b.Message.In(env.lang))
	}
	return silentError{code: exitFailure}
}

// printItems lists, under the table, the items of the steps that have some
// (the §3.3 lists of the control step), one line per list.
func printItems(env *appEnv, rows []stepJSON) error {
	for _, r := range rows {
		var lists []string
		byList := map[string][]string{}
		for _, it := range r.Items {
			l := it.List.In(env.lang)
			if _, seen := byList[l]; !seen {
				lists = append(lists, l)
			}
			byList[l] = append(byList[l], it.Title.In(env.lang))
		}
		for _, l := range lists {
			src := ""
			for _, it := range r.Items {
				if it.List.In(env.lang) == l {
					src = it.Source.Label().In(env.lang)
					break
				}
			}
			if _, err := fmt.Fprintf(env.stdout, "%s — %s (%s)%s%s\n", r.ID, l, src, i18n.Of(env.lang).Colon, strings.Join(byList[l], i18n.Of(env.lang).Semicolon)); err != nil {
				return err
			}
		}
	}
	return nil
}
