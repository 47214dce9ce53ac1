package main

import (
	"testing"
)

// An admin assigns a client to Claire in his session: Claire's open
// session, on "mes dossiers", lists it and says so without reconnecting.
func TestServeLiveAssignment(t *testing.T) {
	h := newTeamHarness(t)
	siren7, name7 := demoClient(t, h, "cli-00007")
	_, name2 := demoClient(t, h, "cli-00002")
	h.start()
	claire := h.openLive("Claire")
	claire.out.waitFor(t, "Clients (")
	m := claire.mark()
	claire.typeKeys(t, "M")
	claire.since(t, m, "Mes dossiers : 0/1 client fini")
	claire.since(t, m, name2)

	alice := h.openLive("Alice")
	alice.out.waitFor(t, "Clients (")
	alice.filter(t, siren7, siren7+"▏")
	m = alice.mark()
	alice.typeKeys(t, keyEnter+" ") // leave the filter, mark the client
	alice.since(t, m, "1 sélectionné")
	m = alice.mark()
	alice.typeKeys(t, "p")
	alice.since(t, m, "Affecter 1 client sélectionné au portefeuille de :")
	// Alice, Claire: the cabinet's people by name, Eric (entreprise) left out.
	m = alice.mark()
	mc := claire.mark()
	alice.typeKeys(t, keyDown, keyEnter)
	alice.since(t, m, "1 client affecté à Claire")

	claire.since(t, mc, "Alice a changé votre portefeuille : 2 clients.")
	claire.since(t, mc, name7)

	// Claire may now work on it over the same engine.
	h.wantRemote(0, "Claire", "step set client logo --client cli-00007 --status in_progress")

	for _, w := range []liveWizard{alice, claire} {
		w.typeKeys(t, "q")
		_ = w.s.Wait()
	}
}
