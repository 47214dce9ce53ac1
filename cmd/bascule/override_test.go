package main

import (
	"strings"
	"testing"
)

// `step set … --status done` on the control while points block is refused
// with how to go on; with --reason the override is recorded, then the step
// ticked, and the status report shows it (issue 15, point 4).
func TestStepSetTickAgainstBlockersNeedsReason(t *testing.T) {
	h := newHarness(t)
	r := h.want(1, "step", "set", "cabinet", "request.client_checks", "--status", "done", "--demo")
	if !strings.Contains(r.stderr, "ne peut pas être cochée") || !strings.Contains(r.stderr, "--reason") {
		t.Errorf("refusal:\n%s", r.stderr)
	}
	r = h.want(0, "step", "set", "cabinet", "request.client_checks", "--status", "done", "--demo", "--reason", "accord écrit du client")
	if !strings.Contains(r.stdout, "Dérogation enregistrée : demande de migration autorisée malgré les points bloquants") || !strings.Contains(r.stdout, "→ fait") {
		t.Errorf("with a reason:\n%s", r.stdout)
	}
	if r = h.want(0, "status", "--demo"); !strings.Contains(r.stdout, "accord écrit du client") {
		t.Errorf("status does not show the override:\n%s", r.stdout)
	}
}

// Large counts are written with their thousands separated (point 14), and
// the large workload in working days beside hours (point 6).
func TestStatusLargeFirmReadsInFrench(t *testing.T) {
	h := newHarness(t)
	out := h.want(0, "status", "--demo-clients", "2000").stdout
	for _, want := range []string{"0/9\u202f", "soit ≈ ", "j de travail (8 h)", "Total 0 % (0/"} {
		if !strings.Contains(out, want) {
			t.Errorf("status lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "(s)") || strings.Contains(out, "≈ 0 min") {
		t.Errorf("status:\n%s", out)
	}
}
