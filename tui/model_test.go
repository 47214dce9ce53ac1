package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func (d *driver) view() string { return ansi.Strip(d.m.View()) }

func (d *driver) mustSee(parts ...string) {
	d.t.Helper()
	v := d.view()
	for _, p := range parts {
		if !strings.Contains(v, p) {
			d.t.Fatalf("screen %s lacks %q:\n%s", d.m.Screen(), p, v)
		}
	}
}

func (d *driver) mustNotSee(parts ...string) {
	d.t.Helper()
	v := d.view()
	for _, p := range parts {
		if strings.Contains(v, p) {
			d.t.Fatalf("screen %s shows %q:\n%s", d.m.Screen(), p, v)
		}
	}
}

func TestDashboardShowsCabinetPhasesAndClients(t *testing.T) {
	env := newTestEnv(40)
	d := newDriver(t, env.opts, 100, 30)
	t.Log("\n" + d.view())
	d.mustSee("Cabinet Martin & Associés", "SIREN 552 008 443", "opérateur : C. Martin", "démo",
		"1 Préparation", "reste ≈", "3 Demande", "bloqué : 8 clients ont des factures en attente",
		"ouvre après la migration", "Prochaine étape :", "Clients (40)")
}
