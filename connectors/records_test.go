package connectors

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestParseNumbering(t *testing.T) {
	tests := []struct {
		in   string
		want Numbering
		next string
	}{
		{"FAC-0142", Numbering{"FAC-", 142, 4}, "FAC-0143"},
		{"FAC-0999", Numbering{"FAC-", 999, 4}, "FAC-1000"},
		{"FAC-9999", Numbering{"FAC-", 9999, 4}, "FAC-10000"},
		{"2024-12-0042", Numbering{"2024-12-", 42, 4}, "2024-12-0043"},
		{" F2024/007 ", Numbering{"F2024/", 7, 3}, "F2024/008"},
		{"42", Numbering{"", 42, 2}, "43"},
		{"NC-0000", Numbering{"NC-", 0, 4}, "NC-0001"},
	}
	for _, tt := range tests {
		got, err := ParseNumbering(tt.in)
		if err != nil {
			t.Fatalf("ParseNumbering(%q): %v", tt.in, err)
		}
		if got != tt.want {
			t.Errorf("ParseNumbering(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
		if s := got.Next().String(); s != tt.next {
			t.Errorf("ParseNumbering(%q).Next() = %q, want %q", tt.in, s, tt.next)
		}
		if s := got.String(); s != strings.TrimSpace(tt.in) {
			t.Errorf("round trip %q -> %q", tt.in, s)
		}
	}
	if got := (Numbering{Prefix: "FAC-", Padding: 4}).Format(143); got != "FAC-0143" {
		t.Errorf("Format(143) = %q", got)
	}
	for _, bad := range []string{"", "   ", "FAC-", "FAC-12A", "1234567890123456789012"} {
		_, err := ParseNumbering(bad)
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseNumbering(%q) error = %v, want ErrInvalid", bad, err)
		}
	}
}

func TestClientStatus(t *testing.T) {
	tests := []struct {
		s        ClientStatus
		fr, en   string
		inactive bool
	}{
		{StatusActive, "Actif", "Active", false},
		{StatusDraft, "Brouillon", "Draft", true},
		{StatusCreated, "Créé", "Created", true},
		{StatusUpdated, "Mis à jour", "Updated", true},
	}
	for _, tt := range tests {
		if tt.s.FrenchLabel() != tt.fr || tt.s.EnglishLabel() != tt.en || tt.s.Inactive() != tt.inactive || !tt.s.Valid() {
			t.Errorf("%s: got %q %q inactive=%v", tt.s, tt.s.FrenchLabel(), tt.s.EnglishLabel(), tt.s.Inactive())
		}
		for _, in := range []string{string(tt.s), tt.fr, tt.en, strings.ToUpper(tt.fr)} {
			if got, err := ParseClientStatus(in); err != nil || got != tt.s {
				t.Errorf("ParseClientStatus(%q) = %q, %v", in, got, err)
			}
		}
	}
	if ClientStatus("archive").Inactive() || ClientStatus("archive").Valid() {
		t.Error("unknown status must be neither valid nor inactive")
	}
	if _, err := ParseClientStatus("supprimé"); !errors.Is(err, ErrInvalid) {
		t.Errorf("ParseClientStatus(unknown) = %v", err)
	}
	if len(ClientStatuses()) != 4 {
		t.Error("ClientStatuses")
	}
}

func TestLabels(t *testing.T) {
	for _, p := range ArticleProblems() {
		if p.FrenchLabel() == string(p) || p.EnglishLabel() == string(p) {
			t.Errorf("article problem %s has no label", p)
		}
	}
	for _, s := range Softwares() {
		if s.Label() == "" || s.Label() == string(s) {
			t.Errorf("software %s has no label", s)
		}
	}
	for _, s := range []RequestState{RequestSubmitted, RequestInProgress, RequestSucceeded, RequestFailed} {
		if s.FrenchLabel() == string(s) || s.EnglishLabel() == string(s) {
			t.Errorf("request state %s has no label", s)
		}
	}
	if !RequestFailed.Done() || RequestInProgress.Done() {
		t.Error("RequestState.Done")
	}
}

func TestCounts(t *testing.T) {
	c := InvoiceCounts{
		Purchases: DirectionCounts{Pending: 3, AcceptedPaid: 100, AcceptedUnpaid: 10},
		Sales:     DirectionCounts{Pending: 1, AcceptedPaid: 28, AcceptedUnpaid: 4},
	}
	if c.PendingTotal() != 4 || c.AcceptedTotal() != 142 {
		t.Errorf("pending %d accepted %d", c.PendingTotal(), c.AcceptedTotal())
	}
}

func TestJSONKeys(t *testing.T) {
	b, err := json.Marshal(V1Snapshot{Client: Client{LegalName: "X", PaymentServices: true}})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"legal_name":"X"`, `"payment_services":true`, `"reception_email"`, `"fetched_at"`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("JSON %s lacks %s", b, k)
		}
	}
	b, _ = json.Marshal(MigrationRequest{Reference: "R1"})
	if strings.Contains(string(b), "completed_at") {
		t.Errorf("zero completed_at should be omitted: %s", b)
	}
}
