package store

import (
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/bascule-cli/bascule/checklist"
)

// Cabinet is the firm's profile as captured and checked at registration:
// one type everywhere (connectors.Cabinet, through checklist), so that no
// hand-written mapper drops a field.
type Cabinet = checklist.Cabinet

// Workspace is one cabinet's migration (checklist's type, shared with the
// engine and the front ends). It never holds a secret: credentials go
// through PutSecret.
type Workspace = checklist.Workspace

// Event is one line of the append-only audit log of a workspace; the type
// is checklist's, shared with the front ends.
type Event = checklist.Event

// Event actions (checklist's).
const (
	ActionWorkspaceCreate = checklist.ActionWorkspaceCreate
	ActionWorkspaceUpdate = checklist.ActionWorkspaceUpdate
	ActionWorkspaceImport = checklist.ActionWorkspaceImport
	ActionDossiersPut     = checklist.ActionDossiersPut
	ActionStep            = checklist.ActionStep
	ActionPending         = checklist.ActionPending
	ActionLeftV1          = checklist.ActionLeftV1
	ActionOverride        = checklist.ActionOverride
	ActionRequest         = checklist.ActionRequest
	ActionSecretPut       = checklist.ActionSecretPut
	ActionClientPurge     = checklist.ActionClientPurge
)

func validID(kind, id string) error {
	if strings.TrimSpace(id) == "" || strings.IndexByte(id, 0) >= 0 || len(id) > 200 {
		return fmt.Errorf("identifiant de %s invalide : %q", kind, id)
	}
	return nil
}

// CreateWorkspace adds a workspace; ErrExists if the id is taken.
func (db *DB) CreateWorkspace(ws Workspace) error {
	if err := validID("l'espace", ws.ID); err != nil {
		return err
	}
	now := db.now()
	if ws.CreatedAt.IsZero() {
		ws.CreatedAt = now
	}
	ws.UpdatedAt = now
	ws.CreatedAt, ws.UpdatedAt = utc(ws.CreatedAt), utc(ws.UpdatedAt)
	return db.update(func(tx *bolt.Tx) error {
		w, err := createWS(tx, ws.ID)
		if err != nil {
			return err
		}
		b, err := encode(ws)
		if err != nil {
			return err
		}
		if err := w.put(keyInfo, b); err != nil {
			return err
		}
		return w.addEvent(Event{At: now, Who: ws.Operator, Workspace: ws.ID, Action: ActionWorkspaceCreate, To: ws.Cabinet.LegalName})
	})
}

// UpdateWorkspace replaces a workspace's profile; ErrNotFound if absent.
func (db *DB) UpdateWorkspace(ws Workspace) error {
	now := db.now()
	return db.update(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws.ID)
		if err != nil {
			return err
		}
		var old Workspace
		if err := w.decodeAt(keyInfo, "espace", &old); err != nil {
			return err
		}
		ws.CreatedAt = old.CreatedAt
		ws.UpdatedAt = now
		b, err := encode(ws)
		if err != nil {
			return err
		}
		if err := w.put(keyInfo, b); err != nil {
			return err
		}
		return w.addEvent(Event{At: now, Who: ws.Operator, Workspace: ws.ID, Action: ActionWorkspaceUpdate,
			Detail: strings.Join(workspaceDiff(old, ws), ", ")})
	})
}

func workspaceDiff(a, b Workspace) []string {
	var out []string
	add := func(name string, x, y any) {
		if x != y {
			out = append(out, name)
		}
	}
	add("siren", a.Cabinet.SIREN, b.Cabinet.SIREN)
	add("legal_name", a.Cabinet.LegalName, b.Cabinet.LegalName)
	add("manager_email", a.Cabinet.ManagerEmail, b.Cabinet.ManagerEmail)
	add("address", a.Cabinet.Address, b.Cabinet.Address)
	add("operator", a.Operator, b.Operator)
	add("mode", a.Mode, b.Mode)
	add("v1_url", a.V1URL, b.V1URL)
	add("v2_url", a.V2URL, b.V2URL)
	add("client_id", a.ClientID, b.ClientID)
	add("demo", a.Demo, b.Demo)
	return out
}

// Workspaces lists every workspace, by id.
func (db *DB) Workspaces() ([]Workspace, error) {
	var out []Workspace
	err := db.view(func(tx *bolt.Tx) error {
		return forEachWS(tx, func(w *wsBucket) error {
			var ws Workspace
			if err := w.decodeAt(keyInfo, "espace", &ws); err != nil {
				return err
			}
			ws.Mode = ws.EffectiveMode()
			out = append(out, ws)
			return nil
		})
	})
	return out, err
}

// Workspace returns one workspace; ErrNotFound if absent.
func (db *DB) Workspace(id string) (Workspace, error) {
	var ws Workspace
	err := db.view(func(tx *bolt.Tx) error {
		w, err := getWS(tx, id)
		if err != nil {
			return err
		}
		return w.decodeAt(keyInfo, "espace", &ws)
	})
	// A demo recorded before the mode was kept reads as one.
	ws.Mode = ws.EffectiveMode()
	return ws, err
}
