package checklist

import (
	"fmt"
	"time"
)

// Phase is one of the five phases of the guide, in the guide's order.
type Phase uint8

// The phases, in the order a cabinet goes through them.
const (
	PhasePreparation    Phase = iota // §2
	PhaseRegistration                // §3.1
	PhaseRequest                     // §3.2
	PhaseReconciliation              // §3.3 "Validation de migration et rattrapage" and §3.4 "Réintégration manuelle"
	PhaseSummary                     // §4
	phaseCount
)

// Phases lists every phase in order.
func Phases() []Phase {
	return []Phase{PhasePreparation, PhaseRegistration, PhaseRequest, PhaseReconciliation, PhaseSummary}
}

var phaseIDs = [phaseCount]string{"preparation", "registration", "request", "reconciliation", "summary"}

var phaseTitles = [phaseCount]Text{
	{"Préparation", "Preparation"},
	{"Inscription", "Registration"},
	{"Demande de migration", "Migration request"},
	{"Validation et réintégration", "Validation and re-entry"},
	{"Synthèse", "Summary"},
}

// String returns the phase's stable id ("preparation", ...).
func (p Phase) String() string {
	if p < phaseCount {
		return phaseIDs[p]
	}
	return fmt.Sprintf("phase(%d)", p)
}

// Title is the phase's name for the user.
func (p Phase) Title() Text {
	if p < phaseCount {
		return phaseTitles[p]
	}
	return Text{}
}

// ParsePhase is the inverse of String.
func ParsePhase(s string) (Phase, bool) {
	for i, id := range phaseIDs {
		if id == s {
			return Phase(i), true
		}
	}
	return 0, false
}

// Scope says what a step is done for: the cabinet once, every client company,
// or every client that uses the payment services (Banqup).
type Scope uint8

// The scopes of the guide.
const (
	ScopeCabinet Scope = iota
	ScopeClient
	ScopePayment
	scopeCount
)

var scopeIDs = [scopeCount]string{"cabinet", "client", "payment_client"}

var scopeTitles = [scopeCount]Text{
	{"Cabinet", "Firm"},
	{"Entreprise cliente", "Client company"},
	{"Client des services de paiement", "Payment-services client"},
}

// String returns the scope's stable id.
func (s Scope) String() string {
	if s < scopeCount {
		return scopeIDs[s]
	}
	return fmt.Sprintf("scope(%d)", s)
}

// Title is the scope's name for the user.
func (s Scope) Title() Text {
	if s < scopeCount {
		return scopeTitles[s]
	}
	return Text{}
}

// ParseScope is the inverse of String; "payment" is accepted too.
func ParseScope(s string) (Scope, bool) {
	if s == "payment" {
		return ScopePayment, true
	}
	for i, id := range scopeIDs {
		if id == s {
			return Scope(i), true
		}
	}
	return 0, false
}

// Kind says how a step is carried out.
type Kind uint8

// The kinds of step.
const (
	KindManual          Kind = iota // the user checks something and ticks it
	KindCapture                     // the user notes typed fields
	KindConnectorCheck              // evidence fetched from V1 or V2
	KindConnectorAction             // done on V2 for the user, after confirmation
)

var kindIDs = []string{"manual", "capture", "connector_check", "connector_action"}

var kindTitles = []Text{
	{"vérification manuelle", "manual check"},
	{"saisie", "capture"},
	{"vérification par connecteur", "connector check"},
	{"action par connecteur", "connector action"},
}

// String returns the kind's stable id.
func (k Kind) String() string {
	if int(k) < len(kindIDs) {
		return kindIDs[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// Title is the kind's name for the user.
func (k Kind) Title() Text {
	if int(k) < len(kindTitles) {
		return kindTitles[k]
	}
	return Text{}
}

// Actor says who may carry out a step.
type Actor uint8

// Who may do a step.
const (
	ActorCabinet         Actor = iota // someone of the cabinet
	ActorCabinetOrClient              // the cabinet or a user of the client company (§2)
)

// String returns the actor's stable id.
func (a Actor) String() string {
	if a == ActorCabinetOrClient {
		return "cabinet_or_client"
	}
	return "cabinet"
}

// Title is the actor for the user.
func (a Actor) Title() Text {
	if a == ActorCabinetOrClient {
		return tx("le cabinet ou l'entreprise cliente", "the firm or the client company")
	}
	return tx("le cabinet", "the firm")
}

// Estimate is a duration the guide gives, as a range (Min == Max when it gives
// one figure). The zero value means the guide gives none.
type Estimate struct {
	Min time.Duration `json:"min"`
	Max time.Duration `json:"max"`
}

// Nominal is the figure used for "time left": the middle of the range.
func (e Estimate) Nominal() time.Duration { return (e.Min + e.Max) / 2 }

// IsZero reports whether the guide gives no duration.
func (e Estimate) IsZero() bool { return e.Min == 0 && e.Max == 0 }

// Group is a block of the guide that states one duration for several steps,
// such as "Pour chaque entreprise cliente (durée 10 minutes)".
type Group struct {
	ID       string
	Phase    Phase
	Scope    Scope
	Section  string
	Title    Text
	Duration Estimate // for the whole group; split evenly among its steps
}

// Step is one thing the guide asks to do.
type Step struct {
	ID      string // stable dotted id, e.g. "preparation.client.pending_invoices"
	Phase   Phase
	Scope   Scope
	Group   string // the Group this step belongs to, if the guide times the block
	Section string // guide section, e.g. "2", "3.4"
	Item    string // the item's number in its guide list, if any ("1", "5")
	Title   Text
	Help    Text // short help in our own words
	Warning Text // a caution the guide insists on (the MyUnisoft token)
	// HelpSource and WarningSource say where Help and Warning come from:
	// the guide at a section, or bascule. Every help text has one.
	HelpSource    Source
	WarningSource Source
	// Note is what bascule adds beside the guide: a fact from elsewhere (the
	// help centre, Banqup) or one of bascule's own rules. Its source is
	// always bascule; screens label it "note de bascule".
	Note  Text
	FAQ   string // the title of the FAQ article the guide points to (French only)
	Kind  Kind
	Actor Actor
	// Optional marks a step the guide leaves to the user ("si besoin"): it
	// never blocks the request.
	Optional bool
	// PersonTicks marks a check whose evidence informs a person who then
	// ticks the step: a clean result never marks it done by itself.
	PersonTicks bool
	// Duration is the step's own estimate; when zero and the step is in a timed
	// group, Estimate() gives its share of the group's duration.
	Duration Estimate
	// Form is the capture form, for steps that note something.
	Form *Form
	// Requires lists steps that must be done (or not applicable) first.
	Requires []string
}

// Ref names one step instance: a step for the cabinet, or for one client.
type Ref struct {
	Step   string `json:"step"`
	Client string `json:"client,omitempty"` // client id; empty for cabinet steps
}

// String renders a ref as "client/step" or "cabinet/step".
func (r Ref) String() string {
	if r.Client == "" {
		return "cabinet/" + r.Step
	}
	return r.Client + "/" + r.Step
}

func minutes(n int) Estimate {
	d := time.Duration(n) * time.Minute
	return Estimate{Min: d, Max: d}
}

func minutesRange(lo, hi int) Estimate {
	return Estimate{Min: time.Duration(lo) * time.Minute, Max: time.Duration(hi) * time.Minute}
}
