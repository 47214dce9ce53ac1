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
	"github.com/bascule-cli/bascule/tui/i18n"
)

// Errors from the standard library speak system-call English ("open
// nope.csv: no such file or directory", "json: cannot unmarshal …"). Before a
// message is shown, the part such an error wrote is replaced by words naming
// the file or the field.

// fileReason is what went wrong with a file, in words.
func fileReason(err error, lang checklist.Lang) string {
	m := i18n.Of(lang)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return m.NotFound
	case errors.Is(err, fs.ErrPermission):
		return m.PermissionDenied
	case errors.Is(err, syscall.EISDIR):
		return m.ItIsAFolder
	case errors.Is(err, fs.ErrExist), errors.Is(err, syscall.ENOTEMPTY):
		return m.NameAlreadyExists
	case errors.Is(err, syscall.ENOTDIR):
		return m.PathPartNotAFolder
	case errors.Is(err, syscall.ENOSPC):
		return m.DiskFull
	case errors.Is(err, syscall.EROFS):
		return m.ReadOnlyFileSystem
	case errors.Is(err, syscall.ENAMETOOLONG):
		return m.NameTooLong
	}
	return m.OperationFailed
}

// fileError is an error about path in both languages, without system-call
// jargon.
func fileError(path string, err error) error {
	reason := func(lang checklist.Lang) string { return fileReason(err, lang) }
	return localized(func(m *i18n.Messages) string { return m.FileReasonFmt }, connectors.Sanitize(path), inLang(reason))
}

// humanize replaces, in msg, the text of each standard-library error found
// in err's chain by words in lang.
func humanize(msg string, err error, lang checklist.Lang) string {
	m := i18n.Of(lang)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = strings.Replace(msg, pe.Error(), fmt.Sprintf(m.FileReasonFmt, connectors.Sanitize(pe.Path), fileReason(pe.Err, lang)), 1)
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		msg = strings.Replace(msg, le.Error(), fmt.Sprintf(m.FileReasonFmt, connectors.Sanitize(le.New), fileReason(le.Err, lang)), 1)
	}
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) {
		field := ute.Field
		if field == "" {
			field = m.JSONRoot
		}
		msg = strings.Replace(msg, ute.Error(), fmt.Sprintf(m.JSONFieldCannotHoldFmt, field, ute.Value, ute.Offset), 1)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		msg = strings.Replace(msg, se.Error(), fmt.Sprintf(m.JSONUnreadableNearFmt, se.Offset), 1)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		msg = strings.Replace(msg, io.ErrUnexpectedEOF.Error(), m.TruncatedFile, 1)
	}
	var ae *net.AddrError
	if errors.As(err, &ae) {
		what := m.UnreadableAddress
		if strings.Contains(ae.Err, "missing port") {
			what = m.MissingPort
		}
		msg = strings.Replace(msg, ae.Error(), what, 1)
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		what := m.NetworkError
		switch {
		case errors.Is(err, syscall.EADDRINUSE):
			what = m.AddressInUse
		case errors.Is(err, syscall.ECONNREFUSED):
			what = m.ConnectionRefused
		case errors.Is(err, syscall.EADDRNOTAVAIL):
			what = m.AddressNotAvailable
		}
		msg = strings.Replace(msg, oe.Error(), what, 1)
	}
	return connectors.SanitizeMultiline(msg)
}
