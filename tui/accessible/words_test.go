package accessible

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui"
)

// TestIntervalText: how long a check waited is said with a space before
// the unit, never in Go's notation ("2m0s", "50ms").
func TestIntervalText(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{2 * time.Minute, "2 min"},
		{30 * time.Second, "30 s"},
		{50 * time.Millisecond, "50 ms"},
		{90 * time.Second, "1 min 30 s"},
	} {
		if got := intervalText(checklist.French, tc.d); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.d, got, tc.want)
		}
	}
}

// downV1 does not answer, as the HTTP client reports it.
type downV1 struct{ connectors.V1 }

func (downV1) ClientSnapshot(context.Context, string) (connectors.V1Snapshot, error) {
	return connectors.V1Snapshot{}, &connectors.Error{Op: "v1.ClientSnapshot", Kind: connectors.ErrUnavailable,
		French: "connexion à la plateforme interrompue", English: "connection to the platform cut"}
}

// TestAccessibleCheckErrorWithoutMethodName: a check V1 cannot answer is
// read out in words, without the connector's Go method name.
func TestAccessibleCheckErrorWithoutMethodName(t *testing.T) {
	path, ws := openTestStore(t)
	nav := []string{"6", "lefev", "1", "1", "1", "", "", "q"}
	out := runOpts(t, path, func(db *store.DB) Options {
		return Options{Store: db, Workspace: &ws, Ports: tui.Ports{V1: downV1{}}}
	}, nav...)
	mustContain(t, out, "Vérification impossible : connexion à la plateforme interrompue")
	if strings.Contains(out, "ClientSnapshot") {
		t.Fatalf("the method name is read out:\n%s", out)
	}
}
