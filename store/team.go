package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bascule-cli/bascule/checklist"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// The team of a workspace lives in a top-level bucket of its own,
// "team/" + workspace id, created on first use. It is not part of the
// workspace bucket and needs no schema migration: a database without it
// simply has no team. Its records carry their own format number
// (teamFormat) instead of the workspace records' envelope, so that a change
// of the envelope leaves them readable.
var teamPrefix = []byte("team/")

// Keys inside a team bucket: "m" + name → member record, "k" + key
// fingerprint → name (the index SSH authentication looks keys up in).
const (
	tagMember = 'm'
	tagKeyFP  = 'k'
)

// teamFormat is the format of a member record; a reader refuses a higher one.
const teamFormat = 1

// Role is what a team member may do.
type Role string

// The three roles: an admin sees and does everything; a collaborator does
// the client steps of his portfolio and sees the rest; an "entreprise" user
// (a user of a client company) sees only his company's dossier.
const (
	RoleAdmin         Role = "admin"
	RoleCollaborateur Role = "collaborateur"
	RoleEntreprise    Role = "entreprise"
)

// ParseRole reads a role as typed on the command line.
func ParseRole(s string) (Role, bool) {
	switch r := Role(strings.ToLower(strings.TrimSpace(s))); r {
	case RoleAdmin, RoleCollaborateur, RoleEntreprise:
		return r, true
	}
	return "", false
}

// Member is one person who may connect to the served wizard.
type Member struct {
	Name string `json:"name"`
	Role Role   `json:"role"`
	// PublicKey is the key in authorized_keys format ("ssh-ed25519 AAAA…"),
	// without its comment; Fingerprint its SHA256 fingerprint
	// ("SHA256:…"), which is how the server finds the member of a key.
	PublicKey   string `json:"public_key"`
	Fingerprint string `json:"fingerprint"`
	// Clients is the portfolio: the ids of the clients assigned to the
	// member, sorted, without duplicates.
	Clients []string  `json:"clients,omitempty"`
	Added   time.Time `json:"added"`
}

// Has says whether the client is in the member's portfolio.
func (m Member) Has(client string) bool {
	_, ok := slices.BinarySearch(m.Clients, client)
	return ok
}

// Team actions in the audit log (cabinet events).
const (
	ActionTeamAdd    = "team.add"
	ActionTeamRemove = "team.remove"
	ActionTeamAssign = "team.assign"
)

// maxMemberName bounds a member's name (it is shown in lists and the audit).
const maxMemberName = 64

// validMemberName refuses names that cannot be shown on one line or used as
// a key: empty, too long, control or format characters (callers sanitise
// what they read from outside first; this is the store's own guard).
func validMemberName(name string) error {
	bad := strings.TrimSpace(name) != name || name == "" || utf8.RuneCountInString(name) > maxMemberName || !utf8.ValidString(name)
	for _, r := range name {
		if unicode.IsControl(r) || unicode.In(r, unicode.Cf) {
			bad = true
		}
	}
	if bad {
		return fmt.Errorf("nom de membre invalide : %q (1 à %d caractères visibles, sans espace au début ni à la fin)", name, maxMemberName)
	}
	return nil
}

func teamBucketName(ws string) []byte { return append(bytes.Clone(teamPrefix), ws...) }

func memberKey(name string) []byte { return append([]byte{tagMember}, name...) }

func fingerprintKey(fp string) []byte { return append([]byte{tagKeyFP}, fp...) }

func encodeMember(m Member) ([]byte, error) {
	return json.Marshal(struct {
		F int    `json:"f"`
		M Member `json:"m"`
	}{teamFormat, m})
}

func decodeMember(b []byte) (Member, error) {
	var rec struct {
		F int    `json:"f"`
		M Member `json:"m"`
	}
	if err := json.Unmarshal(b, &rec); err != nil {
		return Member{}, &FormatError{What: "membre", Msg: err.Error()}
	}
	if rec.F < 1 || rec.F > teamFormat {
		return Member{}, &FormatError{What: "membre", Msg: fmt.Sprintf("format %d inconnu de cette version de bascule", rec.F)}
	}
	return rec.M, nil
}

// AddMember adds a member to the workspace's team, creating the team on
// first use. The name and the key must both be new to the team (one key is
// one person: the audit names the person behind the key). by is who the
// audit names for the addition.
func (db *DB) AddMember(ws string, m Member, by string) error {
	if err := validMemberName(m.Name); err != nil {
		return err
	}
	if _, ok := ParseRole(string(m.Role)); !ok {
		return fmt.Errorf("rôle inconnu %q (admin, collaborateur ou entreprise)", m.Role)
	}
	if !strings.HasPrefix(m.Fingerprint, "SHA256:") || m.PublicKey == "" {
		return fmt.Errorf("clé publique de %q invalide", m.Name)
	}
	m.Clients = normClients(m.Clients)
	if m.Added.IsZero() {
		m.Added = db.now()
	}
	m.Added = utc(m.Added)
	return db.update(func(tx *bolt.Tx) error {
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		t, err := tx.CreateBucketIfNotExists(teamBucketName(ws))
		if err != nil {
			return err
		}
		if t.Get(memberKey(m.Name)) != nil {
			return &ExistsError{What: "membre", ID: m.Name}
		}
		if owner := t.Get(fingerprintKey(m.Fingerprint)); owner != nil {
			return &ExistsError{What: "clé", ID: m.Fingerprint + " (" + string(owner) + ")"}
		}
		if err := putMember(t, m); err != nil {
			return err
		}
		if err := t.Put(fingerprintKey(m.Fingerprint), []byte(m.Name)); err != nil {
			return err
		}
		return w.addEvent(Event{At: db.now(), Who: by, Action: ActionTeamAdd,
			Detail: fmt.Sprintf("%s (%s, %s)", m.Name, m.Role, checklist.Count(len(m.Clients), "client", "clients", "", "").FR)})
	})
}

func putMember(t *bolt.Bucket, m Member) error {
	b, err := encodeMember(m)
	if err != nil {
		return err
	}
	return t.Put(memberKey(m.Name), b)
}

// normClients sorts the ids and drops duplicates and blanks.
func normClients(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) == 0 {
		return nil
	}
	return out
}

// Members lists the workspace's team by name; none when it has no team.
func (db *DB) Members(ws string) ([]Member, error) {
	var out []Member
	err := db.view(func(tx *bolt.Tx) error {
		if _, err := getWS(tx, ws); err != nil {
			return err
		}
		t := tx.Bucket(teamBucketName(ws))
		if t == nil {
			return nil
		}
		var err error
		out, err = membersIn(t)
		return err
	})
	return out, err
}

// Member returns one member by name.
func (db *DB) Member(ws, name string) (Member, error) {
	var m Member
	err := db.view(func(tx *bolt.Tx) error {
		var err error
		m, err = getMember(tx, ws, name)
		return err
	})
	return m, err
}

func getMember(tx *bolt.Tx, ws, name string) (Member, error) {
	if _, err := getWS(tx, ws); err != nil {
		return Member{}, err
	}
	t := tx.Bucket(teamBucketName(ws))
	if t == nil {
		return Member{}, &NotFoundError{What: "membre", ID: name}
	}
	v := t.Get(memberKey(name))
	if v == nil {
		return Member{}, &NotFoundError{What: "membre", ID: name}
	}
	return decodeMember(v)
}

// MemberByKey returns the member whose public key has this SHA256
// fingerprint: ErrNotFound when the key belongs to nobody of the team.
func (db *DB) MemberByKey(ws, fingerprint string) (Member, error) {
	var m Member
	err := db.view(func(tx *bolt.Tx) error {
		t := tx.Bucket(teamBucketName(ws))
		var name []byte
		if t != nil {
			name = t.Get(fingerprintKey(fingerprint))
		}
		if name == nil {
			return &NotFoundError{What: "clé", ID: fingerprint}
		}
		var err error
		m, err = getMember(tx, ws, string(name))
		return err
	})
	return m, err
}

// RemoveMember takes a member (and so his key) out of the team.
func (db *DB) RemoveMember(ws, name, by string) error {
	return db.update(func(tx *bolt.Tx) error {
		m, err := getMember(tx, ws, name)
		if err != nil {
			return err
		}
		t := tx.Bucket(teamBucketName(ws))
		if err := t.Delete(memberKey(name)); err != nil {
			return err
		}
		if err := t.Delete(fingerprintKey(m.Fingerprint)); err != nil {
			return err
		}
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		return w.addEvent(Event{At: db.now(), Who: by, Action: ActionTeamRemove, Detail: m.Name})
	})
}

// AssignClients adds clients to a member's portfolio, or with replace makes
// them the whole portfolio. It returns the member as recorded. The caller
// checks that the clients exist in the workspace.
func (db *DB) AssignClients(ws, name string, clients []string, replace bool, by string) (Member, error) {
	var m Member
	err := db.update(func(tx *bolt.Tx) error {
		var err error
		if m, err = getMember(tx, ws, name); err != nil {
			return err
		}
		before := len(m.Clients)
		if replace {
			m.Clients = normClients(clients)
		} else {
			m.Clients = normClients(append(m.Clients, clients...))
		}
		if err := putMember(tx.Bucket(teamBucketName(ws)), m); err != nil {
			return err
		}
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		return w.addEvent(Event{At: db.now(), Who: by, Action: ActionTeamAssign,
			Detail: fmt.Sprintf("%s : %d → %s", m.Name, before, checklist.Count(len(m.Clients), "client", "clients", "", "").FR)})
	})
	return m, err
}

// Portfolios lists the team's portfolios (the engine's port,
// session.TeamStore): each member's name, role, clients and the date he
// joined, by name; none when the workspace has no team.
func (db *DB) Portfolios(ws string) ([]checklist.Portfolio, error) {
	ms, err := db.Members(ws)
	if err != nil {
		return nil, err
	}
	out := make([]checklist.Portfolio, 0, len(ms))
	for _, m := range ms {
		out = append(out, portfolioOf(m))
	}
	return out, nil
}

func portfolioOf(m Member) checklist.Portfolio {
	return checklist.Portfolio{Person: m.Name, Role: string(m.Role), Clients: m.Clients, Since: m.Added}
}

// AssignPortfolio gives clients to a member of the cabinet (admin or
// collaborateur): they join his portfolio and leave the portfolio of any
// other admin or collaborator (a dossier has one person in charge), in one
// transaction, with one audit event per portfolio changed under by. An
// "entreprise" member's dossier is his company's, never handed out: it is
// neither a target nor taken from. It returns the member's portfolio as
// recorded. The caller checks that the clients exist in the workspace.
func (db *DB) AssignPortfolio(ws, person string, clients []string, by string) (checklist.Portfolio, error) {
	ids := normClients(clients)
	var out checklist.Portfolio
	err := db.update(func(tx *bolt.Tx) error {
		m, err := getMember(tx, ws, person)
		if err != nil {
			return err
		}
		if m.Role == RoleEntreprise {
			return fmt.Errorf("%s est un membre « entreprise » : son dossier est celui de son entreprise, on ne lui affecte pas de portefeuille", m.Name)
		}
		w, err := getWS(tx, ws)
		if err != nil {
			return err
		}
		t := tx.Bucket(teamBucketName(ws))
		all, err := membersIn(t)
		if err != nil {
			return err
		}
		for _, o := range all {
			if o.Name == m.Name || o.Role == RoleEntreprise {
				continue
			}
			kept := slices.DeleteFunc(slices.Clone(o.Clients), func(id string) bool { _, in := slices.BinarySearch(ids, id); return in })
			if len(kept) == len(o.Clients) {
				continue
			}
			taken := len(o.Clients) - len(kept)
			o.Clients = normClients(kept)
			if err := putMember(t, o); err != nil {
				return err
			}
			if err := w.addEvent(Event{At: db.now(), Who: by, Action: ActionTeamAssign,
				Detail: fmt.Sprintf("%s : %s vers %s", o.Name, checklist.Count(taken, "client repris", "clients repris", "", "").FR, m.Name)}); err != nil {
				return err
			}
		}
		before := len(m.Clients)
		m.Clients = normClients(append(m.Clients, ids...))
		if err := putMember(t, m); err != nil {
			return err
		}
		out = portfolioOf(m)
		return w.addEvent(Event{At: db.now(), Who: by, Action: ActionTeamAssign,
			Detail: fmt.Sprintf("%s : %d → %s", m.Name, before, checklist.Count(len(m.Clients), "client", "clients", "", "").FR)})
	})
	return out, err
}

// membersIn reads every member of a team bucket.
func membersIn(t *bolt.Bucket) ([]Member, error) {
	var out []Member
	c := t.Cursor()
	for k, v := c.Seek([]byte{tagMember}); k != nil && k[0] == tagMember; k, v = c.Next() {
		m, err := decodeMember(v)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// deleteTeam drops a workspace's team (PurgeWorkspace): names and keys are
// personal data.
func deleteTeam(tx *bolt.Tx, ws string) error {
	err := tx.DeleteBucket(teamBucketName(ws))
	if errors.Is(err, berrors.ErrBucketNotFound) {
		return nil
	}
	return err
}
