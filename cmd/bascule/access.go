package main

import (
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui/i18n"
	engine "github.com/bascule-cli/bascule/tui/session"
)

// What a team member may do over SSH is checklist's rules (checklist.Member:
// CanSee, CanChange, CanSeeCabinet, CanAdminister), enforced by the
// workspace's one engine (tui/session As) for the wizard, the line prompts
// and the commands alike. This file only wires them: which remote command
// needs which right, and the store a session reads from.

// memberOf is the person behind a team member, for checklist's rules.
func memberOf(m store.Member) checklist.Member {
	return checklist.Member{Name: m.Name, Role: checklist.TeamRole(m.Role), Clients: m.Clients}
}

// serverFlags are the global flags the server decides for every session:
// one database, one workspace.
func serverFlags() []string { return []string{"db", "workspace", "demo", "demo-clients", "demo-delay"} }

// fileFlags write or read files on the server's disk: never over SSH (the
// output goes to the session's standard output, "-" reads the session's
// standard input).
func fileFlags() []string { return []string{"output", "out", "from", "key"} }

// allowRemote decides whether a command line run over SSH may go on: the
// commands that share the server's database without fighting over it, and
// within them what the member's role allows. It runs once the flags are
// parsed, before the command.
func allowRemote(cmd *cobra.Command, args []string, env *appEnv) error {
	m := memberOf(*env.member)
	for _, f := range serverFlags() {
		if cmd.Flags().Changed(f) {
			return usageError{localized(func(m *i18n.Messages) string { return m.IsNotForRemoteFmt }, f)}
		}
	}
	for _, f := range fileFlags() {
		fl := cmd.Flags().Lookup(f)
		stdin := (f == "key" || f == "from") && fl != nil && fl.Value.String() == "-"
		if fl != nil && fl.Changed && !stdin {
			return usageError{localized(func(m *i18n.Messages) string { return m.WouldReadOrWriteFmt }, f)}
		}
	}
	path := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
	var refused error
	switch path {
	case "help":
		return nil
	case "status", "report":
		refused = m.CanSeeCabinet()
	case "sweep", "team list", "team add", "team remove", "team assign":
		refused = m.CanAdminister()
	case "step list":
		client, _ := cmd.Flags().GetString("client")
		if m.CanSeeCabinet() == nil {
			return nil
		}
		if client == "" {
			return localized(func(m *i18n.Messages) string { return m.GiveClientWithYour })
		}
		id, err := remoteClientID(env, client)
		if err != nil {
			return err
		}
		return m.CanSee(id)
	case "step set":
		return allowStepSet(cmd, args, env, m)
	default:
		return localized(func(m *i18n.Messages) string { return m.CannotRunRemotelyPossibleFmt }, path)
	}
	if refused != nil {
		return localized(func(t *i18n.Messages) string { return t.NotOpenToRoleFmt }, path, string(m.Role), m.Name)
	}
	return nil
}

// allowStepSet checks a step change against the member's role before the
// command opens the run.
func allowStepSet(cmd *cobra.Command, args []string, env *appEnv, m checklist.Member) error {
	if m.Role == checklist.TeamAdmin || len(args) != 2 {
		return nil // the command's own checks say what is wrong
	}
	scope, ok := checklist.ParseScope(args[0])
	if !ok {
		return nil
	}
	client, _ := cmd.Flags().GetString("client")
	if scope == checklist.ScopeCabinet || client == "" {
		return m.CanChange(env.guide, checklist.Ref{Step: args[1]})
	}
	step, err := findStep(env.guide, scope, args[1])
	if err != nil {
		return err
	}
	id, err := remoteClientID(env, client)
	if err != nil {
		return err
	}
	return m.CanChange(env.guide, checklist.Ref{Step: step.ID, Client: id})
}

// remoteClientID resolves a client id or SIREN on the server's workspace.
func remoteClientID(env *appEnv, key string) (string, error) {
	ws, err := env.workspace(env.shared)
	if err != nil {
		return "", err
	}
	run, err := env.shared.LoadRun(ws.ID, env.guide)
	if err != nil {
		return "", err
	}
	i, err := findClient(run, key)
	if err != nil {
		return "", err
	}
	return run.Clients[i].ID, nil
}

// memberStore is what a served session reads from: the database as the
// member may see it, through his handle on the workspace's engine. Every
// change goes through that engine (tui.Options.Engine), whose run would
// otherwise fall behind the database: the writes here are refused.
type memberStore struct {
	db *store.DB
	h  *engine.Engine
}

// LoadRun is the member's view of the engine's run.
func (s memberStore) LoadRun(string, *checklist.Guide) (*checklist.Run, error) {
	return s.h.Snapshot(), nil
}

func (s memberStore) StepState(_ string, ref checklist.Ref) (checklist.StepState, error) {
	return s.h.StepState(ref)
}

// Events is the audit, for the firm's screens (summary, session view): an
// "entreprise" user's holds his dossiers' events only.
func (s memberStore) Events(ws string, since time.Time) ([]checklist.Event, error) {
	evs, err := s.db.Events(ws, since)
	if err != nil {
		return nil, err
	}
	m, person := s.h.Member()
	if !person || m.CanSeeCabinet() == nil {
		return evs, nil
	}
	kept := evs[:0]
	for _, e := range evs {
		if e.Ref.Client != "" && m.CanSee(e.Ref.Client) == nil {
			kept = append(kept, e)
		}
	}
	return kept, nil
}

// throughEngine refuses a write that would bypass the shared engine.
func throughEngine() error {
	return localized(func(m *i18n.Messages) string { return m.InTeamModeEvery })
}

func (memberStore) ApplyStep(string, *checklist.Run, store.StepChange) (checklist.StepState, error) {
	return checklist.StepState{}, throughEngine()
}

func (memberStore) ApplySteps(_ string, _ *checklist.Run, chs []store.StepChange) []error {
	errs := make([]error, len(chs))
	for i := range errs {
		errs[i] = throughEngine()
	}
	return errs
}

func (memberStore) SetPendingInvoices(string, string, int) error { return throughEngine() }

func (memberStore) PutDossiers(string, []checklist.Dossier, string) error { return throughEngine() }

func (memberStore) AddOverride(string, *checklist.Run, checklist.Override) error {
	return throughEngine()
}

func (memberStore) SetRequest(string, *checklist.Run, checklist.RequestRecord, string) error {
	return throughEngine()
}
