package checklist

import (
	"fmt"
	"slices"
)

// Who may see and change what when the wizard is served to a team
// (`bascule serve`). An admin sees and does everything; a collaborator
// does the client steps of his portfolio and sees the rest; an
// "entreprise" user (a user of a client company) sees only his company's
// dossier and changes only the steps the guide lets the company do (§2:
// the preparation "peut être réalisée par une personne du cabinet ou par un
// utilisateur côté entreprise", Actor = cabinet or client). These rules
// live here once: the engine (tui/session) enforces them for every front
// end, and the remote commands ask them before they run.

// TeamRole is a team member's role.
type TeamRole string

// The three roles.
const (
	TeamAdmin         TeamRole = "admin"
	TeamCollaborateur TeamRole = "collaborateur"
	TeamEntreprise    TeamRole = "entreprise"
)

// Member is the person acting: his name (the audit's "by"), his role and
// his portfolio (the ids of the clients assigned to him, sorted).
type Member struct {
	Name    string
	Role    TeamRole
	Clients []string
}

// Has says whether the client is in the member's portfolio.
func (m Member) Has(client string) bool {
	_, ok := slices.BinarySearch(m.Clients, client)
	return ok
}

// CanSee says whether m may read the client's dossier.
func (m Member) CanSee(client string) error {
	if m.Role != TeamEntreprise || m.Has(client) {
		return nil
	}
	return newError("not_your_dossier",
		fmt.Sprintf("le client %q n'est pas le dossier de %s", client, m.Name),
		fmt.Sprintf("client %q is not %s's dossier", client, m.Name))
}

// CanSeeCabinet says whether m may read the firm's whole picture (status,
// reports, the firm's steps): everyone but an "entreprise" user.
func (m Member) CanSeeCabinet() error {
	if m.Role != TeamEntreprise {
		return nil
	}
	return newError("role_refused",
		fmt.Sprintf("%s (%s) ne voit que le dossier de son entreprise", m.Name, m.Role),
		fmt.Sprintf("%s (%s) sees only his company's dossier", m.Name, m.Role))
}

// CanAdminister says whether m may act for the whole firm: the firm's
// steps, gate overrides, the migration request, the team, bulk sweeps.
func (m Member) CanAdminister() error {
	if m.Role == TeamAdmin {
		return nil
	}
	return newError("role_refused",
		fmt.Sprintf("%s (%s) : réservé aux administrateurs", m.Name, m.Role),
		fmt.Sprintf("%s (%s): for admins only", m.Name, m.Role))
}

// CanChange says whether m may change the step instance ref.
func (m Member) CanChange(g *Guide, ref Ref) error {
	if m.Role == TeamAdmin {
		return nil
	}
	if ref.Client == "" {
		return newError("role_refused",
			fmt.Sprintf("%s (%s) : les étapes du cabinet sont réservées aux administrateurs", m.Name, m.Role),
			fmt.Sprintf("%s (%s): the firm's steps are for admins only", m.Name, m.Role))
	}
	if !m.Has(ref.Client) {
		// Also what keeps him from the dossier's record (its pending
		// invoices), which changes only with one of its steps.
		return notInPortfolio(m, ref.Client)
	}
	if m.Role == TeamEntreprise {
		st, ok := g.Step(ref.Step)
		if !ok || st.Actor != ActorCabinetOrClient {
			return newError("role_refused",
				fmt.Sprintf("l'étape %q se fait par le cabinet, pas par l'entreprise", ref.Step),
				fmt.Sprintf("step %q is done by the firm, not by the company", ref.Step))
		}
	}
	return nil
}

func notInPortfolio(m Member, client string) error {
	return newError("not_in_portfolio",
		fmt.Sprintf("le client %q n'est pas dans le portefeuille de %s", client, m.Name),
		fmt.Sprintf("client %q is not in %s's portfolio", client, m.Name))
}

// Restrict drops from run (a private copy) the clients m may not see: an
// "entreprise" user's run holds only his dossiers.
func (m Member) Restrict(run *Run) {
	if m.Role != TeamEntreprise {
		return
	}
	kept := run.Clients[:0]
	for _, c := range run.Clients {
		if m.Has(c.ID) {
			kept = append(kept, c)
		}
	}
	run.Clients = kept
	run.Reindex()
}
