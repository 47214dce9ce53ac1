package checklist

// This file is the migration guide written as data, in the guide's order.
// Section numbers refer to guide-migration-cabinet.fr. Titles and help texts
// are ours; FAQ titles are the names of the articles the guide points to.
// Every help text and warning names its source (HelpSource, WarningSource):
// the guide at a section, or bascule. What the guide does not say (outside
// facts, bascule's own rules) goes in Note, which screens label "note de
// bascule".

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
	var out []Step
	for _, part := range [][]Step{preparationSteps(), registrationSteps(), requestSteps(), reconciliationSteps()} {
		out = append(out, part...)
	}
	return out
}

// §2 — before the migration.
func preparationSteps() []Step {
	return []Step{
		// For the cabinet (5 minutes in all).
		{
			ID: "preparation.cabinet.collaborators", Phase: PhasePreparation, Scope: ScopeCabinet,
			Group: "preparation.cabinet", Section: "2", Item: "1", Kind: KindCapture, Actor: ActorCabinet,
			Title: tx("Recenser les collaborateurs du cabinet", "List the firm's collaborators"),
			Help: tx("Relevez dans l'onglet Utilisateurs de V1 chaque collaborateur actif qui accède à l'espace cabinet : les rôles ne sont pas récupérés, ils seront attribués de nouveau après la migration.",
				"From V1's Users tab, note every active collaborator with access to the firm space: roles are not carried over and are assigned again after the migration."),
			HelpSource: FromGuide("2"),
			Form: &Form{Repeated: true, ItemLabel: tx("collaborateur", "collaborator"), Fields: []Field{
				{ID: "name", Label: tx("Nom", "Name"), Type: FieldText, Required: true},
				{ID: "email", Label: tx("E-mail", "E-mail"), Type: FieldEmail, Required: true},
				{ID: "v1_role", Label: tx("Rôle sur V1", "Role on V1"), Type: FieldText},
				{ID: "v2_roles", Label: tx("Rôles à donner sur V2", "Roles to give on V2"), Type: FieldMultiChoice,
					Options: cabinetRoleOptions(), OptionsSource: FromBascule(), FreeText: true,
					Help: tx("Aucun rôle n'est donné par défaut : sans rôle noté, bascule n'invite pas ce collaborateur.",
						"No role is given by default: with no role noted, bascule does not invite this collaborator."),
					HelpSource: FromBascule()},
				{ID: "reinvite", Label: tx("À réinviter", "Invite again"), Type: FieldBool, Required: true,
					Help:       tx("Non pour un collaborateur qui ne doit plus avoir accès.", "No for someone who should no longer have access."),
					HelpSource: FromBascule()},
			}},
		},
		{
			ID: "preparation.cabinet.inactive_clients_export", Phase: PhasePreparation, Scope: ScopeCabinet,
			Group: "preparation.cabinet", Section: "2", Item: "2", Kind: KindCapture, Actor: ActorCabinet,
			Title: tx("Exporter la liste des clients inactifs", "Export the list of inactive clients"),
			Help: tx("Les dossiers au statut brouillon, créé ou mis à jour ne migrent pas. Exportez-les depuis l'onglet Clients de l'espace cabinet V1 (bouton Exporter) : ce fichier servira à les importer sur V2.",
				"Dossiers in draft, created or updated status do not migrate. Export them from V1's Clients tab (Export button): the file is used to import them on V2."),
			HelpSource: FromGuide("2"),
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
			HelpSource: FromGuide("2"),
			Warning: tx("MyUnisoft : si vous souhaitez utiliser V1 et V2 simultanément, récupérez le token existant ; en générer un nouveau ferait perdre l'ancienne connexion.",
				"MyUnisoft: if you want to use V1 and V2 at the same time, keep the existing token; generating a new one would lose the old connection."),
			WarningSource: FromGuide("2"),
			Form: &Form{Repeated: true, ItemLabel: tx("connexion", "connection"), Fields: []Field{
				{ID: "software", Label: tx("Logiciel", "Software"), Type: FieldChoice, Required: true,
					Options: softwareOptions(), OptionsSource: FromGuide("2", "3.4")},
				{ID: "scope", Label: tx("Périmètre (cabinet ou SIREN du client)", "Scope (firm or client SIREN)"), Type: FieldFirmOrSIREN, Required: true},
				{ID: "credentials_retrieved", Label: tx("Identifiants récupérés", "Credentials retrieved"), Type: FieldBool, Required: true},
				{ID: "myunisoft_token_kept", Label: tx("Token MyUnisoft conservé", "MyUnisoft token kept"), Type: FieldBool},
				{ID: "credential", Label: tx("Identifiant ou token (chiffré)", "Credential or token (sealed)"), Type: FieldSecret},
			}},
		},

		// For each client company (10 minutes); the cabinet or the client may do it.
		{
			ID: "preparation.client.pending_invoices", Phase: PhasePreparation, Scope: ScopeClient,
			Group: "preparation.client", Section: "2", Item: "1", Kind: KindConnectorCheck, Actor: ActorCabinetOrClient,
			Title: tx("Accepter les factures en attente", "Accept pending invoices"),
			Help: tx("Une facture d'achat ou de vente non acceptée ne sera pas transférée : acceptez sur V1 toutes celles à conserver. Les factures en brouillon ne sont pas transférées non plus (§3.3).",
				"A purchase or sales invoice that is not accepted will not be transferred: accept on V1 every one you want to keep. Draft invoices are not transferred either (§3.3)."),
			HelpSource: FromGuide("2", "3.3"),
		},
		{
			ID: "preparation.client.articles", Phase: PhasePreparation, Scope: ScopeClient,
			Group: "preparation.client", Section: "2", Item: "2", Kind: KindConnectorCheck, Actor: ActorCabinetOrClient,
			PersonTicks: true,
			Title:       tx("Vérifier la base articles", "Check the article base"),
			Help: tx("Le catalogue produits et services migre seul, sans export ni import ; vérifiez que les articles sont encore valides.",
				"The product and service catalogue migrates by itself, with no export or import; check that the articles are still valid."),
			HelpSource: FromGuide("2"),
			Note: tx("bascule montre ce que ses propres règles relèvent (taux de TVA manquant, prix nul…) ; c'est à vous de juger, puis de cocher l'étape.",
				"bascule shows what its own rules find (missing VAT rate, zero price…); you judge, then tick the step."),
		},
		{
			ID: "preparation.client.logo", Phase: PhasePreparation, Scope: ScopeClient,
			Group: "preparation.client", Section: "2", Item: "3", Kind: KindCapture, Actor: ActorCabinetOrClient,
			Title: tx("Récupérer le logo de l'entreprise", "Save the company's logo"),
			Help: tx("Le profil de l'entreprise ne migre pas : gardez une copie du logo pour le remettre sur V2.",
				"The company profile does not migrate: keep a copy of the logo to put it back on V2."),
			HelpSource: FromGuide("2", "3.3"),
			FAQ:        "Trouver les informations et le logo de mon dossier",
			Form: &Form{Fields: []Field{
				{ID: "file", Label: tx("Fichier du logo", "Logo file"), Type: FieldFile, Required: true},
				{ID: "sha256", Label: tx("Empreinte SHA-256", "SHA-256 digest"), Type: FieldChecksum, DigestOf: "file",
					Help: tx("Calculée par bascule quand le fichier est lu.", "Computed by bascule when it reads the file."), HelpSource: FromBascule()},
			}},
		},
		{
			ID: "preparation.client.users", Phase: PhasePreparation, Scope: ScopeClient,
			Group: "preparation.client", Section: "2", Item: "4", Kind: KindCapture, Actor: ActorCabinetOrClient,
			Title: tx("Lister les utilisateurs et leurs rôles", "List users and their roles"),
			Help: tx("Les utilisateurs ne migrent pas. Relevez-les dans Paramètres > Utilisateurs ; c'est l'occasion de ne pas réinviter ceux qui ne doivent plus avoir accès.",
				"Users do not migrate. Note them from Settings > Users; it is the moment to leave out those who should no longer have access."),
			HelpSource: FromGuide("2"),
			FAQ:        "Liste des utilisateurs de mon dossier",
			Form: &Form{Repeated: true, ItemLabel: tx("utilisateur", "user"), Fields: []Field{
				{ID: "name", Label: tx("Nom", "Name"), Type: FieldText, Required: true},
				{ID: "email", Label: tx("E-mail", "E-mail"), Type: FieldEmail, Required: true},
				{ID: "roles", Label: tx("Rôles", "Roles"), Type: FieldMultiChoice, Required: true,
					Options: companyRoleOptions(), OptionsSource: FromGuide("3.4"), FreeText: true,
					Help: tx("Les rôles que le guide cite ; tout autre rôle de V1 se note tel quel.",
						"The roles the guide names; any other V1 role is noted as it is."),
					HelpSource: FromBascule()},
				{ID: "reinvite", Label: tx("À réinviter", "Invite again"), Type: FieldBool, Required: true},
			}},
		},
		{
			ID: "preparation.client.numbering", Phase: PhasePreparation, Scope: ScopeClient,
			Group: "preparation.client", Section: "2", Item: "5", Kind: KindCapture, Actor: ActorCabinetOrClient,
			Title: tx("Noter la numérotation des factures de vente", "Note the sales invoice numbering"),
			Help: tx("Relevez dans les paramètres de V1 le dernier numéro de facture de vente utilisé, pour le définir ensuite sur V2.",
				"In V1's settings, note the last sales invoice number used, to set it afterwards on V2."),
			HelpSource: FromGuide("2"),
			FAQ:        "Où trouver ma numérotation automatique ?",
			Form: &Form{Fields: []Field{
				{ID: "prefix", Label: tx("Préfixe", "Prefix"), Type: FieldText},
				{ID: "number", Label: tx("Dernier numéro", "Last number"), Type: FieldInt, Required: true},
				{ID: "padding", Label: tx("Nombre de chiffres", "Number of digits"), Type: FieldInt},
			}},
		},

		// For each payment-services client (10 minutes).
		{
			ID: "preparation.payment.external_accounts", Phase: PhasePreparation, Scope: ScopePayment,
			Group: "preparation.payment", Section: "2", Item: "1", Kind: KindCapture, Actor: ActorCabinetOrClient,
			Title: tx("Noter les IBAN des comptes externes", "Note the IBANs of external accounts"),
			Help: tx("Le compte de paiement Banqup est conservé, mais les comptes externes connectés ne migrent pas : notez leurs IBAN pour reproduire la connexion.",
				"The Banqup payment account is kept, but connected external accounts do not migrate: note their IBANs to connect them again."),
			HelpSource: FromGuide("2"),
			Form: &Form{Repeated: true, ItemLabel: tx("compte externe", "external account"), Fields: []Field{
				{ID: "iban", Label: tx("IBAN", "IBAN"), Type: FieldIBAN, Required: true},
				{ID: "holder", Label: tx("Titulaire", "Holder"), Type: FieldText},
				{ID: "validated", Label: tx("IBAN vérifié avec le client", "IBAN checked with the client"), Type: FieldBool, Required: true},
			}},
		},
		{
			ID: "preparation.payment.statements", Phase: PhasePreparation, Scope: ScopePayment,
			Group: "preparation.payment", Section: "2", Item: "2", Kind: KindCapture, Actor: ActorCabinetOrClient,
			Optional: true,
			Title:    tx("Exporter les relevés de transactions (si besoin)", "Export the transaction statements (if needed)"),
			Help: tx("Les relevés ne migrent pas : vous pouvez télécharger tout l'historique depuis Comptes bancaires sur V1 (export manuel si besoin, §4).",
				"Statements do not migrate: you may download the whole history from Bank accounts on V1 (manual export if needed, §4)."),
			HelpSource: FromGuide("2", "4"),
			Note: tx("Facultatif : cette étape ne bloque pas la demande de migration.",
				"Optional: this step does not block the migration request."),
			Form: &Form{Repeated: true, ItemLabel: tx("relevé", "statement"), Fields: []Field{
				{ID: "file", Label: tx("Fichier", "File"), Type: FieldFile, Required: true},
				{ID: "period_start", Label: tx("Début de période", "Period start"), Type: FieldDate, Required: true},
				{ID: "period_end", Label: tx("Fin de période", "Period end"), Type: FieldDate, Required: true, NotBefore: "period_start"},
			}},
		},
	}
}

// §3.1 — registration of the cabinet on V2 (5 minutes).
func registrationSteps() []Step {
	return []Step{
		{
			ID: "registration.comptexpert", Phase: PhaseRegistration, Scope: ScopeCabinet,
			Group: "registration", Section: "3.1", Item: "1", Kind: KindManual, Actor: ActorCabinet,
			Title:      tx("S'inscrire via Comptexpert", "Sign up through Comptexpert"),
			Help:       tx("Inscrivez le cabinet par l'onboarding Comptexpert.", "Sign the firm up through the Comptexpert onboarding."),
			HelpSource: FromGuide("3.1"),
			Note: tx("Chemin décrit par le centre d'aide, pas par le guide : espace client ECMA, Comptexpert, puis la tuile jefacture.com.",
				"Path given by the help centre, not the guide: ECMA client area, Comptexpert, then the jefacture.com tile."),
			FAQ: "Comment inscrire mon cabinet sur la nouvelle plateforme ?",
		},
		{
			ID: "registration.identity", Phase: PhaseRegistration, Scope: ScopeCabinet,
			Group: "registration", Section: "3.1", Item: "2", Kind: KindConnectorCheck, Actor: ActorCabinet,
			Title: tx("Vérifier l'identité pré-remplie", "Check the pre-filled identity"),
			Help: tx("Comparez le SIREN, la raison sociale et l'e-mail du responsable pré-remplis sur V2 avec ceux du cabinet.",
				"Compare the SIREN, legal name and manager e-mail pre-filled on V2 with the firm's."),
			HelpSource: FromGuide("3.1"),
			FAQ:        "Comment inscrire mon cabinet sur la nouvelle plateforme ?",
			Requires:   []string{"registration.comptexpert"},
		},
		{
			ID: "registration.mobile_app", Phase: PhaseRegistration, Scope: ScopeCabinet,
			Group: "registration", Section: "3.1", Item: "3", Kind: KindManual, Actor: ActorCabinet,
			Title: tx("Installer l'application mobile jefacture One", "Install the jefacture One mobile app"),
			Help: tx("Installez l'application mobile jefacture One en suivant l'article FAQ : elle sert à l'inscription du cabinet.",
				"Install the jefacture One mobile app following the FAQ article: it is used to sign the firm up."),
			HelpSource: FromGuide("3.1"),
			Note: tx("D'après le centre d'aide (pas le guide), l'application scanne un QR code et vérifie l'identité (carte d'identité ou passeport) de la personne qui inscrit le cabinet. Les collaborateurs réinvités, eux, créent leur mot de passe personnel (guide §3.4).",
				"According to the help centre (not the guide), the app scans a QR code and checks the identity (ID card or passport) of the person who signs the firm up. Invited collaborators set their own password (guide §3.4)."),
			FAQ: "Comment inscrire mon cabinet sur la nouvelle plateforme ?",
		},
		{
			ID: "registration.activate", Phase: PhaseRegistration, Scope: ScopeCabinet,
			Group: "registration", Section: "3.1", Item: "4", Kind: KindConnectorCheck, Actor: ActorCabinet,
			Title: tx("Finaliser l'inscription et activer l'espace cabinet", "Finish signing up and activate the firm space"),
			Help: tx("Terminez l'inscription : l'espace cabinet V2 doit apparaître comme actif.",
				"Finish signing up: the V2 firm space must show as active."),
			HelpSource: FromGuide("3.1"),
			FAQ:        "Comment inscrire mon cabinet sur la nouvelle plateforme ?",
			Requires:   []string{"registration.identity", "registration.mobile_app"},
		},
		{
			ID: "registration.cabinet_dossier", Phase: PhaseRegistration, Scope: ScopeCabinet,
			Group: "registration", Section: "3.1", Item: "5", Kind: KindConnectorCheck, Actor: ActorCabinet,
			Title:      tx("Créer le dossier du cabinet", "Create the firm's own dossier"),
			Help:       tx("Créez sur V2 le dossier du cabinet lui-même.", "Create on V2 the firm's own dossier."),
			HelpSource: FromGuide("3.1"),
			Requires:   []string{"registration.activate"},
		},
	}
}

// §3.2 — the migration request.
func requestSteps() []Step {
	return []Step{
		{
			ID: "request.notify_clients", Phase: PhaseRequest, Scope: ScopeCabinet,
			Section: "3.2", Item: "1", Kind: KindManual, Actor: ActorCabinet,
			Title:      tx("Prévenir les clients de la migration", "Tell the clients about the migration"),
			Help:       tx("Annoncez la migration à chaque client, par exemple par e-mail.", "Announce the migration to each client, by e-mail for example."),
			HelpSource: FromGuide("3.2"),
			Note: tx("bascule prépare un message par client ; il rappelle que chaque entreprise choisira un nouvel abonnement sur V2 (guide §4).",
				"bascule drafts one message per client; it reminds them that each company will choose a new subscription on V2 (guide §4)."),
		},
		{
			ID: "request.cabinet_pending_invoices", Phase: PhaseRequest, Scope: ScopeCabinet,
			Section: "3.2", Kind: KindConnectorCheck, Actor: ActorCabinet,
			Title: tx("Accepter les factures en attente du dossier du cabinet", "Accept the pending invoices of the firm's own dossier"),
			Help: tx("Avant la demande, toutes les factures des espaces entreprises associés au cabinet doivent être acceptées sur V1.",
				"Before the request, every invoice of the company spaces tied to the firm must be accepted on V1."),
			HelpSource: FromGuide("3.2"),
			Note: tx("bascule vérifie aussi le dossier du cabinet lui-même, qui n'est pas dans la liste des clients.",
				"bascule also checks the firm's own dossier, which is not in the client list."),
		},
		{
			ID: "request.client_checks", Phase: PhaseRequest, Scope: ScopeCabinet,
			Section: "3.2", Item: "2", Kind: KindConnectorCheck, Actor: ActorCabinetOrClient,
			Title: tx("Contrôler la préparation de tous les clients", "Check every client's preparation"),
			Help: tx("Le client ou le cabinet fait les vérifications du §2 pour chaque entreprise.",
				"The client or the firm makes the §2 checks for every company."),
			HelpSource: FromGuide("3.2"),
		},
		{
			ID: "request.submit", Phase: PhaseRequest, Scope: ScopeCabinet,
			Section: "3.2", Item: "3", Kind: KindConnectorAction, Actor: ActorCabinet,
			Title: tx("Envoyer la demande de migration", "Send the migration request"),
			Help: tx("Envoyez le formulaire de demande de migration de l'espace cabinet V1 vers V2. Toutes les factures des espaces entreprises doivent être acceptées avant.",
				"Send the request form to migrate the V1 firm space to V2. Every invoice of the company spaces must be accepted first."),
			HelpSource: FromGuide("3.2"),
			Form: &Form{Fields: []Field{
				{ID: "date", Label: tx("Date de la demande", "Request date"), Type: FieldDate, Required: true},
				{ID: "reference", Label: tx("Référence", "Reference"), Type: FieldText},
			}},
			Requires: []string{"request.client_checks"},
		},
		{
			ID: "request.answer", Phase: PhaseRequest, Scope: ScopeCabinet,
			Section: "3.2", Item: "4", Kind: KindConnectorCheck, Actor: ActorCabinet,
			Title: tx("Recevoir la confirmation de migration (sous 72 h, jours ouvrés)", "Receive the migration confirmation (within 72 h, working days)"),
			Help: tx("Une notification de succès est envoyée sous 72 h (jours ouvrés).",
				"A success notice is sent within 72 h (working days)."),
			HelpSource: FromGuide("3.2"),
			Note: tx("bascule compte trois jours ouvrés après la demande ; la date affichée est une estimation.",
				"bascule counts three working days after the request; the date shown is an estimate."),
			Requires: []string{"request.submit"},
		},
		{
			ID: "request.admin_invitation", Phase: PhaseRequest, Scope: ScopeCabinet,
			Section: "3.2", Item: "5", Kind: KindManual, Actor: ActorCabinet,
			Title: tx("Accepter l'invitation d'administrateur", "Accept the administrator invitation"),
			Help: tx("L'auteur de la demande reçoit par e-mail une invitation sur V2 comme administrateur ; il invitera ensuite les autres.",
				"The person who made the request gets an e-mail invitation to V2 as administrator, and then invites the others."),
			HelpSource: FromGuide("3.2"),
			Requires:   []string{"request.answer"},
		},
		{
			ID: "request.first_login", Phase: PhaseRequest, Scope: ScopeCabinet,
			Section: "3.2", Item: "6", Kind: KindManual, Actor: ActorCabinet,
			Title: tx("Première connexion : constater la migration", "First login: see the migration"),
			Help: tx("À la première connexion sur V2, constatez la migration. Le cabinet peut désormais créer ses nouveaux clients sur V2.",
				"At the first V2 login, see the migration. From now on the firm can create new clients on V2."),
			HelpSource: FromGuide("3.2"),
			Requires:   []string{"request.admin_invitation"},
		},
		{
			ID: "request.v1_read_only", Phase: PhaseRequest, Scope: ScopeCabinet,
			Section: "3.2", Item: "7", Kind: KindConnectorCheck, Actor: ActorCabinet,
			Title: tx("Constater que V1 est en lecture seule", "See that V1 is read-only"),
			Help: tx("Après la migration, chaque espace entreprise de V1 est sans abonnement, donc en lecture seule : plus d'envoi, de réception, de paiement ni de validation ; l'historique reste consultable.",
				"After the migration each V1 company space has no subscription, so it is read-only: no more sending, receiving, paying or validating; the history stays readable."),
			HelpSource: FromGuide("3.2"),
			Note: tx("Ce contrôle lit l'état de V1 pour tout le cabinet ; chaque espace entreprise se constate client par client.",
				"This check reads V1's state for the whole firm; each company space is seen client by client."),
			Requires: []string{"request.answer"},
		},
	}
}
