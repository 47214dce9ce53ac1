package connectors

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sanitize makes a string from outside (V1, V2, a CSV or xlsx cell) safe to
// show in a terminal and to store. It removes:
//
//   - escape sequences: CSI (ESC [ … final), OSC (ESC ] … ended by BEL or ST),
//     DCS, SOS, PM and APC strings (ESC P / X / ^ / _ … ST), and two-character
//     or intermediate ESC sequences (ESC 7, ESC ( B…), plus their 8-bit C1
//     forms (U+009B CSI, U+009D OSC…, and raw bytes 0x80–0x9F);
//   - C0 controls (NUL, BEL, BS, CR…), DEL and C1 controls (U+0080–U+009F);
//   - bidi embeddings, overrides, isolates and marks (U+202A–U+202E,
//     U+2066–U+2069, U+200E, U+200F, U+061C) and the byte-order mark U+FEFF.
//
// TAB, LF, VT, FF and the Unicode line and paragraph separators become a
// space. Invalid UTF-8 becomes U+FFFD. The result is trimmed of surrounding
// white space. Zero-width joiners are kept (emoji, some scripts need them).
// Sanitize is idempotent.
func Sanitize(s string) string {
	return strings.TrimSpace(sanitize(s, false))
}

// SanitizeMultiline is Sanitize for free text (notes, messages): it keeps LF
// line breaks (CR LF and lone CR count as one LF) and trims the whole text.
func SanitizeMultiline(s string) string {
	return strings.TrimSpace(sanitize(s, true))
}

const (
	esc = 0x1b
	bel = 0x07
	can = 0x18
	sub = 0x1a
)

// sanitize is a small state machine over the input runes. It does not trim.
func sanitize(s string, multiline bool) string {
	if isClean(s, multiline) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	i := 0
	for i < len(s) {
		r, n := decode(s, i)
		switch {
		case r == esc:
			i = skipEscape(s, i+n)
			continue
		case r == 0x9b: // 8-bit CSI
			i = skipCSI(s, i+n)
			continue
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // OSC, DCS, SOS, PM, APC
			i = skipString(s, i+n)
			continue
		case r == '\r' && multiline:
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case r == '\n' && multiline:
			b.WriteByte('\n')
		case r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
		case dropped(r):
			// removed
		default:
			b.WriteRune(r)
		}
		i += n
	}
	return b.String()
}

// isClean reports whether s needs nothing but trimming (the common case).
func isClean(s string, multiline bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			if c == '\n' && multiline {
				continue
			}
			return false
		}
		if c >= 0x80 {
			// Slow path for non-ASCII: check rune by rune from here.
			for _, r := range s[i:] {
				if r == utf8.RuneError || r < 0x20 || (r >= 0x7f && r <= 0x9f) ||
					r == 0x2028 || r == 0x2029 || isBidi(r) || r == 0xfeff {
					if r == '\n' && multiline {
						continue
					}
					return false
				}
			}
			return true
		}
	}
	return true
}

// decode returns the rune at s[i] and its width. A byte that does not start a
// valid UTF-8 sequence is read as U+FFFD, except raw bytes 0x80–0x9F, which
// are read as the C1 control of that value (so an 8-bit CSI is recognised).
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && n == 1 && c >= 0x80 && c <= 0x9f {
		return rune(c), 1
	}
	return r, n
}

// dropped reports whether r is removed outright.
func dropped(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || isBidi(r) || r == 0xfeff
}

// isBidi reports whether r is a bidirectional formatting character.
func isBidi(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
		r == 0x200e || r == 0x200f || r == 0x061c
}

// skipEscape skips what follows an ESC at s[i-1] and returns the index after it.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	// ESC, intermediates 0x20–0x2F, final 0x30–0x7E. Anything else ends the
	// sequence without being consumed (the lone ESC is simply dropped).
	j := i
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
		return j + 1
	}
	return j
}

// skipCSI skips the parameters, intermediates and final byte of a control
// sequence starting at s[i]. A byte that cannot belong to it ends the
// sequence without being consumed.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= 0x20 && c <= 0x3f: // parameters and intermediates
			i++
		case c >= 0x40 && c <= 0x7e: // final byte
			return i + 1
		default:
			return i
		}
	}
	return i
}

// skipString skips the body of an OSC, DCS, SOS, PM or APC string starting at
// s[i], up to and including its terminator: BEL, ST (ESC \ or U+009C / raw
// 0x9C), or CAN/SUB. Another ESC ends the string and starts a new sequence.
// An unterminated string runs to the end of s.
func skipString(s string, i int) int {
	for i < len(s) {
		r, n := decode(s, i)
		switch r {
		case bel, can, sub, 0x9c:
			return i + n
		case esc:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		}
		i += n
	}
	return i
}

// sanitizeAll sanitises every string of ss in place.
func sanitizeAll(ss []string) {
	for i := range ss {
		ss[i] = Sanitize(ss[i])
	}
}

// Sanitize sanitises every string field of c in place.
func (c *Cabinet) Sanitize() {
	c.SIREN = Sanitize(c.SIREN)
	c.LegalName = Sanitize(c.LegalName)
	c.ManagerEmail = Sanitize(c.ManagerEmail)
	c.Address = Sanitize(c.Address)
}

// Sanitize sanitises every string field of c in place (Status included).
func (c *Client) Sanitize() {
	c.ID = Sanitize(c.ID)
	c.LegalName = Sanitize(c.LegalName)
	c.SIREN = Sanitize(c.SIREN)
	c.VAT = Sanitize(c.VAT)
	c.Status = ClientStatus(Sanitize(string(c.Status)))
	c.ContactEmail = Sanitize(c.ContactEmail)
	c.ContactFirstName = Sanitize(c.ContactFirstName)
	c.ContactLastName = Sanitize(c.ContactLastName)
	c.Language = Sanitize(c.Language)
	c.Street = Sanitize(c.Street)
	c.PostalCode = Sanitize(c.PostalCode)
	c.City = Sanitize(c.City)
	c.Country = Sanitize(c.Country)
}

// Sanitize sanitises every string field of u in place, roles included.
func (u *User) Sanitize() {
	u.Email = Sanitize(u.Email)
	u.FirstName = Sanitize(u.FirstName)
	u.LastName = Sanitize(u.LastName)
	sanitizeAll(u.Roles)
}

// Sanitize sanitises every string field of a in place.
func (a *Article) Sanitize() {
	a.Code = Sanitize(a.Code)
	a.Label = Sanitize(a.Label)
	a.UnitPrice = Sanitize(a.UnitPrice)
	a.VATRate = Sanitize(a.VATRate)
	a.Unit = Sanitize(a.Unit)
	for i := range a.Problems {
		a.Problems[i] = ArticleProblem(Sanitize(string(a.Problems[i])))
	}
}

// Sanitize sanitises every string field of n in place.
// The prefix is not trimmed on the right: "FAC " is a valid prefix.
func (n *Numbering) Sanitize() {
	n.Prefix = strings.TrimLeftFunc(sanitize(n.Prefix, false), unicode.IsSpace)
}

// Sanitize sanitises every string field of l in place.
func (l *Logo) Sanitize() {
	l.FileName = Sanitize(l.FileName)
	l.MediaType = Sanitize(l.MediaType)
	l.SHA256 = Sanitize(l.SHA256)
}

// Sanitize sanitises every string field of a in place.
func (a *BankAccount) Sanitize() {
	a.IBAN = Sanitize(a.IBAN)
	a.BIC = Sanitize(a.BIC)
	a.Holder = Sanitize(a.Holder)
}

// Sanitize sanitises every string field of s in place.
func (s *Statement) Sanitize() {
	s.AccountIBAN = Sanitize(s.AccountIBAN)
	s.FileName = Sanitize(s.FileName)
}

// Sanitize sanitises every string field of in in place, Fields keys and
// values included (a key that sanitises to "" is dropped).
func (in *Integration) Sanitize() {
	in.Software = Software(Sanitize(string(in.Software)))
	in.Scope = Sanitize(in.Scope)
	if in.Fields == nil {
		return
	}
	clean := make(map[string]string, len(in.Fields))
	for k, v := range in.Fields {
		if k = Sanitize(k); k != "" {
			clean[k] = Sanitize(v)
		}
	}
	in.Fields = clean
}

// Sanitize sanitises every string field of s in place.
func (s *Subscription) Sanitize() { s.Plan = Sanitize(s.Plan) }

// Sanitize sanitises every string of the snapshot in place.
func (s *V1Snapshot) Sanitize() {
	s.Client.Sanitize()
	for i := range s.Articles {
		s.Articles[i].Sanitize()
	}
	for i := range s.Users {
		s.Users[i].Sanitize()
	}
	if s.Numbering != nil {
		s.Numbering.Sanitize()
	}
	if s.Logo != nil {
		s.Logo.Sanitize()
	}
	for i := range s.BankAccounts {
		s.BankAccounts[i].Sanitize()
	}
	for i := range s.Statements {
		s.Statements[i].Sanitize()
	}
	s.ReceptionEmail = Sanitize(s.ReceptionEmail)
	s.Subscription.Sanitize()
}

// Sanitize sanitises every string of the snapshot in place.
func (s *CabinetSnapshot) Sanitize() {
	s.Cabinet.Sanitize()
	for i := range s.Collaborators {
		s.Collaborators[i].Sanitize()
	}
	for i := range s.Clients {
		s.Clients[i].Sanitize()
	}
	for i := range s.Integrations {
		s.Integrations[i].Sanitize()
	}
}

// Sanitize sanitises every string field of r in place.
func (r *RegistrationStatus) Sanitize() { r.Identity.Sanitize() }

// Sanitize sanitises every string field of m in place (Message keeps its
// line breaks).
func (m *MigrationRequest) Sanitize() {
	m.Reference = Sanitize(m.Reference)
	m.State = RequestState(Sanitize(string(m.State)))
	m.AdminEmail = Sanitize(m.AdminEmail)
	m.Message = SanitizeMultiline(m.Message)
}

// Sanitize sanitises every string of the inventory in place.
func (inv *Inventory) Sanitize() {
	inv.SIREN = Sanitize(inv.SIREN)
	inv.ReceptionEmail = Sanitize(inv.ReceptionEmail)
	for i := range inv.Users {
		inv.Users[i].Sanitize()
	}
	for i := range inv.BankAccounts {
		inv.BankAccounts[i].Sanitize()
	}
	if inv.Numbering != nil {
		inv.Numbering.Sanitize()
	}
	if inv.Logo != nil {
		inv.Logo.Sanitize()
	}
	for i := range inv.Integrations {
		inv.Integrations[i].Sanitize()
	}
	if inv.Subscription != nil {
		inv.Subscription.Sanitize()
	}
}

// Sanitize sanitises every string of the result in place.
func (r *ImportResult) Sanitize() {
	for i := range r.Rejected {
		r.Rejected[i].Column = Sanitize(r.Rejected[i].Column)
		r.Rejected[i].Message = Sanitize(r.Rejected[i].Message)
	}
}
