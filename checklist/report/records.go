package report

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/bascule-cli/bascule/checklist"
	"github.com/bascule-cli/bascule/checklist/ident"
)

// Source reads what was recorded on one step instance. *store.DB and the
// program's store satisfy it; the report reads nothing else.
type Source interface {
	StepState(ws string, ref checklist.Ref) (checklist.StepState, error)
}

// States are the step records of a run, by instance. Instances with nothing
// recorded are absent.
type States map[checklist.Ref]checklist.StepState

// LoadStates reads the record of every step instance of run that applies:
// the cabinet's steps, then each client's (payment steps only for payment
// clients). It is the one way the command line and the program gather what
// was noted, so that their reports say the same.
func LoadStates(src Source, ws string, run *checklist.Run) (States, error) {
	out := States{}
	put := func(ref checklist.Ref) error {
		st, err := src.StepState(ws, ref)
		if err != nil {
			return err
		}
		if recorded(st) {
			out[ref] = st
		}
		return nil
	}
	g := run.Guide
	for _, s := range g.StepsFor(checklist.ScopeCabinet) {
		if err := put(checklist.Ref{Step: s.ID}); err != nil {
			return nil, err
		}
	}
	side := g.ClientSideSteps()
	for ci := range run.Clients {
		c := &run.Clients[ci]
		for _, s := range side {
			if s.Scope == checklist.ScopePayment && !c.Payment {
				continue
			}
			if err := put(checklist.Ref{Step: s.ID, Client: c.ID}); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func recorded(st checklist.StepState) bool {
	return st.Status != checklist.StatusTodo || st.Note != "" || st.Reason != "" || st.Capture != nil || st.Evidence != nil
}

// StepRecord is what was recorded on one step instance: its status with the
// reason, the note, who changed it and when, a summary of the evidence and
// the values captured.
type StepRecord struct {
	ID       string        `json:"id"`
	Phase    string        `json:"phase"`
	Section  string        `json:"section"`
	Title    string        `json:"title"`
	Actor    string        `json:"actor"`
	Status   string        `json:"status"`
	Reason   string        `json:"reason,omitempty"`
	Note     string        `json:"note,omitempty"`
	By       string        `json:"by,omitempty"`
	At       *time.Time    `json:"at,omitempty"`
	Evidence *EvidenceView `json:"evidence,omitempty"`
	Captured *Captured     `json:"captured,omitempty"`
}

// EvidenceView is a check's evidence with a one-line summary for the reader.
type EvidenceView struct {
	Source   string              `json:"source"`
	At       time.Time           `json:"at"`
	OK       bool                `json:"ok"`
	Facts    map[string]string   `json:"facts,omitempty"`
	Findings []checklist.Finding `json:"findings,omitempty"`
	Summary  string              `json:"summary"`
}

// Captured is what a capture form holds: its fields, in the form's order,
// and the items noted. Sealed fields (credentials) are never in it.
type Captured struct {
	ItemLabel string             `json:"item_label,omitempty"`
	Fields    []CapturedField    `json:"fields"`
	Items     []checklist.Record `json:"items"`
}

// CapturedField names one field of a capture.
type CapturedField struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Type  string `json:"type"`
	// options maps a choice's stored value to its label, for the reader.
	options map[string]string
}

// Record builds the view of one step's record in lang, times in loc. It
// does not mask: Build masks the whole report at the end, and step list
// calls MaskRecord.
// g names the §3.3 items in the evidence summary (nil: checklist.Default()).
func Record(g *checklist.Guide, s *checklist.Step, st checklist.StepState, lang checklist.Lang, loc *time.Location) StepRecord {
	if loc == nil {
		loc = time.UTC
	}
	r := StepRecord{ID: s.ID, Phase: s.Phase.String(), Section: s.Section, Title: s.Title.In(lang), Actor: s.Actor.String(),
		Status: st.Status.String(), Reason: st.Reason, Note: st.Note, By: st.By}
	if !st.At.IsZero() {
		at := st.At.In(loc)
		r.At = &at
	}
	if e := st.Evidence; e != nil {
		r.Evidence = &EvidenceView{Source: e.Source, At: e.At.In(loc), OK: e.OK, Facts: e.Facts, Findings: e.Findings,
			Summary: evidenceSummary(g, *e, lang, loc)}
	}
	if st.Capture != nil && s.Form != nil && len(st.Capture.Items) > 0 {
		c := &Captured{ItemLabel: s.Form.ItemLabel.In(lang)}
		for _, f := range s.Form.Fields {
			if f.Type != checklist.FieldSecret {
				cf := CapturedField{ID: f.ID, Label: f.Label.In(lang), Type: f.Type.String()}
				if len(f.Options) > 0 {
					cf.options = map[string]string{}
					for _, o := range f.Options {
						cf.options[o.Value] = o.Label.In(lang)
					}
				}
				c.Fields = append(c.Fields, cf)
			}
		}
		for _, it := range st.Capture.Items {
			cp := make(checklist.Record, len(it))
			for k, v := range it {
				cp[k] = v
			}
			c.Items = append(c.Items, cp)
		}
		r.Captured = c
	}
	return r
}

// evidenceSummary says in one line where a check looked, when, and what it
// found, with the facts and findings named for the reader (FactLabel,
// FindingLabel): "V1, 02/03/2026 11:30 : conforme (achats en attente : 0 ;
// ventes en attente : 0)".
func evidenceSummary(g *checklist.Guide, e checklist.Evidence, lang checklist.Lang, loc *time.Location) string {
	src := map[string]string{"v1": "V1", "v2": "V2", "sandbox": textsOf(lang).Demo, "file": textsOf(lang).File}[e.Source]
	if src == "" {
		src = e.Source
	}
	layout := textsOf(lang).DateLayout
	s := src
	if !e.At.IsZero() {
		s += ", " + e.At.In(loc).Format(layout)
	}
	verdict := textsOf(lang).AsExpected
	if !e.OK {
		verdict = textsOf(lang).Discrepancy
	}
	s += textsOf(lang).Colon + verdict
	var parts []string
	keys := make([]string, 0, len(e.Facts))
	for k := range e.Facts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		parts = append(parts, FactLabel(g, k, lang)+textsOf(lang).Colon+FactValue(k, e.Facts[k], lang))
	}
	for _, f := range e.Findings {
		parts = append(parts, FindingLabel(g, f, lang))
	}
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, " ; ") + ")"
	}
	return s
}

// MaskRecord masks the IBANs of a record: IBAN fields to their last four
// characters, and any IBAN-shaped run in free text.
func MaskRecord(r *StepRecord) {
	r.Reason, r.Note = MaskText(r.Reason), MaskText(r.Note)
	if r.Evidence != nil {
		r.Evidence.Summary = MaskText(r.Evidence.Summary)
		facts := make(map[string]string, len(r.Evidence.Facts))
		for k, v := range r.Evidence.Facts {
			facts[k] = MaskText(v)
		}
		if r.Evidence.Facts != nil {
			r.Evidence.Facts = facts
		}
		fs := make([]checklist.Finding, len(r.Evidence.Findings))
		for i, f := range r.Evidence.Findings {
			f.Detail = MaskText(f.Detail)
			fs[i] = f
		}
		if r.Evidence.Findings != nil {
			r.Evidence.Findings = fs
		}
	}
	if c := r.Captured; c != nil {
		iban := map[string]bool{}
		for _, f := range c.Fields {
			iban[f.ID] = f.Type == checklist.FieldIBAN.String()
		}
		for _, it := range c.Items {
			for k, v := range it {
				if iban[k] && v != "" {
					it[k] = ident.MaskIBAN(v)
				} else {
					it[k] = MaskText(v)
				}
			}
		}
	}
}

// itemText writes one captured item for the reader:
// "Nom : Céline Lefèvre · E-mail : celine@… · À réinviter : oui".
func (r *Report) itemText(c *Captured, it checklist.Record) string {
	var parts []string
	for _, f := range c.Fields {
		v, ok := it[f.ID]
		if !ok || v == "" {
			continue
		}
		if f.Type == checklist.FieldBool.String() {
			switch v {
			case "true":
				v = textsOf(r.Lang).Yes
			case "false":
				v = textsOf(r.Lang).No
			}
		}
		if f.options != nil {
			vs := checklist.SplitMulti(v)
			for i, x := range vs {
				if l, ok := f.options[x]; ok {
					vs[i] = l
				}
			}
			v = strings.Join(vs, ", ")
		}
		parts = append(parts, f.Label+textsOf(r.Lang).Colon+v)
	}
	return strings.Join(parts, " · ")
}

// recordText is a step record in one line: status, reason, note, captured
// items, evidence, who and when. It is what the Markdown and CSV detail
// cells hold.
func (r *Report) recordText(s StepRecord) string {
	return strings.Join(r.recordParts(s), " — ")
}

func (r *Report) recordParts(s StepRecord) []string {
	st := r.stepStatus(s.Status)
	if s.Reason != "" {
		st += textsOf(r.Lang).Reason + s.Reason + ")"
	}
	parts := []string{st}
	if s.Note != "" {
		parts = append(parts, textsOf(r.Lang).Note2+s.Note)
	}
	if c := s.Captured; c != nil {
		for i, it := range c.Items {
			label := c.ItemLabel
			if label == "" {
				label = textsOf(r.Lang).Entry
			}
			if len(c.Items) > 1 {
				label += fmt.Sprintf(" %d", i+1)
			}
			parts = append(parts, label+textsOf(r.Lang).Colon+r.itemText(c, it))
		}
	}
	if s.Evidence != nil {
		parts = append(parts, textsOf(r.Lang).Evidence+s.Evidence.Summary)
	}
	if by := joinNonEmpty(", ", s.By, r.dateP(s.At)); by != "" {
		parts = append(parts, by)
	}
	return parts
}

func (r *Report) dateP(t *time.Time) string {
	if t == nil {
		return ""
	}
	return r.date(*t)
}

// stepStatus is a step status id for the reader.
func (r *Report) stepStatus(id string) string {
	st, ok := checklist.ParseStatus(id)
	if !ok {
		return id
	}
	return st.Title().In(r.Lang)
}

// cabinetRecords lists the cabinet's step records, in the guide's order.
func cabinetRecords(run *checklist.Run, states States, lang checklist.Lang, loc *time.Location) []StepRecord {
	out := []StepRecord{}
	for _, s := range run.Guide.StepsFor(checklist.ScopeCabinet) {
		st, ok := states[checklist.Ref{Step: s.ID}]
		if !ok {
			continue
		}
		st.Status, _ = run.Status(checklist.Ref{Step: s.ID})
		out = append(out, Record(run.Guide, s, st, lang, loc))
	}
	return out
}

// clientRecords lists a client's step records and the steps still open,
// in the guide's order. The status is the run's, which the records follow.
func clientRecords(run *checklist.Run, ci int, states States, lang checklist.Lang, loc *time.Location) ([]StepRecord, []LeftStep) {
	c := &run.Clients[ci]
	recs, left := []StepRecord{}, []LeftStep{}
	for p, s := range run.Guide.ClientSideSteps() {
		if s.Scope == checklist.ScopePayment && !c.Payment {
			continue
		}
		status := c.Steps[p]
		st, ok := states[checklist.Ref{Step: s.ID, Client: c.ID}]
		if ok {
			st.Status = status
			recs = append(recs, Record(run.Guide, s, st, lang, loc))
		}
		if !status.Resolved() {
			open := s.Phase != checklist.PhaseReconciliation && s.Phase != checklist.PhaseSummary || run.Migrated()
			left = append(left, LeftStep{ID: s.ID, Title: s.Title.In(lang), Phase: s.Phase.String(), Status: status.String(),
				Reason: st.Reason, Actor: s.Actor.String(), Who: s.Actor.Title().In(lang), Open: open})
		}
	}
	return recs, left
}

// externalAccounts is the step whose capture holds the IBANs noted before
// the switch.
const externalAccounts = "preparation.payment.external_accounts"

func ibansOf(recs []StepRecord) []string {
	var out []string
	for _, s := range recs {
		if s.ID != externalAccounts || s.Captured == nil {
			continue
		}
		for _, it := range s.Captured.Items {
			if v := it["iban"]; v != "" {
				out = append(out, v)
			}
		}
	}
	return out
}

// EntriesOf copies audit events into the report's entries, oldest first as
// given; Build tells each as a sentence.
func EntriesOf(events []checklist.Event) []Entry {
	out := make([]Entry, 0, len(events))
	for _, e := range events {
		out = append(out, EntryOf(e))
	}
	return out
}

// EntryOf copies one audit event into a report entry.
func EntryOf(e checklist.Event) Entry {
	return Entry{At: e.At, By: e.Who, Client: e.Ref.Client, Step: e.Ref.Step,
		Action: e.Action, From: e.From, To: e.To, Detail: e.Detail}
}
