package notify

import (
	"bytes"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"
	"time"
)

func sample() Announcement {
	return Announcement{
		CabinetName: "Cabinet Martin & Associés", ManagerName: "Claire Martin", ManagerEmail: "claire.martin@cabinet-martin.fr",
		ClientName: "Boulangerie Lefèvre & Fils", ClientSIREN: "552008443",
		ContactFirst: "Émile", ContactLast: "Lefèvre", ContactEmail: "emile@boulangerie-lefevre.fr",
		Payment: true, PendingInvoices: 4,
		Date: time.Date(2026, 3, 2, 9, 0, 0, 0, time.FixedZone("CET", 3600)),
	}
}

func TestMessageParses(t *testing.T) {
	m, err := Build(sample())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	raw := b.String()
	for _, line := range strings.Split(raw, "\r\n") {
		if len(line) > 78 {
			t.Errorf("line over 78 characters: %q", line)
		}
		for _, c := range []byte(line) {
			if c >= 0x80 {
				t.Fatalf("non-ASCII byte in %q", line)
			}
		}
	}
	msg, err := mail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	h := msg.Header
	from, err := h.AddressList("From")
	if err != nil || from[0].Address != "claire.martin@cabinet-martin.fr" || from[0].Name != "Claire Martin" {
		t.Errorf("From = %v, %v", from, err)
	}
	to, err := h.AddressList("To")
	if err != nil || to[0].Address != "emile@boulangerie-lefevre.fr" || to[0].Name != "Émile Lefèvre" {
		t.Errorf("To = %v, %v", to, err)
	}
	subj, err := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
	if err != nil || !strings.Contains(subj, "Boulangerie Lefèvre & Fils") {
		t.Errorf("Subject = %q, %v", subj, err)
	}
	if _, err := h.Date(); err != nil {
		t.Errorf("Date: %v", err)
	}
	for k, want := range map[string]string{"MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "quoted-printable"} {
		if got := h.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	body, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Bonjour Émile Lefèvre", "552 008 443", "4 factures attendent", "lecture seule", "IBAN", "Claire Martin", "nouvel abonnement"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
}

func TestNoPaymentParagraphAndNoTo(t *testing.T) {
	a := sample()
	a.Payment, a.ContactEmail, a.PendingInvoices = false, "", -1
	m, err := Build(a)
	if err != nil {
		t.Fatal(err)
	}
	if m.To != nil {
		t.Error("To set without a contact e-mail")
	}
	if strings.Contains(m.Body, "IBAN") || strings.Contains(m.Body, "facture(s) attendent") {
		t.Errorf("body:\n%s", m.Body)
	}
}

func TestHeaderInjection(t *testing.T) {
	a := sample()
	a.ClientName = "Evil\r\nBcc: victim@example.com"
	a.ContactFirst = "X\nBcc: y@example.com"
	m, err := Build(a)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	msg, err := mail.ReadMessage(&b)
	if err != nil {
		t.Fatal(err)
	}
	if msg.Header.Get("Bcc") != "" {
		t.Error("a name added a Bcc header")
	}
}

func TestBadFrom(t *testing.T) {
	a := sample()
	a.ManagerEmail = "pas-une-adresse"
	if _, err := Build(a); err == nil {
		t.Error("invalid From accepted")
	}
}

func TestFileName(t *testing.T) {
	for _, c := range [][3]string{
		{"cli-00001", "Boulangerie Lefèvre & Fils", "cli-00001-boulangerie-lefevre-fils.eml"},
		{"../../etc", "../passwd", "etc_" + digest8("../../etc") + "-passwd.eml"},
		{"", "", "client.eml"},
		{"cli-2", "", "cli-2.eml"},
	} {
		if got := FileName(c[0], c[1]); got != c[2] {
			t.Errorf("FileName(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
	// Ids that differ only by dropped characters still give two names.
	if FileName("a/b", "x") == FileName("ab", "x") || FileName("a/b", "x") == FileName("a.b", "x") {
		t.Error("two ids gave the same file name")
	}
}

func TestParseSender(t *testing.T) {
	for _, c := range []struct{ in, name, addr string }{
		{"claire.martin@cabinet-martin.fr", "", "claire.martin@cabinet-martin.fr"},
		{"Claire Martin <claire.martin@cabinet-martin.fr>", "Claire Martin", "claire.martin@cabinet-martin.fr"},
		{`"Martin, Claire" <claire@cabinet.fr>`, "Martin, Claire", "claire@cabinet.fr"},
		{"=?UTF-8?q?C=C3=A9line?= <celine@cabinet.fr>", "Céline", "celine@cabinet.fr"},
	} {
		name, addr, err := ParseSender(c.in)
		if err != nil || name != c.name || addr != c.addr {
			t.Errorf("ParseSender(%q) = %q, %q, %v", c.in, name, addr, err)
		}
	}
	if _, _, err := ParseSender("Claire <pas une adresse"); err == nil {
		t.Error("unreadable sender accepted")
	}
}
