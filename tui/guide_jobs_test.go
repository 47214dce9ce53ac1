package tui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/tui/session"
)

// jobV2 records the writes of the reconciliation jobs.
type jobV2 struct {
	connectors.V2
	invited []connectors.User
	members []connectors.User
	subs    []connectors.Subscription
}

func (v *jobV2) InviteUser(ctx context.Context, space string, u connectors.User, key string) (connectors.User, error) {
	v.invited = append(v.invited, u)
	return u, nil
}

func (v *jobV2) Inventory(ctx context.Context, siren string) (connectors.Inventory, error) {
	return connectors.Inventory{Users: v.members}, nil
}

func (v *jobV2) ChooseSubscription(ctx context.Context, siren string, s connectors.Subscription, key string) error {
	v.subs = append(v.subs, s)
	return nil
}

// planV2 is a V2 connector that lists its plans.
type planV2 struct {
	*jobV2
	plans []string
}

func (v planV2) SubscriptionPlans(ctx context.Context) ([]string, error) { return v.plans, nil }

// roV1 is a V1 connector that can tell each space's read-only state.
type roV1 struct {
	*fakeV1
	ro map[string]bool
}

func (v roV1) SpaceReadOnly(ctx context.Context, id string) (bool, error) { return v.ro[id], nil }

func jobEnv(v1 connectors.V1, v2 connectors.V2) (*testEnv, jobDeps) {
	env := newTestEnv(2)
	return env, jobDeps{v1: v1, v2: v2, now: func() time.Time { return testNow }, store: env.store, ws: "ws1", seed: "seed",
		run: env.opts.Run, lang: checklist.French}
}

func runJobT(t *testing.T, d jobDeps, ref checklist.Ref) (jobResult, error) {
	t.Helper()
	fn := jobFor(d, ref)
	if fn == nil {
		t.Fatalf("%s: no job", ref)
	}
	return fn(context.Background())
}

// Point 1: the subscription job subscribes only to the plan the client chose.
func TestSubscriptionJobNeedsTheClientsChoice(t *testing.T) {
	v2 := &jobV2{}
	env, d := jobEnv(nil, v2)
	c := env.opts.Run.Clients[0].ID
	ref := refOf("reconciliation.client.subscription", c)
	env.store.states[refOf("preparation.client.pending_invoices", c)] = checklist.StepState{
		Evidence: &checklist.Evidence{Facts: map[string]string{checklist.FactSubscription: "Pro"}}}
	_, err := runJobT(t, d, ref)
	var fe findingError
	if !errors.As(err, &fe) || fe.Finding.Code != checklist.FindingNoPlanChosen || len(v2.subs) != 0 {
		t.Fatalf("no choice noted: err %v, subscribed %v", err, v2.subs)
	}
	env.store.states[ref] = checklist.StepState{Capture: &checklist.Capture{Items: []checklist.Record{{"chosen": "Offre Cabinet+"}}}}
	res, err := runJobT(t, d, ref)
	if err != nil || len(v2.subs) != 1 || v2.subs[0].Plan != "Offre Cabinet+" || res.ev.Facts["previous"] != "Pro" {
		t.Fatalf("chosen plan: %v %v %+v", err, v2.subs, res.ev)
	}
	// With a connector that lists V2's plans, a plan outside it is refused
	// and the list is shown.
	d.v2 = planV2{jobV2: v2, plans: []string{"Solo", "Équipe"}}
	_, err = runJobT(t, d, ref)
	if !errors.As(err, &fe) || fe.Finding.Code != checklist.FindingPlanUnknown || len(v2.subs) != 1 {
		t.Fatalf("plan outside V2's list: %v", err)
	}
	m := New(env.opts)
	if txt := m.jobErrText(err); !strings.Contains(txt, "Solo, Équipe") || !strings.Contains(txt, "ne choisit pas") {
		t.Errorf("error text: %q", txt)
	}
}

// Point 2: nobody is invited with a role bascule chose, and the roles
// check passes only on exactly the roles noted.
func TestInvitationsNeedNotedRoles(t *testing.T) {
	v2 := &jobV2{}
	env, d := jobEnv(nil, v2)
	env.store.states[refOf("preparation.cabinet.collaborators", "")] = checklist.StepState{Capture: &checklist.Capture{Items: []checklist.Record{
		{"name": "Ana Roy", "email": "ana@x.fr", "v2_roles": "comptable", "reinvite": "true"},
		{"name": "Bo Lee", "email": "bo@x.fr", "reinvite": "true"},
	}}}
	res, err := runJobT(t, d, refOf("reconciliation.cabinet.collaborators", ""))
	if err != nil {
		t.Fatal(err)
	}
	if len(v2.invited) != 1 || v2.invited[0].Email != "ana@x.fr" || v2.invited[0].Roles[0] != connectors.RoleAccountant {
		t.Fatalf("invited: %+v", v2.invited)
	}
	if res.ev.OK || wouldTick("reconciliation.cabinet.collaborators", res) || !strings.Contains(res.summary, "1 sans rôle noté") {
		t.Fatalf("a person left out must keep the step open: %+v", res)
	}
	roles := refOf("reconciliation.cabinet.roles", "")
	v2.members = []connectors.User{{Email: "ana@x.fr", Roles: []string{"Administrateur"}}}
	if res, _ := runJobT(t, d, roles); res.ev.OK || wouldTick(roles.Step, res) {
		t.Fatalf("any role passed the check: %+v", res.ev)
	}
	env.store.states[refOf("preparation.cabinet.collaborators", "")] = checklist.StepState{Capture: &checklist.Capture{Items: []checklist.Record{
		{"name": "Ana Roy", "email": "ana@x.fr", "v2_roles": "comptable", "reinvite": "true"}}}}
	v2.members = []connectors.User{{Email: "ana@x.fr", Roles: []string{"Comptable"}}}
	if res, err := runJobT(t, d, roles); err != nil || !res.ev.OK || !wouldTick(roles.Step, res) {
		t.Fatalf("exact roles: %v %+v", err, res.ev)
	}
}

// Point 13: the article check shows what it found; it never ticks.
func TestArticlesCheckNeverTicks(t *testing.T) {
	env, d := jobEnv(&fakeV1{}, nil)
	res, err := runJobT(t, d, refOf("preparation.client.articles", env.opts.Run.Clients[0].ID))
	if err != nil || wouldTick("preparation.client.articles", res) || !strings.Contains(res.summary, "1 article lu") {
		t.Fatalf("articles: %v %+v", err, res)
	}
}

// Point 14: the firm's own dossier is checked for pending invoices.
func TestCabinetPendingInvoicesJob(t *testing.T) {
	v1 := &fakeV1{pending: map[string][2]int{connectors.SpaceCabinet: {2, 1}}}
	_, d := jobEnv(v1, nil)
	res, err := runJobT(t, d, refOf(checklist.CabinetPendingStep, ""))
	if err != nil || wouldTick(checklist.CabinetPendingStep, res) || res.pending != nil || !strings.Contains(res.summary, "3 factures") {
		t.Fatalf("pending on the firm's dossier: %v %+v", err, res)
	}
	v1.pending = nil
	if res, err := runJobT(t, d, refOf(checklist.CabinetPendingStep, "")); err != nil || !wouldTick(checklist.CabinetPendingStep, res) {
		t.Fatalf("none pending: %v %+v", err, res)
	}
}

// Point 12: each company space's read-only state, where the connector can tell.
func TestSpaceReadOnlyJob(t *testing.T) {
	env, d := jobEnv(&fakeV1{}, nil)
	c := env.opts.Run.Clients[0].ID
	ref := refOf("reconciliation.client.v1_read_only", c)
	if _, err := runJobT(t, d, ref); !errors.Is(err, errNoPort) {
		t.Fatalf("a connector that cannot tell: %v", err)
	}
	d.v1 = roV1{fakeV1: &fakeV1{}, ro: map[string]bool{c: true}}
	if res, err := runJobT(t, d, ref); err != nil || !wouldTick(ref.Step, res) {
		t.Fatalf("read-only space: %v %+v", err, res)
	}
	d.v1 = roV1{fakeV1: &fakeV1{}, ro: map[string]bool{}}
	if res, err := runJobT(t, d, ref); err != nil || wouldTick(ref.Step, res) || res.ev.OK {
		t.Fatalf("writable space: %v %+v", err, res)
	}
	if session.JobWrites("reconciliation.client.v1_read_only") || session.JobWrites("reconciliation.cabinet.roles") {
		t.Error("checks are not writes")
	}
}

// Point 3: a role outside the list is typed beside it and recorded; the
// list says where it comes from.
func TestCaptureFreeTextRoles(t *testing.T) {
	g := checklist.Default()
	st, _ := g.Step("preparation.client.users")
	roles, _ := st.Form.Field("roles")
	listed, other := splitListed(roles, "visualisation, Responsable financier")
	if len(listed) != 1 || len(other) != 1 || other[0] != "Responsable financier" {
		t.Fatalf("split: %v %v", listed, other)
	}
	sel, extra := []string{"gestionnaire"}, "Responsable financier, Titulaire de carte"
	a := &answers{text: map[string]*string{}, bools: map[string]*bool{}, multi: map[string]*[]string{"roles": &sel},
		extra: map[string]*string{"roles": &extra}}
	if got := a.record(st.Form)["roles"]; got != "gestionnaire, Responsable financier, Titulaire de carte" {
		t.Errorf("roles recorded: %q", got)
	}
	if d := fieldDescription(checklist.French, roles); !strings.Contains(d, "liste du guide §3.4") || !strings.Contains(d, "(note de bascule)") {
		t.Errorf("company roles description: %q", d)
	}
	cab, _ := g.Step("preparation.cabinet.collaborators")
	v2roles, _ := cab.Form.Field("v2_roles")
	if d := fieldDescription(checklist.French, v2roles); !strings.Contains(d, "liste de bascule") {
		t.Errorf("cabinet roles description: %q", d)
	}
}

// The reconciliation list keeps the selected item on screen when they do
// not all fit.
func TestReconWindow(t *testing.T) {
	blocks := [][]string{{"a", "a1", "a2"}, {"b"}, {"c"}, {"d"}, {"e"}}
	cases := []struct{ cursor, rows, lo, hi int }{
		{0, 10, 0, 5}, {0, 4, 0, 2}, {4, 3, 2, 5}, {2, 2, 2, 4}, {0, 1, 0, 1},
	}
	for _, c := range cases {
		if lo, hi := reconWindow(blocks, c.cursor, c.rows); lo != c.lo || hi != c.hi {
			t.Errorf("cursor %d rows %d: [%d,%d), want [%d,%d)", c.cursor, c.rows, lo, hi, c.lo, c.hi)
		}
	}
}

// wouldTick says a job's result ticks a step still to do, by checklist's
// one rule for evidence (the engine records it so).
func wouldTick(step string, res jobResult) bool {
	st, ok := checklist.Default().Step(step)
	if !ok {
		return false
	}
	to, set := checklist.StatusFromEvidence(st, checklist.StatusTodo, res.ev)
	return set && to == checklist.StatusDone
}
