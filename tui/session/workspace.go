package session

import (
	"context"
	"errors"
	"strings"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/i18n"
)

// WorkspaceStore is what creating a workspace needs from the store:
// *store.DB satisfies it; front-end tests use fakes. A missing workspace
// gives an error matching checklist.ErrNotFound, a taken id one matching
// checklist.ErrExists.
type WorkspaceStore interface {
	Workspace(id string) (checklist.Workspace, error)
	CreateWorkspace(ws checklist.Workspace) error
	UpdateWorkspace(ws checklist.Workspace) error
	PutDossiers(ws string, ds []checklist.Dossier, by string) error
}

// SecretSealer seals a secret under the workspace's passphrase (*store.DB).
type SecretSealer interface {
	PutSecret(ws, name string, value, passphrase []byte) error
}

// Store names of the API-mode client secrets; the ports of a workspace read
// them with the same names.
const (
	SecretV1ClientSecret = "v1.client_secret"
	SecretV2ClientSecret = "v2.client_secret"
)

// demoOperator records who created the demo workspace when nobody typed a
// name (the scripting commands).
const demoOperator = "démo"

// NewWorkspace are the answers a first run gives, whichever front end asked
// them: the full-screen form, the line prompts or a command.
type NewWorkspace struct {
	Mode                    checklist.Mode
	SIREN, LegalName, Email string
	Operator                string
	// ExportPath is the V1 clients export (files mode), read with
	// ImportDossiers: its active clients become the dossiers, its rejected
	// rows are returned.
	ExportPath     string
	ImportDossiers func(path string) ([]checklist.Dossier, []string, error)
	// V1URL, V2URL and ClientID configure API mode; ClientSecret is sealed
	// under Passphrase with Secrets, never stored in clear.
	V1URL, V2URL, ClientID   string
	ClientSecret, Passphrase []byte
	Secrets                  SecretSealer
	// DemoID is the demo workspace's id (demo mode); DemoV1 gives the
	// simulated V1 its cabinet and dossiers are read from, called only when
	// the demo workspace does not exist yet.
	DemoID string
	DemoV1 func() connectors.V1
	Lang   checklist.Lang
}

// CreatedWorkspace is what creating a workspace gave: the workspace as
// recorded, how many dossiers the V1 export gave and its rejected rows.
type CreatedWorkspace struct {
	Workspace checklist.Workspace
	Imported  int
	RowErrors []string
	// ImportFailed says the V1 export could not be read: nothing was
	// created, another file may be tried.
	ImportFailed bool
}

// CreateWorkspace records a new workspace in one of its three modes, the
// same for every front end:
//   - demo: the demo workspace, created on first use from the simulated V1
//     (its cabinet, and its active clients as dossiers), else found again;
//     the operator typed, if any, becomes its operator;
//   - files: the V1 export is read first (its active clients become the
//     dossiers); nothing is created when it cannot be read;
//   - API: the client secret is sealed under the passphrase (for V1, and V2
//     when its address is given); the dossiers come later from V1.
//
// Every answer is typed or pasted, so it is sanitised here; the workspace's
// id is the cabinet's SIREN (the demo's is its own).
func CreateWorkspace(ctx context.Context, st WorkspaceStore, a NewWorkspace) (CreatedWorkspace, error) {
	lang := a.Lang
	if st == nil {
		return CreatedWorkspace{}, errors.New(i18n.Of(lang).NoDatabaseOpenTo)
	}
	if a.Mode == checklist.ModeDemo {
		ws, err := ensureDemo(ctx, st, a)
		return CreatedWorkspace{Workspace: ws}, err
	}
	clean := connectors.Sanitize
	siren := ident.NormalizeSIREN(clean(a.SIREN))
	ws := checklist.Workspace{
		ID:       siren,
		Cabinet:  connectors.Cabinet{SIREN: siren, LegalName: clean(a.LegalName), ManagerEmail: ident.NormalizeEmail(clean(a.Email))},
		Operator: clean(a.Operator), Mode: a.Mode,
	}
	if a.Mode == checklist.ModeAPI {
		ws.V1URL, ws.V2URL, ws.ClientID = clean(a.V1URL), clean(a.V2URL), clean(a.ClientID)
	}
	dossiers := []checklist.Dossier{}
	var rowErrors []string
	if a.Mode == checklist.ModeFiles {
		if a.ImportDossiers == nil {
			return CreatedWorkspace{}, errors.New(i18n.Of(lang).ImportingAV1Export)
		}
		ds, rows, err := a.ImportDossiers(clean(a.ExportPath))
		if err != nil {
			return CreatedWorkspace{ImportFailed: true}, err
		}
		// The export's cells reach the screen through the dossiers' names
		// and the rejected rows' messages.
		for i := range ds {
			ds[i].Name, ds[i].SIREN = clean(ds[i].Name), clean(ds[i].SIREN)
		}
		for i := range rows {
			rows[i] = clean(rows[i])
		}
		if ds != nil {
			dossiers = ds
		}
		rowErrors = rows
	}
	created, err := record(st, ws, dossiers)
	if err != nil {
		return CreatedWorkspace{}, err
	}
	res := CreatedWorkspace{Workspace: created, Imported: len(dossiers), RowErrors: rowErrors}
	if a.Mode == checklist.ModeAPI {
		if a.Secrets == nil {
			return res, errors.New(i18n.Of(lang).NoVaultToSeal)
		}
		names := []string{SecretV1ClientSecret}
		if ws.V2URL != "" {
			names = append(names, SecretV2ClientSecret)
		}
		secret := []byte(strings.TrimSpace(string(a.ClientSecret)))
		for _, n := range names {
			if err := a.Secrets.PutSecret(created.ID, n, secret, a.Passphrase); err != nil {
				return res, err
			}
		}
	}
	return res, nil
}

// record creates ws with its dossiers and reads it back as recorded.
func record(st WorkspaceStore, ws checklist.Workspace, dossiers []checklist.Dossier) (checklist.Workspace, error) {
	if err := st.CreateWorkspace(ws); err != nil {
		return checklist.Workspace{}, err
	}
	if err := st.PutDossiers(ws.ID, dossiers, ws.Operator); err != nil {
		return checklist.Workspace{}, err
	}
	return st.Workspace(ws.ID)
}

// ensureDemo returns the demo workspace, creating it on first use from the
// simulated V1: its cabinet and, as dossiers, the clients V1 migrates by
// itself (the active ones; the inactive ones are the cabinet's
// export/import step). The operator typed replaces the recorded one.
func ensureDemo(ctx context.Context, st WorkspaceStore, a NewWorkspace) (checklist.Workspace, error) {
	unavailable := errors.New(i18n.Of(a.Lang).TheDemoIsNot)
	if a.DemoID == "" {
		return checklist.Workspace{}, unavailable
	}
	ws, err := st.Workspace(a.DemoID)
	if errors.Is(err, checklist.ErrNotFound) {
		var v1 connectors.V1
		if a.DemoV1 != nil {
			v1 = a.DemoV1()
		}
		if v1 == nil {
			return checklist.Workspace{}, unavailable
		}
		ws, err = createDemo(ctx, st, a.DemoID, v1)
	}
	if err != nil {
		return checklist.Workspace{}, err
	}
	if op := connectors.Sanitize(a.Operator); op != "" && ws.Operator != op {
		ws.Operator = op
		if err := st.UpdateWorkspace(ws); err != nil {
			return checklist.Workspace{}, err
		}
		return st.Workspace(ws.ID)
	}
	return ws, nil
}

func createDemo(ctx context.Context, st WorkspaceStore, id string, v1 connectors.V1) (checklist.Workspace, error) {
	cab, err := v1.Cabinet(ctx)
	if err != nil {
		return checklist.Workspace{}, err
	}
	dossiers := []checklist.Dossier{}
	err = eachClientPage(ctx, v1, func(clients []connectors.Client) {
		for _, c := range clients {
			if !c.Status.Inactive() {
				dossiers = append(dossiers, checklist.Dossier{ID: c.ID, Name: c.LegalName, SIREN: c.SIREN, Payment: c.PaymentServices, PendingInvoices: -1})
			}
		}
	})
	if err != nil {
		return checklist.Workspace{}, err
	}
	ws := checklist.Workspace{ID: id, Cabinet: cab.Cabinet, Operator: demoOperator, Mode: checklist.ModeDemo, Demo: true}
	created, err := record(st, ws, dossiers)
	if errors.Is(err, checklist.ErrExists) {
		// Another session created it meanwhile.
		return st.Workspace(id)
	}
	return created, err
}
