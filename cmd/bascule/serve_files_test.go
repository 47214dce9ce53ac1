package main

import (
	"net"
	"os"
	"regexp"
	"strings"
	"testing"
)

// Over SSH the summary is not written on the server's disk, out of the
// person's reach: "Écrire la synthèse" names the command that streams it
// to his machine, on the server's port, and that command answers with the
// HTML report.
func TestServeSummaryOverSSH(t *testing.T) {
	h := newTeamHarness(t)
	h.start()
	_, port, _ := net.SplitHostPort(h.addr)
	fetch := "ssh -p " + port + " localhost report --format html > synthese.html"
	_, before := os.Stat("bascule-sortie")

	w := h.openLines("Alice")
	w.out.waitFor(t, "Écrire la synthèse")
	entry := regexp.MustCompile(`(\d+)\. Écrire la synthèse`).FindStringSubmatch(w.out.String())
	if entry == nil {
		t.Fatalf("no summary entry in:\n%s", w.out.String())
	}
	w.typeKeys(t, entry[1]+"\n")
	w.out.waitFor(t, "depuis votre poste, lancez : "+fetch)
	if strings.Contains(w.out.String(), "Synthèse écrite") {
		t.Errorf("the summary was written on the server:\n%s", w.out.String())
	}
	if _, after := os.Stat("bascule-sortie"); before != nil && after == nil {
		t.Error("the session wrote into the server's folder")
	}

	r := h.wantRemote(0, "Alice", strings.TrimSuffix(strings.TrimPrefix(fetch, "ssh -p "+port+" localhost "), " > synthese.html"))
	if !strings.Contains(r.stdout, "<html") || !strings.Contains(r.stdout, "Cabinet Martin") {
		t.Errorf("report over SSH:\n%.300s", r.stdout)
	}
}
