package notify

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
)

// Announcement is what the message says and to whom.
type Announcement struct {
	CabinetName  string
	ManagerName  string // who signs; the cabinet's name when empty
	ManagerEmail string // From:
	ClientName   string
	ClientSIREN  string
	ContactFirst string
	ContactLast  string
	ContactEmail string // To:, left out when unknown or invalid
	// Payment says the client uses the Banqup payment services: the message
	// then asks for the external IBANs and the statements too (§2).
	Payment bool
	// PendingInvoices is the count last found on V1 (-1 unknown): the message
	// names it so the client knows the work it has.
	PendingInvoices int
	// Deadline is when the cabinet wants the preparation done; zero for none.
	Deadline time.Time
	Date     time.Time // the Date: header
}

// Message is a plain-text e-mail ready to be written as .eml.
type Message struct {
	From    mail.Address
	To      *mail.Address
	Subject string
	Date    time.Time
	ID      string // Message-ID without angle brackets
	Body    string // LF line ends; written as CRLF
}

// Subject is the subject line of the announcement.
func Subject(cabinet, client string) string {
	return fmt.Sprintf("Migration de votre espace jefacture.com vers la nouvelle plateforme — %s", oneLine(client))
}

// Build writes the announcement in French, in our own words, following the
// guide: what will happen, what migrates by itself, what the client must do
// before (accept every pending invoice, check the article base, note its logo,
// users and numbering; IBANs and statements for payment clients) and that the
// old space becomes read-only afterwards.
func Build(a Announcement) (Message, error) {
	from := ident.NormalizeEmail(a.ManagerEmail)
	if err := ValidateSender(a.ManagerEmail); err != nil {
		return Message{}, err
	}
	signer := oneLine(a.ManagerName)
	if signer == "" {
		signer = oneLine(a.CabinetName)
	}
	m := Message{
		From:    mail.Address{Name: signer, Address: from},
		Subject: Subject(a.CabinetName, a.ClientName),
		Date:    a.Date,
	}
	if to := ident.NormalizeEmail(a.ContactEmail); to != "" && ident.ValidateEmail(to) == nil {
		m.To = &mail.Address{Name: oneLine(strings.TrimSpace(a.ContactFirst + " " + a.ContactLast)), Address: to}
	}
	sum := sha256.Sum256([]byte(from + "\x00" + a.ClientSIREN + "\x00" + a.ClientName + "\x00" + a.Date.UTC().Format(time.RFC3339Nano)))
	domain := from[strings.LastIndexByte(from, '@')+1:]
	m.ID = "bascule." + hex.EncodeToString(sum[:12]) + "@" + domain

	var b strings.Builder
	greet := "Bonjour"
	if first := oneLine(a.ContactFirst + " " + a.ContactLast); strings.TrimSpace(first) != "" {
		greet += " " + strings.TrimSpace(first)
	}
	fmt.Fprintf(&b, "%s,\n\n", greet)
	fmt.Fprintf(&b, "La réforme de la facturation électronique oblige chaque entreprise à passer par une plateforme agréée. ")
	fmt.Fprintf(&b, "jefacture.com, que vous utilisez aujourd'hui, devient une plateforme agréée : votre espace %s", oneLine(a.ClientName))
	if a.ClientSIREN != "" {
		fmt.Fprintf(&b, " (SIREN %s)", ident.FormatSIREN(a.ClientSIREN))
	}
	fmt.Fprintf(&b, " va donc être migré par notre cabinet vers la nouvelle version de jefacture.com.\n\n")
	b.WriteString("Ce qui sera repris automatiquement :\n")
	b.WriteString("  - vos factures acceptées (achats et ventes) avec leur statut de paiement ;\n")
	b.WriteString("  - vos documents archivés ;\n")
	b.WriteString("  - votre base articles, vos clients et fournisseurs ;\n")
	b.WriteString("  - l'adresse e-mail de réception de vos factures d'achat.\n\n")
	b.WriteString("Ce que nous vous demandons avant la migration")
	if !a.Deadline.IsZero() {
		fmt.Fprintf(&b, " (si possible avant le %s)", a.Deadline.Format("02/01/2006"))
	}
	b.WriteString(" :\n")
	b.WriteString("  1. Accepter toutes les factures en attente, d'achat comme de vente : une facture\n     non acceptée ne sera pas transférée.")
	if a.PendingInvoices > 0 {
		if a.PendingInvoices == 1 {
			b.WriteString(" À ce jour, 1 facture attend votre validation.")
		} else {
			fmt.Fprintf(&b, " À ce jour, %d factures attendent votre validation.", a.PendingInvoices)
		}
	}
	b.WriteString("\n")
	b.WriteString("  2. Vérifier que les articles de votre catalogue sont toujours valables.\n")
	b.WriteString("  3. Conserver votre logo, la liste de vos utilisateurs avec leurs rôles et le dernier\n     numéro de facture de vente utilisé : ils seront à ressaisir ensuite.\n")
	if a.Payment {
		b.WriteString("  4. Noter les IBAN des comptes externes connectés et télécharger l'historique de vos\n     relevés de transactions : ils ne sont pas repris. Votre compte de paiement Banqup,\n     lui, est conservé.\n")
	}
	b.WriteString("\nAprès la migration, l'ancien espace restera consultable en lecture seule : vos factures\n")
	b.WriteString("historiques y seront toujours visibles, mais l'envoi, la réception, la validation et le\n")
	b.WriteString("paiement se feront uniquement sur la nouvelle plateforme. Nous vous accompagnerons pour\n")
	b.WriteString("réinviter vos utilisateurs et reparamétrer votre numérotation.\n\n")
	b.WriteString(wrap(checklist.NoticeSubscription().Text.FR, 88) + "\n\n")
	b.WriteString("Pour toute question, répondez simplement à ce message.\n\n")
	b.WriteString("Bien cordialement,\n\n")
	b.WriteString(signer + "\n")
	if name := oneLine(a.CabinetName); name != "" && name != signer {
		b.WriteString(name + "\n")
	}
	m.Body = b.String()
	return m, nil
}

// WriteTo writes m as an RFC 5322 message: CRLF line ends, the subject and
// display names encoded per RFC 2047, a UTF-8 plain-text body in
// quoted-printable so that every line stays 7-bit and under 76 characters.
func (m Message) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	h := func(name, value string) { b.WriteString(name + ": " + value + "\r\n") }
	h("From", formatAddress(m.From))
	if m.To != nil {
		h("To", formatAddress(*m.To))
	}
	h("Subject", encodeHeader(oneLine(m.Subject)))
	h("Date", m.Date.Format(time.RFC1123Z))
	if m.ID != "" {
		h("Message-ID", "<"+m.ID+">")
	}
	h("MIME-Version", "1.0")
	h("Content-Type", "text/plain; charset=UTF-8")
	h("Content-Transfer-Encoding", "quoted-printable")
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	body := strings.ReplaceAll(m.Body, "\r\n", "\n")
	if _, err := qp.Write([]byte(strings.ReplaceAll(body, "\n", "\r\n"))); err != nil {
		return 0, err
	}
	if err := qp.Close(); err != nil {
		return 0, err
	}
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

// formatAddress writes a From or To value. A plain-ASCII name is quoted by
// net/mail; any other is written as RFC 2047 phrase words, where only
// letters, digits and !*+-/ may stand as themselves (net/mail's own encoding
// leaves a backslash in, which its parser then refuses).
func formatAddress(a mail.Address) string {
	plain := true
	for i := 0; i < len(a.Name); i++ {
		if a.Name[i] < 0x20 || a.Name[i] >= 0x7f {
			plain = false
			break
		}
	}
	if plain && !strings.Contains(a.Name, "=?") {
		return a.String()
	}
	return encodeWords(a.Name, isPhraseSafe) + " <" + a.Address + ">"
}

// isPhraseSafe is RFC 2047 §5 (3): what an encoded word in a phrase may hold
// without encoding.
func isPhraseSafe(r rune) bool {
	return r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("!*+-/", r))
}

// encodeHeader encodes a header value per RFC 2047 when it is not plain
// ASCII, as encoded words short enough that every folded line stays under 78
// characters (mime.QEncoding alone writes them on one long line).
func encodeHeader(v string) string {
	ascii := true
	for i := 0; i < len(v); i++ {
		if v[i] < 0x20 || v[i] >= 0x7f {
			ascii = false
			break
		}
	}
	if ascii && !strings.Contains(v, "=?") { // "=?" would be read as an encoded word
		return v
	}
	return encodeWords(v, func(r rune) bool { return r > 0x20 && r < 0x7f && !strings.ContainsRune("=?_", r) })
}

// encodeWords writes v as "Q" encoded words; runes for which safe is false
// are written as =XX bytes (a space as _); each invalid byte becomes U+FFFD.
func encodeWords(v string, safe func(rune) bool) string {
	const maxWord = 66 // "Subject: " + word + room to spare
	var words []string
	var cur strings.Builder
	for _, r := range v { // an invalid byte comes as U+FFFD
		var enc string
		switch {
		case r == ' ':
			enc = "_"
		case safe(r):
			enc = string(r)
		default:
			var buf [utf8.UTFMax]byte
			for _, c := range buf[:utf8.EncodeRune(buf[:], r)] {
				enc += fmt.Sprintf("=%02X", c)
			}
		}
		if cur.Len()+len(enc) > maxWord-len("=?UTF-8?q??=") {
			words = append(words, "=?UTF-8?q?"+cur.String()+"?=")
			cur.Reset()
		}
		cur.WriteString(enc)
	}
	if cur.Len() > 0 {
		words = append(words, "=?UTF-8?q?"+cur.String()+"?=")
	}
	return strings.Join(words, "\r\n ")
}

// oneLine keeps a header value on one line: a CR or LF in a name from outside
// would otherwise let it add headers of its own.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\r' || r == '\n' }), " ")
}

// ParseSender reads a sender as typed: a bare address or "Nom <adresse>"
// (RFC 5322, as mail programs write it). The name is empty for a bare
// address.
func ParseSender(s string) (name, address string, err error) {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "<>\"") {
		return "", s, nil // checked by Build, with its precise message
	}
	a, perr := mail.ParseAddress(s)
	if perr != nil {
		return "", "", &Error{FR: fmt.Sprintf("expéditeur illisible (%q) : écrivez adresse@domaine.fr ou « Nom <adresse@domaine.fr> »", s),
			EN: fmt.Sprintf("unreadable sender (%q): write address@domain.fr or \"Name <address@domain.fr>\"", s)}
	}
	return oneLine(a.Name), a.Address, nil
}

// ValidateSender checks the sender's address, with a message in both
// languages.
func ValidateSender(address string) error {
	err := ident.ValidateEmail(ident.NormalizeEmail(address))
	if err == nil {
		return nil
	}
	var ie *ident.Error
	en := err.Error()
	if errors.As(err, &ie) {
		en = ie.English()
	}
	return &Error{FR: fmt.Sprintf("adresse de l'expéditeur invalide (%q) : %s", address, err),
		EN: fmt.Sprintf("invalid sender address (%q): %s", address, en)}
}

// wrap breaks a paragraph into lines of at most width characters at spaces,
// as the rest of the body is laid out.
func wrap(text string, width int) string {
	var b strings.Builder
	line := 0
	for i, w := range strings.Fields(text) {
		n := utf8.RuneCountInString(w)
		if i > 0 && line+1+n > width {
			b.WriteString("\n")
			line = 0
		} else if i > 0 {
			b.WriteString(" ")
			line++
		}
		b.WriteString(w)
		line += n
	}
	return b.String()
}
