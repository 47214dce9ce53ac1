package connectors

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Boulangerie Lefèvre & Fils", "Boulangerie Lefèvre & Fils"},
		{"trim", "  Café Le Zinc \t", "Café Le Zinc"},
		{"clear screen", "\x1b[2JACME", "ACME"},
		{"sgr colour", "\x1b[31;1mrouge\x1b[0m", "rouge"},
		{"csi private", "a\x1b[?25lb", "ab"},
		{"osc 8 link BEL", "\x1b]8;;https://evil.example\x07clic\x1b]8;;\x07", "clic"},
		{"osc 8 link ST", "\x1b]8;;https://evil.example\x1b\\clic\x1b]8;;\x1b\\", "clic"},
		{"osc 52 clipboard", "x\x1b]52;c;cm0gLXJmIH4=\x07y", "xy"},
		{"osc title", "\x1b]0;pwned\x07ok", "ok"},
		{"osc unterminated", "ok\x1b]0;rest of line", "ok"},
		{"dcs", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"apc", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"pm sos", "a\x1b^secret\x1b\\b\x1bXmore\x1b\\c", "abc"},
		{"single esc", "a\x1b7b\x1b8c\x1bcd", "abcd"},
		{"esc charset", "a\x1b(Bb", "ab"},
		{"lone esc at end", "abc\x1b", "abc"},
		{"esc before utf8", "a\x1béb", "aéb"},
		{"cr overwrite", "abc\rxyz", "abcxyz"},
		{"crlf", "ligne1\r\nligne2", "ligne1 ligne2"},
		{"backspaces", "admin\b\b\b\b\buser", "adminuser"},
		{"bell nul", "a\x07b\x00c", "abc"},
		{"tab lf", "a\tb\nc", "a b c"},
		{"del", "a\x7fb", "ab"},
		{"bidi override", "\u202Egnp.exe", "gnp.exe"},
		{"bidi isolates marks", "a\u2066b\u2069c\u200ed\u200fe\u061cf\u202ag\u202ch", "abcdefgh"},
		{"c1 csi utf8", "\u009b31mrouge", "rouge"},
		{"c1 csi raw byte", "\x9b31mrouge", "rouge"},
		{"c1 osc", "\u009d0;title\u009cok", "ok"},
		{"c1 nel", "a\u0085b", "ab"},
		{"bom", "\ufeffRaison sociale", "Raison sociale"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"truncated utf8", "caf\xc3", "caf\uFFFD"},
		{"zwj kept", "👩\u200d💻", "👩\u200d💻"},
		{"line separator", "a\u2028b", "a b"},
		{"nbsp inside kept", "1\u00a0000", "1\u00a0000"},
		{"only controls", "\x1b[2J\r\x00", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in); got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSanitizeMultiline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"l1\nl2", "l1\nl2"},
		{"l1\r\nl2\rl3", "l1\nl2\nl3"},
		{"\n note \x1b[2J\n", "note"},
		{"a\tb\u202e", "a b"},
		{"a\x1b]52;c;AAAA\x07\nb", "a\nb"},
	}
	for _, tt := range tests {
		if got := SanitizeMultiline(tt.in); got != tt.want {
			t.Errorf("SanitizeMultiline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRecordSanitize(t *testing.T) {
	s := V1Snapshot{
		Client:    Client{LegalName: "\x1b[2JACME\r", City: "Paris\u202e"},
		Users:     []User{{Email: " a@b.fr ", Roles: []string{"Comptable\x07"}}},
		Numbering: &Numbering{Prefix: "\x1b[1mFAC ", LastNumber: 1, Padding: 3},
		Articles:  []Article{{Label: "Pain\x00"}},
	}
	s.Sanitize()
	if s.Client.LegalName != "ACME" || s.Client.City != "Paris" {
		t.Errorf("client not sanitised: %+v", s.Client)
	}
	if s.Users[0].Email != "a@b.fr" || s.Users[0].Roles[0] != "Comptable" {
		t.Errorf("user not sanitised: %+v", s.Users[0])
	}
	if s.Numbering.Prefix != "FAC " {
		t.Errorf("numbering prefix = %q, want %q", s.Numbering.Prefix, "FAC ")
	}
	if s.Articles[0].Label != "Pain" {
		t.Errorf("article label = %q", s.Articles[0].Label)
	}

	in := Integration{Fields: map[string]string{"url\x1b[0m": "https://x\x07", "\x00": "dropped"}}
	in.Sanitize()
	if len(in.Fields) != 1 || in.Fields["url"] != "https://x" {
		t.Errorf("integration fields = %q", in.Fields)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		"", "abc", "\x1b[2J", "\x1b]8;;http://x\x07a\x1b]8;;\x07", "\x1b]52;c;QQ==\x1b\\",
		"abc\rxyz", "a\b\bb", "\u202Egnp.exe", "\u009b31m", "\x9b31m", "a\x00b", "\xff\xfe",
		"\x1bP1$r\x1b\\", " \t\n ", "\u2066x\u2069", "\x1b", "\x1b[", "\xc2", "\xe2\x80",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, multiline := range []bool{false, true} {
			clean := Sanitize
			if multiline {
				clean = SanitizeMultiline
			}
			out := clean(in)
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 %q from %q", out, in)
			}
			for i := 0; i < len(out); i++ {
				c := out[i]
				if (c < 0x20 && !(multiline && c == '\n')) || c == 0x7f {
					t.Fatalf("control byte %#x in %q from %q", c, out, in)
				}
			}
			for _, r := range out {
				if (r >= 0x80 && r <= 0x9f) || isBidi(r) {
					t.Fatalf("rune %U in %q from %q", r, out, in)
				}
			}
			if out != strings.TrimSpace(out) {
				t.Fatalf("not trimmed: %q", out)
			}
			if again := clean(out); again != out {
				t.Fatalf("not idempotent: %q -> %q -> %q", in, out, again)
			}
		}
	})
}
