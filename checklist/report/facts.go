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
var factNames = map[string]checklist.Text{
	checklist.FactPendingPurchases:    {FR: "achats en attente", EN: "pending purchases"},
	checklist.FactPendingSales:        {FR: "ventes en attente", EN: "pending sales"},
	checklist.FactAcceptedPaid:        {FR: "documents acceptés payés", EN: "accepted documents, paid"},
	checklist.FactAcceptedUnpaid:      {FR: "documents acceptés non payés", EN: "accepted documents, unpaid"},
	checklist.FactArchived:            {FR: "documents archivés", EN: "archived documents"},
	checklist.FactArticles:            {FR: "articles", EN: "articles"},
	checklist.FactInvalidArticles:     {FR: "articles à revoir", EN: "articles to review"},
	checklist.FactCustomers:           {FR: "clients", EN: "customers"},
	checklist.FactSuppliers:           {FR: "fournisseurs", EN: "suppliers"},
	checklist.FactReceptionEmail:      {FR: "e-mail de réception des factures d'achat", EN: "purchase-invoice reception e-mail"},
	checklist.FactPaymentAccount:      {FR: "compte de paiement Banqup", EN: "Banqup payment account"},
	checklist.FactUsers:               {FR: "utilisateurs", EN: "users"},
	checklist.FactNumbering:           {FR: "numérotation", EN: "numbering"},
	checklist.FactSubscription:        {FR: "abonnement", EN: "subscription"},
	checklist.FactBankAccounts:        {FR: "comptes bancaires", EN: "bank accounts"},
	checklist.FactExternalIBANs:       {FR: "IBAN externes", EN: "external IBANs"},
	checklist.FactLogoSHA256:          {FR: "empreinte du logo (SHA-256)", EN: "logo fingerprint (SHA-256)"},
	checklist.FactV1ReadOnly:          {FR: "V1 en lecture seule", EN: "V1 read-only"},
	checklist.FactRegistrationMissing: {FR: "éléments d'inscription manquants", EN: "registration items missing"},
	"siren":                           {FR: "SIREN sur V2", EN: "SIREN on V2"},
	"legal_name":                      {FR: "raison sociale sur V2", EN: "legal name on V2"},
	"manager_email":                   {FR: "e-mail du responsable sur V2", EN: "manager e-mail on V2"},
	"registered":                      {FR: "inscrit", EN: "registered"},
	"space_activated":                 {FR: "espace cabinet actif", EN: "firm space active"},
	"cabinet_dossier_created":         {FR: "dossier du cabinet créé", EN: "firm dossier created"},
	"reference":                       {FR: "référence de la demande", EN: "request reference"},
	"state":                           {FR: "état", EN: "state"},
	"admin_email":                     {FR: "e-mail de l'administrateur", EN: "administrator e-mail"},
	"idempotency_key":                 {FR: "clé d'idempotence", EN: "idempotency key"},
	"blockers":                        {FR: "points bloquants", EN: "blocking points"},
	"override":                        {FR: "dérogation", EN: "override"},
	"logo":                            {FR: "logo", EN: "logo"},
	"invited":                         {FR: "invités", EN: "invited"},
	"noted":                           {FR: "notés", EN: "noted"},
	"role_not_noted":                  {FR: "sans rôle noté", EN: "without a role noted"},
	"members":                         {FR: "membres sur V2", EN: "members on V2"},
	"checked":                         {FR: "vérifiés", EN: "checked"},
	"accounts":                        {FR: "comptes ajoutés", EN: "accounts added"},
	"last_v1":                         {FR: "dernier numéro sur V1", EN: "last number on V1"},
	"next":                            {FR: "prochain numéro", EN: "next number"},
	"connections":                     {FR: "connexions", EN: "connections"},
	"chosen":                          {FR: "offre choisie", EN: "plan chosen"},
	"imported":                        {FR: "importés", EN: "imported"},
	"rejected":                        {FR: "lignes refusées", EN: "rows rejected"},
	"clients":                         {FR: "clients", EN: "clients"},
	"from":                            {FR: "fichier lu", EN: "file read"},
	"files":                           {FR: "fichiers écrits", EN: "files written"},
	"dir":                             {FR: "dossier", EN: "folder"},
	"messages":                        {FR: "messages", EN: "messages"},
	"no_contact":                      {FR: "sans destinataire connu", EN: "without a known recipient"},
	"comapi.archived":                 {FR: "fichiers archivés (API d'export V1)", EN: "archived files (V1 export API)"},
}

// blockerNames name the kinds of blocking points ("blockers.<kind>").
var blockerNames = map[checklist.BlockerKind]checklist.Text{
	checklist.BlockPendingInvoices:        {FR: "factures en attente", EN: "pending invoices"},
	checklist.BlockCabinetPendingInvoices: {FR: "factures en attente du cabinet", EN: "firm's pending invoices"},
	checklist.BlockClientPreparation:      {FR: "préparation des clients", EN: "clients' preparation"},
	checklist.BlockCabinetPreparation:     {FR: "préparation du cabinet", EN: "firm's preparation"},
	checklist.BlockRegistration:           {FR: "inscription", EN: "registration"},
	checklist.BlockStepBlocked:            {FR: "étapes bloquées", EN: "blocked steps"},
	checklist.BlockRequiredStepMissing:    {FR: "étapes requises", EN: "required steps"},
	checklist.BlockNotMigrated:            {FR: "migration pas encore faite", EN: "migration not done yet"},
}

// FactLabel names an evidence fact for the reader, in lang. Besides the
// table, it names the keys built from a prefix: a §3.3 item's ".v1",
// ".v2" and ".state" (g names the items; nil means checklist.Default()),
// "blockers.<kind>", a file field's "_sha256" and "_clients", and the V1
// file-export API's per-folder counts ("comapi.AP/Transfer"). An unknown
// key is returned as it is: a new fact shows before it has a name.
func FactLabel(g *checklist.Guide, key string, lang checklist.Lang) string {
	if t, ok := factNames[key]; ok {
		return t.In(lang)
	}
	if kind, ok := strings.CutPrefix(key, "blockers."); ok {
		name := kind
		if t, ok := blockerNames[checklist.BlockerKind(kind)]; ok {
			name = t.In(lang)
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
		return checklist.Text{FR: "oui", EN: "yes"}.In(lang)
	case "false":
		return checklist.Text{FR: "non", EN: "no"}.In(lang)
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
	d := map[string]checklist.Text{"AP": {FR: "achats", EN: "purchases"}, "AR": {FR: "ventes", EN: "sales"}}[dir]
	f := map[string]checklist.Text{"Transfer": {FR: "à transférer", EN: "to transfer"}, "Archived": {FR: "archivés", EN: "archived"}}[folder]
	if d.FR == "" || f.FR == "" {
		return box
	}
	return d.In(lang) + ", " + f.In(lang)
}

// fileField names a capture's file field ("export", or "export.2" for the
// second item): quoted, with its item number.
func fileField(id string, lang checklist.Lang) string {
	name, n, _ := strings.Cut(id, ".")
	s := "« " + name + " »"
	if lang == checklist.English {
		s = "“" + name + "”"
	}
	if n != "" {
		s += " " + checklist.Text{FR: "n° ", EN: "no. "}.In(lang) + n
	}
	return s
}
