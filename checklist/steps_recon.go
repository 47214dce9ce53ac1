package checklist

// §3.3 "Validation de migration et rattrapage" and §3.4 "Réintégration
// manuelle", then §4: the steps after the switch.
func reconciliationSteps() []Step {
	var out []Step
	for _, part := range [][]Step{controlSteps(), cabinetReentrySteps(), clientReentrySteps(), paymentReentrySteps()} {
		out = append(out, part...)
	}
	return append(out, Step{
		ID: "summary.report", Phase: PhaseSummary, Scope: ScopeCabinet,
		Section: "4", Kind: KindManual, Actor: ActorCabinet,
		Title: tx("Relire et exporter la synthèse", "Review and export the summary"),
		Help: tx("Relisez le tableau récapitulatif, ligne par ligne, pour le cabinet et chaque client.",
			"Read the summary table line by line, for the firm and each client."),
		HelpSource: FromGuide("4"),
		Note:       tx("bascule l'exporte pour vos dossiers.", "bascule exports it for your records."),
	})
}

// §3.3 — control of what migrated.
func controlSteps() []Step {
	return []Step{
		{
			ID: "reconciliation.cabinet.dossier_control", Phase: PhaseReconciliation, Scope: ScopeCabinet,
			Section: "3.3", Kind: KindConnectorCheck, Actor: ActorCabinet,
			Title: tx("Contrôler les données du dossier cabinet", "Check the firm dossier's data"),
			Help: tx("Les données du dossier du cabinet (factures, archives…) sont migrées : elles doivent être sur V2.",
				"The data of the firm's own dossier (invoices, archives…) migrate: they must be on V2."),
			HelpSource: FromGuide("4"),
		},
		{
			ID: "reconciliation.client.control", Phase: PhaseReconciliation, Scope: ScopeClient,
			Section: "3.3", Kind: KindConnectorCheck, Actor: ActorCabinetOrClient,
			Title: tx("Contrôler ce qui a migré", "Check what migrated"),
			Help: tx("Vérifiez sur V2 ce qui migre seul : documents acceptés avec leur statut de paiement, documents archivés, base articles, clients et fournisseurs, e-mail de réception des factures d'achat. Le reste est à refaire (§3.4).",
				"Check on V2 what migrates by itself: accepted documents with their payment status, archived documents, articles, customers and suppliers, the purchase-invoice reception e-mail. The rest is to redo (§3.4)."),
			HelpSource: FromGuide("3.3"),
			Note: tx("bascule compare les chiffres notés sur V1 avant la bascule avec ceux de V2.",
				"bascule compares the figures noted on V1 before the switch with V2's."),
		},
		{
			ID: "reconciliation.client.v1_read_only", Phase: PhaseReconciliation, Scope: ScopeClient,
			Section: "3.2", Kind: KindConnectorCheck, Actor: ActorCabinetOrClient,
			Title: tx("Constater que l'ancien espace est en lecture seule", "See that the old company space is read-only"),
			Help: tx("L'espace entreprise de V1 est sans abonnement, donc en lecture seule : l'historique des factures reste consultable.",
				"The V1 company space has no subscription, so it is read-only: the invoice history stays readable."),
			HelpSource: FromGuide("3.2"),
			Note: tx("bascule le vérifie quand le connecteur sait lire l'état de chaque espace ; sinon, constatez-le sur V1 et cochez.",
				"bascule checks it when the connector can read each space's state; otherwise see it on V1 and tick."),
		},
	}
}

// §3.4 — re-creating what did not migrate, for the cabinet.
func cabinetReentrySteps() []Step {
	return []Step{
		{
			ID: "reconciliation.cabinet.collaborators", Phase: PhaseReconciliation, Scope: ScopeCabinet,
			Section: "3.4", Item: "1", Kind: KindConnectorAction, Actor: ActorCabinet,
			Title: tx("Réinviter les collaborateurs", "Invite the collaborators again"),
			Help: tx("Chaque collaborateur est réinvité individuellement par e-mail ; les délégations Comptexpert ne sont plus nécessaires, chacun crée son mot de passe personnel.",
				"Each collaborator is invited again, one by one, by e-mail; Comptexpert delegations are no longer needed, everyone sets a personal password."),
			HelpSource: FromGuide("3.4"),
			Note: tx("bascule invite chacun avec les rôles notés pour lui en préparation ; un collaborateur sans rôle noté n'est pas invité.",
				"bascule invites each person with the roles noted for them during preparation; a collaborator with no role noted is not invited."),
			FAQ: "Comment inviter les utilisateurs de mon cabinet ?",
		},
		{
			ID: "reconciliation.cabinet.roles", Phase: PhaseReconciliation, Scope: ScopeCabinet,
			Section: "3.4", Item: "1", Kind: KindConnectorCheck, Actor: ActorCabinet,
			Title:      tx("Réattribuer les rôles des collaborateurs", "Assign the collaborators' roles again"),
			Help:       tx("Les rôles doivent être attribués manuellement, à chacun.", "Roles must be assigned by hand, to each person."),
			HelpSource: FromGuide("3.4"),
			Note: tx("Rôles de V2 d'après le centre d'aide : administrateur, gestionnaire de clientèle, comptable ; sans affectation à des clients, un collaborateur ne voit rien. Le contrôle passe seulement si chaque personne réinvitée a exactement les rôles notés pour elle.",
				"V2 roles according to the help centre: administrator, client manager, accountant; without clients assigned a collaborator sees nothing. The check passes only when each invited person holds exactly the roles noted for them."),
			FAQ:      "Comment inviter les utilisateurs de mon cabinet ?",
			Requires: []string{"reconciliation.cabinet.collaborators"},
		},
		{
			ID: "reconciliation.cabinet.api_connections", Phase: PhaseReconciliation, Scope: ScopeCabinet,
			Section: "3.4", Item: "2", Kind: KindConnectorAction, Actor: ActorCabinet, Duration: minutesRange(5, 10),
			Title: tx("Reconfigurer les connexions API", "Set up the API connections again"),
			Help: tx("Les intégrations comptables (Cegid, ACD, MyUnisoft…) sont à recréer sur V2 et à appliquer aux clients.",
				"The accounting integrations (Cegid, ACD, MyUnisoft…) are re-created on V2 and applied to the clients."),
			HelpSource: FromGuide("3.4"),
			Warning: tx("MyUnisoft : si vous souhaitez utiliser V1 et V2 simultanément, utilisez le token récupéré ; en générer un nouveau ferait perdre l'ancienne connexion.",
				"MyUnisoft: if you want to use V1 and V2 at the same time, use the token you kept; generating a new one would lose the old connection."),
			WarningSource: FromGuide("2"),
			FAQ:           "Comment connecter mon outil comptable ?",
		},
		{
			ID: "reconciliation.cabinet.inactive_clients_import", Phase: PhaseReconciliation, Scope: ScopeCabinet,
			Section: "3.4", Item: "3", Kind: KindConnectorAction, Actor: ActorCabinet, Duration: minutes(10),
			Title: tx("Importer les clients brouillon / créé / mis à jour", "Import the draft / created / updated clients"),
			Help: tx("Adaptez le fichier exporté de V1 à celui de la nouvelle version, puis importez-le.",
				"Adapt the file exported from V1 to the new version's, then import it."),
			HelpSource: FromGuide("3.4"),
			Note:       ImportRowsNote().Text,
			FAQ:        "Importer mes clients",
		},
	}
}

// §3.4 (and §3.3, §4) — for each client company.
func clientReentrySteps() []Step {
	return []Step{
		{
			ID: "reconciliation.client.profile", Phase: PhaseReconciliation, Scope: ScopeClient,
			Section: "3.4", Item: "1", Kind: KindConnectorAction, Actor: ActorCabinetOrClient,
			Title: tx("Compléter le profil et le logo", "Complete the profile and logo"),
			Help: tx("Remettez le logo et les coordonnées (nom de l'entreprise en haut à droite > Gérer l'espace de travail et apparence).",
				"Put back the logo and contact details (company name at the top right > Manage workspace and appearance)."),
			HelpSource: FromGuide("3.4"),
		},
		{
			ID: "reconciliation.client.users", Phase: PhaseReconciliation, Scope: ScopeClient,
			Section: "3.4", Item: "3", Kind: KindConnectorAction, Actor: ActorCabinetOrClient,
			Title: tx("Ajouter les utilisateurs et leurs rôles", "Add the users and their roles"),
			Help: tx("Tous les utilisateurs secondaires sont à créer à la main, et leurs rôles à affecter (gestionnaire, visualisation, services de paiement…).",
				"Every secondary user is created by hand and given their roles (manager, viewer, payment services…)."),
			HelpSource: FromGuide("3.4"),
			Note: tx("bascule invite chacun avec les rôles notés pour lui en préparation ; une personne sans rôle noté n'est pas invitée.",
				"bascule invites each person with the roles noted for them during preparation; a person with no role noted is not invited."),
			FAQ: "Comment ajouter un utilisateur à mon entreprise ?",
		},
		{
			ID: "reconciliation.client.bank_accounts", Phase: PhaseReconciliation, Scope: ScopeClient,
			Section: "3.4", Item: "4", Kind: KindConnectorAction, Actor: ActorCabinetOrClient,
			Title: tx("Ressaisir les comptes bancaires", "Enter the bank accounts again"),
			Help: tx("Pour des raisons de sécurité, les coordonnées bancaires ne sont pas transférées : ressaisissez-les (Création de document > Paramètres > Compte bancaire).",
				"For security, bank details are not transferred: enter them again (Document creation > Settings > Bank account)."),
			HelpSource: FromGuide("3.4"),
		},
		{
			ID: "reconciliation.client.numbering", Phase: PhaseReconciliation, Scope: ScopeClient,
			Section: "3.4", Item: "5", Kind: KindConnectorAction, Actor: ActorCabinetOrClient,
			Title:      tx("Configurer la numérotation des factures de vente", "Set up the sales invoice numbering"),
			Help:       tx("Paramétrez sur V2 la numérotation notée avant la migration.", "Set on V2 the numbering noted before the migration."),
			HelpSource: FromGuide("3.4"),
			Note: tx("bascule propose le numéro qui suit le dernier de V1, avec le même préfixe et le même nombre de chiffres, à régler avant la première facture.",
				"bascule proposes the number after V1's last, with the same prefix and digits, to set before the first invoice."),
			FAQ: "Comment paramétrer la numérotation automatique des factures de vente ?",
		},
		{
			ID: "reconciliation.client.settings", Phase: PhaseReconciliation, Scope: ScopeClient,
			Section: "3.3", Kind: KindManual, Actor: ActorCabinetOrClient,
			Title: tx("Refaire les paramètres de personnalisation", "Redo the customisation settings"),
			Help: tx("Le workflow et la date d'échéance par défaut ne sont pas transférés : reprenez-les sur V2.",
				"The workflow and default due date are not transferred: set them again on V2."),
			HelpSource: FromGuide("3.3"),
			Form: &Form{Fields: []Field{
				{ID: "workflow", Label: tx("Workflow", "Workflow"), Type: FieldText},
				{ID: "default_due_days", Label: tx("Échéance par défaut (jours)", "Default due date (days)"), Type: FieldInt},
			}},
		},
		{
			ID: "reconciliation.client.subscription", Phase: PhaseReconciliation, Scope: ScopeClient,
			Section: "4", Kind: KindConnectorAction, Actor: ActorCabinetOrClient,
			Title: tx("Choisir le nouvel abonnement", "Choose the new subscription"),
			Help: tx("L'abonnement ne migre pas : un nouvel abonnement est à choisir, avec une suggestion en fonction du précédent.",
				"The subscription does not migrate: a new one is to be chosen, with a suggestion based on the previous one."),
			HelpSource: FromGuide("4"),
			Note: tx("bascule ne connaît pas les offres de V2 et n'en propose aucune : notez le plan que le client a choisi. Rien n'est souscrit sans ce choix.",
				"bascule does not know V2's plans and suggests none: note the plan the client chose. Nothing is subscribed without that choice."),
			Form: &Form{Fields: []Field{
				{ID: "previous", Label: tx("Abonnement précédent", "Previous subscription"), Type: FieldText},
				{ID: "chosen", Label: tx("Abonnement choisi par le client", "Subscription the client chose"), Type: FieldText, Required: true,
					Help:       tx("Le nom du plan tel que V2 l'affiche.", "The plan's name as V2 shows it."),
					HelpSource: FromBascule()},
			}},
		},
	}
}

// After the switch, for payment-services clients (§2 intro, §3.3, §4).
func paymentReentrySteps() []Step {
	return []Step{
		{
			ID: "reconciliation.payment.payment_account", Phase: PhaseReconciliation, Scope: ScopePayment,
			Section: "2", Kind: KindConnectorCheck, Actor: ActorCabinetOrClient,
			Title: tx("Constater que le compte de paiement Banqup est conservé", "See that the Banqup payment account is kept"),
			Help: tx("Le compte de paiement Banqup est conservé dans la nouvelle version.",
				"The Banqup payment account is kept in the new version."),
			HelpSource: FromGuide("2", "4"),
		},
		{
			ID: "reconciliation.payment.subscription_request", Phase: PhaseReconciliation, Scope: ScopePayment,
			Section: "2", Kind: KindCapture, Actor: ActorCabinetOrClient,
			Title: tx("Faire la nouvelle demande de souscription aux services de paiement", "Make the new payment-services subscription request"),
			Help: tx("Réalisez une nouvelle demande de souscription : les équipes de jefacture affectent ensuite l'IBAN associé.",
				"Make a new subscription request: jefacture's teams then assign the associated IBAN."),
			HelpSource: FromGuide("2"),
			Form: &Form{OneOf: []string{"date", "reference"}, Fields: []Field{
				{ID: "date", Label: tx("Date de la demande", "Request date"), Type: FieldDate},
				{ID: "reference", Label: tx("Référence de la demande", "Request reference"), Type: FieldText},
			}},
		},
		{
			ID: "reconciliation.payment.external_accounts", Phase: PhaseReconciliation, Scope: ScopePayment,
			Section: "3.3", Kind: KindConnectorAction, Actor: ActorCabinetOrClient,
			Title: tx("Reconnecter les comptes externes", "Connect the external accounts again"),
			Help: tx("Les comptes bancaires externes ne sont pas transférés : reproduisez sur V2 la connexion des IBAN notés en préparation.",
				"External bank accounts are not transferred: connect again on V2 the IBANs noted during preparation."),
			HelpSource: FromGuide("2", "3.3"),
		},
		{
			ID: "reconciliation.payment.statements", Phase: PhaseReconciliation, Scope: ScopePayment,
			Section: "3.3", Kind: KindManual, Actor: ActorCabinetOrClient, Optional: true,
			Title: tx("Archiver les relevés de transactions exportés (si besoin)", "File the exported transaction statements (if needed)"),
			Help: tx("Les relevés de transaction ne sont pas transférés (export manuel si besoin) : gardez les exports faits en préparation.",
				"Transaction statements are not transferred (manual export if needed): keep the exports made during preparation."),
			HelpSource: FromGuide("3.3", "4"),
		},
	}
}
