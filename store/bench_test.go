package store

import (
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/bascule-cli/bascule/checklist"
)

// BenchmarkToggleStep is one durable step change through the store's API,
// in a workspace of 500 clients.
func BenchmarkToggleStep(b *testing.B) {
	toggle, pages := newToggler(b)
	for b.Loop() {
		toggle()
	}
	b.StopTimer()
	b.ReportMetric(pages()/float64(b.N), "pages/op")
}

// BenchmarkBareBoltUpdate is a one-key bbolt Update on the same disk.
func BenchmarkBareBoltUpdate(b *testing.B) {
	update, pages := newBareUpdater(b)
	for b.Loop() {
		update()
	}
	b.StopTimer()
	b.ReportMetric(pages()/float64(b.N), "pages/op")
}

// BenchmarkToggleVsBare alternates the two operations above, one of each per
// iteration, and reports their mean times and the ratio: on a shared disk
// whose speed drifts from second to second, two benchmarks run one after
// the other can see different disks; interleaved, they see the same one.
func BenchmarkToggleVsBare(b *testing.B) {
	toggle, _ := newToggler(b)
	update, _ := newBareUpdater(b)
	var tToggle, tBare time.Duration
	for b.Loop() {
		t0 := time.Now()
		toggle()
		t1 := time.Now()
		update()
		tToggle += t1.Sub(t0)
		tBare += time.Since(t1)
	}
	b.ReportMetric(float64(tToggle.Microseconds())/float64(b.N), "toggle-µs/op")
	b.ReportMetric(float64(tBare.Microseconds())/float64(b.N), "bare-µs/op")
	b.ReportMetric(float64(tToggle)/float64(tBare), "ratio")
}

// newToggler opens a workspace of 500 clients and returns a function that
// flips one client's step between to-do and in progress (the next client at
// each call), and one that counts the pages written so far.
func newToggler(b *testing.B) (toggle func(), pages func() float64) {
	path := filepath.Join(b.TempDir(), "bascule.db")
	db, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	seedWS(b, db, "w", 500)
	run, err := db.LoadRun("w", checklist.Default())
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	toggle = func() {
		c := run.Clients[i%len(run.Clients)]
		s := checklist.Status((i / len(run.Clients)) % 2) // todo <-> in progress
		if _, err := db.ApplyStep("w", run, StepChange{Ref: checklist.Ref{Step: "preparation.client.articles", Client: c.ID}, Status: &s, By: "bench"}); err != nil {
			b.Fatal(err)
		}
		i++
	}
	return toggle, func() float64 { st := db.bolt.Stats(); return float64(st.TxStats.GetWrite()) }
}

// newBareUpdater opens a bbolt file with default options and returns a
// function that updates one key, and one that counts the pages written.
func newBareUpdater(b *testing.B) (update func(), pages func() float64) {
	path := filepath.Join(b.TempDir(), "bare.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("b")); return err }); err != nil {
		b.Fatal(err)
	}
	i := byte(0)
	update = func() {
		i++
		if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("b")).Put([]byte("k"), []byte{i}) }); err != nil {
			b.Fatal(err)
		}
	}
	return update, func() float64 { st := db.Stats(); return float64(st.TxStats.GetWrite()) }
}

// buildWorkspace12k fills a workspace of 12,000 clients in which every step
// (cabinet and client side, payment steps for payment clients) has a state.
func buildWorkspace12k(tb testing.TB, path string) {
	db, err := Open(path, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	seedWS(tb, db, "w", 12000)
	g := checklist.Default()
	run, err := db.LoadRun("w", g)
	if err != nil {
		tb.Fatal(err)
	}
	var chs []StepChange
	for _, s := range g.StepsFor(checklist.ScopeCabinet) {
		chs = append(chs, StepChange{Ref: checklist.Ref{Step: s.ID}, Status: st(checklist.StatusBlocked), Reason: "attente", Note: str("note du cabinet"), By: "bench"})
	}
	flush := func() {
		for _, err := range db.ApplySteps("w", run, chs) {
			if err != nil {
				tb.Fatal(err)
			}
		}
		chs = chs[:0]
	}
	flush()
	side := g.ClientSideSteps()
	for i, c := range run.Clients {
		for _, s := range side {
			if s.Scope == checklist.ScopePayment && !c.Payment {
				continue
			}
			ch := StepChange{Ref: checklist.Ref{Step: s.ID, Client: c.ID}, Status: st(checklist.StatusNotApplicable), Reason: "sans objet", By: "bench"}
			if (i+len(chs))%2 == 0 {
				ch.Status, ch.Reason = st(checklist.StatusBlocked), "client injoignable"
			}
			chs = append(chs, ch)
		}
		if len(chs) > 20000 {
			flush()
		}
	}
	flush()
}

// BenchmarkLoadWorkspace12k opens the database (with its consistency check)
// and loads everything the dashboard needs of a 12,000-client workspace.
func BenchmarkLoadWorkspace12k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bascule.db")
	buildWorkspace12k(b, path)
	g := checklist.Default()
	for b.Loop() {
		db, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		run, err := db.LoadRun("w", g)
		if err != nil {
			b.Fatal(err)
		}
		if len(run.Clients) != 12000 || run.Clients[11999].Steps[0] == checklist.StatusTodo {
			b.Fatalf("incomplete run")
		}
		db.Close()
	}
}

// BenchmarkOpenAfterCrash12k is BenchmarkLoadWorkspace12k for a file whose
// last session did not end with Close: Open walks it read-only first, then
// bbolt rebuilds the freelist by walking it again, before the usual check.
func BenchmarkOpenAfterCrash12k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bascule.db")
	buildWorkspace12k(b, path)
	g := checklist.Default()
	for b.Loop() {
		b.StopTimer()
		db, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		// One commit of the session leaves the meta page without a freelist.
		if err := db.update(func(*bolt.Tx) error { return nil }); err != nil {
			b.Fatal(err)
		}
		if err := AbandonForTest(db); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		db, err = Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.LoadRun("w", g); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
}

// BenchmarkBackup12k is one Backup of the 12,000-client file: the copy,
// then its full read-back (pages, checksums, every record decoded) before
// the rotation.
func BenchmarkBackup12k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bascule.db")
	buildWorkspace12k(b, path)
	db, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for b.Loop() {
		if _, err := db.Backup(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerify12k is doctor's check of the 12,000-client file: Check,
// then every record decoded.
func BenchmarkVerify12k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bascule.db")
	buildWorkspace12k(b, path)
	db, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for b.Loop() {
		if err := db.Verify(); err != nil {
			b.Fatal(err)
		}
	}
}
