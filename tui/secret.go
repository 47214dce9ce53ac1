package tui

import (
	"errors"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/i18n"
	"github.com/bascule-cli/bascule/tui/session"
)

// Secrets seals and opens credentials under the workspace's passphrase:
// *store.DB satisfies it. The passphrase is asked only when a secret is
// read or written, held in memory for the session and never logged.
type Secrets interface {
	PutSecret(ws, name string, value, passphrase []byte) error
	Secret(ws, name string, passphrase []byte) ([]byte, error)
	SecretNames(ws string) ([]string, error)
}

// Store names of the API-mode client secrets. cmd/bascule reads them with
// the same names (sweep, the wizard's ports).
const (
	SecretV1ClientSecret = session.SecretV1ClientSecret
	SecretV2ClientSecret = session.SecretV2ClientSecret
)

// SecretName is the stable store name of the secret a capture field holds
// for one item: "api.<software>.<scope>" for an API connection
// ("api.myunisoft.cabinet", "api.acd.552008443"), otherwise
// "<step>.<field>" with the client's id when the step is a client's.
func SecretName(ref checklist.Ref, fl checklist.Field, rec checklist.Record) string {
	if sw := slug(rec["software"]); sw != "" {
		scope := slug(rec["scope"])
		if scope == "" {
			scope = "cabinet"
		}
		return "api." + sw + "." + scope
	}
	name := ref.Step + "." + fl.ID
	if ref.Client != "" {
		name += "." + ref.Client
	}
	return name
}

// slug folds s to lower-case ASCII letters and digits; spaces go (a SIREN
// typed in groups stays one word), other runs of punctuation become "-".
func slug(s string) string {
	s = fold(strings.TrimSpace(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == ' ' || r == '\u00a0' || r == '\u202f':
		default:
			dash = true
		}
	}
	return b.String()
}

// SecretFields are the fields of a form that hold a credential.
func SecretFields(f *checklist.Form) []checklist.Field {
	if f == nil {
		return nil
	}
	var out []checklist.Field
	for _, fl := range f.Fields {
		if fl.Type == checklist.FieldSecret {
			out = append(out, fl)
		}
	}
	return out
}

// WrongPassphrase reports whether err is a passphrase that does not open
// the workspace's secrets (the user may try again).
func WrongPassphrase(err error) bool { return errors.Is(err, checklist.ErrWrongPassphrase) }

// PassphraseErrorText says in the user's language that a passphrase was
// refused, and what to do.
func PassphraseErrorText(lang checklist.Lang) string {
	return i18n.Of(lang).WrongPassphraseTheSealed
}

// SecretSavedText is what a capture shows in place of a secret's value.
func SecretSavedText(lang checklist.Lang) string {
	return i18n.Of(lang).SecretSavedSealed
}

// SearchKey is the folded search key of a client (name and SIREN), the
// same the dashboard's filter matches; NormalizeQuery prepares a query for
// it. tui/accessible's type-to-search uses both.
func SearchKey(name, siren string) string { return fold(name) + "\t" + siren }

// NormalizeQuery folds a search query; a SIREN typed in groups loses its
// spaces.
func NormalizeQuery(q string) string { return normalizeQuery(q) }

// PhaseTitle is a phase's short name ("Préparation", "Inscription"…).
func PhaseTitle(lang checklist.Lang, p checklist.Phase) string { return phaseShort(lang, p) }
