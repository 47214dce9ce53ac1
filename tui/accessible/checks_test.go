package accessible

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/store"
	"github.com/bascule-cli/bascule/tui"
)

// fakeV1 answers every client's snapshot with pending invoices; slow
// answers only when the check gives up.
type fakeV1 struct {
	connectors.V1
	purchases, sales int
	slow             bool
}

func (f fakeV1) ClientSnapshot(ctx context.Context, id string) (connectors.V1Snapshot, error) {
	if f.slow {
		<-ctx.Done()
		return connectors.V1Snapshot{}, ctx.Err()
	}
	var s connectors.V1Snapshot
	s.Invoices.Purchases.Pending, s.Invoices.Sales.Pending = f.purchases, f.sales
	return s, nil
}

type fakeV2 struct {
	connectors.V2
	reg connectors.RegistrationStatus
}

func (f fakeV2) Registration(context.Context) (connectors.RegistrationStatus, error) {
	return f.reg, nil
}

// runOpts runs the accessible mode on the database at path with the
// options opts returns, and checks that the output is plain text.
func runOpts(t *testing.T, path string, opts func(db *store.DB) Options, lines ...string) string {
	t.Helper()
	db, err := store.Open(path, store.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out bytes.Buffer
	o := opts(db)
	if o.Now == nil {
		o.Now = func() time.Time { return testNow }
	}
	if err := Run(context.Background(), strings.NewReader(strings.Join(lines, "\n")+"\n"), &out, o); err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	if loc := escapes.FindStringIndex(out.String()); loc != nil {
		t.Fatalf("output holds a control character at %d: %q", loc[0], out.String()[max(0, loc[0]-40):loc[1]])
	}
	return out.String()
}

// TestAccessiblePendingInvoicesCheck: "Vérifier maintenant" runs the
// full-screen program's check through the ports given, reads its findings
// out in French, and records the evidence and the count; a later check
// that finds nothing pending marks the step done.
func TestAccessiblePendingInvoicesCheck(t *testing.T) {
	path, ws := openTestStore(t)
	withV1 := func(v1 connectors.V1) func(*store.DB) Options {
		return func(db *store.DB) Options {
			return Options{Store: db, Secrets: db, Workspace: &ws, Ports: tui.Ports{V1: v1}}
		}
	}
	nav := []string{"6", "lefev", "1", "1"} // Boulangerie Lefèvre & Fils → Accepter les factures en attente
	out := runOpts(t, path, withV1(fakeV1{purchases: 3, sales: 1}), append(nav, "1", "", "", "q")...)
	t.Log("\n" + out)
	mustContain(t, out, "1. Vérifier maintenant sur V1", "V1 : vérification en cours…", "Vérifié sur V1 : à reprendre.",
		"achats en attente : 3", "À reprendre : 3 factures d'achat à accepter", "À reprendre : 1 facture de vente à accepter",
		"Enregistré : « Accepter les factures en attente » : en cours.", "Vérifié sur V1 le ")

	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ref := checklist.Ref{Step: "preparation.client.pending_invoices", Client: "c00"}
	st, err := db.StepState(ws.ID, ref)
	if err != nil || st.Evidence == nil || st.Evidence.OK || len(st.Evidence.Findings) != 2 || st.Status != checklist.StatusInProgress {
		t.Fatalf("evidence: %+v %v", st, err)
	}
	run, err := db.LoadRun(ws.ID, checklist.Default())
	if err != nil || run.Clients[0].PendingInvoices != 4 {
		t.Fatalf("pending count: %v %+v", err, run.Clients[0])
	}
	db.Close()

	out = runOpts(t, path, withV1(fakeV1{}), append(nav, "1", "", "", "q")...)
	mustContain(t, out, "Vérifié sur V1 : conforme.", "Enregistré : « Accepter les factures en attente » : fait.")
	db, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if st, _ := db.StepState(ws.ID, ref); st.Status != checklist.StatusDone || st.Evidence == nil || !st.Evidence.OK {
		t.Fatalf("after a clean check: %+v", st)
	}
}

// TestAccessibleCheckOfflineAndTimeout: files mode has no connector (a
// French message, nothing recorded); a V1 that does not answer is given up
// after the timeout with a message.
func TestAccessibleCheckOfflineAndTimeout(t *testing.T) {
	path, ws := openTestStore(t)
	nav := []string{"6", "lefev", "1", "2", "1", "", "", "q"} // Vérifier la base articles → Vérifier maintenant
	out := runOpts(t, path, func(db *store.DB) Options { return Options{Store: db, Workspace: &ws} }, nav...)
	mustContain(t, out, "Pas de vérification automatique en mode fichiers d'export V1 (hors ligne) : aucun connecteur vers V1.")
	if strings.Contains(out, "vérification en cours") {
		t.Fatal("a check ran without a connector")
	}
	out = runOpts(t, path, func(db *store.DB) Options {
		return Options{Store: db, Workspace: &ws, Ports: tui.Ports{V1: fakeV1{slow: true}}, CheckTimeout: 50 * time.Millisecond}
	}, nav...)
	mustContain(t, out, "V1 : vérification en cours…", "Vérification impossible : V1 n'a pas répondu en 50 ms.")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if st, _ := db.StepState(ws.ID, checklist.Ref{Step: "preparation.client.articles", Client: "c00"}); st.Evidence != nil || st.Status != checklist.StatusTodo {
		t.Fatalf("nothing should be recorded: %+v", st)
	}
}

// dbWorkspaces lists and creates workspaces in the store, as cmd/bascule's
// does outside the demo.
type dbWorkspaces struct{ *store.DB }

func (w dbWorkspaces) ListWorkspaces() ([]tui.Workspace, error) { return w.Workspaces() }

func (w dbWorkspaces) DemoID() string { return "" }

func (w dbWorkspaces) DemoV1() connectors.V1 { return nil }

// TestAccessibleCreateAPIWorkspace: API mode asks the addresses and the
// client credentials, seals the client secret under the passphrase typed
// twice (never echoed), and the registration check then connects with
// that passphrase.
func TestAccessibleCreateAPIWorkspace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bascule.db")
	var gotPass []byte
	out := runOpts(t, path, func(db *store.DB) Options {
		return Options{Store: db, Secrets: db, Workspaces: dbWorkspaces{db},
			Connect: func(w tui.Workspace, pass []byte) (tui.Ports, error) {
				gotPass = pass
				return tui.Ports{V2: fakeV2{reg: connectors.RegistrationStatus{Registered: true,
					Identity: connectors.Cabinet{SIREN: "732829320", LegalName: "Cabinet Dupont", ManagerEmail: "l.dupont@exemple.fr"}}}}, nil
			}}
	},
		"3", // API V1/V2
		"73282932", "732829320", "Cabinet Dupont", "l.dupont@exemple.fr", "L. Dupont",
		"https://v1.exemple.fr", "https://v2.exemple.fr", "bascule",
		"", "secret-tres-secret", // required
		"phrase une", "phrase deux", // differ
		"phrase une", "phrase une",
		"2", // Inscription du cabinet
		"2", // Vérifier l'identité pré-remplie
		"1", // Vérifier maintenant sur V2: conforme, but the gate wants Comptexpert first
		"",  // back to the steps
		"1", // S'inscrire via Comptexpert
		"1", // Marquer fait
		"",  // back
		"2", // Vérifier l'identité pré-remplie
		"1", // Vérifier maintenant sur V2
		"", "", "q")
	t.Log("\n" + out)
	if strings.Contains(out, "secret-tres-secret") || strings.Contains(out, "phrase une") {
		t.Fatal("a secret was written out")
	}
	mustContain(t, out, "Aucun espace de travail dans cette base : créons-en un.", "SIREN : 8 chiffres au lieu de 9",
		"Secret client : champ obligatoire", "Les deux saisies diffèrent",
		"Espace de travail créé : Cabinet Dupont · SIREN 732 829 320 · API V1/V2.", "Secret client scellé",
		"V2 : vérification en cours…", "Vérifié sur V2 : conforme.",
		"Conforme, mais l'étape ne peut pas encore être marquée faite : ", "Enregistré : « Vérifier l'identité pré-remplie » : fait.")
	if string(gotPass) != "phrase une" {
		t.Fatalf("Connect got the passphrase %q", gotPass)
	}
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, n := range []string{tui.SecretV1ClientSecret, tui.SecretV2ClientSecret} {
		if v, err := db.Secret("732829320", n, []byte("phrase une")); err != nil || string(v) != "secret-tres-secret" {
			t.Fatalf("%s: %q %v", n, v, err)
		}
	}
	ws, err := db.Workspace("732829320")
	if err != nil || ws.Mode != "api" || ws.V1URL != "https://v1.exemple.fr" || ws.ClientID != "bascule" {
		t.Fatalf("workspace %+v %v", ws, err)
	}
}

// reconV2 answers the reconciliation's reads, and counts its writes.
type reconV2 struct {
	connectors.V2
	writes *int
}

func (f reconV2) Inventory(_ context.Context, siren string) (connectors.Inventory, error) {
	return connectors.Inventory{SIREN: siren, Articles: 12, ReceptionEmail: "factures@lefevre.fr"}, nil
}

func (f reconV2) SetNumbering(context.Context, string, connectors.Numbering, string) error {
	*f.writes++
	return nil
}

// TestAccessibleReconciliation: a client's reconciliation control runs on
// V2 from the accessible mode as in the full-screen program, and its
// evidence is recorded; a re-creation asks first, and writes nothing when
// the answer is no.
func TestAccessibleReconciliation(t *testing.T) {
	path, ws := openTestStore(t)
	writes := 0
	opts := func(db *store.DB) Options {
		return Options{Store: db, Secrets: db, Workspace: &ws, Ports: tui.Ports{V2: reconV2{writes: &writes}}}
	}
	client := []string{"6", "lefev", "1"} // Boulangerie Lefèvre & Fils
	out := runOpts(t, path, opts, append(client, "8", "1", "", "", "", "q")...)
	t.Log("\n" + out)
	mustContain(t, out, "1. Vérifier maintenant sur V2", "Vérifié sur V2 : ")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ref := checklist.Ref{Step: "reconciliation.client.control", Client: "c00"}
	st, err := db.StepState(ws.ID, ref)
	if err != nil || st.Evidence == nil || st.Evidence.Source != checklist.SourceV2 {
		t.Fatalf("control not recorded: %+v %v", st, err)
	}
	db.Close()

	out = runOpts(t, path, opts, append(client, "13", "1", "n", "", "", "", "q")...)
	mustContain(t, out, "1. Faire sur V2 maintenant", "« Configurer la numérotation des factures de vente » sera fait sur V2")
	if writes != 0 || strings.Contains(out, "V2 : en cours") {
		t.Fatalf("a re-creation ran without a yes (%d writes)", writes)
	}
	// Yes, but nothing was noted before the switch: said, nothing written.
	out = runOpts(t, path, opts, append(client, "13", "1", "o", "", "", "", "q")...)
	mustContain(t, out, "V2 : en cours…", "Rien n'a été noté en préparation pour cette étape : faites-la à la main, puis marquez-la.")
	if writes != 0 {
		t.Fatalf("%d writes with nothing noted", writes)
	}
}

// TestAccessibleRequestReadiness: "what blocks the request" is checked
// from the accessible mode, without any connector (files mode), read out
// by kind, and recorded.
func TestAccessibleRequestReadiness(t *testing.T) {
	path, ws := openTestStore(t)
	out := runOpts(t, path, func(db *store.DB) Options { return Options{Store: db, Workspace: &ws} },
		"3", "3", "1", "", "", "q") // Demande du cabinet → Contrôler la préparation de tous les clients
	t.Log("\n" + out)
	mustContain(t, out, "1. Vérifier maintenant ce qui bloque la demande", "Vérification en cours…", "Vérifié par bascule : à reprendre.",
		"À reprendre : 30 clients avec des factures en attente ou non vérifiées (§2)")
	if strings.Contains(out, "aucun connecteur") {
		t.Fatal("the readiness check asked for a connector")
	}
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := db.StepState(ws.ID, checklist.Ref{Step: "request.client_checks"})
	if err != nil || st.Evidence == nil || st.Evidence.OK || st.Evidence.Facts["blockers"] == "" || st.Status != checklist.StatusInProgress {
		t.Fatalf("readiness not recorded: %+v %v", st, err)
	}
}

// answerV2 says where the migration request stands.
type answerV2 struct {
	connectors.V2
	state connectors.RequestState
}

func (f answerV2) MigrationStatus(_ context.Context, ref string) (connectors.MigrationRequest, error) {
	return connectors.MigrationRequest{Reference: ref, State: f.state, CompletedAt: testNow}, nil
}

// TestAccessibleRequestAnswer: the request's answer is asked of V2 from the
// accessible mode and recorded as the full-screen program does: the
// request record's state, the evidence of "request.answer". In English the
// state is V2's English label, as on the full screen (it was V2's raw code).
func TestAccessibleRequestAnswer(t *testing.T) {
	for _, tc := range []struct {
		lang checklist.Lang
		want []string
	}{
		{checklist.French, []string{"1. Vérifier maintenant sur V2", "V2 : où en est la demande MIG-2026-118…", "Demande MIG-2026-118 : Réussie.", "Vérifié sur V2 : conforme."}},
		{checklist.English, []string{"Request MIG-2026-118: Succeeded."}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) { requestAnswer(t, tc.lang, tc.want) })
	}
}

func requestAnswer(t *testing.T, lang checklist.Lang, want []string) {
	path, ws := openTestStore(t)
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	run, err := db.LoadRun(ws.ID, checklist.Default())
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetRequest(ws.ID, run, checklist.RequestRecord{Reference: "MIG-2026-118", SubmittedAt: testNow.Add(-48 * time.Hour), State: "submitted"}, "test"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	opts := func(db *store.DB) Options {
		return Options{Store: db, Workspace: &ws, Lang: lang, Ports: tui.Ports{V2: answerV2{state: connectors.RequestSucceeded}}}
	}
	out := runOpts(t, path, opts, "3", "5", "1", "", "", "q") // Demande du cabinet → Recevoir la confirmation
	t.Log("\n" + out)
	mustContain(t, out, want...)
	db, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	run, err = db.LoadRun(ws.ID, checklist.Default())
	if err != nil || run.Request.State != string(connectors.RequestSucceeded) || run.Request.SucceededAt.IsZero() {
		t.Fatalf("request record: %+v %v", run.Request, err)
	}
	if st, err := db.StepState(ws.ID, checklist.Ref{Step: "request.answer"}); err != nil || st.Evidence == nil || !st.Evidence.OK {
		t.Fatalf("answer evidence: %+v %v", st, err)
	}
}
