package notify

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/bascule-cli/bascule/checklist/atomicfile"
)

// Error is a failure of this package in both languages; Error() is French.
type Error struct{ FR, EN string }

func (e *Error) Error() string   { return e.FR }
func (e *Error) English() string { return e.EN }

// Recipient is one client to announce the migration to.
type Recipient struct {
	ID, Name, SIREN                         string
	Payment                                 bool
	PendingInvoices                         int
	ContactFirst, ContactLast, ContactEmail string
}

// Batch is every message of one workspace: the wizard and the `notify`
// command both write through WriteAll, so that a cabinet gets the same files
// whichever it used.
type Batch struct {
	// Workspace names the sub-folder of the root: two cabinets sharing an
	// output folder never mix their messages.
	Workspace   string
	CabinetName string
	// SenderName signs the message; the cabinet's name when empty (never the
	// operator's login).
	SenderName, SenderEmail string
	Date                    time.Time
	Clients                 []Recipient
}

// Written is what WriteAll did.
type Written struct {
	Dir       string   // the workspace's folder
	Paths     []string // one per client, in order
	NoContact int      // messages written without a recipient
}

// Dir is the folder of a workspace's messages under root.
func Dir(root, workspace string) string {
	return filepath.Join(root, safeSegment(workspace, "espace"))
}

// WriteAll builds and writes one message per client into Dir(root,
// b.Workspace), created 0700, each file 0600 and written atomically. onWrite,
// when set, is called with each path once its file is in place. Two clients
// giving the same file name is an error, never an overwrite.
func WriteAll(ctx context.Context, root string, b Batch, onWrite func(path string)) (Written, error) {
	w := Written{Dir: Dir(root, b.Workspace)}
	if err := atomicfile.MkdirAll(w.Dir); err != nil {
		return w, fileError(w.Dir, err)
	}
	aw := atomicfile.Writer{DeferDirSync: true}
	seen := make(map[string]string, len(b.Clients))
	for _, c := range b.Clients {
		if err := ctx.Err(); err != nil {
			return w, err
		}
		m, err := Build(Announcement{
			CabinetName: b.CabinetName, ManagerName: b.SenderName, ManagerEmail: b.SenderEmail,
			ClientName: c.Name, ClientSIREN: c.SIREN,
			ContactFirst: c.ContactFirst, ContactLast: c.ContactLast, ContactEmail: c.ContactEmail,
			Payment: c.Payment, PendingInvoices: c.PendingInvoices, Date: b.Date,
		})
		if err != nil {
			return w, err
		}
		name := FileName(c.ID, c.Name)
		if other, dup := seen[strings.ToLower(name)]; dup {
			return w, &Error{
				FR: "les clients " + other + " et " + safeSegment(c.ID, "?") + " donneraient le même fichier " + name + " : rien n'est écrasé",
				EN: "clients " + other + " and " + safeSegment(c.ID, "?") + " would give the same file " + name + ": nothing overwritten",
			}
		}
		seen[strings.ToLower(name)] = safeSegment(c.ID, "?")
		path := filepath.Join(w.Dir, name)
		if err := writeFile(aw, path, m); err != nil {
			return w, err
		}
		if m.To == nil {
			w.NoContact++
		}
		w.Paths = append(w.Paths, path)
		if onWrite != nil {
			onWrite(path)
		}
	}
	// Once for every rename above. Best effort: some systems cannot sync a
	// folder; each file itself was synced before its rename.
	_ = aw.SyncFolder(w.Dir)
	return w, nil
}

// WriteFile writes m to path, readable by the owner only, through
// atomicfile: a crash leaves the old file or the new one, never half a
// message.
func WriteFile(path string, m Message) error {
	return writeFile(atomicfile.Writer{}, path, m)
}

// writeFile writes one message with w; WriteAll's writer defers the folder
// sync to the end of the batch.
func writeFile(w atomicfile.Writer, path string, m Message) error {
	err := w.Write(path, func(out io.Writer) error {
		_, err := m.WriteTo(out)
		return err
	})
	if err != nil {
		return fileError(path, err)
	}
	return nil
}

// FileName is the file name of a client's message: its id, unique within a
// workspace, then a slug of its name for the reader. Only [A-Za-z0-9_-] of
// the id are kept; when that changes it, a short digest of the whole id
// follows, so that two ids never give the same name. A hostile id or name
// cannot climb folders.
func FileName(id, name string) string {
	safe := safeSegment(id, "")
	s := slug(name)
	switch {
	case safe == "" && s == "":
		return "client.eml"
	case safe == "":
		return s + ".eml"
	case s == "":
		return safe + ".eml"
	}
	return safe + "-" + s + ".eml"
}

// safeSegment keeps the file-name-safe characters of s (at most 64), adding
// a digest of s when anything was dropped; empty gives def.
func safeSegment(s, def string) string {
	if s == "" {
		return def
	}
	kept := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return -1
	}, s)
	if len(kept) > 64 {
		kept = kept[:64]
	}
	if kept == s {
		return s
	}
	sum := sha256.Sum256([]byte(s))
	if kept = strings.Trim(kept, "-_"); kept == "" {
		return "x" + hex.EncodeToString(sum[:4])
	}
	return kept + "_" + hex.EncodeToString(sum[:4])
}

// slug is name folded to lower-case ASCII words joined by "-", at most about
// 40 characters.
func slug(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if b.Len() >= 40 {
			break
		}
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case strings.ContainsRune("àâä", r):
			b.WriteRune('a')
		case strings.ContainsRune("éèêë", r):
			b.WriteRune('e')
		case strings.ContainsRune("îï", r):
			b.WriteRune('i')
		case strings.ContainsRune("ôö", r):
			b.WriteRune('o')
		case strings.ContainsRune("ùûü", r):
			b.WriteRune('u')
		case r == 'ç':
			b.WriteRune('c')
		default:
			if s := b.String(); s != "" && !strings.HasSuffix(s, "-") {
				b.WriteRune('-')
			}
		}
	}
	return strings.Trim(b.String(), "-")
}

// fileError says what went wrong with path in words, not in system-call
// jargon ("open …: no such file or directory").
func fileError(path string, err error) error {
	fr, en := "erreur d'écriture", "write error"
	switch {
	case errors.Is(err, fs.ErrPermission):
		fr, en = "permission refusée", "permission denied"
	case errors.Is(err, fs.ErrNotExist):
		fr, en = "dossier introuvable", "folder not found"
	case errors.Is(err, fs.ErrExist), errors.Is(err, syscall.EISDIR), errors.Is(err, syscall.ENOTEMPTY):
		fr, en = "un dossier du même nom existe déjà", "a folder of the same name already exists"
	case errors.Is(err, syscall.ENOTDIR):
		fr, en = "un fichier du même nom bloque le chemin", "a file of the same name is in the way"
	case errors.Is(err, syscall.ENOSPC):
		fr, en = "disque plein", "disk full"
	case errors.Is(err, syscall.EROFS):
		fr, en = "système de fichiers en lecture seule", "read-only file system"
	}
	return &Error{FR: "impossible d'écrire " + path + " : " + fr, EN: "cannot write " + path + ": " + en}
}
