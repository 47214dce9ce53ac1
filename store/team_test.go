package store

import (
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func member(name string, role Role, fp string, clients ...string) Member {
	return Member{Name: name, Role: role, PublicKey: "ssh-ed25519 AAAA" + name, Fingerprint: "SHA256:" + fp, Clients: clients}
}

func TestTeamAddListFindRemove(t *testing.T) {
	db, _ := tempDB(t)
	seedWS(t, db, "w", 3)
	if got, err := db.Members("w"); err != nil || got != nil {
		t.Fatalf("no team yet: got %v, %v", got, err)
	}
	if _, err := db.MemberByKey("w", "SHA256:x"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("key of nobody: %v", err)
	}
	if err := db.AddMember("w", member("Claire", RoleCollaborateur, "c", "c00002", "c00001", "c00001", " "), "admin"); err != nil {
		t.Fatal(err)
	}
	if err := db.AddMember("w", member("Alice", RoleAdmin, "a"), "admin"); err != nil {
		t.Fatal(err)
	}
	all, err := db.Members("w")
	if err != nil || len(all) != 2 || all[0].Name != "Alice" || all[1].Name != "Claire" {
		t.Fatalf("Members = %+v, %v", all, err)
	}
	if !slices.Equal(all[1].Clients, []string{"c00001", "c00002"}) || all[1].Added.IsZero() {
		t.Fatalf("portfolio not normalised or no date: %+v", all[1])
	}
	m, err := db.MemberByKey("w", "SHA256:c")
	if err != nil || m.Name != "Claire" || !m.Has("c00002") || m.Has("c00000") {
		t.Fatalf("MemberByKey = %+v, %v", m, err)
	}
	if err := db.RemoveMember("w", "Claire", "admin"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.MemberByKey("w", "SHA256:c"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a removed member's key still opens: %v", err)
	}
	if err := db.RemoveMember("w", "Claire", "admin"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("removing twice: %v", err)
	}
}

func TestTeamRefusals(t *testing.T) {
	db, _ := tempDB(t)
	seedWS(t, db, "w", 1)
	if err := db.AddMember("w", member("Claire", RoleAdmin, "c"), "x"); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		ws   string
		m    Member
		is   error
	}{
		{"same name", "w", member("Claire", RoleAdmin, "other"), ErrExists},
		{"same key", "w", member("Bob", RoleAdmin, "c"), ErrExists},
		{"unknown workspace", "nope", member("Bob", RoleAdmin, "b"), ErrNotFound},
		{"empty name", "w", member("", RoleAdmin, "e"), nil},
		{"control in name", "w", member("Bo\x1b[2Jb", RoleAdmin, "f"), nil},
		{"bidi override in name", "w", member("Bo\u202eb", RoleAdmin, "g"), nil},
		{"padded name", "w", member(" Bob", RoleAdmin, "h"), nil},
		{"unknown role", "w", member("Bob", Role("chef"), "i"), nil},
		{"no fingerprint", "w", Member{Name: "Bob", Role: RoleAdmin, PublicKey: "ssh-ed25519 AAAA", Fingerprint: "MD5:x"}, nil},
	}
	for _, c := range cases {
		err := db.AddMember(c.ws, c.m, "x")
		if err == nil || (c.is != nil && !errors.Is(err, c.is)) {
			t.Errorf("%s: err = %v, want a refusal (%v)", c.name, err, c.is)
		}
	}
	if all, _ := db.Members("w"); len(all) != 1 {
		t.Fatalf("a refused member was recorded: %+v", all)
	}
}

func TestAssignClients(t *testing.T) {
	db, _ := tempDB(t)
	seedWS(t, db, "w", 3)
	if err := db.AddMember("w", member("Claire", RoleCollaborateur, "c", "c00000"), "x"); err != nil {
		t.Fatal(err)
	}
	m, err := db.AssignClients("w", "Claire", []string{"c00002", "c00000"}, false, "x")
	if err != nil || !slices.Equal(m.Clients, []string{"c00000", "c00002"}) {
		t.Fatalf("add: %+v, %v", m, err)
	}
	m, err = db.AssignClients("w", "Claire", []string{"c00001"}, true, "x")
	if err != nil || !slices.Equal(m.Clients, []string{"c00001"}) {
		t.Fatalf("replace: %+v, %v", m, err)
	}
	if got, _ := db.Member("w", "Claire"); !slices.Equal(got.Clients, []string{"c00001"}) {
		t.Fatalf("not recorded: %+v", got)
	}
	if _, err := db.AssignClients("w", "Nobody", []string{"c00001"}, false, "x"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown member: %v", err)
	}
}

// Team changes are in the workspace's audit log, under who made them.
func TestTeamAudited(t *testing.T) {
	db, _ := tempDB(t)
	seedWS(t, db, "w", 1)
	_ = db.AddMember("w", member("Claire", RoleCollaborateur, "c"), "Alice")
	_, _ = db.AssignClients("w", "Claire", []string{"c00000"}, false, "Alice")
	_ = db.RemoveMember("w", "Claire", "Alice")
	evs, err := db.Events("w", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range evs {
		if e.Who == "Alice" {
			got = append(got, e.Action)
		}
	}
	want := []string{ActionTeamAdd, ActionTeamAssign, ActionTeamRemove}
	if !slices.Equal(got, want) {
		t.Fatalf("audited actions = %v, want %v", got, want)
	}
}

// The team survives a reopen, and a database from before the team (no
// bucket) opens with no team and no migration.
func TestTeamPersistsAndPurges(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bascule.db")
	db := openTest(t, p)
	seedWS(t, db, "w", 1)
	if err := db.AddMember("w", member("Claire", RoleAdmin, "c"), "x"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = openTest(t, p)
	if m, err := db.MemberByKey("w", "SHA256:c"); err != nil || m.Name != "Claire" {
		t.Fatalf("after reopen: %+v, %v", m, err)
	}
	if err := db.PurgeWorkspace("w"); err != nil {
		t.Fatal(err)
	}
	err := db.view(func(tx *bolt.Tx) error {
		if tx.Bucket(teamBucketName("w")) != nil {
			t.Error("the purged workspace's team is still in the file")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestMemberRecordFormat(t *testing.T) {
	if _, err := decodeMember([]byte(`{"f":2,"m":{"name":"x"}}`)); !errors.As(err, new(*FormatError)) {
		t.Fatalf("newer format: %v", err)
	}
	if _, err := decodeMember([]byte(`{"m":{"name":"x"}}`)); err == nil {
		t.Fatal("a record without format was read")
	}
	b, _ := encodeMember(member("Zoé", RoleEntreprise, "z", "c1"))
	if m, err := decodeMember(b); err != nil || m.Name != "Zoé" || m.Role != RoleEntreprise {
		t.Fatalf("round trip: %+v, %v", m, err)
	}
}

// AssignPortfolio (the wizard's assignment) moves clients between the
// cabinet's people, never touches a company user's dossier, and audits each
// portfolio it changes under who did it.
func TestAssignPortfolioMoves(t *testing.T) {
	db, _ := tempDB(t)
	seedWS(t, db, "w", 4)
	for _, m := range []Member{
		member("Alice", RoleAdmin, "a"),
		member("Claire", RoleCollaborateur, "c", "c00000", "c00001"),
		member("Marc", RoleCollaborateur, "m", "c00003"),
		member("Zoé", RoleEntreprise, "z", "c00001"),
	} {
		if err := db.AddMember("w", m, "Alice"); err != nil {
			t.Fatal(err)
		}
	}
	p, err := db.AssignPortfolio("w", "Marc", []string{"c00001", "c00002", "c00001"}, "Alice")
	if err != nil || p.Person != "Marc" || p.Role != "collaborateur" || !slices.Equal(p.Clients, []string{"c00001", "c00002", "c00003"}) || p.Since.IsZero() {
		t.Fatalf("AssignPortfolio = %+v, %v", p, err)
	}
	all, _ := db.Portfolios("w")
	got := map[string][]string{}
	for _, p := range all {
		got[p.Person] = p.Clients
	}
	if !slices.Equal(got["Claire"], []string{"c00000"}) || !slices.Equal(got["Zoé"], []string{"c00001"}) || got["Alice"] != nil {
		t.Fatalf("after the move: %v", got)
	}
	evs, _ := db.Events("w", time.Time{})
	var details []string
	for _, e := range evs {
		if e.Action == ActionTeamAssign && e.Who == "Alice" {
			details = append(details, e.Detail)
		}
	}
	want := []string{"Claire : 1 client repris vers Marc", "Marc : 1 → 3 clients"}
	if !slices.Equal(details, want) {
		t.Fatalf("audit = %q, want %q", details, want)
	}
	if _, err := db.AssignPortfolio("w", "Zoé", []string{"c00002"}, "Alice"); err == nil {
		t.Fatal("a company user was given a portfolio")
	}
	if _, err := db.AssignPortfolio("w", "Nobody", []string{"c00002"}, "Alice"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown member: %v", err)
	}
	if all, _ := db.Portfolios("nope"); all != nil {
		t.Fatalf("unknown workspace: %v", all)
	}
	if _, err := db.Portfolios("nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown workspace: %v", err)
	}
}
