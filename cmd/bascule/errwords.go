package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"strings"
	"syscall"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
)

// Errors from the standard library speak system-call English ("open
// nope.csv: no such file or directory", "json: cannot unmarshal …"). Before a
// message is shown, the part such an error wrote is replaced by words naming
// the file or the field.

// reason is what went wrong with a file, in words.
func fileReason(err error, lang checklist.Lang) string {
	fr, en := "opération impossible", "operation failed"
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fr, en = "introuvable", "not found"
	case errors.Is(err, fs.ErrPermission):
		fr, en = "permission refusée", "permission denied"
	case errors.Is(err, syscall.EISDIR):
		fr, en = "c'est un dossier, pas un fichier", "it is a folder, not a file"
	case errors.Is(err, fs.ErrExist), errors.Is(err, syscall.ENOTEMPTY):
		fr, en = "un dossier ou un fichier de ce nom existe déjà", "a folder or file of that name already exists"
	case errors.Is(err, syscall.ENOTDIR):
		fr, en = "un élément du chemin n'est pas un dossier", "part of the path is not a folder"
	case errors.Is(err, syscall.ENOSPC):
		fr, en = "disque plein", "disk full"
	case errors.Is(err, syscall.EROFS):
		fr, en = "système de fichiers en lecture seule", "read-only file system"
	case errors.Is(err, syscall.ENAMETOOLONG):
		fr, en = "nom trop long", "name too long"
	}
	if lang == checklist.English {
		return en
	}
	return fr
}

// fileError is an error about path in both languages, without system-call
// jargon.
func fileError(path string, err error) error {
	path = connectors.Sanitize(path)
	return localized("fichier "+path+" : "+fileReason(err, checklist.French), "file "+path+": "+fileReason(err, checklist.English))
}

// humanize replaces, in msg, the text of each standard-library error found
// in err's chain by words in lang.
func humanize(msg string, err error, lang checklist.Lang) string {
	en := lang == checklist.English
	pick := func(fr, e string) string {
		if en {
			return e
		}
		return fr
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = strings.Replace(msg, pe.Error(), pick("fichier ", "file ")+connectors.Sanitize(pe.Path)+pick(" : ", ": ")+fileReason(pe.Err, lang), 1)
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		msg = strings.Replace(msg, le.Error(), pick("fichier ", "file ")+connectors.Sanitize(le.New)+pick(" : ", ": ")+fileReason(le.Err, lang), 1)
	}
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) {
		field := ute.Field
		if field == "" {
			field = pick("(racine)", "(root)")
		}
		msg = strings.Replace(msg, ute.Error(), fmt.Sprintf(pick("JSON : le champ « %s » ne peut pas recevoir une valeur %s (octet %d)",
			"JSON: field %q cannot hold a %s value (byte %d)"), field, ute.Value, ute.Offset), 1)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		msg = strings.Replace(msg, se.Error(), fmt.Sprintf(pick("JSON illisible vers l'octet %d", "unreadable JSON near byte %d"), se.Offset), 1)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		msg = strings.Replace(msg, io.ErrUnexpectedEOF.Error(), pick("fichier tronqué (fin inattendue)", "truncated file (unexpected end)"), 1)
	}
	var ae *net.AddrError
	if errors.As(err, &ae) {
		what := pick("adresse illisible", "unreadable address")
		if strings.Contains(ae.Err, "missing port") {
			what = pick("port manquant", "missing port")
		}
		msg = strings.Replace(msg, ae.Error(), what, 1)
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		what := pick("erreur réseau", "network error")
		switch {
		case errors.Is(err, syscall.EADDRINUSE):
			what = pick("adresse déjà utilisée par un autre programme", "address already used by another program")
		case errors.Is(err, syscall.ECONNREFUSED):
			what = pick("connexion refusée", "connection refused")
		case errors.Is(err, syscall.EADDRNOTAVAIL):
			what = pick("adresse non disponible sur cette machine", "address not available on this machine")
		}
		msg = strings.Replace(msg, oe.Error(), what, 1)
	}
	return connectors.SanitizeMultiline(msg)
}
