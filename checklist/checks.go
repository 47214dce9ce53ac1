package checklist

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
)

// Automated checks, written against the connector ports. Each returns the
// evidence to keep with the step; none writes anything.

// Fact keys of a V1 snapshot, kept as evidence before the switch so that the
// reconciliation can compare them with V2 afterwards.
const (
	FactPendingPurchases    = "pending_purchases"
	FactPendingSales        = "pending_sales"
	FactAcceptedPaid        = "accepted_paid"
	FactAcceptedUnpaid      = "accepted_unpaid"
	FactArchived            = "archived_documents"
	FactArticles            = "articles"
	FactInvalidArticles     = "invalid_articles"
	FactCustomers           = "customers"
	FactSuppliers           = "suppliers"
	FactReceptionEmail      = "reception_email"
	FactPaymentAccount      = "payment_account"
	FactUsers               = "users"
	FactNumbering           = "numbering"
	FactSubscription        = "subscription"
	FactBankAccounts        = "bank_accounts"
	FactExternalIBANs       = "external_ibans" // masked, comma separated
	FactLogoSHA256          = "logo_sha256"
	FactV1ReadOnly          = "v1_read_only"
	FactRegistrationMissing = "registration_missing"
)

// Evidence sources.
const (
	SourceV1 = "v1"
	SourceV2 = "v2"
)

// SnapshotFacts turns a V1 snapshot into evidence facts: the figures the
// reconciliation needs later, and nothing personal beyond masked IBANs.
func SnapshotFacts(s connectors.V1Snapshot) map[string]string {
	itoa := strconv.Itoa
	invalid := 0
	for _, a := range s.Articles {
		if len(a.Problems) > 0 {
			invalid++
		}
	}
	var external []string
	for _, b := range s.BankAccounts {
		if b.External {
			external = append(external, ident.MaskIBAN(b.IBAN))
		}
	}
	f := map[string]string{
		FactPendingPurchases: itoa(s.Invoices.Purchases.Pending),
		FactPendingSales:     itoa(s.Invoices.Sales.Pending),
		FactAcceptedPaid:     itoa(s.Invoices.Purchases.AcceptedPaid + s.Invoices.Sales.AcceptedPaid),
		FactAcceptedUnpaid:   itoa(s.Invoices.Purchases.AcceptedUnpaid + s.Invoices.Sales.AcceptedUnpaid),
		FactArchived:         itoa(s.Archives.Documents),
		FactArticles:         itoa(len(s.Articles)),
		FactInvalidArticles:  itoa(invalid),
		FactCustomers:        itoa(s.Partners.Customers),
		FactSuppliers:        itoa(s.Partners.Suppliers),
		FactReceptionEmail:   s.ReceptionEmail,
		FactPaymentAccount:   strconv.FormatBool(s.PaymentAccount),
		FactUsers:            itoa(len(s.Users)),
		FactSubscription:     s.Subscription.Plan,
		FactBankAccounts:     itoa(len(s.BankAccounts)),
		FactExternalIBANs:    strings.Join(external, ", "),
	}
	if s.Numbering != nil {
		f[FactNumbering] = s.Numbering.String()
	}
	if s.Logo != nil {
		f[FactLogoSHA256] = s.Logo.SHA256
	}
	return f
}

func evidenceAt(source string, now time.Time) *Evidence {
	return &Evidence{Source: source, At: now.UTC(), Facts: map[string]string{}}
}

// PendingInvoicesEvidence judges a V1 snapshot for §2 step 1: every purchase
// and sales invoice accepted. It returns the evidence and the pending count.
func PendingInvoicesEvidence(s connectors.V1Snapshot, now time.Time) (*Evidence, int) {
	ev := evidenceAt(SourceV1, now)
	ev.Facts = SnapshotFacts(s)
	pending := s.Invoices.PendingTotal()
	if s.Invoices.Purchases.Pending > 0 {
		ev.Findings = append(ev.Findings, Finding{Code: "pending_purchases", Count: s.Invoices.Purchases.Pending})
	}
	if s.Invoices.Sales.Pending > 0 {
		ev.Findings = append(ev.Findings, Finding{Code: "pending_sales", Count: s.Invoices.Sales.Pending})
	}
	ev.OK = pending == 0
	return ev, pending
}

// ArticlesEvidence reports what bascule's own rules find in a V1 snapshot's
// article base for §2 step 2. The guide asks a person to judge that the
// articles are still valid, so the evidence is never OK by itself: a clean
// result carries the "articles_to_judge" finding and the step stays for the
// person to tick (Step.PersonTicks).
func ArticlesEvidence(s connectors.V1Snapshot, now time.Time) *Evidence {
	ev := evidenceAt(SourceV1, now)
	counts := map[connectors.ArticleProblem]int{}
	for _, a := range s.Articles {
		for _, p := range a.Problems {
			counts[p]++
		}
	}
	for _, p := range connectors.ArticleProblems() {
		if counts[p] > 0 {
			ev.Findings = append(ev.Findings, Finding{Code: string(p), Count: counts[p], Detail: p.FrenchLabel()})
		}
	}
	ev.Facts[FactArticles] = strconv.Itoa(len(s.Articles))
	if len(ev.Findings) == 0 {
		ev.Findings = append(ev.Findings, Finding{Code: FindingArticlesToJudge, Count: len(s.Articles)})
	}
	ev.OK = false
	return ev
}

// FindingArticlesToJudge says bascule's rules found nothing in the article
// base and a person must still judge it.
const FindingArticlesToJudge = "articles_to_judge"

// CheckClient fetches a client's V1 snapshot and judges the two connector
// checks of §2 (pending invoices, article base) in one call.
func CheckClient(ctx context.Context, v1 connectors.V1, clientID string, now time.Time) (pending *Evidence, articles *Evidence, count int, err error) {
	s, err := v1.ClientSnapshot(ctx, clientID)
	if err != nil {
		return nil, nil, 0, err
	}
	pending, count = PendingInvoicesEvidence(s, now)
	return pending, ArticlesEvidence(s, now), count, nil
}

// IdentityEvidence compares the cabinet identity V2 pre-filled with the one
// the workspace holds (§3.1): SIREN, legal name, manager e-mail.
func IdentityEvidence(want connectors.Cabinet, reg connectors.RegistrationStatus, now time.Time) *Evidence {
	ev := evidenceAt(SourceV2, now)
	got := reg.Identity
	cmp := func(code, a, b string, eq func(a, b string) bool) {
		ev.Facts[code] = b
		if !eq(a, b) {
			ev.Findings = append(ev.Findings, Finding{Code: code + "_mismatch", Detail: fmt.Sprintf("%s ≠ %s", a, b)})
		}
	}
	cmp("siren", ident.NormalizeSIREN(want.SIREN), ident.NormalizeSIREN(got.SIREN), func(a, b string) bool { return a == b })
	cmp("legal_name", want.LegalName, got.LegalName, sameName)
	cmp("manager_email", ident.NormalizeEmail(want.ManagerEmail), ident.NormalizeEmail(got.ManagerEmail), strings.EqualFold)
	if !reg.Registered {
		ev.Findings = append(ev.Findings, Finding{Code: "not_registered"})
	}
	ev.OK = len(ev.Findings) == 0
	return ev
}

// RegistrationEvidence judges one of the §3.1 sub-steps from V2's status.
func RegistrationEvidence(stepID string, reg connectors.RegistrationStatus, now time.Time) *Evidence {
	ev := evidenceAt(SourceV2, now)
	var ok bool
	switch stepID {
	case StepRegistrationActivate:
		ok = reg.SpaceActivated
	case StepRegistrationCabinetDossier:
		ok = reg.CabinetDossierCreated
	case StepRegistrationMobileApp:
		ok = reg.MobileAppInstalled
	default:
		ok = reg.Registered
	}
	ev.Facts["registered"] = strconv.FormatBool(reg.Registered)
	ev.Facts["space_activated"] = strconv.FormatBool(reg.SpaceActivated)
	ev.Facts["cabinet_dossier_created"] = strconv.FormatBool(reg.CabinetDossierCreated)
	if !ok {
		ev.Findings = append(ev.Findings, Finding{Code: "not_yet"})
	}
	ev.OK = ok
	return ev
}

// SpaceReadOnlyEvidence records whether one client's old company space
// answers read-only (§3.2: without a subscription it is read-only).
func SpaceReadOnlyEvidence(readOnly bool, now time.Time) *Evidence {
	ev := evidenceAt(SourceV1, now)
	ev.Facts[FactV1ReadOnly] = strconv.FormatBool(readOnly)
	ev.OK = readOnly
	if !readOnly {
		ev.Findings = append(ev.Findings, Finding{Code: "space_still_writable"})
	}
	return ev
}

// ReadOnlyEvidence records whether V1 answers read-only (§3.2, after migration).
func ReadOnlyEvidence(readOnly bool, now time.Time) *Evidence {
	ev := evidenceAt(SourceV1, now)
	ev.Facts[FactV1ReadOnly] = strconv.FormatBool(readOnly)
	ev.OK = readOnly
	if !readOnly {
		ev.Findings = append(ev.Findings, Finding{Code: "v1_still_writable"})
	}
	return ev
}

// RequestEvidence records the state of the migration request (§3.2).
func RequestEvidence(req connectors.MigrationRequest, now time.Time) *Evidence {
	ev := evidenceAt(SourceV2, now)
	ev.Facts["reference"] = req.Reference
	ev.Facts["state"] = string(req.State)
	ev.OK = req.State == connectors.RequestSucceeded
	if req.State == connectors.RequestFailed {
		ev.Findings = append(ev.Findings, Finding{Code: "request_failed", Detail: req.Message})
	}
	return ev
}

func sameName(a, b string) bool {
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	return norm(a) == norm(b)
}

// FindingText renders a finding code for the user.
func FindingText(f Finding) Text {
	n := f.Count
	switch f.Code {
	case "pending_purchases":
		return suffix(Count(n, "facture d'achat", "factures d'achat", "purchase invoice", "purchase invoices"), " à accepter", " to accept")
	case "pending_sales":
		return suffix(Count(n, "facture de vente", "factures de vente", "sales invoice", "sales invoices"), " à accepter", " to accept")
	case "siren_mismatch":
		return tx("SIREN différent sur V2 : "+f.Detail, "different SIREN on V2: "+f.Detail)
	case "legal_name_mismatch":
		return tx("raison sociale différente sur V2 : "+f.Detail, "different legal name on V2: "+f.Detail)
	case "manager_email_mismatch":
		return tx("e-mail du responsable différent sur V2 : "+f.Detail, "different manager e-mail on V2: "+f.Detail)
	case "not_registered":
		return tx("le cabinet n'est pas encore inscrit sur V2", "the firm is not registered on V2 yet")
	case "not_yet":
		return tx("pas encore fait d'après V2", "not done yet according to V2")
	case "v1_still_writable":
		return tx("V1 accepte encore des modifications", "V1 still accepts changes")
	case "space_still_writable":
		return tx("l'ancien espace entreprise accepte encore des modifications", "the old company space still accepts changes")
	case FindingArticlesToJudge:
		return suffix(Count(n, "article lu", "articles lus", "article read", "articles read"), " sur V1, rien de relevé par les règles de bascule : jugez-les, puis cochez l'étape",
			" on V1, nothing found by bascule's rules: judge them, then tick the step")
	case FindingRoleNotNoted:
		return tx("aucun rôle noté pour "+f.Detail+" : notez ses rôles avant de l'inviter", "no role noted for "+f.Detail+": note their roles before inviting them")
	case FindingMemberMissing:
		return tx(f.Detail+" n'est pas membre sur V2", f.Detail+" is not a member on V2")
	case FindingRolesDiffer:
		return tx("rôles différents sur V2 : "+f.Detail, "different roles on V2: "+f.Detail)
	case FindingNoPlanChosen:
		return tx("aucun abonnement noté comme choisi par le client : notez son choix dans la saisie de l'étape", "no subscription noted as chosen by the client: note their choice in the step's form")
	case FindingPlanUnknown:
		return tx("« "+f.Detail+" » n'est pas une offre de V2", "\""+f.Detail+"\" is not one of V2's plans")
	case "v2_import_to_do":
		return tx("fichier d'import écrit pour V2 ("+f.Detail+") : importez-le sur V2, puis cochez l'étape",
			"import file written for V2 ("+f.Detail+"): import it on V2, then tick the step")
	case "request_failed":
		return tx("la demande de migration a échoué : "+f.Detail, "the migration request failed: "+f.Detail)
	case "blocker." + string(BlockRegistration):
		return suffix(Count(n, "étape d'inscription", "étapes d'inscription", "registration step", "registration steps"), " à finir (§3.1)", " to finish (§3.1)")
	case "blocker." + string(BlockCabinetPreparation):
		return suffix(Count(n, "étape de préparation du cabinet", "étapes de préparation du cabinet", "firm preparation step", "firm preparation steps"), " à finir (§2)", " to finish (§2)")
	case "blocker." + string(BlockPendingInvoices):
		return suffix(Count(n, "client", "clients", "client", "clients"), " avec des factures en attente ou non vérifiées (§2)", " with invoices pending or not checked (§2)")
	case "blocker." + string(BlockCabinetPendingInvoices):
		return tx("dossier du cabinet : factures en attente à accepter ou à vérifier (§3.2)", "firm's own dossier: pending invoices to accept or to check (§3.2)")
	case "blocker." + string(BlockClientPreparation):
		return suffix(Count(n, "client", "clients", "client", "clients"), " dont la préparation n'est pas finie (§2)", " whose preparation is not finished (§2)")
	}
	if strings.HasPrefix(f.Code, "blocker.") {
		return Count(n, "point bloquant", "points bloquants", "blocking point", "blocking points")
	}
	for _, p := range connectors.ArticleProblems() {
		if string(p) == f.Code {
			return suffix(Count(n, "article", "articles", "article", "articles"), " : "+p.FrenchLabel(), ": "+p.EnglishLabel())
		}
	}
	return tx(f.Code, f.Code)
}

// suffix appends a tail to each language of t.
func suffix(t Text, fr, en string) Text { return Text{FR: t.FR + fr, EN: t.EN + en} }
