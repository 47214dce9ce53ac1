package report

import "github.com/bascule-cli/bascule/checklist"

// ControlList is one of the guide's two §3.3 lists as a report prints it:
// its title, its source and its items, in the guide's order.
type ControlList struct {
	Title    string   `json:"title"`
	Source   string   `json:"source"`
	Migrated bool     `json:"migrated"`
	Items    []string `json:"items"`
}

// controlLists groups the control step's items (checklist's ControlItems)
// into the guide's two lists: what migrates by itself, then what does not.
func controlLists(g *checklist.Guide, lang checklist.Lang) []ControlList {
	var out []ControlList
	for _, it := range g.ControlItems() {
		if len(out) == 0 || out[len(out)-1].Migrated != it.Migrated {
			out = append(out, ControlList{Title: it.List.In(lang), Source: it.Source.Label().In(lang), Migrated: it.Migrated})
		}
		last := &out[len(out)-1]
		last.Items = append(last.Items, it.Title.In(lang))
	}
	return out
}

// migratedWord is the §4 table's "Migré" value for a §3.3 list.
func migratedWord(migrated bool) string {
	if migrated {
		return "yes"
	}
	return "no"
}
