package tui

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/tui/session"
)

// The team mode's benchmarks: 20 programs sharing one engine on 12,000
// clients, as `bascule serve` runs them (without the SSH transport).
//
//	go test ./tui -run '^$' -bench Team -benchtime 100x
//
// BenchmarkTeamKeystroke types in the dashboard's filter in every session
// at once; cpu-ns/key is the processor time (getrusage, not the clock: the
// machine may be shared) one keystroke (Update + View) costs a session, to
// compare with the local program's (the "local" case); x-local is their
// ratio (limit 2).
// BenchmarkTeamPropagation measures how long a change takes to reach the
// 19 other sessions' screens (their Update + View done), p50 and p99 by
// the clock, and the processor time the 19 redraws cost (cpu-ms/change).
// BenchmarkTeamMemory measures the heap each session adds.

const teamSessions = 20

// teamPrograms opens n programs on a shared engine of 12,000 clients.
func teamPrograms(b *testing.B, n int) (*sharedEnv, []Model) {
	b.Helper()
	s := newSharedEnv(b, benchClients)
	ms := make([]Model, n)
	for i := range ms {
		ms[i], _ = s.program(b, checklist.Member{Name: fmt.Sprintf("Collab %d", i), Role: checklist.TeamAdmin}, checklist.French)
	}
	return s, ms
}

// inFilter opens the dashboard's filter.
func inFilter(m Model) Model {
	nm, _ := m.Update(keyMsg("/"))
	return nm.(Model)
}

func BenchmarkTeamKeystroke(b *testing.B) {
	key := keyMsg("e")
	// local is the single local program's cpu-ns/key, the baseline of the
	// shared case's ratio (x-local) when both run.
	var local float64
	b.Run("local", func(b *testing.B) {
		env := newTestEnv(benchClients)
		nm, _ := New(env.opts).Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		m := inFilter(nm.(Model))
		b.ReportAllocs()
		start := cpuTime()
		for b.Loop() {
			m.dash.ix.setQuery("")
			nm, _ := m.Update(key)
			_ = nm.(Model).View()
		}
		local = float64((cpuTime() - start).Nanoseconds()) / float64(b.N)
		b.ReportMetric(local, "cpu-ns/key")
	})
	b.Run(fmt.Sprintf("shared-%d", teamSessions), func(b *testing.B) {
		_, ms := teamPrograms(b, teamSessions)
		for i := range ms {
			ms[i] = inFilter(ms[i])
		}
		b.ReportAllocs()
		start := cpuTime()
		// Each iteration is one keystroke in every session, all at once.
		for b.Loop() {
			var wg sync.WaitGroup
			for i := range ms {
				wg.Add(1)
				go func() {
					defer wg.Done()
					ms[i].dash.ix.setQuery("")
					nm, _ := ms[i].Update(key)
					_ = nm.(Model).View()
				}()
			}
			wg.Wait()
		}
		perKey := float64((cpuTime() - start).Nanoseconds()) / float64(b.N*teamSessions)
		b.ReportMetric(perKey, "cpu-ns/key")
		if local > 0 {
			b.ReportMetric(perKey/local, "x-local")
		}
	})
}

func BenchmarkTeamPropagation(b *testing.B) {
	s, ms := teamPrograms(b, teamSessions)
	writer := ms[0].opts.Engine
	var started sync.Map // ref → when its change was sent
	var mu sync.Mutex
	var lat []time.Duration
	got := make(chan struct{}, teamSessions)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for i := 1; i < len(ms); i++ {
		wg.Add(1)
		go func(m Model) {
			defer wg.Done()
			for {
				msg, ok := m.live.wait()().(liveMsg)
				if !ok || msg.closed {
					return
				}
				nm, _ := m.Update(msg)
				m = nm.(Model)
				_ = m.View()
				now := time.Now()
				for _, ev := range msg.events {
					if t0, ok := started.Load(ev.Ref); ok && ev.Kind == session.KindStep {
						mu.Lock()
						lat = append(lat, now.Sub(t0.(time.Time)))
						mu.Unlock()
						got <- struct{}{}
					}
				}
				select {
				case <-done:
					return
				default:
				}
			}
		}(ms[i])
	}
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		// One change at a time, each to its own client: sent, then seen by
		// the 19 others before the next.
		ref := checklist.Ref{Step: checklist.StepClientLogo, Client: s.env.opts.Run.Clients[n%benchClients].ID}
		to := checklist.StatusInProgress
		if (n/benchClients)%2 == 1 {
			to = checklist.StatusTodo
		}
		n++
		started.Store(ref, time.Now())
		if _, err := writer.Apply(checklist.StepChange{Ref: ref, Status: &to}); err != nil {
			b.Fatal(err)
		}
		for range teamSessions - 1 {
			<-got
		}
		started.Delete(ref)
	}
	cpu := cpuTime() - cpu0
	close(done)
	s.eng.Close() // ends the subscriptions: the readers return
	wg.Wait()
	slices.Sort(lat)
	if len(lat) > 0 {
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(n), "cpu-ms/change")
}

// BenchmarkTeamMemory opens one more session per iteration on the shared
// engine, each left on the dashboard with a filter typed, and divides the
// heap they added by their number.
func BenchmarkTeamMemory(b *testing.B) {
	s := newSharedEnv(b, benchClients)
	var ms []Model
	before := heapInUse()
	for b.Loop() {
		m, _ := s.program(b, checklist.Member{Name: fmt.Sprintf("Collab %d", len(ms)), Role: checklist.TeamCollaborateur}, checklist.French)
		nm, _ := inFilter(m).Update(keyMsg("e"))
		m = nm.(Model)
		_ = m.View()
		ms = append(ms, m)
	}
	after := heapInUse()
	runtime.KeepAlive(ms)
	b.ReportMetric(float64(int64(after)-int64(before))/float64(len(ms))/(1<<20), "MB/session")
}

func heapInUse() uint64 {
	runtime.GC()
	var st runtime.MemStats
	runtime.ReadMemStats(&st)
	return st.HeapAlloc
}
