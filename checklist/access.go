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

// InTeam says whether m is in the team: a member with one of the three
// roles. Someone removed from the team (or never in it) keeps his name and
// nothing else: every rule below refuses him with this error.
func (m Member) InTeam() error {
	switch m.Role {
	case TeamAdmin, TeamCollaborateur, TeamEntreprise:
		return nil
	}
	return newError("not_member",
		fmt.Sprintf("%s ne fait plus partie de l'équipe : demandez à un administrateur de vous y remettre", m.Name),
		fmt.Sprintf("%s is no longer in the team: ask an admin to add you back", m.Name))
}

// TeamMember is the person called name as the team's portfolios have him
// now; a Member with no role (InTeam refuses it) when he is not in them.
func TeamMember(ps []Portfolio, name string) Member {
	for _, p := range ps {
		if p.Person == name {
			return Member{Name: name, Role: TeamRole(p.Role), Clients: slices.Clone(p.Clients)}
		}
	}
	return Member{Name: name}
}

// CanSee says whether m may read the client's dossier.
func (m Member) CanSee(client string) error {
	if err := m.InTeam(); err != nil {
		return err
	}
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
	if err := m.InTeam(); err != nil {
		return err
	}
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
	if err := m.InTeam(); err != nil {
		return err
	}
	if m.Role == TeamAdmin {
		return nil
	}
	return newError("role_refused",
		fmt.Sprintf("%s (%s) : réservé aux administrateurs", m.Name, m.Role),
		fmt.Sprintf("%s (%s): for admins only", m.Name, m.Role))
}

// CanChange says whether m may change the step instance ref.
func (m Member) CanChange(g *Guide, ref Ref) error {
	if err := m.InTeam(); err != nil {
		return err
	}
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
// "entreprise" user's run holds only his dossiers, and the run of someone
// no longer in the team none.
func (m Member) Restrict(run *Run) {
	in := m.InTeam() == nil
	if m.Role != TeamEntreprise && in {
		return
	}
	kept := run.Clients[:0]
	for _, c := range run.Clients {
		if in && m.Has(c.ID) {
			kept = append(kept, c)
		}
	}
	run.Clients = kept
	run.Reindex()
}
