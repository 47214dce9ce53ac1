package checklist

import "testing"

// allStepIDs lists every constant of stepids.go.
func allStepIDs() []string {
	return []string{
		StepCabinetCollaborators,
		StepCabinetInactiveClientsExport,
		StepCabinetApiConnections,
		StepClientPendingInvoices,
		StepClientArticles,
		StepClientLogo,
		StepClientUsers,
		StepClientNumbering,
		StepPaymentExternalAccounts,
		StepPaymentStatements,
		StepRegistrationComptexpert,
		StepRegistrationIdentity,
		StepRegistrationMobileApp,
		StepRegistrationActivate,
		StepRegistrationCabinetDossier,
		StepRequestNotifyClients,
		StepRequestClientChecks,
		StepRequestSubmit,
		StepRequestAnswer,
		StepRequestAdminInvitation,
		StepRequestCabinetPendingInvoices,
		StepRequestFirstLogin,
		StepRequestV1ReadOnly,
		StepReconCabinetDossierControl,
		StepReconClientControl,
		StepReconCabinetCollaborators,
		StepReconCabinetRoles,
		StepReconCabinetApiConnections,
		StepReconCabinetInactiveClientsImport,
		StepReconClientProfile,
		StepReconClientUsers,
		StepReconClientBankAccounts,
		StepReconClientNumbering,
		StepReconClientSettings,
		StepReconClientV1ReadOnly,
		StepReconClientSubscription,
		StepReconPaymentPaymentAccount,
		StepReconPaymentSubscriptionRequest,
		StepReconPaymentExternalAccounts,
		StepReconPaymentStatements,
		StepSummaryReport,
	}
}

func TestStepIDConstants(t *testing.T) {
	g := Default()
	ids := allStepIDs()
	seen := map[string]bool{}
	for _, id := range ids {
		if _, ok := g.Step(id); !ok {
			t.Errorf("constant %q is not a step of the guide", id)
		}
		seen[id] = true
	}
	for _, s := range g.Steps {
		if !seen[s.ID] {
			t.Errorf("step %q has no constant in stepids.go", s.ID)
		}
	}
	for _, id := range []string{GroupCabinet, GroupClient, GroupPayment, GroupRegistration} {
		if _, ok := g.Group(id); !ok {
			t.Errorf("group constant %q is not a group of the guide", id)
		}
	}
}
