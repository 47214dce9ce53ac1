package accessible

import (
	"testing"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/store"
)

// Ticking the control while points block asks for the override's reason
// and records it (issue 15, point 4); it was ticked without a word.
func TestAccessibleTickAsksForAnOverride(t *testing.T) {
	path, ws := openTestStore(t)
	out := runScript(t, path, ws, checklist.French,
		"3",                      // Demande du cabinet
		"3",                      // Contrôler la préparation de tous les clients
		"2",                      // Marquer fait
		"",                       // no reason: nothing ticked
		"2",                      // Marquer fait, again
		"accord écrit du client", // the reason
		"", "", "", "o")
	t.Log("\n" + out)
	mustContain(t, out, "Refusé : « Contrôler la préparation de tous les clients » ne peut pas être cochée",
		"Raison de la dérogation, visible dans les rapports",
		"Dérogation enregistrée : demande de migration autorisée malgré les points bloquants.",
		"Enregistré : « Contrôler la préparation de tous les clients » : fait.")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	run, err := db.LoadRun(ws.ID, checklist.Default())
	if err != nil {
		t.Fatal(err)
	}
	if o, ok := run.Override(checklist.GateRequestReadiness); !ok || o.Reason != "accord écrit du client" {
		t.Errorf("override: %+v %v", o, ok)
	}
	if st, _ := run.Status(checklist.Ref{Step: "request.client_checks"}); st != checklist.StatusDone {
		t.Errorf("control: %v", st)
	}
}
