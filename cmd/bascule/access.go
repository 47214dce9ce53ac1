package main

import (
	"strings"

	"github.com/spf13/cobra"

	"fmt"
	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// What a team member may do over SSH. An admin sees and does everything;
// a collaborator does the client steps of his portfolio and sees the rest;
// an "entreprise" user sees only his company's dossier, and changes only
// the steps the guide lets the company do (Actor = cabinet or client).

// canChange says whether m may change the step instance ref.
func canChange(g *checklist.Guide, m store.Member, ref checklist.Ref) error {
	if m.Role == store.RoleAdmin {
		return nil
	}
	if ref.Client == "" {
		return localized(fmt.Sprintf(i18n.Of(checklist.French).TheFirmsStepsAreFmt, m.Name, string(m.Role)), fmt.Sprintf(i18n.Of(checklist.English).TheFirmsStepsAreFmt, m.Name, string(m.Role)))
	}
	if !m.Has(ref.Client) {
		return localized(fmt.Sprintf(i18n.Of(checklist.French).ClientIsNotInFmt, quote(ref.Client), m.Name), fmt.Sprintf(i18n.Of(checklist.English).ClientIsNotInFmt, quote(ref.Client), m.Name))
	}
	if m.Role == store.RoleEntreprise {
		st, ok := g.Step(ref.Step)
		if !ok || st.Actor != checklist.ActorCabinetOrClient {
			return localized(fmt.Sprintf(i18n.Of(checklist.French).StepIsDoneByFmt, quote(ref.Step)), fmt.Sprintf(i18n.Of(checklist.English).StepIsDoneByFmt, quote(ref.Step)))
		}
	}
	return nil
}

// canSee says whether m may read the client's dossier.
func canSee(m store.Member, client string) error {
	if m.Role != store.RoleEntreprise || m.Has(client) {
		return nil
	}
	return localized(fmt.Sprintf(i18n.Of(checklist.French).ClientIsNotSFmt, quote(client), m.Name), fmt.Sprintf(i18n.Of(checklist.English).ClientIsNotSFmt, quote(client), m.Name))
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
	m := *env.member
	for _, f := range serverFlags() {
		if cmd.Flags().Changed(f) {
			return usageError{localized(fmt.Sprintf(i18n.Of(checklist.French).IsNotForRemoteFmt, f), fmt.Sprintf(i18n.Of(checklist.English).IsNotForRemoteFmt, f))}
		}
	}
	for _, f := range fileFlags() {
		fl := cmd.Flags().Lookup(f)
		stdin := (f == "key" || f == "from") && fl != nil && fl.Value.String() == "-"
		if fl != nil && fl.Changed && !stdin {
			return usageError{localized(fmt.Sprintf(i18n.Of(checklist.French).WouldReadOrWriteFmt, f), fmt.Sprintf(i18n.Of(checklist.English).WouldReadOrWriteFmt, f))}
		}
	}
	path := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
	admin, notCompany := m.Role == store.RoleAdmin, m.Role != store.RoleEntreprise
	switch path {
	case "help":
		return nil
	case "status", "report":
		if notCompany {
			return nil
		}
	case "sweep", "team list", "team add", "team remove", "team assign":
		if admin {
			return nil
		}
	case "step list":
		client, _ := cmd.Flags().GetString("client")
		if notCompany {
			return nil
		}
		if client == "" {
			return localized(i18n.Of(checklist.French).GiveClientWithYour, i18n.Of(checklist.English).GiveClientWithYour)
		}
		id, err := remoteClientID(env, client)
		if err != nil {
			return err
		}
		return canSee(m, id)
	case "step set":
		return allowStepSet(cmd, args, env, m)
	default:
		return localized(fmt.Sprintf(i18n.Of(checklist.French).CannotRunRemotelyPossibleFmt, path), fmt.Sprintf(i18n.Of(checklist.English).CannotRunRemotelyPossibleFmt, path))
	}
	return localized("« "+path+" » n'est pas ouvert au rôle "+string(m.Role)+" de "+m.Name,
		"\""+path+"\" is not open to "+m.Name+"'s role "+string(m.Role))
}

// allowStepSet checks a step change against the member's role before the
// command opens the run.
func allowStepSet(cmd *cobra.Command, args []string, env *appEnv, m store.Member) error {
	if m.Role == store.RoleAdmin || len(args) != 2 {
		return nil // the command's own checks say what is wrong
	}
	scope, ok := checklist.ParseScope(args[0])
	if !ok {
		return nil
	}
	client, _ := cmd.Flags().GetString("client")
	if scope == checklist.ScopeCabinet || client == "" {
		return canChange(env.guide, m, checklist.Ref{Step: args[1]})
	}
	step, err := findStep(env.guide, scope, args[1])
	if err != nil {
		return err
	}
	id, err := remoteClientID(env, client)
	if err != nil {
		return err
	}
	return canChange(env.guide, m, checklist.Ref{Step: step.ID, Client: id})
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

// memberStore is the wizard's store for one team member: every change is
// recorded under the member's name, and refused when his role does not
// allow it; an "entreprise" member's run holds only his dossiers.
type memberStore struct {
	db *store.DB
	m  store.Member
}

func (s memberStore) LoadRun(ws string, g *checklist.Guide) (*checklist.Run, error) {
	run, err := s.db.LoadRun(ws, g)
	if err != nil || s.m.Role != store.RoleEntreprise {
		return run, err
	}
	kept := run.Clients[:0]
	for _, c := range run.Clients {
		if s.m.Has(c.ID) {
			kept = append(kept, c)
		}
	}
	run.Clients = kept
	run.Reindex()
	return run, nil
}

func (s memberStore) StepState(ws string, ref checklist.Ref) (checklist.StepState, error) {
	if ref.Client != "" {
		if err := canSee(s.m, ref.Client); err != nil {
			return checklist.StepState{}, err
		}
	}
	return s.db.StepState(ws, ref)
}

func (s memberStore) ApplyStep(ws string, run *checklist.Run, ch store.StepChange) (checklist.StepState, error) {
	if err := canChange(run.Guide, s.m, ch.Ref); err != nil {
		return checklist.StepState{}, err
	}
	ch.By = s.m.Name
	return s.db.ApplyStep(ws, run, ch)
}

// ApplySteps applies the allowed changes in one transaction; the others
// get the refusal as their error.
func (s memberStore) ApplySteps(ws string, run *checklist.Run, chs []store.StepChange) []error {
	errs := make([]error, len(chs))
	var ok []store.StepChange
	var at []int
	for i, ch := range chs {
		if errs[i] = canChange(run.Guide, s.m, ch.Ref); errs[i] == nil {
			ch.By = s.m.Name
			ok = append(ok, ch)
			at = append(at, i)
		}
	}
	if len(ok) > 0 {
		for j, err := range s.db.ApplySteps(ws, run, ok) {
			errs[at[j]] = err
		}
	}
	return errs
}

func (s memberStore) SetPendingInvoices(ws, clientID string, n int) error {
	if err := s.canTouch(clientID); err != nil {
		return err
	}
	return s.db.SetPendingInvoices(ws, clientID, n)
}

func (s memberStore) PutDossiers(ws string, ds []checklist.Dossier, _ string) error {
	for _, d := range ds {
		if err := s.canTouch(d.ID); err != nil {
			return err
		}
	}
	return s.db.PutDossiers(ws, ds, s.m.Name)
}

// canTouch says whether the member may change a client's dossier record
// (its pending invoices): an admin, or the client is in his portfolio.
func (s memberStore) canTouch(client string) error {
	if s.m.Role == store.RoleAdmin || s.m.Has(client) {
		return nil
	}
	return localized(fmt.Sprintf(i18n.Of(checklist.French).ClientIsNotInFmt, quote(client), s.m.Name), fmt.Sprintf(i18n.Of(checklist.English).ClientIsNotInFmt, quote(client), s.m.Name))
}
