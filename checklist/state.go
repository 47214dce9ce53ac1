package checklist

import (
	"fmt"
	"time"
)

// Status is where a step instance stands.
type Status uint8

// The statuses of a step. The zero value is "à faire".
const (
	StatusTodo Status = iota
	StatusInProgress
	StatusDone
	StatusBlocked       // needs a reason
	StatusNotApplicable // needs a reason
	statusCount
)

var statusIDs = [statusCount]string{"todo", "in_progress", "done", "blocked", "not_applicable"}

var statusTitles = [statusCount]Text{
	{"à faire", "to do"},
	{"en cours", "in progress"},
	{"fait", "done"},
	{"bloqué", "blocked"},
	{"sans objet", "not applicable"},
}

// String returns the status's stable id.
func (s Status) String() string {
	if s < statusCount {
		return statusIDs[s]
	}
	return fmt.Sprintf("status(%d)", s)
}

// Title is the status for the user.
func (s Status) Title() Text {
	if s < statusCount {
		return statusTitles[s]
	}
	return Text{}
}

// Resolved reports whether the step needs no more work: done or not applicable.
func (s Status) Resolved() bool { return s == StatusDone || s == StatusNotApplicable }

// NeedsReason reports whether setting this status requires a reason.
func (s Status) NeedsReason() bool { return s == StatusBlocked || s == StatusNotApplicable }

// ParseStatus reads a status id; French titles are accepted too.
func ParseStatus(s string) (Status, bool) {
	for i, id := range statusIDs {
		if id == s || statusTitles[i].FR == s {
			return Status(i), true
		}
	}
	return 0, false
}

// Evidence is what a connector found for a step, and when.
type Evidence struct {
	Source string    `json:"source"` // "v1", "v2", "sandbox", "file"
	At     time.Time `json:"at"`
	OK     bool      `json:"ok"`
	// Facts are figures and values found, by stable key ("pending_purchases": "3").
	Facts map[string]string `json:"facts,omitempty"`
	// Findings are problems found, each a stable code with a count and detail.
	Findings []Finding `json:"findings,omitempty"`
}

// Finding is one problem a check found.
type Finding struct {
	Code   string `json:"code"`
	Count  int    `json:"count,omitempty"`
	Detail string `json:"detail,omitempty"`
}

// StepState is everything recorded for one step instance.
type StepState struct {
	Status   Status    `json:"status"`
	Reason   string    `json:"reason,omitempty"` // for blocked and not applicable
	Note     string    `json:"note,omitempty"`
	By       string    `json:"by,omitempty"`
	At       time.Time `json:"at,omitempty"`
	Evidence *Evidence `json:"evidence,omitempty"`
	Capture  *Capture  `json:"capture,omitempty"`
}

// Override lets a gate pass despite its blockers; the reason stays visible in
// the run, the reports and the audit.
type Override struct {
	Gate   string    `json:"gate"`
	Reason string    `json:"reason"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// Gate ids.
const (
	GateRequestReadiness = "request.readiness" // the request may be sent
)

// RequestRecord is the migration request as recorded.
type RequestRecord struct {
	SubmittedAt time.Time `json:"submitted_at,omitempty"`
	Reference   string    `json:"reference,omitempty"`
	Manual      bool      `json:"manual,omitempty"` // made by hand, not through V2
	SucceededAt time.Time `json:"succeeded_at,omitempty"`
	State       string    `json:"state,omitempty"`
}
