package sandbox

import (
	"testing"
	"time"
)

func TestGenerate12000Fast(t *testing.T) {
	start := time.Now()
	w := generate(Options{Seed: 1, Clients: MaxClients})
	d := time.Since(start)
	t.Logf("generated %d clients in %v", len(w.clients), d)
	if len(w.clients) != MaxClients {
		t.Fatalf("got %d clients", len(w.clients))
	}
}

func BenchmarkGenerate12000(b *testing.B) {
	for b.Loop() {
		generate(Options{Seed: 1, Clients: MaxClients})
	}
}
