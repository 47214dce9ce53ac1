package files

import (
	"errors"
	"io/fs"
	"os"
	"syscall"

	"github.com/bascule-cli/bascule/connectors"
)

// ErrorCode names a file-level failure so that callers (the CLI, the TUI) can
// react to it without parsing French text.
type ErrorCode string

// File-level error codes.
const (
	CodeTooLarge      ErrorCode = "too_large"
	CodeTooManyRows   ErrorCode = "too_many_rows"
	CodeEmpty         ErrorCode = "empty"
	CodeUnsupported   ErrorCode = "unsupported_format"
	CodeUnreadable    ErrorCode = "unreadable"
	CodeSheetNotFound ErrorCode = "sheet_not_found"
	CodeBadMapping    ErrorCode = "bad_mapping"
	CodeMissingColumn ErrorCode = "missing_column"
	CodeWriteFailed   ErrorCode = "write_failed"
)

// Error is a file-level failure. Error() is French, like every message the
// user reads; English() serves logs and English-speaking support, in the same
// way as the errors of checklist/ident.
type Error struct {
	Code ErrorCode
	fr   string
	en   string
	err  error // underlying cause, if any
}

func newError(code ErrorCode, fr, en string, cause error) *Error {
	return &Error{Code: code, fr: fr, en: en, err: cause}
}

func (e *Error) Error() string { return e.fr }

// English returns the message in English.
func (e *Error) English() string { return e.en }

// Unwrap gives access to the underlying cause (an excelize or I/O error).
func (e *Error) Unwrap() error { return e.err }

// InFile puts the file's name in front of a file-level error, so that the
// user reads which file it is about: "« export.csv » : …". Other errors
// come back unchanged.
func InFile(name string, err error) error {
	var fe *Error
	if !errors.As(err, &fe) {
		return err
	}
	q := quoteName(name)
	return &Error{Code: fe.Code, fr: q + " : " + fe.fr, en: q + ": " + fe.en, err: fe.err}
}

func quoteName(name string) string { return "« " + connectors.Sanitize(name) + " »" }

// OpenFile opens a file to read. Its error is French and names the file,
// with the reason in words ("fichier introuvable"), never Go's "open x: no
// such file or directory"; a folder is refused here rather than failing
// later on the first read.
func OpenFile(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, ioError(CodeUnreadable, "impossible d'ouvrir", "cannot open", name, err)
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, newError(CodeUnreadable,
			"impossible de lire "+quoteName(name)+" : c'est un dossier, pas un fichier",
			"cannot read "+quoteName(name)+": it is a folder, not a file", nil)
	}
	return f, nil
}

// ioError turns a file system error into a French message naming the file
// and the reason, keeping the cause for logs.
func ioError(code ErrorCode, fr, en, name string, err error) error {
	rfr, ren := ioReason(err)
	return newError(code,
		fr+" "+quoteName(name)+" : "+rfr,
		en+" "+quoteName(name)+": "+ren, err)
}

func ioReason(err error) (string, string) {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "fichier ou dossier introuvable", "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "accès refusé", "permission denied"
	case errors.Is(err, fs.ErrExist):
		return "un fichier de ce nom existe déjà", "a file of that name already exists"
	case errors.Is(err, syscall.ENOSPC):
		return "disque plein", "disk full"
	case errors.Is(err, syscall.EISDIR), errors.Is(err, syscall.ENOTEMPTY):
		return "c'est un dossier, pas un fichier", "it is a folder, not a file"
	case errors.Is(err, syscall.ENOTDIR):
		return "un élément du chemin n'est pas un dossier", "a part of the path is not a folder"
	case errors.Is(err, syscall.EROFS):
		return "système de fichiers en lecture seule", "read-only file system"
	}
	return "erreur d'entrée-sortie", "input/output error"
}
