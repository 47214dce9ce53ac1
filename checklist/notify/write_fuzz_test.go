package notify

import (
	"strings"
	"testing"
)

// FuzzFileName: whatever the id and name, the file name stays in its folder,
// is plain ASCII, and two different ids never share a name.
func FuzzFileName(f *testing.F) {
	f.Add("cli-00001", "cli-00002", "Café Élise")
	f.Add("../../etc", "..", "../passwd")
	f.Add("a/b", "ab", "")
	f.Add("", "\x1b[2J", "\u202eevil")
	f.Fuzz(func(t *testing.T, id1, id2, name string) {
		n1 := FileName(id1, name)
		for _, r := range n1 {
			if r < 0x21 || r > 0x7e || r == '/' || r == '\\' {
				t.Fatalf("FileName(%q, %q) = %q holds %q", id1, name, n1, r)
			}
		}
		if !strings.HasSuffix(n1, ".eml") || strings.HasPrefix(n1, ".") || len(n1) > 200 {
			t.Fatalf("FileName(%q, %q) = %q", id1, name, n1)
		}
		if id1 != id2 && id1 != "" && id2 != "" && n1 == FileName(id2, name) {
			t.Fatalf("ids %q and %q share %q", id1, id2, n1)
		}
	})
}

// FuzzParseSender: a sender typed by anyone never puts a line break into
// the From header.
func FuzzParseSender(f *testing.F) {
	f.Add("Claire Martin <claire@cabinet.fr>")
	f.Add("claire@cabinet.fr")
	f.Add("=?UTF-8?q?C=0D=0ABcc:_x?= <a@b.fr>")
	f.Fuzz(func(t *testing.T, s string) {
		name, _, err := ParseSender(s)
		if err == nil && strings.ContainsAny(name, "\r\n") {
			t.Fatalf("ParseSender(%q) name %q holds a line break", s, name)
		}
	})
}
