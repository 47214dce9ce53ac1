package main

import (
	"context"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/connectors/sandbox"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui"
)

// demoPlatformFor rebuilds the simulated platform behind a demo workspace and
// brings it to where the workspace's run stands. The sandbox lives in memory
// only: without this a consultant who closes the laptop after the request
// would find V2 unregistered and unmigrated the next morning.
func (env *appEnv) demoPlatformFor(ws store.Workspace, run *checklist.Run) *sandbox.Platform {
	opts, ok := demoOptionsFromID(ws.ID, env.demoDelay)
	if !ok {
		opts = env.demoOptions()
	}
	p := demoPlatform(opts)
	if run != nil {
		replayDemo(p, run, demoSubmission(ws))
	}
	return p
}

// demoSubmission is the migration request exactly as the wizard sends it,
// idempotency key included: replayed on a rebuilt sandbox, it gets the same
// reference, so polling the recorded request keeps working.
func demoSubmission(ws store.Workspace) connectors.MigrationSubmission {
	return connectors.MigrationSubmission{CabinetSIREN: ws.Cabinet.SIREN, RequestedBy: ws.Cabinet.ManagerEmail,
		IdempotencyKey: tui.RequestKey(ws)}
}

// replayDemo applies to a fresh sandbox what the run says already happened
// on V1 and V2: registration sub-steps, invoices accepted and articles fixed
// on V1, the migration request and its success. Re-creations done on V2 are
// not replayed: their steps are already done and keep their evidence.
func replayDemo(p *sandbox.Platform, run *checklist.Run, sub connectors.MigrationSubmission) {
	done := func(step string) bool {
		st, err := run.Status(checklist.Ref{Step: step})
		return err == nil && st.Resolved()
	}
	for _, step := range []string{checklist.StepRegistrationComptexpert, checklist.StepRegistrationIdentity, checklist.StepRegistrationMobileApp, checklist.StepRegistrationActivate, checklist.StepRegistrationCabinetDossier} {
		if !done(step) {
			break
		}
		p.AdvanceRegistration()
	}
	pendingPos, _ := run.Guide.Position(checklist.StepClientPendingInvoices)
	articlesPos, _ := run.Guide.Position(checklist.StepClientArticles)
	for _, c := range run.Clients {
		if c.Steps[pendingPos] == checklist.StatusDone && c.PendingInvoices == 0 {
			_ = p.AcceptPendingInvoices(c.ID)
		}
		if c.Steps[articlesPos] == checklist.StatusDone {
			_ = p.FixArticles(c.ID)
		}
	}
	if !done(checklist.StepRequestSubmit) {
		return
	}
	// The request went through: V2 must hold it again. Registration is
	// complete by then (the gate required it, or an override did).
	p.CompleteRegistration()
	_ = p.AcceptAllPending()
	_, _ = p.V2().SubmitMigration(context.Background(), sub)
	if done(checklist.StepRequestAnswer) {
		_ = p.FinishMigration()
	}
}
