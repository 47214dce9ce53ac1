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
)

// The V2 re-creation jobs and reconciliation controls, one function per
// step (jobs.go holds the table). Each reads what preparation noted from the
// store, calls V1 or V2 and returns evidence; none writes to the store.

func jobClientPendingInvoices(j *jobCtx) JobFunc {
	check := Check(Ports{V1: j.v1}, connectors.Cabinet{}, j.ref, j.now)
	return func(ctx context.Context) (JobResult, error) {
		r, err := check(ctx)
		ev, n := r.Evidence, r.Pending
		if err != nil {
			return JobResult{}, err
		}
		return JobResult{Evidence: ev, Pending: n, Summary: fmt.Sprintf(tr(j.lang, "%d facture(s) en attente", "%d pending invoice(s)"), *n)}, nil
	}
}

func jobClientArticles(j *jobCtx) JobFunc {
	check := Check(Ports{V1: j.v1}, connectors.Cabinet{}, j.ref, j.now)
	return func(ctx context.Context) (JobResult, error) {
		r, err := check(ctx)
		ev := r.Evidence
		if err != nil {
			return JobResult{}, err
		}
		res := JobResult{Evidence: ev, Summary: tr(j.lang, "articles à revoir", "articles to review")}
		if ev.OK {
			res.Summary = tr(j.lang, "articles valides", "articles valid")
		}
		return res, nil
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
			res.Summary = tr(j.lang, "tout a migré", "everything migrated")
		case gaps > 0:
			res.Summary = fmt.Sprintf(tr(j.lang, "%d écart(s)", "%d gap(s)"), gaps)
		default:
			res.Summary = fmt.Sprintf(tr(j.lang, "%d ligne(s) à vérifier (V1 non noté avant la bascule ?)", "%d line(s) to check (V1 not noted before the switch?)"), check)
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
			return JobResult{Evidence: ev, Summary: tr(j.lang, "compte de paiement absent sur V2", "payment account missing on V2")}, nil
		}
		return j.done(ev, tr(j.lang, "compte de paiement présent", "payment account present"))
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
			return JobResult{Evidence: ev, Summary: tr(j.lang, "profil mis ; logo illisible, à remettre à la main", "profile set; logo unreadable, put it by hand")}, nil
		}
		return j.done(ev, tr(j.lang, "profil mis sur V2", "profile set on V2"))
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
		people := Reinvited(j.notedIn(prepStep))
		if len(people) == 0 {
			return JobResult{}, ErrNothingNoted
		}
		ev := j.evV2()
		invited := 0
		for _, p := range people {
			var roles []string
			for _, r := range checklist.SplitMulti(p[rolesField]) {
				if j.ref.Client == "" {
					r = cabinetRole(r)
				}
				roles = append(roles, r)
			}
			if len(roles) == 0 && j.ref.Client == "" {
				roles = []string{connectors.RoleAccountant} // V2 needs one; §3.4 says to set them after
			}
			first, last := splitName(p["name"])
			u := connectors.User{Email: p["email"], FirstName: first, LastName: last, Roles: roles}
			_, err := j.v2.InviteUser(ctx, space, u, IdemKey(j.seed, "invite_user", space, u))
			if err != nil {
				ev.OK = false
				ev.Findings = append(ev.Findings, checklist.Finding{Code: "invite_failed", Detail: p["email"] + " : " + err.Error()})
				continue
			}
			invited++
		}
		ev.Facts["invited"] = itoa(invited)
		ev.Facts["noted"] = itoa(len(people))
		sum := fmt.Sprintf(tr(j.lang, "%d/%d invité(s)", "%d/%d invited"), invited, len(people))
		if !ev.OK {
			return JobResult{Evidence: ev, Summary: sum}, nil
		}
		return j.done(ev, sum)
	}
}

func jobReconCabinetRoles(j *jobCtx) JobFunc {
	return func(ctx context.Context) (JobResult, error) {
		if err := j.needV2(); err != nil {
			return JobResult{}, err
		}
		people := Reinvited(j.notedIn(checklist.StepCabinetCollaborators))
		inv, err := j.v2.Inventory(ctx, connectors.SpaceCabinet)
		if err != nil {
			return JobResult{}, err
		}
		ev := j.evV2()
		for _, p := range people {
			found := false
			for _, u := range inv.Users {
				if strings.EqualFold(u.Email, p["email"]) && len(u.Roles) > 0 {
					found = true
				}
			}
			if !found {
				ev.OK = false
				ev.Findings = append(ev.Findings, checklist.Finding{Code: "role_missing", Detail: p["email"]})
			}
		}
		ev.Facts["members"] = itoa(len(inv.Users))
		if !ev.OK {
			return JobResult{Evidence: ev, Summary: tr(j.lang, "rôles manquants sur V2", "roles missing on V2")}, nil
		}
		return j.done(ev, fmt.Sprintf(tr(j.lang, "%d membre(s) avec leurs rôles sur V2", "%d member(s) with their roles on V2"), len(inv.Users)))
	}
}

func jobReconClientBankAccounts(j *jobCtx) JobFunc {
	external := j.ref.Step == checklist.StepReconPaymentExternalAccounts
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
		sum := fmt.Sprintf(tr(j.lang, "%d compte(s) sur V2", "%d account(s) on V2"), added)
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
		return j.done(ev, fmt.Sprintf(tr(j.lang, "prochaine facture %s", "next invoice %s"), n.Format(n.LastNumber+1)))
	}
}

func jobReconClientSubscription(j *jobCtx) JobFunc {
	return func(ctx context.Context) (JobResult, error) {
		if err := j.needV2(); err != nil {
			return JobResult{}, err
		}
		prev := factsFrom(j.load(checklist.StepClientPendingInvoices))[checklist.FactSubscription]
		s := connectors.Subscription{Plan: checklist.SuggestSubscription(prev)}
		if err := j.v2.ChooseSubscription(ctx, j.client.SIREN, s, IdemKey(j.seed, "choose_subscription", j.client.SIREN, s)); err != nil {
			return JobResult{}, err
		}
		ev := j.evV2()
		ev.Facts["previous"], ev.Facts["chosen"] = prev, s.Plan
		res, _ := j.done(ev, fmt.Sprintf(tr(j.lang, "abonnement %s", "subscription %s"), s.Plan))
		res.Capture = &checklist.Capture{Items: []checklist.Record{{"previous": prev, "chosen": s.Plan}}}
		return res, nil
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
				ev.Findings = append(ev.Findings, checklist.Finding{Code: "myunisoft_token", Detail: tr(j.lang,
					"token MyUnisoft non conservé : en générer un nouveau coupera V1", "MyUnisoft token not kept: a new one cuts V1")})
			}
			made++
		}
		ev.Facts["connections"] = itoa(made)
		sum := fmt.Sprintf(tr(j.lang, "%d connexion(s) sur V2", "%d connection(s) on V2"), made)
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
			return j.done(ev, tr(j.lang, "aucun dossier inactif sur V1", "no inactive dossier on V1"))
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
		sum := fmt.Sprintf(tr(j.lang, "%d dossier(s) importé(s), %d refusé(s)", "%d dossier(s) imported, %d rejected"), res.Created, len(res.Rejected))
		if len(res.Rejected) > 0 {
			ev.OK = false
			return JobResult{Evidence: ev, Summary: sum}, nil
		}
		return j.done(ev, sum)
	}
}
