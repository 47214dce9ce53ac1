package transport

import (
	"fmt"
	"net/url"

	"github.com/bascule-cli/bascule/connectors"
)

// CheckURL parses an absolute http(s) URL as every client of bascule must
// speak to it: no user info, and plain http:// only to this machine by its
// address or the exact name localhost (plainHTTPAllowed), since credentials
// must not cross a network in clear. field names the setting or answer
// field in the error.
func CheckURL(op, field, raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") || u.User != nil {
		return nil, connectors.Invalid(op, field,
			fmt.Sprintf("adresse %q invalide : attendu https://hôte[:port][/chemin]", connectors.Sanitize(raw)),
			fmt.Sprintf("invalid address %q: expected https://host[:port][/path]", connectors.Sanitize(raw)))
	}
	if u.Scheme == "http" && !plainHTTPAllowed(u.Hostname()) {
		return nil, connectors.Invalid(op, field,
			fmt.Sprintf("adresse %q refusée : http:// en clair n'est permis que vers cette machine, par son adresse (127.0.0.1, ::1) ou le nom exact localhost ; utilisez https://", connectors.Sanitize(raw)),
			fmt.Sprintf("address %q refused: plain http:// is only allowed to this machine, by its address (127.0.0.1, ::1) or the exact name localhost; use https://", connectors.Sanitize(raw)))
	}
	return u, nil
}

// checkBase is CheckURL for a base address, which has neither query nor
// fragment.
func checkBase(op, raw string) (*url.URL, error) {
	u, err := CheckURL(op, "base_url", raw)
	if err != nil {
		return nil, err
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, connectors.Invalid(op, "base_url",
			fmt.Sprintf("adresse de la plateforme %q invalide : ni requête ni fragment attendus", connectors.Sanitize(raw)),
			fmt.Sprintf("invalid platform address %q: no query or fragment expected", connectors.Sanitize(raw)))
	}
	return u, nil
}
