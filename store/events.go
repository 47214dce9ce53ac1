package store

import (
	"fmt"
	"time"

	"github.com/bascule-cli/bascule/checklist"
)

// storedEvent is an Event as the file keeps it. Its number and client are
// in its key and its workspace is the bucket's, so the value does not repeat
// them: events are most of a workspace's bytes, and a smaller tree is both
// shallower for each change and quicker to check at Open. Values written
// before (with seq, workspace and ref) still read: those fields are only
// read, never written.
type storedEvent struct {
	At     time.Time `json:"at"`
	Who    string    `json:"who,omitempty"`
	Action string    `json:"action"`
	Step   string    `json:"step,omitempty"`
	From   string    `json:"from,omitempty"`
	To     string    `json:"to,omitempty"`
	Detail string    `json:"detail,omitempty"`

	OldRef *checklist.Ref `json:"ref,omitempty"`
}

func encodeEvent(e Event) ([]byte, error) {
	return encode(storedEvent{At: e.At, Who: e.Who, Action: e.Action, Step: e.Ref.Step,
		From: e.From, To: e.To, Detail: e.Detail})
}

// decodeEvent reads the event stored under key k of workspace ws.
func decodeEvent(ws string, k, v []byte) (Event, error) {
	ck, ok := parseClientKey(k)
	if !ok || ck.kind != kindEvent {
		return Event{}, &FormatError{What: "événement", Msg: fmt.Sprintf("clé %q", k)}
	}
	var se storedEvent
	if err := decode(v, "événement", &se); err != nil {
		return Event{}, err
	}
	step := se.Step
	if se.OldRef != nil && step == "" {
		step = se.OldRef.Step
	}
	return Event{Seq: ck.seq, At: se.At, Who: se.Who, Workspace: ws, Action: se.Action,
		Ref: checklist.Ref{Step: step, Client: ck.client}, From: se.From, To: se.To, Detail: se.Detail}, nil
}
