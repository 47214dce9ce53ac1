package tui

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/connectors"
	"github.com/bascule-cli/bascule/store"
	tea "github.com/charmbracelet/bubbletea"
)

// fakeStore keeps step states in memory, with the store's rules: the gate
// check on ApplyStep and the run updated in memory.
type fakeStore struct {
	mu      sync.Mutex
	guide   *checklist.Guide
	dossier []checklist.Dossier
	states  map[checklist.Ref]checklist.StepState
	pending map[string]int
	writes  int
	now     func() time.Time
}

func newFakeStore(g *checklist.Guide, ds []checklist.Dossier) *fakeStore {
	return &fakeStore{guide: g, dossier: ds, states: map[checklist.Ref]checklist.StepState{}, pending: map[string]int{},
		now: func() time.Time { return testNow }}
}

func (f *fakeStore) LoadRun(ws string, g *checklist.Guide) (*checklist.Run, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	ds := append([]checklist.Dossier(nil), f.dossier...)
	for i := range ds {
		if n, ok := f.pending[ds[i].ID]; ok {
			ds[i].PendingInvoices = n
		}
	}
	run := checklist.NewRun(g, ds)
	for ref, st := range f.states {
		_ = run.SetStatus(ref, st.Status)
	}
	return run, nil
}

func (f *fakeStore) StepState(ws string, ref checklist.Ref) (checklist.StepState, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.states[ref], nil
}

func (f *fakeStore) ApplyStep(ws string, run *checklist.Run, ch StepChange) (checklist.StepState, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	st := f.states[ch.Ref]
	if ch.Status != nil {
		if err := run.CheckTransition(ch.Ref, *ch.Status, ch.Reason); err != nil {
			return st, err
		}
		st.Status = *ch.Status
		st.Reason = ch.Reason
		_ = run.SetStatus(ch.Ref, st.Status)
	}
	if ch.Note != nil {
		st.Note = *ch.Note
	}
	if ch.Capture != nil {
		c := *ch.Capture
		st.Capture = &c
	}
	if ch.Evidence != nil {
		e := *ch.Evidence
		st.Evidence = &e
	}
	st.By, st.At = ch.By, f.now()
	f.states[ch.Ref] = st
	f.writes++
	return st, nil
}

func (f *fakeStore) ApplySteps(ws string, run *checklist.Run, chs []StepChange) []error {
	errs := make([]error, len(chs))
	for i, ch := range chs {
		_, errs[i] = f.ApplyStep(ws, run, ch)
	}
	return errs
}

func (f *fakeStore) PutDossiers(ws string, ds []checklist.Dossier, by string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, d := range ds {
		if d.PendingInvoices >= 0 {
			f.pending[d.ID] = d.PendingInvoices
		}
	}
	f.writes++
	return nil
}

// MarkLeftV1 keeps the mark on the fake's dossiers, as the store does.
func (f *fakeStore) MarkLeftV1(ws string, ids []string, left bool, by string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, id := range ids {
		for i := range f.dossier {
			if f.dossier[i].ID == id {
				f.dossier[i].LeftV1 = left
			}
		}
	}
	f.writes++
	return nil
}

func (f *fakeStore) SetPendingInvoices(ws, clientID string, n int) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pending[clientID] = n
	return nil
}

func (f *fakeStore) state(ref checklist.Ref) checklist.StepState {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.states[ref]
}

// fakeV1 answers client snapshots from a table.
type fakeV1 struct {
	connectors.V1
	pending map[string][2]int
	gate    *gate         // when set, ClientSnapshot waits at it: see driver_test.go
	delay   time.Duration // when set, ClientSnapshot takes this long: a slow connector
}

func (v *fakeV1) ClientSnapshot(ctx context.Context, id string) (connectors.V1Snapshot, error) {
	if v.gate != nil {
		if err := v.gate.wait(ctx); err != nil {
			return connectors.V1Snapshot{}, err
		}
	}
	if v.delay > 0 {
		select {
		case <-time.After(v.delay):
		case <-ctx.Done():
			return connectors.V1Snapshot{}, ctx.Err()
		}
	}
	p := v.pending[id]
	var s connectors.V1Snapshot
	s.Invoices.Purchases.Pending, s.Invoices.Sales.Pending = p[0], p[1]
	s.Articles = []connectors.Article{{Code: "A1", Label: "Pain", UnitPrice: "1.20", VATRate: "5.5"}}
	return s, nil
}

// fakeV2 answers the registration.
type fakeV2 struct {
	connectors.V2
	reg connectors.RegistrationStatus
}

func (v *fakeV2) Registration(ctx context.Context) (connectors.RegistrationStatus, error) {
	return v.reg, nil
}

var testNow = time.Date(2026, 3, 12, 10, 14, 0, 0, time.UTC)

var testCabinet = connectors.Cabinet{SIREN: "552008443", LegalName: "Cabinet Martin & Associés", ManagerEmail: "c.martin@cabinet-martin.fr"}

var firstNames = []string{"Boulangerie", "Café", "Garage", "Pharmacie", "Librairie", "Fromagerie", "Atelier", "Menuiserie", "Imprimerie", "Boucherie"}
var lastNames = []string{"Lefèvre & Fils", "Le Zinc", "Martin", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Garcia", "Bernard", "Roux", "Fontaine"}

// luhnSIREN makes a valid SIREN from an 8-digit body.
func luhnSIREN(body int) string {
	s := fmt.Sprintf("%08d", body%100000000)
	for d := 0; d < 10; d++ {
		c := s + string(rune('0'+d))
		sum := 0
		for i := 0; i < 9; i++ {
			n := int(c[8-i] - '0')
			if i%2 == 1 {
				n *= 2
				if n > 9 {
					n -= 9
				}
			}
			sum += n
		}
		if sum%10 == 0 {
			return c
		}
	}
	return s + "0"
}

// testDossiers is a fixed cabinet of n clients.
func testDossiers(n int) []checklist.Dossier {
	ds := make([]checklist.Dossier, n)
	for i := range ds {
		name := firstNames[i%len(firstNames)] + " " + lastNames[(i/len(firstNames))%len(lastNames)]
		if i >= len(firstNames)*len(lastNames) {
			name += fmt.Sprintf(" %d", i/(len(firstNames)*len(lastNames)))
		}
		ds[i] = checklist.Dossier{ID: fmt.Sprintf("c%05d", i), Name: name, SIREN: luhnSIREN(30000000 + i*7919),
			Payment: i%4 == 0, PendingInvoices: -1}
		if i%5 == 0 {
			ds[i].PendingInvoices = i%7 + 1
		}
		if i%5 == 1 {
			ds[i].PendingInvoices = 0
		}
	}
	return ds
}

type testEnv struct {
	store *fakeStore
	v1    *fakeV1
	v2    *fakeV2
	opts  Options
}

func newTestEnv(n int) *testEnv {
	g := checklist.Default()
	ds := testDossiers(n)
	st := newFakeStore(g, ds)
	v1 := &fakeV1{pending: map[string][2]int{}}
	for _, d := range ds {
		if d.PendingInvoices > 0 {
			v1.pending[d.ID] = [2]int{d.PendingInvoices - d.PendingInvoices/2, d.PendingInvoices / 2}
		}
	}
	v2 := &fakeV2{reg: connectors.RegistrationStatus{Registered: true, Identity: testCabinet}}
	ws := Workspace{ID: "ws1", Cabinet: testCabinet, Operator: "C. Martin", Mode: ModeDemo}
	run, _ := st.LoadRun(ws.ID, g)
	return &testEnv{store: st, v1: v1, v2: v2, opts: Options{
		Guide: g, Store: st, Workspace: &ws, Run: run, Ports: Ports{V1: v1, V2: v2},
		Lang: checklist.French, NoColor: true, Now: func() time.Time { return testNow }, StatusTTL: time.Hour,
	}}
}

func (d *driver) key(keys ...string) {
	for _, k := range keys {
		d.send(keyMsg(k))
	}
}

func (d *driver) typeText(s string) {
	for _, r := range s {
		if r == ' ' {
			d.send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
			continue
		}
		d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case "space", " ":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "ctrl+a":
		return tea.KeyMsg{Type: tea.KeyCtrlA}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "home":
		return tea.KeyMsg{Type: tea.KeyHome}
	case "end":
		return tea.KeyMsg{Type: tea.KeyEnd}
	case "pgup":
		return tea.KeyMsg{Type: tea.KeyPgUp}
	}
	if len([]rune(k)) != 1 {
		// Several runes are text read at once, never a named key: the model
		// takes them as keys one by one (Model.eachKey).
		panic("keyMsg: no key named " + k)
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

var _ Store = (*store.DB)(nil)
