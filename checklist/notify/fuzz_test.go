package notify

import (
	"bytes"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bascule-cli/bascule/checklist/ident"
)

// validRunes is s as a UTF-8 decoder sees it: each invalid byte becomes
// U+FFFD, as encodeHeader writes it.
func validRunes(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

// headerNames are the only headers a message may have, once each.
var headerNames = map[string]bool{
	"From": true, "To": true, "Subject": true, "Date": true, "Message-ID": true,
	"MIME-Version": true, "Content-Type": true, "Content-Transfer-Encoding": true,
}

// Properties of the .eml built from hostile names and addresses: Build fails
// only for an invalid sender; the header block has CRLF line ends only, no
// header but ours (a name cannot inject one), each once, continuation lines
// only where folding put them, and exactly one blank line before the body;
// the subject is 7-bit, at most 78 characters a line, and decodes back to
// the subject; From and To parse back to the addresses; the quoted-printable
// body decodes back to Body.
func FuzzWriteEML(f *testing.F) {
	type seed struct {
		cabinet, manager, managerEmail, client, siren, first, last, contactEmail string
		payment                                                                  bool
	}
	for _, s := range []seed{
		{"Cabinet Martin & Associés", "Claire Martin", "claire.martin@cabinet-martin.fr", "Boulangerie Lefèvre & Fils",
			"552008443", "Émile", "Lefèvre", "emile@boulangerie-lefevre.fr", true},
		{"Cabinet", "", "a@b.fr", "Evil\r\nBcc: victim@example.com", "", "X\nBcc: y@example.com", "", "c@d.fr", false},
		{"C\r\n\r\nbody", "M\rTo: z@z.fr", "m@x.fr", "=?utf-8?q?Bcc:_x?=", "1", "\"Q\" <q@q.fr>", "\\", "q@q.fr, r@r.fr", false},
		{"Cab\tinet", "Na\tme", "m@x.fr", "Tab\there\u0085\u2028", "\x00", "\x1b[2J", "\u202egnp", "t@t.fr", true},
		{"", "", "pas-une-adresse", "", "", "", "", "", false},
		{strings.Repeat("Très long nom de cabinet ", 8), strings.Repeat("Jean-Édouard ", 10), "je@exämple.fr",
			strings.Repeat("Société ", 20), "552 008 443", strings.Repeat("Ü", 40), "", "Émile@Boulangerie.FR", false},
		{"\xff\xfe", "\xc3", "m@x.fr", "caf\xc3", "", "\xe2\x80", "", "x@y.z", false},
	} {
		f.Add(s.cabinet, s.manager, s.managerEmail, s.client, s.siren, s.first, s.last, s.contactEmail, s.payment)
	}
	date := time.Date(2026, 3, 2, 9, 0, 0, 0, time.FixedZone("CET", 3600))
	f.Fuzz(func(t *testing.T, cabinet, manager, managerEmail, client, siren, first, last, contactEmail string, payment bool) {
		a := Announcement{
			CabinetName: cabinet, ManagerName: manager, ManagerEmail: managerEmail, ClientName: client,
			ClientSIREN: siren, ContactFirst: first, ContactLast: last, ContactEmail: contactEmail,
			Payment: payment, PendingInvoices: 3, Deadline: date.AddDate(0, 1, 0), Date: date,
		}
		m, err := Build(a)
		badFrom := ident.ValidateEmail(ident.NormalizeEmail(managerEmail)) != nil
		if err != nil {
			if !badFrom {
				t.Fatalf("Build refused a valid sender %q: %v", managerEmail, err)
			}
			return
		}
		if badFrom {
			t.Fatalf("Build accepted an invalid sender %q", managerEmail)
		}
		var buf bytes.Buffer
		if _, err := m.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		raw := buf.String()

		head, body, ok := strings.Cut(raw, "\r\n\r\n")
		if !ok {
			t.Fatalf("no blank line after the headers:\n%q", raw)
		}
		if strings.HasPrefix(body, "\r\n") {
			t.Fatalf("more than one blank line after the headers:\n%q", raw)
		}
		seen := map[string]bool{}
		for i, line := range strings.Split(head, "\r\n") {
			if strings.ContainsAny(line, "\r\n") {
				t.Fatalf("bare CR or LF in header line %q", line)
			}
			if len(line) > 998 {
				t.Fatalf("header line over 998 octets: %q", line)
			}
			if line == "" {
				t.Fatalf("blank line inside the headers:\n%q", head)
			}
			if line[0] == ' ' || line[0] == '\t' {
				if i == 0 {
					t.Fatalf("continuation line first:\n%q", head)
				}
				continue
			}
			name, _, ok := strings.Cut(line, ": ")
			if !ok || !headerNames[name] || seen[name] {
				t.Fatalf("unexpected header line %q (a name injected a header?)\n%s", line, head)
			}
			seen[name] = true
		}

		msg, err := mail.ReadMessage(strings.NewReader(raw))
		if err != nil {
			t.Fatalf("message does not parse: %v\n%q", err, raw)
		}
		canonical := map[string]bool{}
		for k := range headerNames {
			canonical[textproto.CanonicalMIMEHeaderKey(k)] = true
		}
		for k := range msg.Header {
			if !canonical[k] {
				t.Fatalf("header %q appeared:\n%s", k, head)
			}
		}

		// Subject: 7-bit, folded, and decodes back.
		subjLines := strings.SplitAfter(head[strings.Index(head, "Subject: "):], "\r\n")
		for i, line := range subjLines {
			if i > 0 && !strings.HasPrefix(line, " ") {
				break
			}
			if len(strings.TrimSuffix(line, "\r\n")) > 78 {
				t.Errorf("subject line over 78 characters: %q", line)
			}
			for _, c := range []byte(line) {
				if c >= 0x80 || (c < 0x20 && c != '\r' && c != '\n') || c == 0x7f {
					t.Fatalf("byte %#x in subject line %q", c, line)
				}
			}
		}
		subj, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		if want := validRunes(oneLine(m.Subject)); err != nil || subj != want {
			t.Fatalf("subject decodes to %q, %v; want %q", subj, err, want)
		}
		if !strings.Contains(m.Subject, oneLine(client)) {
			t.Fatalf("subject %q lacks the client name %q", m.Subject, oneLine(client))
		}

		// From and To: the addresses come back.
		from, err := msg.Header.AddressList("From")
		if err != nil || len(from) != 1 || from[0].Address != m.From.Address {
			t.Fatalf("From %q parses to %v, %v; want %q", msg.Header.Get("From"), from, err, m.From.Address)
		}
		if from[0].Name != validRunes(m.From.Name) {
			t.Fatalf("From name %q parses to %q", m.From.Name, from[0].Name)
		}
		if m.To != nil {
			to, err := msg.Header.AddressList("To")
			if err != nil || len(to) != 1 || to[0].Address != m.To.Address {
				t.Fatalf("To %q parses to %v, %v; want %q", msg.Header.Get("To"), to, err, m.To.Address)
			}
			if to[0].Name != validRunes(m.To.Name) {
				t.Fatalf("To name %q parses to %q", m.To.Name, to[0].Name)
			}
		} else if msg.Header.Get("To") != "" {
			t.Fatalf("To written without a recipient")
		}

		// Body: quoted-printable, 7-bit lines of at most 76 characters, and
		// decodes back to Body with CRLF line ends.
		for _, line := range strings.Split(body, "\r\n") {
			if len(line) > 76 {
				t.Fatalf("body line over 76 characters: %q", line)
			}
		}
		dec, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
		want := strings.ReplaceAll(strings.ReplaceAll(m.Body, "\r\n", "\n"), "\n", "\r\n")
		if err != nil || string(dec) != want {
			t.Fatalf("body decodes to %q, %v; want %q", dec, err, want)
		}
		// Each name on its own: two invalid fragments may join into a valid
		// sequence when concatenated.
		allValid := true
		for _, v := range []string{client, first, last, manager, cabinet, siren} {
			allValid = allValid && utf8.ValidString(v)
		}
		if !utf8.ValidString(m.Body) && allValid {
			t.Fatalf("invalid UTF-8 in body from valid names")
		}
	})
}
