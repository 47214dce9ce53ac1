package files

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
