package report

import (
	"fmt"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
)

// factNames are the reader's names of the evidence facts the checks, jobs
// and captures record, by key. It is the one table: the evidence summary of
// `step list --json` and of every report, and the program's detail pane
// (tui), name facts with it.
var factNames = map[string]func(*texts) string{
	checklist.FactPendingPurchases:    func(t *texts) string { return t.FactPendingPurchases },
	checklist.FactPendingSales:        func(t *texts) string { return t.FactPendingSales },
	checklist.FactAcceptedPaid:        func(t *texts) string { return t.FactAcceptedPaid },
	checklist.FactAcceptedUnpaid:      func(t *texts) string { return t.FactAcceptedUnpaid },
	checklist.FactArchived:            func(t *texts) string { return t.FactArchived },
	checklist.FactArticles:            func(t *texts) string { return t.FactArticles },
	checklist.FactInvalidArticles:     func(t *texts) string { return t.FactInvalidArticles },
	checklist.FactCustomers:           func(t *texts) string { return t.FactCustomers },
	checklist.FactSuppliers:           func(t *texts) string { return t.FactSuppliers },
	checklist.FactReceptionEmail:      func(t *texts) string { return t.FactReceptionEmail },
	checklist.FactPaymentAccount:      func(t *texts) string { return t.FactPaymentAccount },
	checklist.FactUsers:               func(t *texts) string { return t.FactUsers },
	checklist.FactNumbering:           func(t *texts) string { return t.FactNumbering },
	checklist.FactSubscription:        func(t *texts) string { return t.FactSubscription },
	checklist.FactBankAccounts:        func(t *texts) string { return t.FactBankAccounts },
	checklist.FactExternalIBANs:       func(t *texts) string { return t.FactExternalIBANs },
	checklist.FactLogoSHA256:          func(t *texts) string { return t.FactLogoSHA256 },
	checklist.FactV1ReadOnly:          func(t *texts) string { return t.FactV1ReadOnly },
	checklist.FactRegistrationMissing: func(t *texts) string { return t.FactRegistrationMissing },
	"siren":                           func(t *texts) string { return t.FactSiren },
	"legal_name":                      func(t *texts) string { return t.FactLegalName },
	"manager_email":                   func(t *texts) string { return t.FactManagerEmail },
	"registered":                      func(t *texts) string { return t.FactRegistered },
	"space_activated":                 func(t *texts) string { return t.FactSpaceActivated },
	"cabinet_dossier_created":         func(t *texts) string { return t.FactCabinetDossierCreated },
	"reference":                       func(t *texts) string { return t.FactReference },
	"state":                           func(t *texts) string { return t.FactState },
	"admin_email":                     func(t *texts) string { return t.FactAdminEmail },
	"idempotency_key":                 func(t *texts) string { return t.FactIdempotencyKey },
	"blockers":                        func(t *texts) string { return t.FactBlockers },
	"override":                        func(t *texts) string { return t.FactOverride },
	"logo":                            func(t *texts) string { return t.FactLogo },
	"invited":                         func(t *texts) string { return t.FactInvited },
	"noted":                           func(t *texts) string { return t.FactNoted },
	"role_not_noted":                  func(t *texts) string { return t.FactRoleNotNoted },
	"members":                         func(t *texts) string { return t.FactMembers },
	"checked":                         func(t *texts) string { return t.FactChecked },
	"accounts":                        func(t *texts) string { return t.FactAccounts },
	"last_v1":                         func(t *texts) string { return t.FactLastV1 },
	"next":                            func(t *texts) string { return t.FactNext },
	"connections":                     func(t *texts) string { return t.FactConnections },
	"chosen":                          func(t *texts) string { return t.FactChosen },
	"imported":                        func(t *texts) string { return t.FactImported },
	"rejected":                        func(t *texts) string { return t.FactRejected },
	"clients":                         func(t *texts) string { return t.FactClients },
	"from":                            func(t *texts) string { return t.FactFrom },
	"files":                           func(t *texts) string { return t.FactFiles },
	"dir":                             func(t *texts) string { return t.FactDir },
	"messages":                        func(t *texts) string { return t.FactMessages },
	"no_contact":                      func(t *texts) string { return t.FactNoContact },
	"comapi.archived":                 func(t *texts) string { return t.FactComapiArchived },
}

// blockerNames name the kinds of blocking points ("blockers.<kind>").
var blockerNames = map[checklist.BlockerKind]func(*texts) string{
	checklist.BlockPendingInvoices:        func(t *texts) string { return t.BlockerPendingInvoices },
	checklist.BlockCabinetPendingInvoices: func(t *texts) string { return t.BlockerCabinetPendingInvoices },
	checklist.BlockClientPreparation:      func(t *texts) string { return t.BlockerClientPreparation },
	checklist.BlockCabinetPreparation:     func(t *texts) string { return t.BlockerCabinetPreparation },
	checklist.BlockRegistration:           func(t *texts) string { return t.BlockerRegistration },
	checklist.BlockStepBlocked:            func(t *texts) string { return t.BlockerStepBlocked },
	checklist.BlockRequiredStepMissing:    func(t *texts) string { return t.BlockerRequiredStepMissing },
	checklist.BlockNotMigrated:            func(t *texts) string { return t.BlockerNotMigrated },
}

// FactLabel names an evidence fact for the reader, in lang. Besides the
// table, it names the keys built from a prefix: a §3.3 item's ".v1",
// ".v2" and ".state" (g names the items; nil means checklist.Default()),
// "blockers.<kind>", a file field's "_sha256" and "_clients", and the V1
// file-export API's per-folder counts ("comapi.AP/Transfer"). An unknown
// key is returned as it is: a new fact shows before it has a name.
func FactLabel(g *checklist.Guide, key string, lang checklist.Lang) string {
	if name, ok := factNames[key]; ok {
		return name(textsOf(lang))
	}
	if kind, ok := strings.CutPrefix(key, "blockers."); ok {
		name := kind
		if t, ok := blockerNames[checklist.BlockerKind(kind)]; ok {
			name = t(textsOf(lang))
		}
		return textsOf(lang).BlockingPoints + name + ")"
	}
	if box, ok := strings.CutPrefix(key, "comapi."); ok {
		return textsOf(lang).V1Files + boxName(box, lang)
	}
	for _, sfx := range []struct{ key, suffix string }{{".v1", " (V1)"}, {".v2", " (V2)"},
		{".state", " (verdict)"}} {
		if item, ok := strings.CutSuffix(key, sfx.key); ok {
			if title, ok := itemTitle(g, item, lang); ok {
				return title + sfx.suffix
			}
		}
	}
	if id, ok := strings.CutSuffix(key, "_sha256"); ok {
		return textsOf(lang).SHA256FingerprintOf + fileField(id, lang)
	}
	if id, ok := strings.CutSuffix(key, "_clients"); ok {
		return textsOf(lang).ClientsIn + fileField(id, lang)
	}
	return key
}

// FactValue is a fact's value for the reader: yes/no for booleans, a §3.3
// verdict's title for the reconciliation's ".state" facts.
func FactValue(key, v string, lang checklist.Lang) string {
	switch v {
	case "true":
		return textsOf(lang).Yes
	case "false":
		return textsOf(lang).No
	}
	if strings.HasSuffix(key, ".state") {
		for _, s := range []checklist.ReconState{checklist.ReconMigrated, checklist.ReconGap, checklist.ReconToCheck} {
			if s.String() == v {
				return s.Title().In(lang)
			}
		}
	}
	return v
}

// FindingLabel tells a finding for the reader: checklist's sentence when it
// knows the code, a §3.3 gap with its item's title, else the code with its
// count and detail.
func FindingLabel(g *checklist.Guide, f checklist.Finding, lang checklist.Lang) string {
	if t := checklist.FindingText(f).In(lang); t != f.Code {
		return t
	}
	s := f.Code
	if item, ok := strings.CutPrefix(f.Code, "gap."); ok {
		if title, ok := itemTitle(g, item, lang); ok {
			s = textsOf(lang).GapIn + title + textsOf(lang).Quote
		}
	}
	if f.Count > 0 {
		s += fmt.Sprintf(" ×%d", f.Count)
	}
	if f.Detail != "" {
		s += textsOf(lang).Colon + f.Detail
	}
	return s
}

// itemTitle is a §3.3 item's title.
func itemTitle(g *checklist.Guide, id string, lang checklist.Lang) (string, bool) {
	if g == nil {
		g = checklist.Default()
	}
	for _, it := range g.Transfers {
		if it.ID == id {
			return it.Title.In(lang), true
		}
	}
	return "", false
}

// boxName names a folder of the V1 file-export API: "AP/Transfer" is the
// purchases to transfer.
func boxName(box string, lang checklist.Lang) string {
	dir, folder, _ := strings.Cut(box, "/")
	m := textsOf(lang)
	d := map[string]string{"AP": m.BoxPurchases, "AR": m.BoxSales}[dir]
	f := map[string]string{"Transfer": m.BoxToTransfer, "Archived": m.BoxArchived}[folder]
	if d == "" || f == "" {
		return box
	}
	return d + ", " + f
}

// fileField names a capture's file field ("export", or "export.2" for the
// second item): quoted, with its item number.
func fileField(id string, lang checklist.Lang) string {
	name, n, _ := strings.Cut(id, ".")
	s := fmt.Sprintf(textsOf(lang).QuotedFmt, name)
	if n != "" {
		s += " " + textsOf(lang).NumberAbbrev + n
	}
	return s
}
