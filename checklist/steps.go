package checklist

// This file is the migration guide written as data, in the guide's order.
// Section numbers refer to guide-migration-cabinet.fr. Titles and help texts
// are ours; FAQ titles are the names of the articles the guide points to.

// Cabinet roles on V2 (DOMAIN.md); one user may hold several.
func cabinetRoleOptions() []Option {
	return []Option{
		{"administrateur", tx("Administrateur", "Administrator")},
		{"gestionnaire_clientele", tx("Gestionnaire de clientèle", "Client manager")},
		{"comptable", tx("Comptable", "Accountant")},
	}
}

// Company-space roles: the guide names some, Banqup's business space others;
// jefacture publishes none, so they are kept as data.
func companyRoleOptions() []Option {
	return []Option{
		{"administrateur", tx("Administrateur", "Administrator")},
		{"gestionnaire", tx("Gestionnaire", "Manager")},
		{"visualisation", tx("Visualisation", "Viewer")},
		{"services_paiement", tx("Services de paiement", "Payment services")},
		{"responsable_ventes", tx("Responsable des ventes", "Sales manager")},
		{"assistant_ventes", tx("Assistant des ventes", "Sales assistant")},
		{"responsable_achats", tx("Responsable des achats", "Purchasing manager")},
		{"assistant_achats", tx("Assistant des achats", "Purchasing assistant")},
		{"responsable_financier", tx("Responsable financier", "Finance manager")},
		{"titulaire_carte", tx("Titulaire de carte", "Card holder")},
		{"comptable_externe", tx("Comptable (externe)", "Accountant (external)")},
	}
}

func softwareOptions() []Option {
	return []Option{
		{"myunisoft", tx("MyUnisoft", "MyUnisoft")},
		{"acd", tx("ACD", "ACD")},
		{"cegid", tx("Cegid (Loop)", "Cegid (Loop)")},
		{"sage", tx("Sage", "Sage")},
		{"effiz", tx("Effiz", "Effiz")},
		{"autre", tx("Autre", "Other")},
	}
}

func subscriptionOptions() []Option {
	return []Option{
		{"aucun", tx("Aucun", "None")},
		{"essentiel", tx("Essentiel", "Essential")},
		{"standard", tx("Standard", "Standard")},
		{"premium", tx("Premium", "Premium")},
	}
}

func groups() []Group {
	return []Group{
		{ID: "preparation.cabinet", Phase: PhasePreparation, Scope: ScopeCabinet, Section: "2",
			Title: tx("Préparation du cabinet", "Firm preparation"), Duration: minutes(5)},
		{ID: "preparation.client", Phase: PhasePreparation, Scope: ScopeClient, Section: "2",
			Title: tx("Préparation de chaque entreprise cliente", "Preparation of each client company"), Duration: minutes(10)},
		{ID: "preparation.payment", Phase: PhasePreparation, Scope: ScopePayment, Section: "2",
			Title: tx("Préparation des clients des services de paiement", "Preparation of payment-services clients"), Duration: minutes(10)},
		{ID: "registration", Phase: PhaseRegistration, Scope: ScopeCabinet, Section: "3.1",
			Title: tx("Inscription du cabinet sur V2", "Firm registration on V2"), Duration: minutes(5)},
	}
}

func steps() []Step {
	return []Step{
		// §2 — before the migration, for the cabinet (5 minutes in all).
		{
			ID: "preparation.cabinet.collaborators", Phase: PhasePreparation, Scope: ScopeCabinet,
			Group: "preparation.cabinet", Section: "2", Item: "1", Kind: KindCapture, Actor: ActorCabinet,
			Title: tx("Recenser les collaborateurs du cabinet", "List the firm's collaborators"),
			Help: tx("Relevez dans l'onglet Utilisateurs de V1 chaque collaborateur qui accède à l'espace cabinet, avec son rôle : les rôles ne suivent pas la migration et seront réattribués sur V2.",
				"From V1's Users tab, note every collaborator with access to the firm space and their role: roles do not migrate and are assigned again on V2."),
			Form: &Form{Repeated: true, ItemLabel: tx("collaborateur", "collaborator"), Fields: []Field{
				{ID: "name", Label: tx("Nom", "Name"), Type: FieldText, Required: true},
				{ID: "email", Label: tx("E-mail", "E-mail"), Type: FieldEmail, Required: true},
				{ID: "v1_role", Label: tx("Rôle sur V1", "Role on V1"), Type: FieldText},
				{ID: "v2_roles", Label: tx("Rôles à donner sur V2", "Roles to give on V2"), Type: FieldMultiChoice, Options: cabinetRoleOptions()},
				{ID: "reinvite", Label: tx("À réinviter", "Invite again"), Type: FieldBool, Required: true,
					Help: tx("Non pour un collaborateur qui ne doit plus avoir accès.", "No for someone who should no longer have access.")},
			}},
		},
		{
			ID: "preparation.cabinet.inactive_clients_export", Phase: PhasePreparation, Scope: ScopeCabinet,
			Group: "preparation.cabinet", Section: "2", Item: "2", Kind: KindCapture, Actor: ActorCabinet,
			Title: tx("Exporter la liste des clients inactifs", "Export the list of inactive clients"),
			Help: tx("Les dossiers au statut brouillon, créé ou mis à jour ne migrent pas. Exportez-les depuis l'onglet Clients de l'espace cabinet V1 (bouton Exporter) : ce fichier servira à les importer sur V2.",
				"Dossiers in draft, created or updated status do not migrate. Export them from V1's Clients tab (Export button): the file is used to import them on V2."),
			Form: &Form{Fields: []Field{
				{ID: "file", Label: tx("Fichier exporté", "Exported file"), Type: FieldFile, Required: true},
				{ID: "rows", Label: tx("Nombre de clients", "Number of clients"), Type: FieldInt, Required: true, CountOf: "file"},
			}},
		},
		{
			ID: "preparation.cabinet.api_connections", Phase: PhasePreparation, Scope: ScopeCabinet,
			Group: "preparation.cabinet", Section: "2", Item: "3", Kind: KindCapture, Actor: ActorCabinet,
			Title: tx("Recenser les connexions API aux logiciels comptables", "List the API connections to accounting software"),
			Help: tx("Notez chaque intégration (Sage, ACD, MyUnisoft, Effiz…) : aucune ne migre. Le bouton Modifier de V1 permet de récupérer les identifiants, ce qui évite d'aller les rechercher dans le logiciel.",
				"Note every integration (Sage, ACD, MyUnisoft, Effiz…): none migrates. V1's Edit button shows the credentials, which saves looking them up in the software."),
			Warning: tx("MyUnisoft : pour garder V1 et V2 connectés en même temps, récupérez le token existant. En générer un nouveau coupe l'ancienne connexion.",
				"MyUnisoft: to keep V1 and V2 connected at once, keep the existing token. Generating a new one cuts the old connection."),
			Form: &Form{Repeated: true, ItemLabel: tx("connexion", "connection"), Fields: []Field{
				{ID: "software", Label: tx("Logiciel", "Software"), Type: FieldChoice, Required: true, Options: softwareOptions()},
				{ID: "scope", Label: tx("Périmètre (cabinet ou SIREN du client)", "Scope (firm or client SIREN)"), Type: FieldFirmOrSIREN, Required: true},
				{ID: "credentials_retrieved", Label: tx("Identifiants récupérés", "Credentials retrieved"), Type: FieldBool, Required: true},
				{ID: "myunisoft_token_kept", Label: tx("Token MyUnisoft conservé", "MyUnisoft token kept"), Type: FieldBool},
				{ID: "credential", Label: tx("Identifiant ou token (chiffré)", "Credential or token (sealed)"), Type: FieldSecret},
			}},
		},

		// §2 — for each client company (10 minutes); the cabinet or the client may do it.
		{
			ID: "preparation.client.pending_invoices", Phase: PhasePreparation, Scope: ScopeClient,
			Group: "preparation.client", Section: "2", Item: "1", Kind: KindConnectorCheck, Actor: ActorCabinetOrClient,
			Title: tx("Accepter les factures en attente", "Accept pending invoices"),
			Help: tx("Une facture d'achat ou de vente non acceptée ne sera pas transférée : acceptez sur V1 toutes celles à conserver.",
				"A purchase or sales invoice that is not accepted will not be transferred: accept on V1 every one you want to keep."),
		},
		{
			ID: "preparation.client.articles", Phase: PhasePreparation, Scope: ScopeClient,
			Group: "preparation.client", Section: "2", Item: "2", Kind: KindConnectorCheck, Actor: ActorCabinetOrClient,
			Title: tx("Vérifier la base articles", "Check the article base"),
			Help: tx("Le catalogue produits et services migre seul, sans export ni import ; vérifiez seulement que les articles sont encore valides.",
				"The product and service catalogue migrates by itself, with no export or import; only check that the articles are still valid."),
		},
		{
			ID: "preparation.client.logo", Phase: PhasePreparation, Scope: ScopeClient,
			Group: "preparation.client", Section: "2", Item: "3", Kind: KindCapture, Actor: ActorCabinetOrClient,
			Title: tx("Récupérer le logo de l'entreprise", "Save the company's logo"),
			Help: tx("Le profil de l'entreprise ne migre pas : gardez une copie du logo pour le remettre sur V2.",
				"The company profile does not migrate: keep a copy of the logo to put it back on V2."),
			FAQ: "Trouver les informations et le logo de mon dossier",
			Form: &Form{Fields: []Field{
				{ID: "file", Label: tx("Fichier du logo", "Logo file"), Type: FieldFile, Required: true},
				{ID: "sha256", Label: tx("Empreinte SHA-256", "SHA-256 digest"), Type: FieldChecksum, DigestOf: "file",
					Help: tx("Calculée par bascule quand le fichier est lu.", "Computed by bascule when it reads the file.")},
			}},
		},
		{
			ID: "preparation.client.users", Phase: PhasePreparation, Scope: ScopeClient,
			Group: "preparation.client", Section: "2", Item: "4", Kind: KindCapture, Actor: ActorCabinetOrClient,
			Title: tx("Lister les utilisateurs et leurs rôles", "List users and their roles"),
			Help: tx("Les utilisateurs ne migrent pas. Relevez-les dans Paramètres > Utilisateurs ; c'est l'occasion de ne pas réinviter ceux qui ne doivent plus avoir accès.",
				"Users do not migrate. Note them from Settings > Users; it is the moment to leave out those who should no longer have access."),
			FAQ: "Liste des utilisateurs de mon dossier",
			Form: &Form{Repeated: true, ItemLabel: tx("utilisateur", "user"), Fields: []Field{
				{ID: "name", Label: tx("Nom", "Name"), Type: FieldText, Required: true},
				{ID: "email", Label: tx("E-mail", "E-mail"), Type: FieldEmail, Required: true},
				{ID: "roles", Label: tx("Rôles", "Roles"), Type: FieldMultiChoice, Required: true, Options: companyRoleOptions()},
				{ID: "reinvite", Label: tx("À réinviter", "Invite again"), Type: FieldBool, Required: true},
			}},
		},
		{
			ID: "preparation.client.numbering", Phase: PhasePreparation, Scope: ScopeClient,
			Group: "preparation.client", Section: "2", Item: "5", Kind: KindCapture, Actor: ActorCabinetOrClient,
			Title: tx("Noter la numérotation des factures de vente", "Note the sales invoice numbering"),
			Help: tx("Relevez dans les paramètres de V1 le dernier numéro de facture de vente utilisé, pour continuer la même suite sur V2.",
				"In V1's settings, note the last sales invoice number used, to continue the same sequence on V2."),
			FAQ: "Où trouver ma numérotation automatique ?",
			Form: &Form{Fields: []Field{
				{ID: "prefix", Label: tx("Préfixe", "Prefix"), Type: FieldText},
				{ID: "number", Label: tx("Dernier numéro", "Last number"), Type: FieldInt, Required: true},
				{ID: "padding", Label: tx("Nombre de chiffres", "Number of digits"), Type: FieldInt},
			}},
		},

		// §2 — for each payment-services client (10 minutes).
		{
			ID: "preparation.payment.external_accounts", Phase: PhasePreparation, Scope: ScopePayment,
			Group: "preparation.payment", Section: "2", Item: "1", Kind: KindCapture, Actor: ActorCabinetOrClient,
			Title: tx("Noter les IBAN des comptes externes", "Note the IBANs of external accounts"),
			Help: tx("Le compte de paiement Banqup est conservé, mais les comptes externes connectés ne migrent pas : notez leurs IBAN pour les reconnecter.",
				"The Banqup payment account is kept, but connected external accounts do not migrate: note their IBANs to connect them again."),
			Form: &Form{Repeated: true, ItemLabel: tx("compte externe", "external account"), Fields: []Field{
				{ID: "iban", Label: tx("IBAN", "IBAN"), Type: FieldIBAN, Required: true},
				{ID: "holder", Label: tx("Titulaire", "Holder"), Type: FieldText},
				{ID: "validated", Label: tx("IBAN vérifié avec le client", "IBAN checked with the client"), Type: FieldBool, Required: true},
			}},
		},
		{
			ID: "preparation.payment.statements", Phase: PhasePreparation, Scope: ScopePayment,
			Group: "preparation.payment", Section: "2", Item: "2", Kind: KindCapture, Actor: ActorCabinetOrClient,
			Title: tx("Exporter les relevés de transactions", "Export the transaction statements"),
			Help: tx("Les relevés ne migrent pas : téléchargez tout l'historique depuis Comptes bancaires sur V1.",
				"Statements do not migrate: download the whole history from Bank accounts on V1."),
			Form: &Form{Repeated: true, ItemLabel: tx("relevé", "statement"), Fields: []Field{
				{ID: "file", Label: tx("Fichier", "File"), Type: FieldFile, Required: true},
				{ID: "period_start", Label: tx("Début de période", "Period start"), Type: FieldDate, Required: true},
				{ID: "period_end", Label: tx("Fin de période", "Period end"), Type: FieldDate, Required: true, NotBefore: "period_start"},
			}},
		},

		// §3.1 — registration of the cabinet on V2 (5 minutes).
		{
			ID: "registration.comptexpert", Phase: PhaseRegistration, Scope: ScopeCabinet,
			Group: "registration", Section: "3.1", Item: "1", Kind: KindManual, Actor: ActorCabinet,
			Title: tx("S'inscrire via Comptexpert", "Sign up through Comptexpert"),
			Help: tx("Depuis l'espace client ECMA, ouvrez Comptexpert puis la tuile jefacture.com pour lancer l'inscription.",
				"From the ECMA client area, open Comptexpert then the jefacture.com tile to start signing up."),
			FAQ: "Comment inscrire mon cabinet sur la nouvelle plateforme ?",
		},
		{
			ID: "registration.identity", Phase: PhaseRegistration, Scope: ScopeCabinet,
			Group: "registration", Section: "3.1", Item: "2", Kind: KindConnectorCheck, Actor: ActorCabinet,
			Title: tx("Vérifier l'identité pré-remplie", "Check the pre-filled identity"),
			Help: tx("Comparez le SIREN, la raison sociale et l'e-mail du responsable pré-remplis sur V2 avec ceux du cabinet.",
				"Compare the SIREN, legal name and manager e-mail pre-filled on V2 with the firm's."),
			FAQ:      "Comment inscrire mon cabinet sur la nouvelle plateforme ?",
			Requires: []string{"registration.comptexpert"},
		},
		{
			ID: "registration.mobile_app", Phase: PhaseRegistration, Scope: ScopeCabinet,
			Group: "registration", Section: "3.1", Item: "3", Kind: KindManual, Actor: ActorCabinet,
			Title: tx("Installer l'application mobile jefacture One", "Install the jefacture One mobile app"),
			Help: tx("L'application scanne un QR code et vérifie l'identité (carte d'identité ou passeport) ; les connexions suivantes se font par QR code.",
				"The app scans a QR code and checks identity (ID card or passport); later logins use a QR code."),
			FAQ: "Comment inscrire mon cabinet sur la nouvelle plateforme ?",
		},
		{
			ID: "registration.activate", Phase: PhaseRegistration, Scope: ScopeCabinet,
			Group: "registration", Section: "3.1", Item: "4", Kind: KindConnectorCheck, Actor: ActorCabinet,
			Title: tx("Finaliser l'inscription et activer l'espace cabinet", "Finish signing up and activate the firm space"),
			Help: tx("Terminez l'inscription : l'espace cabinet V2 doit apparaître comme actif.",
				"Finish signing up: the V2 firm space must show as active."),
			FAQ:      "Comment inscrire mon cabinet sur la nouvelle plateforme ?",
			Requires: []string{"registration.identity", "registration.mobile_app"},
		},
		{
			ID: "registration.cabinet_dossier", Phase: PhaseRegistration, Scope: ScopeCabinet,
			Group: "registration", Section: "3.1", Item: "5", Kind: KindConnectorCheck, Actor: ActorCabinet,
			Title: tx("Créer le dossier du cabinet", "Create the firm's own dossier"),
			Help: tx("Créez sur V2 le dossier entreprise du cabinet lui-même.",
				"Create on V2 the company dossier of the firm itself."),
			Requires: []string{"registration.activate"},
		},

		// §3.2 — the migration request.
		{
			ID: "request.notify_clients", Phase: PhaseRequest, Scope: ScopeCabinet,
			Section: "3.2", Item: "1", Kind: KindManual, Actor: ActorCabinet,
			Title: tx("Prévenir les clients de la migration", "Tell the clients about the migration"),
			Help: tx("Annoncez la migration à chaque client, par exemple par e-mail ; bascule prépare un message par client.",
				"Announce the migration to each client, by e-mail for example; bascule drafts one message per client."),
		},
		{
			ID: "request.client_checks", Phase: PhaseRequest, Scope: ScopeCabinet,
			Section: "3.2", Item: "2", Kind: KindConnectorCheck, Actor: ActorCabinetOrClient,
			Title: tx("Contrôler la préparation de tous les clients", "Check every client's preparation"),
			Help: tx("Les vérifications du §2 doivent être faites pour chaque client, et toutes les factures acceptées sur V1.",
				"The §2 checks must be done for every client, and every invoice accepted on V1."),
		},
		{
			ID: "request.submit", Phase: PhaseRequest, Scope: ScopeCabinet,
			Section: "3.2", Item: "3", Kind: KindConnectorAction, Actor: ActorCabinet,
			Title: tx("Envoyer la demande de migration", "Send the migration request"),
			Help: tx("Envoyez le formulaire de demande de migration de l'espace cabinet V1 vers V2. Toutes les factures des espaces entreprises doivent être acceptées avant.",
				"Send the request form to migrate the V1 firm space to V2. Every invoice of the company spaces must be accepted first."),
			Form: &Form{Fields: []Field{
				{ID: "date", Label: tx("Date de la demande", "Request date"), Type: FieldDate, Required: true},
				{ID: "reference", Label: tx("Référence", "Reference"), Type: FieldText},
			}},
			Requires: []string{"request.client_checks"},
		},
		{
			ID: "request.answer", Phase: PhaseRequest, Scope: ScopeCabinet,
			Section: "3.2", Item: "4", Kind: KindConnectorCheck, Actor: ActorCabinet,
			Title: tx("Recevoir la confirmation de migration (72 h ouvrées)", "Receive the migration confirmation (72 working hours)"),
			Help: tx("Une notification de succès arrive sous 72 h en jours ouvrés ; la date affichée est une estimation.",
				"A success notice arrives within 72 hours counted in working days; the date shown is an estimate."),
			Requires: []string{"request.submit"},
		},
		{
			ID: "request.admin_invitation", Phase: PhaseRequest, Scope: ScopeCabinet,
			Section: "3.2", Item: "5", Kind: KindManual, Actor: ActorCabinet,
			Title: tx("Accepter l'invitation d'administrateur", "Accept the administrator invitation"),
			Help: tx("L'auteur de la demande reçoit par e-mail une invitation sur V2 comme administrateur ; il invitera ensuite les autres.",
				"The person who made the request gets an e-mail invitation to V2 as administrator, and then invites the others."),
			Requires: []string{"request.answer"},
		},
		{
			ID: "request.first_login", Phase: PhaseRequest, Scope: ScopeCabinet,
			Section: "3.2", Item: "6", Kind: KindManual, Actor: ActorCabinet,
			Title: tx("Première connexion : constater la migration", "First login: see the migration"),
			Help: tx("À la première connexion sur V2, vérifiez que les dossiers sont bien là. Le cabinet peut désormais créer ses nouveaux clients sur V2.",
				"At the first V2 login, check that the dossiers are there. From now on the firm creates new clients on V2."),
			Requires: []string{"request.admin_invitation"},
		},
		{
			ID: "request.v1_read_only", Phase: PhaseRequest, Scope: ScopeCabinet,
			Section: "3.2", Item: "7", Kind: KindConnectorCheck, Actor: ActorCabinet,
			Title: tx("Constater que V1 est en lecture seule", "See that V1 is read-only"),
			Help: tx("Sans abonnement, l'ancien espace entreprise ne permet plus d'envoyer, recevoir, payer ni valider ; l'historique reste consultable.",
				"Without a subscription the old company space can no longer send, receive, pay or validate; the history stays readable."),
			Requires: []string{"request.answer"},
		},

		// §3.3 — control of what migrated.
		{
			ID: "reconciliation.cabinet.dossier_control", Phase: PhaseReconciliation, Scope: ScopeCabinet,
			Section: "3.3", Kind: KindConnectorCheck, Actor: ActorCabinet,
			Title: tx("Contrôler les données du dossier cabinet", "Check the firm dossier's data"),
			Help: tx("Les factures, archives et autres données du dossier du cabinet doivent être sur V2.",
				"The invoices, archives and other data of the firm's own dossier must be on V2."),
		},
		{
			ID: "reconciliation.client.control", Phase: PhaseReconciliation, Scope: ScopeClient,
			Section: "3.3", Kind: KindConnectorCheck, Actor: ActorCabinetOrClient,
			Title: tx("Contrôler ce qui a migré", "Check what migrated"),
			Help: tx("Comparez V1 et V2 : documents acceptés avec leur statut de paiement, documents archivés, base articles, clients et fournisseurs, e-mail de réception des factures d'achat.",
				"Compare V1 and V2: accepted documents with their payment status, archived documents, articles, customers and suppliers, the purchase-invoice reception e-mail."),
		},

		// §3.4 — re-creating what did not migrate, for the cabinet.
		{
			ID: "reconciliation.cabinet.collaborators", Phase: PhaseReconciliation, Scope: ScopeCabinet,
			Section: "3.4", Item: "1", Kind: KindConnectorAction, Actor: ActorCabinet,
			Title: tx("Réinviter les collaborateurs", "Invite the collaborators again"),
			Help: tx("Chaque collaborateur est réinvité par e-mail ; les délégations Comptexpert ne servent plus, chacun crée son mot de passe.",
				"Each collaborator is invited again by e-mail; Comptexpert delegations are no longer needed, everyone sets a password."),
			FAQ: "Comment inviter les utilisateurs de mon cabinet ?",
		},
		{
			ID: "reconciliation.cabinet.roles", Phase: PhaseReconciliation, Scope: ScopeCabinet,
			Section: "3.4", Item: "1", Kind: KindConnectorAction, Actor: ActorCabinet,
			Title: tx("Réattribuer les rôles des collaborateurs", "Assign the collaborators' roles again"),
			Help: tx("Attribuez à chacun ses rôles (administrateur, gestionnaire de clientèle, comptable) et ses clients : sans affectation, un collaborateur ne voit rien.",
				"Give each person their roles (administrator, client manager, accountant) and clients: without assignment a collaborator sees nothing."),
			FAQ:      "Comment inviter les utilisateurs de mon cabinet ?",
			Requires: []string{"reconciliation.cabinet.collaborators"},
		},
		{
			ID: "reconciliation.cabinet.api_connections", Phase: PhaseReconciliation, Scope: ScopeCabinet,
			Section: "3.4", Item: "2", Kind: KindConnectorAction, Actor: ActorCabinet, Duration: minutesRange(5, 10),
			Title: tx("Reconfigurer les connexions API", "Set up the API connections again"),
			Help: tx("Recréez sur V2 chaque intégration comptable notée en préparation et appliquez-la aux clients concernés.",
				"Re-create on V2 each accounting integration noted during preparation and apply it to its clients."),
			Warning: tx("MyUnisoft : utilisez le token conservé, n'en générez pas un nouveau.",
				"MyUnisoft: use the kept token, do not generate a new one."),
			FAQ: "Comment connecter mon outil comptable ?",
		},
		{
			ID: "reconciliation.cabinet.inactive_clients_import", Phase: PhaseReconciliation, Scope: ScopeCabinet,
			Section: "3.4", Item: "3", Kind: KindConnectorAction, Actor: ActorCabinet, Duration: minutes(10),
			Title: tx("Importer les clients brouillon / créé / mis à jour", "Import the draft / created / updated clients"),
			Help: tx("Adaptez le fichier exporté de V1 au modèle d'import de V2, puis importez-le.",
				"Adapt the file exported from V1 to V2's import template, then import it."),
			FAQ: "Importer mes clients",
		},

		// §3.4 — for each client company.
		{
			ID: "reconciliation.client.profile", Phase: PhaseReconciliation, Scope: ScopeClient,
			Section: "3.4", Item: "1", Kind: KindConnectorAction, Actor: ActorCabinetOrClient,
			Title: tx("Compléter le profil et le logo", "Complete the profile and logo"),
			Help: tx("Remettez le logo et les coordonnées (menu de l'entreprise > Gérer l'espace de travail et apparence).",
				"Put back the logo and contact details (company menu > Manage workspace and appearance)."),
		},
		{
			ID: "reconciliation.client.users", Phase: PhaseReconciliation, Scope: ScopeClient,
			Section: "3.4", Item: "3", Kind: KindConnectorAction, Actor: ActorCabinetOrClient,
			Title: tx("Ajouter les utilisateurs et leurs rôles", "Add the users and their roles"),
			Help: tx("Créez chaque utilisateur secondaire noté en préparation et affectez ses rôles après l'invitation.",
				"Create each secondary user noted during preparation and assign their roles after the invitation."),
			FAQ: "Comment ajouter un utilisateur à mon entreprise ?",
		},
		{
			ID: "reconciliation.client.bank_accounts", Phase: PhaseReconciliation, Scope: ScopeClient,
			Section: "3.4", Item: "4", Kind: KindConnectorAction, Actor: ActorCabinetOrClient,
			Title: tx("Ressaisir les comptes bancaires", "Enter the bank accounts again"),
			Help: tx("Pour la sécurité, les coordonnées bancaires ne migrent pas : ressaisissez-les (Création de document > Paramètres > Compte bancaire).",
				"For security, bank details do not migrate: enter them again (Document creation > Settings > Bank account)."),
		},
		{
			ID: "reconciliation.client.numbering", Phase: PhaseReconciliation, Scope: ScopeClient,
			Section: "3.4", Item: "5", Kind: KindConnectorAction, Actor: ActorCabinetOrClient,
			Title: tx("Configurer la numérotation des factures de vente", "Set up the sales invoice numbering"),
			Help: tx("Paramétrez sur V2 le numéro suivant le dernier noté sur V1, avec le même préfixe, avant la première facture.",
				"Set on V2 the number following the last one noted on V1, with the same prefix, before the first invoice."),
			FAQ: "Comment paramétrer la numérotation automatique des factures de vente ?",
		},
		{
			ID: "reconciliation.client.settings", Phase: PhaseReconciliation, Scope: ScopeClient,
			Section: "3.3", Kind: KindManual, Actor: ActorCabinetOrClient,
			Title: tx("Refaire les paramètres de personnalisation", "Redo the customisation settings"),
			Help: tx("Le workflow et la date d'échéance par défaut ne migrent pas : reprenez-les sur V2.",
				"The workflow and default due date do not migrate: set them again on V2."),
			Form: &Form{Fields: []Field{
				{ID: "workflow", Label: tx("Workflow", "Workflow"), Type: FieldText},
				{ID: "default_due_days", Label: tx("Échéance par défaut (jours)", "Default due date (days)"), Type: FieldInt},
			}},
		},
		{
			ID: "reconciliation.client.subscription", Phase: PhaseReconciliation, Scope: ScopeClient,
			Section: "4", Kind: KindConnectorAction, Actor: ActorCabinetOrClient,
			Title: tx("Choisir le nouvel abonnement", "Choose the new subscription"),
			Help: tx("L'abonnement ne migre pas : choisissez-en un sur V2 ; bascule propose celui qui correspond au précédent.",
				"The subscription does not migrate: choose one on V2; bascule suggests the one matching the previous."),
			Form: &Form{Fields: []Field{
				{ID: "previous", Label: tx("Abonnement précédent", "Previous subscription"), Type: FieldText},
				{ID: "chosen", Label: tx("Abonnement choisi", "Chosen subscription"), Type: FieldChoice, Required: true, Options: subscriptionOptions()},
			}},
		},

		// After the switch, for payment-services clients (§2 intro, §3.3, §4).
		{
			ID: "reconciliation.payment.payment_account", Phase: PhaseReconciliation, Scope: ScopePayment,
			Section: "2", Kind: KindConnectorCheck, Actor: ActorCabinetOrClient,
			Title: tx("Vérifier le compte de paiement Banqup et redemander la souscription", "Check the Banqup payment account and subscribe again"),
			Help: tx("Le compte de paiement est conservé ; faites une nouvelle demande de souscription pour que l'IBAN associé soit réaffecté.",
				"The payment account is kept; file a new subscription request so that its IBAN is assigned again."),
		},
		{
			ID: "reconciliation.payment.external_accounts", Phase: PhaseReconciliation, Scope: ScopePayment,
			Section: "3.3", Kind: KindConnectorAction, Actor: ActorCabinetOrClient,
			Title: tx("Reconnecter les comptes externes", "Connect the external accounts again"),
			Help: tx("Reconnectez sur V2 les comptes externes dont les IBAN ont été notés en préparation.",
				"Connect again on V2 the external accounts whose IBANs were noted during preparation."),
		},
		{
			ID: "reconciliation.payment.statements", Phase: PhaseReconciliation, Scope: ScopePayment,
			Section: "3.3", Kind: KindManual, Actor: ActorCabinetOrClient,
			Title: tx("Archiver les relevés de transactions exportés", "File the exported transaction statements"),
			Help: tx("Les relevés ne sont pas transférés : vérifiez que les exports faits en préparation sont bien conservés.",
				"Statements are not transferred: check that the exports made during preparation are kept."),
		},

		// §4 — the summary table, filled in for this cabinet and exported.
		{
			ID: "summary.report", Phase: PhaseSummary, Scope: ScopeCabinet,
			Section: "4", Kind: KindManual, Actor: ActorCabinet,
			Title: tx("Relire et exporter la synthèse", "Review and export the summary"),
			Help: tx("Relisez le tableau récapitulatif, ligne par ligne, pour le cabinet et chaque client, puis exportez-le.",
				"Read the summary table line by line, for the firm and each client, then export it."),
		},
	}
}
