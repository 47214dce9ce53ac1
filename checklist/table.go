package checklist

// Migrated says whether the guide's §4 table marks an element as migrated.
type Migrated uint8

// The three answers of the §4 table's "Migré" column.
const (
	MigratedYes Migrated = iota
	MigratedNo
	MigratedNotApplicable
)

// String returns the stable id.
func (m Migrated) String() string {
	switch m {
	case MigratedYes:
		return "yes"
	case MigratedNo:
		return "no"
	}
	return "not_applicable"
}

// Title is the answer as the user reads it.
func (m Migrated) Title() Text {
	switch m {
	case MigratedYes:
		return tx("oui", "yes")
	case MigratedNo:
		return tx("non", "no")
	}
	return tx("sans objet", "not applicable")
}

// Environment is a side of the §4 table.
type Environment uint8

// The two sides of the §4 table.
const (
	EnvCabinet Environment = iota // "Espace Cabinet"
	EnvCompany                    // "Espaces Entreprises"
)

// String returns the stable id.
func (e Environment) String() string {
	if e == EnvCompany {
		return "company"
	}
	return "cabinet"
}

// Title is the side's name for the user.
func (e Environment) Title() Text {
	if e == EnvCompany {
		return tx("Espaces entreprises", "Company spaces")
	}
	return tx("Espace cabinet", "Firm space")
}

// SummaryLine is one line of the guide's §4 table. Its words are the
// guide's (Source).
type SummaryLine struct {
	ID          string
	Environment Environment
	Element     Text
	Migrated    Migrated
	Action      Text     // the manual action needed, empty when none
	Steps       []string // the steps that handle this line
}

// summaryTable is §4, line by line, in the guide's order.
func summaryTable() []SummaryLine {
	return []SummaryLine{
		{ID: "cabinet.inactive_clients", Environment: EnvCabinet, Migrated: MigratedNo,
			Element: tx("Dossiers clients non actifs", "Non-active client dossiers"),
			Action:  tx("Export puis import sur la nouvelle plateforme", "Export, then import on the new platform"),
			Steps:   []string{"preparation.cabinet.inactive_clients_export", "reconciliation.cabinet.inactive_clients_import"}},
		{ID: "cabinet.collaborator_access", Environment: EnvCabinet, Migrated: MigratedNo,
			Element: tx("Accès des collaborateurs", "Collaborator access"),
			Action:  tx("Invitation par e-mail", "Invitation by e-mail"),
			Steps:   []string{"preparation.cabinet.collaborators", "reconciliation.cabinet.collaborators"}},
		{ID: "cabinet.collaborator_roles", Environment: EnvCabinet, Migrated: MigratedNo,
			Element: tx("Rôles des collaborateurs", "Collaborator roles"),
			Action:  tx("À redéfinir après l'invitation", "Set again after the invitation"),
			Steps:   []string{"preparation.cabinet.collaborators", "reconciliation.cabinet.roles"}},
		{ID: "cabinet.api_connections", Environment: EnvCabinet, Migrated: MigratedNo,
			Element: tx("Connexions API aux logiciels comptables", "API connections to accounting software"),
			Action:  tx("Nouvelle configuration API", "New API configuration"),
			Steps:   []string{"preparation.cabinet.api_connections", "reconciliation.cabinet.api_connections"}},
		{ID: "cabinet.dossier_data", Environment: EnvCabinet, Migrated: MigratedYes,
			Element: tx("Données du dossier cabinet (factures, archives…)", "Firm dossier data (invoices, archives…)"),
			Steps:   []string{"reconciliation.cabinet.dossier_control"}},

		{ID: "company.archived_invoices", Environment: EnvCompany, Migrated: MigratedYes,
			Element: tx("Factures archivées", "Archived invoices"),
			Steps:   []string{"reconciliation.client.control"}},
		{ID: "company.accepted_invoices", Environment: EnvCompany, Migrated: MigratedYes,
			Element: tx("Factures acceptées (achat / vente)", "Accepted invoices (purchase / sales)"),
			Steps:   []string{"reconciliation.client.control"}},
		{ID: "company.pending_invoices", Environment: EnvCompany, Migrated: MigratedNo,
			Element: tx("Factures non acceptées", "Invoices not accepted"),
			Action:  tx("À valider avant la migration", "Accept before the migration"),
			Steps:   []string{"preparation.client.pending_invoices", "request.client_checks"}},
		{ID: "company.partners", Environment: EnvCompany, Migrated: MigratedYes,
			Element: tx("Clients et fournisseurs", "Customers and suppliers"),
			Steps:   []string{"reconciliation.client.control"}},
		{ID: "company.articles", Environment: EnvCompany, Migrated: MigratedYes,
			Element: tx("Base articles (catalogue produits / services)", "Article base (product / service catalogue)"),
			Steps:   []string{"preparation.client.articles", "reconciliation.client.control"}},
		{ID: "company.profile", Environment: EnvCompany, Migrated: MigratedNo,
			Element: tx("Profil entreprise (logo, adresse…)", "Company profile (logo, address…)"),
			Action:  tx("À reconfigurer", "Configure again"),
			Steps:   []string{"preparation.client.logo", "reconciliation.client.profile"}},
		{ID: "company.bank_accounts", Environment: EnvCompany, Migrated: MigratedNo,
			Element: tx("Comptes bancaires", "Bank accounts"),
			Action:  tx("Ressaisie obligatoire", "Must be entered again"),
			Steps:   []string{"reconciliation.client.bank_accounts", "preparation.payment.external_accounts", "reconciliation.payment.external_accounts"}},
		{ID: "company.statements", Environment: EnvCompany, Migrated: MigratedNo,
			Element: tx("Relevés de transactions", "Transaction statements"),
			Action:  tx("Export manuel si besoin", "Manual export if needed"),
			Steps:   []string{"preparation.payment.statements", "reconciliation.payment.statements"}},
		{ID: "company.users_roles", Environment: EnvCompany, Migrated: MigratedNo,
			Element: tx("Utilisateurs et rôles", "Users and roles"),
			Action:  tx("Création et affectation des rôles", "Create and assign roles"),
			Steps:   []string{"preparation.client.users", "reconciliation.client.users"}},
		{ID: "company.numbering", Environment: EnvCompany, Migrated: MigratedNo,
			Element: tx("Numérotation automatique des factures", "Automatic invoice numbering"),
			Action:  tx("À recréer", "Re-create"),
			Steps:   []string{"preparation.client.numbering", "reconciliation.client.numbering"}},
		{ID: "company.payment_account", Environment: EnvCompany, Migrated: MigratedYes,
			Element: tx("Compte de paiement Banqup", "Banqup payment account"),
			Steps:   []string{"reconciliation.payment.payment_account", "reconciliation.payment.subscription_request"}},
		{ID: "company.subscription", Environment: EnvCompany, Migrated: MigratedNo,
			Element: tx("Abonnement", "Subscription"),
			Action:  tx("Choisir un nouvel abonnement, suggéré d'après le précédent", "Choose a new subscription, suggested from the previous one"),
			Steps:   []string{"reconciliation.client.subscription"}},
		{ID: "company.user_role", Environment: EnvCompany, Migrated: MigratedNo,
			Element: tx("Rôle utilisateur", "User role"),
			Action:  tx("À définir après l'invitation", "Set after the invitation"),
			Steps:   []string{"reconciliation.client.users"}},
		{ID: "company.v1_access", Environment: EnvCompany, Migrated: MigratedNotApplicable,
			Element: tx("Accès à l'ancien espace entreprise", "Access to the old company space"),
			Action:  tx("Lecture seule uniquement", "Read-only"),
			Steps:   []string{"request.v1_read_only", "reconciliation.client.v1_read_only"}},
	}
}

// Source is where a §4 line's words come from.
func (SummaryLine) Source() Source { return FromGuide("4") }

// TransferItem is one element of the §3.3 lists: what migrates by itself, and
// the reminder of what does not. Its words are the guide's (Source).
type TransferItem struct {
	ID       string
	Title    Text
	Migrated bool
	Steps    []string
}

// transferItems is §3.3 in the guide's order.
func transferItems() []TransferItem {
	return []TransferItem{
		{"accepted_documents", tx("Documents acceptés (achats et ventes) avec leur statut de paiement", "Accepted documents (purchases and sales) with their payment status"), true, []string{"reconciliation.client.control"}},
		{"archived_documents", tx("Documents archivés", "Archived documents"), true, []string{"reconciliation.client.control"}},
		{"articles", tx("Catalogue produits / base articles", "Product catalogue / article base"), true, []string{"reconciliation.client.control"}},
		{"partners", tx("Clients et fournisseurs", "Customers and suppliers"), true, []string{"reconciliation.client.control"}},
		{"reception_email", tx("E-mail de réception des factures d'achat", "Purchase-invoice reception e-mail"), true, []string{"reconciliation.client.control"}},

		{"api_connections", tx("Connexions API (pré-compta, connecteurs externes)", "API connections (pre-accounting, external connectors)"), false, []string{"reconciliation.cabinet.api_connections"}},
		{"pending_invoices", tx("Factures non acceptées ou en brouillon", "Invoices not accepted or in draft"), false, []string{"preparation.client.pending_invoices"}},
		{"numbering", tx("Numérotation automatique des factures de vente", "Automatic sales invoice numbering"), false, []string{"reconciliation.client.numbering"}},
		{"company_profile", tx("Profil entreprise (logo, coordonnées…)", "Company profile (logo, contact details…)"), false, []string{"reconciliation.client.profile"}},
		{"settings", tx("Paramètres de personnalisation (workflow, échéance par défaut)", "Customisation settings (workflow, default due date)"), false, []string{"reconciliation.client.settings"}},
		{"users_roles", tx("Utilisateurs et leurs rôles", "Users and their roles"), false, []string{"reconciliation.client.users"}},
		{"external_accounts", tx("Comptes bancaires externes", "External bank accounts"), false, []string{"reconciliation.payment.external_accounts", "reconciliation.client.bank_accounts"}},
		{"statements", tx("Relevés de transaction", "Transaction statements"), false, []string{"preparation.payment.statements", "reconciliation.payment.statements"}},
	}
}

// Source is where a §3.3 item's words come from.
func (TransferItem) Source() Source { return FromGuide("3.3") }

// ControlStep is the step whose items are the §3.3 lists: the control of
// what migrated, for each client company.
const ControlStep = "reconciliation.client.control"

// ControlItem is one §3.3 item as a front end or a report shows it under
// the control step: what V2 should now hold (Migrated) or what must be
// redone by hand, with the steps that handle it.
type ControlItem struct {
	ID       string `json:"id"`
	Title    Text   `json:"title"`
	Migrated bool   `json:"migrated"`
	// List is the §3.3 list the item belongs to, as the guide titles it.
	List   Text     `json:"list"`
	Steps  []string `json:"steps"`
	Source Source   `json:"source"`
}

// ControlListTitle is the title the guide gives each §3.3 list.
func ControlListTitle(migrated bool) Text {
	if migrated {
		return tx("Contrôle de ce qui est migré", "Check of what migrated")
	}
	return tx("Données non transférées automatiquement", "Data not transferred automatically")
}

// ControlItems returns the §3.3 lists in the guide's order: the 5 elements
// that migrate by themselves, then the 8 that do not. For `step list
// --json`, the control screen and the reports (as the items of ControlStep).
func (g *Guide) ControlItems() []ControlItem {
	out := make([]ControlItem, 0, len(g.Transfers))
	for _, it := range g.Transfers {
		out = append(out, ControlItem{ID: it.ID, Title: it.Title, Migrated: it.Migrated, List: ControlListTitle(it.Migrated),
			Steps: append([]string(nil), it.Steps...), Source: it.Source()})
	}
	return out
}

// ItemsOf returns the items shown under a step: the §3.3 lists for the
// control step, nothing for the others.
func (g *Guide) ItemsOf(stepID string) []ControlItem {
	if stepID == ControlStep {
		return g.ControlItems()
	}
	return nil
}
