package tui

import (
	"context"
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
)

// downV1 is a V1 that does not answer, as the HTTP client says it.
type downV1 struct{ connectors.V1 }

func (downV1) ClientSnapshot(context.Context, string) (connectors.V1Snapshot, error) {
	return connectors.V1Snapshot{}, &connectors.Error{Op: "v1.ClientSnapshot", Kind: connectors.ErrUnavailable,
		French: "connexion à la plateforme interrompue", English: "connection to the platform cut"}
}

// TestConnectorErrorsShowNoMethodName: a check that V1 cannot answer says
// why in the user's words, without the connector's Go method name
// ("v1.ClientSnapshot : …") that the error carries for logs.
func TestConnectorErrorsShowNoMethodName(t *testing.T) {
	for _, tc := range []struct {
		lang checklist.Lang
		want string
	}{
		{checklist.French, "Vérification impossible : connexion à la plateforme interrompue"},
		{checklist.English, "Check failed: "},
	} {
		env := newTestEnv(3)
		env.opts.Lang = tc.lang
		env.opts.Ports.V1 = downV1{}
		d := newDriver(t, env.opts, 120, 40)
		d.key("v")
		d.mustSee(tc.want)
		d.mustNotSee("v1.ClientSnapshot", "ClientSnapshot")
	}
}
