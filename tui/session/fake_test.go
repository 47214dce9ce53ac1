package session

import (
	"errors"
	"sync"
	"time"

	"github.com/bascule-cli/bascule/checklist"
)

// fakeStore keeps one workspace in memory with the store's contract: a
// change is checked against the run it is given, recorded with an audit
// event, and only then written into that run.
type fakeStore struct {
	mu       sync.Mutex
	dossiers []checklist.Dossier
	states   map[checklist.Ref]checklist.StepState
	events   []checklist.Event
	failPut  bool // PutDossiers fails
	puts     int  // PutDossiers calls
	marks    int  // MarkLeftV1 calls
	now      time.Time
}

func newFakeStore(ds []checklist.Dossier) *fakeStore {
	return &fakeStore{dossiers: ds, states: map[checklist.Ref]checklist.StepState{},
		now: time.Date(2026, 3, 12, 9, 14, 0, 0, time.UTC)}
}

func (f *fakeStore) LoadRun(_ string, g *checklist.Guide) (*checklist.Run, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	run := checklist.NewRun(g, f.dossiers)
	for ref, st := range f.states {
		_ = run.SetStatus(ref, st.Status)
	}
	return run, nil
}

func (f *fakeStore) StepState(_ string, ref checklist.Ref) (checklist.StepState, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.states[ref], nil
}

func (f *fakeStore) ApplyStep(ws string, run *checklist.Run, ch checklist.StepChange) (checklist.StepState, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.applyLocked(ws, run, ch)
}

func (f *fakeStore) applyLocked(ws string, run *checklist.Run, ch checklist.StepChange) (checklist.StepState, error) {
	cur, err := run.Status(ch.Ref)
	if err != nil {
		return checklist.StepState{}, err
	}
	if ch.Status != nil {
		if err := run.CheckTransition(ch.Ref, *ch.Status, ch.Reason); err != nil {
			return checklist.StepState{}, err
		}
	}
	st := f.states[ch.Ref]
	if ch.Status != nil {
		st.Status, st.Reason = *ch.Status, ch.Reason
	}
	if ch.Note != nil {
		st.Note = *ch.Note
	}
	if ch.Capture != nil {
		st.Capture = ch.Capture
	}
	if ch.Evidence != nil {
		st.Evidence = ch.Evidence
	}
	st.By, st.At = ch.By, f.now
	f.states[ch.Ref] = st
	f.events = append(f.events, checklist.Event{Seq: uint64(len(f.events) + 1), At: f.now, Who: ch.By, Workspace: ws,
		Action: checklist.ActionStep, Ref: ch.Ref, From: cur.String(), To: st.Status.String()})
	_ = run.SetStatus(ch.Ref, st.Status)
	return st, nil
}

func (f *fakeStore) ApplySteps(ws string, run *checklist.Run, chs []checklist.StepChange) []error {
	f.mu.Lock()
	defer f.mu.Unlock()
	errs := make([]error, len(chs))
	for i, ch := range chs {
		_, errs[i] = f.applyLocked(ws, run, ch)
	}
	return errs
}

func (f *fakeStore) SetPendingInvoices(_ string, client string, n int) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.dossiers {
		if f.dossiers[i].ID == client {
			f.dossiers[i].PendingInvoices = n
		}
	}
	return nil
}

func (f *fakeStore) PutDossiers(_ string, ds []checklist.Dossier, _ string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failPut {
		return errors.New("disk full")
	}
	// As the store: an existing dossier keeps its pending count (when -1)
	// and its mark; a new one comes last.
next:
	for _, d := range ds {
		for i := range f.dossiers {
			if f.dossiers[i].ID == d.ID {
				if d.PendingInvoices < 0 {
					d.PendingInvoices = f.dossiers[i].PendingInvoices
				}
				d.LeftV1 = f.dossiers[i].LeftV1
				f.dossiers[i] = d
				continue next
			}
		}
		d.LeftV1 = false
		f.dossiers = append(f.dossiers, d)
	}
	f.puts++
	return nil
}

func (f *fakeStore) MarkLeftV1(_ string, ids []string, left bool, _ string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, id := range ids {
		for i := range f.dossiers {
			if f.dossiers[i].ID == id {
				f.dossiers[i].LeftV1 = left
			}
		}
	}
	f.marks++
	return nil
}

func (f *fakeStore) AddOverride(_ string, run *checklist.Run, o checklist.Override) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	run.Overrides = append(run.Overrides, o)
	return nil
}

func (f *fakeStore) SetRequest(_ string, run *checklist.Run, r checklist.RequestRecord, _ string) error {
	run.Request = r
	return nil
}

func (f *fakeStore) pending(client string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, d := range f.dossiers {
		if d.ID == client {
			return d.PendingInvoices
		}
	}
	return -2
}
