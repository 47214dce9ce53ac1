package ident

import (
	"errors"
	"testing"
)

// wantErr describes the error a table case expects; a zero Reason means the
// value must be accepted. Message, when set, is the exact French text.
type wantErr struct {
	reason  Reason
	detail  string
	message string
}

// checkResult compares err with want, also checking that errors are *Error
// of the expected kind with both messages filled.
func checkResult(t *testing.T, input string, kind Kind, err error, want wantErr) {
	t.Helper()
	if want.reason == 0 {
		if err != nil {
			t.Errorf("%q: unexpected error %v", input, err)
		}
		return
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("%q: got %v, want *Error with reason %v", input, err, want.reason)
		return
	}
	if e.Kind != kind || e.Reason != want.reason {
		t.Errorf("%q: got %v/%v (%s), want %v/%v", input, e.Kind, e.Reason, e.Error(), kind, want.reason)
	}
	if want.detail != "" && e.Detail != want.detail {
		t.Errorf("%q: detail %q, want %q", input, e.Detail, want.detail)
	}
	if want.message != "" && e.Error() != want.message {
		t.Errorf("%q: message %q, want %q", input, e.Error(), want.message)
	}
	if e.fr == "" || e.en == "" {
		t.Errorf("%q: built without rendered messages: %q / %q", input, e.Error(), e.English())
	}
}

func ok() wantErr { return wantErr{} }

func bad(r Reason) wantErr { return wantErr{reason: r} }

func badMsg(r Reason, message string) wantErr { return wantErr{reason: r, message: message} }

func badDetail(r Reason, detail string) wantErr { return wantErr{reason: r, detail: detail} }
