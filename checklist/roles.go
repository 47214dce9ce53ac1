package checklist

import (
	"slices"
	"strings"

	"github.com/bascule-cli/bascule/connectors"
)

// Roles are never given by default: the guide says "Les rôles doivent être
// attribués manuellement" (§3.4). These rules say who may be invited with
// which roles, and whether V2 now holds exactly the roles noted.

// Finding codes of the invitation and roles rules.
const (
	FindingRoleNotNoted  = "role_not_noted"
	FindingMemberMissing = "member_missing"
	FindingRolesDiffer   = "roles_differ"
	FindingNoPlanChosen  = "no_plan_chosen"
	FindingPlanUnknown   = "plan_unknown"
)

// Invitee is one person noted during preparation, with the V2 roles noted
// for them (platform names, see CabinetRoleName).
type Invitee struct {
	Name, Email string
	Roles       []string
}

// Invitees reads the people noted by a preparation capture who are to be
// invited again. rolesField is "v2_roles" for the firm's collaborators and
// "roles" for a company's users; cabinet maps the firm's role values to
// V2's names. People with no role noted come back in missing, never with a
// role bascule chose.
func Invitees(rs []Record, rolesField string, cabinet bool) (ok []Invitee, missing []Finding) {
	for _, r := range rs {
		email := strings.TrimSpace(r["email"])
		if email == "" || r["reinvite"] == "false" {
			continue
		}
		var roles []string
		for _, v := range SplitMulti(r[rolesField]) {
			if cabinet {
				v = CabinetRoleName(v)
			}
			roles = append(roles, v)
		}
		if len(roles) == 0 {
			missing = append(missing, Finding{Code: FindingRoleNotNoted, Detail: email})
			continue
		}
		ok = append(ok, Invitee{Name: r["name"], Email: email, Roles: roles})
	}
	return ok, missing
}

// CabinetRoleName maps a noted cabinet role value to V2's name for it; a
// value typed as free text is kept as it is.
func CabinetRoleName(v string) string {
	switch v = strings.TrimSpace(v); v {
	case "administrateur":
		return connectors.RoleAdministrator
	case "gestionnaire_clientele":
		return connectors.RoleClientManager
	case "comptable":
		return connectors.RoleAccountant
	}
	return v
}

// RolesFindings compares V2's members with the people noted: each must be a
// member holding exactly the roles noted for them (compared without regard
// to case or order). An empty result means the roles are as noted.
func RolesFindings(people []Invitee, members []connectors.User) []Finding {
	var out []Finding
	for _, p := range people {
		i := slices.IndexFunc(members, func(u connectors.User) bool { return strings.EqualFold(u.Email, p.Email) })
		if i < 0 {
			out = append(out, Finding{Code: FindingMemberMissing, Detail: p.Email})
			continue
		}
		want, got := roleSet(p.Roles), roleSet(members[i].Roles)
		if !slices.Equal(want, got) {
			out = append(out, Finding{Code: FindingRolesDiffer,
				Detail: p.Email + " : " + strings.Join(want, ", ") + " ≠ " + orNone(got)})
		}
	}
	return out
}

func roleSet(roles []string) []string {
	out := make([]string, 0, len(roles))
	for _, r := range roles {
		if r = strings.ToLower(strings.TrimSpace(r)); r != "" {
			out = append(out, r)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "—"
	}
	return strings.Join(s, ", ")
}

// ChosenPlan is the plan the client chose, as noted in the subscription
// step's capture, and whether one was noted. bascule never picks one: with
// nothing noted there is nothing to subscribe to. plans is V2's list when a
// connector gives one (nil otherwise); a plan outside it is refused.
func ChosenPlan(c *Capture, plans []string) (string, *Finding) {
	plan := ""
	if c != nil && len(c.Items) > 0 {
		plan = strings.TrimSpace(c.Items[0]["chosen"])
	}
	if plan == "" {
		return "", &Finding{Code: FindingNoPlanChosen}
	}
	if plans != nil && !slices.ContainsFunc(plans, func(p string) bool { return strings.EqualFold(p, plan) }) {
		return "", &Finding{Code: FindingPlanUnknown, Detail: plan}
	}
	return plan, nil
}
