package tui

import (
	"errors"
	"strings"

	"github.com/bascule-cli/bascule/connectors"
)

// WithoutOps is withoutOps for the accessible mode.
func WithoutOps(msg string, err error) string { return withoutOps(msg, err) }

// withoutOps takes out of msg the operation names ("v1.ClientSnapshot : ")
// that the connectors' errors in err's chain write before their message:
// they name Go methods, for logs, not for the user.
func withoutOps(msg string, err error) string {
	for err != nil {
		var ce *connectors.Error
		if !errors.As(err, &ce) {
			break
		}
		if ce.Op != "" {
			msg = strings.Replace(msg, ce.Op+" : ", "", 1)
			msg = strings.Replace(msg, ce.Op+": ", "", 1)
		}
		err = ce.Err
	}
	return msg
}
