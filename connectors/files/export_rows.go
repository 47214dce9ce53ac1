package files

import (
	"fmt"
	"strings"

	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
)

// rowParser holds what every row needs, built once per file.
type rowParser struct {
	names map[Field]string
	id, legal, siren, vat, email, first, last, contact, lang, street, number,
	pobox, postal, city, ctry, iban, bic, stat, extRef, pay int
	countries map[string]string
	languages map[string]string
	sirens    map[string]int // SIREN → row of its first occurrence
	// A few thousand rows share a handful of status, country and language
	// spellings: remembering them saves folding each cell again.
	memo map[memoKey]memoVal
}

type memoKey struct {
	f   Field
	raw string
}

type memoVal struct {
	s  string
	ok bool
}

// memoLimit bounds the memo: a column of unique values must not turn it
// into a copy of the file.
const memoLimit = 256

// remember returns fn(raw) for a column whose values repeat.
func (p *rowParser) remember(f Field, raw string, fn func(string) (string, bool)) (string, bool) {
	k := memoKey{f, raw}
	if v, ok := p.memo[k]; ok {
		return v.s, v.ok
	}
	s, ok := fn(raw)
	if len(p.memo) < memoLimit {
		p.memo[k] = memoVal{s, ok}
	}
	return s, ok
}

func (p *rowParser) country(raw string) (string, bool) {
	return p.remember(FieldCountry, raw, func(s string) (string, bool) { return normCountry(s, p.countries) })
}

func (p *rowParser) language(raw string) (string, bool) {
	return p.remember(FieldLanguage, raw, func(s string) (string, bool) { return normLanguage(s, p.languages) })
}

func (p *rowParser) status(raw string) (connectors.ClientStatus, bool) {
	s, ok := p.remember(FieldStatus, raw, func(s string) (string, bool) {
		st := normStatus(s)
		return string(st), st != ""
	})
	return connectors.ClientStatus(s), ok
}

func (p *rowParser) yes(raw string) bool {
	_, ok := p.remember(FieldPaymentServices, raw, func(s string) (string, bool) { return "", yes(s) })
	return ok
}

func newRowParser(cm *columnMap, rows int) *rowParser {
	return &rowParser{
		names:     cm.names,
		id:        cm.col(FieldID),
		legal:     cm.col(FieldLegalName),
		siren:     cm.col(FieldSIREN),
		vat:       cm.col(FieldVAT),
		email:     cm.col(FieldContactEmail),
		first:     cm.col(FieldContactFirstName),
		last:      cm.col(FieldContactLastName),
		contact:   cm.col(FieldContactName),
		lang:      cm.col(FieldLanguage),
		street:    cm.col(FieldStreet),
		number:    cm.col(FieldNumber),
		pobox:     cm.col(FieldPOBox),
		postal:    cm.col(FieldPostalCode),
		city:      cm.col(FieldCity),
		ctry:      cm.col(FieldCountry),
		iban:      cm.col(FieldIBAN),
		bic:       cm.col(FieldBIC),
		stat:      cm.col(FieldStatus),
		extRef:    cm.col(FieldExternalReference),
		pay:       cm.col(FieldPaymentServices),
		countries: countryCodes(),
		languages: languageLocales(),
		sirens:    make(map[string]int, rows),
		memo:      map[memoKey]memoVal{},
	}
}

func cell(row []string, col int) string {
	if col < 0 || col >= len(row) {
		return ""
	}
	return row[col]
}

// parse reads data row i. It appends one RowError per bad cell and reports
// whether the row is good.
func (p *rowParser) parse(t *Table, i int, errs *[]connectors.RowError) (Client, bool) {
	row, line := t.Rows[i], t.RowNumbers[i]
	n := len(*errs)
	fail := func(f Field, m text) {
		*errs = append(*errs, connectors.RowError{Row: line, Column: p.names[f], Message: m.fr, MessageEN: m.en})
	}

	var c Client
	c.Row = line
	c.ID = cell(row, p.id)
	c.LegalName = cell(row, p.legal)
	if c.LegalName == "" {
		fail(FieldLegalName, msgNoLegalName)
	}

	raw := cell(row, p.ctry)
	country, ok := p.country(raw)
	if !ok {
		fail(FieldCountry, text{"pays « " + raw + " » non reconnu : indiquez le code ISO à deux lettres (FR, BE, LU…)",
			"country “" + raw + "” not recognised: give the two-letter ISO code (FR, BE, LU…)"})
	}
	c.Country = country
	french := country == "FR"

	if raw := cell(row, p.siren); raw != "" {
		siren, err := fixSIREN(raw, french)
		c.SIREN = siren
		if err != nil {
			fail(FieldSIREN, identMessage(err))
		} else if first, dup := p.sirens[siren]; dup && french {
			fail(FieldSIREN, text{fmt.Sprintf("SIREN %s déjà présent à la ligne %d", siren, first),
				fmt.Sprintf("SIREN %s already on row %d", siren, first)})
		} else if french {
			p.sirens[siren] = line
		}
	}

	if raw := cell(row, p.vat); raw != "" {
		c.VAT = ident.NormalizeVAT(raw)
		if french || strings.HasPrefix(c.VAT, "FR") {
			if err := ident.ValidateVAT(c.VAT); err != nil {
				fail(FieldVAT, identMessage(err))
			} else if french && len(c.SIREN) == 9 && c.VAT[4:] != c.SIREN && !strings.HasPrefix(c.VAT[4:], "000") {
				// Monaco numbers (000…) carry no SIREN, hence the exception.
				fail(FieldVAT, text{"le numéro de TVA " + c.VAT + " ne correspond pas au SIREN " + c.SIREN,
					"VAT number " + c.VAT + " does not match SIREN " + c.SIREN})
			}
		}
	}

	if raw := cell(row, p.email); raw != "" {
		c.ContactEmail = ident.NormalizeEmail(raw)
		if err := ident.ValidateEmail(c.ContactEmail); err != nil {
			fail(FieldContactEmail, identMessage(err))
		}
	}
	c.ContactFirstName = cell(row, p.first)
	c.ContactLastName = cell(row, p.last)
	if full := cell(row, p.contact); c.ContactFirstName == "" && c.ContactLastName == "" && full != "" {
		c.ContactFirstName, c.ContactLastName = splitContactName(full)
		c.NameSplit = true
	}

	if raw := cell(row, p.lang); raw != "" {
		lang, ok := p.language(raw)
		if !ok {
			fail(FieldLanguage, text{"langue « " + raw + " » non reconnue (attendu : fr-FR, en-GB… ou Français, Anglais…)",
				"language “" + raw + "” not recognised (expected: fr-FR, en-GB… or French, English…)"})
		}
		c.Language = lang
	}

	c.Street = cell(row, p.street)
	c.Number = cell(row, p.number)
	c.POBox = cell(row, p.pobox)
	c.PostalCode = fixPostalCode(cell(row, p.postal), french)
	c.City = cell(row, p.city)

	if raw := cell(row, p.iban); raw != "" {
		c.IBAN = ident.NormalizeIBAN(raw)
		if err := ident.ValidateIBAN(c.IBAN); err != nil {
			fail(FieldIBAN, identMessage(err))
		}
	}
	if raw := cell(row, p.bic); raw != "" {
		c.BIC = ident.NormalizeBIC(raw)
		if err := ident.ValidateBIC(c.BIC); err != nil {
			fail(FieldBIC, identMessage(err))
		}
	}

	// A status V1 does not have rejects the row: read as active it would
	// become a dossier, read as inactive it would go to V2's import, and
	// neither can be told from the file. An empty cell says nothing and
	// stays "" (not inactive: the client is a dossier).
	if raw := cell(row, p.stat); raw != "" {
		st, ok := p.status(raw)
		if !ok {
			fail(FieldStatus, text{"statut « " + raw + " » inconnu de V1 (attendu : Actif, Brouillon, Créé ou Mis à jour)",
				"status “" + raw + "” unknown to V1 (expected: Active, Draft, Created or Updated)"})
		}
		c.Status = st
	}
	c.ExternalReference = cell(row, p.extRef)
	c.PaymentServices = p.yes(cell(row, p.pay))
	return c, len(*errs) == n
}
