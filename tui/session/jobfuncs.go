package session

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// The V2 re-creation jobs and reconciliation controls, one function per
// step (jobs.go holds the table). Each reads what preparation noted from the
// store, calls V1 or V2 and returns evidence; none writes to the store.
// bascule never acts on its own guess: no role is given by default and no
// plan is chosen for a client.

func jobClientPendingInvoices(j *jobCtx) JobFunc {
	return func(ctx context.Context) (JobResult, error) {
		r, err := Check(Ports{V1: j.v1}, connectors.Cabinet{}, j.ref, j.now)(ctx)
		if err != nil {
			return JobResult{}, err
		}
		ev, n := r.Evidence, r.Pending
		res := JobResult{Evidence: ev, Pending: n, Summary: nouns(j.lang, *n, i18n.Of(j.lang).PendingInvoicesNoun)}
		return res, nil
	}
}

func jobClientArticles(j *jobCtx) JobFunc {
	// The guide asks a person to judge the articles (§2 item 2): the
	// check shows what bascule's rules found and never ticks the step.
	return func(ctx context.Context) (JobResult, error) {
		r, err := Check(Ports{V1: j.v1}, connectors.Cabinet{}, j.ref, j.now)(ctx)
		if err != nil {
			return JobResult{}, err
		}
		ev := r.Evidence
		var parts []string
		for _, f := range ev.Findings {
			parts = append(parts, checklist.FindingText(f).In(j.lang))
		}
		return JobResult{Evidence: ev, Summary: strings.Join(parts, i18n.Of(j.lang).Semicolon)}, nil
	}
}

func jobCabinetPendingStep(j *jobCtx) JobFunc {
	// The firm's own V1 dossier, before the request (§3.2).
	return func(ctx context.Context) (JobResult, error) {
		snap, err := snapshot(ctx, j.v1, connectors.SpaceCabinet)
		if err != nil {
			return JobResult{}, err
		}
		ev, n := checklist.PendingInvoicesEvidence(snap, j.now())
		res := JobResult{Evidence: *ev, Summary: i18n.Of(j.lang).FirmsOwnDossier + nouns(j.lang, n, i18n.Of(j.lang).PendingInvoicesNoun)}
		return res, nil
	}
}

func jobReconClientV1ReadOnly(j *jobCtx) JobFunc {
	return func(ctx context.Context) (JobResult, error) {
		sp, ok := j.v1.(SpaceReadOnly)
		if !ok {
			return JobResult{}, ErrNoConnector // the connector cannot tell: seen on V1 and ticked by hand
		}
		ro, err := sp.SpaceReadOnly(ctx, j.ref.Client)
		if err != nil {
			return JobResult{}, err
		}
		ev := *checklist.SpaceReadOnlyEvidence(ro, j.now())
		if !ro {
			return JobResult{Evidence: ev, Summary: checklist.FindingText(ev.Findings[0]).In(j.lang)}, nil
		}
		return j.done(ev, i18n.Of(j.lang).OldSpaceReadOnly)
	}
}

func jobReconClientControl(j *jobCtx) JobFunc {
	return func(ctx context.Context) (JobResult, error) {
		if err := j.needV2(); err != nil {
			return JobResult{}, err
		}
		siren, payment := j.client.SIREN, j.client.Payment
		var facts map[string]string
		if j.ref.Client == "" {
			// The firm's own dossier: V1 is read-only since the switch,
			// so what it shows now is what it held.
			if j.v1 == nil {
				return JobResult{}, ErrNoConnector
			}
			snap, err := j.v1.ClientSnapshot(ctx, connectors.SpaceCabinet)
			if err != nil {
				return JobResult{}, err
			}
			facts, siren = checklist.SnapshotFacts(snap), connectors.SpaceCabinet
		} else if ev := j.load(checklist.StepClientPendingInvoices).Evidence; ev != nil {
			facts = ev.Facts
		}
		inv, err := j.v2.Inventory(ctx, siren)
		if err != nil {
			return JobResult{}, err
		}
		lines := checklist.Reconcile(facts, inv, payment)
		ev := j.evV2()
		checklist.ReconEvidence(lines, &ev)
		gaps, check := 0, 0
		for _, l := range lines {
			switch l.State {
			case checklist.ReconGap:
				gaps++
			case checklist.ReconToCheck:
				check++
			}
		}
		res := JobResult{Evidence: ev}
		switch {
		case ev.OK:
			res.Summary = i18n.Of(j.lang).EverythingMigrated
		case gaps > 0:
			res.Summary = nouns(j.lang, gaps, i18n.Of(j.lang).GapsNoun)
		default:
			res.Summary = nouns(j.lang, check, i18n.Of(j.lang).LinesNoun) + i18n.Of(j.lang).ToCheckV1Not
		}
		return res, nil
	}
}

func jobReconPaymentPaymentAccount(j *jobCtx) JobFunc {
	return func(ctx context.Context) (JobResult, error) {
		if err := j.needV2(); err != nil {
			return JobResult{}, err
		}
		inv, err := j.v2.Inventory(ctx, j.client.SIREN)
		if err != nil {
			return JobResult{}, err
		}
		ev := j.evV2()
		ev.Facts[checklist.FactPaymentAccount] = strconv.FormatBool(inv.PaymentAccount)
		ev.OK = inv.PaymentAccount
		if !ev.OK {
			ev.Findings = append(ev.Findings, checklist.Finding{Code: "gap.payment_account"})
			return JobResult{Evidence: ev, Summary: i18n.Of(j.lang).PaymentAccountMissingOn}, nil
		}
		return j.done(ev, i18n.Of(j.lang).PaymentAccountPresent)
	}
}

func jobReconClientProfile(j *jobCtx) JobFunc {
	return func(ctx context.Context) (JobResult, error) {
		if err := j.needV2(); err != nil {
			return JobResult{}, err
		}
		p := connectors.Profile{LegalName: j.client.Name}
		ev := j.evV2()
		if l := j.notedIn(checklist.StepClientLogo); len(l) > 0 && l[0]["file"] != "" {
			data, err := os.ReadFile(l[0]["file"])
			if err == nil {
				p.Logo = &connectors.Logo{FileName: filepath.Base(l[0]["file"]), SHA256: l[0]["sha256"], Size: int64(len(data))}
				p.LogoData = data
				ev.Facts["logo"] = p.Logo.FileName
			} else {
				ev.OK = false
				ev.Findings = append(ev.Findings, checklist.Finding{Code: "logo_unreadable", Detail: l[0]["file"]})
			}
		}
		key := IdemKey(j.seed, "set_profile", j.client.SIREN, p)
		if err := j.v2.SetProfile(ctx, j.client.SIREN, p, key); err != nil {
			return JobResult{}, err
		}
		ev.Facts["legal_name"] = p.LegalName
		if !ev.OK {
			return JobResult{Evidence: ev, Summary: i18n.Of(j.lang).ProfileSetLogoUnreadable}, nil
		}
		return j.done(ev, i18n.Of(j.lang).ProfileSetOnV2)
	}
}

func jobReconClientUsers(j *jobCtx) JobFunc {
	space, prepStep, rolesField := j.client.SIREN, checklist.StepClientUsers, "roles"
	if j.ref.Client == "" {
		space, prepStep, rolesField = connectors.SpaceCabinet, checklist.StepCabinetCollaborators, "v2_roles"
	}
	return func(ctx context.Context) (JobResult, error) {
		if err := j.needV2(); err != nil {
			return JobResult{}, err
		}
		// No role is given by default (§3.4: roles are given by hand):
		// a person with no role noted is not invited, and said so.
		people, missing := checklist.Invitees(j.notedIn(prepStep), rolesField, j.ref.Client == "")
		if len(people) == 0 && len(missing) == 0 {
			return JobResult{}, ErrNothingNoted
		}
		ev := j.evV2()
		ev.Findings = append(ev.Findings, missing...)
		ev.OK = len(missing) == 0
		invited := 0
		for _, p := range people {
			first, last := splitName(p.Name)
			u := connectors.User{Email: p.Email, FirstName: first, LastName: last, Roles: p.Roles}
			_, err := j.v2.InviteUser(ctx, space, u, IdemKey(j.seed, "invite_user", space, u))
			if err != nil {
				ev.OK = false
				ev.Findings = append(ev.Findings, checklist.Finding{Code: "invite_failed", Detail: p.Email + " : " + err.Error()})
				continue
			}
			invited++
		}
		total := len(people) + len(missing)
		ev.Facts["invited"] = itoa(invited)
		ev.Facts["noted"] = itoa(total)
		ev.Facts["role_not_noted"] = itoa(len(missing))
		sum := fmt.Sprintf("%d/%d %s", invited, total, checklist.Plural(j.lang, invited, i18n.Of(j.lang).InvitedNoun.One, i18n.Of(j.lang).InvitedNoun.Many))
		if len(missing) > 0 {
			sum += fmt.Sprintf(i18n.Of(j.lang).WithNoRoleNoted2Fmt, len(missing))
		}
		if !ev.OK {
			return JobResult{Evidence: ev, Summary: sum}, nil
		}
		return j.done(ev, sum)
	}
}

func jobReconCabinetRoles(j *jobCtx) JobFunc {
	// Passes only when each person invited again holds exactly the
	// roles noted for them.
	return func(ctx context.Context) (JobResult, error) {
		if err := j.needV2(); err != nil {
			return JobResult{}, err
		}
		people, missing := checklist.Invitees(j.notedIn(checklist.StepCabinetCollaborators), "v2_roles", true)
		if len(people) == 0 && len(missing) == 0 {
			return JobResult{}, ErrNothingNoted
		}
		inv, err := j.v2.Inventory(ctx, connectors.SpaceCabinet)
		if err != nil {
			return JobResult{}, err
		}
		ev := j.evV2()
		ev.Findings = append(append(ev.Findings, missing...), checklist.RolesFindings(people, inv.Users)...)
		ev.OK = len(ev.Findings) == 0
		ev.Facts["members"] = itoa(len(inv.Users))
		ev.Facts["checked"] = itoa(len(people))
		if !ev.OK {
			return JobResult{Evidence: ev, Summary: nouns(j.lang, len(ev.Findings), i18n.Of(j.lang).RoleMismatchesNoun)}, nil
		}
		return j.done(ev, nouns(j.lang, len(people), i18n.Of(j.lang).PeopleNoun)+i18n.Of(j.lang).WithExactlyTheRoles)
	}
}

// The document bank accounts (§3.4 item 4) are never noted in phase 1: the
// IBANs noted are the payment client's external accounts, which this job
// re-creates; offering them for the bank accounts too would add them twice.
func jobReconPaymentExternalAccounts(j *jobCtx) JobFunc {
	external := true // only the payment client's external accounts are noted in phase 1
	return func(ctx context.Context) (JobResult, error) {
		if err := j.needV2(); err != nil {
			return JobResult{}, err
		}
		noted := j.notedIn(checklist.StepPaymentExternalAccounts)
		ibans := NotedIBANs(noted)
		if len(ibans) == 0 {
			return JobResult{}, ErrNothingNoted
		}
		ev := j.evV2()
		added := 0
		for i, ib := range ibans {
			a := connectors.BankAccount{IBAN: ib, Holder: noted[i]["holder"], External: external}
			err := j.v2.AddBankAccount(ctx, j.client.SIREN, a, IdemKey(j.seed, "add_bank_account", j.client.SIREN, a))
			if err != nil && !isConflict(err) {
				ev.OK = false
				ev.Findings = append(ev.Findings, checklist.Finding{Code: "bank_account_failed", Detail: ident.MaskIBAN(ib) + " : " + err.Error()})
				continue
			}
			added++
		}
		ev.Facts["accounts"] = itoa(added)
		sum := nouns(j.lang, added, i18n.Of(j.lang).AccountsNoun) + i18n.Of(j.lang).OnV2
		if !ev.OK {
			return JobResult{Evidence: ev, Summary: sum}, nil
		}
		return j.done(ev, sum)
	}
}

func jobReconClientNumbering(j *jobCtx) JobFunc {
	return func(ctx context.Context) (JobResult, error) {
		if err := j.needV2(); err != nil {
			return JobResult{}, err
		}
		n, ok := NumberingOf(j.notedIn(checklist.StepClientNumbering), factsFrom(j.load(checklist.StepClientPendingInvoices)))
		if !ok {
			return JobResult{}, ErrNothingNoted
		}
		if err := j.v2.SetNumbering(ctx, j.client.SIREN, n, IdemKey(j.seed, "set_numbering", j.client.SIREN, n)); err != nil {
			return JobResult{}, err
		}
		ev := j.evV2()
		ev.Facts["last_v1"], ev.Facts["next"] = n.String(), n.Format(n.LastNumber+1)
		return j.done(ev, fmt.Sprintf(i18n.Of(j.lang).NextInvoiceFmt, n.Format(n.LastNumber+1)))
	}
}

func jobReconClientSubscription(j *jobCtx) JobFunc {
	// bascule knows no plan: it subscribes only to the plan the j.client
	// chose, as noted in this step; V2's list is used when the
	// connector gives one.
	return func(ctx context.Context) (JobResult, error) {
		if err := j.needV2(); err != nil {
			return JobResult{}, err
		}
		var plans []string
		if pl, ok := j.v2.(PlanLister); ok {
			var err error
			if plans, err = pl.SubscriptionPlans(ctx); err != nil {
				return JobResult{}, err
			}
		}
		plan, f := checklist.ChosenPlan(j.load(j.ref.Step).Capture, plans)
		if f != nil {
			return JobResult{}, FindingError{Finding: *f, Plans: plans}
		}
		prev := factsFrom(j.load(checklist.StepClientPendingInvoices))[checklist.FactSubscription]
		s := connectors.Subscription{Plan: plan}
		if err := j.v2.ChooseSubscription(ctx, j.client.SIREN, s, IdemKey(j.seed, "choose_subscription", j.client.SIREN, s)); err != nil {
			return JobResult{}, err
		}
		ev := j.evV2()
		ev.Facts["previous"], ev.Facts["chosen"] = prev, s.Plan
		return j.done(ev, fmt.Sprintf(i18n.Of(j.lang).SubscribedToFmt, s.Plan))
	}
}

func jobReconCabinetApiConnections(j *jobCtx) JobFunc {
	return func(ctx context.Context) (JobResult, error) {
		if err := j.needV2(); err != nil {
			return JobResult{}, err
		}
		cs := j.notedIn(checklist.StepCabinetApiConnections)
		if len(cs) == 0 {
			return JobResult{}, ErrNothingNoted
		}
		ev := j.evV2()
		made := 0
		for _, c := range cs {
			space := connectors.SpaceCabinet
			if s := ident.NormalizeSIREN(c["scope"]); ident.ValidateSIREN(s) == nil {
				space = s
			}
			in := connectors.Integration{Software: SoftwareOf(c["software"]), Scope: space,
				CredentialsRetrieved: c["credentials_retrieved"] == "true", TokenKept: c["myunisoft_token_kept"] == "true"}
			err := j.v2.CreateIntegration(ctx, space, in, IdemKey(j.seed, "create_integration", space, in))
			if err != nil && !isConflict(err) {
				ev.OK = false
				ev.Findings = append(ev.Findings, checklist.Finding{Code: "integration_failed", Detail: in.Software.Label() + " : " + err.Error()})
				continue
			}
			if in.Software == connectors.SoftwareMyUnisoft && !in.TokenKept {
				ev.Findings = append(ev.Findings, checklist.Finding{Code: "myunisoft_token", Detail: i18n.Of(j.lang).MyUnisoftTokenNotKept})
			}
			made++
		}
		ev.Facts["connections"] = itoa(made)
		sum := nouns(j.lang, made, i18n.Of(j.lang).ConnectionsNoun) + i18n.Of(j.lang).OnV2
		if !ev.OK {
			return JobResult{Evidence: ev, Summary: sum}, nil
		}
		return j.done(ev, sum)
	}
}

func jobReconCabinetInactiveClientsImport(j *jobCtx) JobFunc {
	return func(ctx context.Context) (JobResult, error) {
		if err := j.needV2(); err != nil {
			return JobResult{}, err
		}
		if j.v1 == nil {
			return JobResult{}, ErrNoConnector
		}
		var inactive []connectors.Client
		page := connectors.Page{Limit: 1000}
		for {
			list, next, err := j.v1.ListClients(ctx, page)
			if err != nil {
				return JobResult{}, err
			}
			for _, c := range list {
				if c.Status.Inactive() {
					inactive = append(inactive, c)
				}
			}
			if next == "" {
				break
			}
			page.Cursor = next
		}
		ev := j.evV2()
		if len(inactive) == 0 {
			ev.Facts["imported"] = "0"
			return j.done(ev, i18n.Of(j.lang).NoInactiveDossierOn)
		}
		ids := make([]string, len(inactive))
		for i, c := range inactive {
			ids[i] = c.ID
		}
		res, err := j.v2.ImportClients(ctx, inactive, IdemKey(j.seed, "import_clients", ids))
		if err != nil {
			return JobResult{}, err
		}
		ev.Facts["imported"], ev.Facts["rejected"] = itoa(res.Created), itoa(len(res.Rejected))
		for _, r := range res.Rejected {
			ev.Findings = append(ev.Findings, checklist.Finding{Code: "import_rejected", Detail: fmt.Sprintf("%d %s : %s", r.Row, r.Column, r.Message)})
		}
		sum := nouns(j.lang, res.Created, i18n.Of(j.lang).DossiersImportedNoun) + ", " +
			checklist.FormatInt(j.lang, len(res.Rejected)) + " " + checklist.Plural(j.lang, len(res.Rejected), i18n.Of(j.lang).RejectedNoun.One, i18n.Of(j.lang).RejectedNoun.Many)
		if len(res.Rejected) > 0 {
			ev.OK = false
			return JobResult{Evidence: ev, Summary: sum}, nil
		}
		return j.done(ev, sum)
	}
}
