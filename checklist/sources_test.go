package checklist

import (
	"strings"
	"testing"
)

// allTexts is every user-facing text of the guide data, with where it is.
func allTexts(g *Guide) map[string]Text {
	out := map[string]Text{}
	for _, s := range g.Steps {
		out[s.ID+".title"] = s.Title
		out[s.ID+".help"] = s.Help
		out[s.ID+".warning"] = s.Warning
		out[s.ID+".note"] = s.Note
		if s.Form != nil {
			for _, f := range s.Form.Fields {
				out[s.ID+"."+f.ID+".label"] = f.Label
				out[s.ID+"."+f.ID+".help"] = f.Help
				for _, o := range f.Options {
					out[s.ID+"."+f.ID+"."+o.Value] = o.Label
				}
			}
		}
	}
	for _, p := range Phases() {
		out["phase."+p.String()] = p.Title()
	}
	for _, l := range g.Table {
		out["table."+l.ID] = l.Element
		out["table."+l.ID+".action"] = l.Action
	}
	return out
}

// TestEveryTextHasASource reads the guide data: a help text, warning or
// field help without a source, a source citing no real section, or a value
// list that is neither the guide's nor labelled as bascule's fails.
func TestEveryTextHasASource(t *testing.T) {
	g := Default()
	for _, s := range g.Steps {
		if !s.Help.IsZero() && s.HelpSource.IsZero() {
			t.Errorf("%s: help without a source", s.ID)
		}
		if !s.Warning.IsZero() && s.WarningSource.IsZero() {
			t.Errorf("%s: warning without a source", s.ID)
		}
		for _, said := range s.Sourced() {
			if said.Source.IsZero() {
				t.Errorf("%s: %q has no source", s.ID, said.Text.FR)
			}
			if said.Source.Kind == SourceGuide {
				if len(said.Source.Sections()) == 0 {
					t.Errorf("%s: guide source without a section", s.ID)
				}
				for _, sec := range said.Source.Sections() {
					if !ValidSection(sec) {
						t.Errorf("%s: §%s is not a section of the guide", s.ID, sec)
					}
				}
			}
			if l := said.Source.Label(); l.FR == "" || l.EN == "" {
				t.Errorf("%s: source %v has no label", s.ID, said.Source)
			}
		}
		if s.Form == nil {
			continue
		}
		for _, f := range s.Form.Fields {
			if !f.Help.IsZero() && f.HelpSource.IsZero() {
				t.Errorf("%s.%s: field help without a source", s.ID, f.ID)
			}
			if len(f.Options) == 0 {
				continue
			}
			switch f.OptionsSource.Kind {
			case SourceGuide:
				for _, sec := range f.OptionsSource.Sections() {
					if !ValidSection(sec) {
						t.Errorf("%s.%s: list cites §%s", s.ID, f.ID, sec)
					}
				}
			case SourceBascule:
				if l := f.OptionsLabel(); !strings.Contains(l.FR, "bascule") || !strings.Contains(l.EN, "bascule") {
					t.Errorf("%s.%s: bascule's list is not labelled as such: %v", s.ID, f.ID, l)
				}
			default:
				t.Errorf("%s.%s: value list with no source", s.ID, f.ID)
			}
		}
	}
	// The guide's own words stay free of facts gathered elsewhere (point 17).
	for _, s := range g.Steps {
		if s.HelpSource.Kind != SourceGuide {
			continue
		}
		for _, outside := range []string{"ECMA", "ne voit rien", "Loop", "QR", "500"} {
			if strings.Contains(s.Help.FR, outside) || strings.Contains(s.Warning.FR, outside) {
				t.Errorf("%s: %q is not the guide's: move it to the note", s.ID, outside)
			}
		}
	}
}

func TestSourceLabels(t *testing.T) {
	cases := []struct {
		src    Source
		fr, en string
	}{
		{FromGuide("2"), "guide §2", "guide §2"},
		{FromGuide("2", "3.3"), "guide §2, §3.3", "guide §2, §3.3"},
		{FromBascule(), "note de bascule", "bascule's note"},
		{Source{}, "", ""},
	}
	for _, c := range cases {
		if l := c.src.Label(); l.FR != c.fr || l.EN != c.en {
			t.Errorf("%+v: %v", c.src, l)
		}
	}
	said := Said{Text: tx("Texte", "Text"), Source: FromGuide("4")}
	if said.In(French) != "Texte (guide §4)" || said.In(English) != "Text (guide §4)" {
		t.Errorf("said: %q / %q", said.In(French), said.In(English))
	}
	if (Said{}).In(French) != "" {
		t.Error("an empty sentence shows nothing")
	}
}

// Point 17: the split of a block's minutes is bascule's, the guide times the block.
func TestEstimateSource(t *testing.T) {
	g := Default()
	logo, _ := g.Step("preparation.client.logo")
	if g.EstimateSource(logo).Kind != SourceBascule {
		t.Error("a share of a block's duration is bascule's split")
	}
	if n, ok := g.EstimateNote(logo); !ok || !strings.Contains(n.Text.FR, "10 min") || !strings.Contains(n.Text.FR, "§2") {
		t.Errorf("note: %v %v", n, ok)
	}
	api, _ := g.Step("reconciliation.cabinet.api_connections")
	if src := g.EstimateSource(api); src.Kind != SourceGuide || src.Section != "3.4" {
		t.Errorf("API connections are timed by the guide itself: %v", src)
	}
	if _, ok := g.EstimateNote(api); ok {
		t.Error("no split note for a step the guide times")
	}
	sub, _ := g.Step("reconciliation.client.subscription")
	if !g.EstimateSource(sub).IsZero() {
		t.Error("no duration, no source")
	}
}
