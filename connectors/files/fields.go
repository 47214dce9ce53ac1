package files

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Field identifies what a column of a clients export holds. The values are
// stable snake_case ids, used in explicit mappings ("Col=FIELD") and JSON.
type Field string

// Fields of a clients export.
const (
	FieldID                Field = "id" // V1 identifier of the dossier
	FieldLegalName         Field = "legal_name"
	FieldSIREN             Field = "siren" // company number (SIREN for France)
	FieldVAT               Field = "vat"
	FieldContactEmail      Field = "contact_email"
	FieldContactFirstName  Field = "contact_first_name"
	FieldContactLastName   Field = "contact_last_name"
	FieldContactName       Field = "contact_name" // "Prénom Nom" in one cell, split on reading
	FieldLanguage          Field = "language"
	FieldStreet            Field = "street"
	FieldNumber            Field = "number"
	FieldPOBox             Field = "po_box"
	FieldPostalCode        Field = "postal_code"
	FieldCity              Field = "city"
	FieldCountry           Field = "country"
	FieldIBAN              Field = "iban"
	FieldBIC               Field = "bic"
	FieldStatus            Field = "status"
	FieldExternalReference Field = "external_reference"
	FieldPaymentServices   Field = "payment_services"
	// FieldIgnore in an explicit mapping drops a column that synonyms
	// would otherwise pick up.
	FieldIgnore Field = "ignore"
)

// fieldSynonyms lists, per field, the headers that mean it, most specific
// first: when two columns match the same field, the one whose header comes
// earlier in the list wins (the legacy template has both "Language" and
// "Contact language"; the contact's is the one V2 wants).
func fieldSynonyms() []struct {
	field Field
	names []string
} {
	return []struct {
		field Field
		names []string
	}{
		{FieldID, []string{"ID", "Identifiant", "Id client", "Identifiant client", "Client ID", "Identifiant du dossier", "ID dossier"}},
		{FieldLegalName, []string{"Raison sociale", "Legal name", "Dénomination sociale", "Dénomination", "Nom du client", "Nom client", "Client name", "Company name", "Nom de l'entreprise", "Société", "Entreprise", "Client", "Nom", "Name"}},
		{FieldSIREN, []string{"SIREN", "N° SIREN", "Numéro SIREN", "Company number", "KBO/KVK/SIREN", "Numéro d'entreprise", "N° d'entreprise", "Numéro d'identification", "Registration number", "SIRET", "N° SIRET"}},
		{FieldVAT, []string{"TVA intracommunautaire", "N° TVA intracommunautaire", "Numéro de TVA intracommunautaire", "N° TVA", "Numéro de TVA", "Numéro TVA", "TVA", "VAT number", "VAT", "VAT ID"}},
		{FieldContactEmail, []string{"E-mail du contact", "Contact email", "Contact e-mail", "Courriel du contact", "E-mail", "Email", "Courriel", "Adresse e-mail", "Adresse mail", "Mail"}},
		{FieldContactFirstName, []string{"Prénom du contact", "Contact first name", "Prénom", "First name"}},
		{FieldContactLastName, []string{"Nom du contact", "Contact last name", "Nom de famille", "Last name", "Surname"}},
		{FieldContactName, []string{"Contact name", "Nom et prénom du contact", "Contact", "Interlocuteur"}},
		{FieldLanguage, []string{"Contact language", "Langue du contact", "Langue", "Language", "Locale"}},
		{FieldStreet, []string{"Street", "Rue", "Adresse", "Address", "Adresse postale", "Voie"}},
		{FieldNumber, []string{"Number", "Numéro de rue", "N° de rue", "Numéro de voie", "Street number", "House number"}},
		{FieldPOBox, []string{"P.O. Box", "PO Box", "Boîte postale", "BP"}},
		{FieldPostalCode, []string{"Code postal", "Postal code", "ZIP", "ZIP code", "CP", "Postcode"}},
		{FieldCity, []string{"Ville", "City", "Municipality/city", "Municipality", "Commune", "Localité"}},
		{FieldCountry, []string{"Pays", "Country", "Code pays", "Country code"}},
		{FieldIBAN, []string{"IBAN", "N° IBAN"}},
		{FieldBIC, []string{"BIC", "BIC/SWIFT", "SWIFT", "Code BIC"}},
		{FieldStatus, []string{"Statut", "Status", "Statut du dossier", "État", "Etat"}},
		{FieldExternalReference, []string{"External reference", "Référence externe", "Référence client", "Client reference", "Référence", "Réf", "Code client"}},
		{FieldPaymentServices, []string{"Services de paiement", "Payment services", "Paiement"}},
	}
}

// Fields returns every field id an explicit mapping may name, in a stable
// order (for help texts and completion).
func Fields() []Field {
	syn := fieldSynonyms()
	out := make([]Field, 0, len(syn)+1)
	for _, s := range syn {
		out = append(out, s.field)
	}
	return append(out, FieldIgnore)
}

// headerKey folds a header for comparison: lower case, no accents, letters
// and digits only, so that "N° SIREN", "n siren" and "N°SIREN" meet, as do
// "E-mail" and "Email", "Dénomination" and "DENOMINATION".
func headerKey(s string) string {
	if key, ok := asciiKey(s); ok {
		return key
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r == 'œ' || r == 'Œ':
			b.WriteString("oe")
		case r == 'æ' || r == 'Æ':
			b.WriteString("ae")
		case r == 'ß':
			b.WriteString("ss")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
		// Combining marks (the accents split off by NFD), spaces and
		// punctuation are dropped.
	}
	return b.String()
}

// asciiKey is headerKey for pure ASCII input, without the Unicode
// decomposition: most cells are ASCII and this runs on every row.
func asciiKey(s string) (string, bool) {
	var buf [64]byte
	if len(s) > len(buf) {
		return "", false
	}
	n, changed := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return "", false
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			changed = true
		default:
			changed = true
			continue
		}
		buf[n] = c
		n++
	}
	if !changed {
		return s, true
	}
	return string(buf[:n]), true
}

// withoutParens removes parenthesised and bracketed notes from a header:
// templates write "SIREN (9 chiffres)" or "Raison sociale [obligatoire]".
func withoutParens(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

type synonymRank struct {
	field Field
	rank  int
}

func synonymIndex() map[string]synonymRank {
	idx := make(map[string]synonymRank, 128)
	for _, s := range fieldSynonyms() {
		for i, n := range s.names {
			k := headerKey(n)
			if _, dup := idx[k]; !dup {
				idx[k] = synonymRank{s.field, i}
			}
		}
	}
	return idx
}

// columnMap says which column index holds which field.
type columnMap struct {
	index    map[Field]int
	names    map[Field]string
	unmapped []string
}

func (m *columnMap) col(f Field) int {
	if i, ok := m.index[f]; ok {
		return i
	}
	return -1
}

// mapColumns resolves the header against the explicit mapping first, then
// the synonyms. Mapping keys are column names as written in the file (or
// folded the same way as synonyms); values are Field ids.
func mapColumns(header []string, mapping map[string]string) (*columnMap, error) {
	m := &columnMap{index: map[Field]int{}, names: map[Field]string{}}
	taken := make([]bool, len(header))
	valid := map[Field]bool{}
	for _, f := range Fields() {
		valid[f] = true
	}

	// Explicit mapping, in a stable order so that errors are reproducible.
	keys := make([]string, 0, len(mapping))
	for k := range mapping {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, col := range keys {
		f := Field(strings.ToLower(strings.TrimSpace(mapping[col])))
		if !valid[f] {
			return nil, newError(CodeBadMapping,
				fmt.Sprintf("correspondance « %s=%s » : champ inconnu ; champs possibles : %s", col, mapping[col], fieldList()),
				fmt.Sprintf("mapping %q: unknown field %q", col, mapping[col]), nil)
		}
		i := findColumn(header, col, taken)
		if i < 0 {
			return nil, newError(CodeBadMapping,
				fmt.Sprintf("correspondance « %s=%s » : colonne « %s » absente du fichier", col, f, col),
				fmt.Sprintf("mapping %q: no column %q in the file", col, col), nil)
		}
		taken[i] = true
		if f == FieldIgnore {
			continue
		}
		if prev, dup := m.names[f]; dup {
			return nil, newError(CodeBadMapping,
				fmt.Sprintf("correspondance : le champ %s est attribué à deux colonnes (« %s » et « %s »)", f, prev, header[i]),
				fmt.Sprintf("mapping: field %s given to two columns (%q and %q)", f, prev, header[i]), nil)
		}
		m.index[f], m.names[f] = i, header[i]
	}

	// Synonyms for the remaining columns; the best-ranked header wins.
	idx := synonymIndex()
	explicit := make(map[Field]bool, len(m.names))
	for f := range m.names {
		explicit[f] = true
	}
	best := map[Field]int{}
	var losers []int
	for i, h := range header {
		if taken[i] || h == "" {
			continue
		}
		sr, ok := idx[headerKey(h)]
		if !ok {
			sr, ok = idx[headerKey(withoutParens(h))]
		}
		if !ok {
			continue
		}
		if explicit[sr.field] {
			losers = append(losers, i)
			continue
		}
		taken[i] = true
		if j, seen := m.index[sr.field]; seen {
			if sr.rank >= best[sr.field] {
				losers = append(losers, i)
				continue
			}
			losers = append(losers, j)
		}
		m.index[sr.field], m.names[sr.field], best[sr.field] = i, h, sr.rank
	}
	for _, i := range losers {
		taken[i] = false
	}
	// "Nom" next to "Raison sociale" and "Prénom" is the contact's surname:
	// V1-style exports put the contact's "Nom" and "Prénom" side by side.
	if _, hasFirst := m.index[FieldContactFirstName]; hasFirst {
		if _, hasLast := m.index[FieldContactLastName]; !hasLast {
			for _, i := range losers {
				if k := headerKey(header[i]); (k == "nom" || k == "name") && !taken[i] {
					taken[i] = true
					m.index[FieldContactLastName], m.names[FieldContactLastName] = i, header[i]
					break
				}
			}
		}
	}
	m.fullNameColumn(explicit)
	for i, h := range header {
		if !taken[i] && h != "" {
			m.unmapped = append(m.unmapped, h)
		}
	}
	return m, nil
}

// fullNameColumn reads a lone contact-name column as the whole name. V1
// exports, and LibreOffice saving them, have a single "Nom du contact"
// holding "Céline Lefèvre": with no first-name column beside it, it is the
// full name, to be split, not a surname. A column the user mapped
// explicitly keeps the meaning given.
func (m *columnMap) fullNameColumn(explicit map[Field]bool) {
	last, hasLast := m.index[FieldContactLastName]
	_, hasFirst := m.index[FieldContactFirstName]
	_, hasFull := m.index[FieldContactName]
	if !hasLast || hasFirst || hasFull || explicit[FieldContactLastName] {
		return
	}
	m.index[FieldContactName], m.names[FieldContactName] = last, m.names[FieldContactLastName]
	delete(m.index, FieldContactLastName)
	delete(m.names, FieldContactLastName)
}

// findColumn finds a column by its exact name, then by its folded name.
func findColumn(header []string, name string, taken []bool) int {
	for i, h := range header {
		if !taken[i] && h == name {
			return i
		}
	}
	k := headerKey(name)
	for i, h := range header {
		if !taken[i] && headerKey(h) == k {
			return i
		}
	}
	return -1
}

func fieldList() string {
	fs := Fields()
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = string(f)
	}
	return strings.Join(s, ", ")
}
