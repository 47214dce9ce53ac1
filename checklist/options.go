package checklist

// The value lists capture forms offer. Each says where it comes from (see
// Field.OptionsSource): the guide's own words, or bascule's list, which
// screens then label as such.

// Cabinet roles on V2 as jefacture's help centre describes them (one user
// may hold several). The guide names none but "administrateur" (§3.2), so
// the list is bascule's; a role outside it is typed as free text.
func cabinetRoleOptions() []Option {
	return []Option{
		{"administrateur", tx("Administrateur", "Administrator")},
		{"gestionnaire_clientele", tx("Gestionnaire de clientèle", "Client manager")},
		{"comptable", tx("Comptable", "Accountant")},
	}
}

// Company-space roles: exactly the three the guide names (§3.4,
// "gestionnaire, visualisation, services de paiement, etc."); any other role
// noted on V1 is typed as free text.
func companyRoleOptions() []Option {
	return []Option{
		{"gestionnaire", tx("Gestionnaire", "Manager")},
		{"visualisation", tx("Visualisation", "Viewer")},
		{"services_paiement", tx("Services de paiement", "Payment services")},
	}
}

// Accounting software the guide names: Sage, ACD, MyUnisoft, Effiz (§2) and
// Cegid (§3.4); "autre" for the rest.
func softwareOptions() []Option {
	return []Option{
		{"myunisoft", tx("MyUnisoft", "MyUnisoft")},
		{"acd", tx("ACD", "ACD")},
		{"cegid", tx("Cegid", "Cegid")},
		{"sage", tx("Sage", "Sage")},
		{"effiz", tx("Effiz", "Effiz")},
		{"autre", tx("Autre", "Other")},
	}
}

// CompanyRoles are the company-space roles the guide names (§3.4), for a
// front end that offers them; any other role is free text.
func CompanyRoles() []Option { return companyRoleOptions() }

// CabinetRoles are bascule's list of V2 cabinet roles (from jefacture's help
// centre, not the guide); any other role is free text.
func CabinetRoles() []Option { return cabinetRoleOptions() }

// NoticeSubscription is the sentence the notice to clients (§3.2 item 1)
// carries about the subscription: none migrates, each company chooses a new
// one on V2 (§4, "Abonnement : choix d'un nouvel abonnement").
func NoticeSubscription() Said {
	return Said{Source: FromGuide("4"), Text: tx(
		"Votre abonnement ne suit pas la migration : sur la nouvelle plateforme, vous choisirez un nouvel abonnement, avec une suggestion en fonction du précédent.",
		"Your subscription does not follow the migration: on the new platform you will choose a new subscription, with a suggestion based on the previous one.")}
}

// ImportRowsNote says what the split of the V2 import file at 500 rows is:
// bascule's default, from the cap Banqup applies to its partner imports; the
// guide gives no limit. For the help of "clients convert --max-rows".
func ImportRowsNote() Said {
	return Said{Source: FromBascule(), Text: tx(
		"500 lignes par défaut : choix de bascule, d'après le plafond observé sur les imports Banqup ; le guide ne donne pas de limite.",
		"500 rows by default: bascule's choice, after the cap seen on Banqup imports; the guide gives no limit.")}
}
