package sandbox

// Word lists for names. Kept as functions, not package variables, so there is
// no package-level mutable state.
func trades() []string {
	return []string{"Boulangerie", "Café", "Garage", "Pharmacie", "Menuiserie", "Plomberie",
		"Librairie", "Fromagerie", "Boucherie", "Épicerie fine", "Imprimerie", "Transports",
		"Salon de coiffure", "Atelier", "Charpente", "Fleuriste", "Quincaillerie", "Brasserie",
		"Cave à vins", "Électricité", "Maçonnerie", "Opticien", "Auto-école", "Pâtisserie"}
}

func surnames() []string {
	return []string{"Lefèvre", "Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Simon",
		"Michel", "Garnier", "Rousseau", "Fontaine", "Chevalier", "Girard", "Bonnet", "Dupont",
		"Lambert", "Fournier", "Morel", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer",
		"Roux", "Leroy", "Petit", "Durand", "Lemoine", "Caron", "Perrin", "Gauthier", "Noël"}
}

func firstNames() []string {
	return []string{"Claire", "Julien", "Sophie", "Nicolas", "Émilie", "Thomas", "Camille",
		"Antoine", "Léa", "Hugo", "Chloé", "Mathieu", "Manon", "Pierre", "Inès", "Louis",
		"Élodie", "Maxime", "Sarah", "Benoît", "Anaïs", "François", "Zoé", "Jérôme"}
}

func fancies() []string {
	return []string{"Le Zinc", "Le Comptoir", "La Belle Époque", "Le Fournil", "L'Atelier",
		"Les Tilleuls", "Le Vieux Port", "La Fabrique", "Le Relais", "Les Halles"}
}

type city struct{ name, postal string }

func cities() []city {
	return []city{{"Lyon", "69002"}, {"Paris", "75011"}, {"Marseille", "13001"}, {"Lille", "59000"},
		{"Nantes", "44000"}, {"Bordeaux", "33000"}, {"Toulouse", "31000"}, {"Rennes", "35000"},
		{"Strasbourg", "67000"}, {"Dijon", "21000"}, {"Annecy", "74000"}, {"Tours", "37000"},
		{"Villeurbanne", "69100"}, {"Grenoble", "38000"}, {"Metz", "57000"}}
}

func streets() []string {
	return []string{"rue de la République", "avenue Jean Jaurès", "place du Marché",
		"rue Victor Hugo", "boulevard Gambetta", "rue des Lilas", "chemin des Vignes",
		"rue Pasteur", "allée des Tilleuls", "quai Saint-Vincent"}
}

// Bank codes with a BIC, for plausible French IBANs.
type bank struct{ code, bic string }

func banks() []bank {
	return []bank{{"30004", "BNPAFRPPXXX"}, {"30003", "SOGEFRPPXXX"}, {"20041", "PSSTFRPPXXX"},
		{"30002", "CRLYFRPPXXX"}, {"10278", "CMCIFR2AXXX"}, {"11306", "AGRIFRPP813"},
		{"17515", "CEPAFRPP751"}, {"30006", "AGRIFRPPXXX"}}
}

type product struct{ label, price, vat, unit string }

func products() []product {
	return []product{
		{"Baguette tradition", "1.30", "5.5", "unité"}, {"Croissant au beurre", "1.20", "5.5", "unité"},
		{"Café expresso", "1.80", "10.0", "unité"}, {"Menu du jour", "15.90", "10.0", "unité"},
		{"Main d'œuvre", "55.00", "20.0", "heure"}, {"Déplacement", "35.00", "20.0", "forfait"},
		{"Forfait entretien", "149.00", "20.0", "forfait"}, {"Pièce détachée", "42.50", "20.0", "unité"},
		{"Livraison", "12.00", "20.0", "forfait"}, {"Prestation de conseil", "90.00", "20.0", "heure"},
		{"Formation", "650.00", "20.0", "jour"}, {"Abonnement mensuel", "29.00", "20.0", "mois"},
		{"Fromage affiné", "24.00", "5.5", "kg"}, {"Bouquet de saison", "35.00", "10.0", "unité"},
		{"Livre broché", "18.50", "5.5", "unité"}, {"Médicament non remboursé", "7.90", "2.1", "unité"},
	}
}

func companyRoles() []string {
	return []string{"Administrateur", "Gestionnaire", "Visualisation", "Services de paiement",
		"Responsable des ventes", "Responsable des achats", "Comptable (externe)"}
}

func numberingPrefixes() []string {
	return []string{"FAC-", "F2026-", "VT/", "FA", "FAC ", "2025-"}
}

func plans() []string { return []string{"essentiel", "standard", "premium"} }
