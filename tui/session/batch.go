package session

import (
	"context"

	"github.com/bascule-cli/bascule/checklist"
)

// BatchSize is how many results one transaction records: one fsync per
// batch, not per client (10,000 results are saved in seconds), and a crash
// loses at most one batch.
const BatchSize = 500

// BatchItem is one result of bulk work to record.
type BatchItem struct {
	Change checklist.StepChange
	// Settle takes the status from Change.Evidence by checklist's one rule,
	// decided at commit against the run as the earlier items left it.
	Settle bool
	// Pending is the client's pending-invoice count the work found, if any.
	Pending *int
}

// ApplyBatch records bulk work in batches of BatchSize: the pending-invoice
// counts with one PutDossiers, the changes with one ApplySteps. A refused
// change does not stop the others; errs[i] is item i's error, nil when it
// was recorded. Each batch publishes its step events and a progress event.
// When ctx is cancelled the batches not yet started are not written (their
// items get ctx.Err()); a batch once started is written whole.
func (e *Engine) ApplyBatch(ctx context.Context, items []BatchItem) []error {
	errs := make([]error, len(items))
	done, failed := 0, 0
	for lo := 0; lo < len(items); lo += BatchSize {
		hi := min(lo+BatchSize, len(items))
		if err := ctx.Err(); err != nil {
			for i := lo; i < len(items); i++ {
				errs[i] = err
			}
			failed += len(items) - lo
			break
		}
		e.applyBatch(items[lo:hi], errs[lo:hi])
		for _, err := range errs[lo:hi] {
			if err != nil {
				failed++
			} else {
				done++
			}
		}
		e.mu.Lock()
		e.publishLocked(Event{Kind: KindProgress, Who: e.operator, At: e.now().UTC(), Done: done, Failed: failed, Total: len(items)})
		e.mu.Unlock()
	}
	return errs
}

// applyBatch records one batch; errs has one slot per item.
func (e *Engine) applyBatch(items []BatchItem, errs []error) {
	chs := make([]checklist.StepChange, len(items))
	for i := range items {
		chs[i] = items[i].Change
		errs[i] = e.prepare(&chs[i])
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.putCountsLocked(items, errs); err != nil {
		for i := range errs {
			if errs[i] == nil {
				errs[i] = err
			}
		}
		return
	}
	var idx []int // the items handed to the store
	var valid []checklist.StepChange
	from := make([]checklist.Status, len(items))
	for i := range items {
		if errs[i] != nil {
			continue
		}
		if items[i].Settle && chs[i].Evidence != nil {
			if to, ok := e.run.StatusAfterEvidence(chs[i].Ref, *chs[i].Evidence); ok {
				chs[i].Status = &to
			}
		}
		from[i], _ = e.run.Status(chs[i].Ref)
		if err := e.checkCapture(chs[i], from[i]); err != nil {
			errs[i] = err
			continue
		}
		idx = append(idx, i)
		valid = append(valid, chs[i])
	}
	if len(valid) == 0 {
		return
	}
	for k, err := range e.store.ApplySteps(e.ws, e.run, valid) {
		i := idx[k]
		if err != nil {
			errs[i] = err
			continue
		}
		to, _ := e.run.Status(chs[i].Ref)
		e.publishLocked(e.stepEvent(chs[i], from[i], to, items[i].Pending, checklist.StepState{}))
	}
}

// putCountsLocked records the batch's pending-invoice counts in one
// transaction, then in the run.
func (e *Engine) putCountsLocked(items []BatchItem, errs []error) error {
	var ds []checklist.Dossier
	var cis []int
	for i, it := range items {
		if it.Pending == nil || errs[i] != nil {
			continue
		}
		if ci := e.run.ClientIndex(it.Change.Ref.Client); ci >= 0 {
			d := e.run.Clients[ci].Dossier
			d.PendingInvoices = *it.Pending
			ds = append(ds, d)
			cis = append(cis, ci)
		}
	}
	if len(ds) == 0 {
		return nil
	}
	if err := e.store.PutDossiers(e.ws, ds, e.operator); err != nil {
		return err
	}
	for k, ci := range cis {
		e.run.Clients[ci].PendingInvoices = ds[k].PendingInvoices
	}
	return nil
}
