package checklist

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bascule-cli/bascule/connectors"
)

// Error is a rule violation or a bad reference, with its message in both
// languages. Error() returns the French one.
type Error struct {
	Code     string // stable: "unknown_step", "gate_closed", "reason_required"...
	Message  Text
	Blockers []Blocker // for a closed gate: exactly what blocks
	// Gate is set when an override with a reason would let the change pass:
	// front ends ask for the reason, record Override{Gate: Gate}, and try
	// again. Empty when no override can help (a missing prerequisite).
	Gate string
}

func (e *Error) Error() string { return e.Message.FR }

// In returns the message in lang.
func (e *Error) In(lang Lang) string { return e.Message.In(lang) }

// ErrorText renders an error in lang when it knows how: a checklist
// *Error's message, in English an error that has an English() text, else
// its own message. The full-screen program and the accessible mode show
// errors through it.
func ErrorText(lang Lang, err error) string {
	var ce *Error
	if errors.As(err, &ce) {
		return ce.In(lang)
	}
	var en interface{ English() string }
	if lang == English && errors.As(err, &en) {
		return WithoutOps(en.English(), err)
	}
	return WithoutOps(err.Error(), err)
}

// WithoutOps takes out of msg the operation names ("v1.ClientSnapshot : ")
// that the connectors' errors in err's chain write before their message:
// they name Go methods, for logs, not for the user.
func WithoutOps(msg string, err error) string {
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

func newError(code, fr, en string) *Error { return &Error{Code: code, Message: tx(fr, en)} }

func unknownStep(id string) error {
	return newError("unknown_step", fmt.Sprintf("étape inconnue : %q", id), fmt.Sprintf("unknown step: %q", id))
}

func unknownClient(id string) error {
	return newError("unknown_client", fmt.Sprintf("client inconnu : %q", id), fmt.Sprintf("unknown client: %q", id))
}

func scopeMismatch(ref Ref) error {
	if ref.Client == "" {
		return newError("client_required", fmt.Sprintf("l'étape %s se fait par client : précisez le client", ref.Step),
			fmt.Sprintf("step %s is done per client: name the client", ref.Step))
	}
	return newError("cabinet_step", fmt.Sprintf("l'étape %s concerne le cabinet, pas un client", ref.Step),
		fmt.Sprintf("step %s is for the firm, not a client", ref.Step))
}

func notPaymentClient(d Dossier, step string) error {
	return newError("not_payment_client",
		fmt.Sprintf("%s n'utilise pas les services de paiement : l'étape %s ne le concerne pas", d.Name, step),
		fmt.Sprintf("%s does not use the payment services: step %s does not apply", d.Name, step))
}
