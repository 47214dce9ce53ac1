package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/checklist/report"
	"github.com/bascule-cli/bascule/tui/i18n"
)

func newStatusCommand(env *appEnv) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "status",
		Short: "Où en est la migration : phases, progression, blocages, prochaine étape, échéance",
		Example: "  bascule status --demo\n" +
			"  bascule status --workspace martin --json",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := env.openSession()
			if err != nil {
				return err
			}
			defer s.Close()
			r := env.buildReport(s, nil, time.Time{}, false)
			team, err := teamStatus(env, s)
			if err != nil {
				return err
			}
			if asJSON {
				out := statusJSONOf(s, r)
				out.Team = team
				return writeJSON(env, out)
			}
			printStatus(env, s, r)
			printTeamStatus(env, team)
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "sortie JSON (clés anglaises snake_case)")
	return c
}

// buildReport builds the report of a session; status, report and the wizard
// all read the run through it so they say the same thing.
func (env *appEnv) buildReport(s *session, entries []report.Entry, since time.Time, reveal bool) report.Report {
	return report.Build(env.reportInput(s, entries, since, reveal))
}

// reportInput is the report's input for a session, without the step
// records (report.LoadStates reads them when the report needs them).
func (env *appEnv) reportInput(s *session, entries []report.Entry, since time.Time, reveal bool) report.Input {
	return report.Input{
		Run:       s.run,
		Cabinet:   report.CabinetOf(s.ws),
		Workspace: s.ws.ID,
		Demo:      s.ws.Demo,
		Entries:   entries,
		Since:     since,
		Now:       env.now(),
		Lang:      env.lang,
		Reveal:    reveal,
	}
}

type statusJSON struct {
	Workspace      string             `json:"workspace"`
	Cabinet        report.Cabinet     `json:"cabinet"`
	Demo           bool               `json:"demo"`
	Progress       report.Progress    `json:"progress"`
	Phases         []report.Progress  `json:"phases"`
	Blockers       []report.Blocker   `json:"blockers"`
	BlockerSummary []string           `json:"blocker_summary"`
	NextStep       *report.Next       `json:"next_step"`
	AnswerDue      *report.Due        `json:"answer_due"`
	Migrated       bool               `json:"migrated"`
	Overrides      []report.Override  `json:"overrides"`
	Request        *requestStatusJSON `json:"request,omitempty"`
	// Team is each person's figures and the cabinet's estimated finish,
	// when the workspace has a team (bascule serve).
	Team *checklist.TeamFigures `json:"team,omitempty"`
}

type requestStatusJSON struct {
	SubmittedAt time.Time `json:"submitted_at"`
	Reference   string    `json:"reference,omitempty"`
	State       string    `json:"state,omitempty"`
}

func statusJSONOf(s *session, r report.Report) statusJSON {
	out := statusJSON{
		Workspace: s.ws.ID, Cabinet: r.Cabinet, Demo: r.Demo, Progress: r.Overall, Phases: r.Phases,
		Blockers: r.Blockers, BlockerSummary: r.BlockerSummary, NextStep: r.Next, AnswerDue: r.Due,
		Migrated: s.run.Migrated(), Overrides: r.Overrides,
	}
	if rq := s.run.Request; !rq.SubmittedAt.IsZero() {
		out.Request = &requestStatusJSON{SubmittedAt: rq.SubmittedAt, Reference: rq.Reference, State: rq.State}
	}
	return out
}

func writeJSON(env *appEnv, v any) error {
	enc := json.NewEncoder(env.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// printStatus writes the dashboard's header in plain text: no colour, no
// escape sequence, so it pastes into an e-mail and reads on a screen reader.
func printStatus(env *appEnv, s *session, r report.Report) {
	w := env.stdout
	head := []string{"bascule", r.Cabinet.Name}
	if r.Cabinet.SIREN != "" {
		head = append(head, "SIREN "+ident.FormatSIREN(r.Cabinet.SIREN))
	}
	if r.Cabinet.Operator != "" {
		head = append(head, i18n.Of(env.lang).Operator+r.Cabinet.Operator)
	}
	if r.Demo {
		head = append(head, i18n.Of(env.lang).Demo2)
	}
	fmt.Fprintln(w, strings.Join(head, " · "))
	width := 0
	for _, p := range r.Phases {
		width = max(width, len([]rune(p.Title)))
	}
	blockedRequest := len(r.BlockerSummary) > 0
	for i, p := range r.Phases {
		title := p.Title + strings.Repeat(" ", width-len([]rune(p.Title)))
		line := fmt.Sprintf("  %d %s  ", i+1, title)
		switch {
		case !p.Open:
			line += fmt.Sprintf("%5s  %s", "—", i18n.Of(env.lang).OpensAfterTheMigration)
		default:
			line += fmt.Sprintf("%3d %%  %s/%s", p.Percent, checklist.FormatInt(env.lang, p.Done), checklist.FormatInt(env.lang, p.Total))
			if p.Left != "" {
				line += "  " + p.Left
			}
			if p.Blocked > 0 {
				line += "  " + env.count(p.Blocked, i18n.Of(env.lang).BlockedNoun)
			}
			if p.ID == checklist.PhaseRequest.String() && blockedRequest && !s.run.Migrated() {
				line += "  " + i18n.Of(env.lang).Blocked + r.BlockerSummary[0]
				if len(r.BlockerSummary) > 1 {
					line += " …"
				}
			}
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintf(w, "  %s %d %% (%s/%s)\n", i18n.Of(env.lang).Total, r.Overall.Percent, checklist.FormatInt(env.lang, r.Overall.Done), checklist.FormatInt(env.lang, r.Overall.Total))
	if r.Next != nil {
		next := r.Next.Title
		if r.Next.Name != "" {
			next += " — " + r.Next.Name
		}
		fmt.Fprintf(w, "%s %s (%s)\n", i18n.Of(env.lang).NextStep3, next, refString(r.Next.Client, r.Next.Step))
	} else {
		// Only "all done" when every step is resolved: at 98 % with a step
		// blocked, say what is left instead.
		nothing := r.NothingNext()
		fmt.Fprintln(w, strings.ToUpper(nothing[:1])+nothing[1:]+".")
	}
	if r.Due != nil {
		due := r.Due.At.In(checklist.Paris()).Format(i18n.Of(env.lang).N2006010215) +
			" (" + checklist.ZoneName().In(env.lang) + i18n.Of(env.lang).Estimate
		if r.Due.Late {
			due += i18n.Of(env.lang).Late
		}
		fmt.Fprintf(w, "%s %s\n", i18n.Of(env.lang).AnswerToTheRequest, due)
	}
	if len(r.BlockerSummary) > 0 && !s.run.Migrated() {
		fmt.Fprintln(w, i18n.Of(env.lang).WhatBlocksTheMigration)
		for _, b := range r.BlockerSummary {
			fmt.Fprintln(w, "  - "+b)
		}
	}
	for _, o := range r.Overrides {
		fmt.Fprintf(w, "%s %s — %s (%s)\n", i18n.Of(env.lang).Override3, o.Title, o.Reason, o.By)
	}
}

// refString names a step instance the way step set takes it.
func refString(client, step string) string {
	if client == "" {
		return "cabinet/" + step
	}
	return client + "/" + step
}
