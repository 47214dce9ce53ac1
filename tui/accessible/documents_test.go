package accessible

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
)

// TestAccessibleNoticesAndSummary: the notify step writes one .eml per
// client through the engine, as the full-screen request screen does, and
// records where; the main menu's last entry writes the summary export with
// this session's journal.
func TestAccessibleNoticesAndSummary(t *testing.T) {
	path, ws := openTestStore(t)
	outDir := filepath.Join(t.TempDir(), "sortie")
	out := runOpts(t, path, func(db *store.DB) Options {
		return Options{Store: db, Secrets: db, Workspace: &ws, OutDir: outDir}
	},
		"3", // Demande du cabinet
		"1", // Prévenir les clients de la migration
		"1", // Écrire les e-mails aux clients (.eml)
		"",  // back to the steps
		"",  // back to the main menu
		"7", // Écrire la synthèse
	)
	mustContain(t, out, "V1 n'est pas connecté : les messages sont écrits sans destinataire.", "30 messages écrits", "Synthèse écrite :", "synthese-martin.md", "synthese-martin.html")
	emls, err := filepath.Glob(filepath.Join(outDir, "annonces", "martin", "*.eml"))
	if err != nil || len(emls) != 30 {
		t.Fatalf("%d notices written, want 30 (%v)", len(emls), err)
	}
	db, err := store.Open(path, store.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := db.StepState(ws.ID, checklist.Ref{Step: checklist.StepRequestNotifyClients})
	if err != nil || st.Evidence == nil || st.Evidence.Source != "file" || st.Evidence.Facts["messages"] != "30" {
		t.Fatalf("notify step recorded %+v, %v", st, err)
	}
	md, err := os.ReadFile(filepath.Join(outDir, "synthese-martin.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "Cabinet Martin & Associés") || !strings.Contains(string(md), "Prévenir les clients de la migration") {
		t.Fatalf("summary lacks the cabinet or the session's change:\n%.1500s", md)
	}
}

// TestAccessibleOverSSH: a person connected over SSH (bascule serve) is
// told the notices are on the server, and the summary, which would be
// written on the server out of his reach, is refused with the command that
// streams it to his machine; nothing of it is written.
func TestAccessibleOverSSH(t *testing.T) {
	path, ws := openTestStore(t)
	outDir := filepath.Join(t.TempDir(), "sortie")
	const fetch = "ssh -p 2222 localhost report --format html > synthese.html"
	out := runOpts(t, path, func(db *store.DB) Options {
		return Options{Store: db, Secrets: db, Workspace: &ws, OutDir: outDir, RemoteReport: fetch}
	},
		"3", "1", "1", // notify the clients: write the e-mails
		"", "", // back to the main menu
		"7", // Écrire la synthèse
	)
	mustContain(t, out, filepath.Join(outDir, "annonces", "martin")+" (sur le serveur)",
		"Par SSH, la synthèse s'écrirait sur le serveur, hors de votre portée ; depuis votre poste, lancez : "+fetch)
	if strings.Contains(out, "Synthèse écrite") {
		t.Errorf("the summary was written on the server:\n%s", out)
	}
	if got, _ := filepath.Glob(filepath.Join(outDir, "synthese-*")); len(got) != 0 {
		t.Errorf("summary files on the server: %v", got)
	}
}
